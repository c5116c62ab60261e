package ladderimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/spreadsheet"
)

// A ladder is read whole into a table: a ladder is a few dozen rows, and knowing every
// row before deciding which is the header, which columns are levels and which rows
// continue the competency above them is what makes the import right.

// Limits on what a ladder file may make the importer hold: far beyond any ladder (a row
// per competency, a column per level), near enough that a file that is something else
// is named at once.
const (
	maxRows    = 10000
	maxColumns = 256
)

// table is a sheet of cells as read: from a CSV file, or one sheet of a workbook.
type table struct {
	file string
	// sheet is the workbook's sheet as messages name it; "" for CSV.
	sheet string
	rows  []tableRow
}

// tableRow is a row with something in it: its number (a CSV file's line, a sheet's row)
// and its cells, trimmed of nothing (the cell as typed).
type tableRow struct {
	num   int
	cells []string
	// lines are, for CSV, the line each cell starts on (a cell may hold several lines).
	lines []int
	// places name each cell for messages in a table read across (transposed), where a
	// row's cells come from a column of the sheet; nil otherwise.
	places []string
}

// cell is the text of column col, "" past the row's end.
func (r *tableRow) cell(col int) string {
	if col >= 0 && col < len(r.cells) {
		return r.cells[col]
	}
	return ""
}

// at names a cell for messages: FILE:LINE for CSV (the line the cell starts on),
// FILE:SHEET!CELL for a workbook.
func (t *table) at(r *tableRow, col int) string {
	if r.places != nil {
		return r.places[min(max(col, 0), len(r.places)-1)]
	}
	if t.sheet == "" {
		line := r.num
		if col >= 0 && col < len(r.lines) {
			line = r.lines[col]
		}
		return problem.Place{File: t.file}.At(line)
	}
	return problem.Place{File: t.file, Column: t.sheet + "!" + spreadsheet.ColumnName(max(col, 0))}.At(r.num)
}

// rowAt names a row: FILE:LINE, or FILE:SHEET!A<row>.
func (t *table) rowAt(r *tableRow) string {
	if r.places != nil {
		return r.places[0]
	}
	if t.sheet == "" {
		return problem.Place{File: t.file}.At(r.num)
	}
	return t.at(r, 0)
}

// readTable reads a CSV file or a workbook's sheet, whichever data is. warn receives what
// was assumed; a problem.List is what cannot be read.
func readTable(file string, data []byte, sheet string, warn func(place, format string, args ...any)) (*table, error) {
	fail := func(format string, args ...any) error {
		var probs problem.List
		probs.Add(file, 0, format, args...)
		return probs
	}
	head := data[:min(len(data), 8192)]
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte(spreadsheet.BOM)))) == 0:
		return nil, fail("an empty file: want a ladder kept as a spreadsheet, CSV or XLSX, with a row per competency and a column per level (docs/rubric.md, \"Your ladder in a spreadsheet\")")
	case spreadsheet.IsWorkbook(head):
		return readWorkbook(file, data, sheet, warn)
	}
	if sheet != "" {
		return nil, fail("--sheet %s: this is a CSV file, which has no sheets; --sheet is for a workbook (.xlsx)", problem.Quote(sheet))
	}
	data = bytes.TrimPrefix(data, []byte(spreadsheet.BOM))
	head = data[:min(len(data), 8192)]
	// Text that is not UTF-8 is named at the line of its first byte that is not.
	bad, line := invalidAt(data), 1
	if bad >= 0 {
		line += bytes.Count(data[:bad], []byte("\n"))
	}
	msg := spreadsheet.TextProblem(head)
	if msg == "" && bad >= 0 {
		msg = spreadsheet.NotUTF8
	}
	if msg != "" {
		var probs problem.List
		probs.Add(file, line, "%s", msg)
		return nil, probs
	}
	if start := bytes.ToLower(bytes.TrimSpace(head)); bytes.HasPrefix(start, []byte("<")) {
		return nil, fail("this is a web page or XML, not a ladder in CSV or XLSX: open it in the spreadsheet and %s, or %s",
			spreadsheet.SaveAsXLSX, strings.TrimPrefix(spreadsheet.SaveAsUTF8, "save it from the spreadsheet "))
	}
	return readCSV(file, data)
}

// invalidAt is the index of data's first byte that is not UTF-8, -1 when all is.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// readCSV reads CSV text as spreadsheets save it: comma-separated, or separated by
// semicolons (a European spreadsheet's setting) or tabs (a sheet copied and pasted),
// whichever the first line uses; quoted cells may hold several lines.
func readCSV(file string, data []byte) (*table, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(data)
	cr.FieldsPerRecord = -1
	t := &table{file: file}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			var probs problem.List
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				probs.Add(file, pe.Line, "not valid CSV (%v): %s", pe.Err, spreadsheet.SaveAsUTF8)
			} else {
				probs.Add(file, 0, "cannot read: %v", err)
			}
			return nil, probs
		}
		if blankCells(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(t.rows) >= maxRows {
			var probs problem.List
			probs.Add(file, line, "more than %d rows: a ladder has a row per competency; is this the ladder?", maxRows)
			return nil, probs
		}
		if len(rec) > maxColumns {
			var probs problem.List
			probs.Add(file, line, "more than %d columns: a ladder has a column per level; is this the ladder?", maxColumns)
			return nil, probs
		}
		row := tableRow{num: line, cells: rec, lines: make([]int, len(rec))}
		for i := range rec {
			row.lines[i], _ = cr.FieldPos(i)
		}
		t.rows = append(t.rows, row)
	}
}

// sniffComma is the separator of CSV text: the one of comma, semicolon and tab that the
// first line (outside quotes) uses most, a comma when none. A line with none of them (a
// title typed in a text editor above the header) is passed over for the next.
func sniffComma(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(data[:min(len(data), 64<<10)]) {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' {
			if counts[','] > 0 || counts[';'] > 0 || counts['\t'] > 0 {
				break
			}
			continue
		}
		counts[c]++
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// blankCells reports whether a row has nothing in it.
func blankCells(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readWorkbook reads one sheet of a workbook: the one named, else the first visible sheet
// of cells. Cells whose stored value is not text (a TRUE/FALSE, an error, a formula
// without a stored result) are read as empty, with a warning; merged cells are read as if
// each cell of the range held the range's value, as the spreadsheet shows it.
func readWorkbook(file string, data []byte, name string, warn func(place, format string, args ...any)) (*table, error) {
	book, err := spreadsheet.Open(file, bytes.NewReader(data), int64(len(data)),
		spreadsheet.Options{Want: "the ladder as a workbook (.xlsx) or CSV", Sheet: "the ladder's sheet"})
	if err != nil {
		return nil, err
	}
	fail := func(format string, args ...any) error { return spreadsheet.FileProblem(file, format, args...) }
	var chosen *spreadsheet.Sheet
	var names []string
	for i, s := range book.Sheets {
		names = append(names, problem.Quote(s.Name))
		if name != "" && strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(name)) {
			chosen = &book.Sheets[i]
		}
	}
	switch {
	case name != "" && chosen == nil:
		return nil, fail("no sheet named %s: the workbook's sheets are %s", problem.Quote(name), strings.Join(names, ", "))
	case chosen != nil && !chosen.Cells:
		return nil, fail("the sheet %s is a chart or a macro sheet, not a sheet of cells", problem.Quote(chosen.Name))
	case chosen == nil:
		var others []string
		for i, s := range book.Sheets {
			if chosen == nil && s.Cells && !s.Hidden() {
				chosen = &book.Sheets[i]
			} else if s.Cells && !s.Hidden() {
				others = append(others, problem.Quote(s.Name))
			}
		}
		if chosen == nil {
			return nil, fail("the workbook has no visible sheet of cells: show the ladder's sheet, or name it with --sheet")
		}
		if len(others) > 0 {
			warn(file, "read the sheet %s, the first of the workbook; it has %s too: choose another with --sheet NAME",
				problem.Quote(chosen.Name), strings.Join(others, ", "))
		}
	}
	rows, err := book.OpenSheet(*chosen)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &table{file: file, sheet: rows.Sheet()}
	odd := 0
	for {
		cells, kinds, num, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		row := tableRow{num: num, cells: make([]string, min(len(cells), maxColumns))}
		for i := range row.cells {
			if kinds[i] != spreadsheet.OddNone {
				if odd++; odd == 1 {
					warn(t.at(&row, i), "%s: read as empty", oddWords[kinds[i]])
				}
				continue
			}
			row.cells[i] = cells[i]
		}
		if len(cells) > maxColumns && !blankCells(cells[maxColumns:]) {
			return nil, fail("row %d has cells past column %s: a ladder has a column per level; is this the ladder?", num, spreadsheet.ColumnName(maxColumns-1))
		}
		if blankCells(row.cells) {
			continue
		}
		if len(t.rows) >= maxRows {
			var probs problem.List
			probs.AddAt(rows.Place(0), num, "more than %d rows: a ladder has a row per competency; is this the ladder?", maxRows)
			return nil, probs
		}
		t.rows = append(t.rows, row)
	}
	if odd > 1 {
		warn(file, "%d more cells of the sheet hold no text (TRUE/FALSE, an error, a formula without a stored result): read as empty", odd-1)
	}
	merged, err := rows.Merged()
	if err != nil {
		return nil, err
	}
	t.fillMerged(merged)
	return t, nil
}

// oddWords say what a cell that holds no text holds.
var oddWords = [...]string{
	spreadsheet.OddBool:    "a TRUE/FALSE cell",
	spreadsheet.OddError:   "an error value (such as #N/A)",
	spreadsheet.OddFormula: "a formula without a stored result (open and save the file in a spreadsheet)",
}

// fillMerged copies the value of each merged range's top-left cell into the range's other
// cells, on the rows read and within the table's columns.
func (t *table) fillMerged(ranges []spreadsheet.Range) {
	byNum := map[int]int{}
	for i := range t.rows {
		byNum[t.rows[i].num] = i
	}
	for _, m := range ranges {
		i, ok := byNum[m.FromRow]
		if !ok {
			continue
		}
		value := t.rows[i].cell(m.FromCol)
		if value == "" {
			continue
		}
		for j := i; j < len(t.rows) && t.rows[j].num <= m.ToRow; j++ {
			r := &t.rows[j]
			for c := m.FromCol; c <= min(m.ToCol, maxColumns-1); c++ {
				if c >= len(r.cells) {
					r.cells = append(r.cells, make([]string, c+1-len(r.cells))...)
				}
				if r.cells[c] == "" {
					r.cells[c] = value
				}
			}
		}
	}
}

// clean is a cell's text as a name: spaces and line ends made single spaces, control
// characters dropped, trimmed.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00a0' || r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			return ' '
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError:
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// plural is n with a noun, for messages.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// transpose turns the rows from the header h down into columns, for a ladder kept with
// levels down the rows and competencies across: each column becomes a row, each cell
// still named for messages where it is in the sheet. The header's first cell, which
// named the levels' column, is left empty.
func (t *table) transpose(h int) {
	width := 0
	for i := h; i < len(t.rows); i++ {
		width = max(width, len(t.rows[i].cells))
	}
	out := append([]tableRow(nil), t.rows[:h]...)
	for c := 0; c < width; c++ {
		row := tableRow{num: t.rows[h].num}
		for i := h; i < len(t.rows); i++ {
			row.cells = append(row.cells, t.rows[i].cell(c))
			row.places = append(row.places, t.at(&t.rows[i], c))
		}
		if c > 0 && blankCells(row.cells) {
			continue
		}
		out = append(out, row)
	}
	out[h].cells[0] = ""
	t.rows = out
}
