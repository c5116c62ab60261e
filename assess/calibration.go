package assess

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// A calibration session across managers: a team review where people have several
// assessors. Each rating is kept as a row of skill scores; at the end they are grouped by
// person, and every manager's scores are held against the other raters of the same
// people. Peers count as other raters but are never listed one by one, and only where
// enough of them rated a person's skill (docs/formats.md, "Anonymity"): on a person ×
// skill that fewer than MinPeers peers rated, their scores are dropped before anything
// is worked out, so that no spread, offset, mean or listing depends on them.

// OutlierSpread is how far apart a person's raters must be on a skill to be discussed.
const OutlierSpread = 1.5

// Rating is one assessment of a team calibration: who rated whom, each skill's score
// (NaN when unassessed) and the readiness toward the person's target.
type Rating struct {
	Person, Rater string
	// RaterSheet is the sheet of a rating without a rater, from a sheet without a rater
	// column (Answers.RaterSheet).
	RaterSheet string
	Assessor   Assessor
	Scores     []float64
	Readiness  *float64
}

// RatingOf keeps what a calibration needs of a scored assessment.
func RatingOf(st *Standing) Rating {
	a := st.Answers
	// The names are copied: read from a sheet, they are slices of the row's whole line,
	// which a rating kept for the whole review would keep with them.
	rt := Rating{Person: strings.Clone(a.Person), Assessor: a.Assessor, Rater: strings.Clone(a.Rater), Scores: make([]float64, len(st.Skills))}
	switch {
	case a.Assessor == Peer:
		rt.Rater = "" // peers are never named nor told apart: their names are not kept
	case a.Rater == "":
		rt.RaterSheet = a.RaterSheet
	}
	for i, sk := range st.Skills {
		rt.Scores[i] = math.NaN()
		if sk.Score != nil {
			rt.Scores[i] = *sk.Score
		}
	}
	if st.Target != nil && st.Target.Readiness != nil {
		r := *st.Target.Readiness
		rt.Readiness = &r
	}
	return rt
}

// TeamCalibration is a calibration across a team: self against manager per person, each
// manager against the other raters of the people they rated, and what to discuss.
type TeamCalibration struct {
	// MinPeers is the fewest peers whose ratings of a person's skill count, as a group.
	MinPeers int
	People   []PersonCalibration
	Raters   []RaterCalibration

	// The outliers, in the order they are discussed (Outlier): the people's skills whose
	// raters stand apart are kept as compact records, and their scores read again from
	// the ratings when one is asked for, so that a team's hundred thousand outliers do not
	// each hold a copy of their scores and names; the managers' outliers follow them.
	apart    []apartSkill
	managers []Outlier
	ratings  []Rating
	people   []*ratedPerson
	skills   []string
}

// apartSkill is an outlier of kind RatersApart: a person (their position in people), a
// skill (its position in skills) and how far apart their raters are on it.
type apartSkill struct {
	person, skill int32
	spread        float64
}

// NumOutliers is the number of things to discuss.
func (c *TeamCalibration) NumOutliers() int { return len(c.apart) + len(c.managers) }

// Outlier is the i-th thing to discuss: the widest disagreements first, the managers'
// outliers after them.
func (c *TeamCalibration) Outlier(i int) Outlier {
	if i >= len(c.apart) {
		return c.managers[i-len(c.apart)]
	}
	a := c.apart[i]
	var s outlierScratch
	o, _ := c.people[a.person].apartOn(c.ratings, int(a.skill), &s)
	o.Skill = c.skills[a.skill]
	o.Scores = slices.Clone(o.Scores)
	return o
}

// PersonCalibration is one person's self-rating against their managers': the means over
// the skills both rated. Nil when the person has no self-assessment or no manager's.
type PersonCalibration struct {
	Person                string
	Raters                int
	SelfMean, ManagerMean *float64
	Difference            *float64
	Skills                int
}

// RaterCalibration is one manager across the people they rated: Offset is the mean of
// their scores minus the other raters' mean for the same person and skill (a lenient
// manager is positive), nil when no one else rated those people.
type RaterCalibration struct {
	// Rater is the manager's name. Without one, the rows of a sheet without a rater
	// column are one manager's, its author's: Sheet names it; else a manager's file is a
	// rater of its own: Of names the person they rated.
	Rater, Of, Sheet string
	Assessor         Assessor
	People           int
	Offset           *float64
	// Readiness of the people they rated, by their ratings.
	ReadinessMin, ReadinessMedian, ReadinessMax *float64
}

// OutlierKind says why an outlier is to be discussed.
type OutlierKind int

const (
	// RatersApart is a person whose raters differ by OutlierSpread or more on a skill.
	RatersApart OutlierKind = iota + 1
	// LenientManager and StricterManager are a manager whose offset is beyond one
	// standard deviation of the managers', above their mean or below it.
	LenientManager
	StricterManager
)

// Outlier is a thing to discuss, with the numbers that make it one; the reports word it.
type Outlier struct {
	Kind OutlierKind
	// Person and Skill are whose raters stand apart, on what (RatersApart); Spread is how
	// far apart, Scores are what self and each manager gave (self first, then the
	// managers as they were read) and Peers the peers as a group: N is 0, or MinPeers or
	// more.
	Person, Skill string
	Spread        float64
	Scores        []RaterScore
	Peers         PeerGroup
	// Rater, Of and Sheet name the manager of LenientManager and StricterManager as in
	// TeamCalibration.Raters; Offset is theirs, Mean and SD the mean and standard
	// deviation of the managers' offsets.
	Rater, Of, Sheet string
	Offset, Mean, SD float64
}

// RaterScore is one rater's score of a skill: self, or a manager by name (none when their
// file gives none).
type RaterScore struct {
	Assessor Assessor
	Rater    string
	Score    float64
}

// Calibrate works the team's calibration out from its ratings, in the order people were
// first read; skills are the rubric's in order, for the outliers' names. Peers' ratings
// of a person's skill count only where at least minPeers peers rated it
// (DefaultMinPeers when 0).
// The calibration reads the ratings again for each outlier asked for (Outlier): they are
// not to be changed while it is in use.
func Calibrate(ratings []Rating, skills []string, minPeers int) *TeamCalibration {
	return calibrate(ratings, skills, minPeers, false)
}

// CalibrateOwned is Calibrate of ratings the caller gives up: the peers' scores left out
// are made NaN in them, not in a copy (a team's ratings are not held twice).
func CalibrateOwned(ratings []Rating, skills []string, minPeers int) *TeamCalibration {
	return calibrate(ratings, skills, minPeers, true)
}

func calibrate(ratings []Rating, skills []string, minPeers int, owned bool) *TeamCalibration {
	if minPeers <= 0 {
		minPeers = DefaultMinPeers
	}
	c := &TeamCalibration{MinPeers: minPeers, skills: skills}
	var raters raterSums
	c.people = groupPeople(ratings)
	c.ratings = withoutFewPeers(ratings, c.people, minPeers, owned)
	c.People = make([]PersonCalibration, 0, len(c.people))
	var s outlierScratch
	for pi, p := range c.people {
		c.People = append(c.People, p.calibration(c.ratings))
		if len(p.ratings) >= 2 {
			for k := range skills {
				if o, ok := p.apartOn(c.ratings, k, &s); ok {
					c.apart = append(c.apart, apartSkill{person: int32(pi), skill: int32(k), spread: o.Spread})
				}
			}
		}
		for _, i := range p.managers(c.ratings) {
			raters.add(c.ratings, p, i)
		}
	}
	c.Raters = raters.calibrations()
	// The widest disagreements first; the managers' outliers after them.
	slices.SortStableFunc(c.apart, func(a, b apartSkill) int { return cmp.Compare(b.spread, a.spread) })
	c.managers = managerOutliers(c.Raters)
	return c
}

// ratedPerson is one person of a calibration and the positions of their ratings.
type ratedPerson struct {
	name    string
	ratings []int
}

// groupPeople groups the ratings by person (names compared as SamePerson does), in the
// order people were first read.
func groupPeople(ratings []Rating) []*ratedPerson {
	var people []*ratedPerson
	byName := map[string]*ratedPerson{}
	for i, rt := range ratings {
		key := PersonKey(rt.Person)
		p := byName[key]
		if p == nil {
			p = &ratedPerson{name: rt.Person}
			byName[key] = p
			people = append(people, p)
		}
		p.ratings = append(p.ratings, i)
	}
	return people
}

// withoutFewPeers returns the ratings with the peers' scores of each person × skill that
// fewer than minPeers peers rated made NaN, as if left unassessed: the one place the
// anonymity rule is applied, before any number is worked out. The ratings given are
// not changed (unless owned: then they are the ones changed); a peer's scores are copied
// when one of them is dropped.
func withoutFewPeers(ratings []Rating, people []*ratedPerson, minPeers int, owned bool) []Rating {
	var out []Rating // a copy, made when the first score is dropped
	copied := map[int]bool{}
	if owned {
		out = ratings
	}
	for _, p := range people {
		var peers []int
		skills := 0
		for _, i := range p.ratings {
			if ratings[i].Assessor == Peer {
				peers = append(peers, i)
				skills = max(skills, len(ratings[i].Scores))
			}
		}
		for k := range skills {
			n := 0
			for _, i := range peers {
				if k < len(ratings[i].Scores) && !math.IsNaN(ratings[i].Scores[k]) {
					n++
				}
			}
			if n == 0 || n >= minPeers {
				continue
			}
			if out == nil {
				out = slices.Clone(ratings)
			}
			for _, i := range peers {
				if k >= len(out[i].Scores) {
					continue
				}
				if !copied[i] && !owned {
					out[i].Scores, copied[i] = slices.Clone(out[i].Scores), true
				}
				out[i].Scores[k] = math.NaN()
			}
		}
	}
	if out == nil {
		return ratings
	}
	return out
}

// managers are the positions of the person's managers' ratings.
func (p *ratedPerson) managers(ratings []Rating) []int {
	var out []int
	for _, i := range p.ratings {
		if ratings[i].Assessor == Manager {
			out = append(out, i)
		}
	}
	return out
}

// calibration is the person's latest self-rating against their managers' mean, over the
// skills both rated.
func (p *ratedPerson) calibration(ratings []Rating) PersonCalibration {
	pc := PersonCalibration{Person: p.name, Raters: len(p.ratings)}
	self := -1
	for _, i := range p.ratings {
		if ratings[i].Assessor == Self {
			self = i
		}
	}
	managers := p.managers(ratings)
	if self < 0 || len(managers) == 0 {
		return pc
	}
	s := ratings[self]
	var sSum, mSum float64
	n := 0
	for k := range s.Scores {
		m := meanAt(ratings, managers, k)
		if math.IsNaN(s.Scores[k]) || math.IsNaN(m) {
			continue
		}
		sSum += s.Scores[k]
		mSum += m
		n++
	}
	if n > 0 {
		sm, mm := sSum/float64(n), mSum/float64(n)
		d := sm - mm
		pc.SelfMean, pc.ManagerMean, pc.Difference, pc.Skills = &sm, &mm, &d, n
	}
	return pc
}

// outlierScratch is what apartOn reuses from skill to skill.
type outlierScratch struct {
	all, peers []float64
	scores     []RaterScore
}

// apartOn is the outlier of the person's raters on skill k (its Skill left empty) and
// whether they differ by OutlierSpread or more on it, with who stands where: self and
// the managers by name, peers only as a group. Its Scores are s's, reused by the next
// call.
func (p *ratedPerson) apartOn(ratings []Rating, k int, s *outlierScratch) (Outlier, bool) {
	s.all, s.peers, s.scores = s.all[:0], s.peers[:0], s.scores[:0]
	for _, i := range p.ratings {
		rt := &ratings[i]
		x := rt.Scores[k]
		if math.IsNaN(x) {
			continue
		}
		s.all = append(s.all, x)
		switch rt.Assessor {
		case Peer:
			s.peers = append(s.peers, x)
		case Manager:
			s.scores = append(s.scores, RaterScore{Assessor: rt.Assessor, Rater: rt.Rater, Score: x})
		default:
			s.scores = slices.Insert(s.scores, 0, RaterScore{Assessor: rt.Assessor, Score: x})
		}
	}
	if len(s.all) < 2 {
		return Outlier{}, false
	}
	spread := slices.Max(s.all) - slices.Min(s.all)
	if spread < OutlierSpread-eps {
		return Outlier{}, false
	}
	o := Outlier{Kind: RatersApart, Person: p.name, Spread: spread, Scores: s.scores}
	if len(s.peers) > 0 { // as a group, as compare shows them: there are MinPeers or more
		o.Peers = PeerGroup{Min: slices.Min(s.peers), Max: slices.Max(s.peers), Mean: *mean(ptrs(s.peers)), N: len(s.peers)}
	}
	return o, true
}

func ptrs(v []float64) []*float64 {
	out := make([]*float64, len(v))
	for i := range v {
		out[i] = &v[i]
	}
	return out
}

// raterSums add up each manager's ratings across the people they rated, in the order
// the managers were first read.
type raterSums struct {
	list []*raterSum
	idx  map[string]*raterSum
}

type raterSum struct {
	rater, of string
	sheet     string
	assessor  Assessor
	people    map[string]bool
	offsetSum float64
	offsetN   int
	readiness []float64
}

// add counts the rating at i, a manager's of person p, against p's other raters.
func (rs *raterSums) add(ratings []Rating, p *ratedPerson, i int) {
	rt := ratings[i]
	key := PersonKey(rt.Rater) + "\x00" + string(rt.Assessor)
	switch {
	case rt.Rater == "" && rt.RaterSheet != "": // the author of a sheet without raters
		key = "\x00sheet\x00" + rt.RaterSheet + "\x00" + string(rt.Assessor)
	case rt.Rater == "": // a manager's file without a name is a rater of its own
		key = fmt.Sprintf("\x00#%d", i)
	}
	if rs.idx == nil {
		rs.idx = map[string]*raterSum{}
	}
	sum := rs.idx[key]
	if sum == nil {
		sum = &raterSum{rater: rt.Rater, sheet: rt.RaterSheet, assessor: rt.Assessor, people: map[string]bool{}}
		if rt.Rater == "" && rt.RaterSheet == "" {
			sum.of = p.name
		}
		rs.idx[key] = sum
		rs.list = append(rs.list, sum)
	}
	sum.people[PersonKey(p.name)] = true
	if rt.Readiness != nil {
		sum.readiness = append(sum.readiness, *rt.Readiness)
	}
	var others []int
	for _, j := range p.ratings {
		if j != i {
			others = append(others, j)
		}
	}
	for k, x := range rt.Scores {
		o := meanAt(ratings, others, k)
		if math.IsNaN(x) || math.IsNaN(o) {
			continue
		}
		sum.offsetSum += x - o
		sum.offsetN++
	}
}

// calibrations are the managers' offsets and the readiness of the people they rated.
func (rs *raterSums) calibrations() []RaterCalibration {
	var out []RaterCalibration
	for _, sum := range rs.list {
		rc := RaterCalibration{Rater: sum.rater, Of: sum.of, Sheet: sum.sheet, Assessor: sum.assessor, People: len(sum.people)}
		if sum.offsetN > 0 {
			o := sum.offsetSum / float64(sum.offsetN)
			rc.Offset = &o
		}
		if n := len(sum.readiness); n > 0 {
			sort.Float64s(sum.readiness)
			lo, hi := sum.readiness[0], sum.readiness[n-1]
			med := sum.readiness[n/2]
			if n%2 == 0 {
				med = (sum.readiness[n/2-1] + sum.readiness[n/2]) / 2
			}
			rc.ReadinessMin, rc.ReadinessMedian, rc.ReadinessMax = &lo, &med, &hi
		}
		out = append(out, rc)
	}
	return out
}

// managerOutliers are the managers whose offset is beyond one standard deviation of the
// managers' offsets.
func managerOutliers(raters []RaterCalibration) []Outlier {
	var offsets []float64
	for _, rc := range raters {
		if rc.Offset != nil {
			offsets = append(offsets, *rc.Offset)
		}
	}
	if len(offsets) < 2 {
		return nil
	}
	m, sd := meanSD(offsets)
	var out []Outlier
	for _, rc := range raters {
		if rc.Offset == nil || sd < eps || math.Abs(*rc.Offset-m) <= sd+eps {
			continue
		}
		kind := LenientManager
		if *rc.Offset < m {
			kind = StricterManager
		}
		out = append(out, Outlier{Kind: kind, Rater: rc.Rater, Of: rc.Of, Sheet: rc.Sheet, Offset: *rc.Offset, Mean: m, SD: sd})
	}
	return out
}

// meanAt is the mean score of skill k over the ratings at idx that assessed it; NaN when
// none did.
func meanAt(ratings []Rating, idx []int, k int) float64 {
	sum, n := 0.0, 0
	for _, i := range idx {
		if x := ratings[i].Scores[k]; !math.IsNaN(x) {
			sum += x
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// meanSD is the mean and the population standard deviation.
func meanSD(v []float64) (float64, float64) {
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	m := sum / float64(len(v))
	ss := 0.0
	for _, x := range v {
		ss += (x - m) * (x - m)
	}
	return m, math.Sqrt(ss / float64(len(v)))
}
