//go:build !unix

package inputfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Without O_NOFOLLOW and O_NONBLOCK the checks before and after opening stand alone.
const (
	oNoFollow = 0
	oNonBlock = 0
)

func isLoop(err error) bool { return false }

// openInFolder, without openat, checks the path as OpenNoFollow does.
func openInFolder(dir, name string) (*os.File, error) {
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return nil, &os.PathError{Op: "read", Path: dir, Err: ErrSymlink}
	}
	return OpenNoFollow(filepath.Join(dir, name))
}
