package cmd

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/internal/match"
)

// registerAssessor adds --assessor to a command: who answers (assess, template) or, for
// a personal command, whose assessments to use (docs/cli.md, "Whose assessment").
func registerAssessor(c *cobra.Command, p *string, def, usage string) {
	c.Flags().StringVar(p, "assessor", def, usage)
	c.RegisterFlagCompletionFunc("assessor", cobra.FixedCompletions(assess.Assessors(), cobra.ShellCompDirectiveNoFileComp))
}

// whoseUsage is --assessor on a personal command.
const whoseUsage = "whose assessments: self, manager or peer; a peer's is never anyone's latest"

// checkAssessor settles an --assessor value in place: any case, the closest kind
// suggested for a typo. Empty stays empty (a flag whose default is every assessor).
func checkAssessor(cmdPath string, p *string) error {
	if *p == "" {
		return nil
	}
	a, hint := match.Value(*p, assess.Assessors())
	if a == "" {
		return usageErrorf(cmdPath, "--assessor %q%s: want %s", *p, hint, assess.AssessorList)
	}
	*p = a
	return nil
}

// latestOf is the latest saved assessment of a person by a kind of assessor, or of the
// only person the history has such assessments of; several people and no name, or a
// peer's assessment as someone's latest, is invalid usage.
// It returns the file's content too, read once, never through a link (store.Latest).
func latestOf(st *store.Store, person, assessor, cmdPath string) (string, []byte, error) {
	path, data, err := st.Latest(person, assess.Assessor(assessor))
	var several *store.AmbiguousDraftsError
	switch {
	case errors.As(err, &several):
		return "", nil, usageErrorf(cmdPath, "saved assessments of %d people (%s): say whose with --person or the name setting",
			len(several.People), strings.Join(several.People, ", "))
	case errors.Is(err, store.ErrPeerLatest):
		return "", nil, usageErrorf(cmdPath, "--assessor peer: %v", err)
	}
	return path, data, err
}
