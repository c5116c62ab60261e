// Package inputfile reads the files a user names, with the limits a tool that reads
// personal data from anywhere needs: only regular files (never a device, a FIFO or a
// socket, which would block or never end) and documents of at most MaxSize bytes, so that
// /dev/zero or a runaway export cannot eat the machine's memory.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxSize is the largest document (a rubric, an answers file, a config file, stdin) read
// whole: 64 MiB, far beyond any real one. Team sheets stream and have no such limit.
const MaxSize = 64 << 20

// ErrNotRegular is returned for a path that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned for a document over MaxSize.
var ErrTooLarge = fmt.Errorf("larger than %d MiB", MaxSize>>20)

// Open opens a regular file for reading.
func Open(path string) (*os.File, error) {
	fi, err := os.Stat(path) // before opening: opening a FIFO would block
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			pe.Op = "open"
		}
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return nil, &os.PathError{Op: "read", Path: path, Err: errors.New("is a directory")}
		}
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	return os.Open(path)
}

// ReadFile reads a whole regular file of at most MaxSize bytes.
func ReadFile(path string) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
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
