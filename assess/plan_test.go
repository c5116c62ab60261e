package assess_test

import (
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

func planDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestPlanStatus: done at the target exactly, overdue only after the due day, stalled
// only when an assessment since the plan shows no progress, on track otherwise.
func TestPlanStatus(t *testing.T) {
	r, err := rubric.Parse("mini.yaml", []byte(assesstest.Mini))
	if err != nil {
		t.Fatal(err)
	}
	one, two := 1.0, 2.0
	for _, tc := range []struct {
		name            string
		from            *float64
		target          float64
		answer          int // alpha's two questions both answered with it; 0: unanswered
		assessed, today string
		want            string
	}{
		{"target reached exactly", &two, 3, 3, "2026-12-10", "2026-12-11", assess.GoalDone},
		{"done even when overdue", &two, 3, 3, "2027-05-01", "2027-05-02", assess.GoalDone},
		{"due today is not overdue", &two, 3, 2, "2026-12-10", "2027-03-01", assess.GoalStalled},
		{"the day after due", &two, 3, 2, "2026-12-10", "2027-03-02", assess.GoalOverdue},
		{"no progress since the plan", &two, 3, 2, "2026-12-01", "2026-12-20", assess.GoalStalled},
		{"an assessment the same day as the plan counts", &two, 3, 1, "2026-12-01", "2026-12-02", assess.GoalStalled},
		{"only the assessment before the plan", &two, 3, 2, "2026-11-20", "2026-12-20", assess.GoalOnTrack},
		{"the skill left out of the assessment since", &two, 3, 0, "2026-12-10", "2026-12-20", assess.GoalStalled},
		{"progress short of the target", &one, 3, 2, "2026-12-10", "2026-12-20", assess.GoalOnTrack},
		{"unassessed then, assessed now", nil, 3, 2, "2026-12-10", "2026-12-20", assess.GoalOnTrack},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &assess.Plan{Person: "Ada", Created: planDay("2026-12-01"),
				Goals: []assess.Goal{{Skill: "a", From: tc.from, Target: tc.target, Due: planDay("2027-03-01")}}}
			a := assess.NewAnswers(r)
			a.Person = "Ada"
			if tc.answer > 0 {
				a.Set("a.1", assess.Answer{Score: tc.answer})
				a.Set("a.2", assess.Answer{Score: tc.answer})
			}
			res := assess.Score(r, a, assess.ScoreOptions{})
			got := p.Status(res, planDay(tc.assessed).Add(9*time.Hour), planDay(tc.today))
			if got[0].Status != tc.want {
				t.Errorf("status %q, want %q (now %v)", got[0].Status, tc.want, got[0].Now)
			}
		})
	}
}

// TestPlanStatusSameDay: the assessment a plan was made from, earlier the same day, is
// not one since the plan: the goals are on track, not stalled.
func TestPlanStatusSameDay(t *testing.T) {
	r, _ := rubric.Parse("mini.yaml", []byte(assesstest.Mini))
	a := assess.NewAnswers(r)
	a.Set("a.1", assess.Answer{Score: 2})
	a.Set("a.2", assess.Answer{Score: 2})
	res := assess.Score(r, a, assess.ScoreOptions{})
	from := 2.0
	made := planDay("2026-12-01").Add(10 * time.Hour)
	p := &assess.Plan{Created: made, Goals: []assess.Goal{{Skill: "a", From: &from, Target: 3, Due: planDay("2027-03-01")}}}
	if got := p.Status(res, made.Add(-time.Hour), made)[0].Status; got != assess.GoalOnTrack {
		t.Errorf("held against the assessment it was made from: %q, want on track", got)
	}
	if got := p.Status(res, made.Add(time.Hour), made)[0].Status; got != assess.GoalStalled {
		t.Errorf("held against one made after it without progress: %q, want stalled", got)
	}
}
