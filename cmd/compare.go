package cmd

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// CompareOptions are the inputs of `compare`.
type CompareOptions struct {
	IO       *IOStreams
	Rubric   *rubric.Rubric
	Old, New string
	// Store and Person resolve "latest": the person's latest saved assessment.
	Store  *assess.Store
	Person string
	All    bool
	// AnyPerson allows comparing the assessments of different people.
	AnyPerson bool
	Roles     roleFlags
	Out       outputFlags
	Output    reports.Output

	cmdPath string
}

// NewCmdCompare compares two assessments.
// runF, when set, runs instead of compareRun.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "compare OLD NEW",
		Short: "Compare two assessments: growth over time, or self against manager",
		Long: `Compare two saved assessments or answers files skill by skill: the old score, the new one
and the change, the categories, and the readiness of both for NEW's target role.

When the assessors differ (a self-assessment and a manager's, say) it is a calibration: only
the skills where the two differ by a point or more are listed, the conversation a manager and
their report should have. --all lists every skill.`,
		Example: `  pmladder compare q2.yaml q4.yaml
  pmladder compare ada-self.yaml ada-manager.yaml
  pmladder compare ada-self.yaml ada-manager.yaml --all --format markdown`,
		Args:              usageArgs(cobra.ExactArgs(2)),
		ValidArgsFunction: forArgs(2, f.completeSaved),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Old, opts.New, opts.cmdPath = args[0], args[1], cmd.CommandPath()
			opts.Store, opts.Person = f.Store(), f.Settings.Name
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.All, "all", false, "in a calibration, list every skill, not only the disagreements")
	c.Flags().BoolVar(&opts.AnyPerson, "any-person", false, "compare the assessments of different people")
	opts.Roles.register(c, f, false)
	opts.Out.register(c, reports.PersonFormats())
	return c
}

func compareRun(opts *CompareOptions) error {
	if err := opts.Roles.check(opts.cmdPath, opts.Rubric); err != nil {
		return err
	}
	// "latest" is the latest saved assessment of the other file's person (of the name
	// setting, or of the only person, when both are latest).
	files := []*string{&opts.Old, &opts.New}
	answers := make([]*assess.Answers, 2)
	for i, f := range files {
		if *f == "latest" {
			continue
		}
		*f = opts.Store.Resolve(*f)
		opts.Out.readsFrom(*f)
		a, err := readAnswers(opts.IO, *f, opts.Rubric)
		if err != nil {
			return err
		}
		answers[i] = a
	}
	for i, f := range files {
		if answers[i] != nil {
			continue
		}
		person := opts.Person
		if other := answers[1-i]; other != nil {
			person = other.Person
		}
		path, err := latestOf(opts.Store, person, opts.cmdPath)
		if err != nil {
			return err
		}
		*f = path
		if answers[i], err = readAnswers(opts.IO, path, opts.Rubric); err != nil {
			return err
		}
	}
	old, new := answers[0], answers[1]
	if !opts.AnyPerson && !assess.SamePerson(old, new) {
		return usageErrorf(opts.cmdPath, "%s is of %q and %s of %q: a comparison is of one person (--any-person compares anyway)",
			opts.Old, old.Person, opts.New, new.Person)
	}
	cmp := assess.Compare(opts.Rubric, old, new, opts.Roles.scoreOptions(), opts.All)
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.WriteCompare(w, cmp, opts.All) })
}
