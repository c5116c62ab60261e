package input

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/words"
)

// A sheet's slash dates (12/01/2026) are read in one order for the whole column, as the
// spreadsheet that exported them wrote them: the order given (--date-order), else the
// order the first date that reads only one way shows (a day past the 12th: 13/01/2026 is
// day first, 01/13/2026 month first). A date that shows the other order is an error that
// names both cells, since one of them was misread by someone.
//
// The rows are streamed, so a row whose date reads either way (12/01/2026) while the
// order is still unknown is held back, read and checked but with its date waiting, and
// so is every row after it (people reach the review in sheet order), until a date settles
// the order; then they go on in order. A column where no date settles it is one problem,
// at its first such date, that says how to choose. At most maxHeldRows are held: a sheet
// that long without a telling date gets the same problem there.

// maxHeldRows is how many rows a sheet may hold back while its date order is unknown
// (about a kilobyte each).
const maxHeldRows = 10_000

// sheetDates is the order of a sheet's slash dates and where it was settled.
type sheetDates struct {
	order assess.DateOrder
	// given is set when the order came from the user, not from a cell.
	given bool
	// settledAt and settledBy are the cell and the text that settled the order.
	settledAt, settledBy string
}

// heldRow is a row read while the date order was unknown: the person as read (all but
// the date, when it reads either way), the row's problems, and the date's text when it
// waits for the order.
type heldRow struct {
	a     *assess.Answers
	line  int
	err   error
	date  string
	where problem.Place
}

// SetDateOrder reads the sheet's slash dates in the given order ("" settles it from the
// column, as above); it must be called before the first row is read.
func (s *SheetReader) SetDateOrder(order assess.DateOrder) {
	s.dates = sheetDates{order: order, given: order != ""}
}

// readDate records the date cell of a row at pl: it returns what is wrong, or "", and
// sets s.waiting to the cell when it reads either way and the order is not known yet.
func (s *SheetReader) readDate(a *assess.Answers, cell string, pl problem.Place, line int) string {
	shows, either := assess.SlashDateOrder(cell)
	d := &s.dates
	switch {
	case either && d.order == "":
		s.waiting, s.waitingAt = cell, pl
		return ""
	case shows != "" && d.order == "":
		d.order, d.settledAt, d.settledBy = shows, pl.At(line), cell
	case shows != "" && shows != d.order && d.given:
		return fmt.Sprintf("%s reads only %s, but the date order is set to %s: fix the date, or change --date-order",
			problem.Quote(cell), shows.Describe(), d.order.Describe())
	case shows != "" && shows != d.order:
		return fmt.Sprintf("%s reads only %s, but %s at %s reads only %s: write every date of the column one way, or as YYYY-MM-DD",
			problem.Quote(cell), shows.Describe(), problem.Quote(d.settledBy), d.settledAt, d.order.Describe())
	}
	return a.SetDate(cell, d.order)
}

// hold keeps the row just read into a until the date order is known; the rows held go
// on (to s.ready) as soon as it is.
func (s *SheetReader) hold(a *assess.Answers, line int, err error) {
	h := heldRow{a: assess.NewAnswers(s.r), line: line, err: err, date: s.waiting, where: s.waitingAt}
	a.CopyTo(h.a)
	s.held = append(s.held, h)
	s.waiting = ""
	if s.dates.order != "" {
		s.release()
	}
}

// release reads the held rows' dates in the order now known and hands them on.
func (s *SheetReader) release() {
	for _, h := range s.held {
		if h.date != "" {
			if msg := h.a.SetDate(h.date, s.dates.order); msg != "" {
				h.err = withProblem(h.err, h.where, h.line, fmt.Sprintf("column %q: %s", assess.FieldDate, msg))
			}
		}
		s.ready = append(s.ready, h)
	}
	s.held = s.held[:0]
}

// unsettled is the problem of the rows held when the column ends (or too many are held)
// with nothing to settle the order: the rows whose date reads either way are dropped,
// with one problem at the first that says how to choose, and the others go on.
func (s *SheetReader) unsettled(atEnd bool) error {
	var probs problem.List
	var first heldRow
	n := 0
	kept := s.held[:0]
	for i := range s.held {
		h := s.held[i]
		if h.date == "" {
			kept = append(kept, h)
			continue
		}
		if n == 0 {
			first = h
		}
		n++
		var list problem.List
		if errors.As(h.err, &list) {
			probs = append(probs, list...)
		}
	}
	how := "no date in the column has a day past the 12th to tell which comes first"
	if !atEnd {
		how = fmt.Sprintf("none of the first %d rows has a date with a day past the 12th to tell which comes first", maxHeldRows)
	}
	what := fmt.Sprintf("%s could be %s", problem.Quote(first.date), assess.EitherDay(first.date))
	if n > 1 {
		what = fmt.Sprintf("%s read either way, the first %s (%s)", words.Count(n, "date", "dates"), problem.Quote(first.date), assess.EitherDay(first.date))
	}
	probs.AddAt(first.where, first.line, "column %q: %s, and %s: add --date-order mdy or dmy", assess.FieldDate, what, how)
	s.held = kept
	s.release()
	if !atEnd {
		s.fatal = true
	}
	return probs.Err()
}

// next hands on the next row read into a: a held row whose order is now known, else
// the next row of the sheet, held back while the order is unknown.
func (s *SheetReader) next(a *assess.Answers) (int, error) {
	for {
		if len(s.ready) > 0 {
			h := s.ready[0]
			s.ready = s.ready[1:]
			h.a.CopyTo(a)
			return h.line, h.err
		}
		if s.fatal {
			return 0, io.EOF
		}
		line, err := s.readRow(a)
		switch {
		case errors.Is(err, io.EOF) && len(s.held) > 0:
			s.fatal = true
			first := s.held[0].line // before unsettled empties held
			return first, s.unsettled(true)
		case s.fatal && len(s.held) > 0: // the file broke: what was held is checked, then nothing more
			var list, more problem.List
			errors.As(err, &list)
			errors.As(s.unsettled(true), &more)
			return line, append(slices.Clone(list), more...).Err()
		case errors.Is(err, io.EOF) || s.fatal:
			return line, err
		case s.waiting == "" && len(s.held) == 0:
			return line, err
		}
		s.hold(a, line, err)
		if len(s.held) > maxHeldRows {
			first := s.held[0].line
			return first, s.unsettled(false)
		}
	}
}

// withProblem adds a problem at line of pl to err, a problem.List or nil.
func withProblem(err error, pl problem.Place, line int, msg string) error {
	var list problem.List
	if errors.As(err, &list) {
		list = slices.Clone(list)
	}
	list.AddAt(pl, line, "%s", msg)
	return list.Err()
}
