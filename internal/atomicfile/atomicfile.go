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
	"strconv"
	"syscall"
	"time"
)

// ErrExists is returned by Commit when the file must be new and one is already there.
var ErrExists = fs.ErrExist

// ErrNotRegular is returned by Create with NoFollow when the target is a symbolic link, a
// FIFO, a device or anything else that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

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
	// NoFollow is for a program's own files: a target that exists and is not a regular
	// file (a symbolic link, a FIFO, a device) is refused with ErrNotRegular, never
	// followed or written through. Should a link appear there after the check, the
	// rename replaces the link itself, never the file it names.
	NoFollow bool
}

// Create starts writing path with the given permissions. A symbolic link is followed, so
// the file it names is replaced and the link kept; a target that exists and is not a
// regular file (/dev/null, /dev/stdout, a FIFO) is written through, unbuffered by any
// temporary file. With Options.NoFollow neither is: both are refused.
//
// The temporary file is named .NAME.tmp-PID-RANDOM beside the target, so that one a
// killed writer left behind can be told from one being written (RemoveStale). No error
// ever names it: errors name the target.
func Create(path string, perm fs.FileMode, opts Options) (*File, error) {
	if opts.NoClobber {
		if _, err := os.Lstat(path); err == nil {
			return nil, fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	if opts.NoFollow {
		fi, err := os.Lstat(path)
		switch {
		case err == nil && !fi.Mode().IsRegular():
			return nil, &fs.PathError{Op: "write", Path: path, Err: ErrNotRegular}
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
		return createTemp(path, perm, opts)
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
	return createTemp(path, perm, opts)
}

// tempPrefix is how the temporary files of a target named base start; the writer's
// process id and a random number follow.
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// createTemp makes the temporary file of path, in path's folder.
func createTemp(path string, perm fs.FileMode, opts Options) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStaleOf(dir, base, time.Now()) // what a killed writer of this file left
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return nil, folderError(path, dir, err)
	}
	f := &File{tmp: tmp, path: path, noClob: opts.NoClobber}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, f.named(err)
	}
	return f, nil
}

// FolderError is a file that cannot be made in its folder: the folder is missing, is not
// a folder, or may not be written. Its message names the folder, never the temporary
// file; callers name the file (as in "cannot write FILE: the folder out does not exist").
type FolderError struct {
	Path, Dir string
	Err       error
}

func (e *FolderError) Error() string {
	dir := filepath.Clean(e.Dir)
	switch {
	case errors.Is(e.Err, fs.ErrNotExist) && !isDir(dir):
		return fmt.Sprintf("the folder %s does not exist", dir)
	case errors.Is(e.Err, fs.ErrNotExist):
		// The folder is there and still has no room for a file: /proc, /sys.
		return fmt.Sprintf("cannot make a file in the folder %s", dir)
	case errors.Is(e.Err, syscall.ENOTDIR):
		return fmt.Sprintf("%s is not a folder", dir)
	case errors.Is(e.Err, fs.ErrPermission):
		return fmt.Sprintf("no permission to write in the folder %s", dir)
	default:
		return fmt.Sprintf("cannot make a file in the folder %s: %v", dir, e.Err)
	}
}

func (e *FolderError) Unwrap() error { return e.Err }

// isDir reports whether path is a folder (following links).
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// folderError turns the failure to create the temporary file into one about the folder.
func folderError(path, dir string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &FolderError{Path: path, Dir: dir, Err: err}
}

// named rewrites an error about the temporary file to name the target.
func (f *File) named(err error) error {
	var (
		pe *fs.PathError
		le *os.LinkError
	)
	switch {
	case errors.As(err, &le):
		return &fs.PathError{Op: le.Op, Path: f.path, Err: le.Err}
	case errors.As(err, &pe):
		return &fs.PathError{Op: pe.Op, Path: f.path, Err: pe.Err}
	}
	return err
}

// WritesThrough reports whether the target is not a regular file and is written directly.
func (f *File) WritesThrough() bool { return f.through }

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	n, err := f.tmp.Write(p)
	if err != nil {
		err = f.named(err) // name the target, not the temporary file
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
			err = f.named(cerr)
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
		var exists *existsError
		if errors.As(err, &exists) {
			return err
		}
		return f.named(err)
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
		return &existsError{f.path}
	}
	if _, err := os.Lstat(f.path); err == nil {
		return &existsError{f.path}
	}
	return os.Rename(name, f.path)
}

// existsError is ErrExists naming the target.
type existsError struct{ path string }

func (e *existsError) Error() string { return e.path + ": " + ErrExists.Error() }
func (e *existsError) Unwrap() error { return ErrExists }

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
