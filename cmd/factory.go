package cmd

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// Factory gives commands what they share: the streams, the environment, the settings
// (resolved once, before the command runs) and the rubric, loaded on first use so that
// commands which do not need it never read it.
type Factory struct {
	IO *IOStreams
	// Getenv is the environment: every PMLADDER_* variable, NO_COLOR, HOME and the XDG
	// directories are read through it, never from the process, so tests are isolated.
	Getenv func(string) string
	// Settings are resolved by the root command before any command runs.
	Settings Settings
	// Program is pmladder as the user ran it ("pmladder", "./bin/pmladder"), for the
	// commands that hints tell them to run.
	Program string

	v          *viper.Viper
	rubric     *rubric.Rubric
	rubricPath string
}

// NewFactory returns a Factory over the given streams and environment.
func NewFactory(streams *IOStreams, getenv func(string) string) *Factory {
	return &Factory{IO: streams, Getenv: getenv, v: viper.New(), Program: "pmladder"}
}

// Settings are pmladder's settings, each resolved once: the flag when given, else
// PMLADDER_<KEY>, else the config file, else the default. A value that is not valid is an
// error (exit 2) wherever it comes from.
type Settings struct {
	// Rubric is the rubric file; "" is the built-in rubric.
	Rubric string
	// DataDir is where assessments and drafts live.
	DataDir string
	// Name is the person assessed when no --name is given.
	Name string
	// Format is the preferred output format; a command that cannot write it uses its own
	// default.
	Format string
	// Color is auto, always or never; NoColor (--no-color, NO_COLOR) overrides it.
	Color   string
	NoColor bool
	// Accessible asks for plain numbered prompts.
	Accessible bool
	// Evidence asks, in the interview, for an example behind each skill's rating.
	Evidence bool
	// DateOrder is how team sheets' slash dates are read (mdy or dmy); "" settles it from
	// each sheet's own dates.
	DateOrder assess.DateOrder
	// Pager is the command a report taller than the terminal is shown through; "" is
	// PAGER, else less; "cat" (or --no-pager) is none (pager.go).
	Pager string
}

// checkSetting settles the value of a setting that names one of a list (format, color)
// wherever it comes from, as the flag's value is matched: any case, the closest suggested
// for a typo. It returns the value to use and, when there is none, what is wrong.
func checkSetting(key, value string) (string, string) {
	known := []string{"auto", "always", "never"}
	list := "auto, always or never"
	switch key {
	case "format":
		known = formatNames(reports.AllFormats())
		list = "one of " + strings.Join(known, ", ")
	case "date_order":
		known = assess.DateOrders()
		list = "mdy (month first, as in the US) or dmy (day first)"
	}
	v, hint := match.Value(value, known)
	if v == "" {
		return value, fmt.Sprintf("%s %s%s is not %s", key, problem.Quote(value), hint, list)
	}
	return v, ""
}

// settingKeys are the keys of the config file and, upper-cased, of PMLADDER_<KEY>.
func settingKeys() []string {
	return []string{"rubric", "data_dir", "name", "format", "color", "accessible", "evidence", "date_order", "pager"}
}

// resolveSettings fills f.Settings from the flags, the environment and the config file
// (already merged into f.v by loadConfig).
func (f *Factory) resolveSettings(cmd *cobra.Command) error {
	for _, key := range settingKeys() {
		if val := f.Getenv("PMLADDER_" + strings.ToUpper(key)); val != "" {
			f.v.Set(key, val)
		}
	}
	str := func(flag, key, def string) string {
		if fl := cmd.Flags().Lookup(flag); fl != nil && fl.Changed {
			return fl.Value.String()
		}
		if s := f.v.GetString(key); s != "" {
			return s
		}
		return def
	}
	s := Settings{
		Rubric: str("rubric", "rubric", ""),
		Name:   str("name", "name", ""),
		Format: f.v.GetString("format"),
		Color:  str("", "color", "auto"),
	}
	if s.Rubric != "" {
		s.Rubric = expandHome(s.Rubric, f.Getenv)
	}
	if fl := cmd.Flags().Lookup("name"); !utf8.ValidString(s.Name) && (fl == nil || !fl.Changed) { // --name: the command's own check
		return usageErrorf(cmd.CommandPath(), "the name %s (from PMLADDER_NAME or the config file) is not UTF-8 text", problem.Quote(s.Name))
	}
	var msg string
	if s.Format != "" {
		if s.Format, msg = checkSetting("format", s.Format); msg != "" {
			return usageErrorf(cmd.CommandPath(), "%s (from PMLADDER_FORMAT or the config file)", msg)
		}
	}
	if s.Color, msg = checkSetting("color", s.Color); msg != "" {
		return usageErrorf(cmd.CommandPath(), "%s", msg)
	}
	if order := str("date-order", "date_order", ""); order != "" {
		v, msg := checkSetting("date_order", order)
		if fl := cmd.Flags().Lookup("date-order"); msg != "" && fl != nil && fl.Changed {
			_, hint := match.Value(order, assess.DateOrders())
			return usageErrorf(cmd.CommandPath(), "--date-order %q%s is not mdy or dmy", order, hint)
		}
		if msg != "" {
			return usageErrorf(cmd.CommandPath(), "%s (from PMLADDER_DATE_ORDER or the config file)", msg)
		}
		s.DateOrder = assess.DateOrder(v)
	}
	s.NoColor, _ = cmd.Flags().GetBool("no-color")
	s.NoColor = s.NoColor || f.Getenv("NO_COLOR") != ""
	var err error
	if s.Accessible, err = f.boolSetting(cmd, "accessible", "accessible", false); err != nil {
		return err
	}
	if s.Evidence, err = f.boolSetting(cmd, "", "evidence", true); err != nil {
		return err
	}
	if s.DataDir, err = f.dataDir(str("data-dir", "data_dir", "")); err != nil {
		return err
	}
	s.Pager = str("", "pager", "")
	noPager, _ := cmd.Flags().GetBool("no-pager")
	f.IO.Pager, f.IO.PagerEnv = f.pagerCommand(s.Pager, noPager)
	f.Settings = s
	return nil
}

// boolSetting resolves a true/false setting, def when it is not set, rejecting values that
// are neither.
func (f *Factory) boolSetting(cmd *cobra.Command, flag, key string, def bool) (bool, error) {
	if fl := cmd.Flags().Lookup(flag); fl != nil && fl.Changed {
		return fl.Value.String() == "true", nil
	}
	switch val := f.v.Get(key).(type) {
	case nil:
		return def, nil
	case bool:
		return val, nil
	case string:
		b, err := strconv.ParseBool(val)
		if err != nil {
			return false, usageErrorf(cmd.CommandPath(), "%s: %s is not true or false (from PMLADDER_%s or the config file)", key, problem.Quote(val), strings.ToUpper(key))
		}
		return b, nil
	default:
		return false, usageErrorf(cmd.CommandPath(), "%s: %v is not true or false", key, val)
	}
}

// color reports whether output to the terminal may be coloured: never with --no-color
// or NO_COLOR, always with color: always (piped too), else only on a terminal.
func (s Settings) color(outTTY bool) bool {
	switch {
	case s.NoColor || s.Color == "never":
		return false
	case s.Color == "always":
		return true
	default:
		return outTTY
	}
}

// Rubric returns the rubric of the settings, or the built-in one; it is read once.
func (f *Factory) Rubric() (*rubric.Rubric, error) {
	path := f.Settings.Rubric
	if f.rubric != nil && f.rubricPath == path {
		return f.rubric, nil
	}
	var (
		r   *rubric.Rubric
		err error
	)
	if path == "" {
		r, err = rubric.Default()
		if err != nil {
			return nil, fmt.Errorf("internal error: the built-in rubric is invalid: %w", err)
		}
	} else if r, err = rubric.Load(path); err != nil {
		return nil, err
	}
	f.rubric, f.rubricPath = r, path
	return r, nil
}

// reportSetup resolves what every command that writes a report needs: the rubric and the
// output. Colour and the terminal's width apply only when the output goes to the
// terminal, not to -o FILE or a pipe; color: always colours a pipe too.
func (f *Factory) reportSetup(cmd *cobra.Command, out *outputFlags) (*rubric.Rubric, reports.Output, error) {
	r, err := f.Rubric()
	if err != nil {
		return nil, reports.Output{}, err
	}
	o, err := out.resolve(f, cmd)
	return r, o, err
}

// terminal is how the table is drawn on standard output.
func (f *Factory) terminal() reports.Options {
	return reports.Options{Color: f.Settings.color(f.IO.OutTTY), Width: f.IO.Width, Location: f.location()}
}

// location is the zone dates are shown in: TZ when the environment names a zone, else the
// system's; a TZ that names no known zone means UTC, as in the C library.
func (f *Factory) location() *time.Location {
	tz := strings.TrimPrefix(f.Getenv("TZ"), ":")
	if tz == "" {
		return time.Local
	}
	if loc, err := time.LoadLocation(tz); err == nil {
		return loc
	}
	return time.UTC
}

// Store is the store of saved assessments and drafts in the data directory.
func (f *Factory) Store() *store.Store { return &store.Store{Dir: f.Settings.DataDir} }

// dataDir is where assessments and drafts live: the setting, else $XDG_DATA_HOME/pmladder,
// else ~/.local/share/pmladder.
func (f *Factory) dataDir(setting string) (string, error) {
	if setting != "" {
		return expandHome(setting, f.Getenv), nil
	}
	if x := f.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "pmladder"), nil
	}
	home := f.Getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("cannot find a data directory: set --data-dir, XDG_DATA_HOME or HOME")
	}
	return filepath.Join(home, ".local", "share", "pmladder"), nil
}

// expandHome turns a leading ~/ into the home directory, as a shell would.
func expandHome(p string, getenv func(string) string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home := getenv("HOME"); home != "" {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}
