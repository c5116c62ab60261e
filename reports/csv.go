package reports

import (
	"bufio"
	"io"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/cellsafe"
)

// CSVWriter writes spreadsheet-safe CSV: text cells that a spreadsheet would run as a
// formula are neutralised (OWASP CSV injection) while numbers stay numbers. It quotes
// exactly as encoding/csv does, but builds each row in one buffer and writes numbers
// without a detour through strings: a team review writes millions of cells.
type CSVWriter struct {
	w     *bufio.Writer
	crlf  bool
	line  []byte
	cells int
}

// NewCSVWriter starts CSV output. With excel set it writes a UTF-8 byte-order mark and
// CRLF line ends, which Excel needs to read UTF-8 text correctly.
func NewCSVWriter(w io.Writer, excel bool) (*CSVWriter, error) {
	bw := bufio.NewWriterSize(w, 256*1024)
	if excel {
		if _, err := bw.WriteString(byteOrderMark); err != nil {
			return nil, err
		}
	}
	return &CSVWriter{w: bw, crlf: excel}, nil
}

func (c *CSVWriter) sep() {
	if c.cells > 0 {
		c.line = append(c.line, ',')
	}
	c.cells++
}

// Text adds a text cell, neutralised if it starts like a formula.
func (c *CSVWriter) Text(s string) {
	c.sep()
	c.line = c.appendField(c.line, SafeText(s))
}

// Number adds a numeric cell, rounded for output; nil gives an empty cell.
func (c *CSVWriter) Number(p *float64) {
	c.sep()
	if p != nil {
		c.line = appendNum(c.line, *p)
	}
}

// Int adds a whole-number cell.
func (c *CSVWriter) Int(v int) {
	c.sep()
	c.line = strconv.AppendInt(c.line, int64(v), 10)
}

// EndRow writes the cells added since the last row. A writer without an io.Writer (see
// newRowBuffer) keeps the rows in memory for Take instead.
func (c *CSVWriter) EndRow() error {
	c.endLine()
	if c.w == nil {
		return nil
	}
	_, err := c.w.Write(c.line)
	c.line = c.line[:0]
	return err
}

// endLine ends the row in memory.
func (c *CSVWriter) endLine() {
	if c.crlf {
		c.line = append(c.line, '\r', '\n')
	} else {
		c.line = append(c.line, '\n')
	}
	c.cells = 0
}

// newRowBuffer returns a CSVWriter that keeps its rows in memory.
func newRowBuffer(crlf bool) *CSVWriter { return &CSVWriter{crlf: crlf} }

// Take returns the rows kept so far and starts again in buf's memory, so that buffers
// pass between a worker and the writer without copying.
func (c *CSVWriter) Take(buf []byte) []byte {
	rows := c.line
	c.line, c.cells = buf[:0], 0
	return rows
}

// byteOrderMark starts a CSV file for Excel, which needs it to read UTF-8 text.
const byteOrderMark = "\ufeff"

// Header writes a row of column names.
func (c *CSVWriter) Header(names ...string) error {
	for _, n := range names {
		c.Text(n)
	}
	return c.EndRow()
}

// Flush writes any buffered data and reports the first error.
func (c *CSVWriter) Flush() error {
	if c.w == nil {
		return nil
	}
	return c.w.Flush()
}

// appendField quotes a field when encoding/csv would: when it holds a comma, a quote or a
// line break, or starts with white space. In CRLF mode line breaks inside a field become
// CRLF too, as encoding/csv writes them.
func (c *CSVWriter) appendField(b []byte, s string) []byte {
	if !needsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case '"':
			b = append(b, '"', '"')
		case '\r':
			if !c.crlf {
				b = append(b, '\r')
			}
		case '\n':
			if c.crlf {
				b = append(b, '\r', '\n')
			} else {
				b = append(b, '\n')
			}
		default:
			b = append(b, ch)
		}
	}
	return append(b, '"')
}

func needsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// SafeText neutralises a text cell that starts with =, +, -, @, a tab or a carriage return
// by prefixing an apostrophe, so that spreadsheets show it as text instead of running it.
func SafeText(s string) string { return cellsafe.Neutralise(s) }
