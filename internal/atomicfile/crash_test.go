//go:build unix

package atomicfile

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets the test binary act as a writer that is killed in the middle of a write:
// with PMLADDER_CRASH_WRITE=PATH it starts replacing PATH, writes half, says "ready" and
// waits to be killed.
func TestMain(m *testing.M) {
	if path := os.Getenv("PMLADDER_CRASH_WRITE"); path != "" {
		f, err := Create(path, 0o600, Options{})
		if err != nil {
			os.Exit(3)
		}
		f.Write([]byte(strings.Repeat("new half-written data\n", 100000)))
		os.Stdout.WriteString("ready\n")
		select {} // killed here, mid-write
	}
	os.Exit(m.Run())
}

// TestKilledMidWriteKeepsThePreviousFile kills a process with SIGKILL while it writes a
// file and finds the previous file intact: nothing is ever written over it in place.
func TestKilledMidWriteKeepsThePreviousFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.yaml")
	if err := os.WriteFile(path, []byte("the previous file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PMLADDER_CRASH_WRITE="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("helper: %q %v", line, err)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "the previous file\n" {
		t.Fatalf("after the kill the file holds %d bytes (%v), want the previous file", len(got), err)
	}
	// What is left is the unfinished temporary file beside it, never the target.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "history.yaml" && !strings.HasPrefix(e.Name(), ".history.yaml.tmp-") {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}
