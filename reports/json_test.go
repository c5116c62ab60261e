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
	for i, rep := range reports {
		want := marshalCompact(t, rep)
		if got := appendReportJSON(nil, rep); !bytes.Equal(got, want) {
			t.Fatalf("report %d:\n got %s\nwant %s", i, firstDiff(got, want), firstDiff(want, got))
		}
	}
}
