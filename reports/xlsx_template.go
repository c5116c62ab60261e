package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// templateRows is how many rows of the Answers sheet get the dropdowns beyond the people
// named: a manager adds people by typing a name in the next empty row.
const templateRows = 200

// cellName is the name of the cell at col (1-based) and row, "D7".
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName is the letters of column col (1-based), "D".
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// TemplateXLSX writes the team template as a workbook: an Answers sheet with the CSV
// template's header and a row per person, a dropdown on every answer cell (the scale and
// na) and on the assessor, role and track cells, each question's text as a comment on its
// header cell, the header row and the name column frozen; a Questions sheet listing every
// question with its anchored statements; a Roles sheet, which the role dropdowns list.
func TemplateXLSX(w io.Writer, r *rubric.Rubric, people []string, t TemplateSheet) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", input.AnswersSheet); err != nil {
		return err
	}
	const sheet = input.AnswersSheet
	questions := assess.QuestionsAsked(r, t.Quick)
	header := templateHeader(r, questions, t.Rater != "")
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F3F4F6"}}})
	if err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := f.SetSheetRow(sheet, "A1", &row); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", cellName(len(header), 1), bold); err != nil {
		return err
	}
	for i, p := range people {
		row := make([]any, len(header))
		for k, name := range header {
			switch name {
			case assess.FieldPerson:
				row[k] = p
			case assess.FieldAssessor:
				row[k] = string(t.Assessor)
			case assess.FieldRater:
				row[k] = t.Rater
			}
		}
		if err := f.SetSheetRow(sheet, cellName(1, i+2), &row); err != nil {
			return err
		}
	}
	last := max(len(people)+1, templateRows)
	scores := []string{}
	for v := r.Scale.Min; v <= r.Scale.Max; v++ {
		scores = append(scores, strconv.Itoa(v))
	}
	scores = append(scores, "na")
	roleRef := fmt.Sprintf("Roles!$A$2:$A$%d", len(r.Roles)+1)
	var trackIDs []string
	for _, t := range r.Tracks {
		trackIDs = append(trackIDs, t.ID)
	}
	for i, h := range header {
		col := i + 1
		span := fmt.Sprintf("%s2:%s%d", colName(col), colName(col), last)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(span)
		hint := ""
		switch {
		case h == assess.FieldAssessor:
			err = dv.SetDropList(assess.Assessors())
			hint = assess.AssessorList
		case h == assess.FieldCurrent || h == assess.FieldTarget:
			dv.SetSqrefDropList(roleRef)
			hint = "a role id: the Roles sheet lists them"
		case h == assess.FieldTrack && len(trackIDs) > 0:
			err = dv.SetDropList(trackIDs)
			hint = strings.TrimPrefix(r.TrackList(), "tracks: ")
		case h == assess.FieldDate:
			hint = "the day of the assessment, a date (2026-11-22)"
			dv = nil
		case h == assess.FieldRater:
			hint = "who rates: a manager's or a peer's name"
			dv = nil
		case h == assess.FieldCertifications:
			hint = "those held, ids separated by ; (" + r.CertificationList() + ")"
			dv = nil
		case r.Question(h) != nil:
			err = dv.SetDropList(scores)
			dv.SetError(excelize.DataValidationErrorStyleStop, "Not a score", fmt.Sprintf("Pick a score from %d to %d, or na.", r.Scale.Min, r.Scale.Max))
			q := r.Question(h)
			hint = fmt.Sprintf("%s: %s (%s; the Questions sheet has the statement of each score)", r.Skill(q.Skill).Name, q.Text, scaleHint(r))
		default:
			dv = nil
		}
		if err != nil {
			return err
		}
		if dv != nil {
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
		if hint != "" {
			if err := f.AddComment(sheet, excelize.Comment{Author: "pmladder", Cell: cellName(col, 1),
				Paragraph: []excelize.RichTextRun{{Text: hint}}, Width: 320, Height: 120}); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 24); err != nil {
		return err
	}
	for i, h := range header[1:] {
		if err := f.SetColWidth(sheet, colName(i+2), colName(i+2), headerWidth(h)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := questionsSheet(f, r, questions, bold); err != nil {
		return err
	}
	if err := rolesSheet(f, r, bold); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// headerWidth is the width of a template column that shows its header whole, in the
// spreadsheet's units (the width of a digit): a question id is what a manager reads to
// tell customer-insight.1 from customer-insight.2, so it is never cut. Bold letters are a
// little wider than digits; the room for the dropdown's arrow is added.
func headerWidth(h string) float64 {
	return max(12, math.Ceil(float64(utf8.RuneCountInString(h))*1.15)+3)
}

// templateHeader is the header of a team template, CSV or workbook: the profile fields
// (and the rater, for a manager's or peers' sheet), a column per question, and the
// certifications held when the rubric has any.
func templateHeader(r *rubric.Rubric, questions []*rubric.Question, rater bool) []string {
	header := assess.ProfileFields()
	if rater {
		header = append(header, assess.FieldRater)
	}
	for _, q := range questions {
		header = append(header, q.ID)
	}
	if len(r.Certifications) > 0 {
		// Those held, ids separated by semicolons: they are never recommended.
		header = append(header, assess.FieldCertifications)
	}
	return header
}

// questionsSheet lists every question of the template by category and skill, with the
// anchored statement of each score.
func questionsSheet(f *excelize.File, r *rubric.Rubric, questions []*rubric.Question, bold int) error {
	const sheet = "Questions"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	head := []any{"Category", "Skill", "Column", "Question"}
	for v := r.Scale.Min; v <= r.Scale.Max; v++ {
		head = append(head, r.Scale.Rating(v))
	}
	if err := f.SetSheetRow(sheet, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", cellName(len(head), 1), bold); err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, q := range questions {
		sk := r.Skill(q.Skill)
		row := []any{r.Category(sk.Category).Name, sk.Name, q.ID, q.Text}
		for v := r.Scale.Min; v <= r.Scale.Max; v++ {
			row = append(row, q.StatementAt(v))
		}
		if err := f.SetSheetRow(sheet, cellName(1, i+2), &row); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A2", cellName(len(head), len(questions)+1), wrap); err != nil {
		return err
	}
	for _, c := range []struct {
		from, to string
		width    float64
	}{{"A", "B", 18}, {"C", "C", 22}, {"D", "D", 40}, {"E", colName(len(head)), 30}} {
		if err := f.SetColWidth(sheet, c.from, c.to, c.width); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// rolesSheet lists the rubric's roles: the ids the role dropdowns offer.
func rolesSheet(f *excelize.File, r *rubric.Rubric, bold int) error {
	const sheet = "Roles"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, "A1", &[]any{"Role id", "Role", "Level", "Tracks", "Next roles"}); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "E1", bold); err != nil {
		return err
	}
	for i := range r.Roles {
		ro := &r.Roles[i]
		if err := f.SetSheetRow(sheet, cellName(1, i+2), &[]any{ro.ID, ro.Name, ro.Level,
			strings.Join(ro.Tracks, ", "), strings.Join(ro.Next, ", ")}); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 22); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "E", 32)
}
