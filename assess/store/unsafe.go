package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/internal/printable"
)

// UnsafeFileError is something other than a regular file (a symbolic link, a FIFO, a
// device, a socket, a folder) where the store keeps one of its files, or other than a
// folder where it keeps one of its folders. The store never reads, writes or waits on it:
// with a data directory others can write to, a link planted there could otherwise make
// pmladder overwrite or reveal a file of its user's anywhere (docs/cli.md, "Files").
type UnsafeFileError struct {
	Path string
	Mode fs.FileMode
	// Folder is set when one of the store's folders is meant.
	Folder bool
}

func (e *UnsafeFileError) Error() string {
	what := "a file"
	if e.Folder {
		what = "a folder"
	}
	return fmt.Sprintf("%s: %s, not %s pmladder made: it is never read or written through (move it out of the data directory)",
		ShownPath(e.Path), kind(e.Mode), what)
}

// kind names what a file is.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a file"
	}
	return "not a regular file"
}

// unsafeFile is the *UnsafeFileError for path, described as it is now, or err when path
// turns out to be a regular file after all (it changed meanwhile).
func unsafeFile(path string, err error) error {
	fi, lerr := os.Lstat(path)
	if lerr != nil || fi.Mode().IsRegular() {
		return err
	}
	return &UnsafeFileError{Path: path, Mode: fi.Mode()}
}

// readOwn reads one of the store's files through the same guarded reader as the files a
// user names (regular files only, at most inputfile.MaxSize), never through a link: its
// folder is opened without following a link and the file from that folder's descriptor,
// so that neither can be swapped for a link while it is read.
func readOwn(path string) ([]byte, error) {
	dir := filepath.Dir(path)
	data, err := inputfile.ReadFileInFolder(dir, filepath.Base(path))
	if errors.Is(err, inputfile.ErrSymlink) || errors.Is(err, inputfile.ErrNotRegular) || errors.Is(err, inputfile.ErrDirectory) {
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Path == dir {
			if ferr := ownFolder(dir); ferr != nil {
				return nil, ferr
			}
			return nil, err
		}
		return nil, unsafeFile(path, err)
	}
	return data, err
}

// Shown is a name as a message prints it: control characters escaped (a line break is
// \n, ESC \x1b), so that a name read from a file cannot break a message in two or drive
// the terminal, and cut after 40 characters, as problem.Quote cuts.
func Shown(s string) string {
	if r := []rune(s); len(r) > 40 {
		return printable.String(string(r[:40])) + "…"
	}
	return printable.String(s)
}

// ShownPath is a path as a message prints it: control characters escaped, never cut (it
// has to name the file).
func ShownPath(path string) string { return printable.String(path) }
