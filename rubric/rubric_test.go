package rubric

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/problem"
)

func TestDefaultParses(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatalf("built-in rubric: %v", err)
	}
	if r.Source != DefaultSource || len(r.SHA256) != 64 {
		t.Errorf("source %q, sha256 %q", r.Source, r.SHA256)
	}
	if got := r.Question("data-fluency.2"); got == nil || got.Skill != "data-fluency" {
		t.Errorf("default question id <skill>.<n>: got %+v", got)
	}
}

func TestOtherOrganisationLadder(t *testing.T) {
	r, err := Load("testdata/support-ladder.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r.Scale.Min != 1 || r.Scale.Max != 4 || r.Scale.Label(4) != "Role model" || r.Scale.Label(0) != "" {
		t.Errorf("scale %+v", r.Scale)
	}
	if r.Scoring.Pass != 75 {
		t.Errorf("pass %v, want 75", r.Scoring.Pass)
	}
	ts := r.Skill("troubleshooting")
	if ts.Weight != 3 || !ts.Core || ts.Category != "craft" || len(ts.Questions) != 2 {
		t.Errorf("troubleshooting %+v", ts)
	}
	if q := r.Question("troubleshooting.1"); q == nil || q.Text != "How well do you diagnose problems you have not seen before?" || len(q.Options) != 0 {
		t.Errorf("plain-rating question from a bare string: %+v", q)
	}
	if r.Question("pk") == nil || r.Question("product-knowledge.1") != nil {
		t.Error("an explicit question id replaces the default one")
	}
	if w := r.Skill("empathy").Weight; w != 1 {
		t.Errorf("default weight %v, want 1", w)
	}
	trainer := r.Role("trainer")
	if trainer.IsLadder() || !trainer.OnTrack("lead") || trainer.Expects["product-knowledge"] != 3.5 {
		t.Errorf("lateral role %+v", trainer)
	}
	if r.Role("specialist").OnTrack("lead") || !r.Role("specialist").OnTrack("") {
		t.Error("track-limited role")
	}
	if got := len(r.LadderRoles("lead")); got != 3 {
		t.Errorf("ladder roles on lead track: %d, want 3", got)
	}
	coach := r.Certifications[2]
	if coach.SuitsRole("agent") || !coach.SuitsRole("trainer") || !r.Certifications[1].SuitsRole("agent") {
		t.Error("certification role filter")
	}
	if from := r.ReachedFrom("trainer"); len(from) != 1 || from[0].ID != "senior-agent" {
		t.Errorf("reached from %v", from)
	}
}

// base is a small valid rubric the error cases below break one line at a time.
const base = `format: pmladder-rubric/v1
name: Mini
scale: {min: 0, max: 3, labels: [a, b, c, d]}
tracks: [{id: t1, name: Track one}]
categories:
  - id: c1
    name: Cat
    skills:
      - id: s1
        name: Skill one
        questions:
          - text: Q?
            options: [{score: 0, text: no}, {score: 3, text: yes}]
roles:
  - id: r1
    name: Role one
    level: 1
    tracks: [t1]
    expects: {s1: 2}
    next: [r2]
  - id: r2
    name: Role two
    expects: {s1: 3}
certifications:
  - {id: c1, name: Cert, issuer: Org, skills: [s1], roles: [r1]}
`

func TestBaseIsValid(t *testing.T) {
	if _, err := Parse("base.yaml", []byte(base)); err != nil {
		t.Fatal(err)
	}
}

// TestV3Fields: a role's short name and scope, a certification's primary skills and
// family are read; a certification without primary skills builds all its skills mainly.
func TestV3Fields(t *testing.T) {
	src := strings.Replace(base, "    name: Role one\n", "    name: Role one\n    short: R1\n    scope: One feature, with guidance\n", 1)
	src = strings.Replace(src, "skills: [s1], roles: [r1]}", "skills: [s1], primary: [s1], family: po, roles: [r1]}\n  - {id: c2, name: Two, issuer: Org, skills: [s1]}", 1)
	r, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if ro := r.Role("r1"); ro.Short != "R1" || ro.Scope != "One feature, with guidance" {
		t.Errorf("role r1: short %q, scope %q", ro.Short, ro.Scope)
	}
	c1, c2 := r.Certification("c1"), r.Certification("c2")
	if c1.Family != "po" || !slices.Equal(c1.PrimarySkills(), []string{"s1"}) {
		t.Errorf("c1: family %q, primary %v", c1.Family, c1.PrimarySkills())
	}
	if c2.Family != "" || !slices.Equal(c2.PrimarySkills(), c2.Skills) {
		t.Errorf("c2 has no primary: want its skills, got %v", c2.PrimarySkills())
	}
}

func TestProblems(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           []string // each a FILE:LINE: message fragment
	}{
		{"unknown key", "    name: Cat\n", "    name: Cat\n    colour: red\n", []string{`x.yaml:8: unknown key "colour" in category`}},
		{"wrong format", "format: pmladder-rubric/v1", "format: pmladder-answers/v1", []string{`x.yaml:1: format "pmladder-answers/v1" is not pmladder-rubric/v1`}},
		{"missing format", "format: pmladder-rubric/v1\n", "", []string{"x.yaml:1: missing format"}},
		{"missing name", "name: Mini\n", "", []string{"x.yaml:1: the rubric: missing name"}},
		{"missing skill id", "      - id: s1\n        name: Skill one", "      - name: Skill one", []string{`x.yaml:9: skill: missing id`}},
		{"duplicate role", "  - id: r2\n", "  - id: r1\n", []string{`x.yaml:21: duplicate role id "r1" (first at line 15)`}},
		{"option off scale", "{score: 3, text: yes}", "{score: 7, text: yes}", []string{"x.yaml:13: question \"s1.1\" option score 7 is outside the scale 0–3"}},
		{"repeated option score", "{score: 3, text: yes}", "{score: 0, text: yes}", []string{"x.yaml:13: question \"s1.1\" repeats option score 0"}},
		{"label count", "labels: [a, b, c, d]", "labels: [a, b, c]", []string{"x.yaml:3: scale has 3 labels, want 4"}},
		{"min not below max", "{min: 0, max: 3,", "{min: 3, max: 3,", []string{"x.yaml:3: scale max 3 must be above min 3"}},
		{"pass out of range", "tracks:", "scoring: {pass: 120}\ntracks:", []string{"x.yaml:4: scoring pass 120 must be a percentage from 0 to 100"}},
		{"expects unknown skill", "expects: {s1: 2}", "expects: {s1: 2, s9: 1}", []string{`x.yaml:19: role "r1" expects names unknown skill "s9"`}},
		{"expects off scale", "expects: {s1: 2}", "expects: {s1: 4}", []string{`x.yaml:19: role "r1" expects s1 4, outside the scale 0–3`}},
		{"next unknown role", "next: [r2]", "next: [r3]", []string{`x.yaml:20: role "r1" next names unknown role "r3"`}},
		{"unknown track", "tracks: [t1]", "tracks: [t2]", []string{`x.yaml:18: role "r1" tracks names unknown track "t2"`}},
		{"cert unknown skill", "skills: [s1], roles", "skills: [s2], roles", []string{`x.yaml:25: certification "c1" skills names unknown skill "s2"`}},
		{"cert unknown role", "roles: [r1]}", "roles: [r5]}", []string{`x.yaml:25: certification "c1" roles names unknown role "r5"`}},
		{"no questions", "        questions:\n          - text: Q?\n            options: [{score: 0, text: no}, {score: 3, text: yes}]\n", "", []string{`x.yaml:9: skill "s1" has no questions`}},
		{"no roles", base[strings.Index(base, "roles:"):strings.Index(base, "certifications:")], "", []string{"x.yaml:1: the rubric has no roles", `certification "c1" roles names unknown role "r1"`}},
		{"weight not a number", "        name: Skill one\n", "        name: Skill one\n        weight: heavy\n", []string{`x.yaml:11: skill "s1" weight must be a number, found "heavy"`}},
		{"level zero", "level: 1", "level: 0", []string{`x.yaml:17: role "r1" level 0 must be 1 or more`}},
		{"question id clashes with sheet column", "          - text: Q?\n", "          - id: person\n            text: Q?\n", []string{`x.yaml:12: question id "person" is a team-sheet column name`}},
		{"bad id characters", "  - id: r2\n", "  - id: \"r 2\"\n", []string{`x.yaml:21: role id "r 2" may hold only letters`}},
		{"repeated key", "name: Mini\n", "name: Mini\nname: Again\n", []string{`x.yaml:3: the rubric: key "name" repeats (first at line 2)`}},
		{"role expects nothing", "    expects: {s1: 3}\n", "", []string{`x.yaml:21: role "r2" expects no skills`}},
		{"requires unknown", "roles: [r1]}", "roles: [r1], requires: [c9]}", []string{`x.yaml:25: certification "c1" requires names unknown certification "c9"`}},
		{"requires repeated", "roles: [r1]}", "roles: [r1], requires: [c2, c2]}\n  - {id: c2, name: Two, issuer: Org, skills: [s1]}",
			[]string{`x.yaml:25: certification "c1" requires: "c2" is listed twice (first at line 25)`}},
		{"requires itself", "roles: [r1]}", "roles: [r1], requires: [c1]}", []string{`x.yaml:25: certification "c1" requires itself`}},
		{"cert skills repeated", "skills: [s1], roles", "skills: [s1, s1], roles", []string{`x.yaml:25: certification "c1" skills: "s1" is listed twice`}},
		{"action level off the scale", "        name: Skill one\n", "        name: Skill one\n        actions: [{level: 4, text: Grow}]\n",
			[]string{`x.yaml:11: skill "s1" action 1: level 4 is outside the steps of the scale (1–3)`}},
		{"action level zero", "        name: Skill one\n", "        name: Skill one\n        actions: [{level: 0, text: Grow}]\n",
			[]string{`x.yaml:11: skill "s1" action 1: level 0 is outside the steps of the scale (1–3)`}},
		{"action without level", "        name: Skill one\n", "        name: Skill one\n        actions: [{text: Grow}]\n",
			[]string{`x.yaml:11: skill "s1" action 1: missing level`}},
		{"empty action", "        name: Skill one\n", "        name: Skill one\n        actions: [\"  \"]\n",
			[]string{`x.yaml:11: skill "s1" action 1 is empty`}},
		{"short too long", "  - id: r2\n", "  - id: r2\n    short: Principal\n", []string{`x.yaml:22: role "r2" short "Principal" is 9 characters: at most 8`}},
		{"primary not among its skills", "skills: [s1], roles", "skills: [s1], primary: [s2], roles", []string{`x.yaml:25: certification "c1" primary skill s2 is not one of its skills`}},
		{"primary unknown", "skills: [s1], roles", "skills: [s1], primary: [s9], roles", []string{`x.yaml:25: certification "c1" primary names unknown skill "s9"`}},
		{"family not text", "skills: [s1], roles", "skills: [s1], family: [a, b], roles", []string{`x.yaml:25: certification "c1" family`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(base, tc.old) {
				t.Fatalf("test bug: %q not in base", tc.old)
			}
			src := strings.Replace(base, tc.old, tc.new, 1)
			_, err := Parse("x.yaml", []byte(src))
			var list problem.List
			if !errors.As(err, &list) {
				t.Fatalf("want a problem list, got %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%v", w, err)
				}
			}
		})
	}
}

func TestEveryProblemAtOnce(t *testing.T) {
	src := strings.NewReplacer(
		"    name: Cat\n", "    name: Cat\n    colour: red\n",
		"{score: 3, text: yes}", "{score: 9, text: yes}",
		"next: [r2]", "next: [nowhere]",
		"  - id: r2\n", "  - id: r1\n",
		"labels: [a, b, c, d]", "labels: [a]",
	).Replace(base)
	_, err := Parse("five.yaml", []byte(src))
	var list problem.List
	if !errors.As(err, &list) {
		t.Fatalf("got %v", err)
	}
	if len(list) != 5 {
		t.Fatalf("want 5 problems, got %d:\n%v", len(list), err)
	}
	last := 0
	for _, p := range list {
		if p.File != "five.yaml" || p.Line < last {
			t.Errorf("problem out of order or without file: %+v", p)
		}
		last = p.Line
	}
}

func TestMalformedInput(t *testing.T) {
	cases := map[string]string{
		"empty":       "",
		"blank":       "  \n\n",
		"binary":      "\x00\x01\x02garbage\xff",
		"not utf-8":   "name: \xff\xfe\n",
		"not yaml":    "format: [unclosed\n",
		"a list":      "- a\n- b\n",
		"a scalar":    "hello\n",
		"two docs":    "format: pmladder-rubric/v1\n---\nname: x\n",
		"only format": "format: pmladder-rubric/v1\n",
		"tabs":        "format:\tpmladder-rubric/v1\n\tname: x\n",
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(src))
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("want problems, got %v", err)
			}
			for _, p := range list {
				if p.File != "bad.yaml" || p.Line < 1 {
					t.Errorf("problem without a line: %+v", p)
				}
				if strings.Contains(p.Msg, "\n") {
					t.Errorf("multi-line message: %q", p.Msg)
				}
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/does-not-exist.yaml")
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v", err)
	}
	var list problem.List
	if errors.As(err, &list) {
		t.Error("an unreadable file is not a problem inside the file")
	}
}

// TestAliasBomb feeds a small file whose aliases expand to 10^8 options: the walk budget
// and the cap on problems must stop it quickly with a short report.
func TestAliasBomb(t *testing.T) {
	more := func(indent, alias string) string {
		return strings.Repeat(indent+"- *"+alias+"\n", 99)
	}
	src := "format: pmladder-rubric/v1\nname: bomb\nscale: {min: 0, max: 1}\n" +
		"roles: [{id: r, name: r, expects: {s: 1}}]\n" +
		"categories:\n" +
		"  - &c\n    id: c\n    name: c\n    skills:\n" +
		"      - &s\n        id: s\n        name: s\n        questions:\n" +
		"          - &q\n            text: q\n            options:\n" +
		"              - &o {score: 0, text: t}\n" + more("              ", "o") +
		more("          ", "q") + more("      ", "s") + more("  ", "c")
	_, err := Parse("bomb.yaml", []byte(src))
	var list problem.List
	if !errors.As(err, &list) {
		t.Fatalf("want problems, got %v", err)
	}
	if len(list) > 101 {
		t.Errorf("%d problems: the list must be capped", len(list))
	}
}

func TestActionsForAStep(t *testing.T) {
	src := strings.Replace(base, "        name: Skill one\n", "        name: Skill one\n        actions: [{level: 2, text: two}, any step, {level: 3, text: three}]\n", 1)
	src = strings.Replace(src, "roles: [r1]}", "roles: [r1]}\n  - {id: c2, name: Two, issuer: Org, skills: [s1], requires: [c1]}", 1)
	r, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s := r.Skill("s1")
	if got := strings.Join(s.ActionsFor(2), "|"); got != "two|any step" {
		t.Errorf("step 2: %s", got)
	}
	if got := strings.Join(s.ActionsFor(1), "|"); got != "any step" {
		t.Errorf("step 1: %s", got)
	}
	if c := r.Certification("c2"); c == nil || strings.Join(c.Requires, ",") != "c1" {
		t.Errorf("requires: %+v", c)
	}
}

func TestDiff(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	pm, senior := r.Role("pm"), r.Role("senior-pm")
	changes := r.Diff(pm, senior)
	if len(changes) == 0 {
		t.Fatal("pm → senior-pm changes nothing")
	}
	for _, c := range changes {
		a, okA := pm.Expect(c.Skill.ID)
		b, okB := senior.Expect(c.Skill.ID)
		if (c.From != nil) != okA || (c.To != nil) != okB || (okA && *c.From != a) || (okB && *c.To != b) {
			t.Errorf("%s: from %v to %v; the roles say %v/%v and %v/%v", c.Skill.ID, c.From, c.To, a, okA, b, okB)
		}
		if okA && okB && a == b {
			t.Errorf("%s listed though both expect %v", c.Skill.ID, a)
		}
	}
	// Every skill whose expectation differs is listed.
	n := 0
	for _, s := range r.Skills() {
		a, okA := pm.Expect(s.ID)
		b, okB := senior.Expect(s.ID)
		if okA != okB || (okA && a != b) {
			n++
		}
	}
	if n != len(changes) {
		t.Errorf("%d skills differ, %d listed", n, len(changes))
	}
	if got := r.Diff(pm, pm); len(got) != 0 {
		t.Errorf("a role against itself: %d changes", len(got))
	}
	if got := r.Skill("data-fluency").StatementsAt(3); len(got) == 0 {
		t.Errorf("no statements at 3 for data-fluency")
	}
}
