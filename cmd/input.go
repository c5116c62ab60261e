package cmd

import (
	"fmt"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/rubric"
)

// readInput reads a file named on the command line, "-" being stdin, and returns the
// name to give it in messages.
func readInput(streams *IOStreams, file string) (name string, data []byte, err error) {
	if file == "-" {
		data, err = inputfile.ReadAll(streams.In)
		return "stdin", data, err
	}
	data, err = inputfile.ReadFile(file)
	return file, data, err
}

// readAnswers reads and checks an answers file named on the command line, "-" being
// stdin; warnings go to stderr.
func readAnswers(streams *IOStreams, file string, r *rubric.Rubric) (*assess.Answers, error) {
	name, data, err := readInput(streams, file)
	if err != nil {
		return nil, fmt.Errorf("cannot read answers: %w", err)
	}
	a, warnings, err := input.ParseAnswers(name, data, r)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		warnf(streams.ErrOut, "%s", w)
	}
	if assess.FutureDate(a.Date) {
		warnf(streams.ErrOut, "%s: the date %s is in the future", name, a.Date.Format("2006-01-02"))
	}
	return a, nil
}
