//go:build linux

package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/rubric"
)

// TestPlanNewPickedByArrowKeys makes a plan on a pseudo-terminal: the person picks two
// skills of the list by arrow keys and space, keeps the suggested target, picks one
// action, no certification, and types the due date; the plan holds exactly that.
func TestPlanNewPickedByArrowKeys(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "ada.yaml")
	os.WriteFile(answers, []byte(`format: pmladder-answers/v1
person: Ada
assessor: self
date: 2026-11-22T10:04:05Z
current_role: pm
target_role: senior-pm
track: ic
answers: {customer-insight.1: 2, customer-insight.2: 2, stakeholder-alignment.1: 2, stakeholder-alignment.2: 2, data-fluency.1: 3, data-fluency.2: 3}
`), 0o600)
	if out, err := pmladderCmd(t, dir, "assess", "--answers", answers, "--save").CombinedOutput(); err != nil {
		t.Fatalf("saving the assessment: %v\n%s", err, out)
	}
	due := time.Now().AddDate(0, 2, 0).Format("2006-01-02")
	s := startPty(t, dir, 100, 40, "plan", "new")
	s.waitFor("Which skills will you focus on?")
	s.press(" \x1b[B\x1b[B \r") // the first and the third of the list
	s.waitFor("what score will you reach?")
	s.press("\r") // the suggested target
	s.waitFor("which actions will you take?")
	s.press("\x1b[B \r") // the second action
	// Every further question of the two skills takes its default (Enter), until the due day.
	for i := 0; ; i++ {
		if i == 20 {
			t.Fatalf("the due day was never asked; the terminal shows:\n%q", s.shown())
		}
		if s.lastPrompt("what score will you reach?", "which actions will you take?", "any certification to take?", "Due by") == "Due by" {
			s.press("\x15" + due + "\r") // Ctrl-U clears the suggested day
			break
		}
		s.press("\r")
	}
	if code := s.wait(); code != 0 {
		t.Fatalf("plan new: exit %d; the terminal shows:\n%q", code, s.shown())
	}
	r, _ := rubric.Default()
	p, _, err := (&store.Store{Dir: filepath.Join(dir, "data", "pmladder")}).LoadPlan("Ada", r)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Goals) != 2 {
		t.Fatalf("goals %+v, want the two picked", p.Goals)
	}
	first := p.Goals[0]
	if first.Due.Format("2006-01-02") != due || first.Target != 3 || len(first.Actions) != 1 || len(first.Certifications) != 0 {
		t.Errorf("first goal %+v: want target 3, due %s, the one action picked, no certification", first, due)
	}
	if !strings.Contains(s.shown(), "saved the plan to") {
		t.Errorf("the plan was not said to be saved:\n%q", s.shown())
	}
}

// lastPrompt waits until pmladder reads keys, its question drawn in full, and returns
// which of prompts was drawn last.
func (s *ptySession) lastPrompt(prompts ...string) string {
	s.t.Helper()
	s.term.WaitReading()
	now := s.shown()
	last, at := "", -1
	for _, p := range prompts {
		if i := strings.LastIndex(now, p); i > at {
			last, at = p, i
		}
	}
	if at < 0 {
		s.t.Fatalf("none of %q appeared; the terminal shows:\n%q", prompts, now)
	}
	return last
}
