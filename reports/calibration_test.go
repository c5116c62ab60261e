package reports

import (
	"math"
	"testing"

	"github.com/pmladder/pmladder/assess"
)

// TestCalibrationWording: the domain gives the numbers of each outlier and who stands
// where; the report words them, the same in every format.
func TestCalibrationWording(t *testing.T) {
	r := mustParse(t, `format: pmladder-rubric/v1
name: T
scale: {min: 0, max: 5}
categories: [{id: c, name: C, skills: [{id: a, name: Alpha, questions: [q]}, {id: b, name: Beta, questions: [q]}]}]
roles: [{id: r, name: R, level: 1, expects: {a: 1}}]
`)
	nan := math.NaN()
	rating := func(person string, assessor assess.Assessor, rater string, scores ...float64) assess.Rating {
		return assess.Rating{Person: person, Assessor: assessor, Rater: rater, Scores: scores}
	}
	ratings := []assess.Rating{
		rating("Ada", "self", "", 4, 2), rating("Ada", "manager", "M", 2.5, 2), rating("Ada", "peer", "P", 1, nan),
		rating("Bo", "self", "", 4, 3), rating("Bo", "manager", "", 1, 3),
		rating("Bo", "peer", "P", 2, 3), rating("Bo", "peer", "Q", 3, 3), rating("Bo", "peer", "R", 2, 3),
		rating("Cy", "self", "", 2, 2), rating("Cy", "manager", "Fair", 2, 2),
		rating("Di", "self", "", 2, 2), rating("Di", "manager", "Fair", 2, 2),
	}
	c := NewCalibration(assess.Calibrate(ratings, []string{"a", "b"}, 0), r)
	// Ada's lone peer is left out of everything: her spread is self against M alone, and
	// the peer is not even counted; Bo's three peers show as a group. The offsets hold
	// each manager against self and, for Bo, the three peers: M -0.75, Bo's -0.88, Fair 0.
	want := []string{
		"Bo, Alpha: raters 3 apart (self 4, manager 1, 3 peers 2–3)",
		"Ada, Alpha: raters 1.5 apart (self 4, M 2.5)",
		"Fair: more lenient than the other managers: rates 0 against the other raters of the same people (managers' mean -0.54, standard deviation 0.39)",
	}
	var got []string
	for _, o := range c.Outliers {
		got = append(got, c.outlierText(o))
	}
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			t.Errorf("outliers:\n%q\nwant:\n%q", got, want)
			break
		}
	}
}
