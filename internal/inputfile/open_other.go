//go:build !unix

package inputfile

// Without O_NOFOLLOW and O_NONBLOCK the checks before and after opening stand alone.
const (
	oNoFollow = 0
	oNonBlock = 0
)

func isLoop(err error) bool { return false }
