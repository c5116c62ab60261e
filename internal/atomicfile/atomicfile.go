// Package atomicfile writes files so that a crash or a kill never leaves a half-written
// one: data goes to a temporary file in the same directory, is synced, and is renamed over
// the target only when complete. Readers see the old file or the new one, never a mix.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by Commit when the file must be new and one is already there.
var ErrExists = fs.ErrExist

// File is a file being written. Write to it, then Commit; Abort (safe to defer) discards
// it unless it was committed.
type File struct {
	tmp *os.File
	// through is set when the target is not a regular file (a device, a FIFO): writes go
	// straight to it, as a shell's > would.
	through bool
	path    string
	noClob  bool
	done    bool
	written error
	// size is how much has been written; flushed how much of it writeback has started on.
	size, flushed int64
}

// writebackChunk is how much is written before the kernel is asked to start writing it
// to disk: a large report is then mostly on disk by the time Commit syncs it.
const writebackChunk = 8 << 20

// Options change how Create behaves.
type Options struct {
	// NoClobber makes Commit fail with ErrExists rather than replace an existing file.
	NoClobber bool
}

// Create starts writing path with the given permissions. A symbolic link is followed, so
// the file it names is replaced and the link kept; a target that exists and is not a
// regular file (/dev/null, /dev/stdout, a FIFO) is written through, unbuffered by any
// temporary file.
func Create(path string, perm fs.FileMode, opts Options) (*File, error) {
	if opts.NoClobber {
		if _, err := os.Lstat(path); err == nil {
			return nil, fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return nil, fmt.Errorf("%s is a directory", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &File{tmp: f, through: true, path: path}, nil
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	return &File{tmp: tmp, path: path, noClob: opts.NoClobber}, nil
}

// WritesThrough reports whether the target is not a regular file and is written directly.
func (f *File) WritesThrough() bool { return f.through }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.tmp.Write(p)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = &fs.PathError{Op: pe.Op, Path: f.path, Err: pe.Err} // name the target, not the temporary file
		}
		if f.written == nil {
			f.written = err
		}
	}
	f.size += int64(n)
	if !f.through && f.size-f.flushed >= writebackChunk {
		startWriteback(f.tmp.Fd(), f.flushed, f.size-f.flushed)
		f.flushed = f.size
	}
	return n, err
}

// Commit syncs the data and puts the file in place.
func (f *File) Commit() error {
	if f.done {
		return errors.New("atomicfile: commit after commit or abort")
	}
	f.done = true
	if f.through {
		err := f.written
		if cerr := f.tmp.Close(); err == nil {
			err = cerr
		}
		return err
	}
	name := f.tmp.Name()
	err := f.written
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = f.place(name)
	}
	if err != nil {
		os.Remove(name)
		return err
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// place moves the finished temporary file to the target path.
func (f *File) place(name string) error {
	if !f.noClob {
		return os.Rename(name, f.path)
	}
	// A hard link fails if the target exists, closing the gap between the check in Create
	// and now; filesystems without hard links fall back to check-then-rename.
	if err := os.Link(name, f.path); err == nil {
		os.Remove(name)
		return nil
	} else if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", f.path, ErrExists)
	}
	if _, err := os.Lstat(f.path); err == nil {
		return fmt.Errorf("%s: %w", f.path, ErrExists)
	}
	return os.Rename(name, f.path)
}

// Abort discards the file unless it was committed.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	if !f.through {
		os.Remove(f.tmp.Name())
	}
}

// WriteFile writes data to path atomically with the given permissions.
func WriteFile(path string, data []byte, perm fs.FileMode, opts Options) error {
	f, err := Create(path, perm, opts)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Commit()
}

// syncDir makes the rename durable; failure only weakens durability, not atomicity.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
