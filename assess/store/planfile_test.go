package store

import (
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

func day(s string) time.Time {
	t, err := time.Parse(assess.DayLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestParsePlanProblems: every problem of a plan file is named by its line.
func TestParsePlanProblems(t *testing.T) {
	r, _ := rubric.Parse("mini.yaml", []byte(assesstest.Mini))
	for _, tc := range []struct{ name, file, want string }{
		{"not a plan", "format: pmladder-answers/v1\n", `plan.yaml:1: format "pmladder-answers/v1" is not pmladder-plan/v1: this is not a plan`},
		{"no goals", "format: pmladder-plan/v1\nperson: Ada\ncreated: 2026-12-01\ngoals: []\n", "plan.yaml:4: no goals: want 1 to 3"},
		{"off the scale", "format: pmladder-plan/v1\nperson: Ada\ncreated: 2026-12-01\ngoals:\n  - {skill: a, target: 7, due: 2027-01-01}\n", "plan.yaml:5: target 7 is off the scale (1 to 3)"},
		{"bad date", "format: pmladder-plan/v1\nperson: Ada\ncreated: yesterday\ngoals:\n  - {skill: a, target: 2, due: 2027-01-01}\n", `plan.yaml:3: created "yesterday" is not a date: want YYYY-MM-DD`},
		{"twice", "format: pmladder-plan/v1\nperson: Ada\ncreated: 2026-12-01\ngoals:\n  - {skill: a, target: 2, due: 2027-01-01}\n  - {skill: a, target: 3, due: 2027-01-01}\n", "plan.yaml:6: skill a has two goals"},
		{"four goals", "format: pmladder-plan/v1\nperson: Ada\ncreated: 2026-12-01\ngoals:\n  - {skill: a, target: 2, due: 2027-01-01}\n  - {skill: b, target: 2, due: 2027-01-01}\n  - {skill: b, target: 2, due: 2027-01-01}\n  - {skill: b, target: 2, due: 2027-01-01}\n", "plan.yaml:8: 4 goals: a plan focuses on 1 to 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParsePlan("plan.yaml", []byte(tc.file), r)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestPlanRoundTrip: a plan written is read back the same.
func TestPlanRoundTrip(t *testing.T) {
	r, _ := rubric.Parse("mini.yaml", []byte(assesstest.Mini))
	a := assess.NewAnswers(r)
	a.Person, a.CurrentRole, a.TargetRole, a.Track = "Ada", "jr", "sr", "ic"
	a.Set("a.1", assess.Answer{Score: 1})
	a.Set("a.2", assess.Answer{Score: 2})
	res := assess.Score(r, a, assess.ScoreOptions{})
	p, err := assess.NewPlan(res, "ada.yaml", assess.PlanChoices{}, day("2026-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Goals) != 1 || p.Goals[0].Skill != "a" || *p.Goals[0].From != 1.5 || p.Goals[0].Target != 2 || p.Goals[0].Due != day("2027-03-01") {
		t.Fatalf("plan %+v: want alpha from 1.5 to what Senior expects (2), due in 90 days", p.Goals)
	}
	back, err := ParsePlan("plan.yaml", MarshalPlan(p), r)
	if err != nil {
		t.Fatal(err)
	}
	if string(MarshalPlan(back)) != string(MarshalPlan(p)) {
		t.Errorf("read back differently:\n%s\nwant\n%s", MarshalPlan(back), MarshalPlan(p))
	}
	if _, err := assess.NewPlan(res, "", assess.PlanChoices{Skills: []string{"a"}, Targets: map[string]float64{"a": 1}}, day("2026-12-01")); err == nil ||
		!strings.Contains(err.Error(), "want a score above 1.5") {
		t.Errorf("a target below the score: %v", err)
	}
}
