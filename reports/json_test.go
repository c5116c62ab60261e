package reports

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// marshalCompact is what encoding/json writes for v, compact, without HTML escaping.
func marshalCompact(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// TestReportJSONMatchesEncodingJSON holds the team review's JSON encoder to encoding/json
// on every person of the fixture sheet, a hostile report and random text.
func TestReportJSONMatchesEncodingJSON(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "team-odd.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := input.NewSheetReader("team-odd.csv", f, r)
	if err != nil {
		t.Fatal(err)
	}
	a := assess.NewAnswers(r)
	var reports []*Report
	for {
		_, err := sheet.ReadInto(a)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, NewReport(assess.Score(r, a, assess.ScoreOptions{Certs: 3})))
	}
	reports = append(reports, NewReport(hostileResult(t)), &Report{})
	rng := rand.New(rand.NewSource(7))
	alphabet := []string{"a", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "é", "日", "\u2028", "\u2029", "\xff", "\xe2\x82", "<", ">", "&"}
	for i := 0; i < 500; i++ {
		var s []byte
		for n := rng.Intn(8); n > 0; n-- {
			s = append(s, alphabet[rng.Intn(len(alphabet))]...)
		}
		rep := *reports[0]
		rep.Person = string(s)
		text := string(s) + "!"
		rep.Rater = &text
		rep.Skills = append([]Skill(nil), rep.Skills...)
		rep.Skills[i%len(rep.Skills)].Evidence = &text
		reports = append(reports, &rep)
	}
	// The same skill and step with other next steps and actions, none, and empty ones: a
	// review's encoder keeps what it encoded of the rubric for the next person, and must
	// not reuse it where it does not fit.
	for i, change := range []func(g *Gap){
		func(g *Gap) { g.NextStep = g.NextStep[:len(g.NextStep)-1] },
		func(g *Gap) { g.NextStep, g.Actions = nil, nil },
		func(g *Gap) { g.NextStep, g.Actions = []string{}, []string{} },
		func(g *Gap) { g.Actions = append([]string{"another <action>"}, g.Actions...) },
		func(g *Gap) {},
	} {
		rep := *reports[i%2]
		rep.Gaps = append([]Gap(nil), rep.Gaps...)
		if len(rep.Gaps) == 0 || len(rep.Gaps[0].NextStep) == 0 {
			t.Fatalf("report %d has no gap with next steps to vary", i%2)
		}
		change(&rep.Gaps[0])
		reports = append(reports, &rep)
	}
	var review reportJSON // one encoder for every report, as a team review's batch has
	for i, rep := range reports {
		want := marshalCompact(t, rep)
		if got := appendReportJSON(nil, rep); !bytes.Equal(got, want) {
			t.Fatalf("report %d:\n got %s\nwant %s", i, firstDiff(got, want), firstDiff(want, got))
		}
		if got := review.append(nil, rep); !bytes.Equal(got, want) {
			t.Fatalf("report %d, after the others:\n got %s\nwant %s", i, firstDiff(got, want), firstDiff(want, got))
		}
	}
}
