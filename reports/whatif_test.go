package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// whatIfWordsLadder: Data is core and anchored, Strategy's gap toward Senior PM is two
// steps, and a pass mark of 60% lets Senior PM be held with a gap left.
const whatIfWordsLadder = `format: pmladder-rubric/v1
name: What-if words
scale: {min: 0, max: 5}
scoring: {pass: 60}
categories:
  - id: c
    name: C
    skills:
      - id: data
        name: Data
        core: true
        questions:
          - text: How do you use metrics?
            options:
              - {score: 0, text: I have not looked at metrics yet.}
              - {score: 1, text: I read the dashboards others built.}
              - {score: 2, text: I track my features' key metrics.}
              - {score: 3, text: I set success metrics before we build.}
              - {score: 4, text: I keep a metric tree.}
              - {score: 5, text: I shape how several teams read metrics.}
      - {id: strategy, name: Strategy, questions: [q]}
      - {id: writing, name: Writing, questions: [q]}
      - {id: launch, name: Launch, questions: [q]}
roles:
  - {id: pm, name: PM, level: 1, expects: {data: 1}, next: [senior]}
  - {id: senior, name: Senior PM, level: 2, expects: {data: 3, strategy: 3, writing: 2, launch: 1}}
`

// whatIfPerson scores answers (a YAML map) by assessor toward Senior PM and adds the
// what-if.
func whatIfPerson(t *testing.T, r *rubric.Rubric, assessor, answers string) *Person {
	t.Helper()
	doc := "format: pmladder-answers/v1\nperson: Ada\nassessor: " + assessor + "\ndate: 2026-11-22T10:04:05Z\nanswers: " + answers + "\n"
	a, _, err := input.ParseAnswers("a.yaml", []byte(doc), r)
	if err != nil {
		t.Fatal(err)
	}
	opts := assess.ScoreOptions{Target: "senior"}
	res := assess.Score(r, a, opts)
	return NewPerson(res).WithWhatIf(assess.WhatIfOf(res, opts))
}

// render writes p in format f at width.
func render(t *testing.T, p *Person, f Format, width int) string {
	t.Helper()
	var buf bytes.Buffer
	if err := (Output{Format: f, Options: Options{Width: width}}).Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// whatIfSection is the what-if part of a Markdown or table report: from its heading to
// the next section that is not its own.
func whatIfSection(t *testing.T, out, start, end string) string {
	t.Helper()
	i := strings.Index(out, start)
	if i < 0 {
		t.Fatalf("no %q in\n%s", start, out)
	}
	s := out[i:]
	if j := strings.Index(s, end); j >= 0 {
		s = s[:j]
	}
	return s
}

// TestWhatIfWords: the three outcomes of the fewest steps (a count and the steps,
// held already, none can), a step that does not close its gap said plainly, the moves
// that raise readiness and why none does — in Markdown, the table and HTML alike.
func TestWhatIfWords(t *testing.T) {
	r := assesstest.Rubric(t, whatIfWordsLadder)
	cases := []struct {
		name, answers string
		says, not     []string
	}{
		{"steps", "{data.1: 2, strategy.1: 1, writing.1: 1, launch.1: 1}", []string{
			"Which one step would move you most toward Senior PM?",
			"Readiness now: 25%; the bar is 60% with every core skill met.",
			"Data 2 → 3: readiness 25% → 50%, still below the bar for Senior PM",
			"At 3: I set success metrics before we build.",
			"Strategy 1 → 2: readiness stays at 25%: it rises only when the skill reaches 3, what Senior PM expects",
			"1. Data to 3: 25% → 50%",
			"2. Writing to 2: 25% → 50%",
			"Fewest steps to the bar for Senior PM",
			"2 steps on 2 skills, in this order:",
			"1. Data: 2 → 3",
			"2. Writing: 1 → 2",
		}, []string{"3. ", "the bar for Senior PM already", "Answer these first", "None of these steps"}},
		{"held", "{data.1: 3, strategy.1: 1, writing.1: 2, launch.1: 1}", []string{
			"Strategy 1 → 2: readiness stays at 75%: it rises only when the skill reaches 3",
			"None of these steps alone raises readiness: each gap is more than one step",
			"You meet the bar for Senior PM already.",
		}, []string{"in this order", "Answer these first", "1. Strategy"}},
		{"none can", "{data.1: 2, strategy.1: 3}", []string{
			"Data 2 → 3: readiness 25% → 50%, still below the bar for Senior PM",
			"No steps on the skills assessed bring you to the bar for Senior PM: it expects skills with no answer yet.",
			"Answer these first: Writing, Launch.",
		}, []string{"in this order", "the bar for Senior PM already"}},
		{"nothing to step", "{data.1: 3, strategy.1: 3}", []string{
			"No skill assessed falls short of what Senior PM expects: there is no step to take on them.",
			"Answer these first: Writing, Launch.",
		}, []string{"The moves that raise readiness most"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := whatIfPerson(t, r, "self", c.answers)
			md := whatIfSection(t, render(t, p, Markdown, 0), "\n## What if\n", "\n## Promotion case")
			table := whatIfSection(t, render(t, p, Table, 400), "\nWhat if\n", "\nSummary")
			page := render(t, p, HTML, 0)
			page = strings.NewReplacer("&#39;", "'", "&gt;", ">").Replace(page)
			for _, s := range c.says {
				if !strings.Contains(strings.NewReplacer(`\`, "", "**", "").Replace(md), s) {
					t.Errorf("markdown does not say %q:\n%s", s, md)
				}
				if !strings.Contains(strings.ReplaceAll(table, "\n    Readiness", ": readiness"), s) {
					t.Errorf("table does not say %q:\n%s", s, table)
				}
				if !strings.Contains(htmlText(page), strings.TrimLeft(s, "0123456789. ")) {
					t.Errorf("html does not say %q", s)
				}
			}
			for _, s := range c.not {
				if strings.Contains(md, s) || strings.Contains(table, s) {
					t.Errorf("says %q:\n%s", s, md)
				}
			}
		})
	}
}

// htmlText is a page's text without its tags, as a reader sees it.
func htmlText(page string) string {
	var b strings.Builder
	in := false
	for _, r := range page {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestWhatIfWording: a self-assessment says "you", a manager's never does.
func TestWhatIfWording(t *testing.T) {
	r := assesstest.Rubric(t, whatIfWordsLadder)
	for _, answers := range []string{"{data.1: 2, strategy.1: 1, writing.1: 1, launch.1: 1}", "{data.1: 3, strategy.1: 1, writing.1: 2, launch.1: 1}", "{data.1: 2, strategy.1: 3}"} {
		p := whatIfPerson(t, r, "manager", answers)
		md := whatIfSection(t, render(t, p, Markdown, 0), "\n## What if\n", "\n## Promotion case")
		for _, s := range []string{"you", "You", "your"} {
			for _, word := range strings.Fields(md) {
				if strings.Trim(word, ".,:?") == s {
					t.Errorf("a manager's what-if says %q:\n%s", s, md)
				}
			}
		}
		if !strings.Contains(md, "the person") && !strings.Contains(md, "The person") {
			t.Errorf("a manager's what-if does not speak of the person:\n%s", md)
		}
	}
}

// TestWhatIfTableFits: at 60 columns every line of the what-if fits.
func TestWhatIfTableFits(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := "format: pmladder-answers/v1\nperson: Ada\nassessor: self\ncurrent_role: pm\nanswers:\n"
	for i, q := range r.Questions() {
		doc += "  " + q.ID + ": " + string(rune('1'+i%3)) + "\n"
	}
	a, _, err := input.ParseAnswers("a.yaml", []byte(doc), r)
	if err != nil {
		t.Fatal(err)
	}
	res := assess.Score(r, a, assess.ScoreOptions{})
	p := NewPerson(res).WithWhatIf(assess.WhatIfOf(res, assess.ScoreOptions{}))
	section := whatIfSection(t, render(t, p, Table, 60), "\nWhat if\n", "\nSummary")
	if !strings.Contains(section, "Fewest steps to the bar for") {
		t.Fatalf("no fewest steps:\n%s", section)
	}
	for _, line := range strings.Split(section, "\n") {
		if n := utf8.RuneCountInString(line); n > 60 {
			t.Errorf("%d columns: %q", n, line)
		}
	}
}

// TestWhatIfJSON: the report's keys, then what_if and fewest_steps last; fewest_steps
// null when no steps can hold the target and [] when it is held already; readiness
// rounded to two decimals; without the what-if, neither key.
func TestWhatIfJSON(t *testing.T) {
	r := assesstest.Rubric(t, whatIfWordsLadder)
	for _, c := range []struct{ answers, fewest string }{
		{"{data.1: 2, strategy.1: 1, writing.1: 1, launch.1: 1}", `[{"skill":"data","step":3},{"skill":"writing","step":2}]`},
		{"{data.1: 3, strategy.1: 1, writing.1: 2, launch.1: 1}", `[]`},
		{"{data.1: 2, strategy.1: 3}", `null`},
	} {
		out := render(t, whatIfPerson(t, r, "self", c.answers), JSON, 0)
		var keys []string
		dec := json.NewDecoder(strings.NewReader(out))
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var skip json.RawMessage
			dec.Decode(&skip)
		}
		if n := len(keys); n < 3 || keys[n-2] != "what_if" || keys[n-1] != "fewest_steps" || keys[n-3] != "deepen" {
			t.Errorf("keys end %v", keys)
		}
		var got struct {
			WhatIf []WhatIfLine     `json:"what_if"`
			Fewest *json.RawMessage `json:"fewest_steps"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		if got.Fewest != nil {
			json.Compact(&compact, *got.Fewest)
		} else {
			compact.WriteString("null")
		}
		if compact.String() != c.fewest {
			t.Errorf("%s: fewest_steps %s, want %s", c.answers, compact.String(), c.fewest)
		}
		if got.WhatIf == nil {
			t.Errorf("%s: what_if is null", c.answers)
		}
	}

	// Readiness to two decimals: 1 of 3 weights met, then 2 of 3.
	thirds := strings.Replace(whatIfWordsLadder, "expects: {data: 3, strategy: 3, writing: 2, launch: 1}", "expects: {data: 3, strategy: 3, launch: 1}", 1)
	out := render(t, whatIfPerson(t, assesstest.Rubric(t, thirds), "self", "{data.1: 2, strategy.1: 2, launch.1: 1}"), JSON, 0)
	if !strings.Contains(out, `"readiness": 66.67,`) {
		t.Errorf("readiness not rounded to 66.67:\n%s", out[strings.Index(out, `"what_if"`):])
	}

	plain := NewPerson(assess.Score(r, assess.NewAnswers(r), assess.ScoreOptions{Target: "senior"}))
	if out := render(t, plain, JSON, 0); strings.Contains(out, "what_if") || strings.Contains(out, "fewest_steps") {
		t.Error("the report without the what-if has its keys")
	}
}

// TestWhatIfWithoutTarget: a report with no target says there is none to step toward,
// and its JSON still has both keys (a script that asked for them finds them).
func TestWhatIfWithoutTarget(t *testing.T) {
	r := assesstest.Rubric(t, strings.Replace(whatIfWordsLadder, "  - {id: pm, name: PM, level: 1, expects: {data: 1}, next: [senior]}\n  - {id: senior, name: Senior PM, level: 2,", "  - {id: senior, name: Senior PM, tracks: [ic], level: 2,", 1)+"tracks: [{id: ic, name: IC}, {id: mgmt, name: Management}]\n")
	doc := "format: pmladder-answers/v1\nperson: Ada\ntrack: mgmt\nanswers: {data.1: 2}\n"
	a, _, err := input.ParseAnswers("a.yaml", []byte(doc), r)
	if err != nil {
		t.Fatal(err)
	}
	res := assess.Score(r, a, assess.ScoreOptions{})
	if res.Target != nil {
		t.Fatalf("a target: %s", res.Target.Role.ID)
	}
	p := NewPerson(res).WithWhatIf(assess.WhatIfOf(res, assess.ScoreOptions{}))
	if md := render(t, p, Markdown, 0); !strings.Contains(md, "## What if\n\nThere is no target role to take steps toward") {
		t.Errorf("markdown:\n%s", md)
	}
	if out := render(t, p, JSON, 0); !strings.HasSuffix(out, "\"what_if\": [],\n  \"fewest_steps\": null\n}\n") {
		t.Errorf("json ends %q", out[max(0, len(out)-80):])
	}
	render(t, p, Table, 60)
	render(t, p, HTML, 0)
}

// TestPersonTableFitsSixtyColumns: the whole terminal report of a person on the longest
// track name, with the what-if, fits 60 columns, and a core skill whose name is cut short
// keeps its mark.
func TestPersonTableFitsSixtyColumns(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join("..", "examples", "promotion", "bo-self.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := input.ParseAnswers("bo-self.yaml", doc, r)
	if err != nil {
		t.Fatal(err)
	}
	res := assess.Score(r, a, assess.ScoreOptions{})
	out := render(t, NewPerson(res).WithWhatIf(assess.WhatIfOf(res, assess.ScoreOptions{})), Table, 60)
	for _, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > 60 {
			t.Errorf("%d columns: %q", n, line)
		}
	}
	if !strings.Contains(out, "Customer and mar… *") {
		t.Errorf("a core skill cut short lost its mark:\n%s", out)
	}
}
