package assess

import (
	"math"

	"github.com/pmladder/pmladder/rubric"
)

// Comparison sets two assessments side by side: the same person over time, or a
// self-assessment against a manager's (a calibration, when the assessors differ).
type Comparison struct {
	Old, New *Result
	// Calibration is true when the assessors differ.
	Calibration bool
	// Skills holds the skills to show, in rubric order: every skill, or in a calibration
	// (unless all were asked for) only those where the two differ by a point or more.
	Skills []SkillChange
	// Categories compares the category scores toward the new assessment's target.
	Categories []Change
	// Readiness is each assessment's readiness for the new assessment's target.
	Readiness Change
}

// SkillChange is one skill in both assessments.
type SkillChange struct {
	Skill *rubric.Skill
	Change
}

// Change is a figure in both assessments and how it moved; nil where it is missing.
type Change struct {
	Old, New, Delta *float64
}

func changeOf(old, new *float64) Change {
	c := Change{Old: old, New: new}
	if old != nil && new != nil {
		d := *new - *old
		c.Delta = &d
	}
	return c
}

// SamePerson reports whether two assessments are of the same person: their names are
// compared without regard to case or spacing.
func SamePerson(a, b *Answers) bool { return samePerson(a.Person) == samePerson(b.Person) }

// Compare scores both answers toward the new one's target and track (opts apply to the
// new one) and lines up the skills. all lists every skill in a calibration too.
func Compare(r *rubric.Rubric, old, new *Answers, opts ScoreOptions, all bool) *Comparison {
	newRes := Score(r, new, opts)
	oldOpts := ScoreOptions{Track: newRes.Track, Certs: opts.Certs}
	if newRes.Target != nil {
		oldOpts.Target = newRes.Target.Role.ID
	}
	oldRes := Score(r, old, oldOpts)
	c := &Comparison{Old: oldRes, New: newRes, Calibration: old.Assessor != new.Assessor}
	for i, sk := range newRes.Skills {
		ch := SkillChange{Skill: sk.Skill, Change: changeOf(oldRes.Skills[i].Score, sk.Score)}
		if c.Calibration && !all && (ch.Delta == nil || math.Abs(*ch.Delta) < 1-eps) {
			continue
		}
		c.Skills = append(c.Skills, ch)
	}
	for i, cat := range newRes.Categories {
		c.Categories = append(c.Categories, changeOf(oldRes.Categories[i].Score, cat.Score))
	}
	if newRes.Target != nil {
		c.Readiness = changeOf(oldRes.Target.Readiness, newRes.Target.Readiness)
	}
	return c
}
