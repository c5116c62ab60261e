package assess

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/pmladder/pmladder/rubric"
)

// Kinds of comparison.
const (
	// Growth is one person assessed by the same assessor at different dates.
	Growth = "growth"
	// Calibration is one person assessed by several: self, a manager, peers.
	Calibration = "calibration"
)

// DefaultMinPeers is how many peers must have rated a person's skill before their
// ratings count, as a group: fewer, and their ratings of it are left out of every number,
// so that no single peer's rating can be read or worked out (docs/formats.md,
// "Anonymity").
const DefaultMinPeers = 3

// Flags on a skill of a calibration.
const (
	// BlindSpot: the self-rating is a point or more above the others' mean.
	BlindSpot = "blind spot"
	// HiddenStrength: the self-rating is a point or more below the others' mean.
	HiddenStrength = "hidden strength"
)

// CompareOptions are how assessments are compared.
type CompareOptions struct {
	Score ScoreOptions
	// All lists every skill in a calibration, not only those where the raters differ
	// by a point or more.
	All bool
	// MinPeers is the fewest peers whose ratings of a skill count, as a group
	// (DefaultMinPeers when 0).
	MinPeers int
}

// Comparison sets assessments of one person side by side: growth (one assessor, in date
// order) or a calibration (several assessors).
type Comparison struct {
	Kind string
	// Results are the assessments scored toward one target and track: in date order for
	// growth; for a calibration the latest of each rater, self first, then managers,
	// then peers.
	Results []*Result
	// Old and New are the first and last of a growth. In a calibration both are the lead,
	// whose target and expectations count for all: self's, else the latest manager's;
	// among peers only, their profile scored without its answers, so that no peer's
	// score chooses the target.
	Old, New *Result
	// Skills holds the skills to show, in rubric order: every skill, or in a calibration
	// (unless all were asked for) only those where the raters differ by a point or more.
	Skills []SkillChange
	// Categories compares the category scores of a growth toward the target.
	Categories []Change
	// Readiness is the first and last readiness of a growth; in a calibration, self's
	// (Old) and the managers' mean (New).
	Readiness Change
	// MinPeers is the fewest peers whose ratings of a skill count, as a group.
	MinPeers int
	// PeersLeftOut is true when, on some skill, peers rated it but fewer than MinPeers:
	// their ratings of it were left out.
	PeersLeftOut bool
	// Total is the rubric's number of skills.
	Total int
}

// SkillChange is one skill in the compared assessments.
type SkillChange struct {
	Skill *rubric.Skill
	// Expected is what the target role expects, nil when it does not.
	Expected *float64
	// Change is a growth's old, new and change.
	Change
	// The calibration's view: self, the managers' mean, the peers as a group when at
	// least MinPeers rated the skill, the mean of everyone but self, and the flag. Nil
	// where missing. Where fewer than MinPeers peers rated the skill, their ratings are
	// left out of all of it (docs/formats.md, "Anonymity"): Others is the managers'
	// mean, and nothing here depends on a peer's score.
	Self, Manager *float64
	Peers         *PeerGroup
	Others        *float64
	Flag          string
	// Spread is the largest difference between the views: self, the manager and the
	// peers as a group.
	Spread *float64
	// Picked holds, where the raters differ, the statements self and each manager
	// picked and their evidence (never a peer's).
	Picked []Picked
}

// PeerGroup is the peers' ratings of a skill, shown only as a group.
type PeerGroup struct {
	Mean, Min, Max float64
	N              int
}

// Picked is what one rater said about a skill.
type Picked struct {
	// Assessor is self or manager, and Rater the manager's name (empty when their file
	// gives none). Nth is a manager's place among several (1, 2, …), 0 when there is one.
	Assessor   Assessor
	Rater      string
	Nth        int
	Statements []string
	Evidence   *string
}

// Change is a figure in two assessments and how it moved; nil where it is missing.
type Change struct {
	Old, New, Delta *float64
}

func changeOf(old, new *float64) Change {
	c := Change{Old: old, New: new}
	if old != nil && new != nil {
		d := *new - *old
		c.Delta = &d
	}
	return c
}

// SamePerson reports whether two assessments are of the same person: their names are
// compared without regard to case or spacing.
func SamePerson(a, b *Answers) bool { return PersonKey(a.Person) == PersonKey(b.Person) }

// SameAssessment reports whether two answers are one assessment, however the files are
// named: the same person, rater, date and answers (a copy would count twice, as another
// peer or another point of a trend).
func SameAssessment(a, b *Answers) bool {
	return SamePerson(a, b) && a.Assessor == b.Assessor && PersonKey(a.Rater) == PersonKey(b.Rater) &&
		a.Date.Equal(b.Date) && a.String() == b.String()
}

// raterKey tells raters apart: the assessor and, for a manager or peer, their name. A
// manager's or peer's file without a name is a rater of its own (file i): unnamed
// peers are not one person.
func raterKey(a *Answers, i int) string {
	if a.Assessor != Self && a.Rater == "" {
		return fmt.Sprintf("%s\x00#%d", a.Assessor, i)
	}
	return string(a.Assessor) + "\x00" + PersonKey(a.Rater)
}

// Compare scores the answers toward one target and track and lines up the skills. One
// assessor (and rater) is growth, the answers put in date order; several is a
// calibration of the latest answers of each (CompareRaters). A target and track given in
// opts apply; else the self-assessment's (the newest's, for growth) count for all.
func Compare(r *rubric.Rubric, answers []*Answers, opts CompareOptions) (*Comparison, error) {
	if len(answers) < 2 {
		return nil, fmt.Errorf("a comparison needs at least two assessments, got %d", len(answers))
	}
	sorted := byDate(answers)
	// One assessor and rater throughout is growth; else a calibration of the latest of
	// each rater. Peers who give no name are not known to be one: each is a rater of
	// their own, and their files a calibration under the anonymity rule, never one
	// peer's growth (docs/formats.md, "Anonymity").
	growth := true
	for _, a := range sorted {
		growth = growth && a.Assessor == sorted[0].Assessor && PersonKey(a.Rater) == PersonKey(sorted[0].Rater) &&
			(a.Assessor != Peer || a.Rater != "")
	}
	if !growth {
		return CompareRaters(r, answers, opts)
	}
	c := &Comparison{Kind: Growth, MinPeers: minPeers(opts), Total: len(r.Skills())}
	c.score(r, sorted, sorted[len(sorted)-1], opts)
	c.growth()
	return c, nil
}

// CompareRaters lines up the latest assessment of each rater of one person — self first,
// then managers, then peers (as a group, under the anonymity rule) — toward the lead's
// target: a calibration, of one rater or many (a promotion packet may have only the
// person's own view).
func CompareRaters(r *rubric.Rubric, answers []*Answers, opts CompareOptions) (*Comparison, error) {
	if len(answers) == 0 {
		return nil, fmt.Errorf("no assessment to compare")
	}
	sorted := byDate(answers)
	// The latest of each rater, kept in date order (never a map's order): raters that tie
	// on every key below then keep the order they were given in.
	latest := map[string]int{}
	for i, a := range sorted {
		latest[raterKey(a, i)] = i
	}
	kept := make([]*Answers, 0, len(latest))
	for _, i := range slices.Sorted(maps.Values(latest)) {
		kept = append(kept, sorted[i])
	}
	sorted = kept
	order := map[Assessor]int{Self: 0, Manager: 1, Peer: 2}
	slices.SortStableFunc(sorted, func(a, b *Answers) int {
		return cmp.Or(cmp.Compare(order[a.Assessor], order[b.Assessor]), cmp.Compare(PersonKey(a.Rater), PersonKey(b.Rater)), a.Date.Compare(b.Date))
	})
	c := &Comparison{Kind: Calibration, MinPeers: minPeers(opts), Total: len(r.Skills())}
	lead := sorted[0] // self; else the latest manager; else the first peer, for its profile
	for _, a := range sorted {
		if lead.Assessor == Manager && a.Assessor == Manager && a.Date.After(lead.Date) {
			lead = a
		}
	}
	leadRes := c.score(r, sorted, lead, opts)
	c.calibrate(r, leadRes, opts.All)
	return c, nil
}

// byDate is a copy of answers in date order.
func byDate(answers []*Answers) []*Answers {
	sorted := slices.Clone(answers)
	slices.SortStableFunc(sorted, func(a, b *Answers) int { return a.Date.Compare(b.Date) })
	return sorted
}

func minPeers(opts CompareOptions) int {
	if opts.MinPeers <= 0 {
		return DefaultMinPeers
	}
	return opts.MinPeers
}

// score scores every assessment into c.Results: the lead with the options given, the
// others toward the lead's target and track, so that the target and track of the lead
// (self, the newest of a growth) count for all. It returns the lead's result.
func (c *Comparison) score(r *rubric.Rubric, sorted []*Answers, lead *Answers, opts CompareOptions) *Result {
	leadRes := Score(r, lead, opts.Score)
	if c.Kind == Calibration && lead.Assessor == Peer {
		// Peers only: a target worked out from a peer's scores (when their file declares
		// no role) would tell of them; their profile without the answers chooses it.
		leadRes = Score(r, profileOf(r, lead), opts.Score)
	}
	common := ScoreOptions{Track: leadRes.Track, Certs: opts.Score.Certs}
	if leadRes.Target != nil {
		common.Target = leadRes.Target.Role.ID
	}
	for _, a := range sorted {
		if a == lead && leadRes.Answers == a {
			c.Results = append(c.Results, leadRes)
		} else {
			c.Results = append(c.Results, Score(r, a, common))
		}
	}
	return leadRes
}

// growth lines up the first and last assessment.
func (c *Comparison) growth() {
	c.Old, c.New = c.Results[0], c.Results[len(c.Results)-1]
	for i, sk := range c.New.Skills {
		c.Skills = append(c.Skills, SkillChange{Skill: sk.Skill, Expected: sk.ExpectedTarget,
			Change: changeOf(c.Old.Skills[i].Score, sk.Score)})
	}
	for i, cat := range c.New.Categories {
		c.Categories = append(c.Categories, changeOf(c.Old.Categories[i].Score, cat.Score))
	}
	if c.New.Target != nil {
		c.Readiness = changeOf(c.Old.Target.Readiness, c.New.Target.Readiness)
	}
}

// profileOf is a's profile without its answers.
func profileOf(r *rubric.Rubric, a *Answers) *Answers {
	p := NewAnswers(r)
	p.Person, p.Assessor, p.Date, p.Rater = a.Person, a.Assessor, a.Date, a.Rater
	p.CurrentRole, p.TargetRole, p.Track = a.CurrentRole, a.TargetRole, a.Track
	return p
}

// calibrate works out each skill's view across the raters; lead is the result whose
// target and expectations count for all.
//
// Anonymity (docs/formats.md): on a skill that fewer than MinPeers peers rated, the
// peers' ratings are dropped before anything is worked out, so that no number, flag or
// listing of the skill depends on them; from MinPeers on they count, as a group.
func (c *Comparison) calibrate(r *rubric.Rubric, lead *Result, all bool) {
	var self *Result
	var managers, peers []*Result
	for _, res := range c.Results {
		switch res.Answers.Assessor {
		case Self:
			self = res
		case Manager:
			managers = append(managers, res)
		default:
			peers = append(peers, res)
		}
	}
	c.Old, c.New = lead, lead
	if self != nil && self.Target != nil {
		c.Readiness.Old = self.Target.Readiness
	}
	var mr []*float64
	for _, m := range managers {
		if m.Target != nil {
			mr = append(mr, m.Target.Readiness)
		}
	}
	c.Readiness.New = mean(mr)
	for i, sk := range lead.Skills {
		s := SkillChange{Skill: sk.Skill, Expected: sk.ExpectedTarget}
		var others, ms, ps []*float64
		if self != nil {
			s.Self = self.Skills[i].Score
		}
		for _, m := range managers {
			ms = append(ms, m.Skills[i].Score)
		}
		for _, p := range peers {
			ps = append(ps, p.Skills[i].Score)
		}
		rated := values(ps)
		switch {
		case len(rated) >= c.MinPeers:
			s.Peers = &PeerGroup{Mean: *mean(ps), Min: slices.Min(rated), Max: slices.Max(rated), N: len(rated)}
		case len(rated) > 0:
			// Too few to count without giving a peer's rating away: from here on the
			// skill is worked out as if no peer had rated it.
			c.PeersLeftOut = true
			ps = nil
		}
		others = append(append(others, ms...), ps...)
		s.Manager, s.Others = mean(ms), mean(others)
		// How far apart the views are: self, the manager and the peers as a group (one
		// peer out of many off by a point is not a disagreement).
		views := []*float64{s.Self, s.Manager}
		if s.Peers != nil {
			views = append(views, &s.Peers.Mean)
		}
		if v := values(views); len(v) >= 2 {
			spread := slices.Max(v) - slices.Min(v)
			s.Spread = &spread
		}
		if s.Self != nil && s.Others != nil {
			d := *s.Self - *s.Others
			s.Delta = &d
			switch {
			case d >= 1-eps:
				s.Flag = BlindSpot
			case d <= -1+eps:
				s.Flag = HiddenStrength
			}
		}
		differ := s.Spread != nil && *s.Spread >= 1-eps
		if !all && !differ {
			continue
		}
		if differ {
			if self != nil && s.Self != nil {
				s.Picked = append(s.Picked, pickedBy(self, 0, r, sk.Skill))
			}
			for k, m := range managers {
				nth := 0
				if len(managers) > 1 {
					nth = k + 1
				}
				if m.Skills[i].Score != nil {
					s.Picked = append(s.Picked, pickedBy(m, nth, r, sk.Skill))
				}
			}
		}
		c.Skills = append(c.Skills, s)
	}
}

// pickedBy is what one rater's answers said of a skill: the statement of each answer
// and their evidence.
func pickedBy(res *Result, nth int, r *rubric.Rubric, sk *rubric.Skill) Picked {
	a := res.Answers
	return Picked{Assessor: a.Assessor, Rater: a.Rater, Nth: nth, Evidence: a.EvidenceFor(sk.ID), Statements: a.Said(r, sk)}
}

// values are the numbers present.
func values(ps []*float64) []float64 {
	var out []float64
	for _, p := range ps {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// mean is the mean of the numbers present, nil when there are none.
func mean(ps []*float64) *float64 {
	v := values(ps)
	if len(v) == 0 {
		return nil
	}
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	m := sum / float64(len(v))
	return &m
}

// IsCalibration reports whether the comparison is of several raters.
func (c *Comparison) IsCalibration() bool { return c.Kind == Calibration }
