package cmd

import (
	"github.com/spf13/cobra"
)

// NewCmdRubric groups the commands that show, check and create career ladders.
func NewCmdRubric(f *Factory) *cobra.Command {
	c := &cobra.Command{
		Use:   "rubric",
		Short: "Show, check, create and import career ladders (rubrics)",
		Long: `A rubric is a career ladder: the skills assessed, the questions that assess them, the roles
and what each expects, and the certifications that build skills. pmladder ships one for
product management; use your own with --rubric FILE or "rubric: FILE" in the config. A
ladder kept as a spreadsheet becomes a rubric with rubric import.`,
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	c.AddCommand(
		NewCmdRubricShow(f, nil),
		NewCmdRubricRoles(f, nil),
		NewCmdRubricDiff(f, nil),
		NewCmdRubricValidate(f, nil),
		NewCmdRubricInit(f, nil),
		NewCmdRubricImport(f, nil),
	)
	return c
}
