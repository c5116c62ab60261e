package cmd

import (
	"encoding/json"
	"testing"
)

// TestScoringExample holds the tool to the worked example of docs/scoring.md.
func TestScoringExample(t *testing.T) {
	out, stderr, code := run(t, "--rubric", "../examples/small-ladder.yaml", "assess", "--answers", "../examples/ada-small.yaml", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Estimated struct{ ID string } `json:"estimated_role"`
		Target    struct {
			ID                  string
			Readiness, Coverage float64
			Met, Total          int
		} `json:"target_role"`
		Gaps []struct {
			Skill    string
			Gap      float64
			Priority string
			NextStep []string `json:"next_step"`
			Actions  []string
		}
		Unassessed     []string
		Certifications []struct {
			ID    string
			Value float64
		}
		NextRoles []struct {
			ID        string
			Lateral   bool
			Readiness float64
		} `json:"next_roles"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	tg := rep.Target
	if rep.Estimated.ID != "pm" || tg.ID != "senior" || tg.Readiness != 20 || tg.Coverage != 80 || tg.Met != 1 || tg.Total != 4 {
		t.Errorf("estimated %s, target %+v", rep.Estimated.ID, tg)
	}
	if len(rep.Gaps) != 2 || rep.Gaps[0].Skill != "data" || rep.Gaps[0].Priority != "high" ||
		len(rep.Gaps[0].NextStep) != 1 || rep.Gaps[0].NextStep[0] != "I set success metrics before we build and check them after launch." ||
		len(rep.Gaps[0].Actions) != 2 || rep.Gaps[1].Skill != "strategy" || rep.Gaps[1].Gap != 1 {
		t.Errorf("gaps %+v", rep.Gaps)
	}
	if len(rep.Unassessed) != 1 || rep.Unassessed[0] != "launch" {
		t.Errorf("unassessed %v", rep.Unassessed)
	}
	if len(rep.Certifications) != 2 || rep.Certifications[0].ID != "advanced" || rep.Certifications[0].Value != 2 ||
		rep.Certifications[1].ID != "story" || rep.Certifications[1].Value != 1 {
		t.Errorf("certifications %+v", rep.Certifications)
	}
	if len(rep.NextRoles) != 2 || rep.NextRoles[0].ID != "senior" || rep.NextRoles[0].Lateral ||
		rep.NextRoles[1].ID != "pmm" || !rep.NextRoles[1].Lateral || rep.NextRoles[1].Readiness != 50 {
		t.Errorf("next roles %+v", rep.NextRoles)
	}
}
