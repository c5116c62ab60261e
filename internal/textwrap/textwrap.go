// Package textwrap fits text to a terminal: lines broken at spaces, never inside a word, and
// widths measured in display columns. The reports and the interview share it.
package textwrap

import (
	"strings"
	"unicode/utf8"

	twwidth "github.com/olekukonko/tablewriter/pkg/twwidth"
)

// Wrap breaks text into lines of at most width display columns, the first prefixed with
// first and the rest with rest. Lines never break at a no-break space (NBSP), which keeps
// a number with its label; it is written as a plain space, so output stays greppable.
//
// A line's width is the sum of its parts' (display width adds up rune by rune), so each
// word is measured once: wrapping is linear in the text, however long.
func Wrap(text string, width int, first, rest string) string {
	var b strings.Builder
	line, prefix := "", first
	lineWidth, prefixWidth := 0, Width(first)
	flush := func() {
		b.WriteString(prefix + strings.ReplaceAll(line, NBSP, " ") + "\n")
		line, prefix = "", rest
		lineWidth, prefixWidth = 0, Width(rest)
	}
	for _, word := range strings.FieldsFunc(text, isBreakable) {
		wordWidth := Width(word)
		if line != "" && prefixWidth+lineWidth+1+wordWidth > width {
			flush()
		}
		if line == "" {
			line, lineWidth = word, wordWidth
		} else {
			line += " " + word
			lineWidth += 1 + wordWidth
		}
	}
	if line != "" || prefix == first {
		flush()
	}
	return b.String()
}

// Width is the number of columns s takes on a terminal.
func Width(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return twwidth.WidthNoCache(s) // tablewriter's cache locks and keeps every string measured
}

// NBSP is a no-break space: Wrap never breaks a line there.
const NBSP = "\u00a0"

// isBreakable reports the white space a line may break at: all but the no-break space.
func isBreakable(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// isASCII reports printable ASCII, one column a byte: a control character (an ANSI
// escape's ESC among them) is measured as the terminal shows it, so that a width is the
// sum of its parts' widths and Wrap can add words up.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] < 0x20 || s[i] == 0x7f {
			return false
		}
	}
	return true
}
