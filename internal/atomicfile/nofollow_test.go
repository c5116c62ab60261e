//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNoFollowRefusesWhatIsNotAFile: with NoFollow a symbolic link is neither followed
// nor replaced, and a FIFO is neither written through nor waited on.
func TestNoFollowRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "elsewhere")
	os.WriteFile(target, []byte("keep"), 0o644)
	os.Chmod(target, 0o644)
	link := filepath.Join(dir, "plan.yaml")
	os.Symlink(target, link)
	if err := WriteFile(link, []byte("new"), 0o600, Options{NoFollow: true}); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), link) {
		t.Errorf("a link: %v, want ErrNotRegular naming it", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "keep" {
		t.Errorf("written through the link: %q", data)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o644 {
		t.Errorf("the link's target changed mode: %v", fi.Mode())
	}
	fifo := filepath.Join(dir, "draft.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- WriteFile(fifo, []byte("new"), 0o600, Options{NoFollow: true}) }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("a FIFO: %v, want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("waited on a FIFO")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
	// A regular file is replaced as ever.
	file := filepath.Join(dir, "a.yaml")
	os.WriteFile(file, []byte("old"), 0o600)
	if err := WriteFile(file, []byte("new"), 0o600, Options{NoFollow: true}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(file); string(data) != "new" {
		t.Errorf("content %q", data)
	}
}

// TestErrorsNameTheTarget: a file that cannot be made is named with its folder, never
// with the temporary file's name.
func TestErrorsNameTheTarget(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing", "r.json"), "the folder " + filepath.Join(dir, "missing") + " does not exist"},
		{filepath.Join(dir, "file", "r.json"), filepath.Join(dir, "file") + " is not a folder"},
	} {
		os.WriteFile(filepath.Join(dir, "file"), nil, 0o600)
		_, err := Create(tc.path, 0o600, Options{})
		var fe *FolderError
		if !errors.As(err, &fe) || err.Error() != tc.want || strings.Contains(err.Error(), ".tmp-") {
			t.Errorf("%s: %v, want %q", tc.path, err, tc.want)
		}
	}
	if _, err := Create(filepath.Join(dir, "missing", "r.json"), 0o600, Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("errors.Is(ErrNotExist) lost: %v", err)
	}
}

// TestTemporaryNameCarriesThePID: the temporary file names its writer, so that one a
// killed writer left is known as such.
func TestTemporaryNameCarriesThePID(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "a.yaml"), 0o600, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), ".a.yaml.tmp-"+strconv.Itoa(os.Getpid())+"-") {
		t.Fatalf("temporary files %v", entries)
	}
	if pid, ok := tempName(entries[0].Name()); !ok || pid != os.Getpid() {
		t.Errorf("tempName(%s) = %d, %v", entries[0].Name(), pid, ok)
	}
	// A running writer's file is left alone.
	if removed, _ := RemoveStale(dir, time.Now().Add(30*time.Second)); len(removed) != 0 {
		t.Errorf("removed a file being written: %v", removed)
	}
	if removed, _ := RemoveStale(dir, time.Now().Add(2*time.Minute)); len(removed) != 1 {
		t.Errorf("a minute on, the file is stale: removed %v", removed)
	}
}

// TestRemoveStale: what a killed writer left goes; the rest stays.
func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	dead := strconv.Itoa(cmd.Process.Pid)
	now := time.Now()
	for name, gone := range map[string]bool{
		".a.yaml.tmp-" + dead + "-1":                      true,
		".a.yaml.tmp-" + strconv.Itoa(os.Getpid()) + "-2": false,
		".a.yaml.tmp-3":                                   false, // no writer named: only age counts
		"a.yaml":                                          false,
		".a.yaml.tmp-x":                                   false,
		".tmp-4":                                          false,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o600)
		os.Chtimes(p, now.Add(-10*time.Second), now.Add(-10*time.Second))
		defer func(name string, gone bool) {
			if _, err := os.Lstat(p); gone != errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s: removed %v, want %v", name, !gone, gone)
			}
		}(name, gone)
	}
	link := filepath.Join(dir, ".b.yaml.tmp-5")
	os.Symlink(filepath.Join(dir, "a.yaml"), link)
	if _, err := RemoveStale(dir, now); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(link); err != nil {
		t.Errorf("a link named like a temporary file was removed")
	}
	if removed, err := RemoveStale(filepath.Join(dir, "none"), now); err != nil || removed != nil {
		t.Errorf("a missing folder: %v %v", removed, err)
	}
}
