package rubric

import (
	"fmt"
	"slices"

	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/yamlnode"
)

// VersionMap says where answers written for one version of a ladder go in the next: old
// question id → new question id, old skill id → new skill id (docs/rubric.md, "A new
// version of your ladder"). A nil *VersionMap maps nothing: ids in both versions carry
// over.
type VersionMap struct {
	Questions map[string]string
	Skills    map[string]string
}

// LoadVersionMap reads and checks a map file between two versions. An unreadable file is
// an ordinary error; anything wrong inside it is a problem.List naming file and line.
func LoadVersionMap(path string, old, new *Rubric) (*VersionMap, error) {
	data, err := inputfile.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read map: %w", err)
	}
	return ParseVersionMap(path, data, old, new)
}

// ParseVersionMap reads a map file: a mapping with the keys questions and skills, each a
// mapping of ids of the old version to ids of the new one. Every key must name a thing of
// the old version and every value one of the new (with the closest ids suggested), and no
// two keys may send answers to the same place.
func ParseVersionMap(file string, data []byte, old, new *Rubric) (*VersionMap, error) {
	rd := yamlnode.Reader{File: file}
	root := rd.Parse(data, "a map between two versions of a ladder (questions: {old id: new id}, skills: {old id: new id})")
	if root == nil {
		return nil, rd.Problems.Err()
	}
	f := rd.Mapping(root, "the map", "questions", "skills")
	m := &VersionMap{Questions: map[string]string{}, Skills: map[string]string{}}
	read := func(key, kind string, oldIDs, newIDs []string, into map[string]string) {
		target := map[string]int{} // new id → the line of the first key sending answers there
		for _, e := range rd.Pairs(f[key].Value, key) {
			from := e.Key.Value
			if !slices.Contains(oldIDs, from) {
				_, hint := match.Value(from, oldIDs)
				rd.Addf(e.Key, "%s: %s is not a %s of %s%s", key, problem.Quote(from), kind, old.Title(), hint)
				continue
			}
			to := rd.String(e.Value, key+": "+from)
			if to == "" {
				rd.Addf(e.Value, "%s: %s maps to nothing: give the id of a %s of %s", key, from, kind, new.Title())
				continue
			}
			if !slices.Contains(newIDs, to) {
				_, hint := match.Value(to, newIDs)
				rd.Addf(e.Value, "%s: %s is not a %s of %s%s", key, problem.Quote(to), kind, new.Title(), hint)
				continue
			}
			if first, dup := target[to]; dup {
				rd.Addf(e.Value, "%s: %s is mapped to twice (first at line %d): one old %s per new one", key, to, first, kind)
				continue
			}
			target[to] = e.Value.Line
			into[from] = to
		}
	}
	read("questions", "question", ids(old.Questions(), func(q *Question) string { return q.ID }),
		ids(new.Questions(), func(q *Question) string { return q.ID }), m.Questions)
	read("skills", "skill", ids(old.Skills(), func(s *Skill) string { return s.ID }),
		ids(new.Skills(), func(s *Skill) string { return s.ID }), m.Skills)
	if err := rd.Problems.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

// Carry says where the answer to each question of old goes in new: carry[i] is the
// position in new.Questions() of the question that old question i's answer answers, or
// -1 when it has none there. The rule, for an old question q of skill s:
//
//  1. the map names q: the question it names;
//  2. the map names s: the question of the new skill with q's id, else the one at q's
//     position within its skill (the first question to the first, and so on);
//  3. a question of new has q's id: that one;
//  4. none: the answer has no question in new.
//
// Each question of new takes at most one answer: the first rule that claims it wins, so a
// map's explicit word is never undone by an id that happens to carry over.
func (m *VersionMap) Carry(old, new *Rubric) []int {
	oldQs := old.Questions()
	carry := make([]int, len(oldQs))
	taken := make([]bool, len(new.Questions()))
	for i := range carry {
		carry[i] = -1
	}
	claim := func(i, j int) {
		if carry[i] < 0 && j >= 0 && !taken[j] {
			carry[i], taken[j] = j, true
		}
	}
	if m != nil {
		for i, q := range oldQs {
			if to, ok := m.Questions[q.ID]; ok {
				j, _ := new.QuestionPos(to)
				claim(i, j)
			}
		}
		for i, q := range oldQs {
			to, ok := m.Skills[q.Skill]
			if !ok || carry[i] >= 0 {
				continue
			}
			if _, named := m.Questions[q.ID]; named {
				continue
			}
			ns := new.Skill(to)
			if nq := new.Question(q.ID); nq != nil && nq.Skill == to {
				j, _ := new.QuestionPos(q.ID)
				claim(i, j)
				continue
			}
			if k := positionInSkill(old, q); k < len(ns.Questions) {
				j, _ := new.QuestionPos(ns.Questions[k].ID)
				claim(i, j)
			}
		}
	}
	for i, q := range oldQs {
		if carry[i] >= 0 {
			continue
		}
		if m != nil {
			if _, named := m.Questions[q.ID]; named {
				continue
			}
		}
		if j, ok := new.QuestionPos(q.ID); ok {
			claim(i, j)
		}
	}
	return carry
}

// positionInSkill is q's position among its skill's questions.
func positionInSkill(r *Rubric, q *Question) int {
	s := r.Skill(q.Skill)
	for k := range s.Questions {
		if &s.Questions[k] == q {
			return k
		}
	}
	return -1
}
