package assess

import (
	"cmp"
	"slices"

	"github.com/pmladder/pmladder/rubric"
)

// What-if (docs/scoring.md, rule 16): which one step would move a person most toward the
// target, and the fewest steps that would make them hold it. Every readiness and every
// "holds" here is what Scorer gives for the changed answers — the answers of one skill
// below a step raised to it — never a second calculation of rule 2.

// WhatIf is one skill with a gap toward the target, raised one step.
type WhatIf struct {
	Skill *rubric.Skill
	// Step is rule 10's step: the next whole score above the skill's, at most the
	// target's expectation.
	Step int
	// Readiness is the target's readiness and Holds whether the target is held when the
	// skill's answers below Step are raised to it.
	Readiness float64
	Holds     bool
	// Closes is true when that step meets the target's expectation of the skill; a gap of
	// more than a step raises readiness only at its last step.
	Closes bool
	// Gap is the gap the line raises, as the person's result has it: reports word the
	// step from it (its score, expectation and rule 10's statements) rather than work
	// them out a second time.
	Gap Gap
}

// Move is one step of the fewest that make the target held: a skill's answers below
// Step raised to it.
type Move struct {
	Skill *rubric.Skill
	Step  int
}

// WhatIfs is a person's what-if toward their target.
type WhatIfs struct {
	// Target is the role toward which readiness is measured, Readiness its readiness
	// now and Holds whether it is held now.
	Target    *rubric.Role
	Readiness float64
	Holds     bool
	// Lines has one entry per skill with a gap toward the target, by readiness (highest
	// first), then in the gaps' order (rule 5).
	Lines []WhatIf
	// Fewest are the fewest steps that make the target held, skill by skill in the
	// gaps' order, each skill's steps in order; empty when the target is held already
	// and nil when no steps on the assessed skills can make it held (Unassessed says
	// which skills the target expects that have no answer to raise).
	Fewest []Move
	// Unassessed are the skills the target expects above the scale's minimum that have
	// no score, in rubric order: no step can be taken on them until they are answered.
	Unassessed []*rubric.Skill
}

// Raising lists the lines that raise the target's readiness, at most n, highest first.
func (w *WhatIfs) Raising(n int) []WhatIf {
	var out []WhatIf
	for _, l := range w.Lines {
		if len(out) == n || l.Readiness <= w.Readiness+eps {
			break
		}
		out = append(out, l)
	}
	return out
}

// WhatIfOf works out the what-if of a scored result toward its target, with the options
// it was scored with; nil when the result has no target.
func WhatIfOf(res *Result, opts ScoreOptions) *WhatIfs {
	if res.Target == nil || res.Target.Readiness == nil {
		return nil
	}
	// The target and the track stay as they are: a raised answer may change the role
	// the answers hold, and so the default target, but the question is about this one.
	opts.Target, opts.Track = res.Target.Role.ID, res.Track
	wi := whatIfScorer{scorer: Scorer{Rubric: res.Rubric, Options: opts}, base: res.Answers}
	out := &WhatIfs{Target: res.Target.Role, Readiness: *res.Target.Readiness, Holds: res.Target.Holds,
		Unassessed: slices.Clone(res.Unassessed)}

	ladders := make([]skillLadder, len(res.Gaps))
	for i, g := range res.Gaps {
		ladders[i] = wi.ladder(g)
		l := &ladders[i]
		out.Lines = append(out.Lines, WhatIf{Skill: g.Skill, Step: l.steps[0], Readiness: l.first.readiness,
			Holds: l.first.holds, Closes: len(l.steps) == 1, Gap: g})
	}
	slices.SortStableFunc(out.Lines, func(a, b WhatIf) int {
		if a.Readiness > b.Readiness+eps || b.Readiness > a.Readiness+eps {
			return cmp.Compare(b.Readiness, a.Readiness)
		}
		return 0
	})
	out.Fewest = wi.fewest(res, ladders)
	return out
}

// whatIfScorer scores changed copies of one person's answers toward a fixed target.
type whatIfScorer struct {
	scorer Scorer
	base   *Answers
	copy   Answers
}

// outcome is the target's readiness and whether it is held, as scoring gives them.
type outcome struct {
	readiness float64
	holds     bool
}

// skillLadder is a gap's steps up to the target's expectation, each what rule 10 gives
// once the one before is taken, with what the first step and the whole ladder give.
type skillLadder struct {
	gap         Gap
	steps       []int
	first, full outcome
}

// raise sets the answers of the skill at gap g that are below step to step: only
// answered questions move; one left unanswered or na stays so.
func raise(a *Answers, g Gap, step int) {
	for i := range g.Skill.Questions {
		if v, ok := a.Lookup(g.first + i); ok && !v.NA && v.Score < step {
			a.SetAt(g.first+i, Answer{Score: step})
		}
	}
}

// score scores the base answers with the moves taken and returns the target's outcome
// and the skill scores (valid until the next call).
func (wi *whatIfScorer) score(moves func(a *Answers)) (outcome, []SkillScore) {
	wi.base.CopyTo(&wi.copy)
	moves(&wi.copy)
	st := wi.scorer.Standing(&wi.copy)
	return outcome{readiness: *st.Target.Readiness, holds: st.Target.Holds}, st.Skills
}

// ladder takes a gap's steps one after another, scoring after each, until the skill
// meets the expectation.
func (wi *whatIfScorer) ladder(g Gap) skillLadder {
	l := skillLadder{gap: g}
	next := g
	for {
		step := next.Step()
		l.steps = append(l.steps, step)
		steps := l.steps
		got, skills := wi.score(func(a *Answers) {
			for _, s := range steps {
				raise(a, g, s)
			}
		})
		if len(l.steps) == 1 {
			l.first = got
		}
		sk := &skills[g.pos]
		if sk.met(g.Expected) || step >= rubric.MetAt(g.Expected) {
			l.full = got
			return l
		}
		next = Gap{Skill: g.Skill, Score: *sk.Score, Expected: g.Expected}
	}
}

// fewest finds the fewest steps that make the target held. A core skill's gap must
// close, so its steps are always taken; among the other gaps, closing one raises
// readiness by what scoring it closed gives (its gain), and a partial climb raises
// nothing. So for each number of steps, from the core's alone upward, the set of other
// gaps with the largest gain in that many steps is scored: the first that holds is the
// fewest. nil when even every gap closed does not hold the target.
func (wi *whatIfScorer) fewest(res *Result, ladders []skillLadder) []Move {
	if res.Target.Holds {
		return []Move{}
	}
	var must []int // ladders of core gaps
	var free []int // the others
	for i := range ladders {
		if ladders[i].gap.Skill.Core {
			must = append(must, i)
		} else {
			free = append(free, i)
		}
	}
	gains := make([]float64, len(free))
	costs := make([]int, len(free))
	total := 0
	for k, i := range free {
		gains[k] = ladders[i].full.readiness - *res.Target.Readiness
		costs[k] = len(ladders[i].steps)
		total += costs[k]
	}
	best := bestGains(gains, costs, total)
	tried := -1.0
	for budget := 0; budget <= total; budget++ {
		chosen := best(budget)
		gain := 0.0
		for _, k := range chosen {
			gain += gains[k]
		}
		if gain <= tried+eps && budget > 0 {
			continue // the same set as with a step fewer
		}
		tried = gain
		take := slices.Clone(must)
		for _, k := range chosen {
			take = append(take, free[k])
		}
		slices.Sort(take) // the gaps' order
		got, _ := wi.score(func(a *Answers) {
			for _, i := range take {
				for _, s := range ladders[i].steps {
					raise(a, ladders[i].gap, s)
				}
			}
		})
		if got.holds {
			var moves []Move
			for _, i := range take {
				for _, s := range ladders[i].steps {
					moves = append(moves, Move{Skill: ladders[i].gap.Skill, Step: s})
				}
			}
			return moves
		}
	}
	return nil
}

// bestGains solves the 0/1 knapsack of the gaps that are not core: for a number of
// steps, the items (by index) whose gains sum highest at that cost or less — of the sets
// that hold in the fewest steps, the one that raises readiness most (rule 16). Ties of
// gain go to the earlier items, the larger gaps.
func bestGains(gains []float64, costs []int, total int) func(budget int) []int {
	n := len(gains)
	// table[i][b] is the highest gain from items i… within b steps.
	table := make([][]float64, n+1)
	for i := range table {
		table[i] = make([]float64, total+1)
	}
	for i := n - 1; i >= 0; i-- {
		for b := 0; b <= total; b++ {
			table[i][b] = table[i+1][b]
			if costs[i] <= b {
				if with := gains[i] + table[i+1][b-costs[i]]; with > table[i][b]+eps {
					table[i][b] = with
				}
			}
		}
	}
	return func(budget int) []int {
		var out []int
		b := budget
		for i := 0; i < n; i++ {
			if costs[i] <= b && gains[i]+table[i+1][b-costs[i]] >= table[i][b]-eps {
				out = append(out, i)
				b -= costs[i]
			}
		}
		return out
	}
}
