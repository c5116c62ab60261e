package reports

import (
	"math"
	"testing"
)

func TestRound(t *testing.T) {
	cases := map[float64]float64{
		2.5:               2.5,
		83.33333333333333: 83.33,
		66.66666666666667: 66.67,
		1.005:             1.01,
		2.675:             2.68,
		-1.005:            -1.01,
		-0.004:            0,
		0.295:             0.3,
		99.995:            100,
		71.42857142857143: 71.43,
		1e-12:             0,
		1234567.125:       1234567.13,
		4:                 4,
		0.1 + 0.2:         0.3,
		-2.345:            -2.35,
	}
	if got := Round(-0.004); math.Signbit(got) {
		t.Error("a negative number rounded to zero must not be -0")
	}
	for in, want := range cases {
		if got := Round(in); got != want {
			t.Errorf("Round(%v) = %v, want %v", in, got, want)
		}
	}
}
