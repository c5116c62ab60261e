package cmd

import (
	"io"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// CompareOptions are the inputs of `compare`.
type CompareOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	// Files are the assessments: saved names, paths, or "latest".
	Files []string
	// Store and Person resolve "latest": the person's latest saved assessment.
	Store  *store.Store
	Person string
	// Assessor is whose assessment "latest" is: self unless --assessor says otherwise.
	Assessor string
	All      bool
	// MinPeers is the fewest peers shown as a group.
	MinPeers int
	// AnyPerson allows comparing the assessments of different people.
	AnyPerson bool
	Roles     roleFlags
	Out       outputFlags
	Output    reports.Output

	cmdPath string
}

// NewCmdCompare compares assessments of one person.
// runF, when set, runs instead of compareRun.
func NewCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "compare FILE FILE...",
		Short: "Compare assessments of one person: growth over time, or self, manager and peers",
		Long: `Compare saved assessments or answers files of one person skill by skill.

One assessor at different dates is growth: the files are put in date order and the first is
held against the last, with every skill's change, the categories and the readiness of both
for the newest one's target role.

Several assessors (a self-assessment, a manager's, peers') is a calibration: per skill the
self-rating, the manager's, the peers' as a group (mean, range and how many; only when at
least --min-peers rated the skill; with fewer, their ratings of it are left out of every
number, so that none can be read or worked out), the others' mean, the target's expectation and a
flag: a blind spot is a self-rating a point or more above the others' mean, a hidden
strength one a point or more below. Where the raters differ, the statements self and the
manager picked and their evidence are shown. Only the skills where the raters differ by a
point or more are listed; --all lists every skill. Peers are never named.`,
		Example: `  pmladder compare q2.yaml q4.yaml
  pmladder compare examples/ada-self.yaml examples/ada-manager.yaml
  pmladder compare examples/ada-self.yaml examples/ada-manager.yaml examples/ada-peer-*.yaml --format html -o 360.html
  pmladder compare latest examples/ada-manager.yaml --all --format markdown`,
		Args:              usageArgs(cobra.MinimumNArgs(2)),
		ValidArgsFunction: f.completeSaved,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Files, opts.cmdPath = args, cmd.CommandPath()
			opts.Store, opts.Person = f.Store(), f.Settings.Name
			if opts.MinPeers < 1 {
				return usageErrorf(cmd.CommandPath(), "--min-peers %d: want 1 or more", opts.MinPeers)
			}
			if runF != nil {
				return runF(opts)
			}
			return compareRun(opts)
		},
	}
	registerAssessor(c, &opts.Assessor, string(assess.Self), "whose assessment latest is: self or manager (a peer's is never anyone's latest)")
	c.Flags().BoolVar(&opts.All, "all", false, "in a calibration, list every skill, not only the disagreements")
	c.Flags().IntVar(&opts.MinPeers, "min-peers", assess.DefaultMinPeers, "show peers as a group only when at least `K` rated a skill")
	c.Flags().BoolVar(&opts.AnyPerson, "any-person", false, "compare the assessments of different people")
	opts.Roles.register(c, f, false)
	opts.Out.register(c, reports.Formats[*reports.Compare]())
	return c
}

// sameFile reports whether two paths name one file (./a.yaml and a.yaml, a link and its
// target); stdin and unreadable paths are never the same.
func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// noFileTwice refuses a comparison of a file with itself, however it is named (a path,
// a saved name, latest); named are the files as given.
func (opts *CompareOptions) noFileTwice(named []string) error {
	for i := range opts.Files {
		for j := range i {
			if sameFile(opts.Files[i], opts.Files[j]) {
				return usageErrorf(opts.cmdPath, "%s and %s are the same file: compare different assessments", named[j], named[i])
			}
		}
	}
	return nil
}

func compareRun(opts *CompareOptions) error {
	if err := opts.Roles.check(opts.cmdPath, opts.Rubric); err != nil {
		return err
	}
	// "latest" is the latest saved assessment of the other files' person (of the name
	// setting, or of the only person, when every file is latest).
	named := slices.Clone(opts.Files) // as given, for messages: "latest" stays latest
	answers := make([]*assess.Answers, len(opts.Files))
	for i, f := range opts.Files {
		if f == "latest" {
			continue
		}
		opts.Files[i], _ = opts.Store.Resolve(f)
		opts.Out.readsFrom(opts.Files[i])
		a, err := readSaved(opts.IO, opts.Store, opts.Files[i], nil, opts.Rubric)
		if err != nil {
			return err
		}
		answers[i] = a
	}
	if err := opts.noFileTwice(named); err != nil {
		return err
	}
	person := opts.Person
	for _, a := range answers {
		if a != nil {
			person = a.Person
			break
		}
	}
	for i := range opts.Files {
		if answers[i] != nil {
			continue
		}
		if err := checkAssessor(opts.cmdPath, &opts.Assessor); err != nil {
			return err
		}
		path, data, err := latestOf(opts.Store, person, opts.Assessor, opts.cmdPath)
		if err != nil {
			return err
		}
		opts.Files[i] = path
		if answers[i], err = readSaved(opts.IO, opts.Store, path, data, opts.Rubric); err != nil {
			return err
		}
	}
	if err := opts.noFileTwice(named); err != nil { // latest may name a file given too
		return err
	}
	for i := 1; i < len(answers) && !opts.AnyPerson; i++ {
		if !assess.SamePerson(answers[0], answers[i]) {
			return usageErrorf(opts.cmdPath, "%s is of %q and %s of %q: a comparison is of one person (--any-person compares anyway)",
				opts.Files[0], answers[0].Person, opts.Files[i], answers[i].Person)
		}
	}
	cmp, err := assess.Compare(opts.Rubric, answers, assess.CompareOptions{Score: opts.Roles.scoreOptions(), All: opts.All, MinPeers: opts.MinPeers})
	if err != nil {
		return usageErrorf(opts.cmdPath, "%v", err)
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, reports.NewCompare(cmp, opts.All)) })
}
