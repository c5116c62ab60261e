package reports

import (
	"io"
	"path/filepath"
	"time"

	"github.com/pmladder/pmladder/assess"
)

// HistoryFormat is the format tag of the JSON history.
const HistoryFormat = "pmladder-history/v1"

// HistoryEntry is one saved assessment as `history` lists it.
type HistoryEntry struct {
	File        string   `json:"file"`
	Date        *string  `json:"date"`
	Person      string   `json:"person"`
	Assessor    string   `json:"assessor"`
	CurrentRole *RoleRef `json:"current_role"`
	TargetRole  *RoleRef `json:"target_role"`
	Readiness   *float64 `json:"readiness"`
}

// HistoryEntryOf sums up a saved assessment, from the file at path, for the history.
func HistoryEntryOf(path string, st *assess.Standing) HistoryEntry {
	a := st.Answers
	e := HistoryEntry{File: path, Person: a.Person, Assessor: a.Assessor}
	if !a.Date.IsZero() {
		d := a.Date.UTC().Format(time.RFC3339)
		e.Date = &d
	}
	if st.Current != nil {
		e.CurrentRole = &RoleRef{ID: st.Current.ID, Name: st.Current.Name}
	}
	if t := st.Target; t != nil {
		e.TargetRole = &RoleRef{ID: t.Role.ID, Name: t.Role.Name}
		e.Readiness = roundPtr(t.Readiness)
	}
	return e
}

// HistoryJSON writes the history as {format, assessments}.
func HistoryJSON(w io.Writer, entries []HistoryEntry) error {
	if entries == nil {
		entries = []HistoryEntry{}
	}
	return WriteJSON(w, struct {
		Format      string         `json:"format"`
		Assessments []HistoryEntry `json:"assessments"`
	}{HistoryFormat, entries})
}

// HistoryCSV writes the history, one row per assessment.
func HistoryCSV(w io.Writer, entries []HistoryEntry, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("date", "person", "assessor", "current_role", "target_role", "readiness", "file"); err != nil {
		return err
	}
	for _, e := range entries {
		cw.Text(deref(e.Date))
		cw.Text(e.Person)
		cw.Text(e.Assessor)
		cw.Text(roleID(e.CurrentRole))
		cw.Text(roleID(e.TargetRole))
		cw.Number(e.Readiness)
		cw.Text(e.File)
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// HistoryTable writes the history for a terminal.
func HistoryTable(w io.Writer, entries []HistoryEntry, empty string, opt Options) error {
	if len(entries) == 0 {
		_, err := io.WriteString(w, empty+"\n")
		return err
	}
	t := newTable(w, "llllllrl", "Date", "Person", "Assessor", "Current", "Target", "Readiness", "File")
	for _, e := range entries {
		date := deref(e.Date)
		if len(date) > 16 {
			date = date[:10] + " " + date[11:16]
		}
		if err := t.Append([]string{date, truncate(printable(e.Person), 20), e.Assessor, roleID(e.CurrentRole), roleID(e.TargetRole), fmtPct(e.Readiness), filepath.Base(e.File)}); err != nil {
			return err
		}
	}
	return t.Render()
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func roleID(r *RoleRef) string {
	if r == nil {
		return ""
	}
	return r.ID
}
