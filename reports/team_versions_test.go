package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

// TestTeamVersionsChanged holds the rule of who changes (docs/formats.md,
// "pmladder-team-versions/v1"): the role held, the target's readiness or the top gaps as
// a set, a skill renamed by the map counting as itself.
func TestTeamVersionsChanged(t *testing.T) {
	old := assesstest.Rubric(t, assesstest.Hand)
	renamed := assesstest.Rubric(t, strings.NewReplacer("id: s1,", "id: t1,", "s1:", "t1:", "[s1,", "[t1,").Replace(assesstest.Hand))
	heavier := assesstest.Rubric(t, strings.Replace(assesstest.Hand, "{id: s2, name: S2,", "{id: s2, name: S2, weight: 5,", 1))
	a := assess.NewAnswers(old)
	a.Person, a.TargetRole = "Ada", "r2a"
	for id, v := range map[string]int{"s1.1": 1, "s1.2": 1, "s2.1": 1, "s2.2": 2, "s3.1": 2, "s4.1": 2} {
		a.Set(id, assess.Answer{Score: v})
	}
	for _, tc := range []struct {
		name    string
		new     *rubric.Rubric
		m       *rubric.VersionMap
		changed bool
	}{
		{"the same version", old, nil, false},
		{"a skill renamed and mapped", renamed, &rubric.VersionMap{Skills: map[string]string{"s1": "t1"}}, false},
		{"a skill renamed, not mapped: its answers are lost", renamed, nil, true},
		{"a weight changed", heavier, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := assess.NewCarry(old, tc.new, tc.m)
			view := NewTeamVersions(old, tc.new)
			view.Add(NewVersionScorer(c, assess.ScoreOptions{}, assess.ScoreOptions{}), a)
			p := view.People[0]
			if p.Changed != tc.changed {
				t.Errorf("changed %v, want %v: old %+v, new %+v", p.Changed, tc.changed, p.Old, p.New)
			}
		})
	}
	// Every format the view has writes; JSON says exactly what the contract says.
	c := assess.NewCarry(old, renamed, &rubric.VersionMap{Skills: map[string]string{"s1": "t1"}})
	view := NewTeamVersions(old, renamed)
	view.Add(NewVersionScorer(c, assess.ScoreOptions{}, assess.ScoreOptions{}), a)
	if got := FormatList(FormatsOf(view)); got != "table, markdown, csv, json or html" {
		t.Errorf("formats: %s", got)
	}
	var out bytes.Buffer
	if err := (Output{Format: JSON}).Write(&out, view); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"format": "pmladder-team-versions/v1"`, `"old": {`, `"held": `, `"target": "r2a"`, `"gaps": [`, `"changed": false`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("JSON lacks %s:\n%s", want, out.String())
		}
	}
}
