package interview

import (
	"slices"
	"testing"

	"github.com/pmladder/pmladder/rubric"
)

// The target question offers any role a person could aim for, the current role's next
// roles first, then up the ladder, then across; never the current role or one below it.
func TestTargetChoices(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	ids := func(current, track string) []string {
		var out []string
		for _, ro := range targetChoices(r, current, track) {
			out = append(out, ro.ID)
		}
		return out
	}
	got := ids("pm", "ic")
	pm := r.Role("pm")
	var next []string
	for _, id := range pm.Next {
		if r.Role(id).OnTrack("ic") {
			next = append(next, id)
		}
	}
	if !slices.Equal(got[:len(next)], next) {
		t.Errorf("pm on ic: next roles first: got %v, want %v first", got, next)
	}
	for _, id := range []string{"principal-pm", "senior-principal-pm", "board-advisor"} {
		if !slices.Contains(got, id) {
			t.Errorf("pm on ic: %s missing from %v", id, got)
		}
	}
	for _, id := range []string{"pm", "apm", "group-pm"} {
		if slices.Contains(got, id) {
			t.Errorf("pm on ic: %s offered in %v", id, got)
		}
	}
	if i, j := slices.Index(got, "senior-principal-pm"), slices.Index(got, "board-advisor"); i > j {
		t.Errorf("ladder roles before lateral ones: %v", got)
	}
	if got := ids("", "ic"); got[0] != "apm" || !slices.Contains(got, "principal-pm") {
		t.Errorf("no current role: the whole ic ladder, got %v", got)
	}
}
