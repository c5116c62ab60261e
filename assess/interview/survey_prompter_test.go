//go:build linux

package interview

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/pmladder/pmladder/assess"
)

// terminalSession is a real pseudo-terminal: the prompter gets the terminal side; the
// test types on the controller side and reads what is drawn.
type terminalSession struct {
	t    *testing.T
	ctrl io.ReadWriteCloser
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func newTerminal(t *testing.T) (*terminalSession, Terminal) {
	t.Helper()
	ctrl, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := pty.Setsize(ctrl, &pty.Winsize{Rows: 40, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	s := &terminalSession{t: t, ctrl: ctrl, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		buf := make([]byte, 4096)
		for {
			n, err := ctrl.Read(buf)
			// Survey asks where the cursor is (ESC [6n); answer as a terminal would.
			if bytes.Contains(buf[:n], []byte("\x1b[6n")) {
				ctrl.Write([]byte("\x1b[5;1R"))
			}
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		tty.Close()
		ctrl.Close()
	})
	return s, tty
}

// waitFor waits until the screen output contains text.
func (s *terminalSession) waitFor(text string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		found := strings.Contains(s.out.String(), text)
		s.mu.Unlock()
		if found {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.t.Fatalf("%q never appeared on the terminal; it shows:\n%q", text, s.out.String())
}

func (s *terminalSession) typeKeys(keys string) {
	s.t.Helper()
	if _, err := s.ctrl.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

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
	cancel() // as SIGTERM does
	if r := <-res; !errors.Is(r.err, assess.ErrInterrupted) {
		t.Fatalf("a cancelled context: %v", r.err)
	}
}
