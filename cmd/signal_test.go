//go:build linux

package cmd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/internal/ptytest"
	"github.com/pmladder/pmladder/rubric"
)

// ptySession is the real binary running on a pseudo-terminal of a given size, with what
// the terminal has shown so far.
type ptySession struct {
	t    *testing.T
	cmd  *exec.Cmd
	term *ptytest.Terminal
}

// startPty starts pmladder with args on a cols × rows pseudo-terminal, data kept in dir.
func startPty(t *testing.T, dir string, cols, rows uint16, args ...string) *ptySession {
	t.Helper()
	s := &ptySession{t: t, cmd: pmladderCmd(t, dir, args...), term: ptytest.Open(t, cols, rows)}
	s.cmd.Env = append(s.cmd.Env, "TERM=xterm")
	if err := s.term.Start(s.cmd); err != nil {
		t.Fatal(err)
	}
	return s
}

// shown is everything the terminal has been sent so far.
func (s *ptySession) shown() string { return s.term.Screen() }

// waitFor waits until text has been shown.
func (s *ptySession) waitFor(text string) { s.t.Helper(); s.waitAfter(0, text) }

// waitAfter waits until text has been shown after the first mark bytes of the screen.
func (s *ptySession) waitAfter(mark int, text string) { s.t.Helper(); s.waitAny(mark, text) }

// waitAny waits until one of texts has been shown after the first mark bytes of the
// screen and returns which. The screen is read as a person reads it: without escape
// sequences, a line wrapped to the width read as one.
func (s *ptySession) waitAny(mark int, texts ...string) string {
	s.t.Helper()
	return s.term.WaitFor(mark, texts...)
}

// press types keys once pmladder is reading them: the question drawn in full, every
// cursor query answered and read.
func (s *ptySession) press(keys string) { s.t.Helper(); s.term.Type(keys) }

// wait waits until pmladder has exited and all it drew has been read, and returns its
// exit status.
func (s *ptySession) wait() int {
	s.t.Helper()
	err := s.term.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode()
	}
	if err != nil {
		s.t.Fatal(err)
	}
	return 0
}

// evidencePrompt is the start of the question after a skill's last one: the example
// that backs the rating.
const evidencePrompt = "an example of your work that shows it"

// ptyInterview runs the arrow-key interview of the real binary on a pseudo-terminal,
// answers the certification question and the first question with keys, types the
// evidence of the first skill, then, once the second question waits for its answer,
// stops it with stop and returns the exit status, what the terminal showed and the draft.
func ptyInterview(t *testing.T, keys string, stop func(s *ptySession)) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	s := startPty(t, dir, 100, 40, "assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm")
	s.waitFor("Which of these do you hold already?")
	s.press("\r") // none
	s.waitFor("· 1 of ")
	s.press(keys)
	s.waitFor(evidencePrompt)
	s.press("Cut churn 3 pts <with> a metric tree\r")
	s.waitFor("· 2 of ")
	s.term.WaitReading()
	stop(s)
	code := s.wait()
	drafts, _ := filepath.Glob(filepath.Join(dir, "data", "pmladder", "drafts", "*.yaml"))
	draft := ""
	if len(drafts) == 1 {
		data, _ := os.ReadFile(drafts[0])
		draft = string(data)
	}
	return code, s.shown(), draft
}

// TestArrowKeyInterviewStops: Ctrl-D, Ctrl-C and SIGTERM each end the arrow-key
// interview with exit 130 and the draft kept, holding the answer given; Ctrl-D never
// chooses an option.
func TestArrowKeyInterviewStops(t *testing.T) {
	for name, stop := range map[string]func(s *ptySession){
		"ctrl-d":  func(s *ptySession) { s.press("\x04") },
		"ctrl-c":  func(s *ptySession) { s.press("\x03") },
		"sigterm": func(s *ptySession) { s.cmd.Process.Signal(syscall.SIGTERM) },
	} {
		t.Run(name, func(t *testing.T) {
			code, screen, draft := ptyInterview(t, "\x1b[B\x1b[B\r", stop) // the third statement
			if code != ExitInterrupted {
				t.Errorf("exit %d, want 130; the terminal shows:\n%q", code, screen)
			}
			if !strings.Contains(draft, "data-fluency.1: 2") || strings.Contains(draft, "customer-insight.1") ||
				!strings.Contains(draft, "data-fluency: Cut churn 3 pts <with> a metric tree") {
				t.Errorf("the draft holds the one answer given:\n%s", draft)
			}
			if !strings.Contains(screen, "pmladder assess --resume") {
				t.Errorf("the way to resume is not shown:\n%q", screen)
			}
		})
	}
}

// TestInterruptedTeamLeavesNothing stops a long team review with SIGINT or SIGTERM, to
// stdout (spooled through a temporary file) and with -o (JSON, and a workbook, whose
// sheets are spooled too), and finds exit 130 and no temporary file anywhere, the
// previous -o file intact.
func TestInterruptedTeamLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	sheetPath := filepath.Join(dir, "team.csv")
	writeBigSheet(t, sheetPath, 300000)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, out := range []string{"", "review.json", "review.xlsx"} {
			t.Run(sig.String()+" "+out, func(t *testing.T) {
				work := t.TempDir()
				tmp := filepath.Join(work, "tmp")
				os.Mkdir(tmp, 0o700)
				format := "json"
				if strings.HasSuffix(out, ".xlsx") {
					format = "xlsx" // its sheets are spooled in TMPDIR: none may be left there
				}
				args := []string{"team", sheetPath, "--format", format}
				if out != "" {
					os.WriteFile(filepath.Join(work, out), []byte("last review\n"), 0o600)
					args = append(args, "-o", out)
				}
				cmd := pmladderCmd(t, work, args...)
				cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
				var stdout bytes.Buffer
				cmd.Stdout = &stdout
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				// Into the review: its output has a temporary file (the spool in TMPDIR, the
				// -o file's beside it, the workbook's sheets in TMPDIR), made after the
				// signals are caught. The review of so many people goes on for seconds.
				spool := filepath.Join(tmp, "pmladder-*.out")
				switch {
				case format == "xlsx":
					spool = filepath.Join(tmp, "pmladder-review-*", "sheet-*")
				case out != "":
					spool = filepath.Join(work, "."+out+".tmp-*")
				}
				exited := make(chan error, 1)
				go func() { exited <- cmd.Wait() }()
				for made := false; !made; {
					select {
					case err := <-exited:
						t.Fatalf("the review ended (%v) before it was seen to write %s", err, spool)
					case <-time.After(time.Millisecond):
						found, _ := filepath.Glob(spool)
						made = len(found) > 0
					}
				}
				cmd.Process.Signal(sig)
				err := <-exited
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != ExitInterrupted {
					t.Fatalf("exit %v, want 130", err)
				}
				if stdout.Len() != 0 {
					t.Errorf("%d bytes reached stdout", stdout.Len())
				}
				for _, d := range []string{tmp, work} {
					entries, _ := os.ReadDir(d)
					for _, e := range entries {
						if e.Name() != "tmp" && e.Name() != out {
							t.Errorf("left behind: %s", filepath.Join(d, e.Name()))
						}
					}
				}
				if out != "" {
					if got, _ := os.ReadFile(filepath.Join(work, out)); string(got) != "last review\n" {
						t.Errorf("the previous -o file changed: %d bytes", len(got))
					}
				}
			})
		}
	}
}

// writeBigSheet writes a generated team sheet of people rows.
func writeBigSheet(t *testing.T, path string, people int) {
	t.Helper()
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := sheetgen.Write(f, r, people, 1); err != nil {
		t.Fatal(err)
	}
}

// TestClosedPipeLeavesNothing: a reader that stops early (| head) ends a team review
// spooled to stdout quietly with 141, and its temporary spool file is removed: it holds
// everyone's data.
func TestClosedPipeLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	sheetPath := filepath.Join(dir, "team.csv")
	writeBigSheet(t, sheetPath, 20000)
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o700)
	cmd := pmladderCmd(t, dir, "team", sheetPath, "--format", "csv")
	cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(out, buf); err != nil {
		t.Fatal(err)
	}
	out.Close() // as head does once it has its lines
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != ExitBrokenPipe {
		t.Errorf("exit %v, want %d", err, ExitBrokenPipe)
	}
	if stderr.Len() != 0 {
		t.Errorf("a stopped reader is no error to report: %q", stderr.String())
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left behind in TMPDIR: %v", entries)
	}
}
