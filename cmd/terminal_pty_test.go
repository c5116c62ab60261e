//go:build linux

package cmd

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/ptytest"
)

// On a terminal, a large team review draws a progress bar on stderr; what follows it
// (a warning, "wrote FILE") starts on a line of its own, and stderr ends with a line end.
func TestProgressBarOnTerminal(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(dir, "team.csv")
	writeBigSheet(t, sheet, 25000) // past progressThreshold (2 MiB)
	s := startPty(t, dir, 100, 30, "team", sheet, "--format", "csv", "-o", "review.csv")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s.shown())
	}
	screen := s.shown()
	if !strings.Contains(screen, " people") {
		t.Fatalf("no progress bar was drawn:\n%q", screen)
	}
	if regexp.MustCompile(`people[^\r]*pmladder:`).MatchString(screen) {
		t.Errorf("a message is glued to the bar:\n%q", screen)
	}
	if !strings.HasSuffix(screen, "\r\x1b[Kpmladder: wrote review.csv\r\n") {
		t.Errorf("stderr does not end with the message on a line of its own:\n%q", screen[max(0, len(screen)-200):])
	}
}

// `team -` on a terminal says it reads standard input and how to end it, then reads what
// is typed (pasted) up to Ctrl-D.
func TestTeamStdinOnTerminal(t *testing.T) {
	s := startPty(t, t.TempDir(), 100, 30, "team", "-", "--format", "csv")
	s.waitFor("reading a team sheet or answers from standard input")
	s.term.WaitReading()
	s.press("person,data-fluency.1\rAda,3\r")
	s.term.WaitReading()
	s.press("\x04")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s.shown())
	}
	if !strings.Contains(s.shown(), "Ada,self,,,apm,") {
		t.Errorf("the sheet typed was not reviewed:\n%s", s.shown())
	}
}

// A report taller than the terminal goes through the pager (PMLADDER_PAGER here); a
// short one, --no-pager and a pipe do not.
func TestReportPagedOnTerminal(t *testing.T) {
	dir := t.TempDir()
	paged := func(args ...string) string {
		s := &ptySession{t: t, cmd: pmladderCmd(t, dir, args...), term: ptytest.Open(t, 80, 20)}
		s.cmd.Env = append(s.cmd.Env, "TERM=xterm", "PMLADDER_PAGER=sed s/^/paged:/")
		if err := s.term.Start(s.cmd); err != nil {
			t.Fatal(err)
		}
		if code := s.wait(); code != 0 {
			t.Fatalf("%v: exit %d:\n%s", args, code, s.shown())
		}
		return s.shown()
	}
	if got := paged("rubric", "show"); !strings.Contains(got, "paged:") {
		t.Errorf("a long report was not paged:\n%s", got[:min(len(got), 400)])
	}
	if got := paged("--no-pager", "rubric", "show"); strings.Contains(got, "paged:") {
		t.Errorf("--no-pager paged")
	}
	if got := paged("rubric", "show", "--role", "apm"); strings.Contains(got, "paged:") && strings.Count(got, "\n") < 19 {
		t.Errorf("a report that fits was paged:\n%s", got)
	}
}
