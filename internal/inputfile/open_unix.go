//go:build unix

package inputfile

import (
	"errors"
	"syscall"
)

// oNoFollow makes open fail (ELOOP) on a symbolic link; oNonBlock makes opening a FIFO
// return at once instead of waiting for a writer.
const (
	oNoFollow = syscall.O_NOFOLLOW
	oNonBlock = syscall.O_NONBLOCK
)

func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }
