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

// caseIntro says what the promotion case holds, worded for who answered.
func caseIntro(rep *Report) string {
	return fmt.Sprintf("For each skill %s expects: the expectation, %s, what %s and the example that backs it. A skill without an example is where to find one before the conversation.",
		rep.TargetRole.Name, byAssessor(rep, "your score", "the score"), byAssessor(rep, "you said you do", "the answers said they do"))
}

// noEvidence stands where a skill of the promotion case has no example.
const noEvidence = "none given yet"

// hasEvidence reports whether any skill of the report has an example behind it.
func hasEvidence(rep *Report) bool {
	for _, s := range rep.Skills {
		if s.Evidence != nil {
			return true
		}
	}
	return false
}
