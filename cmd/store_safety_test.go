//go:build unix

package cmd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The store's safety as a user meets it, with the real binary (docs/cli.md, "Files"):
// FIFOs where its files should be, a draft locked by a running interview or left locked
// by a killed one, temporary files a killed run left, SIGHUP during an interview, and
// names with control characters. Links are in testdata/script/store_safety.txtar.

// safetyCmd is pmladderCmd with the zone fixed and the evidence question off, so that
// one line answers one question; its data is in dir/data/pmladder.
func safetyCmd(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := pmladderCmd(t, dir, args...)
	cmd.Env = append(cmd.Env, "TZ=UTC", "PMLADDER_EVIDENCE=false")
	return cmd
}

// safetyDataDir is the store of a safetyCmd run in dir.
func safetyDataDir(dir string) string { return filepath.Join(dir, "data", "pmladder") }

// runSafety runs pmladder with stdin and returns its exit status, stdout and stderr; a run that
// has not ended after 20 seconds (waiting on a FIFO) fails the test.
func runSafety(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := safetyCmd(t, dir, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), stdout.String(), stderr.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, stdout.String(), stderr.String()
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("pmladder %s still runs after 20 seconds (waiting on a FIFO?); stderr:\n%s", strings.Join(args, " "), stderr.String())
		return 0, "", ""
	}
}

// safetyOneLine checks that stderr is exactly one line that holds each of want.
func safetyOneLine(t *testing.T, stderr string, want ...string) {
	t.Helper()
	if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "pmladder: ") {
		t.Errorf("want one line on stderr, got:\n%s", stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr %q does not say %q", stderr, w)
		}
	}
}

// safetyInterview runs a quick interview of Ada that answers one question and stops at
// the end of its input, leaving a draft; it returns the draft's path.
func safetyInterview(t *testing.T, dir string, args ...string) string {
	t.Helper()
	args = append([]string{"assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm"}, args...)
	code, _, stderr := runSafety(t, dir, "\n3\n", args...)
	drafts, _ := filepath.Glob(filepath.Join(safetyDataDir(dir), "drafts", "*.yaml"))
	if code != ExitInterrupted || len(drafts) != 1 {
		t.Fatalf("exit %d, drafts %v; stderr:\n%s", code, drafts, stderr)
	}
	return drafts[0]
}

func safetyMkfifo(t *testing.T, path string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(path), 0o700)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
}

// TestStoreFIFOsNeverHang: a FIFO where a plan, a kept plan, a draft or an assessment
// should be is refused at once (exit 1, the path named on one line) or passed over; no
// command waits on it, --force included.
func TestStoreFIFOsNeverHang(t *testing.T) {
	ada, err := os.ReadFile(filepath.Join("..", "examples", "ada-self.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	save := func(t *testing.T, dir string) {
		t.Helper()
		os.WriteFile(filepath.Join(dir, "ada.yaml"), ada, 0o600)
		if code, _, stderr := runSafety(t, dir, "", "assess", "--answers", "ada.yaml", "--save"); code != 0 {
			t.Fatalf("save: %d %s", code, stderr)
		}
	}
	const fifo = "a FIFO (named pipe), not a file pmladder made"

	t.Run("plan", func(t *testing.T) {
		dir := t.TempDir()
		save(t, dir)
		path := filepath.Join(safetyDataDir(dir), "plans", "ada-lovelace.yaml")
		safetyMkfifo(t, path)
		for _, args := range [][]string{{"plan", "new"}, {"plan", "new", "--force"}, {"plan", "show", "--person", "Ada Lovelace"}, {"plan", "status"}} {
			code, _, stderr := runSafety(t, dir, "", args...)
			if code != ExitFailure {
				t.Errorf("%v: exit %d, want 1", args, code)
			}
			safetyOneLine(t, stderr, path+": "+fifo)
		}
	})

	t.Run("old plan kept", func(t *testing.T) {
		dir := t.TempDir()
		save(t, dir)
		if code, _, stderr := runSafety(t, dir, "", "plan", "new"); code != 0 {
			t.Fatal(stderr)
		}
		today := time.Now().UTC().Format("2006-01-02")
		safetyMkfifo(t, filepath.Join(safetyDataDir(dir), "plans", "ada-lovelace."+today+".yaml"))
		code, _, stderr := runSafety(t, dir, "", "plan", "new", "--force")
		if code != 0 || !strings.Contains(stderr, "kept the old plan as "+filepath.Join(safetyDataDir(dir), "plans", "ada-lovelace."+today+"-2.yaml")) {
			t.Errorf("exit %d, want 0 and the old plan kept beside the FIFO:\n%s", code, stderr)
		}
	})

	t.Run("draft", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(safetyDataDir(dir), "drafts", "20261122T100405Z_ada_self.yaml")
		safetyMkfifo(t, path)
		code, _, stderr := runSafety(t, dir, "3\n", "assess", "--resume")
		if code != ExitFailure {
			t.Errorf("assess --resume: exit %d, want 1", code)
		}
		safetyOneLine(t, stderr, path+": "+fifo)
		code, _, stderr = runSafety(t, dir, "", "history", "--drafts")
		if code != 0 {
			t.Errorf("history --drafts: exit %d", code)
		}
		safetyOneLine(t, stderr, "warning: skipping "+path+": "+fifo)
		// A new interview of Ada is not held up by it either.
		code, _, stderr = runSafety(t, dir, "\n3\n", "assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm")
		if code != ExitInterrupted || !strings.Contains(stderr, "your answers are kept in") {
			t.Errorf("a new interview: exit %d\n%s", code, stderr)
		}
	})

	t.Run("assessment", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(safetyDataDir(dir), "assessments", "20261122T100405Z_ada-lovelace_self.yaml")
		safetyMkfifo(t, path)
		for _, args := range [][]string{{"report", "latest"}, {"plan", "new"}, {"history", "--trend"}} {
			code, _, stderr := runSafety(t, dir, "", args...)
			if code != ExitFailure {
				t.Errorf("%v: exit %d, want 1", args, code)
			}
			safetyOneLine(t, stderr, path+": "+fifo)
		}
		// Saving the same name goes beside it.
		os.WriteFile(filepath.Join(dir, "ada.yaml"), ada, 0o600)
		code, _, stderr := runSafety(t, dir, "", "assess", "--answers", "ada.yaml", "--save")
		if code != 0 || !strings.Contains(stderr, "_self-2.yaml") {
			t.Errorf("save beside a FIFO: exit %d\n%s", code, stderr)
		}
	})
}

// safetySession is a running interview whose stderr is read as it comes.
type safetySession struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	mu    sync.Mutex
	err   bytes.Buffer
	done  chan struct{}
	code  int
}

// startSafetySession starts pmladder with stdin a pipe, the plain prompter asking on stderr.
func startSafetySession(t *testing.T, dir string, args ...string) *safetySession {
	t.Helper()
	s := &safetySession{cmd: safetyCmd(t, dir, args...), done: make(chan struct{})}
	var err error
	if s.stdin, err = s.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stderr, err := s.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := stderr.Read(buf)
			s.mu.Lock()
			s.err.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				break
			}
		}
		err := s.cmd.Wait()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			s.code = exit.ExitCode()
		}
		close(s.done)
	}()
	t.Cleanup(func() {
		select {
		case <-s.done:
		default:
			s.cmd.Process.Kill()
			<-s.done
		}
	})
	return s
}

func (s *safetySession) stderr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err.String()
}

// waitFor waits until stderr shows text, failing the test after 20 seconds.
func (s *safetySession) waitFor(t *testing.T, text string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if strings.Contains(s.stderr(), text) {
			return
		}
	}
	t.Fatalf("%q never appeared on stderr:\n%s", text, s.stderr())
}

// wait waits for the end and returns the exit status.
func (s *safetySession) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-s.done:
		return s.code
	case <-time.After(20 * time.Second):
		t.Fatalf("still running after 20 seconds:\n%s", s.stderr())
		return 0
	}
}

// TestResumeLockedByARunningInterview: while one interview continues a draft, a second
// --resume of it is refused (exit 2, one line naming the draft and the process); once the
// first has stopped, the draft resumes.
func TestResumeLockedByARunningInterview(t *testing.T) {
	dir := t.TempDir()
	draft := safetyInterview(t, dir)
	first := startSafetySession(t, dir, "assess", "--resume")
	first.waitFor(t, "Choose 1-8")
	code, _, stderr := runSafety(t, dir, "3\n", "assess", "--resume", "--name", "Ada")
	if code != ExitInvalid {
		t.Errorf("a second resume: exit %d, want 2", code)
	}
	safetyOneLine(t, stderr, draft+" is being continued by another pmladder, process "+strconv.Itoa(first.cmd.Process.Pid)+" (since ",
		"finish or stop that interview first")
	// A new interview of Ada does not take her locked draft for its own either.
	code, _, stderr = runSafety(t, dir, "\n3\n", "assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm")
	if code != ExitInterrupted || strings.Contains(stderr, "kept in "+draft+"\n") {
		t.Errorf("a new interview while the draft is held: exit %d\n%s", code, stderr)
	}
	drafts, _ := filepath.Glob(filepath.Join(filepath.Dir(draft), "*.yaml"))
	for _, d := range drafts {
		if d != draft {
			os.Remove(d) // the new interview's: Ada's latest draft is again the first
		}
	}
	// The first goes on, and says truthfully where its answers are.
	io.WriteString(first.stdin, "3\n")
	first.waitFor(t, "3 of 19")
	first.stdin.Close()
	if code := first.wait(t); code != ExitInterrupted {
		t.Errorf("the first: exit %d, want 130", code)
	}
	if !strings.Contains(first.stderr(), "your answers are kept in "+draft) {
		t.Errorf("the first:\n%s", first.stderr())
	}
	if data, err := os.ReadFile(draft); err != nil || !strings.Contains(string(data), "customer-insight.1: 2") {
		t.Errorf("the draft lost the first's answer: %v\n%s", err, data)
	}
	if locks, _ := filepath.Glob(filepath.Join(filepath.Dir(draft), ".*.lock")); len(locks) != 0 {
		t.Errorf("locks left after both stopped: %v", locks)
	}
	code, _, stderr = runSafety(t, dir, "", "assess", "--resume", "--name", "Ada")
	if code != ExitInterrupted || !strings.Contains(stderr, "Resuming the interview of Ada ("+draft+"): 2 of 19") {
		t.Errorf("resumed once the first stopped: exit %d\n%s", code, stderr)
	}
}

// TestResumeRecoversALockLeftByAKilledRun: a draft whose interview was killed (kill -9:
// the lock file stays, its process is gone) resumes, with a warning naming that process.
func TestResumeRecoversALockLeftByAKilledRun(t *testing.T) {
	dir := t.TempDir()
	draft := safetyInterview(t, dir)
	killed := startSafetySession(t, dir, "assess", "--resume")
	killed.waitFor(t, "Choose 1-8")
	lock := filepath.Join(filepath.Dir(draft), "."+filepath.Base(draft)+".lock")
	if _, err := os.Stat(lock); err != nil {
		t.Fatalf("no lock while an interview holds the draft: %v", err)
	}
	pid := killed.cmd.Process.Pid
	killed.cmd.Process.Signal(syscall.SIGKILL)
	killed.wait(t)
	if _, err := os.Stat(lock); err != nil {
		t.Fatalf("kill -9 should leave the lock file: %v", err)
	}
	code, _, stderr := runSafety(t, dir, "", "assess", "--resume")
	if code != ExitInterrupted {
		t.Errorf("exit %d, want 130 (resumed, then the input ended)", code)
	}
	want := "pmladder: warning: the lock on " + draft + " was left by process " + strconv.Itoa(pid) + " (since "
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "which has ended: this interview takes it over\n") ||
		!strings.Contains(stderr, "Resuming the interview of Ada") {
		t.Errorf("stderr:\n%s\nwant %q", stderr, want)
	}
	if _, err := os.Stat(lock); err == nil {
		t.Errorf("the lock is left after the resumed interview stopped")
	}
}

// TestKilledRunsTemporaryFilesRemoved: the temporary files a killed run left in drafts/,
// assessments/ and plans/ are removed by the next run that opens the store; one a
// running writer still writes is left to it.
func TestKilledRunsTemporaryFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	safetyInterview(t, dir)
	dead := exec.Command("true")
	dead.Run()
	old, recent := time.Now().Add(-2*time.Minute), time.Now().Add(-10*time.Second)
	var stale, live []string
	for _, sub := range []string{"drafts", "assessments", "plans"} {
		d := filepath.Join(safetyDataDir(dir), sub)
		os.MkdirAll(d, 0o700)
		for _, f := range []struct {
			name string
			mod  time.Time
			list *[]string
		}{
			{".20261122T100405Z_ada_self.yaml.tmp-" + strconv.Itoa(dead.Process.Pid) + "-1", recent, &stale},
			{".20261122T100405Z_ada_self.yaml.tmp-" + strconv.Itoa(os.Getpid()) + "-2", old, &stale},
			{".ada.yaml.tmp-3", old, &stale},
			{".20261122T100405Z_ada_self.yaml.tmp-" + strconv.Itoa(os.Getpid()) + "-4", recent, &live},
		} {
			p := filepath.Join(d, f.name)
			os.WriteFile(p, []byte("half a draft"), 0o600)
			os.Chtimes(p, f.mod, f.mod)
			*f.list = append(*f.list, p)
		}
	}
	if code, _, stderr := runSafety(t, dir, "", "history", "--drafts"); code != 0 || stderr != "" {
		t.Fatalf("history --drafts: exit %d\n%s", code, stderr)
	}
	for _, p := range stale {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("left: %s", p)
		}
	}
	for _, p := range live {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("removed while its writer runs: %s", p)
		}
	}
}

// TestInterviewStopsOnSIGHUP: a hang-up (the terminal closed, ssh dropped) stops the
// plain interview as SIGTERM does: exit 130, the draft kept with the answer given, and
// the way to resume printed.
func TestInterviewStopsOnSIGHUP(t *testing.T) {
	dir := t.TempDir()
	s := startSafetySession(t, dir, "assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm")
	s.waitFor(t, "Choose any of 1-")
	io.WriteString(s.stdin, "\n3\n") // no certifications; the first question
	s.waitFor(t, "2 of 19")
	s.waitFor(t, "Choose 1-8")
	s.cmd.Process.Signal(syscall.SIGHUP)
	if code := s.wait(t); code != ExitInterrupted {
		t.Errorf("exit %d, want 130:\n%s", code, s.stderr())
	}
	drafts, _ := filepath.Glob(filepath.Join(safetyDataDir(dir), "drafts", "*.yaml"))
	if len(drafts) != 1 {
		t.Fatalf("drafts %v", drafts)
	}
	if !strings.Contains(s.stderr(), "pmladder: interview paused; your answers are kept in "+drafts[0]+"\n") ||
		!strings.Contains(s.stderr(), "pmladder: continue with: pmladder assess --resume\n") {
		t.Errorf("no resume hint:\n%s", s.stderr())
	}
	if data, _ := os.ReadFile(drafts[0]); !strings.Contains(string(data), "data-fluency.1: 2") {
		t.Errorf("the draft:\n%s", data)
	}
	if left, _ := filepath.Glob(filepath.Join(safetyDataDir(dir), "drafts", ".*")); len(left) != 0 {
		t.Errorf("left in drafts/: %v", left)
	}
}

// TestStoreNamesAreEscaped: a name from a draft is printed with its control characters
// escaped and cut, on one line, whatever the file holds.
func TestStoreNamesAreEscaped(t *testing.T) {
	dir := t.TempDir()
	draft := safetyInterview(t, dir)
	data, _ := os.ReadFile(draft)
	evil := strings.Replace(string(data), "person: Ada", `person: "Eve\e]0;owned\a\nline two `+strings.Repeat("x", 60)+`"`, 1)
	os.WriteFile(filepath.Join(filepath.Dir(draft), "20261122T100405Z_eve_self.yaml"), []byte(evil), 0o600)
	code, _, stderr := runSafety(t, dir, "", "assess", "--resume")
	if code != ExitInvalid {
		t.Errorf("exit %d, want 2", code)
	}
	if strings.ContainsAny(stderr, "\x1b\a") || strings.Count(stderr, "\n") != 2 || // the message and the usage hint
		!strings.Contains(stderr, `Eve\x1b]0;owned\a\nline two xxxx`) || !strings.Contains(stderr, "…") {
		t.Errorf("stderr:\n%q", stderr)
	}
	code, _, stderr = runSafety(t, dir, "", "assess", "--resume", "--name", "Eve\x1b]0;owned\a\nline two "+strings.Repeat("x", 60))
	if code != ExitInterrupted || strings.ContainsAny(stderr, "\x1b\a") || !strings.Contains(stderr, `Resuming the interview of Eve\x1b]0;owned\a\nline two`) {
		t.Errorf("exit %d:\n%q", code, stderr)
	}
}
