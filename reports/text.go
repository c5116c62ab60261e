package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/pmladder/pmladder/assess"
)

// ANSI styles, used only when Options.Color is set.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// style wraps s in an ANSI style when colour is on.
func (o Options) style(code, s string) string {
	if !o.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

// priorityStyle colours a priority: high red, medium yellow.
func (o Options) priority(p assess.Priority) string {
	switch p {
	case assess.PriorityHigh:
		return o.style(ansiRed, string(p))
	case assess.PriorityMedium:
		return o.style(ansiYellow, string(p))
	case assess.PriorityNA, assess.PriorityNone:
		return o.style(ansiDim, string(p))
	}
	return string(p)
}

// bar draws value on [lo, hi] as width cells of full and light blocks.
func bar(value, lo, hi float64, width int) string {
	if hi <= lo {
		return strings.Repeat("░", width)
	}
	filled := int(math.Round((value - lo) / (hi - lo) * float64(width)))
	filled = max(0, min(width, filled))
	return strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
}

// fmtNum prints a rounded number without needless zeros: 3, 2.5, 83.33; "–" for null.
func fmtNum(p *float64) string {
	if p == nil {
		return "–"
	}
	return num(*p)
}

// fmtPct prints a readiness or a coverage for people, as a whole percentage ("83%"; the
// JSON keeps two decimals), "–" for null. It is rounded down: 79.5% must not read as the
// 80% it falls short of.
func fmtPct(p *float64) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(math.Floor(*p+1e-9), 'f', 0, 64) + "%"
}

// errWriter remembers the first write error, so that renderers can write freely and
// check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) { fmt.Fprintf(e, format, args...) }

// num prints a number as it is, without needless zeros: 3, 2.5, 83.33.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
