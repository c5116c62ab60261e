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
