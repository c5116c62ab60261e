package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

// The anonymity rule (docs/formats.md, "Anonymity"), tried by an adversary: on a
// person's skill that fewer than --min-peers peers rated, no output of compare or team
// --calibration, in any format, depends on a peer's score. The proof is the strongest
// there is: every output is byte-identical whatever one such peer gave (or whether they
// answered at all), so nothing printed can be solved for it. At or above the threshold
// the peers show, as a group, and the same harness sees their scores move the output.

// oneSkill is a ladder of one skill of two questions: every number is about that skill.
const oneSkill = `format: pmladder-rubric/v1
name: One
scale: {min: 1, max: 5}
categories: [{id: c, name: C, skills: [{id: a, name: Alpha, questions: [q, q]}]}]
roles: [{id: r1, name: R1, level: 1, expects: {a: 2}, next: [r2]}, {id: r2, name: R2, level: 2, expects: {a: 4}}]
`

// anonRubric is a ladder the adversary tries: one skill; the hand-scored one (four
// skills, tracks); the built-in one (statements, many skills).
type anonRubric struct {
	name string
	r    *rubric.Rubric
}

func anonRubrics(t *testing.T) []anonRubric {
	t.Helper()
	def, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	return []anonRubric{{"one skill", assesstest.Rubric(t, oneSkill)}, {"hand", assesstest.Rubric(t, assesstest.Hand)}, {"built-in", def}}
}

// Markers no output may print: a peer's name (every peer is "Zq… Xv…"), a peer's date
// (peers alone rate in 2025) and a peer's evidence.
const peerName, peerYear, peerEvidence = "Zq", "2025-", "peer-evidence"

// The answers of a spec: a score, unanswered, or na.
const (
	unanswered = -1
	naAnswer   = -2
)

// spec is one rating as data, so that a copy can differ from it in one peer's score.
type spec struct {
	person          string
	assessor        assess.Assessor
	rater           string
	date            time.Time
	current, target string
	scores          []int // by question position
	evidence        map[string]string
}

func (s spec) answers(r *rubric.Rubric) *assess.Answers {
	a := assess.NewAnswers(r)
	a.Person, a.Assessor, a.Rater, a.Date = s.person, s.assessor, s.rater, s.date
	a.CurrentRole, a.TargetRole = s.current, s.target
	for pos, v := range s.scores {
		switch v {
		case unanswered:
		case naAnswer:
			a.SetAt(pos, assess.Answer{NA: true})
		default:
			a.SetAt(pos, assess.Answer{Score: v})
		}
	}
	for skill, text := range s.evidence {
		a.SetEvidence(skill, text)
	}
	return a
}

// questionsOf are the positions of skill k's questions.
func questionsOf(r *rubric.Rubric, k int) []int {
	var out []int
	for _, q := range r.Skills()[k].Questions {
		pos, _ := r.QuestionPos(q.ID)
		out = append(out, pos)
	}
	return out
}

// rates reports whether s scores skill k: a question of it answered, not na.
func (s spec) rates(r *rubric.Rubric, k int) bool {
	for _, pos := range questionsOf(r, k) {
		if s.scores[pos] >= 0 {
			return true
		}
	}
	return false
}

// withSkill is s with each of skill k's answers replaced by f(i, old): the i-th question's.
func (s spec) withSkill(r *rubric.Rubric, k int, f func(i, old int) int) spec {
	s.scores = append([]int(nil), s.scores...)
	for i, pos := range questionsOf(r, k) {
		s.scores[pos] = f(i, s.scores[pos])
	}
	return s
}

// ratingGen makes random ratings from a seed.
type ratingGen struct {
	rng   *rand.Rand
	r     *rubric.Rubric
	peers int // peers made so far, for their names and dates
}

// rating is a random rating of person; skip is how often a question is left unanswered.
// Half the files declare no roles, so that a target is worked out from the scores.
func (g *ratingGen) rating(person string, assessor assess.Assessor, rater string, skip float64) spec {
	s := spec{person: person, assessor: assessor, rater: rater, date: time.Date(2026, 3, 1+g.rng.IntN(20), 9, 0, 0, 0, time.UTC)}
	if assessor == assess.Peer {
		g.peers++
		s.rater = fmt.Sprintf("%s%c Xv%d", peerName, 'a'+g.peers%26, g.peers)
		s.date = time.Date(2025, 7, 1+g.peers%28, 9, 0, 0, 0, time.UTC)
	}
	if g.rng.IntN(2) == 0 {
		ids := g.r.RoleIDs()
		s.current, s.target = ids[g.rng.IntN(len(ids))], ids[g.rng.IntN(len(ids))]
	}
	lo, hi := g.r.Scale.Min, g.r.Scale.Max
	for range g.r.Questions() {
		switch x := g.rng.Float64(); {
		case x < skip:
			s.scores = append(s.scores, unanswered)
		case x < skip+0.04:
			s.scores = append(s.scores, naAnswer)
		default:
			s.scores = append(s.scores, lo+g.rng.IntN(hi-lo+1))
		}
	}
	s.evidence = map[string]string{}
	for _, sk := range g.r.Skills() {
		if g.rng.IntN(3) == 0 {
			s.evidence[sk.ID] = string(assessor) + " says so"
			if assessor == assess.Peer {
				s.evidence[sk.ID] = peerEvidence + " " + s.rater
			}
		}
	}
	return s
}

// output is one rendering: which, and its bytes.
type output struct {
	name string
	text string
}

// compareOutputs are every format of compare, with and without --all.
func compareOutputs(t *testing.T, r *rubric.Rubric, specs []spec, minPeers int) []output {
	t.Helper()
	var answers []*assess.Answers
	for _, s := range specs {
		answers = append(answers, s.answers(r))
	}
	var out []output
	for _, all := range []bool{false, true} {
		c, err := assess.Compare(r, answers, assess.CompareOptions{All: all, MinPeers: minPeers})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range Formats[*Compare]() {
			var buf bytes.Buffer
			if err := (Output{Format: f}).Write(&buf, NewCompare(c, all)); err != nil {
				t.Fatal(err)
			}
			out = append(out, output{fmt.Sprintf("compare %s (all %v)", f, all), buf.String()})
		}
	}
	return out
}

// firstDifference shows where two outputs part.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  before: %.300s\n  after:  %.300s", i+1, x, y)
		}
	}
	return "(equal)"
}

// peerTrial is one way a peer's rating of a skill could have been different.
type peerTrial struct {
	name string
	f    func(i, old int) int
}

// peerTrials are the other ratings one peer could have given a skill: every answer the
// lowest score, every one the highest, one answer moved (the skill's score moves a little),
// and, when another peer still rates it, no rating at all.
func peerTrials(r *rubric.Rubric, stillRated bool) []peerTrial {
	lo, hi := r.Scale.Min, r.Scale.Max
	trials := []peerTrial{
		{"all lowest", func(int, int) int { return lo }},
		{"all highest", func(int, int) int { return hi }},
		{"one answer moved", func(i, old int) int {
			if i > 0 {
				return old
			}
			if old < lo || old >= hi {
				return lo
			}
			return old + 1
		}},
	}
	if stillRated {
		trials = append(trials, peerTrial{"not rated (na)", func(int, int) int { return naAnswer }})
	}
	return trials
}

// noPeerShows checks that no output names a peer, dates one or quotes their evidence.
func noPeerShows(t *testing.T, outs []output) {
	t.Helper()
	for _, o := range outs {
		for _, mark := range []string{peerName, peerYear, peerEvidence} {
			if i := strings.Index(o.text, mark); i >= 0 {
				t.Errorf("%s shows a peer (%q): …%s…", o.name, mark, o.text[max(0, i-80):min(len(o.text), i+80)])
			}
		}
	}
}

// sameOutputs reports the first output that differs, or "".
func sameOutputs(before, after []output) string {
	for i := range before {
		if before[i].text != after[i].text {
			return before[i].name + ": " + firstDifference(before[i].text, after[i].text)
		}
	}
	return ""
}

// tryFewPeers changes a peer's rating of a person's skill that fewer than minPeers peers
// rated, one change at a time, and checks that every output stays byte-identical. The
// changes tried are every such peer × skill × trial (peerTrials), or when there are more
// than budget, budget of them drawn by rng. Specs are grouped by person (names as
// written). It returns how many it tried.
func tryFewPeers(t *testing.T, rng *rand.Rand, r *rubric.Rubric, specs []spec, minPeers, budget int, outputs func([]spec) []output) int {
	t.Helper()
	before := outputs(specs)
	noPeerShows(t, before)
	type change struct {
		person string
		peers  int // how many peers rated the skill
		spec   int // the peer's
		skill  int
		trial  peerTrial
	}
	var changes []change
	for k := range r.Skills() {
		byPerson := map[string][]int{}
		for i, s := range specs {
			if s.assessor == assess.Peer && s.rates(r, k) {
				byPerson[s.person] = append(byPerson[s.person], i)
			}
		}
		for person, peers := range byPerson {
			if len(peers) >= minPeers {
				continue
			}
			for _, i := range peers {
				for _, trial := range peerTrials(r, len(peers) > 1) {
					changes = append(changes, change{person, len(peers), i, k, trial})
				}
			}
		}
	}
	if len(changes) > budget {
		rng.Shuffle(len(changes), func(i, j int) { changes[i], changes[j] = changes[j], changes[i] })
		changes = changes[:budget]
	}
	for _, c := range changes {
		changed := append([]spec(nil), specs...)
		changed[c.spec] = specs[c.spec].withSkill(r, c.skill, c.trial.f)
		if diff := sameOutputs(before, outputs(changed)); diff != "" {
			t.Fatalf("%s's skill %s, rated by %d peers (fewer than %d): one peer's rating changed (%s) changes %s",
				c.person, r.Skills()[c.skill].ID, c.peers, minPeers, c.trial.name, diff)
		}
	}
	return len(changes)
}

// trialBudget is how many changes a setup tries at most (fewer in -short).
func trialBudget() int {
	if testing.Short() {
		return 8
	}
	return 24
}

// peerCounts are the numbers of peers a setup tries for a threshold: one, two and one
// short of it (those below), exactly it with some skills skipped (so that some skills fall
// below and others not), and above it.
func peerCounts(minPeers int) []struct {
	n    int
	skip float64
} {
	var out []struct {
		n    int
		skip float64
	}
	seen := map[int]bool{}
	for _, n := range []int{1, 2, minPeers - 1} {
		if n >= 1 && n < minPeers && !seen[n] {
			seen[n] = true
			out = append(out, struct {
				n    int
				skip float64
			}{n, 0.1})
		}
	}
	return append(out, struct {
		n    int
		skip float64
	}{minPeers, 0.35}, struct {
		n    int
		skip float64
	}{minPeers + 1, 0})
}

// thresholds are the --min-peers tried: 2 to 5; only the default on the built-in ladder
// (slow to score and render) and in -short.
func thresholds(ar anonRubric) []int {
	if testing.Short() || ar.name == "built-in" {
		return []int{assess.DefaultMinPeers}
	}
	return []int{2, 3, 4, 5}
}

// TestCompareAnonymity: for one, two and min-peers−1 peers, with self or not, with no,
// one or two managers, on one skill and several, and at the thresholds 2 to 5: whatever a
// peer below the threshold gave a skill, compare writes the same bytes in every format,
// with and without --all. At the threshold the peers show as a group, and their scores
// do move the output (the harness can see a dependence when there is one).
func TestCompareAnonymity(t *testing.T) {
	seed := uint64(1)
	for _, ar := range anonRubrics(t) {
		r := ar.r
		for _, minPeers := range thresholds(ar) {
			for _, pc := range peerCounts(minPeers) {
				for managers := 0; managers <= 2; managers++ {
					for _, self := range []bool{true, false} {
						seed++
						if !self && managers == 0 && pc.n < 2 {
							continue // one file is no comparison
						}
						name := fmt.Sprintf("%s/min-peers %d/%d peers (skip %.2f)/%d managers/self %v", ar.name, minPeers, pc.n, pc.skip, managers, self)
						t.Run(name, func(t *testing.T) {
							g := &ratingGen{rng: rand.New(rand.NewPCG(seed, 7)), r: r}
							var specs []spec
							if self {
								specs = append(specs, g.rating("Ada Lovelace", assess.Self, "", 0.1))
							}
							for m := range managers {
								specs = append(specs, g.rating("Ada Lovelace", assess.Manager, []string{"Morgan Reyes", "Priya Shah"}[m], 0.1))
							}
							for range pc.n {
								specs = append(specs, g.rating("Ada Lovelace", assess.Peer, "", pc.skip))
							}
							outputs := func(s []spec) []output { return compareOutputs(t, r, s, minPeers) }
							if n := tryFewPeers(t, g.rng, r, specs, minPeers, trialBudget(), outputs); n == 0 && pc.n < minPeers {
								t.Errorf("%d peers below %d, yet nothing to try", pc.n, minPeers)
							}
							if pc.n >= minPeers {
								groupShows(t, r, specs, minPeers, outputs)
							}
						})
					}
				}
			}
		}
	}
}

// groupShows checks, for a compare at or above the threshold, that each skill as many
// peers rated shows them as a group of that many (the JSON, with --all), and that their
// scores are in the output: moving one peer's rating of such a skill changes it.
func groupShows(t *testing.T, r *rubric.Rubric, specs []spec, minPeers int, outputs func([]spec) []output) {
	t.Helper()
	before := outputs(specs)
	var doc struct {
		Skills []struct {
			ID    string
			Peers *PeersJSON
		}
	}
	for _, o := range before {
		if o.name == "compare json (all true)" {
			if err := json.Unmarshal([]byte(o.text), &doc); err != nil {
				t.Fatal(err)
			}
		}
	}
	moved := false
	for k, sk := range r.Skills() {
		var peers []int
		for i, s := range specs {
			if s.assessor == assess.Peer && s.rates(r, k) {
				peers = append(peers, i)
			}
		}
		got := 0
		if p := doc.Skills[k].Peers; p != nil {
			got = p.N
		}
		want := len(peers)
		if want < minPeers {
			want = 0
		}
		if doc.Skills[k].ID != sk.ID || got != want {
			t.Errorf("%s: peers shown as a group of %d, want %d (%d rated it, min-peers %d)", sk.ID, got, want, len(peers), minPeers)
		}
		if want > 0 && !moved {
			// Every answer to the far end of the scale from the peer's rating.
			lo, hi := r.Scale.Min, r.Scale.Max
			sum, n := 0, 0
			for _, pos := range questionsOf(r, k) {
				if v := specs[peers[0]].scores[pos]; v >= 0 {
					sum, n = sum+v, n+1
				}
			}
			far := lo
			if 2*sum < (lo+hi)*n {
				far = hi
			}
			changed := append([]spec(nil), specs...)
			changed[peers[0]] = specs[peers[0]].withSkill(r, k, func(int, int) int { return far })
			moved = sameOutputs(before, outputs(changed)) != ""
			if !moved {
				t.Errorf("%s: %d peers rated it, at least %d: a peer's rating moved, yet no output changed", sk.ID, len(peers), minPeers)
			}
		}
	}
}
