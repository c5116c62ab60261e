package input

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// AnswersSheet is the sheet of a workbook that holds the answers, one person per row; a
// workbook without it is read from its first sheet.
const AnswersSheet = "Answers"

// Limits on what opening a workbook may unpack, so that a small file cannot expand into
// gigabytes (a zip bomb): everything unpacked, and each worksheet held in memory before
// it is read from a temporary file instead (excelize removes those on Close).
const (
	workbookUnzipLimit    = 1 << 30
	workbookInMemoryLimit = 16 << 20
)

// IsWorkbook reports whether data starts like an .xlsx workbook (a zip archive).
func IsWorkbook(head []byte) bool { return bytes.HasPrefix(head, []byte("PK\x03\x04")) }

// NewWorkbookReader reads the header of a workbook's Answers sheet (else its first
// sheet) with the rules of a CSV sheet: numbers or text for scores, a date cell or text
// for dates, empty rows skipped. Every problem is named FILE:SHEET!CELL. Close releases
// the workbook.
func NewWorkbookReader(file string, in io.Reader, r *rubric.Rubric) (s *SheetReader, err error) {
	// A damaged workbook must be an error, never a crash inside the library that reads it.
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, damaged(file, p)
		}
	}()
	data, err := inputfile.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	fail := func(format string, args ...any) error {
		var probs problem.List
		probs.Add(file, 0, format, args...)
		return probs.Err()
	}
	if !IsWorkbook(data) {
		return nil, fail("not an .xlsx workbook (an old .xls file, or a password-protected one, is not read): save it from the spreadsheet as \"Excel Workbook (.xlsx)\"")
	}
	wb, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: workbookUnzipLimit, UnzipXMLSizeLimit: workbookInMemoryLimit})
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || errors.Is(err, io.EOF) || strings.Contains(err.Error(), "zip") {
			return nil, fail("not a readable .xlsx workbook (a zip archive without a workbook in it, or a damaged one): save it from the spreadsheet as \"Excel Workbook (.xlsx)\"")
		}
		return nil, fail("cannot open the workbook: %v", err)
	}
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		wb.Close()
		return nil, fail("the workbook has no sheets")
	}
	sheet := sheets[0]
	for _, name := range sheets {
		if strings.EqualFold(name, AnswersSheet) {
			sheet = name
		}
	}
	rows, err := wb.Rows(sheet)
	if err != nil {
		wb.Close()
		return nil, fail("cannot read sheet %q: %v", sheet, err)
	}
	props, _ := wb.GetWorkbookProps()
	w := &workbookRecords{file: file, sheet: sheet, wb: wb, rows: rows, date1904: props.Date1904 != nil && *props.Date1904,
		odds: oddCells(data, sheet)}
	if s, err = newSheetReader(file, w, r); err != nil {
		w.Close()
		return nil, err
	}
	return s, nil
}

// damaged is the problem of a workbook the library could not make sense of.
func damaged(file string, p any) error {
	var probs problem.List
	probs.Add(file, 0, "the workbook is damaged (%v): open it in the spreadsheet and save it again", p)
	return probs.Err()
}

// workbookRecords reads the rows of one sheet of a workbook, as stored (a number as a
// number, a date as its day count), without the spreadsheet's display formats.
type workbookRecords struct {
	file, sheet string
	wb          *excelize.File
	rows        *excelize.Rows
	row         int
	date1904    bool
	// odds are the cells whose stored value is not what was typed, by reference ("G7").
	odds map[string]string
}

func (w *workbookRecords) odd(col, row int) string {
	if len(w.odds) == 0 {
		return ""
	}
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return ""
	}
	return w.odds[ref]
}

func (w *workbookRecords) next() (cells []string, row int, err error) {
	defer func() {
		if p := recover(); p != nil {
			cells, row, err = nil, 0, damaged(w.file, p)
		}
	}()
	if !w.rows.Next() {
		if err := w.rows.Error(); err != nil {
			var probs problem.List
			probs.AddAt(w.where(0), w.row+1, "cannot read the sheet: %v", err)
			return nil, 0, probs.Err()
		}
		return nil, 0, io.EOF
	}
	w.row++
	cells, err = w.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		var probs problem.List
		probs.AddAt(w.where(0), w.row, "cannot read the row: %v", err)
		return nil, 0, probs.Err()
	}
	return cells, w.row, nil
}

// where is the sheet and the column of cell col.
func (w *workbookRecords) where(col int) problem.Place {
	name, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		name = "A"
	}
	return problem.Place{File: w.file, Column: w.sheet + "!" + name}
}

func (w *workbookRecords) kind() string { return "sheet" }
func (w *workbookRecords) short() bool  { return true }

// date turns a date cell, stored as a day count, into the day or the moment it is.
func (w *workbookRecords) date(cell string) string {
	serial, err := strconv.ParseFloat(cell, 64)
	if err != nil || serial < 1 || serial > 2958465 { // text, a time of day alone, or past 9999-12-31
		return cell
	}
	t, err := excelize.ExcelDateToTime(serial, w.date1904)
	if err != nil {
		return cell
	}
	if serial == math.Trunc(serial) {
		return t.Format("2006-01-02")
	}
	return t.Truncate(time.Second).Format(time.RFC3339)
}

func (w *workbookRecords) Close() error {
	w.rows.Close()
	return w.wb.Close()
}

// oddCells finds, in a sheet's XML, the cells whose stored value would be read as something
// the person did not type: a TRUE/FALSE cell (stored as 1 or 0), a formula without a
// stored result (as a script saves one: it would read as empty), an error value (#N/A).
// The streamed rows carry values only, so the sheet is scanned for them once. A workbook
// it cannot make sense of has none: opening it reports the damage.
func oddCells(data []byte, sheet string) map[string]string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	open := func(name string) io.ReadCloser {
		name = strings.TrimPrefix(name, "/")
		for _, f := range zr.File {
			if f.Name == name {
				if rc, err := f.Open(); err == nil {
					return struct {
						io.Reader
						io.Closer
					}{io.LimitReader(rc, workbookUnzipLimit), rc}
				}
			}
		}
		return nil
	}
	// The sheet's part: its relationship id in the workbook, then that id's target.
	id := ""
	eachStart(open("xl/workbook.xml"), func(e xml.StartElement) {
		if e.Name.Local == "sheet" && attr(e, "name") == sheet {
			id = attr(e, "id")
		}
	})
	target := ""
	eachStart(open("xl/_rels/workbook.xml.rels"), func(e xml.StartElement) {
		if e.Name.Local == "Relationship" && attr(e, "Id") == id && id != "" {
			target = attr(e, "Target")
		}
	})
	if target == "" {
		return nil
	}
	if !strings.HasPrefix(target, "/") {
		target = "xl/" + target
	}
	rc := open(target)
	if rc == nil {
		return nil
	}
	defer rc.Close()
	odds := map[string]string{}
	dec := xml.NewDecoder(rc)
	var ref, typ string
	var formula, value, inValue bool
	for {
		tok, err := dec.Token()
		if err != nil {
			return odds
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				ref, typ, formula, value = attr(t, "r"), attr(t, "t"), false, false
			case "f":
				formula = true
			case "v":
				inValue = true
			}
		case xml.CharData:
			if inValue && len(bytes.TrimSpace(t)) > 0 {
				value = true // an empty <v></v> is no stored result
			}
		case xml.EndElement:
			if t.Name.Local == "v" {
				inValue = false
			}
			if t.Name.Local != "c" || ref == "" {
				continue
			}
			switch {
			case typ == "b":
				odds[ref] = "a TRUE/FALSE cell, not a score: type the score or na"
			case typ == "e":
				odds[ref] = "an error value (such as #N/A): type the score or na"
			case formula && !value:
				odds[ref] = "a formula without a stored result (the file was saved by a script, not a spreadsheet): type the value, or open and save the file in a spreadsheet"
			}
		}
	}
}

// eachStart calls fn for each start element of an XML part; a missing part has none.
func eachStart(rc io.ReadCloser, fn func(xml.StartElement)) {
	if rc == nil {
		return
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e)
		}
	}
}

// attr is an element's attribute by local name, whatever its namespace.
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
