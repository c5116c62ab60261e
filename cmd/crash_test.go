//go:build unix

package cmd

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/rubric"
)

// pmladderCmd runs the real command line, installed in $PATH by testscript.Main.
func pmladderCmd(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := exec.LookPath("pmladder")
	if err != nil {
		t.Fatalf("pmladder is not in $PATH: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "TMPDIR=" + os.TempDir(),
		"XDG_CONFIG_HOME=" + dir, "XDG_DATA_HOME=" + filepath.Join(dir, "data")}
	// The program is this test binary; under go test -cover it is built for coverage and
	// must be told where its counters go, as testscript tells it in the scripts, or it
	// warns on stderr ("GOCOVERDIR not set") and what it covers is not counted.
	for _, name := range []string{"GOCOVERDIR", "GORACE"} {
		if v, ok := os.LookupEnv(name); ok {
			cmd.Env = append(cmd.Env, name+"="+v)
		}
	}
	return cmd
}

// TestKilledReportKeepsThePreviousFile kills `team -o` with SIGKILL while it writes a
// large report and finds the previous report intact.
func TestKilledReportKeepsThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	r, _ := rubric.Default()
	sheet, _ := os.Create(filepath.Join(dir, "team.csv"))
	sheetgen.Write(sheet, r, 200000, 1)
	sheet.Close()
	out := filepath.Join(dir, "review.csv")
	os.WriteFile(out, []byte("last quarter's review\n"), 0o600)

	cmd := pmladderCmd(t, dir, "team", "team.csv", "--format", "csv", "-o", "review.csv")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once the new report is being written beside the old one.
	deadline := time.Now().Add(20 * time.Second)
	for {
		tmp, _ := filepath.Glob(filepath.Join(dir, ".review.csv.tmp-*"))
		if len(tmp) > 0 {
			if fi, err := os.Stat(tmp[0]); err == nil && fi.Size() > 0 {
				break
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the report was never being written")
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if got, _ := os.ReadFile(out); string(got) != "last quarter's review\n" {
		t.Fatalf("the previous report was damaged: %d bytes", len(got))
	}
}

// TestKilledInterviewKeepsItsDraft kills an interview with SIGKILL after some answers and
// finds a draft that holds them and resumes.
func TestKilledInterviewKeepsItsDraft(t *testing.T) {
	dir := t.TempDir()
	cmd := pmladderCmd(t, dir, "assess", "--quick", "--name", "Ada", "--current", "pm", "--track", "ic", "--target", "senior-pm")
	stdin, _ := cmd.StdinPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(stdin, "\n3\nUsed the funnel\n4\n\n2\n") // no certifications, then three answers, the first with evidence
	drafts := filepath.Join(dir, "data", "pmladder", "drafts")
	r, _ := rubric.Default()
	deadline := time.Now().Add(20 * time.Second)
	var a *assess.Answers
	for {
		paths, _ := filepath.Glob(filepath.Join(drafts, "*.yaml"))
		if len(paths) == 1 {
			data, _ := os.ReadFile(paths[0])
			if got, _, err := input.ParseAnswers(paths[0], data, r); err == nil && got.Count(r.Questions()) == 3 {
				a = got
				break
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no draft with three answers; stderr:\n%s", stderr.String())
		}
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if v, _ := a.Get("data-fluency.1"); a.Person != "Ada" || v.Score != 2 || a.Complete || a.Evidence["data-fluency"] != "Used the funnel" {
		t.Errorf("draft %+v", a)
	}
	// --resume finishes it.
	resume := pmladderCmd(t, dir, "assess", "--resume", "--quick", "--format", "json")
	resume.Stdin = strings.NewReader(strings.Repeat("3\n\n", 17)) // an answer and no evidence
	out, err := resume.Output()
	if err != nil || !strings.Contains(string(out), `"answered": 19`) {
		t.Fatalf("resume: %v\n%s", err, out)
	}
}
