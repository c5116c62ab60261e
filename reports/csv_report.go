package reports

import (
	"time"

	"github.com/pmladder/pmladder/assess"
)

// csvColumns are the long CSV format's columns (docs/formats.md): one row per person × skill.
// personCells of them describe the person and repeat on each of their rows.
func csvColumns() []string {
	return []string{"person", "assessor", "date", "current_role", "target_role", "target_readiness",
		"category", "skill", "score", "expected_target", "gap", "priority"}
}

// personCells is how many of csvColumns describe the person rather than the skill.
const personCells = 6

// standingRows encodes people in the long CSV format, from their standing: the one
// encoder of these rows, for one person's report and a team of any size alike. Each
// skill's category and skill cells are encoded once for everyone, each person's cells
// once for all their rows.
type standingRows struct {
	cw *CSVWriter
	// skills holds the encoded category and skill cells of each skill; person the
	// encoded cells of the person being written.
	skills [][]byte
	person []byte
}

// newStandingRows encodes rows into memory (see CSVWriter.Take); crlf ends lines as
// Excel wants.
func newStandingRows(crlf bool) *standingRows { return &standingRows{cw: newRowBuffer(crlf)} }

// header appends the header row.
func (sr *standingRows) header() {
	for _, n := range csvColumns() {
		sr.cw.Text(n)
	}
	sr.cw.endLine()
}

// add appends one person's rows, one per skill in rubric order.
func (sr *standingRows) add(st *assess.Standing) {
	a, cw := st.Answers, sr.cw
	// The person's cells are encoded into sr.person, then copied into each row.
	rows := cw.line
	cw.line, cw.cells = sr.person[:0], 0
	cw.Text(a.Person)
	cw.Text(string(a.Assessor))
	if a.Date.IsZero() {
		cw.Text("")
	} else {
		cw.sep()
		cw.line = a.Date.UTC().AppendFormat(cw.line, time.RFC3339)
	}
	var readiness *float64
	if st.Current != nil {
		cw.Text(st.Current.ID)
	} else {
		cw.Text("")
	}
	if st.Target != nil {
		cw.Text(st.Target.Role.ID)
		readiness = st.Target.Readiness
	} else {
		cw.Text("")
	}
	cw.Number(readiness)
	sr.person, cw.line = cw.line, rows
	if sr.skills == nil {
		for i := range st.Skills {
			sk := st.Skills[i].Skill
			b := append(cw.appendField(nil, SafeText(sk.Category)), ',')
			sr.skills = append(sr.skills, cw.appendField(b, SafeText(sk.ID)))
		}
	}
	for i := range st.Skills {
		sk := &st.Skills[i]
		cw.line = append(cw.line, sr.person...)
		cw.line = append(cw.line, ',')
		cw.line = append(cw.line, sr.skills[i]...)
		cw.cells = personCells + 2
		cw.Number(sk.Score)
		cw.Number(sk.ExpectedTarget)
		cw.Number(sk.Gap)
		cw.Text(string(sk.Priority))
		cw.endLine()
	}
}
