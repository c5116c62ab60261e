// Package inputfile reads the files a user names, with the limits a tool that reads
// personal data from anywhere needs: only regular files (never a device, a FIFO or a
// socket, which would block or never end) and documents of at most MaxSize bytes, so that
// /dev/zero or a runaway export cannot eat the machine's memory.
//
// The files a program keeps for itself (pmladder's data directory) are read with
// ReadFileNoFollow, which also refuses a symbolic link: a link planted there is never
// followed out of the folder.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// MaxSize is the largest document (a rubric, an answers file, a config file, stdin) read
// whole: 64 MiB, far beyond any real one. Team sheets stream and have no such limit.
const MaxSize = 64 << 20

// ErrNotRegular is returned for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrDirectory is returned for a folder.
var ErrDirectory = errors.New("is a directory")

// ErrSymlink is returned by OpenNoFollow and ReadFileNoFollow for a symbolic link.
var ErrSymlink = errors.New("is a symbolic link")

// ErrTooLarge is returned for a document over MaxSize.
var ErrTooLarge = fmt.Errorf("larger than %d MiB", MaxSize>>20)

// Open opens a regular file for reading; a symbolic link is followed.
func Open(path string) (*os.File, error) {
	fi, err := os.Stat(path) // before opening: opening a FIFO would block
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			pe.Op = "open"
		}
		return nil, err
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	return openChecked(path, 0, fi)
}

// OpenNoFollow opens a regular file for reading, refusing a symbolic link (ErrSymlink)
// and anything else that is not a regular file (ErrNotRegular) without blocking, even if
// the file is swapped for a link or a FIFO between the check and the opening.
func OpenNoFollow(path string) (*os.File, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			pe.Op = "open"
		}
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrSymlink}
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	return openChecked(path, oNoFollow, fi)
}

// regular refuses what is not a regular file.
func regular(path string, fi fs.FileInfo) error {
	switch {
	case fi.Mode().IsRegular():
		return nil
	case fi.IsDir():
		return &os.PathError{Op: "read", Path: path, Err: ErrDirectory}
	default:
		return &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
}

// openChecked opens path without blocking (a FIFO put there since fi was taken opens at
// once and is then refused) and checks that what was opened is the regular file fi.
func openChecked(path string, flags int, fi fs.FileInfo) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|oNonBlock|flags, 0)
	if err != nil {
		if isLoop(err) {
			return nil, &os.PathError{Op: "read", Path: path, Err: ErrSymlink}
		}
		return nil, err
	}
	got, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !got.Mode().IsRegular() || !os.SameFile(fi, got) {
		f.Close()
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	return f, nil
}

// ReadFile reads a whole regular file of at most MaxSize bytes; a symbolic link is
// followed.
func ReadFile(path string) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	return readClose(path, f)
}

// ReadFileNoFollow is ReadFile for a program's own files: a symbolic link is refused
// (ErrSymlink), never followed.
func ReadFileNoFollow(path string) ([]byte, error) {
	f, err := OpenNoFollow(path)
	if err != nil {
		return nil, err
	}
	return readClose(path, f)
}

func readClose(path string, f *os.File) ([]byte, error) {
	defer f.Close()
	data, err := ReadAll(f)
	if errors.Is(err, ErrTooLarge) {
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrTooLarge}
	}
	return data, err
}

// ReadAll reads r to its end, at most MaxSize bytes.
func ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	return data, nil
}

// ReadFileInFolder is ReadFileNoFollow for name in the folder dir, where neither the
// folder's last element nor name may be a symbolic link: on Unix the folder is opened
// without following a link and the file is opened relative to that descriptor, so that a
// folder or a file swapped for a link at any moment is refused (ErrSymlink on the path
// that is one), never followed. The data is read from the one descriptor opened.
func ReadFileInFolder(dir, name string) ([]byte, error) {
	path := filepath.Join(dir, name)
	f, err := openInFolder(dir, name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if err := regular(path, fi); err != nil {
		f.Close()
		return nil, err
	}
	return readClose(path, f)
}
