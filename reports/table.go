package reports

import (
	"bytes"
	"io"
	"strings"
	"time"
	"unicode/utf8"

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

// wrap breaks text into lines of at most width display columns, the first prefixed with
// first and the rest with rest. Lines never break at a no-break space (nbsp), which keeps
// a number with its label; it is written as a plain space, so output stays greppable.
func wrap(text string, width int, first, rest string) string {
	var b strings.Builder
	line, prefix := "", first
	flush := func() {
		b.WriteString(prefix + strings.ReplaceAll(line, nbsp, " ") + "\n")
		line, prefix = "", rest
	}
	for _, word := range strings.FieldsFunc(text, isBreakable) {
		if line != "" && twwidth.Width(prefix+line+" "+word) > width {
			flush()
		}
		if line == "" {
			line = word
		} else {
			line += " " + word
		}
	}
	if line != "" || prefix == first {
		flush()
	}
	return b.String()
}

// truncate shortens s to at most n display columns, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n && isASCII(s) { // the common case, without measuring
		return s
	}
	if twwidth.Width(s) <= n {
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// displayWidth is the number of columns s takes on a terminal.
func displayWidth(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return twwidth.Width(s)
}

// nbsp is a no-break space: wrap never breaks a line there.
const nbsp = "\u00a0"

// isBreakable reports the white space a line may break at: all but the no-break space.
func isBreakable(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

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
		if displayWidth(cell) <= widths[i] {
			lines[i] = []string{cell}
			continue
		}
		lines[i] = strings.Split(strings.TrimSuffix(wrap(cell, widths[i], "", ""), "\n"), "\n")
		height = max(height, len(lines[i]))
	}
	for l := 0; l < height; l++ {
		for i := range cells {
			cell := ""
			if l < len(lines[i]) {
				cell = truncate(lines[i][l], widths[i])
			}
			pad := strings.Repeat(" ", widths[i]-displayWidth(cell))
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
