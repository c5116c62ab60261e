package assess

import (
	"github.com/pmladder/pmladder/rubric"
)

// Carry takes answers written for one version of a ladder to the next, so that they can
// be scored under both (docs/rubric.md, "A new version of your ladder"). Build it once
// per pair of versions; Into is cheap per person.
type Carry struct {
	Old, New *rubric.Rubric
	// questions[i] is where old question i's answer goes in New (rubric.VersionMap.Carry).
	questions []int
	// skills maps an old skill id to the new one its evidence goes to.
	skills map[string]string
}

// NewCarry prepares the carry from old to new under the map m (nil: ids in both carry
// over).
func NewCarry(old, new *rubric.Rubric, m *rubric.VersionMap) *Carry {
	c := &Carry{Old: old, New: new, questions: m.Carry(old, new), skills: map[string]string{}}
	for _, s := range old.Skills() {
		if m != nil && m.Skills[s.ID] != "" {
			c.skills[s.ID] = m.Skills[s.ID]
		} else if new.Skill(s.ID) != nil {
			c.skills[s.ID] = s.ID
		}
	}
	return c
}

// SkillTo returns the id an old skill has in the new version (by the map, else its own
// id when the new version has it), or "".
func (c *Carry) SkillTo(oldID string) string { return c.skills[oldID] }

// Lost is what answers written for the old version say that the new version has no place
// for: nothing of it is scored under the new one, and reports name it.
type Lost struct {
	// Questions are the ids of the old questions answered whose answer has no question
	// in the new version, in the old version's order.
	Questions []string
	// Roles are the declared current and target roles the new version does not have; the
	// new version's rules then choose them (docs/scoring.md, rule 4).
	Roles []string
	// Track is the declared track when the new version does not have it.
	Track string
	// Certifications the person holds that the new version does not list.
	Certifications []string
}

// Into writes a, answers to the old version, into b as answers to the new one: the
// profile (the roles, track and certifications the new version has) and every answer
// that has a question there. b is reset first; what had no place is returned.
func (c *Carry) Into(a, b *Answers) Lost {
	var lost Lost
	b.Reset(c.New)
	b.Person, b.Assessor, b.Date, b.Rater = a.Person, a.Assessor, a.Date, a.Rater
	b.Rubric, b.Complete, b.Quick = a.Rubric, a.Complete, a.Quick
	for _, role := range []struct {
		id   string
		into *string
	}{{a.CurrentRole, &b.CurrentRole}, {a.TargetRole, &b.TargetRole}} {
		switch {
		case role.id == "":
		case c.New.Role(role.id) != nil:
			*role.into = role.id
		default:
			lost.Roles = append(lost.Roles, role.id)
		}
	}
	if a.Track != "" {
		if c.New.Track(a.Track) != nil {
			b.Track = a.Track
		} else {
			lost.Track = a.Track
		}
	}
	for _, id := range a.Certifications {
		if c.New.Certification(id) != nil {
			b.Certifications = append(b.Certifications, id)
		} else {
			lost.Certifications = append(lost.Certifications, id)
		}
	}
	for _, s := range c.Old.Skills() { // in rubric order: two skills merged keep the later's
		if text, ok := a.Evidence[s.ID]; ok && c.skills[s.ID] != "" {
			b.SetEvidence(c.skills[s.ID], text)
		}
	}
	for i, q := range c.Old.Questions() {
		v, ok := a.Lookup(i)
		if !ok {
			continue
		}
		if j := c.questions[i]; j >= 0 {
			b.SetAt(j, v)
		} else {
			lost.Questions = append(lost.Questions, q.ID)
		}
	}
	return lost
}
