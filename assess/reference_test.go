package assess

import (
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/rubric"
)

// This file checks Score against a second, deliberately plain reading of docs/scoring.md on
// random rubrics and answers: different code, written from the text, so that a slip in
// one is caught by the other. The reference works in exact rational arithmetic, which is
// what the rules mean: two gaps of exactly 1/3 are a tie for the weight to break, whatever
// binary floating point makes of 4 − 11/3 and 1 − 2/3.

type refOut struct {
	readiness  map[string]*float64
	holds      map[string]bool
	estimated  string
	current    string
	target     string
	gaps       []string
	certs      []string
	next       []string
	cats       []string
	coverage   string
	unassessed []string
	alsoHolds  []string
	checks     []string
}

func refScore(r *rubric.Rubric, a *Answers, o ScoreOptions) refOut {
	out := refOut{readiness: map[string]*float64{}, holds: map[string]bool{}}
	track := a.Track
	if o.Track != "" {
		track = o.Track
	}
	onTrack := func(ro *rubric.Role) bool {
		if track == "" || len(ro.Tracks) == 0 {
			return true
		}
		for _, t := range ro.Tracks {
			if t == track {
				return true
			}
		}
		return false
	}
	// 1. scores, exactly
	rat := func(f float64) *big.Rat { return new(big.Rat).SetFloat64(f) }
	exact := map[string]*big.Rat{}
	score := map[string]float64{}
	for _, s := range r.Skills() {
		total, n := int64(0), int64(0)
		for _, q := range s.Questions {
			if v, ok := a.Get(q.ID); ok && !v.NA {
				total += int64(v.Score)
				n++
			}
		}
		if n > 0 {
			exact[s.ID] = big.NewRat(total, n)
			score[s.ID], _ = exact[s.ID].Float64()
		}
	}
	meets := func(id string, e float64) bool { return exact[id].Cmp(rat(e)) >= 0 }
	gapRat := func(id string, e float64) *big.Rat { return new(big.Rat).Sub(rat(e), exact[id]) }
	weight := func(id string) float64 { return r.Skill(id).Weight }
	// R(r): assessed skills r expects, in rubric order
	R := func(ro *rubric.Role) []string {
		var ids []string
		for _, s := range r.Skills() {
			if _, ok := ro.Expects[s.ID]; ok {
				if _, ok := score[s.ID]; ok {
					ids = append(ids, s.ID)
				}
			}
		}
		return ids
	}
	// 2. readiness, coverage and holds, over E(r): every skill r expects. A skill is met
	// when its expectation is the scale's minimum, or it is assessed and reaches it.
	E := func(ro *rubric.Role) []string {
		var ids []string
		for _, s := range r.Skills() {
			if _, ok := ro.Expects[s.ID]; ok {
				ids = append(ids, s.ID)
			}
		}
		return ids
	}
	met := func(id string, e float64) bool {
		if e <= float64(r.Scale.Min) {
			return true
		}
		_, assessed := exact[id]
		return assessed && meets(id, e)
	}
	share := func(ro *rubric.Role, count func(id string) bool) *big.Rat {
		ids := E(ro)
		if len(ids) == 0 {
			return nil
		}
		part, all := new(big.Rat), new(big.Rat)
		for _, id := range ids {
			all.Add(all, rat(weight(id)))
			if count(id) {
				part.Add(part, rat(weight(id)))
			}
		}
		return new(big.Rat).Quo(new(big.Rat).Mul(part, big.NewRat(100, 1)), all)
	}
	readinessRat := func(ro *rubric.Role) *big.Rat {
		return share(ro, func(id string) bool { return met(id, ro.Expects[id]) })
	}
	coverageRat := func(ro *rubric.Role) *big.Rat {
		return share(ro, func(id string) bool { _, ok := exact[id]; return ok })
	}
	readiness := func(ro *rubric.Role) *float64 {
		q := readinessRat(ro)
		if q == nil {
			return nil
		}
		v, _ := q.Float64()
		return &v
	}
	holds := func(ro *rubric.Role) bool {
		rd := readinessRat(ro)
		if rd == nil || rd.Cmp(rat(r.Scoring.Pass)) < 0 {
			return false
		}
		for _, id := range E(ro) {
			if r.Skill(id).Core && !met(id, ro.Expects[id]) {
				return false
			}
		}
		return true
	}
	ratString := func(q *big.Rat) string {
		if q == nil {
			return "null"
		}
		f, _ := q.Float64()
		return fmt.Sprintf("%.6f", f)
	}
	for i := range r.Roles {
		out.readiness[r.Roles[i].ID] = readiness(&r.Roles[i])
		out.holds[r.Roles[i].ID] = holds(&r.Roles[i])
	}
	// 3. estimated
	var est *rubric.Role
	for i := range r.Roles {
		ro := &r.Roles[i]
		if ro.Level == 0 || !onTrack(ro) || !holds(ro) {
			continue
		}
		if est == nil || ro.Level > est.Level || (ro.Level == est.Level && readinessRat(ro).Cmp(readinessRat(est)) > 0) {
			est = ro
		}
	}
	if est != nil {
		out.estimated = est.ID
	}
	// 4. current, target
	cur := o.Current
	if cur == "" {
		cur = a.CurrentRole
	}
	if cur == "" {
		cur = out.estimated
	}
	out.current = cur
	lowest := func() []*rubric.Role {
		min := math.MaxInt
		for i := range r.Roles {
			if r.Roles[i].Level > 0 && onTrack(&r.Roles[i]) && r.Roles[i].Level < min {
				min = r.Roles[i].Level
			}
		}
		var rs []*rubric.Role
		for i := range r.Roles {
			if r.Roles[i].Level == min && onTrack(&r.Roles[i]) {
				rs = append(rs, &r.Roles[i])
			}
		}
		return rs
	}
	tgt := o.Target
	if tgt == "" {
		tgt = a.TargetRole
	}
	if tgt == "" && cur != "" {
		for _, n := range r.Role(cur).Next { // 11. a ladder role, never a lateral one
			if r.Role(n).Level > 0 && onTrack(r.Role(n)) {
				tgt = n
				break
			}
		}
		if tgt == "" {
			tgt = cur
		}
	}
	if tgt == "" && cur == "" {
		if l := lowest(); len(l) > 0 {
			tgt = l[0].ID
		}
	}
	out.target = tgt
	// 12. the other roles held: ladder roles by level (desc), then lateral; the most ready
	// first, then rubric order.
	type heldRole struct {
		ro *rubric.Role
		i  int
	}
	var hs []heldRole
	for i := range r.Roles {
		ro := &r.Roles[i]
		if holds(ro) && onTrack(ro) && ro.ID != cur && ro.ID != out.estimated {
			hs = append(hs, heldRole{ro, i})
		}
	}
	sort.SliceStable(hs, func(i, j int) bool {
		x, y := hs[i].ro, hs[j].ro
		if (x.Level == 0) != (y.Level == 0) {
			return x.Level > 0
		}
		if x.Level != y.Level {
			return x.Level > y.Level
		}
		if c := readinessRat(x).Cmp(readinessRat(y)); c != 0 {
			return c > 0
		}
		return hs[i].i < hs[j].i
	})
	for _, h := range hs {
		out.alsoHolds = append(out.alsoHolds, h.ro.ID)
	}
	// 13. checks: one value for 90% of at least 10 scores; a declared ladder role two
	// levels or more from the estimated one.
	counts, scored := map[int]int{}, 0
	for _, q := range r.Questions() {
		if v, ok := a.Get(q.ID); ok && !v.NA {
			counts[v.Score]++
			scored++
		}
	}
	for _, n := range counts {
		if scored >= 10 && n*10 >= scored*9 {
			out.checks = append(out.checks, "same-answer")
			break
		}
	}
	declared := o.Current
	if declared == "" {
		declared = a.CurrentRole
	}
	if declared != "" && r.Role(declared).Level > 0 {
		l := r.Role(declared).Level
		e := math.MaxInt // none held: one below the lowest ladder level of the rubric
		for _, ro := range r.Roles {
			if ro.Level > 0 {
				e = min(e, ro.Level-1)
			}
		}
		if est != nil {
			e = est.Level
		}
		if e <= l-2 || e >= l+2 {
			out.checks = append(out.checks, "far-from-declared")
		}
	}
	// 5. gaps toward a role
	type gap struct {
		id       string
		g        float64
		exact    *big.Rat
		priority string
	}
	rank := map[string]int{"high": 0, "medium": 1, "low": 2}
	order := map[string]int{}
	for i, s := range r.Skills() {
		order[s.ID] = i
	}
	gapsToward := func(ro *rubric.Role) []gap {
		var gs []gap
		for _, id := range R(ro) {
			q := gapRat(id, ro.Expects[id])
			if q.Sign() <= 0 {
				continue
			}
			p := "low"
			if r.Skill(id).Core || q.Cmp(big.NewRat(2, 1)) >= 0 {
				p = "high"
			} else if q.Cmp(big.NewRat(1, 1)) >= 0 {
				p = "medium"
			}
			g, _ := q.Float64()
			gs = append(gs, gap{id, g, q, p})
		}
		sort.SliceStable(gs, func(i, j int) bool {
			x, y := gs[i], gs[j]
			if rank[x.priority] != rank[y.priority] {
				return rank[x.priority] < rank[y.priority]
			}
			if c := x.exact.Cmp(y.exact); c != 0 {
				return c > 0
			}
			if weight(x.id) != weight(y.id) {
				return weight(x.id) > weight(y.id)
			}
			return order[x.id] < order[y.id]
		})
		return gs
	}
	// 10. the step of a gap: the next whole score above the score, at most the
	// expectation rounded up.
	step := func(id string, e float64) int64 {
		x := exact[id]
		fl := new(big.Int).Quo(x.Num(), x.Denom()) // floor: scores are not negative
		st := fl.Int64() + 1
		if c := int64(math.Ceil(e)); st > c {
			st = c
		}
		return st
	}
	fmtGaps := func(gs []gap, ro *rubric.Role) []string {
		var s []string
		for _, g := range gs {
			s = append(s, fmt.Sprintf("%s:%.6f:%s:step %d", g.id, g.g, g.priority, step(g.id, ro.Expects[g.id])))
		}
		return s
	}
	if tgt == "" {
		return out
	}
	t := r.Role(tgt)
	tg := gapsToward(t)
	out.gaps = fmtGaps(tg, t)
	out.coverage = ratString(coverageRat(t))
	for _, id := range E(t) {
		if _, ok := exact[id]; !ok && t.Expects[id] > float64(r.Scale.Min) {
			out.unassessed = append(out.unassessed, id)
		}
	}
	// 6. certifications
	gapOf := map[string]*big.Rat{}
	for _, g := range tg {
		gapOf[g.id] = g.exact
	}
	type cv struct {
		id string
		v  *big.Rat
		i  int
	}
	var cs []cv
	held := func(id string) bool {
		for _, h := range a.Certifications {
			if h == id {
				return true
			}
		}
		return false
	}
	for i, c := range r.Certifications {
		ok := len(c.Roles) == 0
		for _, ro := range c.Roles {
			ok = ok || ro == tgt
		}
		ok = ok && !held(c.ID)
		for _, h := range a.Certifications { // 14. nor one of its family
			for _, other := range r.Certifications {
				ok = ok && !(other.ID == h && c.Family != "" && other.Family == c.Family)
			}
		}
		for _, req := range c.Requires {
			ok = ok && held(req)
		}
		v := new(big.Rat)
		for _, s := range c.Skills {
			if g := gapOf[s]; g != nil {
				v.Add(v, new(big.Rat).Mul(rat(weight(s)), g))
			}
		}
		// 14. only with a gap in a primary skill (none listed: every skill is primary)
		primary := c.Primary
		if len(primary) == 0 {
			primary = c.Skills
		}
		gapInPrimary := false
		for _, s := range primary {
			gapInPrimary = gapInPrimary || gapOf[s] != nil
		}
		if ok && v.Sign() > 0 && gapInPrimary {
			cs = append(cs, cv{c.ID, v, i})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].v.Cmp(cs[j].v) > 0 })
	// 14. one of a family: the most valuable
	families := map[string]bool{}
	var one []cv
	for _, c := range cs {
		f := r.Certifications[c.i].Family
		if f != "" && families[f] {
			continue
		}
		families[f] = true
		one = append(one, c)
	}
	cs = one
	for i, c := range cs {
		if i < o.Certs {
			f, _ := c.v.Float64()
			out.certs = append(out.certs, fmt.Sprintf("%s:%.6f", c.id, f))
		}
	}
	// 7. next roles
	var cands []*rubric.Role
	if cur != "" {
		for _, n := range r.Role(cur).Next {
			cands = append(cands, r.Role(n))
		}
	} else {
		cands = lowest()
	}
	type nr struct {
		id      string
		lateral bool
		rd      *big.Rat
		i       int
		desc    string
	}
	var ns []nr
	for _, ro := range cands {
		if !onTrack(ro) {
			continue
		}
		idx := 0
		for i := range r.Roles {
			if r.Roles[i].ID == ro.ID {
				idx = i
			}
		}
		gs := gapsToward(ro)
		if len(gs) > 3 {
			gs = gs[:3]
		}
		nMet := 0
		for _, id := range E(ro) {
			if met(id, ro.Expects[id]) {
				nMet++
			}
		}
		lateral := ro.Level == 0
		ns = append(ns, nr{ro.ID, lateral, readinessRat(ro), idx, fmt.Sprintf("%s lateral %v %d/%d coverage %s %v",
			ro.ID, lateral, nMet, len(E(ro)), ratString(coverageRat(ro)), fmtGaps(gs, ro))})
	}
	sort.SliceStable(ns, func(i, j int) bool {
		if ns[i].lateral != ns[j].lateral { // ladder steps first
			return !ns[i].lateral
		}
		x, y := ns[i].rd, ns[j].rd
		if x == nil || y == nil {
			if (x == nil) != (y == nil) {
				return y == nil
			}
			return ns[i].i < ns[j].i
		}
		if c := x.Cmp(y); c != 0 {
			return c > 0
		}
		return ns[i].i < ns[j].i
	})
	for _, n := range ns {
		out.next = append(out.next, n.desc)
	}
	// 8. categories
	for _, c := range r.Categories {
		var sw, ew, w float64
		for _, s := range c.Skills {
			if _, ok := score[s.ID]; !ok {
				continue
			}
			if e, ok := t.Expects[s.ID]; ok {
				sw += s.Weight * score[s.ID]
				ew += s.Weight * e
				w += s.Weight
			}
		}
		if w > 0 {
			out.cats = append(out.cats, fmt.Sprintf("%s %.6f %.6f %.6f", c.ID, sw/w, ew/w, math.Max(0, ew/w-sw/w)))
			continue
		}
		for _, s := range c.Skills {
			if v, ok := score[s.ID]; ok {
				sw += s.Weight * v
				w += s.Weight
			}
		}
		if w > 0 {
			out.cats = append(out.cats, fmt.Sprintf("%s %.6f null null", c.ID, sw/w))
		} else {
			out.cats = append(out.cats, c.ID+" null null null")
		}
	}
	return out
}

// fromResult renders Score's result in refOut's terms.
func fromResult(res *Result) refOut {
	out := refOut{readiness: map[string]*float64{}, holds: map[string]bool{}}
	for _, f := range res.Roles {
		out.readiness[f.Role.ID] = f.Readiness
		out.holds[f.Role.ID] = f.Holds
	}
	if res.Estimated != nil {
		out.estimated = res.Estimated.Role.ID
	}
	if res.Current != nil {
		out.current = res.Current.ID
	}
	for _, ro := range res.AlsoHolds {
		out.alsoHolds = append(out.alsoHolds, ro.ID)
	}
	for _, c := range res.Checks {
		out.checks = append(out.checks, c.Code)
	}
	if res.Target == nil {
		return out
	}
	out.target = res.Target.Role.ID
	out.gaps = fmtGaps(res.Gaps)
	out.coverage = fmtReadiness(res.Target.Coverage)
	for _, sk := range res.Unassessed {
		out.unassessed = append(out.unassessed, sk.ID)
	}
	for _, c := range res.Certifications {
		out.certs = append(out.certs, fmt.Sprintf("%s:%.6f", c.Cert.ID, c.Value))
	}
	for _, n := range res.NextRoles {
		out.next = append(out.next, fmt.Sprintf("%s lateral %v %d/%d coverage %s %v", n.Role.ID, n.Lateral, n.Met, n.Total,
			fmtReadiness(n.Coverage), fmtGaps(n.Gaps)))
	}
	for _, c := range res.Categories {
		f := func(p *float64) string {
			if p == nil {
				return "null"
			}
			return fmt.Sprintf("%.6f", *p)
		}
		out.cats = append(out.cats, fmt.Sprintf("%s %s %s %s", c.Category.ID, f(c.Score), f(c.Expected), f(c.Gap)))
	}
	return out
}

// fmtGaps writes gaps as the reference does.
func fmtGaps(gs []Gap) []string {
	var s []string
	for _, g := range gs {
		s = append(s, fmt.Sprintf("%s:%.6f:%s:step %d", g.Skill.ID, g.Gap, g.Priority, g.Step()))
	}
	return s
}

// standingPart is what a Standing shows of a reference result: the roles, the target's
// readiness and the gaps toward it.
func standingPart(o refOut) string {
	return fmt.Sprintf("estimated %s, current %s, target %s at %s, gaps %v", o.estimated, o.current, o.target,
		fmtReadiness(o.readiness[o.target]), o.gaps)
}

func fmtReadiness(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%.6f", *p)
}

// fromStanding reads a Standing as standingPart reads the reference: its gaps are the
// skills with a gap, put in rule 5 order.
func fromStanding(st *Standing) string {
	out := refOut{readiness: map[string]*float64{}}
	if st.Estimated != nil {
		out.estimated = st.Estimated.Role.ID
	}
	if st.Current != nil {
		out.current = st.Current.ID
	}
	if st.Target != nil {
		out.target = st.Target.Role.ID
		out.readiness[out.target] = st.Target.Readiness
		var gaps []Gap
		for i := range st.Skills {
			if sk := &st.Skills[i]; sk.Gap != nil && *sk.Gap > 0 {
				gaps = append(gaps, st.gapOf(sk, i, *sk.ExpectedTarget))
			}
		}
		sortGaps(gaps)
		out.gaps = fmtGaps(gaps)
	}
	return standingPart(out)
}

// randomCase writes a random rubric and answers; the answers are given against the rubric
// once it is parsed.
func randomCase(rng *rand.Rand) (string, *Answers, ScoreOptions) {
	var b strings.Builder
	weights := []string{"0.5", "1", "1", "1.5", "2", "3"}
	passes := []string{"50", "60", "75", "80", "100"}
	fmt.Fprintf(&b, "format: pmladder-rubric/v1\nname: R\nscale: {min: 0, max: 4}\nscoring: {pass: %s}\n", passes[rng.Intn(len(passes))])
	nTracks := rng.Intn(3)
	if nTracks > 0 {
		b.WriteString("tracks:\n")
		for t := 0; t < nTracks; t++ {
			fmt.Fprintf(&b, "  - {id: t%d, name: T%d}\n", t, t)
		}
	}
	b.WriteString("categories:\n")
	var skills []string
	var questions []string
	for c := 0; c < 1+rng.Intn(3); c++ {
		fmt.Fprintf(&b, "  - id: c%d\n    name: C%d\n    skills:\n", c, c)
		for s := 0; s < 1+rng.Intn(4); s++ {
			id := fmt.Sprintf("s%d_%d", c, s)
			skills = append(skills, id)
			nq := 1 + rng.Intn(3)
			fmt.Fprintf(&b, "      - {id: %s, name: %s, weight: %s, core: %v, questions: [%s]}\n", id, id,
				weights[rng.Intn(len(weights))], rng.Intn(4) == 0, strings.TrimSuffix(strings.Repeat("q, ", nq), ", "))
			for q := 1; q <= nq; q++ {
				questions = append(questions, fmt.Sprintf("%s.%d", id, q))
			}
		}
	}
	nRoles := 2 + rng.Intn(6)
	b.WriteString("roles:\n")
	for ro := 0; ro < nRoles; ro++ {
		fmt.Fprintf(&b, "  - id: r%d\n    name: R%d\n", ro, ro)
		if rng.Intn(4) != 0 {
			fmt.Fprintf(&b, "    level: %d\n", 1+rng.Intn(3))
		}
		if nTracks > 0 && rng.Intn(2) == 0 {
			fmt.Fprintf(&b, "    tracks: [t%d]\n", rng.Intn(nTracks))
		}
		b.WriteString("    expects: {")
		n := 0
		for _, s := range skills {
			if rng.Intn(3) != 0 || (n == 0 && s == skills[len(skills)-1]) {
				if n > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%s: %g", s, float64(rng.Intn(9))/2)
				n++
			}
		}
		b.WriteString("}\n")
		var next []string
		for other := 0; other < nRoles; other++ {
			if other != ro && rng.Intn(3) == 0 {
				next = append(next, fmt.Sprintf("r%d", other))
			}
		}
		fmt.Fprintf(&b, "    next: [%s]\n", strings.Join(next, ", "))
	}
	b.WriteString("certifications:\n")
	nCerts := rng.Intn(5)
	for c := 0; c < nCerts; c++ {
		certSkills := skills[rng.Intn(len(skills))]
		if s2 := skills[rng.Intn(len(skills))]; s2 != certSkills {
			certSkills += ", " + s2
		}
		extra := ""
		if rng.Intn(2) == 0 {
			extra = fmt.Sprintf(", roles: [r%d]", rng.Intn(nRoles))
		}
		if c > 0 && rng.Intn(3) == 0 {
			extra += fmt.Sprintf(", requires: [k%d]", rng.Intn(c))
		}
		if rng.Intn(2) == 0 { // the first of its skills is its primary one
			extra += ", primary: [" + strings.SplitN(certSkills, ",", 2)[0] + "]"
		}
		if rng.Intn(2) == 0 {
			extra += fmt.Sprintf(", family: f%d", rng.Intn(2))
		}
		fmt.Fprintf(&b, "  - {id: k%d, name: K%d, issuer: I, skills: [%s]%s}\n", c, c, certSkills, extra)
	}

	a := &Answers{Assessor: "self", Complete: true}
	a.vals = make([]Answer, len(questions))
	a.given = make([]bool, len(questions))
	for i := range questions {
		switch v := rng.Intn(7); {
		case v == 5:
			a.vals[i], a.given[i] = Answer{NA: true}, true
		case v == 6:
		default:
			a.vals[i], a.given[i] = Answer{Score: rng.Intn(5)}, true
		}
	}
	for c := 0; c < nCerts; c++ {
		if rng.Intn(3) == 0 {
			a.Certifications = append(a.Certifications, fmt.Sprintf("k%d", c))
		}
	}
	opts := ScoreOptions{Certs: rng.Intn(4)}
	if nTracks > 0 && rng.Intn(2) == 0 {
		a.Track = fmt.Sprintf("t%d", rng.Intn(nTracks))
	}
	if rng.Intn(3) == 0 {
		a.CurrentRole = fmt.Sprintf("r%d", rng.Intn(nRoles))
	}
	if rng.Intn(4) == 0 {
		opts.Target = fmt.Sprintf("r%d", rng.Intn(nRoles))
	}
	return b.String(), a, opts
}

func TestScoreAgreesWithAPlainReading(t *testing.T) {
	rng := rand.New(rand.NewSource(20261122))
	for i := 0; i < 3000; i++ {
		src, a, opts := randomCase(rng)
		r, err := rubric.Parse("random.yaml", []byte(src))
		if err != nil {
			t.Fatalf("case %d: generated an invalid rubric: %v\n%s", i, err, src)
		}
		a.r = r // the questions were written in rubric order, as the answers hold them
		want := refScore(r, a, opts)
		got := fromResult(Score(r, a, opts))
		// The standing, scored on its own, agrees with the reference as far as it goes.
		if st := fromStanding(ScoreStanding(r, a, opts)); st != standingPart(want) {
			t.Fatalf("case %d: standing:\n got %v\nwant %v\n%s", i, st, standingPart(want), src)
		}
		for id, w := range want.readiness {
			g := got.readiness[id]
			if (g == nil) != (w == nil) || (g != nil && math.Abs(*g-*w) > 1e-9) {
				t.Fatalf("case %d: readiness of %s: got %v want %v\n%s", i, id, g, w, src)
			}
		}
		checks := []struct {
			what      string
			got, want any
		}{
			{"holds", got.holds, want.holds}, {"estimated", got.estimated, want.estimated},
			{"current", got.current, want.current}, {"target", got.target, want.target},
			{"gaps", got.gaps, want.gaps}, {"certifications", got.certs, want.certs},
			{"next roles", got.next, want.next}, {"categories", got.cats, want.cats},
			{"coverage", got.coverage, want.coverage}, {"unassessed", got.unassessed, want.unassessed},
			{"also holds", got.alsoHolds, want.alsoHolds}, {"checks", got.checks, want.checks},
		}
		for _, c := range checks {
			if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
				t.Fatalf("case %d: %s:\n got %v\nwant %v\nanswers %v opts %+v track %q current %q\n%s",
					i, c.what, c.got, c.want, a, opts, a.Track, a.CurrentRole, src)
			}
		}
	}
}
