package assess

import (
	"testing"
)

func TestCompareCalibrationListsDisagreements(t *testing.T) {
	r := parseRubric(t, scoringRubric)
	self := answers(r, "s1.1=2", "s1.2=3", "s2.1=2", "s2.2=2", "s4.1=1")
	self.Track = "a"
	mgr := answers(r, "s1.1=1", "s1.2=2", "s2.1=3", "s2.2=3", "s3.1=4", "s4.1=3")
	mgr.Assessor = "manager"
	// s1: 2.5 → 1.5 (−1), s2: 2 → 3 (+1), s3: unassessed → 4 (no change to show),
	// s4: 1 → 3 (+2). The manager gave no track: the comparison follows the new one's.
	c := Compare(r, self, mgr, ScoreOptions{Certs: 3}, false)
	if !c.Calibration {
		t.Fatal("different assessors: a calibration")
	}
	var got []string
	for _, s := range c.Skills {
		got = append(got, s.Skill.ID+":"+num(s.Delta))
	}
	if want := "[s1:-1.0000 s2:1.0000 s4:2.0000]"; fmtList(got) != want {
		t.Errorf("disagreements %v, want %s", got, want)
	}
	// Both readinesses are toward the manager's target for Ada: she holds r1 (estimated),
	// no track → first next role r2a.
	if c.New.Target.Role.ID != "r2a" || c.Old.Target.Role.ID != "r2a" {
		t.Errorf("targets %s %s", c.Old.Target.Role.ID, c.New.Target.Role.ID)
	}
	// r2a self: s1 ✓(2) s2 ✓(1) s3 unassessed ✗(1) s4 ✗(3) → 3/7; manager: s1 ✗ s2 ✓ s3 ✓
	// s4 ✓ → 5/7.
	if num(c.Readiness.Old) != "42.8571" || num(c.Readiness.New) != "71.4286" {
		t.Errorf("readiness %s → %s", num(c.Readiness.Old), num(c.Readiness.New))
	}
	all := Compare(r, self, mgr, ScoreOptions{Certs: 3}, true)
	if len(all.Skills) != 4 || all.Skills[2].Delta != nil {
		t.Errorf("--all lists every skill, with no change where one side is unassessed: %d", len(all.Skills))
	}
}

func TestCompareGrowthListsEverySkill(t *testing.T) {
	r := parseRubric(t, scoringRubric)
	q2 := answers(r, "s1.1=2", "s1.2=2")
	q4 := answers(r, "s1.1=2", "s1.2=3")
	c := Compare(r, q2, q4, ScoreOptions{}, false)
	if c.Calibration || len(c.Skills) != 4 || num(c.Skills[0].Delta) != "0.5000" {
		t.Errorf("growth: calibration %v, %d skills", c.Calibration, len(c.Skills))
	}
	if num(c.Categories[0].Delta) != "0.5000" || c.Categories[1].Old != nil {
		t.Errorf("categories %s %s", num(c.Categories[0].Delta), num(c.Categories[1].Old))
	}
}

func fmtList(s []string) string {
	out := "["
	for i, v := range s {
		if i > 0 {
			out += " "
		}
		out += v
	}
	return out + "]"
}
