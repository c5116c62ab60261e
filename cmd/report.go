package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// ReportOptions are the inputs of `report`.
type ReportOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Store  *store.Store
	File   string
	// Person is whose latest assessment "latest" is: --person, else the name setting,
	// else the only person in the history.
	Person string
	// Assessor is whose assessment "latest" is: self unless --assessor says otherwise.
	Assessor string
	Roles    roleFlags
	// Was reads the answers under an old version of the ladder and shows them under it
	// and under the rubric in force (was.go).
	Was wasFlags
	// WhatIf adds the what-if toward the target (docs/scoring.md, rule 16).
	WhatIf bool
	Out    outputFlags
	Output reports.Output

	cmdPath string
}

// NewCmdReport re-renders a saved assessment or any answers file.
// runF, when set, runs instead of reportRun.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "report [FILE|latest]",
		Short: "Print the report of a saved assessment or an answers file again",
		Long: `Print the report of a saved assessment (the latest by default) or of any answers file,
scored against the current rubric: for example toward another target with --target, or as
JSON for a script.`,
		Example: `  pmladder report
  pmladder report latest --target principal-pm
  pmladder report --what-if
  pmladder report ~/.local/share/pmladder/assessments/20261122T100405Z_ada_self.yaml --format json
  pmladder report ada-2026.yaml --rubric ladder-2027.yaml --was ladder-2026.yaml --map ladder-map.yaml`,
		Args:              usageArgs(cobra.MaximumNArgs(1)),
		ValidArgsFunction: forArgs(1, f.completeSaved),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.Was.check(cmd, &opts.Out, "report --was", reports.Formats[*reports.TeamVersions](), "what-if"); err != nil {
				return err
			}
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			if err := checkWhatIf(cmd, opts.WhatIf, &opts.Out, &opts.Output); err != nil {
				return err
			}
			opts.Store, opts.cmdPath = f.Store(), cmd.CommandPath()
			if opts.Person == "" {
				opts.Person = f.Settings.Name
			}
			opts.File = "latest"
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	registerAssessor(c, &opts.Assessor, string(assess.Self), whoseUsage)
	c.Flags().StringVar(&opts.Person, "person", "", "whose latest assessment to show (default: the name setting, else the only person)")
	opts.Was.register(c, "the role held, target readiness and top gaps under it and under the --rubric in force")
	c.Flags().BoolVar(&opts.WhatIf, "what-if", false, "add what one step on each skill does to the target's readiness, and the fewest steps that hold it")
	opts.Roles.register(c, f, true)
	opts.Out.register(c, reports.Formats[*reports.Person]())
	return c
}

func reportRun(opts *ReportOptions) error {
	if err := opts.Roles.check(opts.cmdPath, opts.Rubric); err != nil {
		return err
	}
	if err := checkAssessor(opts.cmdPath, &opts.Assessor); err != nil {
		return err
	}
	path := opts.File
	var data []byte // the latest file, read when chosen
	if path == "latest" {
		var err error
		if path, data, err = latestOf(opts.Store, opts.Person, opts.Assessor, opts.cmdPath); err != nil {
			return err
		}
	} else {
		path, _ = opts.Store.Resolve(path)
	}
	opts.Out.readsFrom(path)
	carry, err := opts.Was.carry(opts.cmdPath, opts.Rubric, &opts.Out)
	if err != nil {
		return err
	}
	if carry != nil {
		return reportWasRun(opts, path, data, carry)
	}
	a, err := readSaved(opts.IO, opts.Store, path, data, opts.Rubric)
	if err != nil {
		return err
	}
	scoring := opts.Roles.scoreOptions()
	res := assess.Score(opts.Rubric, a, scoring)
	view := reports.NewPerson(res)
	if opts.WhatIf {
		view.WithWhatIf(assess.WhatIfOf(res, scoring))
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, view) })
}

// checkWhatIf refuses --what-if in a format that has no place for it (CSV: one row per
// skill), before anything is read or written; when only the format setting asked for
// CSV, the report takes its default format instead (the flag is the more specific wish).
func checkWhatIf(cmd *cobra.Command, whatIf bool, flags *outputFlags, out *reports.Output) error {
	if !whatIf || out.Format != reports.CSV {
		return nil
	}
	if flags.bySetting {
		out.Format = flags.formats[0]
		return nil
	}
	var shown []reports.Format
	for _, f := range reports.Formats[*reports.Person]() {
		if f != reports.CSV {
			shown = append(shown, f)
		}
	}
	return usageErrorf(cmd.CommandPath(), "--what-if is shown in %s, not csv", reports.FormatList(shown))
}

// reportWasRun reads answers written for an old version of the ladder under it, carries
// them to the rubric in force and shows the person under both; what has no place in the
// new version is named on stderr and in the report.
func reportWasRun(opts *ReportOptions, path string, data []byte, carry *assess.Carry) error {
	a, err := readSaved(opts.IO, opts.Store, path, data, carry.Old)
	if err != nil {
		return err
	}
	oldOpts, newOpts := versionOptions(opts.IO.ErrOut, &opts.Roles, carry)
	view := reports.NewTeamVersions(carry.Old, carry.New)
	lost := view.Add(reports.NewVersionScorer(carry, oldOpts, newOpts), a)
	name := path
	if path == "-" {
		name = "stdin"
	}
	warnLostOne(opts.IO.ErrOut, name, carry, lost)
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, view) })
}
