package assess

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

// whatIfLadder has weights, a core skill, skills of one to three questions and a pass
// mark low enough that the target can be held without every skill: the fewest steps are
// a real choice.
const whatIfLadder = `format: pmladder-rubric/v1
name: What-if
scale: {min: 0, max: 5}
scoring: {pass: 60}
categories:
  - id: c
    name: C
    skills:
      - {id: a, name: A, core: true, weight: 2, questions: [q, q]}
      - {id: b, name: B, weight: 1, questions: [q, q]}
      - {id: c, name: Cc, weight: 3, questions: [q]}
      - {id: d, name: D, weight: 1, questions: [q, q, q]}
      - {id: e, name: E, weight: 2, questions: [q]}
      - {id: f, name: F, weight: 1, questions: [q]}
roles:
  - {id: one, name: One, level: 1, expects: {a: 1, b: 1}, next: [two]}
  - {id: two, name: Two, level: 2, expects: {a: 3, b: 2.5, c: 4, d: 3, e: 3, f: 2}}
`

// raisedByHand returns a copy of a with the answers of skill id below step set to step,
// by question id: the changed answers a what-if line stands for, made without the
// code under test.
func raisedByHand(t *testing.T, r *rubric.Rubric, a *Answers, moves []Move) *Answers {
	t.Helper()
	b := NewAnswers(r)
	a.CopyTo(b)
	for _, m := range moves {
		for i := range m.Skill.Questions {
			id := fmt.Sprintf("%s.%d", m.Skill.ID, i+1)
			if v, ok := b.Get(id); ok && !v.NA && v.Score < m.Step {
				b.Set(id, Answer{Score: m.Step})
			}
		}
	}
	return b
}

// TestWhatIfLinesAreScoredAnswers: each what-if line's readiness and holds are what
// scoring its changed answers toward the same target gives.
func TestWhatIfLinesAreScoredAnswers(t *testing.T) {
	r := assesstest.Rubric(t, whatIfLadder)
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		a := randomAnswers(r, rng)
		res := Score(r, a, ScoreOptions{Target: "two"})
		wi := WhatIfOf(res, ScoreOptions{Target: "two"})
		if len(wi.Lines) != len(res.Gaps) {
			t.Fatalf("#%d: %d lines for %d gaps", n, len(wi.Lines), len(res.Gaps))
		}
		for i, l := range wi.Lines {
			got := Score(r, raisedByHand(t, r, a, []Move{{l.Skill, l.Step}}), ScoreOptions{Target: "two"})
			if !near(*got.Target.Readiness, l.Readiness) || got.Target.Holds != l.Holds {
				t.Fatalf("#%d %s to %d: line says %.4f %v, scoring says %.4f %v", n, l.Skill.ID, l.Step, l.Readiness, l.Holds, *got.Target.Readiness, got.Target.Holds)
			}
			if i > 0 && l.Readiness > wi.Lines[i-1].Readiness+1e-9 {
				t.Fatalf("#%d: lines out of readiness order", n)
			}
		}
	}
}

// randomAnswers answers each question of the what-if ladder with a score, na or
// nothing.
func randomAnswers(r *rubric.Rubric, rng *rand.Rand) *Answers {
	a := NewAnswers(r)
	for _, q := range r.Questions() {
		switch x := rng.IntN(10); {
		case x == 0: // unanswered
		case x == 1:
			a.Set(q.ID, Answer{NA: true})
		default:
			a.Set(q.ID, Answer{Score: rng.IntN(6)})
		}
	}
	return a
}

// TestFewestStepsAreFewest: the fewest steps hold the target when scored, and no set of
// gaps closed in fewer steps does — checked against every set, each scored.
func TestFewestStepsAreFewest(t *testing.T) {
	r := assesstest.Rubric(t, whatIfLadder)
	rng := rand.New(rand.NewPCG(3, 4))
	var held, none, some int
	for n := range 400 {
		a := randomAnswers(r, rng)
		opts := ScoreOptions{Target: "two"}
		res := Score(r, a, opts)
		wi := WhatIfOf(res, opts)

		// Every set of gaps, each closed to the expectation one step at a time: on this
		// ladder (no statements) a step is the next whole score above the skill's mean,
		// at most the expectation rounded up, taken until the mean meets it.
		closing := make([][]Move, len(res.Gaps))
		for i, g := range res.Gaps {
			b, score := a, g.Score
			for score < g.Expected-1e-9 {
				step := min(int(math.Floor(score+1e-9))+1, rubric.MetAt(g.Expected))
				closing[i] = append(closing[i], Move{g.Skill, step})
				b = raisedByHand(t, r, b, []Move{{g.Skill, step}})
				score = skillMean(t, r, b, g.Skill)
			}
		}
		best, bestReady := math.MaxInt, 0.0
		for set := 0; set < 1<<len(res.Gaps); set++ {
			var moves []Move
			for i := range res.Gaps {
				if set&(1<<i) != 0 {
					moves = append(moves, closing[i]...)
				}
			}
			if got := Score(r, raisedByHand(t, r, a, moves), opts).Target; got.Holds {
				switch {
				case len(moves) < best:
					best, bestReady = len(moves), *got.Readiness
				case len(moves) == best:
					bestReady = max(bestReady, *got.Readiness)
				}
			}
		}
		switch {
		case res.Target.Holds:
			held++
			if wi.Fewest == nil || len(wi.Fewest) != 0 {
				t.Fatalf("#%d: the target is held, fewest %v", n, wi.Fewest)
			}
		case best == math.MaxInt:
			none++
			if wi.Fewest != nil {
				t.Fatalf("#%d: no set of steps holds the target, fewest %v", n, moveList(wi.Fewest))
			}
		default:
			some++
			if len(wi.Fewest) != best {
				t.Fatalf("#%d: fewest has %d steps (%s), the fewest are %d", n, len(wi.Fewest), moveList(wi.Fewest), best)
			}
			got := Score(r, raisedByHand(t, r, a, wi.Fewest), opts).Target
			if !got.Holds {
				t.Fatalf("#%d: %s does not hold the target when scored", n, moveList(wi.Fewest))
			}
			// Of the sets that hold in as few steps, it raises readiness most (rule 16).
			if *got.Readiness < bestReady-1e-9 {
				t.Fatalf("#%d: %s gives %.2f%%; another set of %d steps gives %.2f%%", n, moveList(wi.Fewest), *got.Readiness, best, bestReady)
			}
		}
	}
	// The random people must reach each case, or the test proves less than it says.
	if held < 10 || none < 10 || some < 50 {
		t.Fatalf("cases: %d held, %d none, %d some", held, none, some)
	}
}

// skillMean is the mean of a skill's scored answers, worked out by hand.
func skillMean(t *testing.T, r *rubric.Rubric, a *Answers, sk *rubric.Skill) float64 {
	t.Helper()
	sum, n := 0, 0
	for i := range sk.Questions {
		if v, ok := a.Get(fmt.Sprintf("%s.%d", sk.ID, i+1)); ok && !v.NA {
			sum, n = sum+v.Score, n+1
		}
	}
	return float64(sum) / float64(n)
}

func moveList(moves []Move) string {
	s := ""
	for _, m := range moves {
		s += fmt.Sprintf("%s→%d ", m.Skill.ID, m.Step)
	}
	return s
}

// TestWhatIfStepsFollowStatements: on a skill whose questions have statements, the
// what-if's step is rule 10's step, and a multi-step gap's line says it does not close.
func TestWhatIfStepsFollowStatements(t *testing.T) {
	res := edgeScore(t, ScoreOptions{Target: "senior"}, "m.1=1", "m.2=2", "p.1=3", "p.2=3", "q.1=3", "q.2=3", "r.1=2", "r.2=3")
	wi := WhatIfOf(res, ScoreOptions{Target: "senior"})
	got := map[string]WhatIf{}
	for _, l := range wi.Lines {
		got[l.Skill.ID] = l
	}
	if m := got["m"]; m.Step != 2 || m.Closes || m.Readiness != *res.Target.Readiness {
		t.Errorf("metrics 1.5 → 4: %+v, want step 2, not closing, readiness unchanged", m)
	}
	if rl := got["r"]; rl.Step != 3 || !rl.Closes || rl.Readiness <= *res.Target.Readiness {
		t.Errorf("r 2.5 → 3: %+v, want step 3, closing, readiness up", rl)
	}
	// Metrics is core: the fewest steps take it to 4 in three steps (2, 3, 4) and r to 3.
	if s := moveList(wi.Fewest); s != "m→2 m→3 m→4 r→3 " {
		t.Errorf("fewest: %s", s)
	}
	if r := wi.Raising(3); len(r) != 1 || r[0].Skill.ID != "r" {
		t.Errorf("raising: %+v", r)
	}
}

// TestWhatIfKeepsTheTarget: without a target given, the what-if measures toward the
// default target of the answers as they are, even when a step would move the default
// (the person would hold One, so the default becomes Two).
func TestWhatIfKeepsTheTarget(t *testing.T) {
	r := assesstest.Rubric(t, whatIfLadder)
	a := answers(r, "a.1=0", "a.2=0", "b.1=1", "b.2=1")
	res := Score(r, a, ScoreOptions{})
	if res.Target == nil || res.Target.Role.ID != "one" {
		t.Fatalf("the default target is %v, want one", res.Target)
	}
	wi := WhatIfOf(res, ScoreOptions{})
	for _, l := range wi.Lines {
		if l.Skill.ID == "a" && (!l.Holds || l.Readiness != 100) {
			t.Errorf("a to %d: %.2f%% holds %v; toward One it is 100%%, held", l.Step, l.Readiness, l.Holds)
		}
	}
}
