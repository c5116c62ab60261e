package input

import (
	"fmt"
	"io"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/spreadsheet"
	"github.com/pmladder/pmladder/internal/words"
)

// The rows of a workbook's sheet, read by internal/spreadsheet, as the records of a sheet
// (sheet.go): the same rules as a CSV sheet, with a cell named by sheet and column and the
// cells whose stored value is not what was typed named for what they are.

// Kinds of cells whose stored value is not what was typed (spreadsheet.Rows' kinds).
const (
	oddNone    = spreadsheet.OddNone
	oddBool    = spreadsheet.OddBool
	oddError   = spreadsheet.OddError
	oddFormula = spreadsheet.OddFormula
)

// oddMessages say what is wrong with each kind.
var oddMessages = [...]string{
	oddNone:    "",
	oddBool:    "a TRUE/FALSE cell, not a score: type the score or na",
	oddError:   "an error value (such as #N/A): type the score or na",
	oddFormula: "a formula without a stored result (the file was saved by a script, not a spreadsheet): type the value, or open and save the file in a spreadsheet",
}

// scanBufferSize is the size the workbook scanner's buffer starts at: the default, but
// for the fuzz tests, which make it small to try every place a tag or a value may be cut
// by the buffer's end.
var scanBufferSize = 0

// workbookRecords reads the rows of one sheet of a workbook, as stored (a number as a
// number, a date as its day count), without the spreadsheet's display formats.
type workbookRecords struct {
	file, sheet string
	src         *workbookSource
	rows        *spreadsheet.Rows
	date1904    bool
	// sr receives warnings found while reading (hidden rows); pending holds them until
	// it exists.
	sr         *SheetReader
	pending    []string
	row        int
	hiddenRows int
	// The row just read: its cells and their kinds.
	cells []string
	odds  []uint8
}

func (w *workbookRecords) odd(col, row int) string {
	if row != w.row || col >= len(w.odds) {
		return ""
	}
	return oddMessages[w.odds[col]]
}

// next reads the next row with cells; rows without any are skipped, as a CSV sheet's
// empty lines are.
func (w *workbookRecords) next() ([]string, int, error) {
	w.src.report()
	cells, odds, row, err := w.rows.Next()
	if err == io.EOF {
		if w.hiddenRows > 1 {
			w.warn(fmt.Sprintf("%s: %s in sheet %s %s hidden too, read and scored like the others", w.file,
				words.Count(w.hiddenRows-1, "more row", "more rows"), w.sheet, words.Plural(w.hiddenRows-1, "is", "are")))
		}
		w.hiddenRows = 0
		return nil, 0, io.EOF
	}
	if err != nil {
		return nil, 0, err
	}
	w.cells, w.odds, w.row = cells, odds, row
	if w.rows.Hidden() {
		if w.hiddenRows++; w.hiddenRows == 1 {
			w.warn(fmt.Sprintf("%s: row %d is hidden in the workbook: it is read and scored like the others (show hidden rows to see what is scored)",
				w.where(0).At(w.row), w.row))
		}
	}
	return cells, row, nil
}

func (w *workbookRecords) warn(msg string) {
	if w.sr != nil {
		w.sr.Warnings = append(w.sr.Warnings, msg)
	} else {
		w.pending = append(w.pending, msg)
	}
}

// where is the sheet and the column of cell col.
func (w *workbookRecords) where(col int) problem.Place { return w.rows.Place(col) }

func (w *workbookRecords) kind() string { return "sheet" }
func (w *workbookRecords) short() bool  { return true }

// date turns a date cell, stored as a day count, into the day or the moment it is.
func (w *workbookRecords) date(cell string) string { return spreadsheet.Date(cell, w.date1904) }

func (w *workbookRecords) Close() error {
	if w.rows != nil {
		w.rows.Close()
	}
	if w.src != nil {
		return w.src.close()
	}
	return nil
}
