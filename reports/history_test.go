package reports

import (
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/textwrap"
)

// At 80 and 60 columns the history fits with each file name whole, on a line of its
// own under its row; wide terminals keep one line per assessment.
func TestHistoryTableNarrow(t *testing.T) {
	date := "2026-11-22T20:30:00Z"
	files := []string{"/d/20261122T203000Z_ada-lovelace_self.yaml", "/d/20261123T090000Z_grace-brewster-murray-hopper_manager.yaml"}
	entries := []HistoryEntry{
		{File: files[0], Date: &date, Person: "Ada Lovelace", Assessor: "self", CurrentRole: &RoleRef{ID: "principal-pm"}, TargetRole: &RoleRef{ID: "director-of-product"}},
		{File: files[1], Date: &date, Person: "Grace Brewster Murray Hopper", Assessor: "manager", CurrentRole: &RoleRef{ID: "pm"}, TargetRole: &RoleRef{ID: "senior-pm"}},
	}
	for _, width := range []int{80, 60} {
		var b strings.Builder
		if err := (Output{Format: Table, Options: Options{Width: width}}).Write(&b, &History{Entries: entries}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
			if n := textwrap.Width(line); n > width && !strings.HasPrefix(line, fileIndent+"2026") {
				t.Errorf("width %d: a line of %d columns: %q", width, n, line)
			}
		}
		for _, f := range files {
			name := f[len("/d/"):]
			if !strings.Contains(b.String(), "\n"+fileIndent+name+"\n") {
				t.Errorf("width %d: %s not whole on its own line:\n%s", width, name, b.String())
			}
		}
	}
	var b strings.Builder
	if err := (Output{Format: Table, Options: Options{Width: 160}}).Write(&b, &History{Entries: entries}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "senior-pm  ") || strings.Count(b.String(), "\n") != 4 {
		t.Errorf("a wide terminal keeps one line per assessment:\n%s", b.String())
	}
}
