package cmd

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// RubricDiffOptions are the inputs of `rubric diff`: two roles of the rubric in force, or
// two versions of a ladder (Versions).
type RubricDiffOptions struct {
	IO       *IOStreams
	Rubric   *rubric.Rubric
	From, To string
	// Versions is true when From and To are rubric files (isRubricFileArg).
	Versions bool
	Out      outputFlags
	Output   reports.Output

	cmdPath string
}

// NewCmdRubricDiff shows what changes between two roles, or between two versions of a
// ladder. runF, when set, runs instead of rubricDiffRun.
func NewCmdRubricDiff(f *Factory, runF func(*RubricDiffOptions) error) *cobra.Command {
	opts := &RubricDiffOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "diff {FROM TO | OLD.yaml NEW.yaml}",
		Short: "Show what changes from one role to another, or from one version of a ladder to the next",
		Long: `With two roles, list the skills whose expectation differs between them, with both
expectations and the anchored statements at each level: what doing the skill looks like in
each role. Before a promotion conversation, diff your role and the next one.

With two rubric files, list what changes from one version of a ladder to the next: the
skills, questions and roles added, removed, renamed and changed (expectations per role,
weight, core, statements, level, next roles, tracks). A thing whose id stays is the same
thing; an id that is gone and a new one with the same name (a question's text) are one
thing renamed.

The two arguments are rubric files when each ends in .yaml or .yml, or names an existing
file and no role of the rubric in force; roles otherwise. One of each is an error.`,
		Example: `  pmladder rubric diff pm senior-pm
  pmladder rubric diff senior-pm group-pm --format markdown -o next-level.md
  pmladder rubric diff ladder-2026.yaml ladder-2027.yaml
  pmladder rubric diff ladder-2026.yaml ladder-2027.yaml --format json`,
		Args: usageArgs(cobra.ExactArgs(2)),
		ValidArgsFunction: forArgs(2, func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 1 && isYAMLName(args[0]) { // the second version of a ladder
				return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
			}
			return f.completeRoles(cmd, args, prefix)
		}),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Output, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.From, opts.To, opts.cmdPath = args[0], args[1], cmd.CommandPath()
			from, to := isRubricFileArg(opts.From, opts.Rubric), isRubricFileArg(opts.To, opts.Rubric)
			if from != to {
				file, role := opts.From, opts.To
				if to {
					file, role = opts.To, opts.From
				}
				return usageErrorf(opts.cmdPath, "%s is a rubric file and %s is not: diff two roles (diff pm senior-pm) or two versions of a ladder (diff old.yaml new.yaml)",
					filepath.Base(file), role)
			}
			opts.Versions = from
			if runF != nil {
				return runF(opts)
			}
			return rubricDiffRun(opts)
		},
	}
	opts.Out.register(c, reports.Formats[*reports.RubricDiff]())
	return c
}

// isRubricFileArg tells a rubric file from a role among rubric diff's arguments: a name
// ending in .yaml or .yml, or an existing file that is no role of the rubric in force.
func isRubricFileArg(arg string, r *rubric.Rubric) bool {
	if isYAMLName(arg) {
		return true
	}
	if r.Role(arg) != nil {
		return false
	}
	fi, err := os.Stat(arg)
	return err == nil && !fi.IsDir()
}

func rubricDiffRun(opts *RubricDiffOptions) error {
	if opts.Versions {
		return rubricVersionsRun(opts)
	}
	r := opts.Rubric
	from, err := resolveRole(opts.cmdPath, "", opts.From, r)
	if err != nil {
		return err
	}
	to, err := resolveRole(opts.cmdPath, "", opts.To, r)
	if err != nil {
		return err
	}
	return opts.Out.write(opts.IO, func(w io.Writer) error {
		return opts.Output.Write(w, reports.NewRubricDiff(r, r.Role(from), r.Role(to)))
	})
}

// rubricVersionsRun diffs two versions of a ladder.
func rubricVersionsRun(opts *RubricDiffOptions) error {
	old, err := loadVersion(opts.cmdPath, opts.From)
	if err != nil {
		return err
	}
	new, err := loadVersion(opts.cmdPath, opts.To)
	if err != nil {
		return err
	}
	opts.Out.readsFrom(opts.From)
	opts.Out.readsFrom(opts.To)
	return opts.Out.write(opts.IO, func(w io.Writer) error {
		return opts.Output.Write(w, reports.NewRubricVersions(rubric.CompareVersions(old, new)))
	})
}

// loadVersion reads a version of a ladder named on the command line (rubric diff OLD
// NEW, --was): a file that is not there is a usage error, not a failure to read.
func loadVersion(cmdPath, path string) (*rubric.Rubric, error) {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil, usageErrorf(cmdPath, "%s: no such rubric file", path)
	}
	return rubric.Load(path)
}

// isYAMLName reports whether a file name ends in .yaml or .yml, in any case.
func isYAMLName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}
