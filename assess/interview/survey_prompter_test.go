//go:build linux

package interview

import (
	"context"
	"errors"
	"os"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/ptytest"
	"github.com/pmladder/pmladder/internal/textwrap"
)

// newTerminal opens a real pseudo-terminal: the prompter gets the terminal side; the
// test types on the controller side, once the prompter reads keys, and reads what is drawn.
func newTerminal(t *testing.T) (*terminalSession, Terminal) {
	t.Helper()
	term := ptytest.Open(t, 100, 40)
	return &terminalSession{t: t, term: term}, term.TTY()
}

type terminalSession struct {
	t    *testing.T
	term *ptytest.Terminal
}

// waitFor waits until text has been drawn.
func (s *terminalSession) waitFor(text string) { s.t.Helper(); s.term.WaitFor(0, text) }

// typeKeys types keys once the prompter reads them: the question drawn in full, every
// cursor query answered and read.
func (s *terminalSession) typeKeys(keys string) { s.t.Helper(); s.term.Type(keys) }

type selectResult struct {
	index int
	err   error
}

func TestSurveySelectWithArrowKeys(t *testing.T) {
	term, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	res := make(chan selectResult, 1)
	go func() {
		i, err := p.Select("How do you test an idea?", []string{"I don't", "A/B tests", "Experiments at scale"}, 0, "The skill's description.")
		res <- selectResult{i, err}
	}()
	term.waitFor("How do you test an idea?")
	term.waitFor("Experiments at scale")
	term.typeKeys("\x1b[B\x1b[B") // down, down
	term.typeKeys("\r")
	r := <-res
	if r.err != nil || r.index != 2 {
		t.Fatalf("got %d, %v", r.index, r.err)
	}
}

func TestSurveySelectDefaultAndHelp(t *testing.T) {
	term, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	res := make(chan selectResult, 1)
	go func() {
		i, err := p.Select("Pick", []string{"one", "two", "three"}, 1, "Helpful words.")
		res <- selectResult{i, err}
	}()
	term.waitFor("three")
	term.typeKeys("?")
	term.waitFor("Helpful words.")
	term.typeKeys("\r")
	if r := <-res; r.err != nil || r.index != 1 {
		t.Fatalf("Enter takes the default: %d, %v", r.index, r.err)
	}
}

func TestSurveyCtrlCInterrupts(t *testing.T) {
	term, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	res := make(chan selectResult, 1)
	go func() {
		i, err := p.Select("Pick", []string{"one", "two"}, 0, "")
		res <- selectResult{i, err}
	}()
	term.waitFor("two")
	term.typeKeys("\x03")
	if r := <-res; !errors.Is(r.err, assess.ErrInterrupted) {
		t.Fatalf("Ctrl-C: %v", r.err)
	}
}

func TestSurveyInput(t *testing.T) {
	term, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	res := make(chan string, 1)
	go func() {
		s, err := p.Input("Your name", "login")
		if err != nil {
			s = "error: " + err.Error()
		}
		res <- s
	}()
	term.waitFor("Your name")
	term.typeKeys("Ada\r")
	if got := <-res; got != "Ada" {
		t.Fatalf("got %q", got)
	}
}

func TestSurveyMultiSelect(t *testing.T) {
	term, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	type result struct {
		picked []int
		err    error
	}
	res := make(chan result, 1)
	go func() {
		picked, err := p.MultiSelect("Which do you hold?", []string{"CSPO", "PSPO I", "PMP"}, "")
		res <- result{picked, err}
	}()
	term.waitFor("PMP")
	term.typeKeys(" ")            // pick CSPO
	term.typeKeys("\x1b[B\x1b[B") // down, down
	term.typeKeys(" \r")          // pick PMP, done
	if r := <-res; r.err != nil || len(r.picked) != 2 || r.picked[0] != 0 || r.picked[1] != 2 {
		t.Fatalf("got %v, %v", r.picked, r.err)
	}
}

func TestSurveyCtrlDEndsTheInterview(t *testing.T) {
	term, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	res := make(chan selectResult, 1)
	go func() {
		i, err := p.Select("Pick", []string{"one", "two"}, 0, "")
		res <- selectResult{i, err}
	}()
	term.waitFor("two")
	term.typeKeys("\x04")
	if r := <-res; !errors.Is(r.err, assess.ErrInterrupted) {
		t.Fatalf("Ctrl-D must end the interview, not choose an option: %d, %v", r.index, r.err)
	}
}

func TestSurveyCancelledContextInterrupts(t *testing.T) {
	term, tty := newTerminal(t)
	ctx, cancel := context.WithCancel(context.Background())
	p := NewSurveyPrompter(ctx, tty, tty)
	res := make(chan selectResult, 1)
	go func() {
		i, err := p.Select("Pick", []string{"one", "two"}, 0, "")
		res <- selectResult{i, err}
	}()
	term.waitFor("two")
	term.term.WaitReading() // the question waits for its answer
	cancel()                // as SIGTERM does
	if r := <-res; !errors.Is(r.err, assess.ErrInterrupted) {
		t.Fatalf("a cancelled context: %v", r.err)
	}
}

// The menus wrap options to the terminal's width with their lines hanging under the
// option's text, after its number.
func TestSurveyFitHangsOptions(t *testing.T) {
	term := ptytest.Open(t, 40, 20)
	p := NewSurveyPrompter(context.Background(), term.TTY(), term.TTY())
	_, options, _ := p.fit("Q", []string{"1." + textwrap.NBSP + "I set success metrics before we build and check them after launch."}, len("> "), "", 0)
	lines := strings.Split(options[0], "\n")
	if len(lines) < 2 {
		t.Fatalf("not wrapped: %q", options[0])
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "     ") || strings.HasPrefix(l, "      ") || len(l) > 39 {
			t.Errorf("a continuation line does not hang under the text (5 columns): %q", l)
		}
	}
}

// After the terminal is resized, the open question is fitted to the new width at the next
// key: its options wrap at word boundaries, hanging under their text.
func TestSurveyRefitsAfterResize(t *testing.T) {
	session, tty := newTerminal(t)
	p := NewSurveyPrompter(context.Background(), tty, tty)
	res := make(chan selectResult, 1)
	long := "I set success metrics before we build and check them after launch, every time."
	go func() {
		i, err := p.Select("How do you use metrics?", []string{"Not yet", long}, 0, "")
		res <- selectResult{i, err}
	}()
	session.waitFor("every time.")
	session.term.WaitReading()
	mark := session.term.Mark()
	session.term.Resize(40, 40)
	syscall.Kill(os.Getpid(), syscall.SIGWINCH)
	// The signal is seen before the next key: wait until it is (the flag set), then type.
	for !p.in.resized.Load() {
		runtime.Gosched()
	}
	session.typeKeys("\x1b[B") // down
	session.term.WaitFor(mark, "every time.")
	session.term.WaitReading()
	drawn := session.term.Screen()[mark:]
	if !regexp.MustCompile(`\n\s*\x1b\[[0-9;]*m?\s*     \S`).MatchString(drawn) && !strings.Contains(drawn, "\n     ") {
		t.Errorf("not redrawn with hanging lines at 40 columns:\n%q", drawn)
	}
	session.typeKeys("\r")
	if r := <-res; r.err != nil || r.index != 1 {
		t.Fatalf("got %d, %v", r.index, r.err)
	}
}
