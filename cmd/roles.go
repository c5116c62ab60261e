package cmd

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/rubric"
)

// roleFlags are the overrides of the person's roles and track that report commands take.
type roleFlags struct {
	Current, Target, Track string
	Certs                  int
}

func (rf *roleFlags) register(c *cobra.Command, f *Factory, certs bool) {
	c.Flags().StringVar(&rf.Current, "current", "", "the current role `ID` (default: as the answers say, else estimated)")
	c.Flags().StringVar(&rf.Target, "target", "", "the role `ID` to measure gaps toward (default: the next step)")
	c.Flags().StringVar(&rf.Track, "track", "", "the `TRACK` to grow on, such as ic or management (default: every track)")
	if certs {
		c.Flags().IntVar(&rf.Certs, "certs", assess.DefaultCerts, "recommend up to `N` certifications")
	}
	c.RegisterFlagCompletionFunc("current", f.completeRoles)
	c.RegisterFlagCompletionFunc("target", f.completeRoles)
	c.RegisterFlagCompletionFunc("track", f.completeTracks)
}

// completeRoles offers the rubric's role ids to shell completion.
func (f *Factory) completeRoles(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	return f.completeFromRubric(cmd, (*rubric.Rubric).RoleIDs)
}

// forArgs completes positional arguments with complete for up to most of them, then
// offers nothing.
func forArgs(most int, complete cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= most {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return complete(cmd, args, prefix)
	}
}

// completeTracks offers the rubric's track ids to shell completion.
func (f *Factory) completeTracks(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	return f.completeFromRubric(cmd, (*rubric.Rubric).TrackIDs)
}

// completeFromRubric offers names of the rubric in use (never file names).
func (f *Factory) completeFromRubric(cmd *cobra.Command, names func(*rubric.Rubric) []string) ([]string, cobra.ShellCompDirective) {
	if f.resolveSettings(cmd) != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	r, err := f.Rubric()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return names(r), cobra.ShellCompDirectiveNoFileComp
}

// check rejects role and track ids the rubric does not have, before any work is done, and
// settles the ones typed in another case ("Senior_PM" is senior-pm).
func (rf *roleFlags) check(cmdPath string, r *rubric.Rubric) error {
	for _, role := range []struct {
		flag string
		id   *string
	}{{"--current", &rf.Current}, {"--target", &rf.Target}} {
		if *role.id == "" {
			continue
		}
		id, err := resolveRole(cmdPath, role.flag+" ", *role.id, r)
		if err != nil {
			return err
		}
		*role.id = id
	}
	if rf.Track != "" {
		id, hint := match.Value(rf.Track, r.TrackIDs())
		if id == "" {
			return usageErrorf(cmdPath, "--track %q is not a track of %s%s (%s)", rf.Track, r.Name, hint, r.TrackList())
		}
		rf.Track = id
	}
	if rf.Certs < 0 {
		return usageErrorf(cmdPath, "--certs %d: want 0 or more", rf.Certs)
	}
	return nil
}

// resolveRole settles a role id typed in any case ("Senior_PM" is senior-pm); one that is
// no role of the rubric is invalid usage with the closest ids. what names where the id was
// given ("--target ", or "" for an argument).
func resolveRole(cmdPath, what, typed string, r *rubric.Rubric) (string, error) {
	id, hint := match.Value(typed, r.RoleIDs())
	if id == "" {
		return "", usageErrorf(cmdPath, "%s%q is not a role of %s%s (roles: %s)", what, typed, r.Name, hint, r.RoleList())
	}
	return id, nil
}

func (rf *roleFlags) scoreOptions() assess.ScoreOptions {
	return assess.ScoreOptions{Current: rf.Current, Target: rf.Target, Track: rf.Track, Certs: rf.Certs}
}

// completeSaved offers the saved assessments' file names as history shows them, newest
// first, and "latest"; a word that looks like a path (it has a / or a dot) completes as a
// file.
func (f *Factory) completeSaved(cmd *cobra.Command, args []string, prefix string) ([]string, cobra.ShellCompDirective) {
	if strings.ContainsAny(prefix, "/.") || f.resolveSettings(cmd) != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	paths, _ := f.Store().List()
	var names []string
	if !slices.Contains(args, "latest") { // one latest is all a command can use
		names = append(names, "latest")
	}
	for i := len(paths) - 1; i >= 0; i-- { // the newest first
		names = append(names, filepath.Base(paths[i]))
	}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil, cobra.ShellCompDirectiveDefault // files in the current directory
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
