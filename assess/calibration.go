package assess

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pmladder/pmladder/internal/words"
)

// A calibration session across managers: a team review where people have several
// assessors. Each rating is kept as a row of skill scores; at the end they are grouped by
// person, and every manager's scores are held against the other raters of the same
// people. Peers count as other raters but are never listed one by one.

// OutlierSpread is how far apart a person's raters must be on a skill to be discussed.
const OutlierSpread = 1.5

// Rating is one assessment of a team calibration: who rated whom, each skill's score
// (NaN when unassessed) and the readiness toward the person's target.
type Rating struct {
	Person, Assessor, Rater string
	Scores                  []float64
	Readiness               *float64
}

// RatingOf keeps what a calibration needs of a scored assessment.
func RatingOf(st *Standing) Rating {
	a := st.Answers
	rt := Rating{Person: a.Person, Assessor: a.Assessor, Rater: a.Rater, Scores: make([]float64, len(st.Skills))}
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
	People   []PersonCalibration
	Raters   []RaterCalibration
	Outliers []Outlier
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
	Rater, Assessor string
	People          int
	Offset          *float64
	// Readiness of the people they rated, by their ratings.
	ReadinessMin, ReadinessMedian, ReadinessMax *float64
}

// Outlier is a thing to discuss: a person whose raters differ by OutlierSpread or more
// on a skill, or a manager whose offset is beyond one standard deviation of the
// managers'.
type Outlier struct {
	Person, Skill, Rater string
	Reason               string
	// Spread is how far apart the raters are, for a person's skill.
	Spread float64
}

// Calibrate works the team's calibration out from its ratings, in the order people were
// first read; skills are the rubric's in order, for the outliers' names.
func Calibrate(ratings []Rating, skills []string) *TeamCalibration {
	type person struct {
		name    string
		ratings []int
	}
	var people []*person
	byName := map[string]*person{}
	for i, rt := range ratings {
		key := PersonKey(rt.Person)
		p := byName[key]
		if p == nil {
			p = &person{name: rt.Person}
			byName[key] = p
			people = append(people, p)
		}
		p.ratings = append(p.ratings, i)
	}
	c := &TeamCalibration{}
	type raterSum struct {
		rater, assessor string
		people          map[string]bool
		offsetSum       float64
		offsetN         int
		readiness       []float64
	}
	var raters []*raterSum
	raterIdx := map[string]*raterSum{}
	for _, p := range people {
		pc := PersonCalibration{Person: p.name, Raters: len(p.ratings)}
		var self []int
		var managers []int
		for _, i := range p.ratings {
			switch ratings[i].Assessor {
			case "self":
				self = append(self, i)
			case "manager":
				managers = append(managers, i)
			}
		}
		// Self against managers, over the skills both rated.
		if len(self) > 0 && len(managers) > 0 {
			s := ratings[self[len(self)-1]]
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
		}
		c.People = append(c.People, pc)
		// Outliers: skills where the person's raters differ by OutlierSpread or more,
		// saying who stands where (managers by name, peers only as a range).
		if len(p.ratings) >= 2 {
			for k := range skills {
				var v []float64
				var who, peers []string
				var peerScores []float64
				for _, i := range p.ratings {
					x := ratings[i].Scores[k]
					if math.IsNaN(x) {
						continue
					}
					v = append(v, x)
					switch rt := ratings[i]; rt.Assessor {
					case "peer":
						peerScores = append(peerScores, x)
					case "manager":
						name := "manager"
						if rt.Rater != "" {
							name = rt.Rater
						}
						who = append(who, name+" "+fmtScore(x))
					default:
						who = append([]string{"self " + fmtScore(x)}, who...)
					}
				}
				switch n := len(peerScores); {
				case n >= DefaultMinPeers: // as a group, as compare shows them
					peers = append(peers, fmt.Sprintf("%d peers %s–%s", n, fmtScore(slices.Min(peerScores)), fmtScore(slices.Max(peerScores))))
				case n > 0: // too few to show without giving a peer's rating away
					peers = append(peers, "and "+words.Count(n, "peer", "peers"))
				}
				if len(v) >= 2 {
					if spread := slices.Max(v) - slices.Min(v); spread >= OutlierSpread-eps {
						c.Outliers = append(c.Outliers, Outlier{Person: p.name, Skill: skills[k], Spread: spread,
							Reason: fmt.Sprintf("raters %s apart (%s)", fmtScore(spread), strings.Join(append(who, peers...), ", "))})
					}
				}
			}
		}
		// Each manager against the other raters of this person.
		for _, i := range managers {
			rt := ratings[i]
			key := PersonKey(rt.Rater) + "\x00" + rt.Assessor
			unnamed := rt.Rater == ""
			if unnamed { // a manager's file without a name is a rater of its own
				key = fmt.Sprintf("\x00#%d", i)
			}
			rs := raterIdx[key]
			if rs == nil {
				name := rt.Rater
				if unnamed {
					name = fmt.Sprintf("(unnamed manager of %s)", p.name)
				}
				rs = &raterSum{rater: name, assessor: rt.Assessor, people: map[string]bool{}}
				raterIdx[key] = rs
				raters = append(raters, rs)
			}
			rs.people[PersonKey(p.name)] = true
			if rt.Readiness != nil {
				rs.readiness = append(rs.readiness, *rt.Readiness)
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
				rs.offsetSum += x - o
				rs.offsetN++
			}
		}
	}
	var offsets []float64
	for _, rs := range raters {
		rc := RaterCalibration{Rater: rs.rater, Assessor: rs.assessor, People: len(rs.people)}
		if rs.offsetN > 0 {
			o := rs.offsetSum / float64(rs.offsetN)
			rc.Offset = &o
			offsets = append(offsets, o)
		}
		if n := len(rs.readiness); n > 0 {
			sort.Float64s(rs.readiness)
			lo, hi := rs.readiness[0], rs.readiness[n-1]
			med := rs.readiness[n/2]
			if n%2 == 0 {
				med = (rs.readiness[n/2-1] + rs.readiness[n/2]) / 2
			}
			rc.ReadinessMin, rc.ReadinessMedian, rc.ReadinessMax = &lo, &med, &hi
		}
		c.Raters = append(c.Raters, rc)
	}
	// The widest disagreements first; the managers' outliers after them.
	sort.SliceStable(c.Outliers, func(i, j int) bool { return c.Outliers[i].Spread > c.Outliers[j].Spread })
	// A manager whose offset is beyond one standard deviation of the managers'.
	if len(offsets) >= 2 {
		m, sd := meanSD(offsets)
		for _, rc := range c.Raters {
			if rc.Offset == nil || sd < eps || math.Abs(*rc.Offset-m) <= sd+eps {
				continue
			}
			way := "more lenient"
			if *rc.Offset < m {
				way = "stricter"
			}
			c.Outliers = append(c.Outliers, Outlier{Rater: rc.Rater, Reason: fmt.Sprintf(
				"%s than the other managers: rates %s against the other raters of the same people (managers' mean %s, standard deviation %s)",
				way, fmtSigned(*rc.Offset), fmtSigned(m), fmtScore(sd))})
		}
	}
	return c
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

func fmtScore(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

func fmtSigned(v float64) string {
	if v > 0 {
		return "+" + fmtScore(v)
	}
	return fmtScore(v)
}
