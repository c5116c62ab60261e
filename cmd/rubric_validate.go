package cmd

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// RubricValidateOptions are the inputs of `rubric validate`.
type RubricValidateOptions struct {
	IO    *IOStreams
	Files []string
	// BuiltIn checks the built-in ladder: no FILE was given and no rubric is configured.
	BuiltIn bool
	// Strict makes the ladder-design warnings errors (exit 2).
	Strict bool
}

// NewCmdRubricValidate checks rubric files and reports every problem in each.
// runF, when set, runs instead of the command.
func NewCmdRubricValidate(f *Factory, runF func(*RubricValidateOptions) error) *cobra.Command {
	opts := &RubricValidateOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: "Check rubric files and report every problem with its line",
		Long: `Check rubric files and report every problem with its line, as FILE:LINE: message, on
stderr. Nothing is written to stdout; the exit status is 0 when every file is valid and 2
when any is not. "-" reads standard input. Without FILE, the rubric in force is checked:
--rubric or the rubric setting, else the built-in ladder.

A valid file may still have ladder-design smells, reported as FILE:LINE: warning: message
(exit 0): a core skill expected at the top of the scale, a step up a skill with no action,
two statements of a question next to each other that say nearly the same thing, a track
that tops out below another, a role whose next roles are all on other tracks, a
certification whose primary skills no role expects. --strict makes them errors (exit 2).`,
		Example: `  pmladder rubric validate my-ladder.yaml
  pmladder rubric validate --strict my-ladder.yaml
  pmladder rubric validate --strict              # the built-in ladder`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			if len(args) == 0 {
				if f.Settings.Rubric != "" {
					opts.Files = []string{f.Settings.Rubric}
				} else {
					opts.BuiltIn = true
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return rubricValidateRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat ladder-design warnings as errors (exit 2)")
	return cmd
}

func rubricValidateRun(opts *RubricValidateOptions) error {
	var all problem.List
	var unreadable []error
	if opts.BuiltIn {
		r, err := rubric.Default()
		if err != nil {
			return fmt.Errorf("internal error: the built-in rubric is invalid: %w", err)
		}
		all = append(all, reportLint(opts, "built-in ladder", r)...)
	}
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
			all = append(all, reportLint(opts, name, r)...)
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

// reportLint prints a valid rubric's ladder-design warnings and that it is valid; with
// --strict the warnings are returned as problems instead.
func reportLint(opts *RubricValidateOptions, name string, r *rubric.Rubric) problem.List {
	warnings := r.Lint()
	if opts.Strict && len(warnings) > 0 {
		return warnings
	}
	for _, w := range warnings {
		fmt.Fprintf(opts.IO.ErrOut, "pmladder: %s\n", w)
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s: valid: %s, %s, %s, %s\n", name,
		words.Count(len(r.Skills()), "skill", "skills"), words.Count(len(r.Questions()), "question", "questions"),
		words.Count(len(r.Roles), "role", "roles"), words.Count(len(r.Certifications), "certification", "certifications"))
	return nil
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
