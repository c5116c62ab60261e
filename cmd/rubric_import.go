package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric/ladderimport"
)

// RubricImportOptions are the inputs of `rubric import`.
type RubricImportOptions struct {
	IO    *IOStreams
	File  string
	Sheet string
	Name  string
	Force bool
	Out   outputFlags

	cmdPath string
}

// NewCmdRubricImport turns a ladder kept as a spreadsheet into a rubric.
// runF, when set, runs instead of the command.
func NewCmdRubricImport(f *Factory, runF func(*RubricImportOptions) error) *cobra.Command {
	opts := &RubricImportOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Make a rubric from a ladder kept as a spreadsheet (CSV or XLSX)",
		Long: `Make a rubric from a career ladder kept as a spreadsheet, CSV or XLSX ("-" reads standard
input), and write it as YAML to stdout or -o FILE. Two layouts are read:

  a grid     a row per competency, a column per level (L1, L2 … or Junior, Senior …);
             optional columns of category, description, sub-competency and actions; a
             cell may hold several statements, on lines of their own or as bullets;
             levels named IC or manager (IC3, M1, Engineering Manager, Director …)
             make two tracks
  long rows  level, competency, statement (several rows for one level and competency),
             optionally category, sub-competency, description and track

Each level becomes a role and the score that stands for it (0 is not yet at the first
level), each competency a skill, each level's words the statements of its questions: a
person who answers at a level's statements holds that level. What was assumed (the
header, ids made from names, levels merged, empty cells) is said as FILE:ROW: warning
(FILE:SHEET!CELL for a workbook); what cannot be read is exit 2, with where and what to
change. The rubric validates; check it with rubric validate --strict, then edit it.`,
		Example: `  pmladder rubric import ladder.xlsx -o ladder.yaml
  pmladder rubric import ladder.csv > ladder.yaml
  pmladder rubric import ladder.xlsx --sheet Engineering -o engineering.yaml
  pmladder rubric validate --strict ladder.yaml
  pmladder assess --rubric ladder.yaml`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			opts.cmdPath = cmd.CommandPath()
			if runF != nil {
				return runF(opts)
			}
			return rubricImportRun(opts)
		},
	}
	c.Flags().StringVarP(&opts.Out.Output, "output", "o", "", "write the rubric to `FILE` (atomically, mode 0600) instead of stdout")
	c.Flags().StringVar(&opts.Sheet, "sheet", "", "the workbook's sheet `NAME` to read (default: its first visible sheet)")
	c.Flags().StringVar(&opts.Name, "name", "", "the ladder's `NAME` (default: the sheet's title row, else the file's name)")
	c.Flags().BoolVarP(&opts.Force, "force", "f", false, "overwrite the -o FILE if it exists")
	return c
}

func rubricImportRun(opts *RubricImportOptions) error {
	if !opts.Out.toStdout() {
		if ext := strings.ToLower(filepath.Ext(opts.Out.Output)); ext != "" && ext != ".yaml" && ext != ".yml" {
			return usageErrorf(opts.cmdPath, "-o %s: rubric import writes YAML: name the file .yaml", opts.Out.Output)
		}
		if fi, err := os.Stat(opts.Out.Output); err == nil && fi.Mode().IsRegular() && !opts.Force {
			return usageErrorf(opts.cmdPath, "%s already exists; use --force to overwrite it", opts.Out.Output)
		}
		if opts.File != "-" {
			opts.Out.readsFrom(opts.File)
		}
		opts.Out.cmdPath = opts.cmdPath
		if err := opts.Out.checkTarget(); err != nil {
			return err
		}
	}
	name, data, err := readInput(opts.IO, opts.File)
	if err != nil {
		return fmt.Errorf("cannot read ladder: %w", err)
	}
	res, err := ladderimport.Import(name, data, ladderimport.Options{Sheet: opts.Sheet, Name: opts.Name})
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		infof(opts.IO.ErrOut, "%s", w)
	}
	tracks := ""
	if res.Tracks > 0 {
		tracks = " on " + words.Count(res.Tracks, "track", "tracks")
	}
	infof(opts.IO.ErrOut, "imported %s: %s%s, %s as %s, %s", name, words.Count(res.Levels, "level", "levels"), tracks,
		words.Count(res.Competencies, "competency", "competencies"), words.Count(res.Skills, "skill", "skills"),
		words.Count(res.Questions, "question", "questions"))
	if err := opts.Out.write(opts.IO, func(w io.Writer) error {
		_, err := w.Write(res.YAML)
		return err
	}); err != nil {
		return err
	}
	if !opts.Out.toStdout() {
		infof(opts.IO.ErrOut, "check it: pmladder rubric validate --strict %s; try it: pmladder assess --rubric %s", opts.Out.Output, opts.Out.Output)
	}
	return nil
}
