package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/user"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/interview"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// AssessOptions are the inputs of `assess`.
type AssessOptions struct {
	IO     *IOStreams
	Rubric *rubric.Rubric
	Store  *store.Store
	// Prompter asks the interview's questions; tests pass a scripted one.
	Prompter interview.Prompter
	Now      func() time.Time

	AnswersFile string
	Name        string
	DefaultName string
	// ConfiguredName is the name setting (PMLADDER_NAME, the config), whose draft
	// --resume continues when no --name is given.
	ConfiguredName string
	// RubricSet is true when --rubric (or the setting) chose the rubric: a resumed
	// draft then uses it rather than the one it was started with.
	RubricSet   bool
	Assessor    string
	AssessorSet bool
	// Rater names who rates, for a manager's or a peer's assessment (--rater).
	Rater      string
	Quick      bool
	Resume     bool
	NoSave     bool
	Save       bool
	Accessible bool
	// Evidence asks for an example behind each skill's rating (the evidence setting).
	Evidence bool
	Roles    roleFlags
	Out      outputFlags
	Output   reports.Output
	// Program is pmladder as the user ran it, and StoreFlags the flags they gave that
	// choose the data directory (--data-dir, --config): a hint to resume repeats both.
	Program    string
	StoreFlags []string

	cmdPath string
}

// NewCmdAssess runs the interview, or scores an answers file, and prints the report;
// runF, when set, runs instead of assessRun.
func NewCmdAssess(f *Factory, runF func(context.Context, *AssessOptions) error) *cobra.Command {
	opts := &AssessOptions{IO: f.IO, Now: time.Now}
	c := &cobra.Command{
		Use:   "assess",
		Short: "Assess yourself (or someone) and print the gap report",
		Long: `Interview on a terminal about your skills, then print where you stand, your gaps toward a
target role and what closes them. The finished assessment is saved in your history unless
--no-save; an unfinished one is kept as a draft that --resume continues.

With --answers FILE (or - for stdin) the answers come from a file instead and nothing is
recorded unless --save. On a terminal the interview uses arrow-key menus; with --accessible,
or when stdin or stdout is not a terminal, it asks plain numbered questions, one answer per
line.`,
		Example: `  pmladder assess
  pmladder assess --quick --target senior-pm
  pmladder assess --assessor manager --name "Ada Lovelace"
  pmladder assess --resume
  pmladder assess --answers ada.yaml --format json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Store = f.Store()
			opts.Name, opts.Accessible, opts.Evidence = f.Settings.Name, f.Settings.Accessible, f.Settings.Evidence
			opts.RubricSet = f.Settings.Rubric != ""
			if !cmd.Flags().Changed("name") {
				opts.ConfiguredName = f.Settings.Name
			}
			if cmd.Flags().Changed("name") {
				opts.DefaultName = opts.Name
			} else {
				opts.DefaultName, opts.Name = opts.Name, ""
				if opts.DefaultName == "" && opts.AnswersFile == "" {
					opts.DefaultName = loginName(f.Getenv)
				}
			}
			opts.AssessorSet = cmd.Flags().Changed("assessor")
			opts.cmdPath = cmd.CommandPath()
			opts.Program = f.Program
			for _, name := range []string{"config", "data-dir"} {
				if fl := cmd.Flags().Lookup(name); fl != nil && fl.Changed {
					opts.StoreFlags = append(opts.StoreFlags, "--"+name, printable.ShellWord(fl.Value.String()))
				}
			}
			ctx, stop := interruptContext()
			defer stop()
			if opts.Prompter == nil && opts.AnswersFile == "" {
				opts.Prompter = f.Prompter(ctx, opts.Accessible)
			}
			if runF != nil {
				return runF(ctx, opts)
			}
			return assessRun(ctx, opts)
		},
	}
	fl := c.Flags()
	fl.StringVar(&opts.AnswersFile, "answers", "", "score the answers in `FILE` (- for stdin) instead of interviewing")
	fl.String("name", "", "the assessed person's `NAME` (default: the config's name, else your login name)")
	registerAssessor(c, &opts.Assessor, string(assess.Self), "who answers: self, manager or peer")
	fl.StringVar(&opts.Rater, "rater", "", "who rates, by `NAME`, for --assessor manager or peer (kept with the answers)")
	fl.BoolVar(&opts.Quick, "quick", false, "ask only the first question of each skill")
	fl.BoolVar(&opts.Resume, "resume", false, "continue the latest unfinished interview")
	fl.BoolVar(&opts.NoSave, "no-save", false, "do not record the finished interview in the history")
	fl.BoolVar(&opts.Save, "save", false, "record an --answers file in the history")
	opts.Roles.register(c, f, true)
	opts.Out.register(c, reports.Formats[*reports.Person]())
	return c
}

// resumeHint is the command that continues the draft at path, as the user can paste it:
// pmladder as they ran it, and --name when a plain --resume would not find this draft
// (someone else has one too, or the name setting names another person).
func (opts *AssessOptions) resumeHint(st *store.Store, person, path string) string {
	if d, err := st.DraftOf(opts.ConfiguredName); err == nil && d.Path == path {
		return opts.resumeCommand("")
	}
	return opts.resumeCommand(person)
}

// resumeCommand is the command that resumes person's draft ("": the only one).
func (opts *AssessOptions) resumeCommand(person string) string {
	program := opts.Program
	if program == "" {
		program = "pmladder"
	}
	words := []string{program}
	words = append(words, opts.StoreFlags...)
	words = append(words, "assess", "--resume")
	if person != "" {
		words = append(words, "--name", printable.ShellWord(printable.String(person)))
	}
	return strings.Join(words, " ")
}

// loginName is the default name offered in the interview: $USER or $LOGNAME, else the
// account's name (which may ask the system's name service, so only when needed).
func loginName(getenv func(string) string) string {
	for _, v := range []string{"USER", "LOGNAME"} {
		if name := getenv(v); name != "" {
			return name
		}
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// Prompter picks how the interview asks: survey's menus when stdin, stdout and stderr are
// terminals, otherwise (or with --accessible) plain numbered prompts on stderr.
func (f *Factory) Prompter(ctx context.Context, accessible bool) interview.Prompter {
	in, inOK := f.IO.In.(interview.Terminal)
	errOut, errOK := f.IO.ErrOut.(interview.Terminal)
	if !accessible && inOK && errOK && f.IO.InTTY && f.IO.OutTTY && f.IO.ErrTTY {
		return interview.NewSurveyPrompter(ctx, in, errOut)
	}
	p := interview.NewPlainPrompter(ctx, f.IO.In, f.IO.ErrOut)
	p.Echo = !f.IO.InTTY
	if f.IO.ErrTTY {
		p.Width = f.IO.ErrWidth
	}
	return p
}

func assessRun(ctx context.Context, opts *AssessOptions) error {
	r, cmdPath := opts.Rubric, opts.cmdPath
	if err := checkAssessor(cmdPath, &opts.Assessor); err != nil {
		return err
	}
	switch {
	case opts.Save && opts.NoSave:
		return usageErrorf(cmdPath, "--save and --no-save contradict each other")
	case opts.Resume && opts.AnswersFile != "":
		return usageErrorf(cmdPath, "--resume continues an interview; it cannot be used with --answers")
	case opts.Quick && opts.AnswersFile != "":
		return usageErrorf(cmdPath, "--quick chooses the interview's questions; it cannot be used with --answers")
	case !utf8.ValidString(opts.Name):
		return usageErrorf(cmdPath, "--name %q is not UTF-8 text", opts.Name)
	case !utf8.ValidString(opts.Rater):
		return usageErrorf(cmdPath, "--rater %q is not UTF-8 text", opts.Rater)
	case opts.Rater != "" && assess.Assessor(opts.Assessor) == assess.Self && (opts.AssessorSet || opts.AnswersFile == "") && !opts.Resume:
		return usageErrorf(cmdPath, "--rater names a manager or a peer: a self-assessment has no rater (add --assessor manager or peer)")
	case !utf8.ValidString(opts.DefaultName):
		return usageErrorf(cmdPath, "the name %q (from PMLADDER_NAME, the config or the login name) is not UTF-8 text", opts.DefaultName)
	}
	if err := opts.Roles.check(cmdPath, r); err != nil {
		return err
	}
	if opts.AnswersFile != "" {
		return opts.scoreFile()
	}
	return opts.interview(ctx)
}

// scoreFile scores an answers file; it records nothing unless --save.
func (opts *AssessOptions) scoreFile() error {
	opts.Out.readsFrom(opts.AnswersFile)
	a, err := readAnswers(opts.IO, opts.AnswersFile, opts.Rubric)
	if err != nil {
		return err
	}
	if opts.Name != "" {
		a.Person = opts.Name
	}
	if opts.AssessorSet {
		a.Assessor = assess.Assessor(opts.Assessor)
	}
	if opts.Rater = strings.TrimSpace(opts.Rater); opts.Rater != "" {
		if a.Assessor == assess.Self {
			return usageErrorf(opts.cmdPath, "--rater names a manager or a peer: %s is a self-assessment (add --assessor manager or peer)", opts.AnswersFile)
		}
		a.Rater = strings.TrimSpace(opts.Rater)
	}
	if opts.Save {
		if a.Date.IsZero() {
			a.Date = opts.Now().UTC()
		}
		a.Complete = true
		path, already, err := opts.Store.SaveAssessment(a, opts.Rubric, opts.Now())
		if err != nil {
			return fmt.Errorf("cannot save the assessment: %w", err)
		}
		if already {
			infof(opts.IO.ErrOut, "already in the history as %s (the same answers): not saved again", path)
		} else {
			fmt.Fprintf(opts.IO.ErrOut, "saved to %s\n", path)
		}
	}
	return opts.render(a)
}

// interview asks the questions, keeping a draft after every answer, then saves and
// reports. An interruption leaves the draft and says how to resume.
func (opts *AssessOptions) interview(ctx context.Context) error {
	r, st := opts.Rubric, opts.Store
	var (
		a         *assess.Answers
		draftPath string
		// lock holds the draft while this interview runs, so that no other run resumes
		// it meanwhile (docs/cli.md, "Files").
		lock *store.DraftLock
		err  error
	)
	defer func() { lock.Release() }()
	if opts.Resume {
		// The person's own draft: --name, else the configured name, else the only
		// person with a draft.
		who := opts.Name
		if who == "" {
			who = opts.ConfiguredName
		}
		d, err := st.DraftOf(who)
		var several *store.AmbiguousDraftsError
		if errors.As(err, &several) {
			return usageErrorf(opts.cmdPath, "unfinished interviews of %d people (%s): name whose to resume with --name",
				len(several.People), several.Names())
		}
		if err != nil {
			return err
		}
		if err := opts.keepsWho(d); err != nil {
			return err
		}
		var stale *store.Holder
		lock, stale, err = st.LockDraft(d.Path)
		var locked *store.LockedError
		if errors.As(err, &locked) {
			return usageErrorf("", "%w", err) // refused, exit 2: no flag would help
		}
		if err != nil {
			return fmt.Errorf("cannot lock the draft: %w", err)
		}
		if stale != nil {
			warnf(opts.IO.ErrOut, "the lock on %s was left by %s, which has ended: this interview takes it over", store.ShownPath(d.Path), stale)
		}
		draftPath = d.Path
		if r, err = draftRubric(d, r, opts.RubricSet); err != nil {
			return err
		}
		opts.Rubric = r
		var warnings []string
		if a, warnings, err = st.Load(draftPath, r); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("the draft %s is gone: another pmladder finished that interview meanwhile", store.ShownPath(draftPath))
		} else if err != nil {
			return err
		}
		for _, w := range warnings {
			warnf(opts.IO.ErrOut, "%s", w)
		}
		// The interview goes on as it was started, with the person's name as written.
		opts.Name = ""
		opts.Quick = a.Quick
		opts.NoSave = opts.NoSave || a.NoSave
	} else {
		if opts.Name != "" {
			if d, err := st.DraftOf(opts.Name); err == nil {
				infof(opts.IO.ErrOut, "%s has an unfinished interview (%s): %s continues it; this is a new one",
					store.Shown(d.Person), store.ShownPath(d.Path), opts.resumeCommand(d.Person))
			}
		}
		a = assess.NewAnswers(r)
		a.Assessor = assess.Assessor(opts.Assessor)
		a.Rater = strings.TrimSpace(opts.Rater)
		a.Date = opts.Now().UTC()
		a.Quick, a.NoSave = opts.Quick, opts.NoSave
	}
	a.Complete = false
	if opts.Name != "" {
		a.Person = opts.Name
	}
	if opts.AssessorSet && !opts.Resume { // a resumed draft keeps its own (keepsWho)
		a.Assessor = assess.Assessor(opts.Assessor)
	}
	if opts.Roles.Current != "" {
		a.CurrentRole = opts.Roles.Current
	}
	if opts.Roles.Target != "" {
		a.TargetRole = opts.Roles.Target
	}
	if opts.Roles.Track != "" {
		a.Track = opts.Roles.Track
	}

	iv := &interview.Interview{
		Rubric:        r,
		Prompter:      opts.Prompter,
		Out:           opts.IO.ErrOut,
		Width:         opts.IO.ErrWidth,
		Quick:         opts.Quick,
		OfSomeoneElse: a.Assessor != assess.Self,
		DefaultName:   opts.DefaultName,
		ResumeCommand: opts.resumeCommand(""),
		Evidence:      opts.Evidence,
		Checkpoint: func(a *assess.Answers) error {
			var err error
			if draftPath == "" {
				draftPath, lock, err = st.NewDraft(a, r, opts.Now())
			} else {
				_, err = st.SaveDraft(draftPath, a, r, opts.Now())
			}
			if err != nil {
				return fmt.Errorf("cannot save the draft: %w", err)
			}
			return nil
		},
	}
	if opts.Resume {
		fmt.Fprintf(opts.IO.ErrOut, "Resuming the interview of %s (%s): %d of %d questions answered.\n",
			store.Shown(a.Person), store.ShownPath(draftPath), a.Count(iv.Questions()), len(iv.Questions()))
	} else {
		fmt.Fprint(opts.IO.ErrOut, iv.Intro())
	}
	err = iv.Run(a, !opts.Resume)
	if errors.Is(err, assess.ErrInterrupted) {
		fmt.Fprintln(opts.IO.ErrOut)
		if draftPath == "" {
			return &interruptedError{msg: "interview stopped before the first answer; nothing was saved"}
		}
		return &interruptedError{msg: fmt.Sprintf("interview paused; your answers are kept in %s\ncontinue with: %s", store.ShownPath(draftPath), opts.resumeHint(st, a.Person, draftPath))}
	}
	if err != nil {
		return err
	}

	a.Complete = true
	a.Date = opts.Now().UTC()
	if !opts.NoSave {
		path, _, err := st.SaveAssessment(a, r, opts.Now())
		if err != nil {
			return fmt.Errorf("cannot save the assessment (your answers are still in %s): %w", store.ShownPath(draftPath), err)
		}
		fmt.Fprintf(opts.IO.ErrOut, "\nsaved to %s\n", path)
	}
	if err := st.FinishDraft(draftPath); err != nil {
		warnf(opts.IO.ErrOut, "cannot remove the draft: %v", err)
	}
	fmt.Fprintln(opts.IO.ErrOut)
	return opts.render(a)
}

// keepsWho refuses an --assessor or a --rater that is not the resumed draft's: a resumed
// interview goes on as it was started, and the person's own answers must never be saved
// as a manager's (or under another rater's name). The same values, in any case, are fine.
func (opts *AssessOptions) keepsWho(d store.Draft) error {
	if opts.AssessorSet && assess.Assessor(opts.Assessor) != d.Assessor {
		return usageErrorf("", "--assessor %s: the draft %s is a %s, and a resumed interview keeps who answers (leave out --assessor, or start a new interview without --resume)",
			opts.Assessor, store.ShownPath(d.Path), reports.AssessmentName(d.Assessor, ""))
	}
	rater := strings.TrimSpace(opts.Rater)
	if rater == "" || assess.PersonKey(rater) == assess.PersonKey(d.Rater) {
		return nil
	}
	if d.Rater == "" {
		return usageErrorf("", "--rater %s: the draft %s is a %s with no rater, and a resumed interview keeps who rates (leave out --rater, or start a new interview without --resume)",
			problem.Quote(rater), store.ShownPath(d.Path), reports.AssessmentName(d.Assessor, ""))
	}
	return usageErrorf("", "--rater %s: the draft %s is rated by %s, and a resumed interview keeps who rates (leave out --rater, or start a new interview without --resume)",
		problem.Quote(rater), store.ShownPath(d.Path), problem.Quote(d.Rater))
}

func (opts *AssessOptions) render(a *assess.Answers) error {
	res := assess.Score(opts.Rubric, a, opts.Roles.scoreOptions())
	return opts.Out.write(opts.IO, func(w io.Writer) error { return opts.Output.Write(w, reports.NewPerson(res)) })
}

// draftRubric is the rubric a draft was started with, when it is not the one in use and
// no rubric was chosen for this run: the resumed interview asks the same questions.
func draftRubric(d store.Draft, current *rubric.Rubric, chosen bool) (*rubric.Rubric, error) {
	if chosen || d.Rubric.SHA256 == "" || d.Rubric.SHA256 == current.SHA256 || d.Rubric.Source == "" {
		return current, nil
	}
	var (
		r   *rubric.Rubric
		err error
	)
	if d.Rubric.Source == rubric.DefaultSource {
		r, err = rubric.Default()
	} else {
		r, err = rubric.Load(d.Rubric.Source)
	}
	if err != nil || r.SHA256 != d.Rubric.SHA256 {
		return current, nil // gone or changed: the answers are read against the current one, with a warning
	}
	return r, nil
}
