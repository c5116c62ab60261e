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
	Out    outputFlags
	Output reports.Output

	cmdPath string
}

// NewCmdRubricShow shows the skills × roles matrix, or one role's expectations.
// runF, when set, runs instead of rubricShowRun.
func NewCmdRubricShow(f *Factory, runF func(*RubricShowOptions) error) *cobra.Command {
	opts := &RubricShowOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "show [--role ROLE]",
		Short: "Show what each role expects of each skill",
		Long: `Show the ladder: what each role expects of each skill, as a table on the terminal, or to
publish as Markdown, a self-contained HTML page, CSV for a spreadsheet or JSON (every
skill with its questions and anchored statements, every role with its expectations).
With --role, only what that role expects.`,
		Example: `  pmladder rubric show
  pmladder rubric show --role senior-pm
  pmladder rubric show --rubric my-ladder.yaml -o ladder.html`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.cmdPath = cmd.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return rubricShowRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Role, "role", "", "show only what `ROLE` expects")
	c.RegisterFlagCompletionFunc("role", f.completeRoles)
	opts.Out.register(c, reports.Formats[*reports.RubricShow]())
	return c
}

func rubricShowRun(opts *RubricShowOptions) error {
	var ro *rubric.Role
	if opts.Role != "" {
		if ro = opts.Rubric.Role(opts.Role); ro == nil {
			return usageErrorf(opts.cmdPath, "unknown role %q (roles: %s)", opts.Role, opts.Rubric.RoleList())
		}
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, reports.NewRubricShow(opts.Rubric, ro)) })
}
