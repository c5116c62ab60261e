package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// TestFewPeersStayAnonymous: with fewer peers than --min-peers, no format names a peer or
// shows a lone peer's rating, or enough to work it out (the manager's score beside the
// others' mean); at the threshold the peers show, as a group, still unnamed.
func TestFewPeersStayAnonymous(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	person := func(assessor assess.Assessor, rater string, score, day int) *assess.Answers {
		a := assess.NewAnswers(r)
		a.Person, a.Assessor, a.Rater, a.CurrentRole = "Ada Lovelace", assessor, rater, "pm"
		a.Date = time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC)
		for _, q := range r.Questions() {
			a.Set(q.ID, assess.Answer{Score: score})
		}
		return a
	}
	self, manager := person("self", "", 4, 1), person("manager", "Morgan Manager", 2, 2)
	lone := person("peer", "Zed Okonkwo", 0, 3) // a rating no one else gives
	lone.Set("data-fluency.1", assess.Answer{Score: 5})
	for _, tc := range []struct {
		name  string
		peers []*assess.Answers
		shown bool
	}{
		{"one peer", []*assess.Answers{lone}, false},
		{"two peers", []*assess.Answers{lone, person("peer", "Yan Tolliver", 1, 4)}, false},
		{"three peers", []*assess.Answers{lone, person("peer", "Yan Tolliver", 1, 4), person("peer", "Xu Qiang", 1, 5)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmp, err := assess.Compare(r, append([]*assess.Answers{self, manager}, tc.peers...), assess.CompareOptions{All: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, format := range Formats[*Compare]() {
				var buf bytes.Buffer
				if err := (Output{Format: format}).Write(&buf, NewCompare(cmp, true)); err != nil {
					t.Fatal(err)
				}
				out := buf.String()
				for _, p := range tc.peers {
					for _, part := range strings.Fields(p.Rater) {
						if i := strings.Index(out, part); i >= 0 {
							t.Errorf("%s: a peer is named: …%s…", format, out[max(0, i-80):min(len(out), i+80)])
						}
					}
				}
				if format != "json" {
					continue
				}
				var raw struct {
					Skills []map[string]any
				}
				json.Unmarshal(buf.Bytes(), &raw)
				for _, s := range raw.Skills {
					if (s["peers"] != nil) != tc.shown {
						t.Errorf("%s peers %v, want shown %v", s["id"], s["peers"], tc.shown)
					}
					if !tc.shown && s["manager"] != nil {
						t.Errorf("%s: the manager's score beside the others' mean gives the lone peer's away: %v", s["id"], s["manager"])
					}
					if s["id"] == "data-fluency" && !tc.shown {
						for k, v := range s {
							if f, ok := v.(float64); ok && (f == 2.5 && len(tc.peers) == 1 || f == 5) && k != "expected" {
								t.Errorf("data-fluency %s = %v: a lone peer's rating", k, v)
							}
						}
					}
				}
			}
		})
	}
}
