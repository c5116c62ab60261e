package cmd

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// wasFlags are --was OLD.yaml and --map MAP.yaml: answers written for an old version of
// the ladder are read under it, carried to the rubric in force and scored under both
// (docs/rubric.md, "A new version of your ladder").
type wasFlags struct {
	Was, Map string
}

func (wf *wasFlags) register(c *cobra.Command, what string) {
	c.Flags().StringVar(&wf.Was, "was", "", "the `OLD.yaml` version of the ladder the answers were written for: "+what)
	c.Flags().StringVar(&wf.Map, "map", "", "with --was, where answers to the old version go in the new: `MAP.yaml` with questions: {old id: new id} and skills: {old id: new id}")
	for _, name := range []string{"was", "map"} {
		c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions([]string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt))
	}
}

// check refuses --map without --was and --was with a flag it does not go with, and makes
// the output the versions view's formats (what names the mode in a refusal).
func (wf *wasFlags) check(cmd *cobra.Command, out *outputFlags, what string, formats []reports.Format, conflicts ...string) error {
	if wf.Map != "" && wf.Was == "" {
		return usageErrorf(cmd.CommandPath(), "--map needs --was OLD.yaml: the version of the ladder the answers were written for")
	}
	if wf.Was == "" {
		return nil
	}
	for _, name := range conflicts {
		// A flag given as false (--what-if=false) asks for nothing: no conflict.
		if f := cmd.Flags().Lookup(name); f != nil && f.Changed && f.Value.String() != "false" {
			return usageErrorf(cmd.CommandPath(), "--was and --%s cannot be used together", name)
		}
	}
	if formats != nil {
		out.writes(what, formats)
	}
	return nil
}

// carry reads the old version and the map, or returns nil without --was.
func (wf *wasFlags) carry(cmdPath string, new *rubric.Rubric, out *outputFlags) (*assess.Carry, error) {
	if wf.Was == "" {
		return nil, nil
	}
	old, err := loadVersion(cmdPath, wf.Was)
	if err != nil {
		return nil, err
	}
	out.readsFrom(wf.Was)
	var m *rubric.VersionMap
	if wf.Map != "" {
		if _, err := os.Stat(wf.Map); os.IsNotExist(err) {
			return nil, usageErrorf(cmdPath, "%s: no such map file", wf.Map)
		}
		if m, err = rubric.LoadVersionMap(wf.Map, old, new); err != nil {
			return nil, err
		}
		out.readsFrom(wf.Map)
	}
	return assess.NewCarry(old, new, m), nil
}

// versionOptions are the role flags under each version: under the old one, a role or
// track it does not have is left out (with a warning), and the answers' own or the
// rules' choice applies there.
func versionOptions(errOut io.Writer, rf *roleFlags, c *assess.Carry) (old, new assess.ScoreOptions) {
	new = rf.scoreOptions()
	old = new
	for _, f := range []struct {
		flag string
		id   *string
		has  bool
	}{
		{"--current", &old.Current, c.Old.Role(old.Current) != nil},
		{"--target", &old.Target, c.Old.Role(old.Target) != nil},
		{"--track", &old.Track, c.Old.Track(old.Track) != nil},
	} {
		if *f.id != "" && !f.has {
			warnf(errOut, "%s %s is not in %s: under it, the answers' own choice or the rules' apply", f.flag, *f.id, c.Old.Title())
			*f.id = ""
		}
	}
	return old, new
}

// warnLost names each answer that has no question in the new version, with how many
// people gave one when there are several: never silently dropped.
func warnLost(errOut io.Writer, file string, c *assess.Carry, lost []reports.LostAnswer, people bool) {
	if len(lost) == 0 {
		return
	}
	diff := rubric.CompareVersions(c.Old, c.New) // a question renamed: say what to map it to
	for _, l := range lost {
		// Worded for a map given or not: the line to add to one.
		how := fmt.Sprintf("to score it, add questions: {%s: NEW-ID} to a --map file", l.Question)
		if to := diff.QuestionRenamedTo(l.Question); to != "" {
			how = fmt.Sprintf("it looks renamed: add questions: {%s: %s} to a --map file", l.Question, to)
		}
		count := ""
		if people {
			count = words.Count(l.People, "person", "people") + "; "
		}
		fmt.Fprintf(errOut, "pmladder: %s: warning: answer to %s has no question in %s (%snot scored under it; %s)\n",
			file, l.Question, c.New.Title(), count, how)
	}
}

// inputNames names a review's inputs in a message: the file, or the files.
func inputNames(inputs []input.TeamInput) string {
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
		if in.Path == "-" {
			paths[i] = "stdin"
		}
	}
	if len(paths) > 3 {
		return fmt.Sprintf("%s and %d more", strings.Join(paths[:2], ", "), len(paths)-2)
	}
	return strings.Join(paths, ", ")
}

// warnLostProfile names the declared roles, track and certifications the new version does
// not have: under it, the rules choose the roles and track (docs/scoring.md, rule 4).
func warnLostProfile(errOut io.Writer, file string, c *assess.Carry, lost assess.Lost) {
	for _, id := range lost.Roles {
		fmt.Fprintf(errOut, "pmladder: %s: warning: role %s is not in %s (the rules choose the role under it)\n", file, id, c.New.Title())
	}
	if lost.Track != "" {
		fmt.Fprintf(errOut, "pmladder: %s: warning: track %s is not in %s (every track counts under it)\n", file, lost.Track, c.New.Title())
	}
	for _, id := range lost.Certifications {
		fmt.Fprintf(errOut, "pmladder: %s: warning: certification %s is not in %s\n", file, id, c.New.Title())
	}
}

// warnLostOne names what one person's answers lost on the way to the new version.
func warnLostOne(errOut io.Writer, file string, c *assess.Carry, lost assess.Lost) {
	var answers []reports.LostAnswer
	for _, id := range lost.Questions {
		answers = append(answers, reports.LostAnswer{Question: id, People: 1})
	}
	warnLost(errOut, file, c, answers, false)
	warnLostProfile(errOut, file, c, lost)
}
