package cmd

import (
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams carries a command's input and outputs and whether each is a terminal, so that
// commands never touch os.Stdin/Stdout directly and tests can pass buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	InTTY, OutTTY, ErrTTY bool
	// Width is the terminal's width in columns when Out is a terminal, else 0; ErrWidth
	// the same for ErrOut, where the interview is drawn.
	Width, ErrWidth int
	// Height is the terminal's height in rows when Out is a terminal, else 0.
	Height int
	// Pager, when set, is the command a report taller than the terminal is shown through
	// (pager.go); PagerEnv is the environment it runs with.
	Pager    string
	PagerEnv []string
}

// SystemIO returns the process's standard streams.
func SystemIO() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	s.InTTY = term.IsTerminal(int(os.Stdin.Fd()))
	s.OutTTY = term.IsTerminal(int(os.Stdout.Fd()))
	s.ErrTTY = term.IsTerminal(int(os.Stderr.Fd()))
	if s.OutTTY {
		if w, h, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.Width, s.Height = w, h
		}
	}
	if s.ErrTTY {
		if w, _, err := term.GetSize(int(os.Stderr.Fd())); err == nil {
			s.ErrWidth = w
		}
	}
	return s
}
