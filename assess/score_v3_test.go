package assess

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess/assesstest"
)

// edges is a ladder for the rules of scoring v3 (docs/scoring.md, rules 10–15): metrics
// has two questions with statements, five plain skills make twelve questions in all; the
// APM's first next role is a lateral one; Senior leads only sideways.
const edges = `format: pmladder-rubric/v1
name: Edges
scale: {min: 0, max: 5}
categories:
  - id: c
    name: C
    skills:
      - id: m
        name: Metrics
        core: true
        questions:
          - text: Q1?
            options: [{score: 0, text: m1-0}, {score: 1, text: m1-1}, {score: 2, text: m1-2}, {score: 3, text: m1-3}, {score: 4, text: m1-4}, {score: 5, text: m1-5}]
          - text: Q2?
            options: [{score: 0, text: m2-0}, {score: 1, text: m2-1}, {score: 2, text: m2-2}, {score: 3, text: m2-3}, {score: 4, text: m2-4}, {score: 5, text: m2-5}]
      - {id: p, name: P, questions: [q, q]}
      - {id: q, name: Q, questions: [q, q]}
      - {id: r, name: R, questions: [q, q]}
      - {id: s, name: S, questions: [q, q]}
      - {id: t, name: T, questions: [q, q]}
roles:
  - {id: apm, name: APM, level: 1, expects: {m: 1, p: 1}, next: [po, pm]}
  - {id: pm, name: PM, level: 2, expects: {m: 2, p: 2, q: 2}, next: [senior]}
  - {id: senior, name: Senior, level: 3, expects: {m: 4, p: 3, q: 3, r: 3}, next: [consultant]}
  - {id: po, name: Product owner, expects: {m: 1, s: 2}}
  - {id: consultant, name: Consultant, expects: {t: 4, p: 2}}
certifications:
  - {id: small, name: Small, issuer: I, skills: [m], family: scrum}
  - {id: big, name: Big, issuer: I, skills: [m, q], family: scrum}
  - {id: other, name: Other, issuer: I, skills: [m]}
  - {id: sidekick, name: Sidekick, issuer: I, skills: [m, r], primary: [r]}
`

func edgeScore(t *testing.T, opts ScoreOptions, pairs ...string) *Result {
	t.Helper()
	r := assesstest.Rubric(t, edges)
	return Score(r, answers(r, pairs...), opts)
}

// TestNextStepLeavesOutWhatIsDone: rule 10 — the next step is never a statement the
// person picked or passed; an unanswered question's statement is shown.
func TestNextStepLeavesOutWhatIsDone(t *testing.T) {
	for _, tc := range []struct {
		name  string
		pairs []string
		want  []string
	}{
		{"one answer at the step", []string{"m.1=3", "m.2=2"}, []string{"m2-3"}},
		{"one answer past the step", []string{"m.1=5", "m.2=1"}, []string{"m2-4"}},
		{"both below", []string{"m.1=2", "m.2=2"}, []string{"m1-3", "m2-3"}},
		{"one unanswered", []string{"m.1=2"}, []string{"m1-3", "m2-3"}},
		{"one na", []string{"m.1=2", "m.2=na"}, []string{"m1-3", "m2-3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := edgeScore(t, ScoreOptions{Target: "senior"}, tc.pairs...)
			i := slices.IndexFunc(res.Gaps, func(g Gap) bool { return g.Skill.ID == "m" })
			if i < 0 {
				t.Fatalf("no gap on metrics: %+v", res.Gaps)
			}
			if got := res.Gaps[i].NextStep(); !slices.Equal(got, tc.want) {
				t.Errorf("next step %q, want %q", got, tc.want)
			}
		})
	}
}

// TestDefaultTargetNeverLateral: rule 11 — the first ladder role next, even when a
// lateral one is listed first; with only lateral roles next, the current role, at the
// top, with where to deepen.
func TestDefaultTargetNeverLateral(t *testing.T) {
	res := edgeScore(t, ScoreOptions{Current: "apm"}, "m.1=1", "p.1=1")
	if res.Target.Role.ID != "pm" || res.AtTop {
		t.Errorf("APM: target %s (at top %v), want pm, not the lateral po", res.Target.Role.ID, res.AtTop)
	}
	res = edgeScore(t, ScoreOptions{Current: "senior"}, "m.1=4", "m.2=4", "p.1=3", "q.1=5", "r.1=3")
	if res.Target.Role.ID != "senior" || !res.AtTop {
		t.Fatalf("Senior: target %s (at top %v), want senior itself, at the top", res.Target.Role.ID, res.AtTop)
	}
	var deepen []string
	for _, g := range res.Deepen {
		deepen = append(deepen, g.Skill.ID)
	}
	// Senior is held, so toward 5, in rule 5 order: all high (metrics is core, p and r
	// 2 short), the largest first: p and r, then metrics (1 short); not q, at 5 already.
	if want := []string{"p", "r", "m"}; !slices.Equal(deepen, want) {
		t.Errorf("where to deepen %v, want %v", deepen, want)
	}
	res = edgeScore(t, ScoreOptions{Current: "senior"}, "m.1=4", "m.2=3", "p.1=3", "q.1=5", "r.1=3")
	if !res.AtTop || len(res.Gaps) != 1 || len(res.Deepen) != 0 {
		t.Errorf("Senior short of Senior: at top %v, gaps %d, deepen %d; want the gap, not a second list", res.AtTop, len(res.Gaps), len(res.Deepen))
	}
	res = edgeScore(t, ScoreOptions{Current: "senior", Target: "consultant"}, "m.1=4")
	if res.AtTop {
		t.Error("a target given is not the top of the ladder")
	}
}

// TestAlsoHolds: rule 12 — roles held besides the current and the estimated one, ladder
// roles (highest first) before lateral ones.
func TestAlsoHolds(t *testing.T) {
	res := edgeScore(t, ScoreOptions{Current: "apm"}, "m.1=2", "m.2=2", "p.1=2", "q.1=2", "s.1=2", "t.1=4")
	var got []string
	for _, ro := range res.AlsoHolds {
		got = append(got, ro.ID)
	}
	// Estimated pm and current apm are left out; po and consultant are held.
	if want := []string{"po", "consultant"}; res.Estimated.Role.ID != "pm" || !slices.Equal(got, want) {
		t.Errorf("estimated %s, also holds %v; want pm and %v", res.Estimated.Role.ID, got, want)
	}
	res = edgeScore(t, ScoreOptions{}, "m.1=2", "m.2=2", "p.1=2", "q.1=2")
	got = got[:0]
	for _, ro := range res.AlsoHolds {
		got = append(got, ro.ID)
	}
	if want := []string{"apm"}; !slices.Equal(got, want) {
		t.Errorf("estimated pm, no role declared: also holds %v, want %v", got, want)
	}
}

// TestChecks: rule 13 — each check fires on the answers it is for and stays quiet on
// honest ones; checks change no number.
func TestChecks(t *testing.T) {
	all := func(v string, n int) []string {
		var pairs []string
		for _, id := range []string{"m.1", "m.2", "p.1", "p.2", "q.1", "q.2", "r.1", "r.2", "s.1", "s.2", "t.1", "t.2"}[:n] {
			pairs = append(pairs, id+"="+v)
		}
		return pairs
	}
	codes := func(res *Result) string {
		var c []string
		for _, ch := range res.Checks {
			c = append(c, ch.Code)
		}
		return strings.Join(c, ",")
	}
	for _, tc := range []struct {
		name  string
		opts  ScoreOptions
		pairs []string
		want  string
	}{
		{"twelve fives", ScoreOptions{}, all("5", 12), CheckSameAnswer},
		{"eleven of twelve the same", ScoreOptions{}, append(all("5", 11), "t.2=4"), CheckSameAnswer},
		{"ten of twelve the same", ScoreOptions{}, append(all("5", 10), "t.1=4", "t.2=3"), ""},
		{"nine scores, all the same", ScoreOptions{}, all("5", 9), ""},
		{"ten the same, two na", ScoreOptions{}, append(all("2", 10), "t.1=na", "t.2=na"), CheckSameAnswer},
		{"honest, varied", ScoreOptions{Current: "pm"}, []string{"m.1=2", "m.2=3", "p.1=2", "p.2=1", "q.1=2", "q.2=3", "r.1=1", "r.2=2", "s.1=3", "s.2=2", "t.1=0", "t.2=1"}, ""},
		{"senior whose answers hold APM", ScoreOptions{Current: "senior"}, []string{"m.1=1", "m.2=1", "p.1=1"}, CheckFarFromDeclared},
		{"senior whose answers hold PM", ScoreOptions{Current: "senior"}, []string{"m.1=2", "m.2=2", "p.1=2", "q.1=2"}, ""},
		{"PM whose answers hold nothing", ScoreOptions{Current: "pm"}, []string{"m.1=0"}, CheckFarFromDeclared},
		{"APM whose answers hold nothing", ScoreOptions{Current: "apm"}, []string{"m.1=0"}, ""},
		{"APM whose answers hold Senior", ScoreOptions{Current: "apm"}, []string{"m.1=4", "m.2=4", "p.1=3", "q.1=3", "r.1=3"}, CheckFarFromDeclared},
		{"a lateral role declared", ScoreOptions{Current: "po"}, []string{"m.1=4", "m.2=4", "p.1=3", "q.1=3", "r.1=3"}, ""},
		{"both", ScoreOptions{Current: "senior"}, all("0", 12), CheckSameAnswer + "," + CheckFarFromDeclared},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := edgeScore(t, tc.opts, tc.pairs...)
			if got := codes(res); got != tc.want {
				t.Errorf("checks %q, want %q", got, tc.want)
			}
		})
	}
	res := edgeScore(t, ScoreOptions{}, all("5", 12)...)
	if c := res.Checks[0]; c.Score != 5 || c.Count != 12 || c.Scored != 12 {
		t.Errorf("same-answer says %+v, want 12 of 12 scores at 5", c)
	}
}

// TestCertificationFamilyAndPrimary: rule 14 — one certification of a family, the most
// valuable; none whose primary skills have no gap.
func TestCertificationFamilyAndPrimary(t *testing.T) {
	res := edgeScore(t, ScoreOptions{Target: "senior", Certs: 5}, "m.1=2", "m.2=2", "p.1=3", "q.1=2", "r.1=3")
	var got []string
	for _, c := range res.Certifications {
		got = append(got, c.Cert.ID)
	}
	// big (m and q) outranks small (m) in the scrum family; sidekick builds m but its
	// primary skill r has no gap.
	if want := []string{"big", "other"}; !slices.Equal(got, want) {
		t.Errorf("certifications %v, want %v", got, want)
	}
	// Holding one of the family, the person is not sent to another.
	r := assesstest.Rubric(t, edges)
	a := answers(r, "m.1=2", "m.2=2", "p.1=3", "q.1=2", "r.1=3")
	a.Certifications = []string{"small"}
	got = got[:0]
	for _, c := range Score(r, a, ScoreOptions{Target: "senior", Certs: 5}).Certifications {
		got = append(got, c.Cert.ID)
	}
	if want := []string{"other"}; !slices.Equal(got, want) {
		t.Errorf("holding small: certifications %v, want %v", got, want)
	}
	res = edgeScore(t, ScoreOptions{Target: "senior", Certs: 5}, "m.1=2", "m.2=2", "p.1=3", "q.1=2", "r.1=2")
	if !slices.ContainsFunc(res.Certifications, func(c CertValue) bool { return c.Cert.ID == "sidekick" }) {
		t.Errorf("a gap in its primary skill: sidekick should be listed, got %v", res.Certifications)
	}
}

// TestPlanOneStepAQuarter: rule 15 — a goal's default target is the next step, due in
// 90 days; toward the target's expectation, 90 days per whole step.
func TestPlanOneStepAQuarter(t *testing.T) {
	res := edgeScore(t, ScoreOptions{Target: "senior"}, "m.1=1", "m.2=2", "p.1=3", "q.1=3", "r.1=3")
	today := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	p, err := NewPlan(res, "", PlanChoices{}, today)
	if err != nil {
		t.Fatal(err)
	}
	g := p.Goals[0]
	if g.Skill != "m" || g.Target != 2 || !g.Due.Equal(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("default goal %s to %v due %s, want metrics 1.5 → 2 due 2027-03-01", g.Skill, g.Target, g.Due.Format(DayLayout))
	}
	p, err = NewPlan(res, "", PlanChoices{ToTarget: true}, today)
	if err != nil {
		t.Fatal(err)
	}
	g = p.Goals[0]
	// 1.5 → 4 is three steps (to 2, 3, 4): 270 days.
	if g.Target != 4 || !g.Due.Equal(time.Date(2027, 8, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("to target: %v due %s, want 4 due 2027-08-28", g.Target, g.Due.Format(DayLayout))
	}
	if len(g.Actions) != 0 {
		// the edges ladder has no actions; the built-in one's are checked in the persona tests
		t.Errorf("actions %v", g.Actions)
	}
}
