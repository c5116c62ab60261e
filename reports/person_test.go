package reports

import (
	"bytes"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// TestPersonWordsAreTheSameInEveryFormat: the note after the current role, the wording
// for who assessed and every label and heading read the same in the table, Markdown and
// HTML, for a self-assessment and for a manager's; neither says the other's words.
func TestPersonWordsAreTheSameInEveryFormat(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	// An associate PM whose answers hold more than the role declared, toward a target
	// they do not yet meet, two skills it expects not assessed: every fact shows.
	answers := func(assessor string) *assess.Answers {
		doc := "format: pmladder-answers/v1\nperson: Ada\nassessor: " + assessor + "\ndate: 2026-11-22T10:04:05Z\ncurrent_role: apm\ntarget_role: senior-pm\nanswers:\n"
		for _, q := range r.Questions() {
			if q.Skill == "strategy" || q.Skill == "coaching" {
				continue // expected by the target, not assessed
			}
			doc += "  " + q.ID + ": 2\n"
		}
		doc += "evidence: {data-fluency: ran the churn review}\n"
		a, _, err := input.ParseAnswers(assessor+".yaml", []byte(doc), r)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, c := range []struct {
		assessor   string
		says, not  []string
		currentNow string
	}{
		{"self", []string{"(as you said)", "(from your answers)", "What you said you do"},
			[]string{"as declared", "from the answers", "What the answers said"}, "Associate Product Manager (as you said)"},
		{"manager", []string{"(as declared)", "(from the answers)", "What the answers said"},
			[]string{"as you said", "your answers", "you said you do", "your score", "You picked"}, "Associate Product Manager (as declared)"},
	} {
		t.Run(c.assessor, func(t *testing.T) {
			p := NewPerson(assess.Score(r, answers(c.assessor), assess.ScoreOptions{Certs: 3}))
			out := map[Format]string{}
			for _, f := range []Format{Table, Markdown, HTML} {
				var buf bytes.Buffer
				if err := (Output{Format: f, Options: Options{Width: 400}}).Write(&buf, p); err != nil {
					t.Fatal(err)
				}
				out[f] = buf.String()
				if f == HTML {
					checkHTML(t, out[f])
					out[f] = html.UnescapeString(out[f])
				}
			}
			labels := map[string]bool{}
			for _, fact := range p.words.facts {
				labels[fact.label] = true
				value := regexp.QuoteMeta(fact.value)
				for f, re := range map[Format]string{
					Table:    `(?m)^` + regexp.QuoteMeta(fact.label) + ` +(\S+ )?` + value + `$`,
					Markdown: `(?m)^\| ` + regexp.QuoteMeta(fact.label) + ` \| ` + regexp.QuoteMeta(mdEscape(fact.value)) + ` \|$`,
					HTML:     `<tr><td>` + regexp.QuoteMeta(fact.label) + `</td><td>(<span class="bar[^"]*"><span style="[^"]*"></span></span>)?` + value + `</td></tr>`,
				} {
					if !regexp.MustCompile(re).MatchString(out[f]) {
						t.Errorf("%s: no %q line saying %q", f, fact.label, fact.value)
					}
				}
			}
			for _, l := range []string{labelCurrent, labelEstimated, labelTarget, labelReadiness, labelCoverage, labelAnswered} {
				if !labels[l] {
					t.Errorf("the summary has no %s: the test's answers must show every fact", l)
				}
			}
			if p.words.facts[0].value != c.currentNow {
				t.Errorf("current role %q, want %q", p.words.facts[0].value, c.currentNow)
			}
			for f, text := range out {
				for _, heading := range []string{p.words.gaps, headingUnassessed, headingCerts, headingNext, headingEvidence, p.words.scaleNote} {
					if !strings.Contains(text, heading) {
						t.Errorf("%s: no %q", f, heading)
					}
				}
				for _, s := range c.says {
					if f == Table && s == p.words.picked {
						continue // the promotion case is in Markdown and HTML only
					}
					if !strings.Contains(text, s) {
						t.Errorf("%s: no %q", f, s)
					}
				}
				for _, s := range c.not {
					if strings.Contains(text, s) {
						t.Errorf("%s: says %q, which is not for a %s assessment", f, s, c.assessor)
					}
				}
				for i, g := range p.rep.Gaps {
					if f == Table && i == maxGapsShown {
						break // the table details the first few
					}
					if !strings.Contains(text, g.Name) || !strings.Contains(text, gapLine(g)) {
						t.Errorf("%s: the gap %s is not %q", f, g.Name, gapLine(g))
					}
				}
			}
		})
	}
}

// TestScoringV3InEveryFormat: the checks come before the skills, the top of the ladder is
// said and where to deepen is listed, the same in the table, Markdown and HTML; JSON
// carries checks, also_holds and deepen.
func TestScoringV3InEveryFormat(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	// A CPO who answers 5 where the role expects more than 4 and 4 elsewhere: she holds
	// the role with no gap, so the report says where to deepen; a PM who answers 5
	// everywhere: both checks fire.
	doc := func(current string, score func(q *rubric.Question) int) *assess.Answers {
		text := "format: pmladder-answers/v1\nperson: Ada\ncurrent_role: " + current + "\nanswers:\n"
		for _, q := range r.Questions() {
			text += "  " + q.ID + ": " + strconv.Itoa(score(q)) + "\n"
		}
		a, _, err := input.ParseAnswers("a.yaml", []byte(text), r)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	cpo := NewPerson(assess.Score(r, doc("cpo", func(q *rubric.Question) int {
		if r.Role("cpo").Expects[q.Skill] > 4 {
			return 5
		}
		return 4
	}), assess.ScoreOptions{}))
	straight := NewPerson(assess.Score(r, doc("pm", func(*rubric.Question) int { return 5 }), assess.ScoreOptions{}))
	if len(cpo.rep.Deepen) == 0 || !cpo.rep.AtTop {
		t.Fatalf("CPO: at top %v, deepen %v: want where to deepen", cpo.rep.AtTop, cpo.rep.Deepen)
	}
	for _, f := range []Format{Table, Markdown, HTML} {
		var a, b bytes.Buffer
		if err := (Output{Format: f, Options: Options{Width: 400}}).Write(&a, cpo); err != nil {
			t.Fatal(err)
		}
		if err := (Output{Format: f, Options: Options{Width: 400}}).Write(&b, straight); err != nil {
			t.Fatal(err)
		}
		top, pm := html.UnescapeString(a.String()), html.UnescapeString(b.String())
		for _, want := range []string{"is the top of this ladder", "Where to deepen as Chief Product Officer", cpo.rep.Deepen[0].Name} {
			if !strings.Contains(top, want) {
				t.Errorf("%s: the CPO's report lacks %q", f, want)
			}
		}
		checks := strings.Index(pm, headingChecks)
		skills := strings.Index(pm, "Data and metrics fluency")
		if checks < 0 || skills < 0 || checks > skills {
			t.Errorf("%s: the checks (at %d) must come before the skills (at %d)", f, checks, skills)
		}
		for _, c := range straight.rep.Checks {
			if !strings.Contains(pm, c.Message) {
				t.Errorf("%s: check %s not shown", f, c.Code)
			}
		}
	}
	var js bytes.Buffer
	if err := (Output{Format: JSON}).Write(&js, straight); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"code": "same-answer"`, `"code": "far-from-declared"`, `"also_holds": [`, `"deepen": []`} {
		if !strings.Contains(js.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}
