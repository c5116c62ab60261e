package assess

import "errors"

// ErrInterrupted is returned when the person stops the work: Ctrl-C, SIGTERM or the end of
// the input during an interview (its answers so far are in the draft), or a cancelled team
// review. The command line maps it to exit status 130.
var ErrInterrupted = errors.New("interview interrupted")
