package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/textwrap"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// teamOutput runs a team review of the sheets with the given number of workers into a
// format and returns what it wrote.
func teamOutput(t *testing.T, r *rubric.Rubric, out Output, workers int, sheets ...string) []byte {
	t.Helper()
	var inputs []input.TeamInput
	for _, s := range sheets {
		inputs = append(inputs, input.TeamInput{Path: s, Sheet: strings.HasSuffix(s, ".csv")})
	}
	var buf bytes.Buffer
	sink, err := out.NewTeamSink(&buf, r, 3)
	if err != nil {
		t.Fatal(err)
	}
	rv := &input.Review{Rubric: r, Options: assess.ScoreOptions{Certs: 3}, Workers: workers}
	if err := rv.Run(inputs, sink); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTeamCSVGolden holds the long CSV of a team review, names that need quoting or
// neutralising included, to a golden file made by the first implementation: the one row
// encoder writes the rows of one worker and of several alike, byte for byte. Regenerate
// with PMLADDER_UPDATE_GOLDEN=1 and review the diff.
func TestTeamCSVGolden(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join("testdata", "team-odd.csv")
	golden := filepath.Join("testdata", "team-odd.golden.csv")
	got := teamOutput(t, r, Output{Format: "csv"}, 1, sheet)
	if os.Getenv("PMLADDER_UPDATE_GOLDEN") != "" {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2, 5} {
		got := teamOutput(t, r, Output{Format: "csv"}, workers, sheet)
		if !bytes.Equal(got, want) {
			t.Fatalf("%d workers: rows differ:\n%s\nwant:\n%s", workers, firstDiff(got, want), firstDiff(want, got))
		}
	}
	excel := teamOutput(t, r, Output{Format: "csv", Excel: true}, 2, sheet)
	wantExcel := "\ufeff" + strings.ReplaceAll(string(want), "\n", "\r\n")
	if string(excel) != wantExcel {
		t.Fatalf("--excel: want the same cells with a byte-order mark and CRLF:\n%s", firstDiff(excel, []byte(wantExcel)))
	}
	// One person's report writes the same rows as the team review does for them.
	a, _, err := input.ParseAnswers("ada.yaml", []byte("format: pmladder-answers/v1\nperson: \"=cmd\"\nanswers: {data-fluency.1: 3}\n"), r)
	if err != nil {
		t.Fatal(err)
	}
	var one bytes.Buffer
	if err := (Output{Format: CSV}).Write(&one, NewPerson(assess.Score(r, a, assess.ScoreOptions{}))); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(one.String(), strings.SplitN(string(want), "\n", 2)[0]+"\n'=cmd,self,,") {
		t.Errorf("one person's CSV:\n%s", one.String())
	}
}

// TestTeamFormatsAreTheSameWithAnyWorkers checks that the order of the people and the
// summary do not depend on how many workers scored them, in every format.
func TestTeamFormatsAreTheSameWithAnyWorkers(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join("testdata", "team-odd.csv")
	for _, format := range []Format{Table, Markdown, CSV, JSON, HTML} {
		one := teamOutput(t, r, Output{Format: format}, 1, sheet)
		many := teamOutput(t, r, Output{Format: format}, 4, sheet)
		if !bytes.Equal(one, many) {
			t.Errorf("%s: 1 and 4 workers differ:\n%s\nwant:\n%s", format, firstDiff(many, one), firstDiff(one, many))
		}
	}
	var doc struct {
		Format string            `json:"format"`
		People []json.RawMessage `json:"people"`
		Sum    TeamSummary       `json:"summary"`
	}
	out := teamOutput(t, r, Output{Format: "json"}, 3, sheet)
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("team JSON: %v\n%s", err, firstDiff(out, nil))
	}
	if doc.Format != TeamFormat || len(doc.People) != 300 || len(doc.Sum.Skills) != len(r.Skills()) {
		t.Errorf("format %q, %d people, %d summary skills", doc.Format, len(doc.People), len(doc.Sum.Skills))
	}
	if lines := strings.Count(string(out), "\n    {\"format\":\""+ReportFormat+"\","); lines != 300 {
		t.Errorf("want one person per line: %d lines start a report", lines)
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-80)
	return string(a[start:min(len(a), i+80)])
}

// TestTeamTableFitsTheWidth: the team table wraps to 60 and 80 columns, never cutting a
// line.
func TestTeamTableFitsTheWidth(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{60, 80, 120} {
		out := teamOutput(t, r, Output{Format: "table", Options: Options{Width: width}}, 2, filepath.Join("testdata", "team-odd.csv"))
		for _, line := range strings.Split(string(out), "\n") {
			if w := textwrap.Width(line); w > width {
				t.Fatalf("width %d: a line of %d columns:\n%s", width, w, line)
			}
		}
	}
}
