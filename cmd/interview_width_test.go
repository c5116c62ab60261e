//go:build linux

package cmd

import (
	"regexp"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/textwrap"
)

// ansiEscape matches the terminal control sequences survey draws with.
var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]`)

// TestInterviewFitsTheTerminal runs the arrow-key interview at 60, 80 and 120 columns (the
// target menu, the certifications, questions with their help shown) and finds no line
// wider than the terminal, so the terminal never breaks a word. Two kinds of line are
// exempt: survey's own key hint, one fixed line we cannot wrap, and pmladder's messages
// ("pmladder: …"), which are one line by contract so that scripts can grep them.
func TestInterviewFitsTheTerminal(t *testing.T) {
	for _, cols := range []uint16{60, 80, 120} {
		s := startPty(t, t.TempDir(), cols, 40, "assess", "--name", "Ada", "--current", "pm", "--track", "ic")
		s.waitFor("Which role are you aiming for?")
		s.press("\r") // decide for me
		s.waitFor("Which of these do you hold already?")
		s.press("\r") // none
		for q := 1; q <= 3; q++ {
			s.waitFor("· " + string(rune('0'+q)) + " of ")
			mark := s.term.Mark()
			s.press("?") // the help, drawn above the question; the key hint loses "? for more help"
			s.waitAfter(mark, "[Use arrows to move, type to filter]")
			mark = s.term.Mark()
			s.press("\x1b[B\r")
			if s.waitAny(mark, "· "+string(rune('0'+q+1))+" of ", evidencePrompt) == evidencePrompt {
				s.press("Ran the pricing test end to end\r")
			}
		}
		s.waitFor("· 4 of ")
		s.press("\x03")
		s.wait() // all it drew read
		screen := ansiEscape.ReplaceAllString(s.shown(), "")
		lines := 0
		for _, line := range strings.FieldsFunc(screen, func(r rune) bool { return r == '\n' || r == '\r' }) {
			lines++
			if strings.Contains(line, "[Use arrows") || strings.HasPrefix(line, "pmladder: ") {
				continue
			}
			if w := textwrap.Width(line); w > int(cols) {
				t.Errorf("%d columns: a line of %d columns, which the terminal breaks: %q", cols, w, line)
			}
		}
		if lines < 20 {
			t.Errorf("%d columns: the interview showed almost nothing:\n%s", cols, screen)
		}
	}
}

// TestNumberKeysPick: typing an option's number keeps only that option, and Enter picks it.
func TestNumberKeysPick(t *testing.T) {
	code, screen, draft := ptyInterview(t, "3\r", func(s *ptySession) { s.press("\x03") })
	if code != ExitInterrupted || !strings.Contains(draft, "data-fluency.1: 2") {
		t.Errorf("exit %d; typing 3 should pick the third statement (score 2); draft:\n%s\nscreen:\n%q", code, draft, screen)
	}
}
