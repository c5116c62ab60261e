package assess

import (
	"fmt"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess/assesstest"
)

// rated builds one rater's answers of person "Ada" on skill s3 (a single question) and
// s4; score "" leaves a skill unanswered, "na" answers it not applicable.
func rated(t *testing.T, assessor Assessor, rater, s3, s4 string, day int) *Answers {
	t.Helper()
	r := assesstest.Rubric(t, assesstest.Hand)
	var pairs []string
	if s3 != "" {
		pairs = append(pairs, "s3.1="+s3)
	}
	if s4 != "" {
		pairs = append(pairs, "s4.1="+s4)
	}
	a := answers(r, pairs...)
	a.Person, a.Assessor, a.Rater = "Ada", assessor, rater
	a.CurrentRole, a.Track = "r1", "a"
	a.Date = time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC)
	return a
}

func skillOf(t *testing.T, c *Comparison, id string) *SkillChange {
	t.Helper()
	for i := range c.Skills {
		if c.Skills[i].Skill.ID == id {
			return &c.Skills[i]
		}
	}
	return nil
}

func show(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprintf("%.4g", *p)
}

// TestCalibration covers the aggregation: the flags at their boundary (exactly a point),
// peers below and at --min-peers, a rater who skipped a skill, na, and the skills listed.
func TestCalibration(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	for _, tc := range []struct {
		name   string
		raters []*Answers
		skill  string
		// want: self, manager, peers ("mean/min/max/n" or nil), others, flag; listed says
		// whether the skill is shown without --all.
		self, manager, peers, others, flag string
		listed                             bool
	}{
		{"blind spot at exactly a point", []*Answers{rated(t, "self", "", "3", "2", 1), rated(t, "manager", "Lin", "2", "2", 2)},
			"s3", "3", "2", "nil", "2", BlindSpot, true},
		{"hidden strength at exactly a point", []*Answers{rated(t, "self", "", "1", "2", 1), rated(t, "manager", "Lin", "2", "2", 2)},
			"s3", "1", "2", "nil", "2", HiddenStrength, true},
		{"under a point: no flag, not listed", []*Answers{rated(t, "self", "", "2", "2", 1), rated(t, "manager", "Lin", "2", "3", 2)},
			"s3", "2", "2", "nil", "2", "", false},
		{"two peers, below three: left out, the manager's is the others' mean",
			[]*Answers{rated(t, "self", "", "4", "2", 1), rated(t, "manager", "Lin", "2", "2", 2), rated(t, "peer", "Bo", "3", "2", 3), rated(t, "peer", "Cy", "1", "2", 4)},
			"s3", "4", "2", "nil", "2", BlindSpot, true},
		{"two peers who would have made it no blind spot: still left out",
			[]*Answers{rated(t, "self", "", "4", "2", 1), rated(t, "manager", "Lin", "2", "2", 2), rated(t, "peer", "Bo", "4", "2", 3), rated(t, "peer", "Cy", "4", "2", 4)},
			"s3", "4", "2", "nil", "2", BlindSpot, true},
		{"three peers, at the threshold: shown as a group",
			[]*Answers{rated(t, "self", "", "4", "2", 1), rated(t, "manager", "Lin", "2", "2", 2), rated(t, "peer", "Bo", "3", "2", 3),
				rated(t, "peer", "Cy", "1", "2", 4), rated(t, "peer", "Di", "2", "2", 5)},
			"s3", "4", "2", "2/1/3/3", "2", BlindSpot, true},
		{"a peer who skipped the skill leaves two: left out",
			[]*Answers{rated(t, "self", "", "4", "2", 1), rated(t, "manager", "Lin", "2", "2", 2), rated(t, "peer", "Bo", "3", "2", 3),
				rated(t, "peer", "Cy", "", "2", 4), rated(t, "peer", "Di", "1", "2", 5)},
			"s3", "4", "2", "nil", "2", BlindSpot, true},
		{"na is left out like a skip", []*Answers{rated(t, "self", "", "na", "2", 1), rated(t, "manager", "Lin", "3", "2", 2)},
			"s3", "nil", "3", "nil", "3", "", false},
		{"without a self-assessment, a manager and a lone peer: the peer left out, nothing to set apart",
			[]*Answers{rated(t, "manager", "Lin", "3", "2", 2), rated(t, "peer", "Bo", "1", "2", 3)},
			"s3", "nil", "3", "nil", "3", "", false},
		{"peers only, two of them: nothing counts",
			[]*Answers{rated(t, "peer", "Bo", "1", "2", 3), rated(t, "peer", "Cy", "4", "2", 4)},
			"s3", "nil", "nil", "nil", "nil", "", false},
		{"one peer out of three a point off: not a disagreement",
			[]*Answers{rated(t, "self", "", "2", "2", 1), rated(t, "manager", "Lin", "2", "2", 2), rated(t, "peer", "Bo", "3", "2", 3),
				rated(t, "peer", "Cy", "2", "2", 4), rated(t, "peer", "Di", "2", "2", 5)},
			"s3", "2", "2", "2.333/2/3/3", "2.25", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Compare(r, tc.raters, CompareOptions{All: true})
			if err != nil {
				t.Fatal(err)
			}
			if c.Kind != Calibration {
				t.Fatalf("kind %s", c.Kind)
			}
			s := skillOf(t, c, tc.skill)
			peers := "nil"
			if g := s.Peers; g != nil {
				peers = fmt.Sprintf("%.4g/%.4g/%.4g/%d", g.Mean, g.Min, g.Max, g.N)
			}
			got := fmt.Sprintf("self %s, manager %s, peers %s, others %s, flag %q", show(s.Self), show(s.Manager), peers, show(s.Others), s.Flag)
			want := fmt.Sprintf("self %s, manager %s, peers %s, others %s, flag %q", tc.self, tc.manager, tc.peers, tc.others, tc.flag)
			if got != want {
				t.Errorf("%s\nwant %s", got, want)
			}
			listed, err := Compare(r, tc.raters, CompareOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if (skillOf(t, listed, tc.skill) != nil) != tc.listed {
				t.Errorf("listed without --all: %v, want %v", !tc.listed, tc.listed)
			}
		})
	}
}

// TestCalibrationPicked: where raters differ, what self and the manager picked is shown,
// with their evidence; a peer's never is.
func TestCalibrationPicked(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	self := rated(t, "self", "", "4", "2", 1)
	self.SetEvidence("s3", "ran the pricing test")
	peers := []*Answers{rated(t, "peer", "Bo", "1", "2", 3), rated(t, "peer", "Cy", "1", "2", 4), rated(t, "peer", "Di", "1", "2", 5)}
	c, err := Compare(r, append([]*Answers{self, rated(t, "manager", "Lin", "2", "2", 2)}, peers...), CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := skillOf(t, c, "s3")
	if len(s.Picked) != 2 || s.Picked[0].Assessor != "self" || s.Picked[1].Assessor != "manager" || s.Picked[1].Rater != "Lin" || s.Picked[1].Nth != 0 ||
		s.Picked[0].Evidence == nil || *s.Picked[0].Evidence != "ran the pricing test" || s.Picked[0].Statements[0] != "4" {
		t.Errorf("picked %+v", s.Picked)
	}
}

// TestCompareGrowthInDateOrder: files given newest first are put in date order: the
// change is from the oldest to the newest.
func TestCompareGrowthInDateOrder(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	newest, middle, oldest := rated(t, "self", "", "3", "2", 20), rated(t, "self", "", "2", "2", 10), rated(t, "self", "", "1", "2", 1)
	c, err := Compare(r, []*Answers{newest, middle, oldest}, CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := skillOf(t, c, "s3")
	if c.Kind != Growth || c.Old.Answers != oldest || c.New.Answers != newest || show(s.Delta) != "2" || len(c.Skills) != 4 {
		t.Errorf("growth: kind %s, change %s, %d skills", c.Kind, show(s.Delta), len(c.Skills))
	}
	// The same rater twice in a calibration counts once: their latest.
	again, err := Compare(r, []*Answers{oldest, rated(t, "manager", "Lin", "2", "2", 2), rated(t, "manager", "lin", "4", "2", 9)}, CompareOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Results) != 2 || show(skillOf(t, again, "s3").Manager) != "4" {
		t.Errorf("a manager's two files: %d raters, manager %s", len(again.Results), show(skillOf(t, again, "s3").Manager))
	}
}

func fmtList(s []string) string { return fmt.Sprintf("%v", s) }

// TestUnnamedPeersAreSeveral: peers' files without a rater name are each a rater: none is
// dropped as a repeat of another; a manager's unnamed files over time are still growth.
func TestUnnamedPeersAreSeveral(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	c, err := Compare(r, []*Answers{rated(t, "self", "", "4", "2", 1), rated(t, "peer", "", "1", "2", 2),
		rated(t, "peer", "", "2", "2", 3), rated(t, "peer", "", "3", "2", 4)}, CompareOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if s := skillOf(t, c, "s3"); len(c.Results) != 4 || s.Peers == nil || s.Peers.N != 3 {
		t.Errorf("%d raters; peers %+v", len(c.Results), s.Peers)
	}
	g, err := Compare(r, []*Answers{rated(t, "manager", "", "1", "2", 1), rated(t, "manager", "", "3", "2", 9)}, CompareOptions{})
	if err != nil || g.Kind != Growth {
		t.Errorf("a manager's two unnamed files: %v %v", g.Kind, err)
	}
}

// TestCompareLeavesFewPeersOut: a skill fewer than min-peers peers rated is worked out as
// if no peer had: the same numbers, flag, spread and picks as self and the manager alone;
// the comparison says peers were left out. Peers only: the target comes from their
// profile, never from their scores.
func TestCompareLeavesFewPeersOut(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	self, manager := rated(t, "self", "", "4", "1", 1), rated(t, "manager", "Lin", "2", "1", 2)
	alone, err := Compare(r, []*Answers{self, manager}, CompareOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	// Two peers on s3 (below three); three on s4.
	withPeers, err := Compare(r, []*Answers{self, manager, rated(t, "peer", "Bo", "0", "4", 3), rated(t, "peer", "Cy", "0", "4", 4),
		rated(t, "peer", "Di", "", "4", 5)}, CompareOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := skillOf(t, alone, "s3"), skillOf(t, withPeers, "s3")
	if fmt.Sprint(show(a.Self), show(a.Manager), show(a.Others), show(a.Delta), show(a.Spread), a.Flag, len(a.Picked)) !=
		fmt.Sprint(show(b.Self), show(b.Manager), show(b.Others), show(b.Delta), show(b.Spread), b.Flag, len(b.Picked)) || b.Peers != nil {
		t.Errorf("s3 with two peers %+v, without %+v", b, a)
	}
	if s4 := skillOf(t, withPeers, "s4"); s4.Peers == nil || s4.Peers.N != 3 || show(s4.Others) != "3.25" {
		t.Errorf("s4, three peers: %+v", s4)
	}
	if !withPeers.PeersLeftOut || alone.PeersLeftOut {
		t.Errorf("peers left out: %v with, %v without", withPeers.PeersLeftOut, alone.PeersLeftOut)
	}
	// Peers only, their files without roles: the target is not the one their scores
	// would reach (rule 4 goes from the estimated role, which their scores decide).
	low, high := rated(t, "peer", "Bo", "0", "0", 3), rated(t, "peer", "Cy", "4", "4", 4)
	for _, a := range []*Answers{low, high} {
		a.CurrentRole, a.TargetRole = "", ""
		for _, q := range r.Questions() {
			a.Set(q.ID, Answer{Score: map[*Answers]int{low: 0, high: 4}[a]})
		}
	}
	var targets []string
	for _, first := range []*Answers{low, high} {
		first.Rater = "Ab" // the first peer, whose profile chooses the target
		c, err := Compare(r, []*Answers{low, high}, CompareOptions{})
		if err != nil {
			t.Fatal(err)
		}
		first.Rater = map[*Answers]string{low: "Bo", high: "Cy"}[first]
		target := "none"
		if c.New.Target != nil {
			target = c.New.Target.Role.ID
		}
		targets = append(targets, target)
	}
	if targets[0] != targets[1] {
		t.Errorf("the target of peers only follows the first peer's scores: %v", targets)
	}
}

// TestOnePeersGrowth: a named peer's two files are that peer's growth, as a manager's
// are (the reader holds both files; report shows either in full; no other rating is in
// it). Unnamed peers' files are never one peer's growth: they may be two peers, so they
// are a calibration, where the anonymity rule leaves two of them out of every number —
// changing either one's scores changes nothing (docs/formats.md, "Anonymity").
func TestOnePeersGrowth(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	g, err := Compare(r, []*Answers{rated(t, "peer", "Sam", "1", "2", 1), rated(t, "peer", "sam", "3", "2", 9)}, CompareOptions{})
	if err != nil || g.Kind != Growth {
		t.Fatalf("one named peer's two files: %v %v", g.Kind, err)
	}
	if s := skillOf(t, g, "s3"); s == nil || show(s.Delta) != "2" {
		t.Errorf("Sam's growth on s3: %+v", s)
	}
	for _, pair := range [][2]string{{"", ""}, {"Sam", ""}, {"", "Sam"}, {"Sam", "Kim"}} {
		var seen *Comparison
		for _, s3 := range []string{"0", "4", ""} {
			c, err := Compare(r, []*Answers{rated(t, "peer", pair[0], "1", "2", 1), rated(t, "peer", pair[1], s3, "2", 9)}, CompareOptions{All: true})
			if err != nil || c.Kind != Calibration {
				t.Fatalf("peers %q: %v %v, want a calibration", pair, c.Kind, err)
			}
			for _, s := range c.Skills {
				if s.Peers != nil || s.Others != nil {
					t.Errorf("peers %q, s3 %q: skill %s shows peers %+v, others %s", pair, s3, s.Skill.ID, s.Peers, show(s.Others))
				}
			}
			if seen != nil && len(seen.Skills) != len(c.Skills) {
				t.Errorf("peers %q: a peer's score changed what is listed", pair)
			}
			seen = c
		}
	}
}

// TestCompareRatersIsDeterministic: raters that tie on every key (two unnamed managers
// of the same date) keep the order given, so the lead and every number are the same
// from one run to the next; no assessment at all is an error, not a panic.
func TestCompareRatersIsDeterministic(t *testing.T) {
	r := assesstest.Rubric(t, edges)
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	m1 := answers(r, "m.1=4", "m.2=4", "p.1=3")
	m2 := answers(r, "m.1=1", "m.2=1", "p.1=1")
	for _, a := range []*Answers{m1, m2} {
		a.Person, a.Assessor, a.Date = "Ada", Manager, day
	}
	for range 100 {
		c, err := CompareRaters(r, []*Answers{m1, m2}, CompareOptions{Score: ScoreOptions{Target: "senior"}, All: true})
		if err != nil {
			t.Fatal(err)
		}
		if c.New.Answers != m1 {
			t.Fatal("the lead changes from run to run")
		}
	}
	if _, err := CompareRaters(r, nil, CompareOptions{}); err == nil {
		t.Error("no assessment: no error")
	}
}
