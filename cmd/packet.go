package cmd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// PacketOptions are the inputs of `packet`.
type PacketOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Store  *store.Store
	// Files are the assessments given as arguments; none means the person's saved ones.
	Files []string
	// Person is whose saved assessments make the packet: --person, else the name
	// setting, else the only person in the history.
	Person string
	// personGiven is true when --person was given: files of someone else are refused.
	personGiven bool
	MinPeers    int
	Roles       roleFlags
	Out         outputFlags
	Output      reports.Output
	Now         func() time.Time

	cmdPath string
}

// NewCmdPacket builds the promotion packet of one person.
// runF, when set, runs instead of packetRun.
func NewCmdPacket(f *Factory, runF func(*PacketOptions) error) *cobra.Command {
	opts := &PacketOptions{IO: f.IO, Now: time.Now}
	c := &cobra.Command{
		Use:   "packet [FILE...]",
		Short: "Write the promotion packet of one person: the case a promotion committee reads",
		Long: `Write one document for a promotion conversation: who, current → target role, what changes
between the two, and for every skill the target expects the expectation, the person's own
rating, the manager's and the peers' (as a group only when at least --min-peers rated the
skill: with fewer, their ratings are left out of every number), what each said where they
differ, the evidence and whether it is met; the readiness over time; the development plan
and its status; and what is still missing, in words a committee reads.

Without FILE, the packet is made of the person's saved assessments: their latest
self-assessment, the latest by a manager, and every peer's (the latest of each named
peer). With FILEs, of those alone (one person's). The standing, readiness and trend are
the person's own assessment's, or the manager's when there is none of their own.

Written as Markdown (the default), HTML (printable) or JSON.`,
		Example: `  pmladder packet
  pmladder packet --person "Ada Lovelace" --target senior-pm --format html -o ada-packet.html
  pmladder packet examples/ada-self.yaml examples/ada-manager.yaml examples/ada-peer-*.yaml`,
		Args:              usageArgs(cobra.ArbitraryArgs),
		ValidArgsFunction: f.completeSaved,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Files, opts.cmdPath, opts.Store = args, cmd.CommandPath(), f.Store()
			opts.personGiven = cmd.Flags().Changed("person")
			if opts.Person == "" {
				opts.Person = f.Settings.Name
			}
			if opts.MinPeers < 1 {
				return usageErrorf(cmd.CommandPath(), "--min-peers %d: want 1 or more", opts.MinPeers)
			}
			if runF != nil {
				return runF(opts)
			}
			return packetRun(opts)
		},
	}
	c.Flags().StringVar(&opts.Person, "person", "", "whose saved assessments (default: the name setting, else the only person)")
	c.Flags().IntVar(&opts.MinPeers, "min-peers", assess.DefaultMinPeers, "show peers as a group only when at least `K` rated a skill")
	opts.Roles.register(c, f, false)
	opts.Out.register(c, reports.Formats[*reports.Packet]())
	return c
}

func packetRun(opts *PacketOptions) error {
	if err := opts.Roles.check(opts.cmdPath, opts.Rubric); err != nil {
		return err
	}
	// inputs make the packet; pool is what its trend is drawn from: the files given, or
	// every saved assessment, read once.
	var inputs, pool []savedAssessment
	var err error
	if len(opts.Files) > 0 {
		inputs, err = opts.given()
		pool = inputs
	} else if pool, err = opts.everySaved(); err == nil {
		inputs, err = opts.saved(pool)
	}
	if err != nil {
		return err
	}
	for _, in := range pool {
		opts.Out.readsFrom(in.path) // -o must never replace what the packet is made from
	}
	answers := make([]*assess.Answers, len(inputs))
	for i, in := range inputs {
		answers[i] = in.a
	}
	raters, err := assess.CompareRaters(opts.Rubric, answers, assess.CompareOptions{Score: opts.Roles.scoreOptions(), All: true, MinPeers: opts.MinPeers})
	if err != nil {
		return err
	}
	lead := raters.New
	if lead.Answers.Assessor == assess.Peer {
		return usageErrorf(opts.cmdPath, "only peers' assessments of %s: a packet needs the person's own or their manager's", lead.Answers.Person)
	}
	parts := reports.PacketParts{Raters: raters, Trend: opts.trend(pool, lead), WhatIf: assess.WhatIfOf(lead, opts.Roles.scoreOptions())}
	for _, in := range inputs {
		if in.a == lead.Answers && len(opts.Files) > 0 {
			parts.LeadFile = in.path
		}
	}
	if parts.Plan, err = opts.plan(lead); err != nil {
		return err
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, reports.NewPacket(parts)) })
}

// given reads the assessments named as arguments: one person's (the --person given, if
// one was), no file twice, under whatever name or as a copy.
func (opts *PacketOptions) given() ([]savedAssessment, error) {
	var out []savedAssessment
	for _, name := range opts.Files {
		path, _ := opts.Store.Resolve(name)
		for _, in := range out {
			if sameFile(in.path, path) {
				return nil, usageErrorf(opts.cmdPath, "%s is given twice", name)
			}
		}
		a, err := readSaved(opts.IO, opts.Store, path, nil, opts.Rubric)
		if err != nil {
			return nil, err
		}
		for _, in := range out {
			// A copy would count twice: as another peer (an unnamed peer's file is one
			// peer) or as another point of the trend.
			if assess.SameAssessment(in.a, a) {
				return nil, usageErrorf(opts.cmdPath, "%s and %s are the same assessment: give it once", in.path, path)
			}
		}
		if len(out) > 0 && !assess.SamePerson(out[0].a, a) {
			return nil, usageErrorf(opts.cmdPath, "%s is of %q and %s of %q: a packet is of one person", out[0].path, out[0].a.Person, path, a.Person)
		}
		if opts.personGiven && !assess.SamePerson(&assess.Answers{Person: opts.Person}, a) {
			return nil, usageErrorf(opts.cmdPath, "--person %q, but %s is of %q", opts.Person, path, a.Person)
		}
		if a.Date.IsZero() && a.Assessor != assess.Peer {
			warnf(opts.IO.ErrOut, "%s has no date: it counts as older than every dated assessment", path)
		}
		out = append(out, savedAssessment{path, a})
	}
	return out, nil
}

// saved gathers the person's saved assessments from all of them: the latest
// self-assessment, the latest by a manager and every peer's (CompareRaters keeps the
// latest of each named peer).
func (opts *PacketOptions) saved(all []savedAssessment) ([]savedAssessment, error) {
	var out []savedAssessment
	person := opts.Person
	for _, by := range []assess.Assessor{assess.Self, assess.Manager} {
		path, _, err := latestOf(opts.Store, person, string(by), opts.cmdPath)
		if errors.Is(err, store.ErrNoAssessment) {
			continue
		}
		if err != nil {
			return nil, err
		}
		// Every saved file was read once, above; one that did not read was named then.
		i := slices.IndexFunc(all, func(in savedAssessment) bool { return in.path == path })
		if i < 0 {
			return nil, fmt.Errorf("the latest %s, %s, does not read under %s (the warning above says why)",
				reports.AssessmentName(by, ""), store.ShownPath(path), opts.Rubric.Title())
		}
		out = append(out, all[i])
		person = all[i].a.Person // the manager's latest is of the same person as the self-assessment
	}
	if len(out) == 0 {
		for _, in := range all {
			if in.a.Assessor == assess.Peer && (person == "" || assess.SamePerson(in.a, &assess.Answers{Person: person})) {
				return nil, usageErrorf(opts.cmdPath, "only peers' assessments of %s are saved: a packet needs the person's own or their manager's", in.a.Person)
			}
		}
		who := ""
		if person != "" {
			who = " of " + person
		}
		return nil, fmt.Errorf("%w%s in %s: a packet needs the person's own or their manager's (pmladder assess saves one; or name the files)",
			store.ErrNoAssessment, who, store.ShownPath(opts.Store.Assessments()))
	}
	for _, in := range all {
		if in.a.Assessor == assess.Peer && assess.SamePerson(in.a, out[0].a) {
			out = append(out, in)
		}
	}
	return out, nil
}

// everySaved reads every saved assessment that reads under the rubric; the others are
// named on stderr and skipped, as history does.
func (opts *PacketOptions) everySaved() ([]savedAssessment, error) {
	paths, err := opts.Store.List()
	if err != nil {
		return nil, fmt.Errorf("cannot list assessments: %w", err)
	}
	return readEverySaved(opts.Store, paths, opts.Rubric, opts.IO.ErrOut), nil
}

// trend is the readiness for the lead's target across the lead assessor's assessments
// of the person in pool, in date order.
func (opts *PacketOptions) trend(pool []savedAssessment, lead *assess.Result) *reports.Trend {
	same := func(a *assess.Answers) bool {
		return assess.SamePerson(a, lead.Answers) && a.Assessor == lead.Answers.Assessor &&
			assess.PersonKey(a.Rater) == assess.PersonKey(lead.Answers.Rater)
	}
	var mine []savedAssessment
	for _, in := range pool {
		if same(in.a) {
			mine = append(mine, in)
		}
	}
	slices.SortStableFunc(mine, func(x, y savedAssessment) int { return x.a.Date.Compare(y.a.Date) })
	toward := assess.ScoreOptions{Track: lead.Track}
	if lead.Target != nil {
		toward.Target = lead.Target.Role.ID
	}
	files := make([]string, len(mine))
	standings := make([]*assess.Standing, len(mine))
	for i, in := range mine {
		files[i], standings[i] = in.path, assess.ScoreStanding(opts.Rubric, in.a, toward)
	}
	return reports.NewTrend(lead.Answers.Person, files, standings)
}

// plan is the person's development plan held against the lead assessment, or nil when
// they have none.
func (opts *PacketOptions) plan(lead *assess.Result) (*reports.PlanView, error) {
	p, path, err := opts.Store.LoadPlan(lead.Answers.Person, opts.Rubric)
	opts.Out.readsFrom(path)
	if errors.Is(err, store.ErrNoPlan) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	goals := p.Status(lead, lead.Answers.Date, opts.Now())
	return reports.NewPlanStatusView(p, opts.Rubric, goals, lead.Answers.Date), nil
}
