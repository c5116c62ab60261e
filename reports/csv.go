package reports

import (
	"encoding/csv"
	"io"
	"strconv"
)

// CSVWriter writes spreadsheet-safe CSV: text cells that a spreadsheet would run as a
// formula are neutralised (OWASP CSV injection) while numbers stay numbers.
type CSVWriter struct {
	w   *csv.Writer
	row []string
}

// NewCSVWriter starts CSV output. With excel set it writes a UTF-8 byte-order mark and
// CRLF line ends, which Excel needs to read UTF-8 text correctly.
func NewCSVWriter(w io.Writer, excel bool) (*CSVWriter, error) {
	if excel {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = excel
	return &CSVWriter{w: cw}, nil
}

// Text adds a text cell, neutralised if it starts like a formula.
func (c *CSVWriter) Text(s string) { c.row = append(c.row, SafeText(s)) }

// Number adds a numeric cell, rounded for output; nil gives an empty cell.
func (c *CSVWriter) Number(p *float64) {
	if p == nil {
		c.row = append(c.row, "")
		return
	}
	c.row = append(c.row, strconv.FormatFloat(Round(*p), 'f', -1, 64))
}

// Int adds a whole-number cell.
func (c *CSVWriter) Int(v int) { c.row = append(c.row, strconv.Itoa(v)) }

// EndRow writes the cells added since the last row.
func (c *CSVWriter) EndRow() error {
	err := c.w.Write(c.row)
	c.row = c.row[:0]
	return err
}

// Header writes a row of column names.
func (c *CSVWriter) Header(names ...string) error {
	for _, n := range names {
		c.Text(n)
	}
	return c.EndRow()
}

// Flush writes any buffered data and reports the first error.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// SafeText neutralises a text cell that starts with =, +, -, @, a tab or a carriage return
// by prefixing an apostrophe, so that spreadsheets show it as text instead of running it.
func SafeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
