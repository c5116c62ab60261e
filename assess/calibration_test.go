package assess

import (
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
	for _, o := range c.Outliers {
		reasons = append(reasons, o.Person+o.Rater+": "+o.Skill)
	}
	got := strings.Join(reasons, "; ")
	// Spreads: Ada 1 (no), Bo a 1 (no), Ed a 1 (no). Offsets: mean 0.025, sd 0.73: Lenient
	// and Strict are beyond it.
	if got != "Lenient: ; Strict: " {
		t.Errorf("outliers %q", got)
	}
	wide := Calibrate([]Rating{rating("Ada", "self", "", 4, 2), rating("Ada", "manager", "M", 2.5, 2)}, []string{"a", "b"}, 0)
	if o := wide.Outliers; len(o) != 1 || o[0].Skill != "a" || o[0].Kind != RatersApart || o[0].Spread != 1.5 ||
		!slices.Equal(o[0].Scores, []RaterScore{{"self", "", 4}, {"manager", "M", 2.5}}) || o[0].Peers.N != 0 {
		t.Errorf("raters 1.5 apart, exactly: %+v", wide.Outliers)
	}
	if o := c.Outliers; len(o) != 2 || o[0].Kind != LenientManager || o[1].Kind != StricterManager || o[0].Offset != 1 {
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
