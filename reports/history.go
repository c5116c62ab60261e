package reports

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"

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
	e := HistoryEntry{File: path, Person: a.Person, Assessor: string(a.Assessor)}
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

// History is the list of saved assessments (history, history --drafts).
type History struct {
	Entries []HistoryEntry
	// Empty is what the table says when there is none.
	Empty string
}

// writeJSON writes the history as {format, assessments}.
func (h *History) writeJSON(w io.Writer) error {
	entries := h.Entries
	if entries == nil {
		entries = []HistoryEntry{}
	}
	return WriteJSON(w, struct {
		Format      string         `json:"format"`
		Assessments []HistoryEntry `json:"assessments"`
	}{HistoryFormat, entries})
}

// writeCSV writes the history, one row per assessment.
func (h *History) writeCSV(w io.Writer, excel bool) error {
	entries := h.Entries
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

// writeTable writes the history for a terminal.
func (h *History) writeTable(w io.Writer, opt Options) error {
	entries := h.Entries
	if len(entries) == 0 {
		_, err := io.WriteString(w, h.Empty+"\n")
		return err
	}
	rows := make([][]string, len(entries))
	times := make([]time.Time, len(entries))
	for i, e := range entries {
		times[i], _ = time.Parse(time.RFC3339, deref(e.Date))
		rows[i] = []string{"", truncate(printable.String(e.Person), 20), e.Assessor, roleID(e.CurrentRole), roleID(e.TargetRole), fmtPct(e.Readiness), filepath.Base(e.File)}
	}
	// The time and zone when they fit the terminal; else the day alone, still in the
	// reader's zone; and when even that is too wide (at 80 columns, with a person's
	// name in the file's), each file name on a line of its own under its row: the name is
	// what compare and report take, so it is never cut or wrapped.
	header := []string{"Date", "Person", "Assessor", "Current", "Target", "Readiness", "File"}
	show := opt.localTime
	if tableWidth(header, rows, len("2006-01-02 15:04 UTC")) > opt.width() {
		show = opt.localDay
	}
	if tableWidth(header, rows, len("2006-01-02")) > opt.width() {
		for i, row := range rows {
			if !times[i].IsZero() {
				row[0] = show(times[i])
			}
		}
		return writeHistoryNarrow(w, header, rows, opt.width())
	}
	t := newTable(w, "lllllrl", header...)
	for i, row := range rows {
		if !times[i].IsZero() {
			row[0] = show(times[i])
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}

// fileIndent is how far a file name on its own line is indented: under the row it belongs to.
const fileIndent = "   "

// writeHistoryNarrow writes the history table with each row's file (the last cell) on a
// line of its own, whole, under the row. The other columns share the width: the person's
// and the roles' columns give way first, cut with an ellipsis.
func writeHistoryNarrow(w io.Writer, header []string, rows [][]string, width int) error {
	cols := len(header) - 1
	widths := make([]int, cols)
	for c := range cols {
		widths[c] = textwrap.Width(header[c])
		for _, row := range rows {
			widths[c] = max(widths[c], textwrap.Width(row[c]))
		}
	}
	total := func() int {
		n := 0
		for _, wd := range widths {
			n += wd + 2
		}
		return n
	}
	// Person, then the target and current roles, narrowed one column at a time down to
	// a floor that still says what they are.
	for _, c := range []int{1, 4, 3} {
		if over := total() - width; over > 0 {
			widths[c] = max(widths[c]-over, min(widths[c], 7))
		}
	}
	var b []byte
	b = fixedRow(b, header[:cols], widths, strings.Repeat("l", cols))
	b = append(b, fileIndent+header[cols]+"\n"...)
	b = append(b, strings.Repeat("─", min(total(), width))+"\n"...)
	cells := make([]string, cols)
	for _, row := range rows {
		for c := range cols {
			cells[c] = truncate(row[c], widths[c]) // one line per row: the name on its own below
		}
		b = fixedRow(b, cells, widths, "lllllr")
		b = append(b, fileIndent+row[cols]+"\n"...)
	}
	_, err := w.Write(b)
	return err
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

// tableWidth is the width newTable draws rows in: each column as wide as its widest cell plus
// a space either side; the first column's cells are taken to be first wide.
func tableWidth(header []string, rows [][]string, first int) int {
	total := 0
	for c, h := range header {
		w := textwrap.Width(h)
		if c == 0 {
			w = max(w, first)
		}
		for _, row := range rows {
			w = max(w, textwrap.Width(row[c]))
		}
		total += w + 2
	}
	return total
}
