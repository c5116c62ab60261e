package cmd

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// progressThreshold is the input size from which a progress bar is worth drawing.
const progressThreshold = 2 << 20

// TeamOptions are the inputs of `team`.
type TeamOptions struct {
	IO          *IOStreams
	Rubric      *rubric.Rubric
	Paths       []string
	SkipInvalid bool
	// DateOrder is how the sheets' slash dates are read; "" settles it from each sheet.
	DateOrder assess.DateOrder
	// Calibration writes a calibration across the raters instead of the review;
	// MinPeers is the fewest peers of a person's skill that count in it.
	Calibration bool
	MinPeers    int
	// Was scores each person under an old version of the ladder too (was.go).
	Was    wasFlags
	Roles  roleFlags
	Out    outputFlags
	Output reports.Output
	// Context stops the review when cancelled.
	Context context.Context

	cmdPath string
}

// NewCmdTeam scores many people at once; runF, when set, runs instead of teamRun (tests
// check the options a command line gives).
func NewCmdTeam(f *Factory, runF func(*TeamOptions) error) *cobra.Command {
	opts := &TeamOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "team PATH...",
		Short: "Review a team: score many people from answer files, folders and team sheets",
		Long: `Score many people with the same rules as 'pmladder assess': any mix of answers files (YAML
or JSON; a YAML file may hold several people as documents separated by ---), folders of them
(searched recursively for .yaml, .yml, .json, .csv and .xlsx), and team sheets (CSV as
spreadsheets save them, or .xlsx workbooks; start one with 'pmladder template -o
team.xlsx'). - reads a sheet, a workbook or answers from stdin.

Every problem is reported as FILE:LINE (with the column for sheets; FILE:SHEET!CELL for a
workbook) and nothing is written;
with --skip-invalid, bad rows and files are reported on stderr and everyone else is scored.
Every format streams, so a team of any size fits in memory; JSON has one person per line
inside "people", which reads well with jq.

With --was OLD.yaml, the answers are read under OLD, the version of the ladder they were
written for, carried to the --rubric in force (by --map MAP.yaml, else by id) and scored
under both: each person's role held, target readiness and top gaps under each, and who
changes. Every answer with no question in the new version is named on stderr.`,
		Example: `  pmladder template --people "Ada Lovelace,Grace Hopper" -o team.xlsx
  pmladder team team.xlsx
  pmladder team team.xlsx -o review.xlsx
  pmladder team team.csv
  pmladder team team.csv --format csv -o review.csv
  pmladder team reviews/ --target senior-pm --format html -o promotion-round.html
  pmladder team reviews/ --rubric ladder-2027.yaml --was ladder-2026.yaml --map ladder-map.yaml`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("min-peers") && !opts.Calibration {
				return usageErrorf(cmd.CommandPath(), "--min-peers applies to --calibration")
			}
			if opts.MinPeers < 1 {
				return usageErrorf(cmd.CommandPath(), "--min-peers %d: want 1 or more", opts.MinPeers)
			}
			if opts.Calibration {
				opts.Out.writes("team --calibration", reports.Formats[*reports.Calibration]())
			}
			if err := opts.Was.check(cmd, &opts.Out, "team --was", reports.Formats[*reports.TeamVersions](), "calibration"); err != nil {
				return err
			}
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Paths, opts.cmdPath = args, cmd.CommandPath()
			opts.DateOrder = f.Settings.DateOrder
			if runF != nil {
				return runF(opts)
			}
			// Ctrl-C, SIGTERM or SIGHUP stops the review cleanly: nothing half-written, no
			// temporary file left behind.
			ctx, stop := interruptContext()
			defer stop()
			opts.Context = ctx
			return teamRun(opts)
		},
	}
	c.Flags().BoolVar(&opts.SkipInvalid, "skip-invalid", false, "report bad rows and files on stderr and score everyone else")
	c.Flags().String("date-order", "", "read sheets' dates such as 12/01/2026 month first (`mdy`, as US spreadsheets write them) or day first (dmy); by default a day past the 12th in the column settles it")
	c.RegisterFlagCompletionFunc("date-order", cobra.FixedCompletions(assess.DateOrders(), cobra.ShellCompDirectiveNoFileComp))
	c.Flags().BoolVar(&opts.Calibration, "calibration", false, "calibrate across raters: self against manager per person, each manager's offset against the other raters, the outliers to discuss")
	c.Flags().IntVar(&opts.MinPeers, "min-peers", assess.DefaultMinPeers, "with --calibration, count peers on a person's skill only when at least `K` rated it")
	opts.Was.register(c, "each person's role held, target readiness and top gaps under it and under the --rubric in force, and who changes")
	opts.Roles.register(c, f, true)
	opts.Out.register(c, reports.TeamFormats())
	return c
}

func teamRun(opts *TeamOptions) error {
	if err := opts.Roles.check(opts.cmdPath, opts.Rubric); err != nil {
		return err
	}
	carry, err := opts.Was.carry(opts.cmdPath, opts.Rubric, &opts.Out)
	if err != nil {
		return err
	}
	reviewRubric := opts.Rubric
	if carry != nil {
		reviewRubric = carry.Old // the answers are written for the old version
	}
	inputs, err := input.FindTeamInputs(opts.Paths, func(msg string) { warnf(opts.IO.ErrOut, "%s", msg) })
	var empty *input.EmptyFolderError
	if errors.As(err, &empty) {
		return usageErrorf(opts.cmdPath, "%v", err)
	}
	if err != nil {
		return err
	}
	for _, in := range inputs {
		opts.Out.readsFrom(in.Path)
		if in.Path == "-" && opts.IO.InTTY {
			// A terminal gives no sign that pmladder waits for it: say so, and how to end.
			infof(opts.IO.ErrOut, "reading a team sheet or answers from standard input (paste them, then Ctrl-D on a line of its own to end)")
		}
	}
	errOut := opts.IO.ErrOut
	var total int64
	for _, in := range inputs {
		total += in.Size
	}
	var bar *progress
	if opts.IO.ErrTTY && total >= progressThreshold {
		bar = &progress{out: errOut, total: total}
		defer bar.done()
		errOut = bar // every later message on a line of its own, not after the bar
	}
	streams := *opts.IO
	streams.ErrOut = errOut
	if bar != nil && streams.OutTTY {
		streams.Out = bar.before(streams.Out)
	}
	review := &input.Review{
		Rubric:      reviewRubric,
		Options:     opts.Roles.scoreOptions(),
		SkipInvalid: opts.SkipInvalid,
		DateOrder:   opts.DateOrder,
		Stdin:       &endOnce{r: opts.IO.In},
		Warn:        func(msg string) { warnf(errOut, "%s", msg) },
		Skipped:     func(msg string) { infof(errOut, "skipped: %s", msg) },
		Context:     opts.Context,
	}
	if bar != nil {
		review.Progress = bar
	}
	return opts.Out.writeSpooled(&streams, func(w io.Writer) error {
		var sink input.TeamSink
		var was *reports.TeamVersionsSink
		var err error
		switch {
		case carry != nil:
			oldOpts, newOpts := versionOptions(errOut, &opts.Roles, carry)
			if was, err = opts.Output.NewTeamVersionsSink(w, carry, oldOpts, newOpts); err == nil {
				sink = was
			}
		case opts.Calibration:
			sink, err = opts.Output.NewCalibrationSink(w, opts.Rubric, opts.MinPeers)
		default:
			sink, err = opts.Output.NewTeamSink(w, opts.Rubric, opts.Roles.Certs)
		}
		if err != nil {
			return err
		}
		err = review.Run(inputs, sink)
		if errors.Is(err, assess.ErrInterrupted) {
			return &interruptedError{msg: "team review interrupted; nothing was written"}
		}
		if err == nil && was != nil {
			warnLost(errOut, inputNames(inputs), carry, was.Lost(), true)
		}
		return err
	})
}

// endOnce is a reader that stays at its end once it has reached it. A terminal's end
// (Ctrl-D) is one read that returns nothing: a reader that looks at the input first and
// then reads it (the sniffing of stdin) would otherwise wait for a second Ctrl-D.
type endOnce struct {
	r   io.Reader
	err error
}

func (e *endOnce) Read(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.r.Read(b)
	if err != nil {
		e.err = err
	}
	return n, err
}
