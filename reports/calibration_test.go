package reports

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/rubric"
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
	for text := range c.outlierTexts() {
		got = append(got, text)
	}
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) || got[i] != want[i] {
			t.Errorf("outliers:\n%q\nwant:\n%q", got, want)
			break
		}
	}
}

// teamOutputs are every format of team --calibration. At the default threshold they come
// through the sink `team --calibration` writes with (scored as the team review scores);
// at another, through the same calibration and view.
func teamOutputs(t *testing.T, r *rubric.Rubric, specs []spec, minPeers int) []output {
	t.Helper()
	var out []output
	for _, f := range Formats[*Calibration]() {
		var buf bytes.Buffer
		if minPeers == assess.DefaultMinPeers {
			sink, err := (Output{Format: f}).NewCalibrationSink(&buf, r, 0)
			if err != nil {
				t.Fatal(err)
			}
			sc := &assess.Scorer{Rubric: r}
			b := sink.NewBatch()
			for _, s := range specs {
				if err := b.Add(sc, s.answers(r)); err != nil {
					t.Fatal(err)
				}
			}
			if err := sink.Commit(b); err != nil {
				t.Fatal(err)
			}
			if err := sink.Close(); err != nil {
				t.Fatal(err)
			}
		} else {
			sc := &assess.Scorer{Rubric: r}
			var ratings []assess.Rating
			var skills []string
			for _, s := range specs {
				ratings = append(ratings, assess.RatingOf(sc.Standing(s.answers(r))))
			}
			for _, sk := range r.Skills() {
				skills = append(skills, sk.ID)
			}
			if err := (Output{Format: f}).Write(&buf, NewCalibration(assess.Calibrate(ratings, skills, minPeers), r)); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, output{"team --calibration " + string(f), buf.String()})
	}
	return out
}

// TestTeamCalibrationAnonymity: for one person and several, with one, two and
// min-peers−1 peers, with self or not, with no, one or two managers (shared between
// people, so that offsets run across them), on one skill and several, at the thresholds
// 2 to 5: whatever a peer below the threshold gave a person's skill, team --calibration
// writes the same bytes in every format: the spreads, who stands where, the offsets and
// the managers' outliers, the means and the reasons.
func TestTeamCalibrationAnonymity(t *testing.T) {
	seed := uint64(100)
	people := []string{"Ada Lovelace", "Bo Chen", "Cy Diaz", "Di Evans"}
	managerNames := []string{"Morgan Reyes", "Priya Shah", "Lin Wu"}
	for _, ar := range anonRubrics(t) {
		r := ar.r
		for _, minPeers := range thresholds(ar) {
			for _, pc := range peerCounts(minPeers) {
				for managers := 0; managers <= 2; managers++ {
					for _, several := range []bool{false, true} {
						seed++
						name := fmt.Sprintf("%s/min-peers %d/%d peers (skip %.2f)/%d managers/several people %v", ar.name, minPeers, pc.n, pc.skip, managers, several)
						t.Run(name, func(t *testing.T) {
							g := &ratingGen{rng: rand.New(rand.NewPCG(seed, 11)), r: r}
							// The first person as the setup says; the others at random,
							// from no peer to more than the threshold.
							var specs []spec
							add := func(person string, self bool, managers, peers int, skip float64) {
								if self {
									specs = append(specs, g.rating(person, assess.Self, "", 0.1))
								}
								for _, m := range g.rng.Perm(len(managerNames))[:managers] {
									specs = append(specs, g.rating(person, assess.Manager, managerNames[m], 0.1))
								}
								for range peers {
									specs = append(specs, g.rating(person, assess.Peer, "", skip))
								}
							}
							add(people[0], seed%2 == 0, managers, pc.n, pc.skip)
							if several {
								for _, p := range people[1:] {
									add(p, g.rng.IntN(4) > 0, g.rng.IntN(3), g.rng.IntN(minPeers+2), 0.2)
								}
							}
							// Read in a shuffled order, as a folder would be.
							g.rng.Shuffle(len(specs), func(i, j int) { specs[i], specs[j] = specs[j], specs[i] })
							outputs := func(s []spec) []output { return teamOutputs(t, r, s, minPeers) }
							if n := tryFewPeers(t, g.rng, r, specs, minPeers, trialBudget(), outputs); n == 0 && pc.n < minPeers {
								t.Errorf("%d peers below %d, yet nothing to try", pc.n, minPeers)
							}
						})
					}
				}
			}
		}
	}
}

// TestTeamCalibrationPeersAsAGroup: at the threshold the peers count, as a group: a
// spread they make shows them (how many, their range) and they move the managers'
// offsets; one fewer, and the same ratings leave them out of both.
func TestTeamCalibrationPeersAsAGroup(t *testing.T) {
	r := mustParse(t, `format: pmladder-rubric/v1
name: T
scale: {min: 0, max: 5}
categories: [{id: c, name: C, skills: [{id: a, name: Alpha, questions: [q]}]}]
roles: [{id: r, name: R, level: 1, expects: {a: 1}}]
`)
	rating := func(person string, assessor assess.Assessor, rater string, score float64) assess.Rating {
		return assess.Rating{Person: person, Assessor: assessor, Rater: rater, Scores: []float64{score}}
	}
	ratings := []assess.Rating{
		rating("Ada", "self", "", 3), rating("Ada", "manager", "M", 3),
		rating("Ada", "peer", "P", 0), rating("Ada", "peer", "Q", 1), rating("Ada", "peer", "R", 0),
		rating("Bo", "self", "", 2), rating("Bo", "manager", "N", 2),
	}
	reasons := func(c *Calibration) string {
		var out []string
		for text := range c.outlierTexts() {
			out = append(out, text)
		}
		return strings.Join(out, "; ")
	}
	three := NewCalibration(assess.Calibrate(ratings, []string{"a"}, 3), r)
	if got, want := reasons(three), "Ada, Alpha: raters 3 apart (self 3, M 3, 3 peers 0–1)"; !strings.HasPrefix(got, want) {
		t.Errorf("three peers: %q, want it to start %q", got, want)
	}
	if o := three.Raters[0].Offset; o == nil || *o != 2 { // 3 against the mean of 3, 0, 1, 0
		t.Errorf("M's offset with three peers: %v, want +2", fmtNum(o))
	}
	four := NewCalibration(assess.Calibrate(ratings, []string{"a"}, 4), r)
	if got := reasons(four); got != "" {
		t.Errorf("three peers, min-peers 4: %q, want nothing to discuss", got)
	}
	if o := four.Raters[0].Offset; o == nil || *o != 0 { // 3 against self's 3 alone
		t.Errorf("M's offset with the peers left out: %v, want 0", fmtNum(o))
	}
	if !strings.Contains(four.notes(), "at least 4 peers") {
		t.Errorf("notes: %q", four.notes())
	}
}

// TestCalibrationGolden holds `team --calibration` in every format to golden files made
// before the calibration was made to stream (issue 23): 60 people from
// sheetgen.WriteCalibration (self, a manager of eight, two or three peers; some managers
// lenient, some strict), and rows whose names need escaping, quoting or are wide (CJK),
// a manager without a name in a sheet without a rater column, and peers too few to
// count. Regenerate with PMLADDER_UPDATE_GOLDEN=1 and review the diff.
func TestCalibrationGolden(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	goldens, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // the sheets' names are in the output: the same each run
	dir := "."
	var sheet bytes.Buffer
	if err := sheetgen.WriteCalibration(&sheet, r, 60, func(i int) int { return 2 + i%2 }, 1); err != nil {
		t.Fatal(err)
	}
	generated := filepath.Join(dir, "generated.csv")
	if err := os.WriteFile(generated, sheet.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	odd := filepath.Join(dir, "odd.csv") // no rater column: its manager is its author
	if err := os.WriteFile(odd, []byte("person,assessor,strategy.1,strategy.2,data-fluency.1,customer-insight.1\n"+
		"山田 花子,self,4,4,3,2\n山田 花子,manager,1,2,3,5\n\"Hopper, <Grace> & \"\"G\"\"\",self,2,2,2,2\n"+
		"\"Hopper, <Grace> & \"\"G\"\"\",manager,4,4,0,2\n=Evil(),self,3,3,3,3\n=Evil(),manager,3,3,3,3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats[*Calibration]() {
		var buf bytes.Buffer
		sink, err := (Output{Format: f, Options: Options{Width: 100}}).NewCalibrationSink(&buf, r, 0)
		if err != nil {
			t.Fatal(err)
		}
		rv := &input.Review{Rubric: r, Workers: 2}
		if err := rv.Run([]input.TeamInput{{Path: generated, Sheet: true}, {Path: odd, Sheet: true}}, sink); err != nil {
			t.Fatal(err)
		}
		got := buf.Bytes()
		golden := filepath.Join(goldens, "calibration.golden."+string(f))
		if os.Getenv("PMLADDER_UPDATE_GOLDEN") != "" {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the calibration differs from testdata/%s (PMLADDER_UPDATE_GOLDEN=1 rewrites it; review the diff)", f, filepath.Base(golden))
		}
	}
}

// TestCalibrationJSONMatchesEncodingJSON: the calibration's JSON, written a list element
// at a time, is byte for byte what WriteJSON writes for the whole document with its
// outliers held, with and without people, raters and outliers, and with text that
// encoding/json escapes.
func TestCalibrationJSONMatchesEncodingJSON(t *testing.T) {
	r := mustParse(t, `format: pmladder-rubric/v1
name: T
scale: {min: 0, max: 5}
categories: [{id: c, name: C, skills: [{id: a, name: Alpha, questions: [q]}, {id: b, name: Beta, questions: [q]}]}]
roles: [{id: r, name: R, level: 1, expects: {a: 1}}]
`)
	rating := func(person string, assessor assess.Assessor, rater string, scores ...float64) assess.Rating {
		return assess.Rating{Person: person, Assessor: assessor, Rater: rater, Scores: scores}
	}
	for name, ratings := range map[string][]assess.Rating{
		"nothing":  nil,
		"one self": {rating("Ada", "self", "", 4, 2)},
		"outliers": {
			rating("Ada <&> \"A\"", "self", "", 4, 2), rating("Ada <&> \"A\"", "manager", "M\u2028\t", 1, 2),
			rating("Bo", "self", "", 4, 3), rating("Bo", "manager", "", 1, 3),
			rating("Bo", "peer", "P", 2, 3), rating("Bo", "peer", "Q", 3, 3), rating("Bo", "peer", "R", 2, 3),
			rating("Cy", "self", "", 2, 2), rating("Cy", "manager", "Fair", 2, 2),
		},
	} {
		c := NewCalibration(assess.Calibrate(ratings, []string{"a", "b"}, 0), r)
		whole := struct {
			Format   string               `json:"format"`
			People   []CalibrationPerson  `json:"people"`
			Raters   []CalibrationRater   `json:"raters"`
			Outliers []CalibrationOutlier `json:"outliers"`
		}{c.Format, c.People, c.Raters, slices.Collect(c.outliers())}
		if whole.Outliers == nil {
			whole.Outliers = []CalibrationOutlier{}
		}
		var want, got bytes.Buffer
		if err := WriteJSON(&want, whole); err != nil {
			t.Fatal(err)
		}
		if err := c.writeJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n%s\nwant\n%s", name, got.String(), want.String())
		}
	}
}
