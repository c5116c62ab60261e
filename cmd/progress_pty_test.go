//go:build linux

package cmd

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
