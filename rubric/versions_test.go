package rubric

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/problem"
)

// versionOld and versionNew are two versions of one small ladder: a skill whose id
// changed (a → alpha, same name), one renamed in place (b: Beta → Bravo) and weighted
// double, one removed (c), one added (d); question a.2 gone from alpha, b.1's statement
// at 2 reworded; role jr expects more of alpha, sr gains a level and a next role.
const versionOld = `format: pmladder-rubric/v1
name: V
version: "1"
scale: {min: 0, max: 3}
categories:
  - id: k
    name: K
    skills:
      - {id: a, name: Alpha, questions: ["A one?", "A two?"]}
      - id: b
        name: Beta
        questions:
          - text: B one?
            options: [{score: 0, text: none}, {score: 1, text: some}, {score: 2, text: most}, {score: 3, text: all}]
      - {id: c, name: Charlie, questions: ["C one?"]}
roles:
  - {id: jr, name: Junior, level: 1, expects: {a: 1, b: 1, c: 1}, next: [sr]}
  - {id: sr, name: Senior, level: 2, expects: {a: 2, b: 2}}
`

const versionNew = `format: pmladder-rubric/v1
name: V
version: "2"
scale: {min: 0, max: 3}
categories:
  - id: k
    name: K
    skills:
      - {id: alpha, name: alpha, questions: ["A one?", "A three?"]}
      - id: b
        name: Bravo
        weight: 2
        questions:
          - text: B one?
            options: [{score: 0, text: none}, {score: 1, text: some}, {score: 2, text: nearly all}, {score: 3, text: all}]
      - {id: d, name: Delta, questions: ["D one?"]}
roles:
  - {id: jr, name: Junior, level: 1, expects: {alpha: 2, b: 1}, next: [sr]}
  - {id: sr, name: Senior, level: 3, expects: {alpha: 2, b: 2}, next: [lead]}
  - {id: lead, name: Lead, level: 4, expects: {alpha: 3, b: 3, d: 3}}
`

func mustParse(t *testing.T, src string) *Rubric {
	t.Helper()
	r, err := Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// changeLines writes changes compactly: "renamed a→alpha "Alpha"→"alpha" [weight 1→2]".
func changeLines(cs []Change) []string {
	var out []string
	for _, c := range cs {
		s := string(c.Kind) + " "
		if c.OldID != "" {
			s += c.OldID + "→"
		}
		s += c.ID
		if c.OldName != "" {
			s += fmt.Sprintf(" %q→%q", c.OldName, c.Name)
		}
		for _, f := range c.Fields {
			s += fmt.Sprintf(" [%s %s %s→%s]", f.Field, f.Key, f.Old, f.New)
		}
		out = append(out, s)
	}
	return out
}

func TestCompareVersions(t *testing.T) {
	v := CompareVersions(mustParse(t, versionOld), mustParse(t, versionNew))
	for _, tc := range []struct {
		what string
		got  []Change
		want []string
	}{
		{"skills", v.Skills, []string{
			"added d",
			"removed c",
			`renamed a→alpha "Alpha"→"alpha"`, // paired by name, case aside
			`renamed b "Beta"→"Bravo" [weight  1→2]`,
		}},
		{"questions", v.Questions, []string{
			"added alpha.2",
			"added d.1",
			"removed a.2",
			"removed c.1",
			"renamed a.1→alpha.1", // paired by text; its skill became alpha, so no move
			"changed b.1 [statement 2 most→nearly all]",
		}},
		{"roles", v.Roles, []string{
			"added lead",
			"changed jr [expects alpha 1→2] [expects c 1→]",
			"changed sr [level  2→3] [next  →lead]",
		}},
	} {
		if got := changeLines(tc.got); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.what, got, tc.want)
		}
	}
	if got := v.SkillBecame("a"); got != "alpha" {
		t.Errorf("SkillBecame(a) = %q, want alpha", got)
	}
	if got := v.QuestionRenamedTo("a.1"); got != "alpha.1" {
		t.Errorf("QuestionRenamedTo(a.1) = %q, want alpha.1", got)
	}
}

func TestCompareVersionsSame(t *testing.T) {
	r := mustParse(t, versionOld)
	if v := CompareVersions(r, mustParse(t, versionOld)); !v.Empty() {
		t.Errorf("a version against itself: %q %q %q", changeLines(v.Skills), changeLines(v.Questions), changeLines(v.Roles))
	}
}

func TestVersionMapCarry(t *testing.T) {
	old, new := mustParse(t, versionOld), mustParse(t, versionNew)
	// where[old question id] = new question id, "" for none
	where := func(m *VersionMap) map[string]string {
		out := map[string]string{}
		carry := m.Carry(old, new)
		for i, q := range old.Questions() {
			out[q.ID] = ""
			if carry[i] >= 0 {
				out[q.ID] = new.Questions()[carry[i]].ID
			}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		m    *VersionMap
		want map[string]string
	}{
		{"no map: ids in both carry over", nil,
			map[string]string{"a.1": "", "a.2": "", "b.1": "b.1", "c.1": ""}},
		{"a skill maps its questions by position", &VersionMap{Skills: map[string]string{"a": "alpha"}},
			map[string]string{"a.1": "alpha.1", "a.2": "alpha.2", "b.1": "b.1", "c.1": ""}},
		{"a question's own line wins over its skill's", &VersionMap{Skills: map[string]string{"a": "alpha"}, Questions: map[string]string{"a.2": "alpha.1"}},
			map[string]string{"a.1": "", "a.2": "alpha.1", "b.1": "b.1", "c.1": ""}}, // a.1's place, alpha.1, is taken
		{"a map's word is not undone by an id that carries over", &VersionMap{Questions: map[string]string{"c.1": "b.1"}},
			map[string]string{"a.1": "", "a.2": "", "b.1": "", "c.1": "b.1"}},
		{"a removed skill's question to an added one", &VersionMap{Skills: map[string]string{"c": "d"}},
			map[string]string{"a.1": "", "a.2": "", "b.1": "b.1", "c.1": "d.1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := where(tc.m); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseVersionMap(t *testing.T) {
	old, new := mustParse(t, versionOld), mustParse(t, versionNew)
	m, err := ParseVersionMap("map.yaml", []byte("skills: {a: alpha}\nquestions:\n  c.1: d.1\n"), old, new)
	if err != nil {
		t.Fatal(err)
	}
	if m.Skills["a"] != "alpha" || m.Questions["c.1"] != "d.1" {
		t.Errorf("got %+v", m)
	}
	for _, tc := range []struct{ src, want string }{
		{"skill: {a: alpha}\n", `map.yaml:1: unknown key "skill" in the map (did you mean skills?)`},
		{"zzz: {a: alpha}\n", `map.yaml:1: unknown key "zzz" in the map (known: questions, skills)`},
		{"questions:\n  a.11: alpha.1\n", `map.yaml:2: questions: "a.11" is not a question of V 1 (did you mean a.1?)`},
		{"skills: {a: alpah}\n", `map.yaml:1: skills: "alpah" is not a skill of V 2 (did you mean alpha?)`},
		{"questions:\n  a.1: alpha.1\n  a.2: alpha.1\n", `map.yaml:3: questions: alpha.1 is mapped to twice (first at line 2): one old question per new one`},
		{"questions:\n  a.1:\n", `map.yaml:2: questions: a.1 maps to nothing: give the id of a question of V 2`},
		{"questions: [a.1]\n", `map.yaml:1: questions must be a mapping, found a list`},
	} {
		_, err := ParseVersionMap("map.yaml", []byte(tc.src), old, new)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s", tc.src, err, tc.want)
		}
	}
}

// FuzzParseVersionMap checks that no map file makes ParseVersionMap panic, that a rejected
// one comes with located problems, and that an accepted one names only ids of the right
// version and carries each answer to at most one question.
func FuzzParseVersionMap(f *testing.F) {
	f.Add([]byte("skills: {a: alpha}\nquestions:\n  c.1: d.1\n"))
	f.Add([]byte("questions: {a.1: alpha.1, a.2: alpha.1}\n"))
	f.Add([]byte("skills: [a]\n"))
	old, err := Parse("old.yaml", []byte(versionOld))
	if err != nil {
		f.Fatal(err)
	}
	new, err := Parse("new.yaml", []byte(versionNew))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseVersionMap("map.yaml", data, old, new)
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 || list[0].File != "map.yaml" {
				t.Fatalf("error without located problems: %v", err)
			}
			return
		}
		for from, to := range m.Questions {
			if old.Question(from) == nil || new.Question(to) == nil {
				t.Fatalf("questions: %q → %q", from, to)
			}
		}
		for from, to := range m.Skills {
			if old.Skill(from) == nil || new.Skill(to) == nil {
				t.Fatalf("skills: %q → %q", from, to)
			}
		}
		seen := map[int]bool{}
		for _, j := range m.Carry(old, new) {
			if j >= 0 && seen[j] {
				t.Fatalf("two answers carried to question %d", j)
			}
			seen[j] = true
		}
	})
}
