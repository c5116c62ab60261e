package cmd

import (
	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/reports"
)

// NewCmdRubricRoles shows the role graph: tracks, levels, next steps, lateral roles.
func NewCmdRubricRoles(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "roles",
		Short: "Show the career ladder: tracks, levels, next steps and lateral roles",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := f.Rubric(cmd)
			if err != nil {
				return err
			}
			opt, err := reportOptions(f, cmd)
			if err != nil {
				return err
			}
			return reports.RoleGraph(f.IO.Out, r, opt)
		},
	}
}
