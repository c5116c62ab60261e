//go:build !unix

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/pmladder/pmladder/internal/inputfile"
)

// acquire creates the lock file at path, 0600 and new (O_EXCL): the previous holder, when
// one left a file that names a process no longer running, is returned. A lock held by a
// running process is a *LockedError.
func acquire(path string) (*os.File, Holder, error) {
	var stale Holder
	for attempt := 0; attempt < 10; attempt++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return f, stale, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, Holder{}, err
		}
		data, err := inputfile.ReadFileNoFollow(path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, Holder{}, unsafeFile(path, err)
		}
		old := readHolder(data)
		if old.PID != 0 && (!old.local() || processAlive(old.PID)) {
			return nil, Holder{}, &LockedError{Holder: old}
		}
		if old.PID != 0 {
			stale = old
		}
		os.Remove(path) // left by a run that ended
	}
	return nil, Holder{}, fmt.Errorf("cannot lock %s: it keeps changing", ShownPath(path))
}

// processAlive reports whether a process with this id runs.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
