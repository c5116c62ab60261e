package reports

import "io"

// csvColumns are the long CSV format's columns (DESIGN §7): one row per person × skill.
func csvColumns() []string {
	return []string{"person", "assessor", "date", "current_role", "target_role", "target_readiness",
		"category", "skill", "score", "expected_target", "gap", "priority"}
}

// ReportCSV writes reports in the long CSV format. It takes a function yielding reports so
// that a team of any size streams through without being held in memory.
type ReportCSV struct {
	cw *CSVWriter
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
