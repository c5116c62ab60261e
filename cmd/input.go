package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/assess/store"
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
	return parseAnswers(streams, name, data, r)
}

// readSaved reads answers a command names or chose: a file of the store (a name from
// history, a path into its folders) through the store's own reader, which never follows
// a link there; any other path as readAnswers does (a link the user names is theirs to
// follow). data, when not nil, is the file already read (store.Latest's).
func readSaved(streams *IOStreams, st *store.Store, path string, data []byte, r *rubric.Rubric) (*assess.Answers, error) {
	if data == nil && st.Owns(path) {
		var err error
		if data, err = st.ReadOwn(path); err != nil {
			return nil, err
		}
	}
	if data == nil {
		return readAnswers(streams, path, r)
	}
	return parseAnswers(streams, path, data, r)
}

// parseAnswers checks the answers read from name; warnings go to stderr.
func parseAnswers(streams *IOStreams, name string, data []byte, r *rubric.Rubric) (*assess.Answers, error) {
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

// savedAssessment is a saved assessment as it was read: its path and answers.
type savedAssessment struct {
	path string
	a    *assess.Answers
}

// readEverySaved reads the saved files at paths under r, in order. One that does not
// read (say, written for another rubric) is named on stderr and skipped: it must not hide
// the others.
func readEverySaved(st *store.Store, paths []string, r *rubric.Rubric, errOut io.Writer) []savedAssessment {
	var out []savedAssessment
	for _, p := range paths {
		a, warnings, err := st.Load(p, r)
		if err != nil {
			warnf(errOut, "skipping %s", strings.ReplaceAll(err.Error(), "\n", "; "))
			continue
		}
		for _, w := range warnings {
			warnf(errOut, "%s", w)
		}
		out = append(out, savedAssessment{p, a})
	}
	return out
}
