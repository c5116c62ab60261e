package reports

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// Output says how a command's result is written: the one place that dispatches on the
// format. Commands fill it from their flags and call its Write methods; they never name
// a format themselves.
type Output struct {
	// Format is one of the formats the command writes (PersonFormats and the like).
	Format string
	// Excel makes CSV open cleanly in Excel: a UTF-8 byte-order mark and CRLF line ends.
	Excel bool
	// Options are for the table on a terminal: colour and width are off for files and pipes;
	// the zone applies wherever a person reads the dates.
	Options
}

// PersonFormats are the formats of one person's report, a comparison and a team review;
// the first is the default.
func PersonFormats() []string { return []string{"table", "markdown", "csv", "json", "html"} }

// TeamFormats are the formats of a team review: a person's, and the workbook.
func TeamFormats() []string { return append(PersonFormats(), "xlsx") }

// HistoryFormats are the formats of the history list.
func HistoryFormats() []string { return []string{"table", "json", "csv"} }

// TemplateFormats are the formats of a blank answer sheet.
func TemplateFormats() []string { return []string{"csv", "yaml", "xlsx"} }

// FormatOfFile is the format a file's extension names (.csv .json .md .html .txt .yaml
// .xlsx),
// or "".
func FormatOfFile(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm":
		return "html"
	case ".txt":
		return "table"
	case ".yaml", ".yml":
		return "yaml"
	case ".xlsx":
		return "xlsx"
	}
	return ""
}

// AllFormats are every format some command writes, for checking the format setting.
func AllFormats() []string {
	var all []string
	for _, list := range [][]string{TeamFormats(), HistoryFormats(), TemplateFormats()} {
		for _, f := range list {
			if !slices.Contains(all, f) {
				all = append(all, f)
			}
		}
	}
	return all
}

// Check reports what is wrong with the output settings for a command that writes formats,
// or nil.
func (o Output) Check(formats []string) error {
	if !slices.Contains(formats, o.Format) {
		return fmt.Errorf("unknown format %q: want %s", o.Format, strings.Join(formats, ", "))
	}
	if o.Excel && o.Format != "csv" {
		return fmt.Errorf("--excel applies to --format csv")
	}
	return nil
}

// WritesCSV reports whether a command with these formats can write CSV (and so takes
// --excel).
func WritesCSV(formats []string) bool { return slices.Contains(formats, "csv") }

func (o Output) options() Options { return o.Options }

// WritePerson writes one person's report.
func (o Output) WritePerson(w io.Writer, res *assess.Result) error {
	switch o.Format {
	case "csv":
		return writeStandingCSV(w, &res.Standing, o.Excel)
	case "json":
		return WriteJSON(w, NewReport(res))
	case "markdown":
		return Markdown(w, NewReport(res), res.Rubric)
	case "html":
		return HTML(w, NewReport(res), res.Rubric)
	default:
		return trimmed(w, func(w io.Writer) error { return Table(w, NewReport(res), res.Rubric, o.options()) })
	}
}

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

// WriteCompare writes a comparison: growth or a calibration.
func (o Output) WriteCompare(w io.Writer, cmp *assess.Comparison, all bool) error {
	rep := NewCompare(cmp, all)
	switch o.Format {
	case "json":
		return WriteJSON(w, rep)
	case "markdown":
		return CompareMarkdown(w, rep)
	case "csv":
		return CompareCSV(w, rep, o.Excel)
	case "html":
		return CompareHTML(w, rep, cmp, cmp.New.Rubric)
	default:
		return trimmed(w, func(w io.Writer) error { return CompareTable(w, rep, o.options()) })
	}
}

// WriteRubricDiff writes what changes from role from to role to.
func (o Output) WriteRubricDiff(w io.Writer, r *rubric.Rubric, from, to *rubric.Role) error {
	d := NewRubricDiff(r, from, to)
	switch o.Format {
	case "json":
		return WriteJSON(w, d)
	case "markdown":
		return RubricDiffMarkdown(w, d)
	case "csv":
		return RubricDiffCSV(w, d, o.Excel)
	case "html":
		return RubricDiffHTML(w, d)
	default:
		return trimmed(w, func(w io.Writer) error { return RubricDiffTable(w, d, o.options()) })
	}
}

// WriteTrend writes a person's trend across their saved assessments.
func (o Output) WriteTrend(w io.Writer, t *Trend) error {
	switch o.Format {
	case "json":
		return WriteJSON(w, t)
	case "markdown":
		return TrendMarkdown(w, t)
	case "csv":
		return TrendCSV(w, t, o.Excel)
	case "html":
		return TrendHTML(w, t)
	default:
		return trimmed(w, func(w io.Writer) error { return TrendTable(w, t, o.options()) })
	}
}

// WritePlan writes a development plan, alone or held against an assessment.
func (o Output) WritePlan(w io.Writer, v *PlanView) error {
	switch o.Format {
	case "json":
		return WriteJSON(w, v.json())
	case "markdown":
		return PlanMarkdown(w, v)
	case "csv":
		return PlanCSV(w, v, o.Excel)
	case "html":
		return PlanHTML(w, v)
	default:
		return trimmed(w, func(w io.Writer) error { return PlanTable(w, v, o.options()) })
	}
}

// WriteHistory writes the list of saved assessments; empty is what the table says when
// there is none.
func (o Output) WriteHistory(w io.Writer, entries []HistoryEntry, empty string) error {
	switch o.Format {
	case "json":
		return HistoryJSON(w, entries)
	case "csv":
		return HistoryCSV(w, entries, o.Excel)
	default:
		return trimmed(w, func(w io.Writer) error { return HistoryTable(w, entries, empty, o.options()) })
	}
}

// TemplateSheet is what a blank answer sheet is for: a row or document per person (none
// gives one unnamed), who will answer (self, manager or peer) and, for a manager or a
// peer, their name; the quick set of questions or all.
type TemplateSheet struct {
	People          []string
	Assessor, Rater string
	Quick           bool
}

// WriteTemplate writes a blank answer sheet.
func (o Output) WriteTemplate(w io.Writer, r *rubric.Rubric, t TemplateSheet) error {
	people := t.People
	if len(people) == 0 {
		people = []string{""}
	}
	if o.Format == "yaml" {
		for i, p := range people {
			if i > 0 {
				if _, err := io.WriteString(w, "---\n"); err != nil {
					return err
				}
			}
			if _, err := w.Write(input.TemplateYAML(r, p, t.Assessor, t.Rater, t.Quick)); err != nil {
				return err
			}
		}
		return nil
	}
	if o.Format == "xlsx" {
		return TemplateXLSX(w, r, people, t)
	}
	cw, err := NewCSVWriter(w, o.Excel)
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
	for _, p := range people {
		for _, name := range header {
			switch name {
			case assess.FieldPerson:
				cw.Text(p)
			case assess.FieldAssessor:
				cw.Text(t.Assessor)
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

// NewTeamSink returns the sink that writes a team review in the format, recommending up
// to certs certifications in the summary. It buffers its writes; every format streams.
func (o Output) NewTeamSink(w io.Writer, r *rubric.Rubric, certs int) (input.TeamSink, error) {
	s := &teamSink{w: bufio.NewWriterSize(w, 256<<10), r: r, certs: certs, opt: o.options(),
		excel: o.Excel, totals: NewTeamTotals(r)}
	switch o.Format {
	case "csv":
		s.format = teamCSV{}
	case "json":
		s.format = teamJSON{}
	case "markdown":
		s.format = teamMarkdown{}
	case "html":
		s.format = teamHTML{}
	case "xlsx":
		s.format = &teamXLSX{}
	default:
		s.format = teamTable{}
	}
	if err := s.format.begin(s); err != nil {
		return nil, err
	}
	return s, nil
}
