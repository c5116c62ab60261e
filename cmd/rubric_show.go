package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// RubricShowOptions are the inputs of `rubric show`.
type RubricShowOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Role   string
	Report reports.Options

	cmdPath string
}

// NewCmdRubricShow shows the skills × roles matrix, or one role's expectations.
// runF, when set, runs instead of rubricShowRun.
func NewCmdRubricShow(f *Factory, runF func(*RubricShowOptions) error) *cobra.Command {
	opts := &RubricShowOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "show [--role ROLE]",
		Short: "Show what each role expects of each skill",
		Example: `  pmladder rubric show
  pmladder rubric show --role senior-pm
  pmladder rubric show --rubric my-ladder.yaml`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, err = f.Rubric(); err != nil {
				return err
			}
			opts.Report, opts.cmdPath = f.terminal(), cmd.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return rubricShowRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Role, "role", "", "show only what `ROLE` expects")
	c.RegisterFlagCompletionFunc("role", f.completeRoles)
	return c
}

func rubricShowRun(opts *RubricShowOptions) error {
	if opts.Role == "" {
		return writeStdout(opts.IO, func(w io.Writer) error { return reports.RubricMatrix(w, opts.Rubric, opts.Report) })
	}
	ro := opts.Rubric.Role(opts.Role)
	if ro == nil {
		return usageErrorf(opts.cmdPath, "unknown role %q (roles: %s)", opts.Role, opts.Rubric.RoleList())
	}
	return writeStdout(opts.IO, func(w io.Writer) error { return reports.RoleExpectations(w, opts.Rubric, ro, opts.Report) })
}
