package cmd

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/atomicfile"
	"github.com/pmladder/pmladder/rubric"
)

// RubricInitOptions are the inputs of `rubric init`.
type RubricInitOptions struct {
	IO    *IOStreams
	File  string
	Force bool
}

// NewCmdRubricInit writes the built-in rubric as a starting point for an organisation's own.
// runF, when set, runs instead of the command.
func NewCmdRubricInit(f *Factory, runF func(*RubricInitOptions) error) *cobra.Command {
	opts := &RubricInitOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write the built-in rubric, to edit into your own ladder",
		Long: `Write the built-in rubric, comments included, to FILE (or stdout), as the starting point
for your organisation's own ladder. An existing FILE is kept unless --force is given.`,
		Example: `  pmladder rubric init my-ladder.yaml
  $EDITOR my-ladder.yaml
  pmladder rubric validate my-ladder.yaml
  pmladder assess --rubric my-ladder.yaml`,
		Args: usageArgs(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return rubricInitRun(opts)
		},
	}
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "overwrite FILE if it exists")
	return c
}

func rubricInitRun(opts *RubricInitOptions) error {
	data := rubric.DefaultYAML()
	if opts.File == "" || opts.File == "-" {
		_, err := opts.IO.Out.Write(data)
		return err
	}
	err := atomicfile.WriteFile(opts.File, data, 0o644, atomicfile.Options{NoClobber: !opts.Force})
	if errors.Is(err, atomicfile.ErrExists) {
		return fmt.Errorf("%s already exists; use --force to overwrite it", opts.File)
	}
	if err != nil {
		return fmt.Errorf("cannot write rubric: %w", err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s; check your edits with: pmladder rubric validate %s\n", opts.File, opts.File)
	return nil
}
