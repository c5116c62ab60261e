package atomicfile

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestWriteFileReplacesAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := WriteFile(path, []byte("one"), 0o600, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("two"), 0o600, Options{}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "two" {
		t.Errorf("content %q", got)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftover files: %v", entries)
	}
}

func TestNoClobber(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	os.WriteFile(path, []byte("keep"), 0o644)
	if err := WriteFile(path, []byte("new"), 0o644, Options{NoClobber: true}); !errors.Is(err, ErrExists) {
		t.Fatalf("want ErrExists, got %v", err)
	}
	// The file appearing between Create and Commit is caught too.
	other := filepath.Join(dir, "b.yaml")
	f, err := Create(other, 0o644, Options{NoClobber: true})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	os.WriteFile(other, []byte("raced"), 0o644)
	if err := f.Commit(); !errors.Is(err, ErrExists) {
		t.Fatalf("want ErrExists at commit, got %v", err)
	}
	if got, _ := os.ReadFile(other); string(got) != "raced" {
		t.Errorf("clobbered: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("leftover files: %v", entries)
	}
}

func TestAbortKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.csv")
	os.WriteFile(path, []byte("old"), 0o600)
	f, err := Create(path, 0o600, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half of the new"))
	f.Abort()
	f.Abort() // safe twice
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("content %q", got)
	}
	if err := f.Commit(); err == nil {
		t.Error("commit after abort must fail")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftover files: %v", entries)
	}
}

func TestCreateInMissingDirectory(t *testing.T) {
	if _, err := Create(filepath.Join(t.TempDir(), "no", "such", "f"), 0o600, Options{}); err == nil {
		t.Fatal("want an error")
	}
}

// TestCreateRemovesWhatAKilledWriterOfTheFileLeft: writing r.json removes the temporary
// file of r.json that a killed run left beside it (a minute old), keeps one being written
// (fresh, by a running process) and those of other files.
func TestCreateRemovesWhatAKilledWriterOfTheFileLeft(t *testing.T) {
	dir := t.TempDir()
	pid := strconv.Itoa(os.Getpid())
	old := filepath.Join(dir, ".r.json.tmp-"+pid+"-1")
	fresh := filepath.Join(dir, ".r.json.tmp-"+pid+"-2")
	other := filepath.Join(dir, ".s.json.tmp-"+pid+"-3")
	for _, p := range []string{old, fresh, other} {
		os.WriteFile(p, []byte("names and scores"), 0o600)
	}
	long := time.Now().Add(-2 * StaleAge)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)
	if err := WriteFile(filepath.Join(dir, "r.json"), []byte("{}"), 0o600, Options{}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, fresh: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// TestRemoveStaleTemp: in a shared temporary folder, what a killed run left (named as
// TempPattern names it, its process ended) is removed, a folder with its contents; what a
// running process writes, what is fresh, and anything else named near it stay.
func TestRemoveStaleTemp(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	dead, alive := strconv.Itoa(cmd.Process.Pid), strconv.Itoa(os.Getpid())
	long := time.Now().Add(-time.Minute)
	for name, old := range map[string]bool{
		"pmladder-" + dead + "-1.out":        true,  // left by a killed review: removed
		"pmladder-review-" + dead + "-2/":    true,  // its sheets: removed
		"pmladder-" + alive + "-3.out":       true,  // a running review's
		"pmladder-" + dead + "-4.out":        false, // a moment old
		"pmladder-" + dead + "-5.out.fresh":  true,  // not its name
		"pmladder-" + dead + "-work/":        true,  // someone's folder
		"pmladder-" + dead + "-6.xlsx":       true,  // another suffix
		"pmladder-review-" + alive + "-7/":   true,  // a running review's sheets
		"pmladder-review-" + dead + "-8.out": true,  // a file where a folder would be: kept
	} {
		p := filepath.Join(dir, name)
		if strings.HasSuffix(name, "/") {
			os.Mkdir(p, 0o700)
			os.WriteFile(filepath.Join(p, "sheet-1.xml.deflate"), []byte("names and scores"), 0o600)
		} else {
			os.WriteFile(p, []byte("names and scores"), 0o600)
		}
		if old {
			os.Chtimes(p, long, long)
		}
	}
	got := RemoveStaleTemp(dir, "pmladder-", ".out", time.Now())
	got = append(got, RemoveStaleTemp(dir, "pmladder-review-", "", time.Now())...)
	want := []string{"pmladder-" + dead + "-1.out", "pmladder-review-" + dead + "-2"}
	if !slices.Equal(got, want) {
		t.Errorf("removed %v, want %v", got, want)
	}
	if left, _ := os.ReadDir(dir); len(left) != 7 {
		t.Errorf("%d left, want 7", len(left))
	}
}
