package rubric

import (
	"slices"
	"strconv"
	"strings"
)

// Two versions of a ladder are compared thing by thing — skills, questions, roles — by id
// first (docs/rubric.md, "A new version of your ladder"):
//
//   - an id in both versions is the same thing: renamed when its name (a question's text)
//     differs, changed when anything else that scoring or the interview reads differs;
//   - an id only in the old version and an id only in the new one whose names are the same
//     (case and spacing aside) are one thing whose id was renamed;
//   - the rest is removed (only in the old version) or added (only in the new one).
//
// A renamed thing lists its other changes too; it is not listed again as changed.

// ChangeKind is how a thing differs between two versions.
type ChangeKind string

// The kinds of change, in the order a diff lists them.
const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Renamed ChangeKind = "renamed"
	Changed ChangeKind = "changed"
)

// ChangeKinds lists the kinds of change in the order a diff lists them.
func ChangeKinds() []ChangeKind { return []ChangeKind{Added, Removed, Renamed, Changed} }

// Change is one skill, question or role that differs between two versions.
type Change struct {
	Kind ChangeKind
	// ID and Name are the thing's in the new version (the old one's when removed); a
	// question's name is its text.
	ID, Name string
	// OldID and OldName are the old version's when they differ (renamed); "" otherwise.
	OldID, OldName string
	// Skill is a question's skill id (in the new version, the old one's when removed).
	Skill string
	// Fields are what else changed, for a renamed or changed thing.
	Fields []FieldChange
}

// FieldChange is one attribute that differs. Key says which entry of a list changed: the
// score of an anchored statement, the skill id of a role's expectation. Old and New are
// the values as text ("" when there is none: a statement or an expectation added or
// removed); numbers are written as the rubric would write them.
type FieldChange struct {
	Field, Key, Old, New string
}

// The fields a FieldChange names.
const (
	FieldName      = "name"
	FieldCategory  = "category"
	FieldWeight    = "weight"
	FieldCore      = "core"
	FieldSkill     = "skill"
	FieldText      = "text"
	FieldStatement = "statement"
	FieldLevel     = "level"
	FieldNext      = "next"
	FieldTracks    = "tracks"
	FieldExpects   = "expects"
	FieldShort     = "short"
	FieldScope     = "scope"
)

// Versions is what changed from one version of a ladder to the next.
type Versions struct {
	Old, New                 *Rubric
	Skills, Questions, Roles []Change
	// skillTo pairs each old skill id with the new one it became (same id, or renamed).
	skillTo map[string]string
}

// CompareVersions compares two versions of a ladder. Each list is in order of kind
// (added, removed, renamed, changed), then the new version's order (the old one's for
// removed things).
func CompareVersions(old, new *Rubric) *Versions {
	v := &Versions{Old: old, New: new}
	oldSkills, newSkills := old.Skills(), new.Skills()
	skills := pairUp(ids(oldSkills, func(s *Skill) string { return s.ID }), ids(newSkills, func(s *Skill) string { return s.ID }),
		func(i int) string { return oldSkills[i].Name }, func(j int) string { return newSkills[j].Name })
	v.skillTo = map[string]string{}
	for i, j := range skills.oldTo {
		if j >= 0 {
			v.skillTo[oldSkills[i].ID] = newSkills[j].ID
		}
	}
	v.Skills = skills.changes(
		func(i int) Change { s := oldSkills[i]; return Change{ID: s.ID, Name: s.Name} },
		func(j int) Change { s := newSkills[j]; return Change{ID: s.ID, Name: s.Name} },
		func(i, j int) []FieldChange { return skillFields(oldSkills[i], newSkills[j]) })

	oldQs, newQs := old.Questions(), new.Questions()
	questions := pairUp(ids(oldQs, func(q *Question) string { return q.ID }), ids(newQs, func(q *Question) string { return q.ID }),
		func(i int) string { return oldQs[i].Text }, func(j int) string { return newQs[j].Text })
	v.Questions = questions.changes(
		func(i int) Change { q := oldQs[i]; return Change{ID: q.ID, Name: q.Text, Skill: q.Skill} },
		func(j int) Change { q := newQs[j]; return Change{ID: q.ID, Name: q.Text, Skill: q.Skill} },
		func(i, j int) []FieldChange { return v.questionFields(oldQs[i], newQs[j]) })

	oldRoles, newRoles := rolesOf(old), rolesOf(new)
	roles := pairUp(ids(oldRoles, func(r *Role) string { return r.ID }), ids(newRoles, func(r *Role) string { return r.ID }),
		func(i int) string { return oldRoles[i].Name }, func(j int) string { return newRoles[j].Name })
	v.Roles = roles.changes(
		func(i int) Change { r := oldRoles[i]; return Change{ID: r.ID, Name: r.Name} },
		func(j int) Change { r := newRoles[j]; return Change{ID: r.ID, Name: r.Name} },
		func(i, j int) []FieldChange { return v.roleFields(oldRoles[i], newRoles[j]) })
	return v
}

// SkillBecame returns the id an old skill has in the new version (its own, or the one it
// was renamed to), or "" when it was removed.
func (v *Versions) SkillBecame(oldID string) string { return v.skillTo[oldID] }

// QuestionRenamedTo returns the id an old question was renamed to (matched by its text),
// or "" when it kept its id or was removed: what a map would name for it.
func (v *Versions) QuestionRenamedTo(oldID string) string {
	for _, c := range v.Questions {
		if c.Kind == Renamed && c.OldID == oldID {
			return c.ID
		}
	}
	return ""
}

// Empty reports whether the two versions have the same skills, questions and roles.
func (v *Versions) Empty() bool { return len(v.Skills)+len(v.Questions)+len(v.Roles) == 0 }

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

func rolesOf(r *Rubric) []*Role {
	out := make([]*Role, len(r.Roles))
	for i := range r.Roles {
		out[i] = &r.Roles[i]
	}
	return out
}

// pairing matches the things of two versions: oldTo[i] is the new position of old thing
// i, or -1 when it was removed; newFrom is the reverse.
type pairing struct {
	oldTo, newFrom []int
}

// sameName compares names as people read them: case and runs of spaces aside.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// pairUp pairs things by id, then the unpaired ones by name, each name once.
func pairUp(oldIDs, newIDs []string, oldName, newName func(int) string) pairing {
	p := pairing{oldTo: make([]int, len(oldIDs)), newFrom: make([]int, len(newIDs))}
	newAt := map[string]int{}
	for j, id := range newIDs {
		p.newFrom[j] = -1
		if _, dup := newAt[id]; !dup {
			newAt[id] = j
		}
	}
	for i, id := range oldIDs {
		p.oldTo[i] = -1
		if j, ok := newAt[id]; ok && p.newFrom[j] < 0 {
			p.oldTo[i], p.newFrom[j] = j, i
		}
	}
	for i := range oldIDs {
		if p.oldTo[i] >= 0 {
			continue
		}
		for j := range newIDs {
			if p.newFrom[j] < 0 && sameName(oldName(i), newName(j)) {
				p.oldTo[i], p.newFrom[j] = j, i
				break
			}
		}
	}
	return p
}

// changes lists the pairing's changes in kind order.
func (p pairing) changes(oldThing, newThing func(int) Change, fields func(i, j int) []FieldChange) []Change {
	var added, removed, renamed, changed []Change
	for j, i := range p.newFrom {
		c := newThing(j)
		if i < 0 {
			c.Kind = Added
			added = append(added, c)
			continue
		}
		o := oldThing(i)
		c.Fields = fields(i, j)
		if o.ID != c.ID || o.Name != c.Name {
			c.Kind = Renamed
			if o.ID != c.ID {
				c.OldID = o.ID
			}
			if o.Name != c.Name {
				c.OldName = o.Name
			}
			renamed = append(renamed, c)
		} else if len(c.Fields) > 0 {
			c.Kind = Changed
			changed = append(changed, c)
		}
	}
	for i, j := range p.oldTo {
		if j < 0 {
			c := oldThing(i)
			c.Kind = Removed
			removed = append(removed, c)
		}
	}
	return slices.Concat(added, removed, renamed, changed)
}

// fieldList collects the changed fields of one thing.
type fieldList []FieldChange

func (l *fieldList) add(field, key, old, new string) {
	if old != new {
		*l = append(*l, FieldChange{Field: field, Key: key, Old: old, New: new})
	}
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func skillFields(a, b *Skill) []FieldChange {
	var l fieldList
	l.add(FieldCategory, "", a.Category, b.Category)
	l.add(FieldWeight, "", number(a.Weight), number(b.Weight))
	l.add(FieldCore, "", strconv.FormatBool(a.Core), strconv.FormatBool(b.Core))
	return l
}

// questionFields compares two questions: the skill (as the new version names it) and
// the anchored statements, score by score.
func (v *Versions) questionFields(a, b *Question) []FieldChange {
	var l fieldList
	if became := v.skillTo[a.Skill]; became != b.Skill {
		l.add(FieldSkill, "", a.Skill, b.Skill)
	}
	lo, hi := min(v.Old.Scale.Min, v.New.Scale.Min), max(v.Old.Scale.Max, v.New.Scale.Max)
	for score := lo; score <= hi; score++ {
		l.add(FieldStatement, strconv.Itoa(score), a.StatementAt(score), b.StatementAt(score))
	}
	return l
}

// roleFields compares two roles: level, short name, scope, tracks, next roles (as the new version names
// them) and the expectation of every skill (by the new version's ids, removed skills
// last by their old ids).
func (v *Versions) roleFields(a, b *Role) []FieldChange {
	var l fieldList
	level := func(ro *Role) string {
		if ro.Level == 0 {
			return ""
		}
		return strconv.Itoa(ro.Level)
	}
	l.add(FieldLevel, "", level(a), level(b))
	l.add(FieldShort, "", a.Short, b.Short)
	l.add(FieldScope, "", a.Scope, b.Scope)
	l.add(FieldTracks, "", strings.Join(a.Tracks, ", "), strings.Join(b.Tracks, ", "))
	roleTo := map[string]string{}
	for _, c := range v.Roles {
		if c.Kind == Renamed && c.OldID != "" {
			roleTo[c.OldID] = c.ID
		}
	}
	next := make([]string, len(a.Next))
	for i, id := range a.Next {
		next[i] = cmpOr(roleTo[id], id)
	}
	l.add(FieldNext, "", strings.Join(next, ", "), strings.Join(b.Next, ", "))
	expect := func(ro *Role, id string) string {
		if e, ok := ro.Expect(id); ok {
			return number(e)
		}
		return ""
	}
	oldOf := map[string]string{}
	for _, s := range v.Old.Skills() {
		if to := v.skillTo[s.ID]; to != "" {
			oldOf[to] = s.ID
		}
	}
	for _, s := range v.New.Skills() {
		before := ""
		if from, ok := oldOf[s.ID]; ok {
			before = expect(a, from)
		}
		l.add(FieldExpects, s.ID, before, expect(b, s.ID))
	}
	for _, s := range v.Old.Skills() {
		if v.skillTo[s.ID] == "" {
			l.add(FieldExpects, s.ID, expect(a, s.ID), "")
		}
	}
	return l
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
