//go:build linux

package cmd

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptyInterview runs the arrow-key interview of the real binary on a pseudo-terminal,
// answers the certification question and the first question, then stops it with stop
// and returns the exit status and what the terminal showed.
func ptyInterview(t *testing.T, stop func(cmd *exec.Cmd, ctrl *os.File)) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	cmd := pmladderCmd(t, dir, "assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm")
	cmd.Env = append(cmd.Env, "TERM=xterm")
	ctrl, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ctrl.Close()
	var mu sync.Mutex
	var screen bytes.Buffer
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ctrl.Read(buf)
			if bytes.Contains(buf[:n], []byte("\x1b[6n")) {
				ctrl.Write([]byte("\x1b[5;1R")) // where the cursor is, as a terminal answers
			}
			mu.Lock()
			screen.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	waitFor := func(text string) {
		t.Helper()
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			mu.Lock()
			found := strings.Contains(screen.String(), text)
			mu.Unlock()
			if found {
				return
			}
		}
		cmd.Process.Kill()
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("%q never appeared; the terminal shows:\n%q", text, screen.String())
	}
	waitFor("Which of these do you hold already?")
	ctrl.Write([]byte("\r")) // none
	waitFor("How do you use metrics to understand your product?")
	ctrl.Write([]byte("\x1b[B\x1b[B\r")) // the third statement
	waitFor("Customer")
	time.Sleep(100 * time.Millisecond)
	stop(cmd, ctrl)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var waitErr error
	select {
	case waitErr = <-done:
	case <-time.After(15 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the interview went on after it was told to stop")
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(waitErr, &exit) {
		code = exit.ExitCode()
	}
	drafts, _ := filepath.Glob(filepath.Join(dir, "data", "pmladder", "drafts", "*.yaml"))
	draft := ""
	if len(drafts) == 1 {
		data, _ := os.ReadFile(drafts[0])
		draft = string(data)
	}
	mu.Lock()
	defer mu.Unlock()
	return code, screen.String(), draft
}

// TestArrowKeyInterviewStops: Ctrl-D, Ctrl-C and SIGTERM each end the arrow-key
// interview with exit 130 and the draft kept, holding the answer given; Ctrl-D never
// chooses an option.
func TestArrowKeyInterviewStops(t *testing.T) {
	for name, stop := range map[string]func(cmd *exec.Cmd, ctrl *os.File){
		"ctrl-d":  func(_ *exec.Cmd, ctrl *os.File) { ctrl.Write([]byte("\x04")) },
		"ctrl-c":  func(_ *exec.Cmd, ctrl *os.File) { ctrl.Write([]byte("\x03")) },
		"sigterm": func(cmd *exec.Cmd, _ *os.File) { cmd.Process.Signal(syscall.SIGTERM) },
	} {
		t.Run(name, func(t *testing.T) {
			code, screen, draft := ptyInterview(t, stop)
			if code != ExitInterrupted {
				t.Errorf("exit %d, want 130; the terminal shows:\n%q", code, screen)
			}
			if !strings.Contains(draft, "data-fluency.1: 2") || strings.Contains(draft, "customer-insight.1") {
				t.Errorf("the draft holds the one answer given:\n%s", draft)
			}
			if !strings.Contains(screen, "pmladder assess --resume") {
				t.Errorf("the way to resume is not shown:\n%q", screen)
			}
		})
	}
}
