package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// TemplateSheet is what a blank answer sheet is for: a row or document per person (none
// gives one unnamed), who will answer (self, manager or peer) and, for a manager or a
// peer, their name; the quick set of questions or all.
type TemplateSheet struct {
	People   []string
	Assessor assess.Assessor
	Rater    string
	Quick    bool
}

// Template is a blank answer sheet: a team sheet (CSV, the default, or a workbook) or an
// answers document per person (YAML).
type Template struct {
	r     *rubric.Rubric
	sheet TemplateSheet
}

// NewTemplate is the blank answer sheet of rubric r.
func NewTemplate(r *rubric.Rubric, t TemplateSheet) *Template {
	if len(t.People) == 0 {
		t.People = []string{""}
	}
	return &Template{r: r, sheet: t}
}

func (v *Template) writeYAML(w io.Writer) error {
	t := v.sheet
	for i, p := range t.People {
		if i > 0 {
			if _, err := io.WriteString(w, "---\n"); err != nil {
				return err
			}
		}
		if _, err := w.Write(input.TemplateYAML(v.r, p, t.Assessor, t.Rater, t.Quick)); err != nil {
			return err
		}
	}
	return nil
}

func (v *Template) writeXLSX(w io.Writer) error { return TemplateXLSX(w, v.r, v.sheet.People, v.sheet) }

func (v *Template) writeCSV(w io.Writer, excel bool) error {
	r, t := v.r, v.sheet
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	header := templateHeader(r, assess.QuestionsAsked(r, t.Quick), t.Rater != "")
	if err := cw.Header(header...); err != nil {
		return err
	}
	// The questions' text under their ids, in a row the sheet reader skips (its first
	// cell starts with #), so the sheet can be filled without the YAML template beside it.
	cw.Text("# what each column asks (this row is ignored)")
	for _, name := range header[1:] {
		switch q := r.Question(name); {
		case q != nil:
			cw.Text(q.Text + " (" + scaleHint(r) + ")")
		case name == assess.FieldCertifications:
			cw.Text("those held, ids separated by ; (" + r.CertificationList() + ")")
		case name == assess.FieldAssessor:
			cw.Text(assess.AssessorList)
		case name == assess.FieldRater:
			cw.Text("who rates (a manager's or a peer's name)")
		case name == assess.FieldDate:
			cw.Text("2026-11-22")
		case name == assess.FieldCurrent || name == assess.FieldTarget:
			cw.Text("a role id (pmladder rubric roles)")
		case name == assess.FieldTrack:
			cw.Text(strings.TrimPrefix(r.TrackList(), "tracks: "))
		default:
			cw.Text("")
		}
	}
	if err := cw.EndRow(); err != nil {
		return err
	}
	for _, p := range t.People {
		for _, name := range header {
			switch name {
			case assess.FieldPerson:
				cw.Text(p)
			case assess.FieldAssessor:
				cw.Text(string(t.Assessor))
			case assess.FieldRater:
				cw.Text(t.Rater)
			default:
				cw.Text("")
			}
		}
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// scaleHint says what a score cell may hold.
func scaleHint(r *rubric.Rubric) string {
	return fmt.Sprintf("%d–%d or na", r.Scale.Min, r.Scale.Max)
}
