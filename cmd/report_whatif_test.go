package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/rubric"
)

// whatIfReport is what this test reads of `report --what-if --format json`.
type whatIfReport struct {
	Track       *string `json:"track"`
	CurrentRole *struct {
		ID string `json:"id"`
	} `json:"current_role"`
	TargetRole struct {
		ID        string  `json:"id"`
		Readiness float64 `json:"readiness"`
	} `json:"target_role"`
	Readiness []struct {
		Role  string `json:"role"`
		Holds bool   `json:"holds"`
	} `json:"readiness"`
	WhatIf []struct {
		Skill     string  `json:"skill"`
		Step      int     `json:"step"`
		Readiness float64 `json:"readiness"`
		Holds     bool    `json:"holds"`
	} `json:"what_if"`
	Fewest []struct {
		Skill string `json:"skill"`
		Step  int    `json:"step"`
	} `json:"fewest_steps"`
}

// holds is whether the report's target is held.
func (w *whatIfReport) holds() bool {
	for _, r := range w.Readiness {
		if r.Role == w.TargetRole.ID {
			return r.Holds
		}
	}
	return false
}

// TestWhatIfIsWhatTheChangedAnswersScore runs report --what-if on real answers files and,
// for each what_if line, writes the answers file that line stands for (the skill's
// answers below the step raised to it; unanswered and na left as they are) and reports on
// it, toward the same target: the target's readiness and holds are the line's. The
// fewest steps, taken all together, hold the target.
func TestWhatIfIsWhatTheChangedAnswersScore(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	far := filepath.Join(dir, "far.yaml")
	if err := os.WriteFile(far, []byte("format: pmladder-answers/v1\nperson: Grace\nanswers: {data-fluency.1: 1, data-fluency.2: na, strategy.1: 1, strategy.2: 2, customer-insight.1: 2}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file   string
		target string
	}{
		{"../examples/ada-self.yaml", ""},
		{"../examples/ada-self.yaml", "group-pm"},
		{"../examples/ada-self-2026-08.yaml", ""},
		{"../examples/ada-manager.yaml", ""},
		{"../examples/ada-peer-1.yaml", "principal-pm"},
		{far, "senior-pm"},
	}
	lines, fewest := 0, 0
	for _, c := range cases {
		t.Run(filepath.Base(c.file)+"/"+c.target, func(t *testing.T) {
			args := []string{"report", c.file, "--what-if", "--format", "json"}
			if c.target != "" {
				args = append(args, "--target", c.target)
			}
			base := reportJSON(t, args...)
			if base.WhatIf == nil {
				t.Fatal("no what_if")
			}
			// The same roles as the what-if held: its target, track and current role.
			same := []string{"--format", "json", "--target", base.TargetRole.ID}
			if base.Track != nil {
				same = append(same, "--track", *base.Track)
			}
			if base.CurrentRole != nil {
				same = append(same, "--current", base.CurrentRole.ID)
			}
			doc, err := os.ReadFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			for i, l := range base.WhatIf {
				path := filepath.Join(t.TempDir(), "raised.yaml")
				writeRaised(t, r, doc, path, map[string]int{l.Skill: l.Step})
				got := reportJSON(t, append([]string{"report", path}, same...)...)
				if got.TargetRole.Readiness != l.Readiness || got.holds() != l.Holds {
					t.Errorf("line %d, %s to %d: says %v %v; scoring the changed answers gives %v %v",
						i, l.Skill, l.Step, l.Readiness, l.Holds, got.TargetRole.Readiness, got.holds())
				}
				lines++
			}
			if len(base.Fewest) > 0 {
				fewest++
				steps := map[string]int{}
				for _, m := range base.Fewest {
					steps[m.Skill] = max(steps[m.Skill], m.Step)
				}
				path := filepath.Join(t.TempDir(), "fewest.yaml")
				writeRaised(t, r, doc, path, steps)
				if got := reportJSON(t, append([]string{"report", path}, same...)...); !got.holds() {
					t.Errorf("the fewest steps %v do not hold %s: %v", base.Fewest, base.TargetRole.ID, got.TargetRole.Readiness)
				}
			}
		})
	}
	if lines < 20 || fewest < 2 {
		t.Errorf("only %d what-if lines and %d sets of fewest steps checked", lines, fewest)
	}
}

// reportJSON runs pmladder and reads its JSON report.
func reportJSON(t *testing.T, args ...string) *whatIfReport {
	t.Helper()
	out, stderr, code := run(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	var rep whatIfReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	return &rep
}

// writeRaised writes the answers document doc to path with each skill's answers below
// its step raised to it, by editing the YAML's answers mapping: what a person would
// change in the file, made without the code under test.
func writeRaised(t *testing.T, r *rubric.Rubric, doc []byte, path string, steps map[string]int) {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(doc, &root); err != nil {
		t.Fatal(err)
	}
	skillOf := map[string]string{}
	for _, q := range r.Questions() {
		skillOf[q.ID] = q.Skill
	}
	top := root.Content[0]
	raised := 0
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "answers" {
			continue
		}
		answers := top.Content[i+1]
		for k := 0; k+1 < len(answers.Content); k += 2 {
			step, ok := steps[skillOf[answers.Content[k].Value]]
			v := answers.Content[k+1]
			score, err := strconv.Atoi(v.Value)
			if !ok || err != nil || score >= step { // na, or at the step already
				continue
			}
			v.Value, v.Tag, v.Style = strconv.Itoa(step), "!!int", 0
			raised++
		}
	}
	if raised == 0 {
		t.Fatalf("no answer of %v below its step", steps)
	}
	out, err := yaml.Marshal(&root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
}
