package spreadsheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/problem"
)

// The rows of a workbook's sheet and its shared strings, read from the stream of their
// XML (scan.go): each row's cells as stored (a number as a number, a date as its day
// count), without the spreadsheet's display formats, and each cell's kind.

// sharedStrings is a workbook's table of shared strings, each held once: their text one
// after another in blocks of stringBlock bytes (a string never straddles two: one that
// would starts the next block), and where each ends, counted over the blocks. Nothing is
// copied as the table grows.
type sharedStrings struct {
	blocks []string
	ends   []uint32
	// cur is the block being filled, at len(blocks), and end where its text ends.
	cur []byte
	end uint32
}

const stringBlock = 1 << 20 // more than a cell's text, MaxValueBytes

func (t *sharedStrings) count() int { return len(t.ends) }

// at is string i.
func (t *sharedStrings) at(i int) string {
	end := t.ends[i]
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	if end == start {
		return ""
	}
	block := (end - 1) / stringBlock
	start = max(start, block*stringBlock)
	return t.blocks[block][start%stringBlock : start%stringBlock+(end-start)]
}

// add appends a string.
func (t *sharedStrings) add(s []byte) {
	if t.cur == nil {
		t.cur = make([]byte, 0, stringBlock)
	}
	if len(t.cur)+len(s) > stringBlock {
		t.seal()
		t.end = uint32(len(t.blocks)) * stringBlock
	}
	t.cur = append(t.cur, s...)
	t.end += uint32(len(s))
	t.ends = append(t.ends, t.end)
}

// seal ends the block being filled.
func (t *sharedStrings) seal() {
	t.blocks = append(t.blocks, string(t.cur))
	t.cur = t.cur[:0]
}

// load reads the table: each item's text (its runs', not its phonetic guide's), at most
// most items, a cell's worth of text each and maxStringText in all.
func (t *sharedStrings) load(rc io.Reader, most, bufSize int, sheet string) error {
	damaged := func(format string, args ...any) error {
		return fmt.Errorf("the workbook is damaged (its shared strings: %s): %s", fmt.Sprintf(format, args...), Resave)
	}
	tooLong := func() error { return damaged("string %d is longer than a cell holds (32,767 characters)", len(t.ends)) }
	sc := newXMLScanner(rc, bufSize)
	var buf []byte
	inItem, inPhonetic := false, false
	for {
		kind, name, _, err := sc.tag()
		if err == io.EOF {
			break
		}
		if err != nil {
			return damaged("%s", readError(err))
		}
		switch string(localName(name)) {
		case "si":
			switch kind {
			case tagStart:
				inItem, buf = true, buf[:0]
			case tagEmpty, tagEnd:
				if len(t.ends) >= most {
					return fmt.Errorf("the workbook's shared strings number more than its sheets have cells for (%d): it is damaged, or made to exhaust the reader; %s", most, Resave)
				}
				s := UnescapeBSTR(buf)
				if len(s) > MaxCellChars && utf8.RuneCount(s) > MaxCellChars {
					return tooLong()
				}
				if int(t.end)+len(s) > maxStringText {
					return fmt.Errorf("the workbook's shared strings hold more than %d MiB of text: pmladder reads no more; save %s alone as a workbook", maxStringText>>20, sheet)
				}
				t.add(s)
				inItem, buf = false, buf[:0]
			}
		case "rPh":
			inPhonetic = kind == tagStart
		case "t":
			if kind == tagStart && inItem && !inPhonetic {
				if buf, err = sc.text(buf, MaxValueBytes); err != nil {
					if err == errValueTooLong {
						return tooLong()
					}
					return damaged("%s", readError(err))
				}
			}
		}
	}
	t.seal()
	t.cur = nil
	return nil
}

// Kinds of cells whose stored value is not what was typed (Rows.Kinds).
const (
	OddNone    = iota // a value as typed, or empty
	OddBool           // a TRUE/FALSE cell
	OddError          // an error value, such as #N/A
	OddFormula        // a formula without a stored result (a script, not a spreadsheet, saved it)
)

// Rows reads the rows of one sheet of a workbook, as stored (a number as a number, a date
// as its day count), without the spreadsheet's display formats. Next skips rows without
// cells.
type Rows struct {
	file, sheet string
	strings     *sharedStrings
	rc          io.ReadCloser
	ahead       *readAhead
	sc          *xmlScanner
	// The sheet as read so far: in its sheetData, done with it, the last row's number,
	// the width of the first row with cells.
	inData, done bool
	row          int
	headerWidth  int
	hidden       bool
	first        problem.Place // Place(0)
	// The row just read: its cells and their kinds, and the values that are not shared
	// strings, one after another in raw.
	cells []string
	odds  []uint8
	raw   []byte
	spans []cellSpan
}

// cellSpan is a cell of the row being read: its column, its value (raw[start:end], or
// shared string str when str >= 0) and its kind.
type cellSpan struct {
	col, start, end, str int
	odd                  uint8
	fixed                string // a value of its own (TRUE, a date)
}

// Next reads the next row with cells, io.EOF after the last; any other error is a
// located problem after which nothing more can be read. The row's cells (one per column
// from A to its last cell with anything in it, "" where empty) and their kinds are valid
// until the next call. A row is no more than WidthPastHeader columns wider than the first:
// cells past that are read into its last column.
func (w *Rows) Next() (cells []string, kinds []uint8, row int, err error) {
	for {
		hidden, err := w.readRow()
		if err != nil {
			return nil, nil, 0, err
		}
		if w.done {
			return nil, nil, 0, io.EOF
		}
		if len(w.cells) == 0 {
			continue
		}
		if w.headerWidth == 0 {
			w.headerWidth = len(w.cells)
		}
		w.hidden = hidden
		return w.cells, w.odds, w.row, nil
	}
}

// Range is a rectangle of a sheet's cells: columns from 0, rows from 1, both ends in it.
type Range struct{ FromCol, FromRow, ToCol, ToRow int }

// maxMerged is the most merged ranges Merged reads: far more than a sheet people read has.
const maxMerged = 100000

// Merged reads, once Next has returned io.EOF, the sheet's merged ranges (which follow
// its rows): a merged range keeps its value in its top-left cell alone, and the
// spreadsheet shows it across the range. A range that names no cells is left out.
func (w *Rows) Merged() ([]Range, error) {
	if !w.done {
		return nil, nil
	}
	var out []Range
	for {
		kind, name, attrs, err := w.sc.tag()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, w.damagedAt(0, w.row+1, "%s", readError(err))
		}
		if kind == tagEnd || string(localName(name)) != "mergeCell" {
			continue
		}
		for a, v, rest, ok := nextAttr(attrs); ok; a, v, rest, ok = nextAttr(rest) {
			if string(a) != "ref" {
				continue
			}
			from, to, _ := bytes.Cut(attrText(v), []byte(":"))
			if len(to) == 0 {
				to = from
			}
			c1, r1, ok1 := cellRef(from)
			c2, r2, ok2 := cellRef(to)
			if ok1 && ok2 && c1 <= c2 && r1 <= r2 {
				out = append(out, Range{FromCol: c1, FromRow: r1, ToCol: c2, ToRow: r2})
			}
		}
		if len(out) > maxMerged {
			return out, w.damagedAt(0, w.row+1, "more than %d merged ranges", maxMerged)
		}
	}
}

// cellRef is the column (from 0) and row (from 1) of a reference such as "B7".
func cellRef(ref []byte) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && (ref[i]|0x20) >= 'a' && (ref[i]|0x20) <= 'z' {
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	col, ok = ColumnOf(ref[:i])
	if !ok {
		return 0, 0, false
	}
	row, err := strconv.Atoi(string(ref[i:]))
	if err != nil || row < 1 || row > MaxRows || ref[i] == '+' {
		return 0, 0, false
	}
	return col, row, true
}

// Hidden reports whether the row Next read is hidden in the workbook.
func (w *Rows) Hidden() bool { return w.hidden }

// Sheet is the sheet's name as messages show it.
func (w *Rows) Sheet() string { return w.sheet }

// damagedAt is the problem of a sheet whose XML goes wrong at a cell.
func (w *Rows) damagedAt(col, row int, format string, args ...any) error {
	var probs problem.List
	probs.AddAt(w.Place(col), max(row, 1), "the sheet is damaged (%s): %s", fmt.Sprintf(format, args...), Resave)
	return probs.Err()
}

// readRow reads the next row element of the sheet into cells and odds; done is set
// after the last.
func (w *Rows) readRow() (hidden bool, err error) {
	// The common forms of a cell, <c r="G7" s="2" t="s"><v>12</v></c>, take the quick
	// way (quickCell, quickValue); the generic one reads every other.
	w.raw, w.spans = w.raw[:0], w.spans[:0]
	w.cells, w.odds = w.cells[:0], w.odds[:0]
	inRow, inCell, inInline, inPhonetic := false, false, false, false
	var cell cellSpan
	var typ []byte
	var formula, valued bool
	next := 0 // the column of a cell without a reference
	// begin starts a cell, at ref or else after the last; an empty one, or one whose
	// value is all there is (<v>3</v>), is read at once: inCell reports the rest is not.
	begin := func(ref, t []byte, empty bool) (inCell bool, err error) {
		col := next
		if ref != nil {
			c, ok := ColumnOf(ref)
			if !ok {
				return false, w.damagedAt(next, w.row, "a cell at %s, which is no cell", problem.Quote(string(ref)))
			}
			if c < next {
				return false, w.damagedAt(c, w.row, "cell %s comes after the cell to its right", problem.Quote(string(ref)))
			}
			col = c
		}
		if col >= MaxCols {
			return false, w.damagedAt(MaxCols-1, w.row, "a cell past column XFD, the last a sheet holds")
		}
		next = col + 1
		typ = append(typ[:0], t...)
		cell = cellSpan{col: col, start: len(w.raw), str: -1}
		formula, valued, inInline, inPhonetic = false, false, false, false
		if empty {
			return false, w.endCell(&cell, typ, false, false)
		}
		if v, ok := w.sc.quickValue(); ok {
			w.raw = append(w.raw, v...)
			return false, w.endCell(&cell, typ, false, true)
		}
		return true, nil
	}
	for !w.done {
		if inRow && !inCell {
			if ref, t, empty, ok := w.sc.quickCell(); ok {
				if inCell, err = begin(ref, t, empty); err != nil {
					return false, err
				}
				continue
			}
		}
		kind, name, attrs, err := w.sc.tag()
		if err != nil {
			if err != io.EOF {
				return false, w.damagedAt(0, w.row+1, "%s", readError(err))
			}
			if inRow || w.inData {
				return false, w.damagedAt(0, w.row+1, "it is cut short")
			}
			w.done = true // a sheet without sheetData has no rows
			break
		}
		local := localName(name)
		if !w.inData {
			if string(local) == "sheetData" {
				w.inData = kind == tagStart
				w.done = kind == tagEmpty
			}
			continue
		}
		if kind == tagEnd {
			switch string(local) {
			case "c":
				if inCell {
					if err := w.endCell(&cell, typ, formula, valued); err != nil {
						return false, err
					}
					inCell = false
				}
			case "row":
				if !inRow || inCell {
					return false, w.damagedAt(0, w.row+1, "a row ends that did not start, or before its cell")
				}
				return hidden, w.endRow()
			case "sheetData":
				if inRow {
					return false, w.damagedAt(0, w.row, "a row is not ended")
				}
				w.done = true
			case "is":
				inInline = false
			case "rPh":
				inPhonetic = false
			}
			continue
		}
		switch string(local) {
		case "row":
			if inRow {
				return false, w.damagedAt(0, w.row, "a row inside a row")
			}
			num := w.row + 1
			for a, v, rest, ok := nextAttr(attrs); ok; a, v, rest, ok = nextAttr(rest) {
				switch string(a) {
				case "r":
					n, err := strconv.Atoi(string(attrText(v)))
					if err != nil || n <= w.row {
						return false, w.damagedAt(0, w.row+1, "row %s after row %d", problem.Quote(string(v)), w.row)
					}
					num = n
				case "hidden":
					v = attrText(v)
					hidden = string(v) == "1" || string(v) == "true"
				}
			}
			if num > MaxRows {
				var probs problem.List
				probs.AddAt(w.Place(0), MaxRows, "the sheet has rows past row %d, the last a sheet holds: it is damaged, or made to exhaust the reader; %s", MaxRows, Resave)
				return false, probs.Err()
			}
			w.row, inRow, next = num, true, 0
			if kind == tagEmpty {
				return hidden, w.endRow()
			}
		case "c":
			if !inRow || inCell {
				return false, w.damagedAt(next, w.row+1, "a cell outside a row, or inside another cell")
			}
			var ref, t []byte
			for a, v, rest, ok := nextAttr(attrs); ok; a, v, rest, ok = nextAttr(rest) {
				switch string(a) {
				case "r":
					ref = attrText(v)
				case "t":
					t = attrText(v)
				}
			}
			if inCell, err = begin(ref, t, kind == tagEmpty); err != nil {
				return false, err
			}
		case "v":
			if inCell && kind == tagStart {
				if w.raw, err = w.sc.text(w.raw, cell.start+MaxValueBytes); err != nil {
					return false, w.valueProblem(cell.col, err)
				}
				valued = true
			}
		case "f":
			formula = formula || inCell
		case "is":
			inInline = inCell && kind == tagStart
		case "rPh":
			inPhonetic = inInline && kind == tagStart
		case "t":
			if inInline && !inPhonetic && kind == tagStart {
				if w.raw, err = w.sc.text(w.raw, cell.start+MaxValueBytes); err != nil {
					return false, w.valueProblem(cell.col, err)
				}
				valued = true
			}
		}
	}
	return false, nil
}

func (w *Rows) valueProblem(col int, err error) error {
	if err == errValueTooLong {
		var probs problem.List
		probs.AddAt(w.Place(col), w.row, "a cell holds more than 32,767 characters, more than a spreadsheet's cell: the sheet is damaged; %s", Resave)
		return probs.Err()
	}
	return w.damagedAt(col, w.row, "%s", readError(err))
}

// readError says what went wrong reading a part.
func readError(err error) string {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it is cut short"
	case errors.As(err, &corrupt):
		return "its compressed data is corrupt"
	case errors.Is(err, zip.ErrChecksum):
		return "its checksum does not match its data"
	}
	return err.Error()
}

// ColumnOf is the column (0-based) of a cell reference such as "AB12".
func ColumnOf(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	if i == 0 || col > MaxCols {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col - 1, true
}

// endCell classifies the cell just read, by its type and whether it has a formula and
// a stored value, and adds it to the row.
func (w *Rows) endCell(c *cellSpan, typ []byte, formula, valued bool) error {
	c.end = len(w.raw)
	value := w.raw[c.start:c.end]
	switch string(typ) {
	case "s":
		if digits := bytes.TrimSpace(value); len(digits) > 0 {
			i := 0
			for _, d := range digits {
				if d < '0' || d > '9' || i > MaxRows*MaxCols {
					i = -1
					break
				}
				i = i*10 + int(d-'0')
			}
			if i < 0 || i >= w.strings.count() {
				return w.damagedAt(c.col, w.row, "the cell refers to shared string %s, and the workbook has %d", problem.Quote(string(value)), w.strings.count())
			}
			if w.strings.at(i) != "" { // an empty string is an empty cell
				c.str = i
			}
		}
		w.raw = w.raw[:c.start]
		c.end = c.start
	case "b":
		c.odd, c.fixed = OddBool, "FALSE"
		if string(bytes.TrimSpace(value)) == "1" {
			c.fixed = "TRUE"
		}
	case "e":
		c.odd = OddError
	case "inlineStr":
		if u := UnescapeBSTR(value); len(u) != len(value) {
			c.fixed = string(u)
		}
	case "d":
		c.fixed = ISODate(string(value))
	case "", "n", "str":
	default:
		return w.damagedAt(c.col, w.row, "a cell of type %s, which no sheet has", problem.Quote(string(typ)))
	}
	if formula && c.odd == OddNone && (!valued || len(bytes.TrimSpace(value)) == 0) {
		c.odd, c.fixed = OddFormula, ""
		c.end, c.str = c.start, -1
	}
	if c.end > c.start || c.str >= 0 || c.odd != OddNone || c.fixed != "" {
		w.spans = append(w.spans, *c)
	}
	return nil
}

// endRow makes the row's cells from its spans: one string holds the row's own values.
func (w *Rows) endRow() error {
	if len(w.spans) == 0 {
		return nil
	}
	width := w.spans[len(w.spans)-1].col + 1
	if w.headerWidth > 0 && width > w.headerWidth+WidthPastHeader {
		width = w.headerWidth + WidthPastHeader
	}
	if cap(w.cells) < width {
		w.cells, w.odds = make([]string, width), make([]uint8, width)
	}
	w.cells, w.odds = w.cells[:width], w.odds[:width]
	clear(w.cells)
	clear(w.odds)
	raw := string(w.raw)
	for _, c := range w.spans {
		col := min(c.col, width-1)
		switch {
		case c.str >= 0:
			w.cells[col] = w.strings.at(c.str)
		case c.fixed != "":
			w.cells[col] = c.fixed
		default:
			w.cells[col] = raw[c.start:c.end]
		}
		w.odds[col] = c.odd
	}
	return nil
}

// ISODate is a date cell stored as text (t="d", ISO 8601) as a sheet's date reads:
// the day, or the moment in UTC.
func ISODate(s string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			t = t.UTC()
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
				return t.Format("2006-01-02")
			}
			return t.Truncate(time.Second).Format(time.RFC3339)
		}
	}
	return s
}

// Place is the file, and the sheet and the column of cell col: the place of a cell's
// row ("team.xlsx", "Answers!D": team.xlsx:Answers!D7 at row 7).
func (w *Rows) Place(col int) problem.Place {
	if col == 0 { // every row's place: made once, as a team review keeps one for each person
		if w.first.File == "" {
			w.first = problem.Place{File: w.file, Column: w.sheet + "!A"}
		}
		return w.first
	}
	return problem.Place{File: w.file, Column: w.sheet + "!" + ColumnName(col)}
}

// ColumnName is the letters of column col (0-based): A, …, Z, AA, ….
func ColumnName(col int) string {
	var b [4]byte
	i := len(b)
	for col++; col > 0 && i > 0; col = (col - 1) / 26 {
		i--
		b[i] = byte('A' + (col-1)%26)
	}
	return string(b[i:])
}

// Date turns a date cell, stored as a day count, into the day ("2026-11-20") or the
// moment (RFC 3339, UTC) it is in a workbook of date system date1904; anything else (text,
// a time of day alone, a day past 9999-12-31) is returned as it is.
func Date(cell string, date1904 bool) string {
	serial, err := strconv.ParseFloat(cell, 64)
	if err != nil || serial < 1 || serial > 2958465 { // text, a time of day alone, or past 9999-12-31
		return cell
	}
	t := ExcelTime(serial, date1904)
	if serial == math.Trunc(serial) {
		return t.Format("2006-01-02")
	}
	return t.Truncate(time.Second).Format(time.RFC3339)
}

// ExcelTime is the moment of a spreadsheet's day count (at least 1), as Excel counts
// and excelize converts: from 1899-12-30, with Excel's 29 February 1900 (which never
// was) read as the 28th, or from 1904-01-01; to the second.
func ExcelTime(serial float64, date1904 bool) time.Time {
	epoch, offset := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC), 15018.0
	if date1904 {
		epoch, offset = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC), 16480.0
	}
	days := int(serial)
	if days <= 61 {
		// The first days go through the Julian day (as excelize does), to the microsecond.
		whole, frac := math.Modf(serial + offset)
		t := epoch.AddDate(0, 0, int(whole-offset)).Add(time.Duration(int64(float64(24*time.Hour)*frac+500)/1000) * time.Microsecond)
		if !date1904 && serial < 60 {
			t = t.AddDate(0, 0, 1)
		}
		return t
	}
	t := epoch.AddDate(0, 0, days).Add(time.Duration(float64(24*time.Hour) * (serial - float64(days) + 1e-9)))
	if t.Nanosecond()/1e6 > 500 {
		return t.Round(time.Second)
	}
	return t.Truncate(time.Second)
}

// Close stops reading the sheet.
func (w *Rows) Close() error {
	if w.ahead != nil {
		w.ahead.Close()
		w.ahead = nil
	}
	if w.rc != nil {
		err := w.rc.Close()
		w.rc = nil
		return err
	}
	return nil
}
