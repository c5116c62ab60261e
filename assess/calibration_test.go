package assess

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

func rating(person string, assessor Assessor, rater string, scores ...float64) Rating {
	return Rating{Person: person, Assessor: assessor, Rater: rater, Scores: scores}
}

// TestCalibrate: a lenient manager's offset is positive and a strict one's negative; a
// manager beyond one standard deviation of the managers' offsets is an outlier; a person
// whose raters differ by 1.5 or more on a skill is one; a skill a rater left out is not
// counted against them.
func TestCalibrate(t *testing.T) {
	nan := math.NaN()
	ratings := []Rating{
		rating("Ada", "self", "", 3, 3), rating("Ada", "manager", "Lenient", 4, 4), rating("Ada", "peer", "P", 3, 3),
		rating("Bo", "self", "", 2, 2), rating("Bo", "manager", "Strict", 1, nan), rating("Bo", "peer", "Q", 2, 2),
		rating("Cy", "self", "", 3, 3), rating("cy", "manager", "Fair", 3, 3.5),
		rating("Di", "self", "", 2, 2), rating("Di", "manager", "Fair", 2, 2),
		rating("Ed", "self", "", 1, 3), rating("Ed", "manager", "Middling", 2, 3),
	}
	c := Calibrate(ratings, []string{"a", "b"}, 0)
	offsets := map[string]float64{}
	for _, r := range c.Raters {
		offsets[r.Rater] = *r.Offset
	}
	if offsets["Lenient"] != 1 || offsets["Strict"] != -1 || offsets["Fair"] != 0.125 {
		t.Errorf("offsets %v: lenient +1, strict -1 (its unassessed b left out), fair +0.125", offsets)
	}
	if len(c.People) != 5 || c.People[2].Person != "Cy" || c.People[2].Raters != 2 {
		t.Errorf("people grouped without regard to case: %+v", c.People)
	}
	if d := c.People[0].Difference; d == nil || *d != -1 {
		t.Errorf("Ada: self 3 against manager 4: difference %v", d)
	}
	var reasons []string
	for _, o := range outliersOf(c) {
		reasons = append(reasons, o.Person+o.Rater+": "+o.Skill)
	}
	got := strings.Join(reasons, "; ")
	// Spreads: Ada 1 (no), Bo a 1 (no), Ed a 1 (no). Offsets: mean 0.025, sd 0.73: Lenient
	// and Strict are beyond it.
	if got != "Lenient: ; Strict: " {
		t.Errorf("outliers %q", got)
	}
	wide := Calibrate([]Rating{rating("Ada", "self", "", 4, 2), rating("Ada", "manager", "M", 2.5, 2)}, []string{"a", "b"}, 0)
	if o := outliersOf(wide); len(o) != 1 || o[0].Skill != "a" || o[0].Kind != RatersApart || o[0].Spread != 1.5 ||
		!slices.Equal(o[0].Scores, []RaterScore{{"self", "", 4}, {"manager", "M", 2.5}}) || o[0].Peers.N != 0 {
		t.Errorf("raters 1.5 apart, exactly: %+v", outliersOf(wide))
	}
	if o := outliersOf(c); len(o) != 2 || o[0].Kind != LenientManager || o[1].Kind != StricterManager || o[0].Offset != 1 {
		t.Errorf("a lenient and a stricter manager: %+v", o)
	}
}

// TestCalibrateUnnamedManagers: two managers' files without a name are two raters, not
// one whose scores cancel out.
func TestCalibrateUnnamedManagers(t *testing.T) {
	c := Calibrate([]Rating{rating("Dee", "self", "", 3), rating("Dee", "manager", "", 4), rating("Dee", "manager", "", 1)}, []string{"a"}, 0)
	if len(c.Raters) != 2 || *c.Raters[0].Offset == *c.Raters[1].Offset || c.Raters[0].Rater != "" || c.Raters[0].Of != "Dee" {
		t.Errorf("raters %+v", c.Raters)
	}
}

// TestCalibrateLeavesFewPeersOut: on a person's skill that fewer than min-peers peers
// rated, the peers' scores count nowhere (the spread, who stands where, the offsets); at
// min-peers they count, as a group. Another person's peers, or another skill's, do not
// count toward the threshold, and the ratings given are left as they were.
func TestCalibrateLeavesFewPeersOut(t *testing.T) {
	nan := math.NaN()
	ratings := []Rating{
		rating("Ada", "self", "", 4, 2), rating("Ada", "manager", "M", 2, 2),
		rating("Ada", "peer", "P", 0, 0), rating("Ada", "peer", "Q", 0, nan), rating("Ada", "peer", "R", 0, 0),
		rating("Bo", "self", "", 4, 2), rating("Bo", "manager", "M", 2, 2), rating("Bo", "peer", "P", 0, 0),
	}
	before := fmtList([]string{fmt.Sprint(ratings)})
	c := Calibrate(ratings, []string{"a", "b"}, 3)
	if after := fmtList([]string{fmt.Sprint(ratings)}); after != before {
		t.Errorf("the ratings were changed:\n%s\nwere\n%s", after, before)
	}
	var got []string
	for _, o := range outliersOf(c) {
		got = append(got, fmt.Sprintf("%s%s %s: %.4g, %v, peers %+v", o.Person, o.Rater, o.Skill, o.Spread, o.Scores, o.Peers))
	}
	// Ada's a: three peers, a group (0–0); her b: two peers, left out; Bo's lone peer is
	// left out everywhere: his spread is self against M.
	want := []string{
		"Ada a: 4, [{self  4} {manager M 2}], peers {Mean:0 Min:0 Max:0 N:3}",
		"Bo a: 2, [{self  4} {manager M 2}], peers {Mean:0 Min:0 Max:0 N:0}",
	}
	if fmtList(got) != fmtList(want) {
		t.Errorf("outliers\n%q\nwant\n%q", got, want)
	}
	// M's offset: Ada's a, 2 against the mean of 4, 0, 0, 0 (+1); her b, 2 against self's 2
	// (0); Bo's a, 2 against 4 (-2), b 0: -0.25.
	if o := c.Raters[0].Offset; o == nil || *o != -0.25 || c.MinPeers != 3 {
		t.Errorf("M's offset %v (min-peers %d), want -0.25", show(o), c.MinPeers)
	}
	// At min-peers 4, Ada's three peers are left out too; 0 is the default, 3.
	if c4 := Calibrate(ratings, []string{"a", "b"}, 4); len(outliersOf(c4)) != 2 || outliersOf(c4)[0].Peers.N != 0 || *c4.Raters[0].Offset != -1 {
		t.Errorf("min-peers 4: %+v, offset %v", outliersOf(c4), show(c4.Raters[0].Offset))
	}
	if Calibrate(ratings, []string{"a", "b"}, 0).MinPeers != DefaultMinPeers {
		t.Error("min-peers 0 is not the default")
	}
}

// outliersOf is every outlier of c, in order.
func outliersOf(c *TeamCalibration) []Outlier {
	var out []Outlier
	for i := range c.NumOutliers() {
		out = append(out, c.Outlier(i))
	}
	return out
}
