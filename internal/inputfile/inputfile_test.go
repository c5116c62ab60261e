package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	os.WriteFile(small, []byte("format: x\n"), 0o600)
	if data, err := ReadFile(small); err != nil || string(data) != "format: x\n" {
		t.Fatalf("%q %v", data, err)
	}
	if _, err := ReadFile("/dev/zero"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a device: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if syscall.Mkfifo(fifo, 0o600) == nil {
		if _, err := ReadFile(fifo); !errors.Is(err, ErrNotRegular) { // and it does not block
			t.Errorf("a FIFO: %v", err)
		}
	}
	if _, err := ReadFile(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a directory: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "open ") {
		t.Errorf("a missing file: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	f, _ := os.Create(big)
	f.Truncate(MaxSize + 1)
	f.Close()
	if _, err := ReadFile(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a file over the limit: %v", err)
	}
	if _, err := ReadAll(strings.NewReader(strings.Repeat("x", 10))); err != nil {
		t.Errorf("ReadAll: %v", err)
	}
}
