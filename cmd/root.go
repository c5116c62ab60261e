// Package cmd is pmladder's command line: one file per command, each a NewCmdX function
// that fills an options struct from flags and settings and a run function that does the
// work through the streams it is given.
package cmd

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/internal/printable"
)

// Execute runs pmladder with the process's arguments, streams and environment and returns
// the exit status for main to pass to os.Exit.
func Execute() int {
	// A write to a closed pipe returns EPIPE rather than killing the process, so that a
	// review spooled to a temporary file removes it when the reader stops (| head).
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	return runAs(invokedAs(os.Args[0]), os.Args[1:], SystemIO(), os.Getenv)
}

// invokedAs is pmladder as the user ran it, for hints they can paste: the path as typed
// when they typed one (./bin/pmladder after make build), else the name the shell found
// on the PATH. A binary that `go run` built in a temporary folder is named pmladder.
func invokedAs(argv0 string) string {
	if !strings.ContainsRune(argv0, filepath.Separator) || strings.Contains(argv0, "go-build") {
		return "pmladder"
	}
	return printable.ShellWord(argv0)
}

// interruptContext is cancelled when the user stops pmladder: Ctrl-C (SIGINT), SIGTERM, or
// SIGHUP (the terminal closed, an ssh session dropped). Each ends an interview with its
// draft kept and the way to resume printed, a team review with nothing left behind, and
// the status 130 (docs/cli.md, "Exit statuses").
func interruptContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
}

// Run runs pmladder with the given arguments, streams and environment and returns the exit
// status. Errors are printed here, once, on the error stream; a panic becomes an internal
// error message, never a stack trace.
func Run(args []string, streams *IOStreams, getenv func(string) string) int {
	return runAs("pmladder", args, streams, getenv)
}

// runAs is Run for pmladder invoked as program (invokedAs).
func runAs(program string, args []string, streams *IOStreams, getenv func(string) string) (status int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(streams.ErrOut, "pmladder: internal error: %v (please report this)\n", p)
			status = ExitFailure
		}
	}()
	f := NewFactory(streams, getenv)
	f.Program = program
	root := NewCmdRoot(f)
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		printError(streams.ErrOut, err)
	}
	return exitCode(err)
}

// NewCmdRoot builds the whole command tree over the factory.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := newRoot(f)
	root.AddCommand(
		NewCmdAssess(f, nil),
		NewCmdReport(f, nil),
		NewCmdHistory(f, nil),
		NewCmdPlan(f, nil),
		NewCmdCompare(f, nil),
		NewCmdPacket(f, nil),
		NewCmdTeam(f, nil),
		NewCmdTemplate(f, nil),
		NewCmdRubric(f),
		NewCmdVersion(f),
	)
	// cobra's own completion command groups one subcommand per shell; like our groups, it
	// must reject an unknown shell rather than print help and succeed.
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Args = noSubcommand
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
	}
	return root
}

// newRoot is the root command without its subcommands: the persistent flags and the
// settings every command resolves before it runs.
func newRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "pmladder",
		Short: "Career self-assessment and gap reports for product managers",
		Long: `pmladder tells a product manager where they stand on the career ladder and what to do
next. It interviews you about your analytical, communication, leadership and technical
skills, scores the answers against a rubric of what each role expects, and prints a gap
report toward a target role with the certifications and next roles that close the gaps.

Settings come from flags, then PMLADDER_<KEY> environment variables, then the config file
($XDG_CONFIG_HOME/pmladder/config.yaml, or --config), then defaults.

` + exitHelp,
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          noSubcommand,
		RunE: func(cmd *cobra.Command, args []string) error {
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return f.loadConfig(cmd)
		},
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetVersionTemplate("pmladder {{.Version}}\n")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err: flagError(c, err), hint: c.CommandPath()}
	})

	pf := root.PersistentFlags()
	pf.String("config", "", "read settings from `FILE` (default $XDG_CONFIG_HOME/pmladder/config.yaml)")
	pf.String("rubric", "", "use the career ladder in `FILE` instead of the built-in one")
	pf.String("data-dir", "", "keep assessments and drafts in `DIR` (default $XDG_DATA_HOME/pmladder)")
	pf.Bool("no-color", false, "never colour output (also NO_COLOR=1)")
	pf.Bool("accessible", false, "plain numbered prompts without cursor movement, for screen readers")
	pf.Bool("no-pager", false, "never show a report through a pager (PMLADDER_PAGER, PAGER, less); also pager: cat")

	return root
}

// flagError words a flag that pflag does not know as the other unknown names are,
// with the closest flags of the command as a suggestion: "unknown flag --tagret (did
// you mean --target?)". Other flag errors pass as they are.
func flagError(c *cobra.Command, err error) error {
	// pflag says `invalid argument "abc" for "--min-peers" flag: strconv.ParseInt: parsing
	// "abc": invalid syntax`; the parser's words say nothing a person can use.
	if head, parser, ok := strings.Cut(err.Error(), " flag: "); ok && strings.HasPrefix(parser, "strconv.Parse") {
		head = strings.TrimSuffix(strings.Replace(head, ` for "`, " for ", 1), `"`)
		want := "want a number"
		switch {
		case strings.HasSuffix(parser, "value out of range"):
			want = "too large"
		case strings.HasPrefix(parser, "strconv.ParseInt") || strings.HasPrefix(parser, "strconv.ParseUint"):
			want = "want a whole number"
		}
		return fmt.Errorf("%s: %s", head, want)
	}
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: ")
	if !ok {
		return err
	}
	var known []string
	for _, set := range []*pflag.FlagSet{c.Flags(), c.InheritedFlags()} {
		set.VisitAll(func(fl *pflag.Flag) {
			if !fl.Hidden && !slices.Contains(known, "--"+fl.Name) {
				known = append(known, "--"+fl.Name)
			}
		})
	}
	_, hint := match.Value(name, known)
	return fmt.Errorf("unknown flag %s%s", name, hint)
}

// noSubcommand rejects an unknown subcommand of a command that groups others, instead of
// cobra's default of printing help and succeeding.
func noSubcommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if cmd.SuggestionsMinimumDistance <= 0 {
		cmd.SuggestionsMinimumDistance = 2
	}
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(s, " or "))
	}
	return &usageError{err: fmt.Errorf("%s", msg), hint: cmd.CommandPath()}
}

// usageArgs wraps a cobra argument check so that its failure counts as invalid usage.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &usageError{err: err, hint: cmd.CommandPath()}
		}
		return nil
	}
}

// version is the module version the binary was built from ("devel" for a local build).
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "devel"
	}
	return info.Main.Version
}
