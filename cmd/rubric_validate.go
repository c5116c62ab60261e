package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// RubricValidateOptions are the inputs of `rubric validate`.
type RubricValidateOptions struct {
	IO    *IOStreams
	Files []string
}

// NewCmdRubricValidate checks rubric files and reports every problem in each.
// runF, when set, runs instead of the command.
func NewCmdRubricValidate(f *Factory, runF func(*RubricValidateOptions) error) *cobra.Command {
	opts := &RubricValidateOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check rubric files and report every problem with its line",
		Long: `Check rubric files and report every problem with its line, as FILE:LINE: message, on
stderr. Nothing is written to stdout; the exit status is 0 when every file is valid and 2
when any is not. "-" reads standard input.`,
		Example: `  pmladder rubric validate my-ladder.yaml`,
		Args:    usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if runF != nil {
				return runF(opts)
			}
			return rubricValidateRun(opts)
		},
	}
}

func rubricValidateRun(opts *RubricValidateOptions) error {
	var all problem.List
	var unreadable []error
	for _, file := range opts.Files {
		name, data, err := readInput(opts.IO, file)
		if err != nil {
			// Every other file is still checked; the failure to read is reported last.
			unreadable = append(unreadable, fmt.Errorf("cannot read rubric: %w", err))
			continue
		}
		r, err := rubric.Parse(name, data)
		var list problem.List
		switch {
		case errors.As(err, &list):
			all = append(all, list...)
		case err != nil:
			return err
		default:
			fmt.Fprintf(opts.IO.ErrOut, "%s: valid: %d skills, %d questions, %d roles, %d certifications\n",
				name, len(r.Skills()), len(r.Questions()), len(r.Roles), len(r.Certifications))
		}
	}
	if len(unreadable) > 0 {
		return &readFailures{problems: all.Err(), failures: unreadable}
	}
	if len(all) == 0 {
		return nil
	}
	return all
}

// readFailures reports files that could not be read (exit 1) after the problems of the
// files that could (which alone would be exit 2).
type readFailures struct {
	problems error
	failures []error
}

func (e *readFailures) Error() string {
	var lines []string
	if e.problems != nil {
		lines = append(lines, e.problems.Error())
	}
	for _, f := range e.failures {
		lines = append(lines, f.Error())
	}
	return strings.Join(lines, "\n")
}
