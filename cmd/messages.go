package cmd

import (
	"fmt"
	"io"
)

// Text for people, as opposed to data, follows one set of rules (docs/cli.md, "Messages"): it goes to
// stderr, starts "pmladder: ", is lower case and has no trailing period; text from input
// files is printed with control characters escaped. warnf and infof write it, so no
// command types the prefix by hand. (Errors are printed once, by Run.)

// warnf writes a warning: something the user should know that did not stop the command.
func warnf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "pmladder: warning: "+format+"\n", args...)
}

// infof writes a notice, such as a skipped row.
func infof(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "pmladder: "+format+"\n", args...)
}
