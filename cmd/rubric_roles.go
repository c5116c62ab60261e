package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// RubricRolesOptions are the inputs of `rubric roles`.
type RubricRolesOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Report reports.Options
}

// NewCmdRubricRoles shows the role graph: tracks, levels, next steps, lateral roles.
// runF, when set, runs instead of rubricRolesRun.
func NewCmdRubricRoles(f *Factory, runF func(*RubricRolesOptions) error) *cobra.Command {
	opts := &RubricRolesOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "roles",
		Short: "Show the career ladder: tracks, levels, next steps and lateral roles",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, err = f.Rubric(); err != nil {
				return err
			}
			opts.Report = f.terminal()
			if runF != nil {
				return runF(opts)
			}
			return rubricRolesRun(opts)
		},
	}
}

func rubricRolesRun(opts *RubricRolesOptions) error {
	return writeStdout(opts.IO, func(w io.Writer) error { return reports.RoleGraph(w, opts.Rubric, opts.Report) })
}
