//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadFileNoFollow: a program's own file is read only when it is a regular file: a
// link (even to a regular file), a FIFO (without blocking), a device and a folder are
// refused.
func TestReadFileNoFollow(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "draft.yaml")
	os.WriteFile(file, []byte("format: x\n"), 0o600)
	if data, err := ReadFileNoFollow(file); err != nil || string(data) != "format: x\n" {
		t.Fatalf("%q %v", data, err)
	}
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(file, link)
	if _, err := ReadFileNoFollow(link); !errors.Is(err, ErrSymlink) {
		t.Errorf("a link: %v", err)
	}
	if data, err := ReadFile(link); err != nil || string(data) != "format: x\n" {
		t.Errorf("ReadFile follows a link the user names: %q %v", data, err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if syscall.Mkfifo(fifo, 0o600) == nil {
		done := make(chan error, 1)
		go func() { _, err := ReadFileNoFollow(fifo); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("a FIFO: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("waited on a FIFO")
		}
	}
	if _, err := ReadFileNoFollow("/dev/null"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a device: %v", err)
	}
	if _, err := ReadFileNoFollow(dir); !errors.Is(err, ErrDirectory) {
		t.Errorf("a folder: %v", err)
	}
	if _, err := ReadFileNoFollow(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}
