package input

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/internal/problem"
)

// namesSink records who reached it, in order, and the target readiness of each.
type namesSink struct {
	people []string
	closed bool
	fail   error // returned by Commit
}

type namesBatch struct{ people []string }

func (s *namesSink) NewBatch() TeamBatch { return &namesBatch{} }
func (s *namesSink) Abort()              {}

func (b *namesBatch) Add(sc *assess.Scorer, a *assess.Answers) error {
	st := sc.Standing(a)
	b.people = append(b.people, fmt.Sprintf("%s %s", a.Person, st.Target.Role.ID))
	return nil
}

func (b *namesBatch) Reset()      { b.people = b.people[:0] }
func (b *namesBatch) Seal() error { return nil }

func (s *namesSink) Commit(b TeamBatch) error {
	s.people = append(s.people, b.(*namesBatch).people...)
	return s.fail
}

func (s *namesSink) Close() error { s.closed = true; return nil }

// writeFiles writes files into a temporary folder and returns their paths by name.
func writeFiles(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	paths := map[string]string{}
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

func TestReviewReadsEveryInputInOrderWithAnyWorkers(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	var sheet strings.Builder
	sheet.WriteString("person,current_role,s1.1,s4.1\n")
	var want []string
	for i := 0; i < 300; i++ { // several batches
		fmt.Fprintf(&sheet, "P%d,r1,%d,2\n", i, i%5)
		want = append(want, fmt.Sprintf("P%d r2a", i))
	}
	sheet.WriteString(",,,\n") // an empty row, as spreadsheets leave them
	paths := writeFiles(t, map[string]string{
		"team.csv": sheet.String(),
		"people.yaml": "format: pmladder-answers/v1\nperson: Ada\ntarget_role: r3a\nanswers: {s1.1: 2}\n---\nformat: pmladder-answers/v1\nperson: Grace\ncurrent_role: r2b\nanswers: {s1.1: 3}\n" +
			"---\nformat: pmladder-answers/v1\nperson: Nobody Yet\n", // unfilled: skipped
	})
	want = append(want, "Ada r3a", "Grace r2b")
	inputs, err := FindTeamInputs([]string{paths["team.csv"], paths["people.yaml"]}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2, 7} {
		sink := &namesSink{}
		rv := &Review{Rubric: r, Workers: workers}
		if err := rv.Run(inputs, sink); err != nil {
			t.Fatal(err)
		}
		// Grace's current role has no next role: her target is her current role.
		if got := strings.Join(sink.people, "|"); got != strings.Join(want, "|") || !sink.closed {
			t.Errorf("%d workers: %d people, closed %v:\n%.200s", workers, len(sink.people), sink.closed, got)
		}
	}
	// A folder is searched; a folder with nothing to review says so.
	inputs, err = FindTeamInputs([]string{filepath.Dir(paths["team.csv"])}, nil)
	if err != nil || len(inputs) != 2 {
		t.Errorf("folder: %v %v", inputs, err)
	}
	var empty *EmptyFolderError
	if _, err := FindTeamInputs([]string{t.TempDir()}, nil); !errors.As(err, &empty) {
		t.Errorf("an empty folder: %v", err)
	}
}

func TestReviewProblems(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	var sheet strings.Builder
	sheet.WriteString("person,s1.1\n")
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&sheet, "P%d,%d\n", i, i%5)
	}
	sheet.WriteString("Bad,seven\n,3\nLast,1\n")
	paths := writeFiles(t, map[string]string{"team.csv": sheet.String()})
	inputs := []TeamInput{{Path: paths["team.csv"], Sheet: true}}

	// Without --skip-invalid: every problem, nothing closed.
	sink := &namesSink{}
	err := (&Review{Rubric: r, Workers: 2}).Run(inputs, sink)
	var list problem.List
	if !errors.As(err, &list) || len(list) != 2 || sink.closed {
		t.Fatalf("problems: %v (closed %v)", err, sink.closed)
	}
	if !strings.Contains(list[0].Error(), `team.csv:152: column "s1.1": "seven" is not a score`) ||
		!strings.HasSuffix(list[1].Error(), "team.csv:153: no person: everyone in a team review needs a name") {
		t.Errorf("problems:\n%v", err)
	}

	// With it: the problems are reported as skipped and everyone else is scored.
	sink = &namesSink{}
	var skipped []string
	rv := &Review{Rubric: r, SkipInvalid: true, Skipped: func(msg string) { skipped = append(skipped, msg) }}
	if err := rv.Run(inputs, sink); err != nil {
		t.Fatal(err)
	}
	if len(sink.people) != 151 || len(skipped) != 2 || !sink.closed || !strings.HasPrefix(sink.people[150], "Last ") {
		t.Errorf("%d people, skipped %v", len(sink.people), skipped)
	}

	// More than MaxTeamProblems: the rest are counted.
	var many strings.Builder
	many.WriteString("person,s1.1\n")
	for i := 0; i < MaxTeamProblems+5; i++ {
		fmt.Fprintf(&many, "P%d,x\n", i)
	}
	paths = writeFiles(t, map[string]string{"many.csv": many.String()})
	err = (&Review{Rubric: r}).Run([]TeamInput{{Path: paths["many.csv"], Sheet: true}}, &namesSink{})
	if !errors.As(err, &list) || len(list) != MaxTeamProblems+1 || list[MaxTeamProblems].Error() != "… and 5 more problems" {
		t.Errorf("%d problems, last %v", len(list), list[len(list)-1])
	}

	// A failure to write stops the review with that error.
	fail := errors.New("disk full")
	if err := (&Review{Rubric: r, Workers: 2}).Run(inputs[:1], &namesSink{fail: fail}); !errors.Is(err, fail) {
		t.Errorf("write failure: %v", err)
	}
}

func TestReviewReadsSheetsAndAnswersFromStdin(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	for _, in := range []string{"person,s1.1\nAda,3\n", "\ufeffperson,s1.1\r\nAda,3\r\n", "format: pmladder-answers/v1\nperson: Ada\nanswers: {s1.1: 3}\n",
		`{"format": "pmladder-answers/v1", "person": "Ada", "answers": {"s1.1": 3}}`} {
		sink := &namesSink{}
		rv := &Review{Rubric: r, Stdin: strings.NewReader(in)}
		if err := rv.Run([]TeamInput{{Path: "-"}}, sink); err != nil || len(sink.people) != 1 {
			t.Errorf("%q: %v %v", in, sink.people, err)
		}
	}
}

func TestSniffSheet(t *testing.T) {
	for in, sheet := range map[string]bool{
		"person,assessor,data-fluency.1\nAda,self,3\n": true,
		"\ufeffperson,evidence:data-fluency\n":         true,
		"person: Ada\nformat: pmladder-answers/v1\n":   false,
		"# notes\n\nformat: pmladder-answers/v1\n":     false,
		"---\nformat: pmladder-answers/v1\n":           false,
		`{"format": "pmladder-answers/v1"}`:            false,
		"person\nAda\n":                                true,
		"  assessor: manager\nperson: Ada\n":           false,
	} {
		if got := sniffSheet(bufio.NewReader(strings.NewReader(in))); got != sheet {
			t.Errorf("%q: sheet %v, want %v", in, got, sheet)
		}
	}
}
