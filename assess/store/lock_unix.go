//go:build unix

package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// acquire opens and locks the lock file at path, creating it 0600 (never through a
// link): the previous holder, when the file names one, is returned with it. A lock held
// by a running process is a *LockedError.
func acquire(path string) (*os.File, Holder, error) {
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
		if errors.Is(err, syscall.ELOOP) {
			return nil, Holder{}, &UnsafeFileError{Path: path, Mode: fs.ModeSymlink}
		}
		if err != nil {
			return nil, Holder{}, unsafeFile(path, err)
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, Holder{}, err
		}
		if !fi.Mode().IsRegular() {
			f.Close()
			return nil, Holder{}, &UnsafeFileError{Path: path, Mode: fi.Mode()}
		}
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		old := readLock(f)
		switch {
		case errors.Is(err, syscall.EWOULDBLOCK):
			f.Close()
			return nil, Holder{}, &LockedError{Holder: old}
		case err != nil:
			// No locks on this filesystem (some network ones): the process id decides.
			if old.PID != 0 && old.PID != os.Getpid() && old.local() && processAlive(old.PID) {
				f.Close()
				return nil, Holder{}, &LockedError{Holder: old}
			}
		}
		if now, err := os.Lstat(path); err != nil || !os.SameFile(fi, now) {
			// Its holder let go and removed it meanwhile; lock the file there now.
			f.Close()
			if attempt < 10 {
				continue
			}
			return nil, Holder{}, fmt.Errorf("cannot lock %s: it keeps changing", ShownPath(path))
		}
		return f, old, nil
	}
}

// processAlive reports whether a process with this id runs on this machine.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
