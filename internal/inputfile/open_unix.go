//go:build unix

package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"
)

// oNoFollow makes open fail (ELOOP) on a symbolic link; oNonBlock makes opening a FIFO
// return at once instead of waiting for a writer.
const (
	oNoFollow = syscall.O_NOFOLLOW
	oNonBlock = syscall.O_NONBLOCK
)

func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }

// openInFolder opens dir without following a link (O_DIRECTORY|O_NOFOLLOW), then name
// relative to it without following a link and without blocking on a FIFO.
func openInFolder(dir, name string) (*os.File, error) {
	dfd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "read", Path: dir, Err: folderError(err)}
	}
	defer unix.Close(dfd)
	path := filepath.Join(dir, name)
	// Looked at before it is opened: a device or a FIFO is never opened.
	var st unix.Stat_t
	if err := unix.Fstatat(dfd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	switch st.Mode & unix.S_IFMT {
	case unix.S_IFREG:
	case unix.S_IFLNK:
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrSymlink}
	case unix.S_IFDIR:
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrDirectory}
	default:
		return nil, &os.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	var fd int
	for {
		fd, err = unix.Openat(dfd, name, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		if err == unix.ELOOP {
			err = ErrSymlink
		}
		op := "read"
		if errors.Is(err, fs.ErrNotExist) {
			op = "open"
		}
		return nil, &os.PathError{Op: op, Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// folderError is what opening a folder without following a link failed with: a link
// (ELOOP, or ENOTDIR on systems that report a link so) is ErrSymlink, any other
// non-folder ErrNotRegular.
func folderError(err error) error {
	switch err {
	case unix.ELOOP:
		return ErrSymlink
	case unix.ENOTDIR:
		return ErrNotRegular
	}
	return err
}
