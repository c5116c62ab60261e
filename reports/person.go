package reports

import (
	"io"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// Person is one person's report as every format shows it (assess, report): the JSON
// model, the rubric it was scored against for names and statements, and the standing
// the long CSV rows are made from.
type Person struct {
	rep *Report
	r   *rubric.Rubric
	st  *assess.Standing
}

// NewPerson is the report of a scored assessment.
func NewPerson(res *assess.Result) *Person {
	return &Person{rep: NewReport(res), r: res.Rubric, st: &res.Standing}
}

func (p *Person) writeTable(w io.Writer, opt Options) error { return personTable(w, p.rep, p.r, opt) }
func (p *Person) writeMarkdown(w io.Writer) error           { return personMarkdown(w, p.rep, p.r) }
func (p *Person) writeJSON(w io.Writer) error               { return WriteJSON(w, p.rep) }
func (p *Person) writeHTML(w io.Writer) error               { return personHTML(w, p.rep, p.r) }
func (p *Person) writeCSV(w io.Writer, excel bool) error    { return writeStandingCSV(w, p.st, excel) }

// writeStandingCSV writes one person in the long CSV format.
func writeStandingCSV(w io.Writer, st *assess.Standing, excel bool) error {
	rows := newStandingRows(excel)
	rows.header()
	rows.add(st)
	out := rows.cw.Take(nil)
	if excel {
		out = append([]byte(byteOrderMark), out...)
	}
	_, err := w.Write(out)
	return err
}
