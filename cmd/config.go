package cmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/internal/yamlnode"
)

// configPath is --config, else PMLADDER_CONFIG, else $XDG_CONFIG_HOME/pmladder/config.yaml
// (XDG_CONFIG_HOME defaults to ~/.config). explicit is false for the default location, which may be absent.
func (f *Factory) configPath(cmd *cobra.Command) (path string, explicit bool) {
	if fl := cmd.Flags().Lookup("config"); fl != nil && fl.Changed {
		return fl.Value.String(), true
	}
	if p := f.Getenv("PMLADDER_CONFIG"); p != "" {
		return p, true
	}
	dir := f.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := f.Getenv("HOME")
		if home == "" {
			return "", false
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "pmladder", "config.yaml"), false
}

// loadConfig reads the config file into the settings. Unknown keys and values of the wrong
// kind are errors with their line, like every other input. Relative paths in the file are
// taken relative to the file, so a config works from any directory.
func (f *Factory) loadConfig(cmd *cobra.Command) error {
	path, explicit := f.configPath(cmd)
	if path == "" {
		return f.resolveSettings(cmd)
	}
	path = expandHome(path, f.Getenv)
	data, err := inputfile.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return f.resolveSettings(cmd)
	}
	if err != nil {
		return fmt.Errorf("cannot read config: %w", err)
	}
	values, err := parseConfig(path, data)
	if err != nil {
		return err
	}
	for _, key := range []string{"rubric", "data_dir"} {
		if p, ok := values[key].(string); ok && p != "" {
			p = expandHome(p, f.Getenv)
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(path), p)
			}
			values[key] = p
		}
	}
	if err := f.v.MergeConfigMap(values); err != nil {
		return err
	}
	return f.resolveSettings(cmd)
}

// parseConfig checks a config file and returns its settings.
func parseConfig(path string, data []byte) (map[string]any, error) {
	values := map[string]any{}
	if len(bytes.TrimSpace(data)) == 0 {
		return values, nil
	}
	rd := yamlnode.Reader{File: path}
	root := rd.Parse(data, "a config file (a mapping of settings)")
	if root == nil {
		return nil, rd.Problems.Err()
	}
	fields := rd.Mapping(root, "the config file", settingKeys()...)
	for key, fld := range fields {
		if yamlnode.IsNull(fld.Value) {
			continue
		}
		switch key {
		case "accessible", "evidence":
			values[key] = rd.Bool(fld.Value, key)
		case "color", "format", "date_order":
			v, msg := checkSetting(key, rd.String(fld.Value, key))
			if msg != "" {
				rd.Addf(fld.Value, "%s", msg)
			}
			values[key] = v
		default:
			values[key] = rd.String(fld.Value, key)
		}
	}
	if err := rd.Problems.Err(); err != nil {
		return nil, err
	}
	return values, nil
}
