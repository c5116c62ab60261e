package input

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess/input/xlsxtest"
)

// A workbook's text dates follow the column's order too, and a contradiction names both
// cells.
func TestSheetDatesWorkbookCells(t *testing.T) {
	head := row("1", is("A1", "person"), is("B1", "date"), is("C1", "data-fluency.1"))
	settled := head + row("2", is("A2", "Ada"), is("B2", "12/01/2026"), n("C2", "3")) +
		row("3", is("A3", "Grace"), is("B3", "13/01/2026"), n("C3", "2"))
	if run := review(t, "team.xlsx", xlsxtest.OneSheet(settled)); run.problems != "" || !slices.Equal(run.people, []string{"Ada=3", "Grace=2"}) {
		t.Errorf("settled by a later row: %s", run)
	}
	mixed := head + row("2", is("A2", "Ada"), is("B2", "13/01/2026"), n("C2", "3")) +
		row("3", is("A3", "Grace"), is("B3", "01/13/2026"), n("C3", "2"))
	wantProblem(t, review(t, "team.xlsx", xlsxtest.OneSheet(mixed)),
		`team.xlsx:Answers!B3: column "date": "01/13/2026" reads only mdy (month first), but "13/01/2026" at team.xlsx:Answers!B2 reads only dmy (day first)`)
	either := head + row("2", is("A2", "Ada"), is("B2", "12/01/2026"), n("C2", "3"))
	wantProblem(t, review(t, "team.xlsx", xlsxtest.OneSheet(either)),
		`team.xlsx:Answers!B2: column "date": "12/01/2026" could be 2026-01-12 or 2026-12-01`, "add --date-order mdy or dmy")
}

// A row held for its date keeps its other problems; rows held only to keep the order go
// on when the column never settles, with --skip-invalid.
func TestSheetDatesHeldRows(t *testing.T) {
	run := review(t, "team.csv", []byte("person,date,data-fluency.1\nAda,12/01/2026,9\nGrace,13/01/2026,2\n"))
	wantProblem(t, run, `team.csv:2: column "data-fluency.1": score 9 is outside the scale`)
	if strings.Contains(run.problems, "date") {
		t.Errorf("the date was settled by the next row: %s", run)
	}

	path := filepath.Join(t.TempDir(), "team.csv")
	os.WriteFile(path, []byte("person,date,data-fluency.1\nAda,12/01/2026,1\nGrace,2026-11-22,2\nAlan,,3\n"), 0o600)
	inputs, _ := FindTeamInputs([]string{path}, nil)
	var skipped []string
	sink := &answerSink{}
	rv := &Review{Rubric: defaultRubric, Workers: 1, SkipInvalid: true, Skipped: func(msg string) { skipped = append(skipped, msg) }}
	if err := rv.Run(inputs, sink); err != nil || !slices.Equal(sink.people, []string{"Grace=2", "Alan=3"}) || len(skipped) != 1 ||
		!strings.Contains(skipped[0], `team.csv:2: column "date": "12/01/2026" could be`) {
		t.Errorf("err %v, people %q, skipped %q", err, sink.people, skipped)
	}
}

// A sheet held back for its dates is bounded: past maxHeldRows without a telling date,
// the order must be given.
func TestSheetDatesHeldAtMost(t *testing.T) {
	var b strings.Builder
	b.WriteString("person,date,data-fluency.1\n")
	for i := range maxHeldRows + 1 {
		fmt.Fprintf(&b, "P%d,03/04/2026,1\n", i)
	}
	b.WriteString("Last,13/04/2026,1\n")
	run := review(t, "team.csv", []byte(b.String()))
	wantProblem(t, run, fmt.Sprintf(`team.csv:2: column "date": %d dates read either way`, maxHeldRows+1),
		fmt.Sprintf("none of the first %d rows has a date with a day past the 12th", maxHeldRows))
}
