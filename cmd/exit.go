package cmd

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/reports"
)

// Exit statuses, listed in `pmladder --help`.
const (
	ExitOK          = 0
	ExitFailure     = 1   // I/O or internal failure
	ExitInvalid     = 2   // invalid usage or invalid input
	ExitInterrupted = 130 // interrupted (Ctrl-C, SIGTERM, input ended); an interview's draft is kept
	// ExitBrokenPipe: the reader of stdout went away (| head): pmladder stops quietly, as a
	// program killed by SIGPIPE would, but only after removing its temporary files.
	ExitBrokenPipe = 141
)

const exitHelp = `Exit status:
  0    done
  1    failure (I/O, internal)
  2    invalid usage or invalid input (flags, rubric, answers, sheets)
  130  interview not finished (Ctrl-C, SIGTERM, SIGHUP or input ended); the draft is kept;
       a team review interrupted, leaving nothing behind
  141  the reader of the output stopped early (| head); nothing is left behind`

// usageError is a mistake on the command line. hint names the command whose help to read.
type usageError struct {
	err  error
	hint string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(cmdPath, format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...), hint: cmdPath}
}

// interruptedError reports an unfinished interview; its message says how to resume.
type interruptedError struct{ msg string }

func (e *interruptedError) Error() string { return e.msg }

// exitCode is the one place that maps errors to exit statuses.
func exitCode(err error) int {
	var (
		list  problem.List
		prob  *problem.Problem
		usage *usageError
		intr  *interruptedError
		// A format a report lacks is refused before anything is written (outputFlags);
		// should one reach a writer all the same, it is still invalid usage.
		format *reports.FormatError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, syscall.EPIPE):
		return ExitBrokenPipe
	case errors.As(err, &intr):
		return ExitInterrupted
	case errors.As(err, &list), errors.As(err, &prob), errors.As(err, &usage), errors.As(err, &format):
		return ExitInvalid
	default:
		return ExitFailure
	}
}

// printError writes err to w, one `pmladder: ` line per line of the message, and for
// usage errors a pointer to the help.
func printError(w io.Writer, err error) {
	if errors.Is(err, syscall.EPIPE) {
		return // the reader stopped reading: nothing to tell them
	}
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		// A path from the command line may hold an ESC or a bidi override: shown escaped.
		fmt.Fprintf(w, "pmladder: %s\n", printable.String(line))
	}
	var usage *usageError
	if errors.As(err, &usage) && usage.hint != "" {
		fmt.Fprintf(w, "pmladder: run '%s --help' for usage\n", usage.hint)
	}
}
