package assess

import (
	"cmp"
	"math"
	"slices"

	"github.com/pmladder/pmladder/rubric"
)

// Priority is how urgent a skill's gap toward the target role is (docs/scoring.md, rule 5).
type Priority string

// Priorities, from the most urgent.
const (
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
	PriorityNone   Priority = "none"
	// PriorityNA marks a skill that was not assessed.
	PriorityNA Priority = "n/a"
)

// DefaultCerts is how many certifications a report lists unless told otherwise.
const DefaultCerts = 3

// ScoreOptions override what the answers declare. Empty strings keep the answers' values.
type ScoreOptions struct {
	Current, Target, Track string
	// Certs is how many certifications to recommend.
	Certs int
}

// Standing is where a person stands, by the rules 1–5 of docs/scoring.md, unrounded: the roles, the
// target's readiness and every skill's score and gap toward the target. Every result has
// one, and it is all a long CSV row shows, so a team review scored to CSV computes only
// this (ScoreStanding, Scorer.Standing).
type Standing struct {
	Rubric  *rubric.Rubric
	Answers *Answers
	// Track is the track the person is on; "" when undecided (then every track counts).
	Track string
	// Answered counts the rubric's questions with an answer, a score or na; Questions all of them.
	Answered, Questions int
	// Skills has one entry per rubric skill, in rubric order.
	Skills []SkillScore
	// Estimated is the highest ladder role held on the track, or nil.
	Estimated *RoleFit
	// Current is the declared role, else the estimated one, or nil.
	Current *rubric.Role
	// CurrentDeclared is true when Current was declared rather than estimated.
	CurrentDeclared bool
	// Target is the role the gaps are measured toward, or nil when there is none.
	Target *RoleFit
	// AtTop is true when no target was given and the current role leads to no ladder role
	// on the track: the target is the current role (rule 11), and the report says the
	// person is at the top of the ladder and where to deepen.
	AtTop bool

	// roles has an entry per rubric role; a Standing works out only those rules 3 and 4
	// need (done marks them), a Result all of them.
	roles []RoleFit
	// nums backs the optional numbers, so that scoring a person makes one allocation for
	// them rather than one per number.
	nums []float64
}

// Result is a whole scored assessment: the standing and everything a report shows (rules
// 5–8), unrounded.
type Result struct {
	Standing
	// Roles has one entry per rubric role, in rubric order.
	Roles      []RoleFit
	Categories []CategoryScore
	// Gaps toward the target, in rule 5 order.
	Gaps []Gap
	// Unassessed lists the skills the target expects above the scale's minimum that were
	// not assessed, in rubric order.
	Unassessed []*rubric.Skill
	// Certifications holds the first ScoreOptions.Certs of AllCertifications.
	Certifications []CertValue
	NextRoles      []NextRole
	// AlsoHolds are the roles held besides the current and the estimated one (rule 12).
	AlsoHolds []*rubric.Role
	// Checks are the plausibility checks that fired (rule 13), in rule order.
	Checks []Check
	// Deepen, at the top of the ladder (AtTop) with no gap toward it, are the largest
	// gaps toward the top of the scale on the skills the current role expects: where to
	// deepen, at most three.
	Deepen []Gap

	allCerts []CertValue
	// covers and nextGaps back the certifications' covers and the next roles' gaps, and
	// candidates the next roles considered, so that a Scorer reuses their memory.
	covers     []string
	nextGaps   []Gap
	candidates []*rubric.Role
	// counts (answers by score, for the checks) and held (the roles also held, before
	// they are ordered) are scratch space a Scorer reuses.
	counts []int
	held   []*RoleFit
}

// num returns a pointer to a copy of v kept in the standing's backing array.
func (res *Standing) num(v float64) *float64 {
	if len(res.nums) == cap(res.nums) {
		p := new(float64)
		*p = v
		return p
	}
	res.nums = append(res.nums, v)
	return &res.nums[len(res.nums)-1]
}

// AllCertifications returns every certification with a value toward the target, in rule 6
// order, before the limit of ScoreOptions.Certs: a team review sums them over people.
func (res *Result) AllCertifications() []CertValue { return res.allCerts }

// SkillScore is one skill's score and what the current and target roles expect of it.
type SkillScore struct {
	Skill *rubric.Skill
	// Score is the mean of the skill's answered, non-na questions; nil when unassessed.
	Score *float64
	// ExpectedCurrent and ExpectedTarget are the roles' expectations, nil when not expected.
	ExpectedCurrent, ExpectedTarget *float64
	// Gap toward the target, nil unless the skill is assessed and the target expects it.
	Gap      *float64
	Priority Priority

	sum   float64 // of the answered scores
	count int     // of the answered, non-na questions
	first int     // the position of the skill's first question in Rubric.Questions
}

// Answered counts the skill's questions answered with a score (not na): its score is
// their mean (rule 1).
func (sk *SkillScore) Answered() int { return sk.count }

// RoleFit is how well the person meets one role's expectations (rule 2).
type RoleFit struct {
	Role *rubric.Role
	// Readiness is the percentage, by weight, of the role's expectations met, and
	// Coverage the percentage assessed; nil only for a role that expects nothing.
	Readiness, Coverage *float64
	Holds               bool
	// Met and Total count the role's expectations, met and all.
	Met, Total int

	done bool // worked out; a Standing leaves the roles it does not need
}

// Gap is a skill below what a role expects.
type Gap struct {
	Skill                *rubric.Skill
	Score, Expected, Gap float64
	Priority             Priority

	pos     int      // the skill's rubric order, for ties
	answers *Answers // whose gap: the next step leaves out what they already do
	first   int      // the position of the skill's first question, to look its answers up
}

// Step is the score the next step up reaches (rule 10): the next whole score above the
// person's, at most the expectation (rounded up, for an expectation between scores),
// passing over scores no question of the skill has a statement for when its questions
// have statements (an imported level that says "same as before" has none of its own):
// the step is what the next statement up asks.
func (g Gap) Step() int {
	top := rubric.MetAt(g.Expected)
	step := min(int(math.Floor(g.Score+eps))+1, top)
	anchored := false
	for s := step; s <= top; s++ {
		for i := range g.Skill.Questions {
			q := &g.Skill.Questions[i]
			anchored = anchored || len(q.Options) > 0
			if q.StatementAt(s) != "" {
				return s
			}
		}
		if !anchored {
			break
		}
	}
	return step
}

// NextStep is the anchored statement of the step's score in each of the skill's
// questions that has options and whose answer is below the step or missing (rule 10):
// never a statement the person already picked or passed. A question answered na counts
// as missing: it has no score to pass the step with. A statement two questions share
// (an imported ladder's level of one statement, asked in each of its questions) is given
// once.
func (g Gap) NextStep() []string {
	step := g.Step()
	var out []string
	for i := range g.Skill.Questions {
		q := &g.Skill.Questions[i]
		text := q.StatementAt(step)
		if text == "" {
			continue
		}
		if g.answers != nil {
			if v, ok := g.answers.Lookup(g.first + i); ok && !v.NA && v.Score >= step {
				continue
			}
		}
		if !slices.Contains(out, text) {
			out = append(out, text)
		}
	}
	return out
}

// Actions are the skill's actions for the step, then those that fit every step (rule 10).
func (g Gap) Actions() []string { return g.Skill.ActionsFor(g.Step()) }

// CertValue is a certification ranked by how much of the gaps it covers.
type CertValue struct {
	Cert *rubric.Certification
	// Covers lists the certification's skills that have a gap, in the certification's order.
	Covers []string
	Value  float64
}

// NextRole is a role the person could move to, with the gaps toward it.
type NextRole struct {
	RoleFit
	// Lateral is true for a role beside the ladder (one without a level).
	Lateral bool
	// Gaps holds the three largest gaps toward the role, in priority order.
	Gaps []Gap
}

// CategoryScore sums up a category toward the target role.
type CategoryScore struct {
	Category *rubric.Category
	// Score, Expected and Gap are nil when they cannot be computed (rule 8).
	Score, Expected, Gap *float64
}

// eps absorbs floating-point error in comparisons that are exact in arithmetic: a score
// of exactly the expectation meets it.
const eps = 1e-9

// Score scores answers against a rubric by docs/scoring.md: the whole result. Role and track ids
// in opts and in the answers must exist in the rubric; callers check them first.
func Score(r *rubric.Rubric, a *Answers, opts ScoreOptions) *Result {
	s := Scorer{Rubric: r, Options: opts}
	return s.Result(a)
}

// ScoreStanding scores answers as Score does, only as far as the standing.
func ScoreStanding(r *rubric.Rubric, a *Answers, opts ScoreOptions) *Standing {
	s := Scorer{Rubric: r, Options: opts}
	return s.Standing(a)
}

// Scorer scores many people one after another in the same memory, for large teams: what
// it returns is valid until its next call.
type Scorer struct {
	Rubric  *rubric.Rubric
	Options ScoreOptions
	res     Result
}

// Standing scores one person as far as the standing (rules 1–5 for the target's skills).
func (s *Scorer) Standing(a *Answers) *Standing {
	st := &s.res.Standing
	st.score(s.Rubric, a, s.Options)
	return st
}

// Result scores one person wholly, as Score does.
func (s *Scorer) Result(a *Answers) *Result {
	res := &s.res
	res.score(s.Rubric, a, s.Options)
	res.covers, res.nextGaps = res.covers[:0], res.nextGaps[:0]
	for i := range res.roles {
		if !res.roles[i].done {
			res.roles[i] = res.fit(res.roles[i].Role)
		}
	}
	res.Roles = res.roles
	res.Gaps = res.Gaps[:0]
	for i := range res.Skills {
		sk := &res.Skills[i]
		if sk.Gap != nil && *sk.Gap > 0 {
			res.Gaps = append(res.Gaps, res.gapOf(sk, i, *sk.ExpectedTarget))
		}
	}
	sortGaps(res.Gaps)
	res.Unassessed = res.Unassessed[:0]
	if res.Target != nil {
		for i := range res.Skills {
			sk := &res.Skills[i]
			if e, ok := res.Target.Role.ExpectAt(i); ok && sk.Score == nil && e > float64(s.Rubric.Scale.Min)+eps {
				res.Unassessed = append(res.Unassessed, sk.Skill)
			}
		}
	}
	res.allCerts = res.rankCertifications()
	res.Certifications = res.allCerts[:min(len(res.allCerts), max(s.Options.Certs, 0))]
	res.NextRoles = res.nextRoles()
	res.Categories = res.categories()
	res.AlsoHolds = res.alsoHolds()
	res.Checks = res.checks()
	res.Deepen = res.deepen()
	return res
}

// score works out the standing into st, reusing the memory st holds from an earlier person.
func (st *Standing) score(r *rubric.Rubric, a *Answers, opts ScoreOptions) {
	*st = Standing{Rubric: r, Answers: a, Track: a.Track, Questions: len(r.Questions()),
		Skills: st.Skills[:0], roles: st.roles[:0], nums: st.nums[:0]}
	if n := 4*len(r.Skills()) + 2*len(r.Roles) + 3*len(r.Categories); cap(st.nums) < n {
		st.nums = make([]float64, 0, n)
	}
	if opts.Track != "" {
		st.Track = opts.Track
	}
	st.scoreSkills()

	// Rule 2: readiness and holds, here only for the roles rule 3 needs; fitOf works out
	// others on demand.
	st.roles = append(st.roles, make([]RoleFit, len(r.Roles))...)
	for i := range r.Roles {
		ro := &r.Roles[i]
		st.roles[i].Role = ro
		if ro.IsLadder() && ro.OnTrack(st.Track) {
			st.roles[i] = st.fit(ro)
		}
	}

	// Rule 3: the estimated role.
	for i := range st.roles {
		fit := &st.roles[i]
		if !fit.Role.IsLadder() || !fit.Role.OnTrack(st.Track) || !fit.Holds {
			continue
		}
		if e := st.Estimated; e == nil || fit.Role.Level > e.Role.Level ||
			(fit.Role.Level == e.Role.Level && *fit.Readiness > *e.Readiness+eps) {
			st.Estimated = fit
		}
	}

	// Rule 4: current and target.
	current := a.CurrentRole
	if opts.Current != "" {
		current = opts.Current
	}
	if current != "" {
		st.Current, st.CurrentDeclared = r.Role(current), true
	} else if st.Estimated != nil {
		st.Current = st.Estimated.Role
	}
	st.Target = st.fitOf(st.targetRole(opts.Target))

	// Per-skill expectations and gaps toward the target (rule 5).
	for i := range st.Skills {
		sk := &st.Skills[i]
		if st.Current != nil {
			if e, ok := st.Current.ExpectAt(i); ok {
				sk.ExpectedCurrent = st.num(e)
			}
		}
		if st.Target != nil {
			if e, ok := st.Target.Role.ExpectAt(i); ok {
				sk.ExpectedTarget = st.num(e)
			}
		}
		switch {
		case sk.Score == nil:
			sk.Priority = PriorityNA
		case sk.ExpectedTarget == nil:
			sk.Priority = PriorityNone
		default:
			g := st.gapOf(sk, i, *sk.ExpectedTarget)
			sk.Gap = st.num(g.Gap)
			sk.Priority = g.Priority
		}
	}
}

// scoreSkills applies rule 1: each skill's score is the mean of its answered, non-na
// questions.
func (res *Standing) scoreSkills() {
	skills := res.Rubric.Skills()
	res.Skills = append(res.Skills[:0], make([]SkillScore, len(skills))...)
	// A quick interview asked the first question of each skill: answered and questions
	// count that set (docs/formats.md, "answered").
	quick := res.Answers.Quick
	if quick {
		res.Questions = len(skills)
	}
	pos := 0 // a skill's questions follow each other in Rubric.Questions
	for i, s := range skills {
		sk := SkillScore{Skill: s, first: pos}
		for qi := range s.Questions {
			v, ok := res.Answers.Lookup(pos)
			pos++
			if ok && (!quick || qi == 0) {
				res.Answered++
			}
			if ok && !v.NA {
				sk.sum += float64(v.Score)
				sk.count++
			}
		}
		if sk.count > 0 {
			sk.Score = res.num(sk.sum / float64(sk.count))
		}
		res.Skills[i] = sk
	}
}

// met reports whether a skill's score reaches an expectation, comparing sum with
// expectation × count so that a mean equal to the expectation is never missed by rounding.
func (sk *SkillScore) met(expected float64) bool {
	return sk.sum >= expected*float64(sk.count)-eps
}

// fit applies rule 2 to one role: over every skill the role expects, a skill is met when
// the expectation is the scale's minimum or the skill is assessed and reaches it.
func (res *Standing) fit(ro *rubric.Role) RoleFit {
	fit := RoleFit{Role: ro, done: true}
	floor := float64(res.Rubric.Scale.Min)
	var metW, assessedW, totalW float64
	coreMet := true
	for i := range res.Skills {
		sk := &res.Skills[i]
		e, ok := ro.ExpectAt(i)
		if !ok {
			continue
		}
		w := sk.Skill.Weight
		fit.Total++
		totalW += w
		if sk.Score != nil {
			assessedW += w
		}
		if e <= floor+eps || (sk.Score != nil && sk.met(e)) {
			fit.Met++
			metW += w
		} else if sk.Skill.Core {
			coreMet = false
		}
	}
	if fit.Total == 0 {
		return fit
	}
	fit.Readiness = res.num(100 * metW / totalW)
	fit.Coverage = res.num(100 * assessedW / totalW)
	// Compare 100·met with pass·total rather than the quotient, for the same reason as met.
	fit.Holds = coreMet && 100*metW >= res.Rubric.Scoring.Pass*totalW-eps*totalW
	return fit
}

// fitOf returns the role's entry in Roles, or nil.
func (res *Standing) fitOf(ro *rubric.Role) *RoleFit {
	if ro == nil {
		return nil
	}
	for i := range res.roles {
		if res.roles[i].Role == ro {
			if !res.roles[i].done {
				res.roles[i] = res.fit(ro)
			}
			return &res.roles[i]
		}
	}
	return nil
}

// targetRole applies the fallbacks of rules 4 and 11 for the target.
func (res *Standing) targetRole(flag string) *rubric.Role {
	r := res.Rubric
	switch {
	case flag != "":
		return r.Role(flag)
	case res.Answers.TargetRole != "":
		return r.Role(res.Answers.TargetRole)
	case res.Current == nil:
		lowest := res.lowestLadderRoles()
		if len(lowest) == 0 {
			return nil
		}
		return lowest[0]
	}
	// Rule 11: the first ladder role next on the track; a lateral move is a choice the
	// person makes, never the default. With none, the current role: the top of the ladder.
	for _, id := range res.Current.Next {
		if ro := r.Role(id); ro.IsLadder() && ro.OnTrack(res.Track) {
			return ro
		}
	}
	res.AtTop = true
	return res.Current
}

// lowestLadderRoles returns the ladder roles of the lowest level on the track, in rubric
// order.
func (res *Standing) lowestLadderRoles() []*rubric.Role {
	var out []*rubric.Role
	for _, ro := range res.Rubric.LadderRoles(res.Track) {
		switch {
		case len(out) == 0 || ro.Level < out[0].Level:
			out = []*rubric.Role{ro}
		case ro.Level == out[0].Level:
			out = append(out, ro)
		}
	}
	return out
}

// gapOf applies rule 5 to an assessed skill and an expectation. The thresholds are
// compared on expectation × count − sum, which is exact for whole-number answers.
func (res *Standing) gapOf(sk *SkillScore, pos int, expected float64) Gap {
	n := float64(sk.count)
	short := expected*n - sk.sum // gap × count
	g := Gap{Skill: sk.Skill, Score: *sk.Score, Expected: expected, Priority: PriorityNone, pos: pos, answers: res.Answers, first: sk.first}
	if short <= eps {
		return g
	}
	g.Gap = expected - *sk.Score
	switch {
	case sk.Skill.Core || short >= 2*n-eps:
		g.Priority = PriorityHigh
	case short >= n-eps:
		g.Priority = PriorityMedium
	default:
		g.Priority = PriorityLow
	}
	return g
}

func priorityRank(p Priority) int {
	switch p {
	case PriorityHigh:
		return 0
	case PriorityMedium:
		return 1
	case PriorityLow:
		return 2
	default:
		return 3
	}
}

// sortGaps orders gaps by priority, gap (largest first), weight (largest first), then
// rubric order.
func sortGaps(gaps []Gap) {
	slices.SortStableFunc(gaps, func(a, b Gap) int {
		if pa, pb := priorityRank(a.Priority), priorityRank(b.Priority); pa != pb {
			return cmp.Compare(pa, pb)
		}
		if a.Gap > b.Gap+eps || b.Gap > a.Gap+eps {
			return cmp.Compare(b.Gap, a.Gap)
		}
		if a.Skill.Weight != b.Skill.Weight {
			return cmp.Compare(b.Skill.Weight, a.Skill.Weight)
		}
		return cmp.Compare(a.pos, b.pos)
	})
}

// rankCertifications applies rule 6, without the limit.
func (res *Result) rankCertifications() []CertValue {
	if res.Target == nil {
		return nil
	}
	out := res.allCerts[:0]
	for i := range res.Rubric.Certifications {
		c := &res.Rubric.Certifications[i]
		if !c.SuitsRole(res.Target.Role.ID) || !res.Answers.MayTake(c) {
			continue
		}
		cv := CertValue{Cert: c}
		start := len(res.covers)
		for _, s := range c.Skills {
			pos, _ := res.Rubric.SkillPos(s)
			if g := res.Skills[pos].Gap; g != nil && *g > 0 {
				cv.Value += res.Skills[pos].Skill.Weight * *g
				res.covers = append(res.covers, s)
			}
		}
		if cv.Value > eps && res.primaryGap(c) {
			cv.Covers = res.covers[start:len(res.covers):len(res.covers)]
			out = append(out, cv)
		} else {
			res.covers = res.covers[:start]
		}
	}
	slices.SortStableFunc(out, func(a, b CertValue) int {
		switch {
		case a.Value > b.Value+eps:
			return -1
		case b.Value > a.Value+eps:
			return 1
		}
		return 0
	})
	// Rule 14: of one family, only the most valuable (the first, once sorted).
	kept := out[:0]
	for _, cv := range out {
		if f := cv.Cert.Family; f == "" || !slices.ContainsFunc(kept, func(o CertValue) bool { return o.Cert.Family == f }) {
			kept = append(kept, cv)
		}
	}
	return kept
}

// primaryGap reports whether one of the certification's primary skills has a gap toward
// the target (rule 14): a certification is for what it mainly builds.
func (res *Result) primaryGap(c *rubric.Certification) bool {
	for _, s := range c.PrimarySkills() {
		pos, _ := res.Rubric.SkillPos(s)
		if g := res.Skills[pos].Gap; g != nil && *g > eps {
			return true
		}
	}
	return false
}

// nextRoles applies rule 7.
func (res *Result) nextRoles() []NextRole {
	candidates := res.candidates[:0]
	if res.Current != nil {
		for _, id := range res.Current.Next {
			candidates = append(candidates, res.Rubric.Role(id))
		}
	} else {
		candidates = append(candidates, res.lowestLadderRoles()...)
	}
	res.candidates = candidates
	out := res.NextRoles[:0]
	for i, ro := range candidates {
		if !ro.OnTrack(res.Track) || slices.Contains(candidates[:i], ro) {
			continue
		}
		nr := NextRole{RoleFit: *res.fitOf(ro), Lateral: !ro.IsLadder()}
		start := len(res.nextGaps)
		for i := range res.Skills {
			sk := &res.Skills[i]
			if e, ok := ro.ExpectAt(i); ok && sk.Score != nil {
				if g := res.gapOf(sk, i, e); g.Gap > 0 {
					res.nextGaps = append(res.nextGaps, g)
				}
			}
		}
		gaps := res.nextGaps[start:]
		sortGaps(gaps)
		if len(gaps) > 3 {
			gaps = gaps[:3]
		}
		res.nextGaps = res.nextGaps[:start+len(gaps)]
		nr.Gaps = gaps[:len(gaps):len(gaps)]
		out = append(out, nr)
	}
	slices.SortStableFunc(out, func(x, y NextRole) int {
		if x.Lateral != y.Lateral { // ladder steps first
			if y.Lateral {
				return -1
			}
			return 1
		}
		a, b := x.Readiness, y.Readiness
		switch {
		case a == nil && b == nil:
		case a == nil || b == nil:
			if b == nil {
				return -1
			}
			return 1
		case *a > *b+eps:
			return -1
		case *b > *a+eps:
			return 1
		}
		return cmp.Compare(res.Rubric.RolePos(x.Role), res.Rubric.RolePos(y.Role))
	})
	return out
}

// categories applies rule 8.
func (res *Result) categories() []CategoryScore {
	out := res.Categories[:0]
	for ci := range res.Rubric.Categories {
		c := &res.Rubric.Categories[ci]
		cs := CategoryScore{Category: c}
		var scoreW, expW, w float64
		for i := range res.Skills {
			sk := &res.Skills[i]
			if sk.Skill.Category != c.ID || sk.Score == nil || sk.ExpectedTarget == nil {
				continue
			}
			scoreW += sk.Skill.Weight * *sk.Score
			expW += sk.Skill.Weight * *sk.ExpectedTarget
			w += sk.Skill.Weight
		}
		if w > 0 {
			score, expected := scoreW/w, expW/w
			gap := max(0, expected-score)
			if gap < eps {
				gap = 0
			}
			cs.Score, cs.Expected, cs.Gap = res.num(score), res.num(expected), res.num(gap)
		} else {
			for i := range res.Skills {
				sk := &res.Skills[i]
				if sk.Skill.Category == c.ID && sk.Score != nil {
					scoreW += sk.Skill.Weight * *sk.Score
					w += sk.Skill.Weight
				}
			}
			if w > 0 {
				cs.Score = res.num(scoreW / w)
			}
		}
		out = append(out, cs)
	}
	return out
}

// alsoHolds applies rule 12: the roles on the track, other than the current and the
// estimated one, that the person holds — ladder roles first, highest level first, then
// lateral roles; within each the most ready first, then rubric order.
func (res *Result) alsoHolds() []*rubric.Role {
	out := res.AlsoHolds[:0]
	fits := res.held[:0]
	defer func() { res.held = fits[:0] }()
	for i := range res.Roles {
		fit := &res.Roles[i]
		ro := fit.Role
		if !fit.Holds || !ro.OnTrack(res.Track) || ro == res.Current || (res.Estimated != nil && ro == res.Estimated.Role) {
			continue
		}
		fits = append(fits, fit)
	}
	slices.SortStableFunc(fits, func(a, b *RoleFit) int {
		if a.Role.IsLadder() != b.Role.IsLadder() {
			if a.Role.IsLadder() {
				return -1
			}
			return 1
		}
		if a.Role.Level != b.Role.Level {
			return cmp.Compare(b.Role.Level, a.Role.Level)
		}
		if *a.Readiness > *b.Readiness+eps || *b.Readiness > *a.Readiness+eps {
			return cmp.Compare(*b.Readiness, *a.Readiness)
		}
		return 0 // Roles is in rubric order, and the sort is stable
	})
	for _, fit := range fits {
		out = append(out, fit.Role)
	}
	return out
}

// Plausibility checks (rule 13), by code.
const (
	// CheckSameAnswer: at least SameAnswerMin questions have a score and at least
	// SameAnswerShare percent of those scores are one value.
	CheckSameAnswer = "same-answer"
	// CheckFarFromDeclared: the declared role is a ladder role two levels or more from
	// the estimated one.
	CheckFarFromDeclared = "far-from-declared"
)

// The thresholds of the same-answer check (rule 13).
const (
	SameAnswerMin   = 10
	SameAnswerShare = 90
)

// Check is a plausibility check that fired: the answers look unlike most people's, so a
// second view (a manager's, peers') is worth having. It changes no number. The numbers
// say what was seen; a report phrases them.
type Check struct {
	Code string
	// Same-answer: Score was given to Count of the Scored questions that have a score.
	Score, Count, Scored int
	// Far-from-declared: the declared role and the estimated one (nil when none is held).
	Declared, Estimated *rubric.Role
}

// checks applies rule 13.
func (res *Result) checks() []Check {
	out := res.Checks[:0]
	sc := res.Rubric.Scale
	counts := append(res.counts[:0], make([]int, sc.Max-sc.Min+1)...) // by score − min
	res.counts = counts
	scored := 0
	for pos := range res.Rubric.Questions() {
		if v, ok := res.Answers.Lookup(pos); ok && !v.NA {
			counts[v.Score-sc.Min]++
			scored++
		}
	}
	if scored >= SameAnswerMin {
		best, n := 0, 0
		for i, c := range counts {
			if c >= n { // the higher score of a tie
				best, n = sc.Min+i, c
			}
		}
		if 100*n >= SameAnswerShare*scored {
			out = append(out, Check{Code: CheckSameAnswer, Score: best, Count: n, Scored: scored})
		}
	}
	if res.CurrentDeclared && res.Current != nil && res.Current.IsLadder() {
		declared := res.Current.Level
		// None held counts as one level below the rubric's lowest ladder level.
		estimated := declared
		for _, ro := range res.Rubric.LadderRoles("") {
			estimated = min(estimated, ro.Level-1)
		}
		var est *rubric.Role
		if res.Estimated != nil {
			est, estimated = res.Estimated.Role, res.Estimated.Role.Level
		}
		if estimated <= declared-2 || estimated >= declared+2 {
			out = append(out, Check{Code: CheckFarFromDeclared, Declared: res.Current, Estimated: est})
		}
	}
	return out
}

// deepen is, at the top of the ladder with no gap left toward it, where to deepen: the
// skills the current role expects, each as a gap toward the top of the scale, in rule 5
// order, at most three. While there are gaps toward the role, they are where to deepen.
func (res *Result) deepen() []Gap {
	out := res.Deepen[:0]
	if !res.AtTop || res.Current == nil || len(res.Gaps) > 0 {
		return out
	}
	top := float64(res.Rubric.Scale.Max)
	for i := range res.Skills {
		sk := &res.Skills[i]
		if _, ok := res.Current.ExpectAt(i); ok && sk.Score != nil {
			if g := res.gapOf(sk, i, top); g.Gap > 0 {
				out = append(out, g)
			}
		}
	}
	sortGaps(out)
	return out[:min(len(out), 3)]
}
