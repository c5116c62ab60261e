package cmd

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/interview"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// PlanOptions are the inputs of `plan new`, `plan show` and `plan status`.
type PlanOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Store  *store.Store
	// Person is whose plan it is: --person, else the name setting, else the only person
	// in the history.
	Person string
	// From is an answers file to make the plan from (new) or to hold it against (status)
	// instead of the person's latest saved assessment.
	From string
	// Skills, Due and Force are those of plan new; SkillsSet is --skills given at all
	// (--skills '' names no skill, which is a mistake, not the default).
	Skills    []string
	SkillsSet bool
	Due       string
	Force     bool
	// ToTarget aims the default goals at the target's expectations, not the next step.
	ToTarget bool
	// Assessor is whose latest assessment the plan is made from or held against.
	Assessor string
	Roles    roleFlags
	// Prompter lets the person pick on a terminal; nil elsewhere, where the defaults and
	// the flags decide.
	Prompter interview.Prompter
	Now      func() time.Time
	Out      outputFlags
	Output   reports.Output

	cmdPath string
}

// NewCmdPlan groups the commands of a development plan.
func NewCmdPlan(f *Factory, runF func(string, *PlanOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "plan",
		Short: "A development plan from the gaps: new, show, status",
		Long: `A development plan turns an assessment's gaps into one to three skills to grow by a date,
with the actions and certifications chosen for each. It is saved per person in the data
directory (plans/<person>.yaml, yours to edit); 'plan status' holds the latest assessment
against it: done, on track, stalled (an assessment since the plan shows no progress) or
overdue.`,
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	run := func(name string, run func(*PlanOptions) error) func(*PlanOptions) error {
		if runF != nil {
			return func(o *PlanOptions) error { return runF(name, o) }
		}
		return run
	}
	c.AddCommand(
		newPlanCmd(f, "new", run("new", planNewRun)),
		newPlanCmd(f, "show", run("show", planShowRun)),
		newPlanCmd(f, "status", run("status", planStatusRun)),
	)
	return c
}

// newPlanCmd builds one of the plan commands; they share the options.
func newPlanCmd(f *Factory, name string, run func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{IO: f.IO, Now: time.Now}
	c := &cobra.Command{Use: name, Args: usageArgs(cobra.NoArgs)}
	switch name {
	case "new":
		c.Short = "Make a development plan from the latest assessment's gaps"
		c.Long = `Make a development plan from the person's latest saved assessment (or --from FILE): one to
three focus skills (default: the top gaps toward the target), a target score for each
(default: what the target role expects), a due date (default: in 90 days), and the
actions and certifications for each. On a terminal you pick them; elsewhere the defaults
and the flags decide. A plan already there is replaced only after you say so (or with
--force), and kept as plans/<person>.<the day it was made>.yaml.`
		c.Example = `  pmladder plan new
  pmladder plan new --skills customer-insight,stakeholder-alignment --due 2027-03-31
  pmladder plan new --person "Ada Lovelace" --from ada-manager.yaml --force`
	case "show":
		c.Short = "Print a person's development plan"
		c.Example = `  pmladder plan show
  pmladder plan show --person "Ada Lovelace" --format markdown`
	case "status":
		c.Short = "Hold the latest assessment against the plan: done, on track, stalled, overdue"
		c.Long = `Hold the person's latest saved assessment (or --from FILE) against their plan. A goal is
done when the score reaches its target; else overdue once its day has passed; else
stalled when an assessment made since the plan shows no progress from the score the plan
started at; else on track (progress, or no assessment since the plan yet).`
		c.Example = `  pmladder plan status
  pmladder plan status --person "Ada Lovelace" --format json`
	}
	c.RunE = func(cmd *cobra.Command, args []string) error {
		var err error
		if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
			return err
		}
		opts.Store, opts.cmdPath = f.Store(), cmd.CommandPath()
		if opts.Person == "" {
			opts.Person = f.Settings.Name
		}
		opts.SkillsSet = cmd.Flags().Changed("skills")
		if name == "new" && opts.Prompter == nil && f.IO.InTTY && f.IO.OutTTY && f.IO.ErrTTY && !f.Settings.Accessible {
			ctx, stop := interruptContext()
			defer stop()
			opts.Prompter = f.Prompter(ctx, false)
		}
		return run(opts)
	}
	fl := c.Flags()
	fl.StringVar(&opts.Person, "person", "", "whose plan (default: the name setting, else the only person)")
	registerAssessor(c, &opts.Assessor, string(assess.Self), "whose latest assessment: self or manager (a peer's is never anyone's latest)")
	if name != "show" {
		fl.StringVar(&opts.From, "from", "", "use the answers in `FILE` instead of the latest saved assessment")
	}
	if name == "new" {
		fl.StringSliceVar(&opts.Skills, "skills", nil, "the skill `IDS` to focus on, 1 to 3, comma-separated (default: the top gaps)")
		fl.StringVar(&opts.Due, "due", "", "the due `DATE`, YYYY-MM-DD or a number of days such as 60d (default: 90d)")
		fl.BoolVar(&opts.ToTarget, "to-target", false, "aim each goal at the target role's expectation, due a quarter per step (default: the next step, in 90 days)")
		fl.BoolVar(&opts.Force, "force", false, "replace the person's plan without asking (the old one is kept)")
		opts.Roles.register(c, f, false)
		c.RegisterFlagCompletionFunc("skills", func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
			return f.completeFromRubric(cmd, func(r *rubric.Rubric) []string {
				var ids []string
				for _, s := range r.Skills() {
					ids = append(ids, s.ID)
				}
				return ids
			})
		})
	}
	opts.Out.register(c, reports.Formats[*reports.PlanView]())
	return c
}

// assessment reads the answers the plan is made from or held against: --from, else the
// person's latest saved assessment. It returns them with the file they came from.
func (opts *PlanOptions) assessment() (*assess.Answers, string, error) {
	path := opts.From
	var data []byte // the latest file, read when chosen
	if path == "" {
		var err error
		if path, data, err = opts.latest(); err != nil {
			return nil, "", err
		}
	} else {
		path, _ = opts.Store.Resolve(path)
	}
	opts.Out.readsFrom(path)
	a, err := readSaved(opts.IO, opts.Store, path, data, opts.Rubric)
	return a, path, err
}

// containing suggests the skill ids that hold the word typed ("stakeholders" →
// stakeholder-alignment), when the typo check finds none.
func containing(typed string, ids []string) string {
	word := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(typed)), "s")
	if len(word) < 3 {
		return ""
	}
	var found []string
	for _, id := range ids {
		if strings.Contains(id, word) {
			found = append(found, id)
		}
	}
	if len(found) == 0 || len(found) > 3 {
		return ""
	}
	return " (did you mean " + strings.Join(found, " or ") + "?)"
}

// latest is the person's latest saved assessment, or of the only person in the history,
// with its content (read once, never through a link).
func (opts *PlanOptions) latest() (string, []byte, error) {
	if err := checkAssessor(opts.cmdPath, &opts.Assessor); err != nil {
		return "", nil, err
	}
	path, data, err := latestOf(opts.Store, opts.Person, opts.Assessor, opts.cmdPath)
	if errors.Is(err, store.ErrNoAssessment) {
		whose := ""
		if opts.Person != "" {
			whose = " of " + opts.Person
		}
		hint := "assess first ('pmladder assess')"
		if !strings.HasSuffix(opts.cmdPath, " show") { // show has no --from
			hint += ", or give one with --from FILE"
		}
		return "", nil, fmt.Errorf("no saved assessment%s yet: %s", whose, hint)
	}
	return path, data, err
}

// latestBy is the latest saved assessment of the plan's person by the plan's rater (their
// self-assessment, or the same manager's or peer's): progress is measured by one rater.
func (opts *PlanOptions) latestBy(p *assess.Plan) (*assess.Answers, error) {
	paths, err := opts.Store.List()
	if err != nil {
		return nil, fmt.Errorf("cannot list assessments: %w", err)
	}
	slug := "_" + store.Slug(p.Person) + "_" + store.Slug(string(p.Assessor))
	for i := len(paths) - 1; i >= 0; i-- {
		if !strings.Contains(filepath.Base(paths[i]), slug) {
			continue
		}
		a, _, err := opts.Store.Load(paths[i], opts.Rubric)
		if err != nil {
			continue // unreadable: history shows it; an older one may do
		}
		if assess.SamePerson(a, &assess.Answers{Person: p.Person}) && a.Assessor == p.Assessor &&
			assess.SamePerson(&assess.Answers{Person: a.Rater}, &assess.Answers{Person: p.Rater}) {
			opts.Out.readsFrom(paths[i])
			return a, nil
		}
	}
	return nil, fmt.Errorf("no saved %s of %s to hold the plan against: assess first, or give one with --from FILE",
		reports.AssessmentName(p.Assessor, ""), p.Person)
}

// parseDue reads --due: a date (2027-03-31) or a number of days ahead (60d).
func parseDue(s string, today time.Time) (time.Time, error) {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 1 || days > 3660 {
			return time.Time{}, fmt.Errorf("%q is not a number of days from 1d to 3660d", s)
		}
		return today.AddDate(0, 0, days), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD or a number of days such as 60d", s)
	}
	if !t.After(today) {
		return time.Time{}, fmt.Errorf("%s is not after today (%s): a plan needs time ahead", s, today.Format("2006-01-02"))
	}
	return t, nil
}

func planNewRun(opts *PlanOptions) error {
	r, cmdPath := opts.Rubric, opts.cmdPath
	if err := opts.Roles.check(cmdPath, r); err != nil {
		return err
	}
	now := opts.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	choices := assess.PlanChoices{ToTarget: opts.ToTarget}
	if opts.Due != "" {
		due, err := parseDue(opts.Due, today)
		if err != nil {
			return usageErrorf(cmdPath, "--due %v", err)
		}
		choices.Due = due
	}
	for _, id := range opts.Skills {
		if id = strings.TrimSpace(id); id != "" {
			choices.Skills = append(choices.Skills, id)
		}
	}
	if opts.SkillsSet && len(choices.Skills) == 0 {
		return usageErrorf(cmdPath, "--skills names no skill: give skill ids separated by commas (pmladder rubric show lists them)")
	}
	var ids []string
	for _, sk := range r.Skills() {
		ids = append(ids, sk.ID)
	}
	for i, id := range choices.Skills {
		known, hint := match.Value(id, ids)
		if known == "" && hint == "" {
			hint = containing(id, ids)
		}
		if known == "" {
			if hint != "" {
				return usageErrorf(cmdPath, "--skills: unknown skill %q%s", id, hint)
			}
			return usageErrorf(cmdPath, "--skills: %v", &assess.UnknownSkillError{ID: id, Rubric: r})
		}
		choices.Skills[i] = known
	}
	if len(choices.Skills) > assess.MaxGoals {
		return usageErrorf(cmdPath, "--skills names %d skills: a plan focuses on 1 to %d", len(choices.Skills), assess.MaxGoals)
	}
	a, source, err := opts.assessment()
	if err != nil {
		return err
	}
	old, oldPath, err := opts.Store.LoadPlan(a.Person, r)
	var unsafe *store.UnsafeFileError
	switch {
	case errors.Is(err, store.ErrNoPlan):
		old = nil
	case errors.As(err, &unsafe):
		// A link or a FIFO where the plan should be: --force would not help either, as
		// the store neither reads, keeps nor replaces what is not its own file.
		return err
	case err != nil && !opts.Force:
		return fmt.Errorf("%w\n(the plan there cannot be read; --force replaces it, keeping the old file)", err)
	case err == nil && !opts.Force:
		if opts.Prompter == nil {
			return usageErrorf("", "%s already has a plan (%s, made %s): --force replaces it, keeping the old one as %s",
				store.Shown(a.Person), store.ShownPath(oldPath), old.Created.Format("2006-01-02"), filepath.Base(strings.TrimSuffix(oldPath, ".yaml")+"."+old.Created.Format("2006-01-02")+".yaml"))
		}
		choice, err := opts.Prompter.Select(fmt.Sprintf("%s already has a plan, made %s. Replace it? The old one is kept.", store.Shown(a.Person), old.Created.Format("2006-01-02")),
			[]string{"Replace it with a new plan", "Keep the plan I have"}, 1, "")
		if err != nil {
			return planInterrupted(err)
		}
		if choice == 1 {
			infof(opts.IO.ErrOut, "kept the plan in %s", oldPath)
			return nil
		}
	}
	so := opts.Roles.scoreOptions()
	so.Certs = assess.DefaultCerts // the report's recommendations: the default certification of a goal
	res := assess.Score(r, a, so)
	if opts.Prompter != nil {
		if err := pickPlan(opts.Prompter, opts.IO.ErrOut, res, &choices, today); err != nil {
			return planInterrupted(err)
		}
	}
	p, err := assess.NewPlan(res, filepath.Base(source), choices, now)
	if err != nil {
		return usageErrorf("", "%v", err) // about the assessment or the choices: no flag help would fix it
	}
	path, kept, err := opts.Store.SavePlan(p, old)
	if err != nil {
		return fmt.Errorf("cannot save the plan: %w", err)
	}
	if kept != "" {
		infof(opts.IO.ErrOut, "kept the old plan as %s", kept)
	}
	infof(opts.IO.ErrOut, "saved the plan to %s", path)
	v := reports.NewPlanView(p, r)
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, v) })
}

// planInterrupted is a stop while picking: nothing was saved.
func planInterrupted(err error) error {
	if errors.Is(err, assess.ErrInterrupted) {
		return &interruptedError{msg: "stopped; no plan was saved"}
	}
	return err
}

// pickPlan lets the person choose the skills (the top gaps first), each one's target,
// actions and certifications, and the due day, on a terminal. Flags already given are
// not asked again.
func pickPlan(p interview.Prompter, errOut io.Writer, res *assess.Result, c *assess.PlanChoices, today time.Time) error {
	r := res.Rubric
	options := assess.PlanOptions(res, c.ToTarget)
	if len(options) == 0 {
		return nil // NewPlan says why there is nothing to plan
	}
	if len(c.Skills) == 0 {
		labels := make([]string, len(options))
		for i, o := range options {
			labels[i] = fmt.Sprintf("%s: now %s", o.Skill.Name, scoreText(o.Score))
			if o.Gap > 0 {
				labels[i] += fmt.Sprintf(", gap %s (%s)", strconv.FormatFloat(o.Gap, 'f', -1, 64), o.Priority)
			}
		}
		msg := fmt.Sprintf("Which skills will you focus on? Pick 1 to %d: the gaps toward %s come first, the most pressing first (none picks the top ones).", assess.MaxGoals, targetName(res))
		for {
			picked, err := p.MultiSelect(msg, labels, "")
			if err != nil {
				return err
			}
			if len(picked) <= assess.MaxGoals {
				for _, i := range picked {
					c.Skills = append(c.Skills, options[i].Skill.ID)
				}
				break
			}
			msg = fmt.Sprintf("%d picked: a plan focuses on 1 to %d skills. Pick again.", len(picked), assess.MaxGoals)
		}
		if len(c.Skills) == 0 {
			for _, o := range options[:assess.DefaultGoals(res)] {
				c.Skills = append(c.Skills, o.Skill.ID)
			}
		}
	}
	c.Targets, c.Actions, c.Certifications = map[string]float64{}, map[string][]string{}, map[string][]string{}
	for _, id := range c.Skills {
		i := slices.IndexFunc(options, func(o assess.GoalOption) bool { return o.Skill.ID == id })
		if i < 0 {
			continue // at the top of the scale: NewPlan says so
		}
		o := options[i]
		targets, def := targetChoices(o, r)
		labels := make([]string, len(targets))
		for k, t := range targets {
			labels[k] = strconv.FormatFloat(t, 'f', -1, 64)
			if t == o.Target && o.Gap > 0 {
				labels[k] += " (what " + res.Target.Role.Name + " expects)"
			}
			// What the score looks like: the skill's first anchored statement at it.
			if st := o.Skill.StatementsAt(rubric.MetAt(t)); len(st) > 0 {
				labels[k] += ": " + st[0]
			}
		}
		k, err := p.Select(fmt.Sprintf("%s: what score will you reach? (now %s)", o.Skill.Name, scoreText(o.Score)), labels, def, "")
		if err != nil {
			return err
		}
		c.Targets[id] = targets[k]
		if len(o.Actions) > 0 {
			picked, err := p.MultiSelect(o.Skill.Name+": which actions will you take? (none: write your own in the plan file)", o.Actions, "")
			if err != nil {
				return err
			}
			c.Actions[id] = []string{}
			for _, k := range picked {
				c.Actions[id] = append(c.Actions[id], o.Actions[k])
			}
		}
		if len(o.Certifications) > 0 {
			names := make([]string, len(o.Certifications))
			for k, cid := range o.Certifications {
				names[k] = r.Certification(cid).Name
			}
			picked, err := p.MultiSelect(o.Skill.Name+": any certification to take? (none is fine)", names, "")
			if err != nil {
				return err
			}
			c.Certifications[id] = []string{}
			for _, k := range picked {
				c.Certifications[id] = append(c.Certifications[id], o.Certifications[k])
			}
		}
	}
	if c.Due.IsZero() {
		def := today.AddDate(0, 0, assess.DefaultPlanDays).Format("2006-01-02")
		for {
			text, err := p.Input("Due by (YYYY-MM-DD, or days such as 60d)", def)
			if err != nil {
				return err
			}
			due, err := parseDue(strings.TrimSpace(text), today)
			if err == nil {
				c.Due = due
				break
			}
			fmt.Fprintf(errOut, "%v\n", err)
		}
	}
	return nil
}

// targetChoices are the scores a goal can aim for: every whole score above the skill's,
// and the default target (the expectation, which may lie between scores); def is the
// default's index.
func targetChoices(o assess.GoalOption, r *rubric.Rubric) ([]float64, int) {
	from := float64(r.Scale.Min - 1)
	if o.Score != nil {
		from = *o.Score
	}
	var out []float64
	for v := r.Scale.Min; v <= r.Scale.Max; v++ {
		if float64(v) > from {
			out = append(out, float64(v))
		}
	}
	if !slices.Contains(out, o.Target) {
		out = append(out, o.Target)
		slices.Sort(out)
	}
	return out, slices.Index(out, o.Target)
}

func targetName(res *assess.Result) string {
	if res.Target == nil {
		return "the target"
	}
	return res.Target.Role.Name
}

func scoreText(p *float64) string {
	if p == nil {
		return "not assessed"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// loadPlan reads the plan of the person: --person, the name setting, or the person of
// the only history.
func (opts *PlanOptions) loadPlan() (*assess.Plan, error) {
	who := opts.Person
	if who == "" {
		path, data, err := opts.latest()
		if err != nil {
			return nil, err
		}
		a, err := readSaved(opts.IO, opts.Store, path, data, opts.Rubric)
		if err != nil {
			return nil, err
		}
		who = a.Person
	}
	p, _, err := opts.Store.LoadPlan(who, opts.Rubric)
	if errors.Is(err, store.ErrNoPlan) {
		return nil, fmt.Errorf("no plan for %s yet: make one with 'pmladder plan new'", who)
	}
	return p, err
}

func planShowRun(opts *PlanOptions) error {
	p, err := opts.loadPlan()
	if err != nil {
		return err
	}
	v := reports.NewPlanView(p, opts.Rubric)
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, v) })
}

func planStatusRun(opts *PlanOptions) error {
	p, err := opts.loadPlan()
	if err != nil {
		return err
	}
	if opts.Person == "" {
		opts.Person = p.Person
	}
	var a *assess.Answers
	if opts.From != "" {
		if a, _, err = opts.assessment(); err != nil {
			return err
		}
	} else if a, err = opts.latestBy(p); err != nil {
		return err
	}
	if !assess.SamePerson(a, &assess.Answers{Person: p.Person}) {
		return usageErrorf(opts.cmdPath, "the answers are of %s, the plan of %s", a.Person, p.Person)
	}
	res := assess.Score(opts.Rubric, a, assess.ScoreOptions{Target: p.TargetRole})
	goals := p.Status(res, a.Date, opts.Now())
	v := reports.NewPlanStatusView(p, opts.Rubric, goals, a.Date)
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, v) })
}
