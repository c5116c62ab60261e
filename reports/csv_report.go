package reports

import (
	"io"
	"time"

	"github.com/pmladder/pmladder/assess"
)

// csvColumns are the long CSV format's columns (DESIGN §7): one row per person × skill.
func csvColumns() []string {
	return []string{"person", "assessor", "date", "current_role", "target_role", "target_readiness",
		"category", "skill", "score", "expected_target", "gap", "priority"}
}

// ReportCSV writes reports in the long CSV format. It takes a function yielding reports so
// that a team of any size streams through without being held in memory.
type ReportCSV struct {
	cw *CSVWriter
	// person holds the encoded cells shared by a person's rows; skills the encoded
	// category and skill cells of each skill, the same for everyone.
	person []byte
	skills [][]byte
}

// NewReportCSV writes the header; excel adds a byte-order mark and CRLF line ends.
func NewReportCSV(w io.Writer, excel bool) (*ReportCSV, error) {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return nil, err
	}
	if err := cw.Header(csvColumns()...); err != nil {
		return nil, err
	}
	return &ReportCSV{cw: cw}, nil
}

// NewReportCSVRows keeps rows in memory (no header, no byte-order mark) until Take, for
// the workers of a parallel team review, whose rows follow a header written once.
func NewReportCSVRows(excel bool) *ReportCSV {
	return &ReportCSV{cw: newRowBuffer(excel)}
}

// Take returns the rows kept so far and starts again in buf's memory, so that buffers
// pass between a worker and the writer without copying.
func (rc *ReportCSV) Take(buf []byte) []byte {
	rows := rc.cw.line
	rc.cw.line, rc.cw.cells = buf[:0], 0
	return rows
}

// Write adds one person's rows, one per skill in rubric order.
func (rc *ReportCSV) Write(rep *Report) error {
	current, target := "", ""
	var readiness *float64
	if rep.CurrentRole != nil {
		current = rep.CurrentRole.ID
	}
	if rep.TargetRole != nil {
		target = rep.TargetRole.ID
		readiness = rep.TargetRole.Readiness
	}
	cw := rc.cw
	for _, s := range rep.Skills {
		cw.Text(rep.Person)
		cw.Text(rep.Assessor)
		cw.Text(deref(rep.Date))
		cw.Text(current)
		cw.Text(target)
		cw.Number(readiness)
		cw.Text(s.Category)
		cw.Text(s.ID)
		cw.Number(s.Score)
		cw.Number(s.ExpectedTarget)
		cw.Number(s.Gap)
		cw.Text(s.Priority)
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return nil
}

// WriteResult adds one person's rows straight from a scored result, the same cells as
// Write(NewReport(res)) without building the report: the fast path of a team review. The
// person's cells are encoded once for all their rows, each skill's once for everyone.
func (rc *ReportCSV) WriteResult(res *assess.Result) error {
	a := res.Answers
	cw := rc.cw
	// The person's cells are encoded into rc.person, then copied into each row.
	rows, cells := cw.line, cw.cells
	cw.line, cw.cells = rc.person[:0], 0
	cw.Text(a.Person)
	cw.Text(a.Assessor)
	if a.Date.IsZero() {
		cw.Text("")
	} else {
		cw.sep()
		cw.line = a.Date.UTC().AppendFormat(cw.line, time.RFC3339)
	}
	var readiness *float64
	if res.Current != nil {
		cw.Text(res.Current.ID)
	} else {
		cw.Text("")
	}
	if res.Target != nil {
		cw.Text(res.Target.Role.ID)
		readiness = res.Target.Readiness
	} else {
		cw.Text("")
	}
	cw.Number(readiness)
	rc.person = cw.line
	cw.line, cw.cells = rows, cells
	if rc.skills == nil {
		for i := range res.Skills {
			sk := res.Skills[i].Skill
			b := append(cw.appendField(nil, SafeText(sk.Category)), ',')
			rc.skills = append(rc.skills, cw.appendField(b, SafeText(sk.ID)))
		}
	}
	for i := range res.Skills {
		sk := &res.Skills[i]
		cw.line = append(cw.line, rc.person...)
		cw.line = append(cw.line, ',')
		cw.line = append(cw.line, rc.skills[i]...)
		cw.cells = 8
		cw.Number(sk.Score)
		cw.Number(sk.ExpectedTarget)
		cw.Number(sk.Gap)
		cw.Text(sk.Priority)
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return nil
}

// Flush finishes the output.
func (rc *ReportCSV) Flush() error { return rc.cw.Flush() }

// CSV writes one report in the long CSV format.
func CSV(w io.Writer, rep *Report, excel bool) error {
	rc, err := NewReportCSV(w, excel)
	if err != nil {
		return err
	}
	if err := rc.Write(rep); err != nil {
		return err
	}
	return rc.Flush()
}
