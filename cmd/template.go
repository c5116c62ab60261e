package cmd

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// TemplateOptions are the inputs of `template`.
type TemplateOptions struct {
	IO       *IOStreams
	Rubric   *rubric.Rubric
	People   []string
	Assessor string
	// Rater names the manager or peer who will fill the sheet in (--rater).
	Rater  string
	Quick  bool
	Out    outputFlags
	Output reports.Output
}

// NewCmdTemplate writes a blank answer sheet for the current rubric.
// runF, when set, runs instead of templateRun.
func NewCmdTemplate(f *Factory, runF func(*TemplateOptions) error) *cobra.Command {
	opts := &TemplateOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "template",
		Short: "Write a blank answer sheet: a team CSV or workbook, or YAML to fill in an editor",
		Long: `Write a blank answer sheet for the current rubric. As CSV (the default) it is a team sheet:
the header person,assessor,date,current_role,target_role,track and a column per question,
with a row per name in --people, to fill in a spreadsheet and score with 'pmladder team'.
As a workbook (-o team.xlsx) it is the same sheet with a dropdown on every answer, each
question as a comment on its column, a Questions sheet with the statement of every score,
and a Roles sheet. As YAML it is an answers document per person with every question and
its anchored statements as comments, to fill in an editor.`,
		Example: `  pmladder template --people "Ada Lovelace,Grace Hopper" -o team.xlsx
  pmladder template --people "Ada Lovelace" --assessor peer --rater "Linus Torvalds" -o ada-by-linus.xlsx
  pmladder template --people "Ada Lovelace,Grace Hopper" > team.csv
  pmladder template --format yaml --people Ada > ada.yaml
  pmladder template --quick --excel -o team.csv`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			if err := checkAssessor(cmd.CommandPath(), &opts.Assessor); err != nil {
				return err
			}
			if opts.Rater = strings.TrimSpace(opts.Rater); opts.Rater != "" && assess.Assessor(opts.Assessor) == assess.Self {
				return usageErrorf(cmd.CommandPath(), "--rater names a manager or a peer: add --assessor manager or peer")
			}
			if !utf8.ValidString(opts.Rater) {
				return usageErrorf(cmd.CommandPath(), "--rater %q is not UTF-8 text", opts.Rater)
			}
			if runF != nil {
				return runF(opts)
			}
			return templateRun(opts)
		},
	}
	c.Flags().StringSliceVar(&opts.People, "people", nil, "one row (or document) per `NAME`, comma-separated or repeated")
	registerAssessor(c, &opts.Assessor, string(assess.Self), "who will answer: self, manager or peer")
	c.Flags().StringVar(&opts.Rater, "rater", "", "the `NAME` of the manager or peer who will fill it in (a rater column)")
	c.Flags().BoolVar(&opts.Quick, "quick", false, "only the first question of each skill")
	opts.Out.register(c, reports.Formats[*reports.Template]())
	return c
}

func templateRun(opts *TemplateOptions) error {
	var people []string
	for _, p := range opts.People {
		if !utf8.ValidString(p) {
			return usageErrorf("pmladder template", "--people %q is not UTF-8 text", p)
		}
		if p = strings.TrimSpace(p); p != "" {
			people = append(people, p)
		}
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error {
		return opts.Output.Write(w, reports.NewTemplate(opts.Rubric, reports.TemplateSheet{People: people, Assessor: assess.Assessor(opts.Assessor), Rater: opts.Rater, Quick: opts.Quick}))
	})
}
