// Package problem describes what is wrong with a user's input file, with the file and the
// line, so that every parser reports errors the same way and the command line can tell
// invalid input (exit 2) from failures of its own.
package problem

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with an input file.
type Problem struct {
	File string
	// Column is the sheet and column of a workbook's cell ("Answers!D"), when the
	// problem is in one: Line is then the row.
	Column string
	// Line is 1-based; 0 when the problem concerns the file as a whole.
	Line int
	Msg  string
}

// Error formats the problem as FILE:LINE: message, or for a workbook's cell
// FILE:SHEET!CELL: message.
func (p *Problem) Error() string {
	switch {
	case p.File == "":
		return p.Msg
	case p.Line <= 0:
		return p.File + ": " + p.Msg
	default:
		return p.Place().At(p.Line) + ": " + p.Msg
	}
}

// Place is the file of a problem, with the sheet and column of a workbook's cell.
func (p *Problem) Place() Place { return Place{File: p.File, Column: p.Column} }

// Place is where the lines (or rows) of an input are: a file, or one column of a sheet
// of a workbook, whose rows are numbered like lines.
type Place struct {
	File string
	// Column is a workbook's sheet and column, "Answers!D"; "" for a text file.
	Column string
}

// At names line (or row) n of the place: "team.csv:7", "team.xlsx:Answers!D7".
func (pl Place) At(n int) string {
	if pl.Column != "" {
		return pl.File + ":" + pl.Column + strconv.Itoa(n)
	}
	return pl.File + ":" + strconv.Itoa(n)
}

// List collects every problem found in one pass over an input. A nil or empty List is no
// error; use Err to turn it into one.
type List []*Problem

// AddAt records a problem at line (or row) n of a place.
func (l *List) AddAt(pl Place, n int, format string, args ...any) {
	*l = append(*l, &Problem{File: pl.File, Column: pl.Column, Line: n, Msg: fmt.Sprintf(format, args...)})
}

// Add records a problem.
func (l *List) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Error lists the problems one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, p := range l {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns nil when the list is empty, else the list sorted by file and line, so that
// problems found in later passes still read in file order.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
	return l
}

// Quote quotes a value for a message, cut to 40 characters so that one bad cell cannot
// flood the terminal: messages never quote more (docs/formats.md, "Messages").
func Quote(s string) string {
	const most = 40
	if r := []rune(s); len(r) > most {
		return strconv.Quote(string(r[:most])) + "…"
	}
	return strconv.Quote(s)
}
