package assess

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

// answers builds answers from "id=value" pairs; value "na" is not applicable.
func answers(r *rubric.Rubric, pairs ...string) *Answers {
	a := NewAnswers(r)
	for _, p := range pairs {
		id, v, _ := strings.Cut(p, "=")
		ans := Answer{NA: v == "na"}
		if !ans.NA {
			fmt.Sscan(v, &ans.Score)
		}
		if !a.Set(id, ans) {
			panic("no question " + id)
		}
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// num formats an optional number for comparisons: "null" or the value to 4 places.
func num(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%.4f", *p)
}

func roleIDs(fits []NextRole) string {
	var ids []string
	for _, f := range fits {
		ids = append(ids, f.Role.ID)
	}
	return strings.Join(ids, ",")
}

func gapIDs(gaps []Gap) string {
	var ids []string
	for _, g := range gaps {
		ids = append(ids, fmt.Sprintf("%s:%g:%s", g.Skill.ID, math.Round(g.Gap*1000)/1000, g.Priority))
	}
	return strings.Join(ids, ",")
}

func certIDs(cs []CertValue) string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, fmt.Sprintf("%s:%g:%s", c.Cert.ID, c.Value, strings.Join(c.Covers, "+")))
	}
	return strings.Join(ids, ",")
}

func fitOf(t *testing.T, res *Result, id string) RoleFit {
	t.Helper()
	for _, f := range res.Roles {
		if f.Role.ID == id {
			return f
		}
	}
	t.Fatalf("no role %s", id)
	return RoleFit{}
}

// Case A, no track. s1 = mean(2,3) = 2.5; s2 = 2 (the na is not a zero); s3 unanswered,
// so unassessed; s4 = 1.
func TestScoreNoTrackEstimatesAndStays(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	res := Score(r, answers(r, "s1.1=2", "s1.2=3", "s2.1=na", "s2.2=2", "s4.1=1"), ScoreOptions{Certs: 3})

	if res.Answered != 5 || res.Questions != 6 {
		t.Errorf("answered %d of %d, want 5 of 6 (na counts as answered)", res.Answered, res.Questions)
	}
	wantScores := []string{"2.5000", "2.0000", "null", "1.0000"}
	for i, w := range wantScores {
		if got := num(res.Skills[i].Score); got != w {
			t.Errorf("score %s = %s, want %s", res.Skills[i].Skill.ID, got, w)
		}
	}
	// Over E(r), every skill r expects; the unassessed s3 is not met.
	// r1: s1 ✓ (2) s2 ✓ (1) s3 ✗ (1) → 3/4 = 75 ≥ 70, core s1 met → holds; 3/4 assessed.
	// r2a: s1 ✓ (2) s2 ✓ (1) s3 ✗ (1) s4 ✗ (3) → 3/7 = 42.86; 6/7 = 85.71 assessed.
	// r2b: s1 ✓ (2) s2 ✗ (1) s4 ✓ (3) → 5/6 = 83.33, core s1 met → holds; all assessed.
	// r3a: all four missed → 0. lat: s3 ✗ (1) s4 ✓ (3) → 3/4 = 75 → holds.
	for id, want := range map[string]struct {
		readiness, coverage string
		holds               bool
		met, total          int
	}{
		"r1": {"75.0000", "75.0000", true, 2, 3}, "r2a": {"42.8571", "85.7143", false, 2, 4},
		"r2b": {"83.3333", "100.0000", true, 2, 3}, "r3a": {"0.0000", "85.7143", false, 0, 4},
		"lat": {"75.0000", "75.0000", true, 1, 2},
	} {
		f := fitOf(t, res, id)
		if num(f.Readiness) != want.readiness || num(f.Coverage) != want.coverage || f.Holds != want.holds ||
			f.Met != want.met || f.Total != want.total {
			t.Errorf("%s: readiness %s coverage %s holds %v met %d/%d, want %+v", id, num(f.Readiness),
				num(f.Coverage), f.Holds, f.Met, f.Total, want)
		}
	}
	// Highest held ladder role: r2b (level 2). It has no next role, so it is the target too.
	if res.Estimated == nil || res.Estimated.Role.ID != "r2b" || res.Current.ID != "r2b" || res.CurrentDeclared {
		t.Fatalf("estimated %v current %v", res.Estimated, res.Current)
	}
	if res.Target.Role.ID != "r2b" || res.Target.Met != 2 || res.Target.Total != 3 {
		t.Errorf("target %+v", res.Target)
	}
	// Toward r2b: s2 3 − 2 = 1 → medium; s1 and s4 are met.
	if got := gapIDs(res.Gaps); got != "s2:1:medium" {
		t.Errorf("gaps %s", got)
	}
	wantSkills := []struct{ cur, tgt, gap, prio string }{
		{"2.0000", "2.0000", "0.0000", "none"}, {"3.0000", "3.0000", "1.0000", "medium"},
		{"null", "null", "null", "n/a"}, {"1.0000", "1.0000", "0.0000", "none"},
	}
	for i, w := range wantSkills {
		sk := res.Skills[i]
		if num(sk.ExpectedCurrent) != w.cur || num(sk.ExpectedTarget) != w.tgt || num(sk.Gap) != w.gap || string(sk.Priority) != w.prio {
			t.Errorf("skill %s: %s %s %s %s, want %+v", sk.Skill.ID, num(sk.ExpectedCurrent), num(sk.ExpectedTarget), num(sk.Gap), sk.Priority, w)
		}
	}
	// c1 (any target): 1 × gap(s2) = 1. c2 is for r3a only; c3 suits r2b but s3 has no gap.
	if got := certIDs(res.Certifications); got != "c1:1:s2" {
		t.Errorf("certifications %s", got)
	}
	if len(res.NextRoles) != 0 {
		t.Errorf("r2b leads nowhere, next roles %s", roleIDs(res.NextRoles))
	}
	// X toward r2b: score (2·2.5 + 1·2)/3, expected (2·2 + 1·3)/3, both 7/3 → gap 0.
	// Y: only s4 is in R(r2b): 1 vs 1.
	if c := res.Categories[0]; num(c.Score) != "2.3333" || num(c.Expected) != "2.3333" || num(c.Gap) != "0.0000" {
		t.Errorf("category x %s %s %s", num(c.Score), num(c.Expected), num(c.Gap))
	}
	if c := res.Categories[1]; num(c.Score) != "1.0000" || num(c.Expected) != "1.0000" || num(c.Gap) != "0.0000" {
		t.Errorf("category y %s %s %s", num(c.Score), num(c.Expected), num(c.Gap))
	}
}

// Case B, the same answers on track a: r2b is off the track, so only r1 holds; the target
// is r1's first next role on the track.
func TestScoreTrack(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	a := answers(r, "s1.1=2", "s1.2=3", "s2.1=na", "s2.2=2", "s4.1=1")
	a.Track = "a"
	res := Score(r, a, ScoreOptions{Certs: 3})
	if res.Estimated.Role.ID != "r1" || res.Target.Role.ID != "r2a" || num(res.Target.Readiness) != "42.8571" {
		t.Fatalf("estimated %s target %s", res.Estimated.Role.ID, res.Target.Role.ID)
	}
	if got := gapIDs(res.Gaps); got != "s4:1:medium" {
		t.Errorf("gaps %s", got)
	}
	// r2a expects s3, which was skipped: assess it to complete the picture.
	if len(res.Unassessed) != 1 || res.Unassessed[0].ID != "s3" {
		t.Errorf("unassessed %v", res.Unassessed)
	}
	if len(res.Certifications) != 0 {
		t.Errorf("no eligible certification covers s4 toward r2a: %s", certIDs(res.Certifications))
	}
	// r1's next: r2a (42.86), r2b (off track a: dropped), lat (75, lateral). The ladder
	// step comes first whatever the readiness.
	if got := roleIDs(res.NextRoles); got != "r2a,lat" || res.NextRoles[0].Lateral || !res.NextRoles[1].Lateral {
		t.Errorf("next roles %s", got)
	}
	if got := gapIDs(res.NextRoles[0].Gaps); got != "s4:1:medium" {
		t.Errorf("gaps toward r2a %s", got)
	}
	// Y toward r2a: s4 only (s3 unassessed): 1 vs 2 → gap 1.
	if c := res.Categories[1]; num(c.Score) != "1.0000" || num(c.Expected) != "2.0000" || num(c.Gap) != "1.0000" {
		t.Errorf("category y %s %s %s", num(c.Score), num(c.Expected), num(c.Gap))
	}
	// X toward r2a: score 7/3, expected (2·2+1·2)/3 = 2 → gap 0 (never negative).
	if c := res.Categories[0]; num(c.Gap) != "0.0000" || num(c.Expected) != "2.0000" {
		t.Errorf("category x gap %s", num(c.Gap))
	}
	// --track overrides the answers' track.
	res = Score(r, a, ScoreOptions{Track: "b", Certs: 3})
	if res.Track != "b" || res.Estimated.Role.ID != "r2b" {
		t.Errorf("track override: %s %s", res.Track, res.Estimated.Role.ID)
	}
}

// Case C: a core skill below expectation stops a role from being held even above the
// pass mark. s1 = 1, everything else 4.
func TestScoreCoreRule(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	res := Score(r, answers(r, "s1.1=1", "s1.2=1", "s2.1=4", "s2.2=4", "s3.1=4", "s4.1=4"), ScoreOptions{Certs: 3})
	// r2a: s1 ✗ (2) s2 s3 s4 ✓ (1+1+3) → 5/7 = 71.43 ≥ 70, but s1 is core and missed.
	if f := fitOf(t, res, "r2a"); num(f.Readiness) != "71.4286" || f.Holds {
		t.Errorf("r2a %s holds %v", num(f.Readiness), f.Holds)
	}
	if res.Estimated.Role.ID != "r1" || res.Target.Role.ID != "r2a" {
		t.Fatalf("estimated %s target %s", res.Estimated.Role.ID, res.Target.Role.ID)
	}
	// Core skill: any gap is high.
	if got := gapIDs(res.Gaps); got != "s1:1:high" {
		t.Errorf("gaps %s", got)
	}
	if got := certIDs(res.Certifications); got != "c1:2:s1" {
		t.Errorf("certifications %s (2 × gap 1)", got)
	}
	// Next roles: the ladder steps r2a 71.43 and r2b 4/6 = 66.67, then the lateral lat (100).
	if got := roleIDs(res.NextRoles); got != "r2a,r2b,lat" {
		t.Errorf("next roles %s", got)
	}
	if nr := res.NextRoles[1]; nr.Met != 2 || nr.Total != 3 || gapIDs(nr.Gaps) != "s1:1:high" {
		t.Errorf("r2b next: %d/%d %s", nr.Met, nr.Total, gapIDs(nr.Gaps))
	}
}

// Declared roles and the --target, --current overrides; gap ordering and certification
// limits toward a far target.
func TestScoreDeclaredAndOrdering(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	a := answers(r, "s1.1=2", "s1.2=3", "s2.1=na", "s2.2=2", "s4.1=1")
	a.CurrentRole, a.TargetRole = "r1", "r2a"
	res := Score(r, a, ScoreOptions{Certs: 3})
	if res.Current.ID != "r1" || !res.CurrentDeclared || res.Target.Role.ID != "r2a" || res.Estimated.Role.ID != "r2b" {
		t.Fatalf("current %s target %s estimated %s", res.Current.ID, res.Target.Role.ID, res.Estimated.Role.ID)
	}
	// --target r3a: s1 3 − 2.5 = 0.5 core → high; s4 3 − 1 = 2 → high; s2 3 − 2 = 1 →
	// medium. High first, larger gap first: s4, s1, then s2.
	res = Score(r, a, ScoreOptions{Target: "r3a", Current: "r2a", Certs: 3})
	if res.Current.ID != "r2a" || res.Target.Role.ID != "r3a" {
		t.Fatalf("overrides: current %s target %s", res.Current.ID, res.Target.Role.ID)
	}
	if got := gapIDs(res.Gaps); got != "s4:2:high,s1:0.5:high,s2:1:medium" {
		t.Errorf("gaps %s", got)
	}
	// c2: 3 × 2 = 6; c1: 2 × 0.5 + 1 × 1 = 2.
	if got := certIDs(res.Certifications); got != "c2:6:s4,c1:2:s1+s2" {
		t.Errorf("certifications %s", got)
	}
	res = Score(r, a, ScoreOptions{Target: "r3a", Certs: 1})
	if got := certIDs(res.Certifications); got != "c2:6:s4" {
		t.Errorf("--certs 1: %s", got)
	}
	res = Score(r, a, ScoreOptions{Target: "r3a", Certs: 0})
	if len(res.Certifications) != 0 {
		t.Errorf("--certs 0: %s", certIDs(res.Certifications))
	}
}

// Case E: every answer na. Nothing is assessed, no role can be held, so there is no
// current role; the target is the lowest ladder role.
func TestScoreNothingAssessed(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	res := Score(r, answers(r, "s1.1=na", "s1.2=na", "s2.1=na", "s2.2=na", "s3.1=na", "s4.1=na"), ScoreOptions{Certs: 3})
	if res.Answered != 6 || res.Estimated != nil || res.Current != nil {
		t.Fatalf("answered %d estimated %v current %v", res.Answered, res.Estimated, res.Current)
	}
	// Unassessed expectations are not met: 0% ready, 0% covered, 0 of 3.
	if res.Target == nil || res.Target.Role.ID != "r1" || num(res.Target.Readiness) != "0.0000" ||
		num(res.Target.Coverage) != "0.0000" || res.Target.Met != 0 || res.Target.Total != 3 {
		t.Fatalf("target %+v", res.Target)
	}
	if len(res.Unassessed) != 3 {
		t.Errorf("unassessed %v", res.Unassessed)
	}
	for _, sk := range res.Skills {
		if sk.Score != nil || sk.Gap != nil || sk.Priority != PriorityNA || sk.ExpectedCurrent != nil {
			t.Errorf("skill %s: %+v", sk.Skill.ID, sk)
		}
	}
	if len(res.Gaps) != 0 || len(res.Certifications) != 0 {
		t.Error("no gaps without scores")
	}
	if got := roleIDs(res.NextRoles); got != "r1" || num(res.NextRoles[0].Readiness) != "0.0000" {
		t.Errorf("next roles without a current role: the lowest ladder roles, got %s", got)
	}
	for _, c := range res.Categories {
		if c.Score != nil || c.Expected != nil || c.Gap != nil {
			t.Errorf("category %s: %s %s %s", c.Category.ID, num(c.Score), num(c.Expected), num(c.Gap))
		}
	}
}

// thresholdRubric: four equal skills, pass 75; two level-1 roles for ties.
const thresholdRubric = `format: pmladder-rubric/v1
name: Threshold
scale: {min: 0, max: 5}
scoring: {pass: 75}
categories:
  - id: c
    name: C
    skills:
      - {id: a, name: A, questions: [q, q, q]}
      - {id: b, name: B, questions: [q]}
      - {id: c, name: C, questions: [q]}
      - {id: d, name: D, questions: [q]}
roles:
  - {id: one, name: One, level: 1, expects: {a: 2, b: 2, c: 2, d: 2}}
  - {id: same, name: Same, level: 1, expects: {a: 1, b: 1}}
  - {id: twin, name: Twin, level: 1, expects: {a: 1, b: 1}}
  - {id: side, name: Side, expects: {d: 5}}
`

func TestScorePassThresholdAndTies(t *testing.T) {
	r := assesstest.Rubric(t, thresholdRubric)
	// a = mean(1, 2, 3) = 2 exactly meets 2; b, c met; d missed → exactly 75% → holds.
	res := Score(r, answers(r, "a.1=1", "a.2=2", "a.3=3", "b.1=2", "c.1=2", "d.1=1"), ScoreOptions{})
	if f := fitOf(t, res, "one"); !near(*f.Readiness, 75) || !f.Holds {
		t.Errorf("75%% of a 75%% pass must hold: %s %v", num(f.Readiness), f.Holds)
	}
	// "one" (75) and "same"/"twin" (100) are all level 1: higher readiness wins, then the
	// first in rubric order.
	if res.Estimated.Role.ID != "same" {
		t.Errorf("estimated %s, want same", res.Estimated.Role.ID)
	}
	// Without a current role's next, the target is current itself.
	if res.Target.Role.ID != "same" {
		t.Errorf("target %s", res.Target.Role.ID)
	}
	// One point less in a: mean(1,2,2) = 1.67 < 2 → 50% → not held.
	res = Score(r, answers(r, "a.1=1", "a.2=2", "a.3=2", "b.1=2", "c.1=2", "d.1=1"), ScoreOptions{})
	if f := fitOf(t, res, "one"); !near(*f.Readiness, 50) || f.Holds {
		t.Errorf("50%%: %s %v", num(f.Readiness), f.Holds)
	}
	// A gap under 1 is low; 1 or more medium; 2 or more high.
	res = Score(r, answers(r, "a.1=1", "a.2=2", "a.3=2", "b.1=0", "c.1=1", "d.1=0"), ScoreOptions{Target: "one"})
	if got := gapIDs(res.Gaps); got != "b:2:high,d:2:high,c:1:medium,a:0.333:low" {
		t.Errorf("gaps %s", got)
	}
}

func TestSortGapsWeightThenRubricOrder(t *testing.T) {
	heavy := &rubric.Skill{ID: "heavy", Weight: 3}
	light := &rubric.Skill{ID: "light", Weight: 1}
	first := &rubric.Skill{ID: "first", Weight: 1}
	gaps := []Gap{
		{Skill: light, Gap: 1, Priority: PriorityMedium, pos: 1},
		{Skill: heavy, Gap: 1, Priority: PriorityMedium, pos: 2},
		{Skill: first, Gap: 1, Priority: PriorityMedium, pos: 0},
	}
	sortGaps(gaps)
	if got := gapIDs(gaps); got != "heavy:1:medium,first:1:medium,light:1:medium" {
		t.Errorf("order %s", got)
	}
}

// A rubric whose only roles are lateral has no ladder role to target.
func TestScoreNoLadder(t *testing.T) {
	r := assesstest.Rubric(t, `format: pmladder-rubric/v1
name: Flat
scale: {min: 0, max: 2}
categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]
roles: [{id: x, name: X, expects: {s: 2}}]
`)
	res := Score(r, answers(r, "s.1=1"), ScoreOptions{Certs: 3})
	if res.Estimated != nil || res.Current != nil || res.Target != nil || len(res.NextRoles) != 0 {
		t.Fatalf("%+v", res)
	}
	if res.Skills[0].Priority != PriorityNone || res.Skills[0].Gap != nil {
		t.Errorf("skill without a target: %+v", res.Skills[0])
	}
	if c := res.Categories[0]; num(c.Score) != "1.0000" || c.Expected != nil {
		t.Errorf("category without a target: %s %s", num(c.Score), num(c.Expected))
	}
}

// v2Rubric exercises the rules v2 changed: an expectation at the scale's minimum, an
// unassessed expectation, action steps and certifications that require others.
const v2Rubric = `format: pmladder-rubric/v1
name: V2
scale: {min: 0, max: 4}
categories:
  - id: c
    name: C
    skills:
      - id: a
        name: A
        actions: [{level: 2, text: to two}, {level: 3, text: to three}, fits every step]
        questions:
          - text: Q1
            options: [{score: 0, text: a0}, {score: 1, text: a1}, {score: 2, text: a2}, {score: 3, text: a3}, {score: 4, text: a4}]
          - a plain rating
      - {id: b, name: B, questions: [q]}
      - {id: z, name: Z, questions: [q]}
roles:
  - {id: one, name: One, level: 1, expects: {a: 3, b: 1, z: 0}}
certifications:
  - {id: base, name: Base, issuer: I, skills: [a]}
  - {id: adv, name: Adv, issuer: I, skills: [a], requires: [base]}
  - {id: other, name: Other, issuer: I, skills: [a, b]}
`

func TestScoreV2Rules(t *testing.T) {
	r := assesstest.Rubric(t, v2Rubric)
	// a = mean(1, 2) = 1.5; b and z unanswered.
	a := answers(r, "a.1=1", "a.2=2")
	res := Score(r, a, ScoreOptions{Certs: 3})
	// one: z is expected at the minimum: met though unassessed; b is not met (skipped);
	// a misses. 1 of 3 met, a alone assessed.
	f := fitOf(t, res, "one")
	if num(f.Readiness) != "33.3333" || num(f.Coverage) != "33.3333" || f.Met != 1 || f.Total != 3 || f.Holds {
		t.Errorf("one: readiness %s coverage %s %d/%d holds %v", num(f.Readiness), num(f.Coverage), f.Met, f.Total, f.Holds)
	}
	// Only b is listed to assess: z's expectation is the minimum.
	if len(res.Unassessed) != 1 || res.Unassessed[0].ID != "b" {
		t.Errorf("unassessed %v", res.Unassessed)
	}
	// The gap on a: 1.5 → 3. The step is 2, the next whole score above 1.5: its
	// anchored statement in the question with options, its action, then the one that
	// fits every step.
	if len(res.Gaps) != 1 {
		t.Fatalf("gaps %s", gapIDs(res.Gaps))
	}
	g := res.Gaps[0]
	if g.Step() != 2 || fmtList(g.NextStep()) != "[a2]" || fmtList(g.Actions()) != "[to two fits every step]" {
		t.Errorf("step %d, next step %v, actions %v", g.Step(), g.NextStep(), g.Actions())
	}
	// A step never passes the expectation: 2.5 toward 3 is the step to 3.
	if g := (Gap{Skill: g.Skill, Score: 2.5, Expected: 3}); g.Step() != 3 || fmtList(g.Actions()) != "[to three fits every step]" {
		t.Errorf("2.5 → 3: step %d actions %v", g.Step(), g.Actions())
	}
	if g := (Gap{Skill: g.Skill, Score: 2, Expected: 2.5}); g.Step() != 3 {
		t.Errorf("2 → 2.5: step %d, want 3 (the expectation rounded up)", g.Step())
	}
	// A score no question has a statement for (an imported level that says "same as
	// before") is passed over for the next that has one, never past the expectation; a
	// skill of plain ratings keeps the next whole score.
	gappy := &rubric.Skill{ID: "g", Questions: []rubric.Question{{ID: "g.1", Options: []rubric.Option{{Score: 1, Text: "one"}, {Score: 4, Text: "four"}}}}}
	if g := (Gap{Skill: gappy, Score: 1, Expected: 4}); g.Step() != 4 || fmtList(g.NextStep()) != "[four]" {
		t.Errorf("gappy 1 → 4: step %d, next %v", g.Step(), g.NextStep())
	}
	if g := (Gap{Skill: gappy, Score: 1, Expected: 3}); g.Step() != 2 {
		t.Errorf("gappy 1 → 3: step %d, want 2 (no statement up to the expectation)", g.Step())
	}
	plain := &rubric.Skill{ID: "p", Questions: []rubric.Question{{ID: "p.1"}}}
	if g := (Gap{Skill: plain, Score: 1, Expected: 4}); g.Step() != 2 {
		t.Errorf("plain 1 → 4: step %d", g.Step())
	}
	// Certifications: adv requires base, which Ada does not hold.
	if got := certIDs(res.Certifications); got != "base:1.5:a,other:1.5:a" {
		t.Errorf("certifications %s", got)
	}
	// Holding base: it is not recommended again, and adv becomes eligible.
	a.Certifications = []string{"base"}
	res = Score(r, a, ScoreOptions{Certs: 3})
	if got := certIDs(res.Certifications); got != "adv:1.5:a,other:1.5:a" {
		t.Errorf("certifications holding base: %s", got)
	}
}
