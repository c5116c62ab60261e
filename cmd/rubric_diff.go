package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// RubricDiffOptions are the inputs of `rubric diff`.
type RubricDiffOptions struct {
	IO       *IOStreams
	Rubric   *rubric.Rubric
	From, To string
	Out      outputFlags
	Output   reports.Output

	cmdPath string
}

// NewCmdRubricDiff shows what changes between two roles.
// runF, when set, runs instead of rubricDiffRun.
func NewCmdRubricDiff(f *Factory, runF func(*RubricDiffOptions) error) *cobra.Command {
	opts := &RubricDiffOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "diff FROM TO",
		Short: "Show what changes from one role to another: expectations and what the work looks like",
		Long: `List the skills whose expectation differs between two roles, with both expectations and the
anchored statements at each level: what doing the skill looks like in each role. Before a
promotion conversation, diff your role and the next one.`,
		Example: `  pmladder rubric diff pm senior-pm
  pmladder rubric diff senior-pm group-pm --format markdown -o next-level.md`,
		Args:              usageArgs(cobra.ExactArgs(2)),
		ValidArgsFunction: forArgs(2, f.completeRoles),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.From, opts.To, opts.cmdPath = args[0], args[1], cmd.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return rubricDiffRun(opts)
		},
	}
	opts.Out.register(c, reports.Formats[*reports.RubricDiff]())
	return c
}

func rubricDiffRun(opts *RubricDiffOptions) error {
	r := opts.Rubric
	from, err := resolveRole(opts.cmdPath, "", opts.From, r)
	if err != nil {
		return err
	}
	to, err := resolveRole(opts.cmdPath, "", opts.To, r)
	if err != nil {
		return err
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error {
		return opts.Output.Write(w, reports.NewRubricDiff(r, r.Role(from), r.Role(to)))
	})
}
