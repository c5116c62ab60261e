package reports

import (
	"fmt"

	"github.com/pmladder/pmladder/rubric"
)

// caseSkill is one skill of a promotion case: what the target expects, where the person
// stands, what their answers said they do and the example that backs it.
type caseSkill struct {
	Skill
	// Picked is what the answers said, one per question answered (Report.Picked).
	Picked []string
	// Standing says, in a few words, how the score stands against the expectation.
	Standing string
}

// promotionCase returns, for each skill the target role expects in rubric order, the
// promotion case's line; nil without a target. The Markdown and HTML reports show it.
func promotionCase(rep *Report, r *rubric.Rubric) []caseSkill {
	if rep.TargetRole == nil {
		return nil
	}
	var out []caseSkill
	for _, s := range rep.Skills {
		if s.ExpectedTarget == nil {
			continue
		}
		c := caseSkill{Skill: s, Picked: rep.Picked(r, s.ID)}
		switch {
		case s.Score == nil:
			c.Standing = "not assessed"
		case s.Gap != nil && *s.Gap > 0:
			c.Standing = fmt.Sprintf("gap %s", num(*s.Gap))
		default:
			c.Standing = "met"
		}
		out = append(out, c)
	}
	return out
}

// hasEvidence reports whether any skill of the report has an example behind it.
func hasEvidence(rep *Report) bool {
	for _, s := range rep.Skills {
		if s.Evidence != nil {
			return true
		}
	}
	return false
}
