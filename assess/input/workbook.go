package input

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/spreadsheet"
	"github.com/pmladder/pmladder/rubric"
)

// A workbook's sheet is read by internal/spreadsheet, which knows the format (the zip and
// its parts, the sheets, the rows as a stream, every file that is not a workbook named);
// this file chooses the sheet a team's answers are on and says what it found as a team
// review words it, and workbooksheet.go gives its rows the rules of a CSV sheet.

// AnswersSheet is the sheet of a workbook that holds the answers, one person per row; a
// workbook without it is read from its first visible sheet.
const AnswersSheet = "Answers"

// maxSpool is the largest workbook read from stdin, which is copied to a temporary file
// first (a zip is read from its end).
const maxSpool = 4 << 30

// saveAsXLSX is how to make a file pmladder reads.
const saveAsXLSX = spreadsheet.SaveAsXLSX

// wantSheet is what a document that is no workbook should have been.
const wantSheet = "the team sheet (.xlsx or .csv)"

// IsWorkbook reports whether data starts like a spreadsheet's file rather than text: a
// zip archive (an .xlsx, an .xlsm, an empty archive) or an Office 97–2003 compound file
// (an .xls, or a password-protected workbook). NewWorkbookReader says which.
func IsWorkbook(head []byte) bool { return spreadsheet.IsWorkbook(head) }

// NewWorkbookReader reads the header of a workbook's Answers sheet (else its first
// visible sheet) with the rules of a CSV sheet: numbers or text for scores, a date cell
// or text for dates, empty rows skipped. Every problem is named FILE:SHEET!CELL. A file
// is read where it is; anything else (stdin) is copied to a temporary file that is
// removed at once. Close releases the workbook.
func NewWorkbookReader(file string, in io.Reader, r *rubric.Rubric) (*SheetReader, error) {
	src, err := openWorkbookSource(file, in)
	if err != nil {
		return nil, err
	}
	w := &workbookRecords{file: file, src: src}
	if err := w.open(); err != nil {
		w.Close()
		var probs problem.List
		if !errors.As(err, &probs) {
			probs.Add(file, 0, "%v", err)
		}
		return nil, probs.Err()
	}
	s, err := newSheetReader(file, w, r)
	if err != nil {
		w.Close()
		return nil, err
	}
	w.sr = s
	s.Warnings = append(w.pending, s.Warnings...)
	w.pending = nil
	return s, nil
}

// workbookSource is the workbook's bytes, read at any place.
type workbookSource struct {
	ra   io.ReaderAt
	size int64
	// read counts the bytes read, for the progress; reported is what was told.
	read     atomic.Int64
	reported int64
	progress TeamProgress
	close    func() error
}

func (s *workbookSource) ReadAt(p []byte, off int64) (int, error) {
	n, err := s.ra.ReadAt(p, off)
	s.read.Add(int64(n))
	return n, err
}

// report tells the progress what was read since it was last told.
func (s *workbookSource) report() {
	if s.progress == nil {
		return
	}
	if n := s.read.Load(); n > s.reported {
		s.progress.Read(int(min(n, s.size) - min(s.reported, s.size)))
		s.reported = n
	}
}

// openWorkbookSource reads a file where it is, or copies anything else to a temporary
// file, removed as soon as it is made (and again on Close, where removing an open file
// fails).
func openWorkbookSource(file string, in io.Reader) (*workbookSource, error) {
	var progress TeamProgress
	if c, ok := in.(countingReader); ok {
		if f, ok := c.r.(*os.File); ok {
			in, progress = f, c.p // counted as the workbook is read
		}
	}
	switch f := in.(type) {
	case *os.File:
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return &workbookSource{ra: f, size: fi.Size(), progress: progress, close: func() error { return nil }}, nil
		}
	case interface {
		io.ReaderAt
		Size() int64
	}:
		return &workbookSource{ra: f, size: f.Size(), close: func() error { return nil }}, nil
	}
	tmp, err := os.CreateTemp("", "pmladder-*.xlsx")
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	name := tmp.Name()
	removed := os.Remove(name) == nil
	cleanup := func() error {
		tmp.Close()
		if !removed {
			return os.Remove(name)
		}
		return nil
	}
	n, err := io.Copy(tmp, io.LimitReader(in, maxSpool+1))
	if err != nil {
		cleanup()
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	if n > maxSpool {
		cleanup()
		return nil, spreadsheet.FileProblem(file, "a workbook larger than %d GiB is not read from stdin: give its file name", maxSpool>>30)
	}
	return &workbookSource{ra: tmp, size: n, close: cleanup}, nil
}

// open finds the sheet to read, reads the shared strings and starts reading the sheet:
// every problem with the file as a whole is a problem.List naming the file.
func (w *workbookRecords) open() error {
	book, err := spreadsheet.Open(w.file, w.src, w.src.size, spreadsheet.Options{Want: wantSheet, Sheet: "the answers sheet", ScanBuffer: scanBufferSize})
	if err != nil {
		return err
	}
	w.date1904 = book.Date1904
	fail := func(format string, args ...any) error { return spreadsheet.FileProblem(w.file, format, args...) }
	// The sheet: Answers, even hidden (with a warning); else the first visible sheet of
	// cells, and a word about any hidden one before it.
	sheets := book.Sheets
	var chosen *spreadsheet.Sheet
	for i, e := range sheets {
		if strings.EqualFold(e.Name, AnswersSheet) {
			chosen = &sheets[i]
			if !e.Cells {
				return fail("the sheet %s is a chart or a macro sheet, not a sheet of cells: put the answers in a sheet of cells", problem.Quote(e.Name))
			}
			if e.Hidden() {
				w.pending = append(w.pending, fmt.Sprintf("%s: the sheet %s is %s in the workbook: it is read, as it is named %s (show it to see what is scored)",
					w.file, problem.Quote(e.Name), e.DescribeHidden(), AnswersSheet))
			}
			break
		}
	}
	if chosen == nil {
		for i, e := range sheets {
			if !e.Hidden() && e.Cells {
				chosen = &sheets[i]
				break
			}
		}
		if chosen == nil {
			for _, e := range sheets {
				if e.Cells {
					return fail("every sheet of the workbook is hidden: show the sheet with the answers, or name it %s", AnswersSheet)
				}
			}
			return fail("the workbook has no sheet of cells (only charts or macro sheets)")
		}
		if first := sheets[0]; first.Hidden() && first.Cells {
			w.pending = append(w.pending, fmt.Sprintf("%s: the first sheet, %s, is %s: read %s, the first visible sheet, instead (a sheet named %s is read wherever it is)",
				w.file, problem.Quote(first.Name), first.DescribeHidden(), problem.Quote(chosen.Name), AnswersSheet))
		}
	}
	w.sheet = chosen.Label()
	w.rows, err = book.OpenSheet(*chosen)
	return err
}
