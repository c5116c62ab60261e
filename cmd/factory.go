package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// Factory gives commands what they share: the streams, the environment, the settings (one
// viper instance, created here and passed down) and the rubric, loaded on first use so that
// commands which do not need it never read it.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string

	v          *viper.Viper
	rubric     *rubric.Rubric
	rubricPath string
}

// NewFactory returns a Factory over the given streams and environment.
func NewFactory(streams *IOStreams, getenv func(string) string) *Factory {
	v := viper.New()
	v.SetEnvPrefix("PMLADDER")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	v.SetDefault("color", "auto")
	return &Factory{IO: streams, Getenv: getenv, v: v}
}

// String resolves a text setting: the command's flag when given, else PMLADDER_<KEY>, else
// the config file, else the default.
func (f *Factory) String(cmd *cobra.Command, flag, key string) string {
	if fl := cmd.Flags().Lookup(flag); fl != nil && fl.Changed {
		return fl.Value.String()
	}
	return f.v.GetString(key)
}

// Bool resolves a true/false setting like String, rejecting values that are neither.
func (f *Factory) Bool(cmd *cobra.Command, flag, key string) (bool, error) {
	if fl := cmd.Flags().Lookup(flag); fl != nil && fl.Changed {
		return fl.Value.String() == "true", nil
	}
	switch val := f.v.Get(key).(type) {
	case nil:
		return false, nil
	case bool:
		return val, nil
	case string:
		b, err := strconv.ParseBool(val)
		if err != nil {
			return false, usageErrorf(cmd.CommandPath(), "%s: %q is not true or false (from PMLADDER_%s or the config file)", key, val, strings.ToUpper(key))
		}
		return b, nil
	default:
		return false, usageErrorf(cmd.CommandPath(), "%s: %v is not true or false", key, val)
	}
}

// Color reports whether output to a terminal may be coloured: never with --no-color,
// as the color setting says when it is always or never, never when NO_COLOR is set, and
// otherwise only when stdout is a terminal.
func (f *Factory) Color(cmd *cobra.Command) (bool, error) {
	if no, _ := cmd.Flags().GetBool("no-color"); no {
		return false, nil
	}
	switch mode := f.v.GetString("color"); mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if f.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		return f.IO.OutTTY, nil
	default:
		return false, usageErrorf(cmd.CommandPath(), "color: %q is not auto, always or never", mode)
	}
}

// Rubric returns the rubric chosen by --rubric, PMLADDER_RUBRIC or the config file, or the
// built-in one; it is read once.
func (f *Factory) Rubric(cmd *cobra.Command) (*rubric.Rubric, error) {
	path := f.String(cmd, "rubric", "rubric")
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

// reportSetup resolves what every command that writes a report needs: the rubric, the
// output format and how a terminal is drawn on. Colour and the terminal's width apply only
// when the output goes to the terminal, not to -o FILE or a pipe.
func (f *Factory) reportSetup(cmd *cobra.Command, out *outputFlags) (*rubric.Rubric, reports.Options, error) {
	r, err := f.Rubric(cmd)
	if err != nil {
		return nil, reports.Options{}, err
	}
	if err := out.resolve(f, cmd); err != nil {
		return nil, reports.Options{}, err
	}
	opt, err := reportOptions(f, cmd)
	if !out.toTerminal(f.IO) {
		opt = reports.Options{}
	}
	return r, opt, err
}

// Store is the store of saved assessments and drafts in the data directory.
func (f *Factory) Store(cmd *cobra.Command) (*assess.Store, error) {
	dir, err := f.DataDir(cmd)
	if err != nil {
		return nil, err
	}
	return &assess.Store{Dir: dir}, nil
}

// DataDir is where assessments and drafts live: --data-dir, PMLADDER_DATA_DIR, the config
// file, else $XDG_DATA_HOME/pmladder, else ~/.local/share/pmladder.
func (f *Factory) DataDir(cmd *cobra.Command) (string, error) {
	if d := f.String(cmd, "data-dir", "data_dir"); d != "" {
		return expandHome(d, f.Getenv), nil
	}
	if x := f.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "pmladder"), nil
	}
	home := f.Getenv("HOME")
	if home == "" {
		var err error
		if home, err = os.UserHomeDir(); err != nil {
			return "", fmt.Errorf("cannot find a data directory: set --data-dir or XDG_DATA_HOME")
		}
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
