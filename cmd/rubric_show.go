package cmd

import (
	"strings"

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
}

// NewCmdRubricShow shows the skills × roles matrix, or one role's expectations.
func NewCmdRubricShow(f *Factory) *cobra.Command {
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
			if opts.Rubric, err = f.Rubric(cmd); err != nil {
				return err
			}
			if opts.Report, err = reportOptions(f, cmd); err != nil {
				return err
			}
			return rubricShowRun(opts, cmd.CommandPath())
		},
	}
	c.Flags().StringVar(&opts.Role, "role", "", "show only what `ROLE` expects")
	return c
}

func rubricShowRun(opts *RubricShowOptions, cmdPath string) error {
	if opts.Role == "" {
		return reports.RubricMatrix(opts.IO.Out, opts.Rubric, opts.Report)
	}
	ro := opts.Rubric.Role(opts.Role)
	if ro == nil {
		return usageErrorf(cmdPath, "unknown role %q (roles: %s)", opts.Role, roleIDs(opts.Rubric))
	}
	return reports.RoleExpectations(opts.IO.Out, opts.Rubric, ro, opts.Report)
}

// roleIDs lists a rubric's role ids for messages.
func roleIDs(r *rubric.Rubric) string {
	ids := make([]string, len(r.Roles))
	for i := range r.Roles {
		ids[i] = r.Roles[i].ID
	}
	return strings.Join(ids, ", ")
}

// reportOptions resolves colour and width for terminal renderers.
func reportOptions(f *Factory, cmd *cobra.Command) (reports.Options, error) {
	color, err := f.Color(cmd)
	return reports.Options{Color: color, Width: f.IO.Width}, err
}
