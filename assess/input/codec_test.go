package input

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

const validAnswers = `format: pmladder-answers/v1
person: Ada Lovelace
assessor: manager
date: 2026-11-22T10:04:05Z
current_role: r1
target_role: r2a
track: a
complete: true
answers:
  s1.1: 3
  s1.2: na
  s2.1:
  s4.1: "2"
`

func TestParseAnswers(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	a, warnings, err := ParseAnswers("a.yaml", []byte(validAnswers), r)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}
	want := time.Date(2026, 11, 22, 10, 4, 5, 0, time.UTC)
	if a.Person != "Ada Lovelace" || a.Assessor != "manager" || !a.Date.Equal(want) || a.CurrentRole != "r1" ||
		a.TargetRole != "r2a" || a.Track != "a" || !a.Complete {
		t.Errorf("%+v", a)
	}
	if a.Count(r.Questions()) != 3 || get(a, "s1.1") != (assess.Answer{Score: 3}) || !get(a, "s1.2").NA || get(a, "s4.1").Score != 2 {
		t.Errorf("values %v (an empty value is unanswered)", a)
	}
	if _, ok := a.Get("s2.1"); ok {
		t.Error("an empty answer is unanswered")
	}
}

func TestParseAnswersJSON(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	src := `{"format": "pmladder-answers/v1", "person": "Grace", "date": "2026-11-22",
  "answers": {"s1.1": 4, "s2.2": "na"}}`
	a, _, err := ParseAnswers("g.json", []byte(src), r)
	if err != nil {
		t.Fatal(err)
	}
	if a.Person != "Grace" || a.Assessor != "self" || get(a, "s1.1").Score != 4 || !get(a, "s2.2").NA || a.Date.Day() != 22 {
		t.Errorf("%+v", a)
	}
}

func TestAnswersProblems(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	cases := []struct {
		name, old, new, want string
	}{
		{"unknown question", "  s4.1: \"2\"", "  s9.1: 2", `a.yaml:13: unknown question "s9.1": not in Hand`},
		{"score off the scale", "  s1.1: 3", "  s1.1: 7", `a.yaml:10: question "s1.1": score 7 is outside the scale 0–4`},
		{"not an integer", "  s1.1: 3", "  s1.1: 2.5", `a.yaml:10: question "s1.1": "2.5" is not a score (0–4 or na)`},
		{"a word", "  s1.1: 3", "  s1.1: seven", `a.yaml:10: question "s1.1": "seven" is not a score (0–4 or na)`},
		{"negative", "  s1.1: 3", "  s1.1: -1", `a.yaml:10: question "s1.1": score -1 is outside the scale 0–4`},
		{"unknown role", "current_role: r1", "current_role: wizard", `a.yaml:5: current_role "wizard" is not a role of Hand`},
		{"unknown target", "target_role: r2a", "target_role: r9", `a.yaml:6: target_role "r9" is not a role of Hand`},
		{"unknown track", "track: a", "track: z", `a.yaml:7: track "z" is not a track of Hand (tracks: a, b)`},
		{"unknown assessor", "assessor: manager", "assessor: boss", `a.yaml:3: assessor "boss" is not self, manager or peer`},
		{"wrong format", "format: pmladder-answers/v1", "format: pmladder-rubric/v1", `a.yaml:1: format "pmladder-rubric/v1" is not pmladder-answers/v1`},
		{"missing format", "format: pmladder-answers/v1\n", "", `a.yaml:1: missing format`},
		{"unknown key", "complete: true", "complete: true\ncolour: red", `a.yaml:9: unknown key "colour" in the answers`},
		{"bad date", "date: 2026-11-22T10:04:05Z", "date: yesterday", `a.yaml:4: date "yesterday" is not a date`},
		{"repeated answer", "  s1.2: na", "  s1.1: na", `a.yaml:11: answers: key "s1.1" repeats (first at line 10)`},
		{"answers a list", "answers:\n  s1.1: 3\n  s1.2: na\n  s2.1:\n  s4.1: \"2\"\n", "answers: [1, 2]\n", `a.yaml:9: answers must be a mapping, found a list`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(validAnswers, tc.old) {
				t.Fatalf("test bug: %q", tc.old)
			}
			_, _, err := ParseAnswers("a.yaml", []byte(strings.Replace(validAnswers, tc.old, tc.new, 1)), r)
			var list problem.List
			if !errors.As(err, &list) {
				t.Fatalf("want problems, got %v", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("missing %q in:\n%v", tc.want, err)
			}
		})
	}
	for name, src := range map[string]string{"empty": "", "binary": "\x00\xff", "not yaml": "a: [", "a list": "- 1\n"} {
		_, _, err := ParseAnswers("bad.yaml", []byte(src), r)
		var list problem.List
		if !errors.As(err, &list) || list[0].Line < 1 {
			t.Errorf("%s: want a located problem, got %v", name, err)
		}
	}
}

func TestRubricMismatchWarns(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	src := strings.Replace(validAnswers, "complete: true", "complete: true\nrubric: {name: Hand, version: \"0\", sha256: 0123456789abcdef}", 1)
	_, warnings, err := ParseAnswers("a.yaml", []byte(src), r)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "a.yaml:9: these answers were given against Hand 0 (0123456789ab)") {
		t.Errorf("warnings %q", warnings)
	}
}

// Answers that record another ladder: each problem with what it names says which ladder
// they were written for and the two ways to read them, on its own line; answers of this
// ladder's name and version (a file edited since) get no such hint.
func TestOtherLadderHint(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	for _, c := range []struct{ ref, want string }{
		{`{name: Acme ladder, version: "2026", source: /srv/acme.yaml}`, `; these answers were written for Acme ladder 2026: score them with --rubric /srv/acme.yaml, or re-score them under this one with --was OLD.yaml [--map MAP.yaml]`},
		{`{name: Acme ladder}`, `; these answers were written for Acme ladder: score them with --rubric set to that ladder, or`},
		{`{name: Hand, version: "0"}`, `; these answers were written for Hand 0: score them`},
		{`{name: Product Management Career Ladder, source: built-in}`, `score them with the built-in ladder (no --rubric), or`},
	} {
		src := strings.Replace(validAnswers, "complete: true", "complete: true\nrubric: "+c.ref, 1)
		src = strings.Replace(src, "current_role: r1", "current_role: apm", 1)
		src = strings.Replace(src, "  s4.1: \"2\"", "  discovery.1: 2", 1)
		_, _, err := ParseAnswers("a.yaml", []byte(src), r)
		var list problem.List
		if !errors.As(err, &list) || len(list) != 2 {
			t.Fatalf("%s: want two problems, got %v", c.ref, err)
		}
		for _, p := range list {
			if !strings.Contains(p.Error(), c.want) || strings.Contains(p.Error(), "\n") {
				t.Errorf("%s: %q lacks %q", c.ref, p.Error(), c.want)
			}
		}
	}
	_, _, err := ParseAnswers("a.yaml", []byte(strings.Replace(validAnswers, "complete: true", "complete: true\nrubric: {name: Hand}\nevidence: {nope: x}", 1)), r)
	if err == nil || strings.Contains(err.Error(), "written for") {
		t.Errorf("same ladder: %v", err)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	a, _, err := ParseAnswers("a.yaml", []byte(validAnswers), r)
	if err != nil {
		t.Fatal(err)
	}
	out := MarshalYAML(a, r)
	b, warnings, err := ParseAnswers("out.yaml", out, r)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("%v %v\n%s", err, warnings, out)
	}
	if b.Person != a.Person || !b.Date.Equal(a.Date) || b.String() != a.String() ||
		b.Rubric.SHA256 != r.SHA256 || b.Track != "a" {
		t.Errorf("round trip lost data:\n%s", out)
	}
	// Odd names survive quoting.
	a.Person = "O'Brien: \"the\" #1"
	b, _, err = ParseAnswers("out.yaml", MarshalYAML(a, r), r)
	if err != nil || b.Person != a.Person {
		t.Errorf("person %q: %v", b.Person, err)
	}
}

// get returns the answer to a question, or the zero Answer.
func get(a *assess.Answers, id string) assess.Answer {
	v, _ := a.Get(id)
	return v
}

func TestParseScoreIsStrict(t *testing.T) {
	scale := rubric.Scale{Min: 0, Max: 5}
	for in, want := range map[string]string{"3": "3", " 4 ": "4", "3.0": "3", "3.00": "3", "na": "na", "NA": "na", "0": "0"} {
		got, err := assess.ParseScore(in, scale)
		if err != nil || got.String() != want {
			t.Errorf("%q: %v %v, want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"0x1p1", "0_3", "3.", "3.5", "+3", "1e0", "three", "", "-1", "6", " 2 3"} {
		if got, err := assess.ParseScore(in, scale); err == nil {
			t.Errorf("%q read as %v, want an error", in, got)
		}
	}
	long := strings.Repeat("x", 10<<20)
	if _, err := assess.ParseScore(long, scale); err == nil || len(err.Error()) > 100 {
		t.Errorf("a 10 MB cell: the message is %d bytes", len(err.Error()))
	}
}

func TestParseDateForms(t *testing.T) {
	day := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2026-11-22", "2026/11/22", "22/11/2026", "11/22/2026", "22.11.2026", "22.11.2026 ", "2026-11-22T00:00:00Z"} {
		got, err := assess.ParseDate(s)
		if err != nil || !got.Equal(day) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, day)
		}
	}
	if got, err := assess.ParseDate("5/5/2026"); err != nil || !got.Equal(time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("5/5/2026 = %v, %v", got, err)
	}
	for s, want := range map[string]string{
		"03/04/2026": `could be 2026-04-03 or 2026-03-04`,
		"31/02/2026": `not a day of the calendar`,
		"22/11/26":   `four digits`,
		"yesterday":  `is not a date`,
		"22/13/2026": `not a day of the calendar`,
		"1/2/3/2026": `is not a date`,
		"-1/11/2026": `is not a date`,
	} {
		if _, err := assess.ParseDate(s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) error = %v; want it to say %q", s, err, want)
		}
	}
}

func TestParseDateInOrder(t *testing.T) {
	for _, c := range []struct {
		s     string
		order assess.DateOrder
		want  string
	}{
		{"12/01/2026", assess.MonthFirst, "2026-12-01"},
		{"12/01/2026", assess.DayFirst, "2026-01-12"},
		{"1/2/2026", assess.MonthFirst, "2026-01-02"},
		{"22.11.2026", assess.MonthFirst, "2026-11-22"}, // dots are day first whatever the order
		{"2026/11/22", assess.DayFirst, "2026-11-22"},
	} {
		got, err := assess.ParseDateIn(c.s, c.order)
		if err != nil || got.Format("2006-01-02") != c.want {
			t.Errorf("ParseDateIn(%q, %s) = %v, %v; want %s", c.s, c.order, got, err, c.want)
		}
	}
	if _, err := assess.ParseDateIn("13/01/2026", assess.MonthFirst); err == nil || !strings.Contains(err.Error(), "read mdy (month first)") {
		t.Errorf("13/01/2026 month first: %v", err)
	}
	for s, want := range map[string]struct {
		order  assess.DateOrder
		either bool
	}{
		"12/01/2026": {"", true}, "13/01/2026": {assess.DayFirst, false}, "01/13/2026": {assess.MonthFirst, false},
		"05/05/2026": {"", false}, "22.11.2026": {"", false}, "2026-11-22": {"", false}, "2026/01/02": {"", false},
		"12/01/26": {"", false}, "13/13/2026": {"", false},
	} {
		if order, either := assess.SlashDateOrder(s); order != want.order || either != want.either {
			t.Errorf("SlashDateOrder(%q) = %q, %v; want %q, %v", s, order, either, want.order, want.either)
		}
	}
}
