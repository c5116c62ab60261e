package cmd

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// parseCommand runs a command line through the real root (persistent flags, settings)
// with the command built by newCmd, whose runF keeps the options instead of running: the
// flag-to-options mapping, tested as gh tests it. env is the whole environment.
func parseCommand[T any](t *testing.T, env map[string]string, newCmd func(*Factory, func(*T) error) *cobra.Command, args ...string) *T {
	t.Helper()
	var out, errOut bytes.Buffer
	f := NewFactory(&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, func(k string) string { return env[k] })
	root := newRoot(f)
	var got *T
	root.AddCommand(newCmd(f, func(o *T) error { got = o; return nil }))
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	if got == nil {
		t.Fatalf("%v: the command did not run", args)
	}
	return got
}

func TestFlagsToOptions(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{"HOME": home}

	team := parseCommand(t, env, NewCmdTeam, "team", "a.csv", "dir", "--skip-invalid", "--target", "senior-pm",
		"--track", "ic", "--certs", "5", "--format", "csv", "--excel", "-o", "review.csv")
	if strings.Join(team.Paths, " ") != "a.csv dir" || !team.SkipInvalid || team.Roles.Target != "senior-pm" ||
		team.Roles.Track != "ic" || team.Roles.Certs != 5 || team.Output.Format != "csv" || !team.Output.Excel ||
		team.Out.Output != "review.csv" || team.Output.Color {
		t.Errorf("team: %+v", team)
	}

	report := parseCommand(t, env, NewCmdReport, "report", "--current", "pm", "--format", "json", "--what-if")
	if report.File != "latest" || report.Roles.Current != "pm" || report.Output.Format != "json" || !report.WhatIf ||
		report.Store.Dir != filepath.Join(home, ".local", "share", "pmladder") {
		t.Errorf("report: %+v, store %s", report, report.Store.Dir)
	}

	history := parseCommand(t, map[string]string{"HOME": home, "PMLADDER_FORMAT": "csv", "XDG_DATA_HOME": "/x"}, NewCmdHistory,
		"history", "--person", "Ada")
	if history.Person != "Ada" || history.Output.Format != "csv" || history.Store.Dir != "/x/pmladder" {
		t.Errorf("history: %+v, store %s (PMLADDER_FORMAT and XDG_DATA_HOME apply)", history, history.Store.Dir)
	}

	compare := parseCommand(t, env, NewCmdCompare, "compare", "old.yaml", "new.yaml", "peer.yaml", "--all", "--min-peers", "2", "--format", "markdown")
	if strings.Join(compare.Files, "|") != "old.yaml|new.yaml|peer.yaml" || !compare.All || compare.MinPeers != 2 || compare.Output.Format != "markdown" {
		t.Errorf("compare: %+v", compare)
	}

	// PMLADDER_FORMAT names a format template cannot write: its own default applies.
	template := parseCommand(t, map[string]string{"HOME": home, "PMLADDER_FORMAT": "json"}, NewCmdTemplate,
		"template", "--people", "Ada,Grace", "--people", "Linus", "--quick", "--assessor", "manager")
	if strings.Join(template.People, "|") != "Ada|Grace|Linus" || !template.Quick || template.Assessor != "manager" ||
		template.Output.Format != "csv" {
		t.Errorf("template: %+v", template)
	}

	show := parseCommand(t, env, NewCmdRubricShow, "show", "--role", "pm", "--no-color")
	if show.Role != "pm" || show.Output.Color || show.Output.Format != "table" {
		t.Errorf("rubric show: %+v", show)
	}
	validate := parseCommand(t, env, NewCmdRubricValidate, "validate", "a.yaml", "b.yaml")
	if strings.Join(validate.Files, " ") != "a.yaml b.yaml" {
		t.Errorf("rubric validate: %+v", validate)
	}
	initOpts := parseCommand(t, env, NewCmdRubricInit, "init", "my.yaml", "--force")
	if initOpts.File != "my.yaml" || !initOpts.Force {
		t.Errorf("rubric init: %+v", initOpts)
	}
	imp := parseCommand(t, env, NewCmdRubricImport, "import", "ladder.xlsx", "--sheet", "Engineering", "--name", "Our ladder", "-o", "ladder.yaml", "-f")
	if imp.File != "ladder.xlsx" || imp.Sheet != "Engineering" || imp.Name != "Our ladder" || imp.Out.Output != "ladder.yaml" || !imp.Force {
		t.Errorf("rubric import: %+v", imp)
	}
}

func TestAssessFlagsToOptions(t *testing.T) {
	home := t.TempDir()
	newAssess := func(f *Factory, runF func(*AssessOptions) error) *cobra.Command {
		return NewCmdAssess(f, func(_ context.Context, o *AssessOptions) error { return runF(o) })
	}
	// The name comes from the flag, else the setting (then it is only the default
	// offered), else the login name.
	o := parseCommand(t, map[string]string{"HOME": home, "USER": "ada"}, newAssess,
		"assess", "--answers", "-", "--name", "Ada Lovelace", "--assessor", "manager", "--save", "--target", "senior-pm")
	if o.AnswersFile != "-" || o.Name != "Ada Lovelace" || o.Assessor != "manager" || !o.AssessorSet || !o.Save ||
		o.Roles.Target != "senior-pm" || o.Output.Format != "table" {
		t.Errorf("assess: %+v", o)
	}
	o = parseCommand(t, map[string]string{"HOME": home, "USER": "ada", "PMLADDER_NAME": "Grace", "PMLADDER_ACCESSIBLE": "true"}, newAssess,
		"assess", "--quick", "--resume", "--no-save")
	if o.Name != "" || o.DefaultName != "Grace" || !o.Accessible || !o.Quick || !o.Resume || !o.NoSave || o.AssessorSet {
		t.Errorf("assess with PMLADDER_NAME: %+v", o)
	}
	o = parseCommand(t, map[string]string{"HOME": home, "USER": "ada"}, newAssess, "assess", "--accessible")
	if o.DefaultName != "ada" || !o.Accessible {
		t.Errorf("assess with the login name: %+v", o)
	}
}

// TestSettingsComeOnlyFromTheGivenEnvironment: settings resolve from the environment the
// factory is given, never the process's; an invalid value is invalid usage.
func TestSettingsComeOnlyFromTheGivenEnvironment(t *testing.T) {
	t.Setenv("PMLADDER_RUBRIC", "/nonexistent.yaml")
	t.Setenv("PMLADDER_COLOR", "purple")
	home := t.TempDir()
	show := parseCommand(t, map[string]string{"HOME": home}, NewCmdRubricShow, "show")
	if show.Rubric == nil || show.Rubric.Source != "built-in" {
		t.Errorf("the process's PMLADDER_RUBRIC leaked into the settings")
	}
	var out, errOut bytes.Buffer
	f := NewFactory(&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		func(k string) string { return map[string]string{"HOME": home, "PMLADDER_COLOR": "purple"}[k] })
	root := NewCmdRoot(f)
	root.SetArgs([]string{"rubric", "roles"})
	if err := root.Execute(); exitCode(err) != ExitInvalid || !strings.Contains(err.Error(), `color "purple"`) {
		t.Errorf("an invalid PMLADDER_COLOR: %v", err)
	}
}

// TestVersionFlagsToOptions: --was and --map, and rubric diff telling two versions from
// two roles by its arguments (docs/cli.md, "Two versions of a ladder").
func TestVersionFlagsToOptions(t *testing.T) {
	env := map[string]string{"HOME": t.TempDir()}
	team := parseCommand(t, env, NewCmdTeam, "team", "a.csv", "--was", "old.yaml", "--map", "map.yaml", "-o", "moves.md")
	if team.Was.Was != "old.yaml" || team.Was.Map != "map.yaml" || team.Output.Format != "markdown" {
		t.Errorf("team --was: %+v", team)
	}
	report := parseCommand(t, env, NewCmdReport, "report", "ada.yaml", "--was", "old.yaml", "--format", "csv")
	if report.File != "ada.yaml" || report.Was.Was != "old.yaml" || report.Was.Map != "" || report.Output.Format != "csv" {
		t.Errorf("report --was: %+v", report)
	}
	history := parseCommand(t, env, NewCmdHistory, "history", "--trend", "--was", "old.yaml", "--map", "m.yaml")
	if !history.Trend || history.Was.Was != "old.yaml" || history.Was.Map != "m.yaml" {
		t.Errorf("history --trend --was: %+v", history)
	}
	for _, tc := range []struct {
		args     []string
		versions bool
	}{
		{[]string{"diff", "pm", "senior-pm"}, false},
		{[]string{"diff", "old.yaml", "NEW.YML"}, true}, // by the name alone: need not exist yet
		{[]string{"diff", "PM", "Senior_PM"}, false},
	} {
		d := parseCommand(t, env, NewCmdRubricDiff, tc.args...)
		if d.Versions != tc.versions || d.From != tc.args[1] || d.To != tc.args[2] {
			t.Errorf("%v: versions %v, want %v (%+v)", tc.args, d.Versions, tc.versions, d)
		}
	}
}
