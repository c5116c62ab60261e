package reports

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/pmladder/pmladder/internal/textwrap"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Options are what every terminal renderer needs to know about its output.
type Options struct {
	// Color allows ANSI colour; set only when writing to a terminal that wants it.
	Color bool
	// Width is the number of columns to fit; 0 means 80.
	Width int
	// Location is the time zone dates are shown in for a person to read (the history table);
	// nil means UTC. Machine formats (JSON, CSV) always write UTC.
	Location *time.Location
}

// localTime writes t as a person reads it: to the minute, in opt's zone, with the zone's name
// so that nobody takes 09:00 UTC for 09:00 where they are.
func (o Options) localTime(t time.Time) string {
	loc := o.Location
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04 MST")
}

// localDay is the day of t in opt's zone.
func (o Options) localDay(t time.Time) string { return o.localTime(t)[:len("2006-01-02")] }

func (o Options) width() int {
	if o.Width <= 0 {
		return 80
	}
	return o.Width
}

// newTable returns a table drawn with only a line under the header (so that dense tables
// such as the skills × roles matrix fit 80 columns), headers left as written and the given
// per-column alignment ('l', 'r' or 'c' per column).
func newTable(w io.Writer, align string, header ...string) *tablewriter.Table {
	aligns := make([]tw.Align, len(align))
	for i, a := range align {
		switch a {
		case 'r':
			aligns[i] = tw.AlignRight
		case 'c':
			aligns[i] = tw.AlignCenter
		default:
			aligns[i] = tw.AlignLeft
		}
	}
	rendition := tw.Rendition{
		Symbols: tw.NewSymbols(tw.StyleLight),
		Borders: tw.BorderNone,
		Settings: tw.Settings{
			Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.On},
			Lines:      tw.Lines{ShowHeaderLine: tw.On},
		},
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(rendition)),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	if len(header) > 0 {
		t.Header(header)
	}
	return t
}

// truncate shortens s to at most n display columns, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if textwrap.Width(s) <= n { // ASCII is measured without looking runes up
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := twwidth.Width(string(r))
		if used+w > n-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// appendTable draws a whole table in newTable's style, its columns as wide as their
// widest cells, as tablewriter draws one without wrapping, but at the speed of the
// streamed team table: tablewriter measures every cell through a shared width cache,
// which was three quarters of a 100,000-rating calibration's time. align holds 'l' or
// 'r' per column.
func appendTable(dst []byte, header []string, rows [][]string, align string) []byte {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = textwrap.Width(h)
	}
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], textwrap.Width(cell))
		}
	}
	dst = fixedHeader(dst, header, widths, align)
	for _, row := range rows {
		dst = fixedRow(dst, row, widths, align)
	}
	return dst
}

// fixedHeader and fixedRow draw a table in newTable's style whose column widths are
// fixed in advance, so that rows can be written as they come: a team of any size
// streams. Each cell is truncated to its width and padded by one space on each side;
// align holds 'l' or 'r' per column.
func fixedHeader(dst []byte, header []string, widths []int, align string) []byte {
	dst = fixedRow(dst, header, widths, strings.Repeat("l", len(header)))
	total := 0
	for _, w := range widths {
		total += w + 2
	}
	dst = append(dst, strings.Repeat("─", total)...)
	return append(dst, '\n')
}

// fixedRow: see fixedHeader. A cell wider than its column is wrapped at word boundaries
// onto as many lines as it needs (a single word too long for the column is cut).
func fixedRow(dst []byte, cells []string, widths []int, align string) []byte {
	lines := make([][]string, len(cells))
	height := 1
	for i, cell := range cells {
		if textwrap.Width(cell) <= widths[i] {
			lines[i] = []string{cell}
			continue
		}
		lines[i] = strings.Split(strings.TrimSuffix(textwrap.Wrap(cell, widths[i], "", ""), "\n"), "\n")
		height = max(height, len(lines[i]))
	}
	for l := 0; l < height; l++ {
		for i := range cells {
			cell := ""
			if l < len(lines[i]) {
				cell = truncate(lines[i][l], widths[i])
			}
			pad := strings.Repeat(" ", widths[i]-textwrap.Width(cell))
			dst = append(dst, ' ')
			if align[i] == 'r' {
				dst = append(append(dst, pad...), cell...)
			} else {
				dst = append(append(dst, cell...), pad...)
			}
			dst = append(dst, ' ')
		}
		dst = append(bytes.TrimRight(dst, " "), '\n') // the last column's padding
	}
	return dst
}

// lineTrimmer drops the spaces at the end of each line a table writes (the padding of its
// last column), so that terminal output copied or piped has no trailing blanks. Flush
// writes a last line without a line break.
type lineTrimmer struct {
	w    io.Writer
	line []byte
}

func (t *lineTrimmer) Write(p []byte) (int, error) {
	for _, c := range p {
		if c != '\n' {
			t.line = append(t.line, c)
			continue
		}
		t.line = append(bytes.TrimRight(t.line, " "), '\n')
		if _, err := t.w.Write(t.line); err != nil {
			return 0, err
		}
		t.line = t.line[:0]
	}
	return len(p), nil
}

// Flush writes what is left of the last line.
func (t *lineTrimmer) Flush() error {
	if len(t.line) == 0 {
		return nil
	}
	_, err := t.w.Write(t.line)
	t.line = t.line[:0]
	return err
}

// trimmed runs render with a writer that drops trailing spaces.
func trimmed(w io.Writer, render func(w io.Writer) error) error {
	t := &lineTrimmer{w: w}
	if err := render(t); err != nil {
		return err
	}
	return t.Flush()
}
