package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// HistoryOptions are the inputs of `history`.
type HistoryOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Store  *store.Store
	Person string
	// Drafts lists the unfinished interviews instead.
	Drafts bool
	// Trend shows one person's readiness and skills across their assessments instead.
	Trend bool
	// Name is the name setting: whose trend it is without --person.
	Name string
	// Assessor lists only assessments by that kind of assessor; a trend is one kind's
	// line, self unless told otherwise.
	Assessor string
	// Was (with Trend) reads the assessments written for an old version of the ladder
	// under it and shows them under the rubric in force beside it (was.go).
	Was    wasFlags
	Out    outputFlags
	Output reports.Output

	cmdPath string
}

// NewCmdHistory lists saved assessments.
// runF, when set, runs instead of historyRun.
func NewCmdHistory(f *Factory, runF func(*HistoryOptions) error) *cobra.Command {
	opts := &HistoryOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "history",
		Short: "List saved assessments: date, person, assessor, current and target role, readiness",
		Long: `List the saved assessments, oldest first, each scored against the current rubric: the
date, the person, who assessed, the current and target roles and the readiness for the
target. Use 'pmladder report FILE' to see one again.`,
		Example: `  pmladder history
  pmladder history --person "Ada Lovelace" --format csv
  pmladder history --trend --person "Ada Lovelace" --format html -o ada-trend.html
  pmladder history --trend --rubric ladder-2027.yaml --was ladder-2026.yaml --map ladder-map.yaml`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Trend {
				if opts.Drafts {
					return usageErrorf(cmd.CommandPath(), "--trend and --drafts cannot be used together")
				}
				opts.Out.writes("history --trend", reports.Formats[*reports.Trend]())
			}
			if opts.Was.Was != "" && !opts.Trend {
				return usageErrorf(cmd.CommandPath(), "--was applies to --trend")
			}
			if err := opts.Was.check(cmd, &opts.Out, "", nil); err != nil {
				return err
			}
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Store, opts.Name, opts.cmdPath = f.Store(), f.Settings.Name, cmd.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return historyRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Person, "person", "", "only the assessments of `NAME` (case does not matter)")
	registerAssessor(c, &opts.Assessor, "", "only the assessments by self, manager or peer (--trend: self unless told)")
	c.Flags().BoolVar(&opts.Trend, "trend", false, "one person's readiness and every skill across their assessments (written as "+reports.FormatList(reports.Formats[*reports.Trend]())+")")
	c.Flags().BoolVar(&opts.Drafts, "drafts", false, "list the unfinished interviews (drafts) instead, to resume with assess --resume --name")
	opts.Was.register(c, "with --trend, the assessments written for it are read under it and shown under it and under the --rubric in force")
	opts.Out.register(c, reports.Formats[*reports.History]())
	return c
}

func historyRun(opts *HistoryOptions) error {
	if err := checkAssessor(opts.cmdPath, &opts.Assessor); err != nil {
		return err
	}
	if opts.Trend {
		return historyTrendRun(opts)
	}
	list := opts.Store.List
	if opts.Drafts {
		list = opts.Store.DraftPaths
	}
	paths, err := list()
	if err != nil {
		return fmt.Errorf("cannot list assessments: %w", err)
	}
	var entries []reports.HistoryEntry
	for _, saved := range readEverySaved(opts.Store, paths, opts.Rubric, opts.IO.ErrOut) {
		p, a := saved.path, saved.a
		if (opts.Person != "" && assess.PersonKey(a.Person) != assess.PersonKey(opts.Person)) ||
			(opts.Assessor != "" && string(a.Assessor) != opts.Assessor) {
			continue
		}
		st := assess.ScoreStanding(opts.Rubric, a, assess.ScoreOptions{})
		entries = append(entries, reports.HistoryEntryOf(p, st))
	}
	empty := "No saved assessments yet: run pmladder assess."
	switch {
	case opts.Drafts:
		empty = "No unfinished interviews."
	case len(paths) > 0:
		// What was asked for: of a person, by a kind of assessor, or both.
		what, without := "", ""
		if opts.Person != "" {
			what, without = " of "+opts.Person, "--person"
		}
		if opts.Assessor != "" {
			what += " by " + map[assess.Assessor]string{assess.Self: "themselves", assess.Manager: "a manager", assess.Peer: "a peer"}[assess.Assessor(opts.Assessor)]
			without = strings.TrimPrefix(without+" or --assessor", " or ")
		}
		empty = fmt.Sprintf("No saved assessments%s (of %d saved; history without %s lists everyone).", what, len(paths), without)
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, &reports.History{Entries: entries, Empty: empty}) })
}

// historyTrendRun shows one person's assessments in date order: whose is --person, else
// the name setting, else the only person in the history (several is exit 2, naming them).
func historyTrendRun(opts *HistoryOptions) error {
	who := opts.Person
	if who == "" {
		who = opts.Name
	}
	assessor := opts.Assessor
	if assessor == "" {
		assessor = string(assess.Self)
	}
	latest, _, err := latestOf(opts.Store, who, assessor, opts.cmdPath)
	if err != nil {
		return err
	}
	paths, err := opts.Store.List()
	if err != nil {
		return fmt.Errorf("cannot list assessments: %w", err)
	}
	carry, err := opts.Was.carry(opts.cmdPath, opts.Rubric, &opts.Out)
	if err != nil {
		return err
	}
	// Every file is read once; whose trend it is comes from the latest one's person.
	type saved struct {
		path string
		a    *assess.Answers
		// was is set for answers written for the old version (--was): a holds them
		// carried to the rubric in force.
		was  *assess.Answers
		lost assess.Lost
	}
	var all []saved
	var a *assess.Answers
	for _, p := range paths {
		b, was, lost, warnings, err := loadSaved(opts.Store, p, opts.Rubric, carry)
		if err != nil {
			warnf(opts.IO.ErrOut, "skipping %s", strings.ReplaceAll(err.Error(), "\n", "; "))
			continue
		}
		for _, w := range warnings {
			warnf(opts.IO.ErrOut, "%s", w)
		}
		all = append(all, saved{p, b, was, lost})
		if p == latest {
			a = b
		}
	}
	if a == nil {
		if carry == nil {
			return fmt.Errorf("cannot read %s under %s (written for another version of the ladder? add --was OLD.yaml)", latest, opts.Rubric.Title())
		}
		return fmt.Errorf("cannot read %s", latest)
	}
	var files []string
	var standings, wasStandings []*assess.Standing
	for _, s := range all {
		if assess.SamePerson(s.a, a) && string(s.a.Assessor) == assessor {
			files = append(files, s.path)
			standings = append(standings, assess.ScoreStanding(opts.Rubric, s.a, assess.ScoreOptions{}))
			var was *assess.Standing
			if s.was != nil {
				was = assess.ScoreStanding(carry.Old, s.was, assess.ScoreOptions{})
				warnLostOne(opts.IO.ErrOut, s.path, carry, s.lost)
			}
			wasStandings = append(wasStandings, was)
		}
	}
	t := reports.NewTrend(a.Person, files, standings)
	for i, was := range wasStandings {
		if was != nil {
			t.SetWas(i, was)
		}
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, t) })
}

// loadSaved reads a saved assessment for a trend. Without carry, under r. With carry
// (--was), a file written for the old version — it records the old version's sha256, or
// it reads under the old version and not under r — is read under the old version and
// carried to r: a holds the carried answers, was the answers as written, lost what had
// no place in r.
func loadSaved(st *store.Store, path string, r *rubric.Rubric, carry *assess.Carry) (a, was *assess.Answers, lost assess.Lost, warnings []string, err error) {
	if carry != nil {
		old, oldWarnings, oldErr := st.Load(path, carry.Old)
		if oldErr == nil && old.Rubric.SHA256 != r.SHA256 {
			_, _, newErr := st.Load(path, r)
			if old.Rubric.SHA256 == carry.Old.SHA256 || newErr != nil {
				a = assess.NewAnswers(r)
				lost = carry.Into(old, a)
				return a, old, lost, oldWarnings, nil
			}
		}
	}
	a, warnings, err = st.Load(path, r)
	return a, nil, lost, warnings, err
}
