package input

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

func fuzzRubric(f *testing.F) *rubric.Rubric {
	r, err := rubric.Default()
	if err != nil {
		f.Fatal(err)
	}
	return r
}

// FuzzParseAnswers checks that no answers file makes the parser panic, that a rejected
// file always comes with located problems, and that accepted answers score.
func FuzzParseAnswers(f *testing.F) {
	r := fuzzRubric(f)
	f.Add([]byte("format: pmladder-answers/v1\nperson: Ada\nanswers: {data-fluency.1: 3, strategy.2: na}\n"))
	f.Add([]byte(`{"format": "pmladder-answers/v1", "person": "G", "current_role": "pm", "answers": {"delivery.1": 5}}`))
	f.Add([]byte("format: pmladder-answers/v1\nrubric: {name: x, sha256: y}\ndate: 2026-11-22\ntrack: ic\nanswers:\n  ux-literacy.2: 9\n"))
	f.Add([]byte("format: pmladder-answers/v1\n---\nformat: pmladder-answers/v1\nperson: B\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := ParseAnswers("fuzz.yaml", data, r)
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		for pos, q := range r.Questions() {
			if v, ok := a.Lookup(pos); ok && !v.NA && (v.Score < r.Scale.Min || v.Score > r.Scale.Max) {
				t.Fatalf("accepted %s = %v", q.ID, v)
			}
		}
		res := assess.Score(r, a, assess.ScoreOptions{Certs: 3})
		if res.Answered > res.Questions {
			t.Fatalf("answered %d of %d", res.Answered, res.Questions)
		}
		if _, _, err := ParseAnswers("again.yaml", MarshalYAML(a, r), r); err != nil {
			t.Fatalf("written answers do not read back: %v", err)
		}
		docs := 0
		EachAnswers("fuzz.yaml", data, r, func(AnswersDoc) { docs++ })
		if docs != 1 {
			t.Fatalf("one document read as %d", docs)
		}
	})
}

// FuzzSheet checks that no team sheet makes the reader panic or loop, and that every
// problem is located.
func FuzzSheet(f *testing.F) {
	r := fuzzRubric(f)
	f.Add("person,assessor,date,current_role,target_role,track,data-fluency.1,data-fluency.2\nAda,self,2026-11-22,pm,,ic,3,na\n")
	f.Add("\ufeffperson,data-fluency.1\r\n\"Hopper, Grace\",4\r\n,\r\n")
	f.Add("person,colour\nx,y\n")
	f.Add("person,data-fluency.1\n\"unclosed,3\n")
	f.Add("person,data-fluency.1\nA,seven\nB\nC,1,2\n")
	f.Fuzz(func(t *testing.T, data string) {
		sr, err := NewSheetReader("fuzz.csv", strings.NewReader(data), r)
		if !headerChecked(t, err) {
			return
		}
		if !readsEveryRow(t, sr, r, strings.Count(data, "\n")+1) {
			t.Fatal("more rows than lines: the reader does not stop")
		}
	})
}

// headerChecked reports whether a sheet's header was read; a header that was not must
// come with located problems.
func headerChecked(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		return true
	}
	var list problem.List
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("header error without problems: %v", err)
	}
	return false
}

// readsEveryRow reads a sheet to its end, at most most rows: every row either scores or
// comes back as located problems, past the header. It reports whether the end came.
func readsEveryRow(t *testing.T, sr *SheetReader, r *rubric.Rubric, most int) bool {
	t.Helper()
	a := assess.NewAnswers(r)
	for rows := 0; rows <= most; rows++ {
		line, err := sr.ReadInto(a)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 || list[0].Line < 1 {
				t.Fatalf("row error without a located problem: %v", err)
			}
			continue
		}
		if line < 2 {
			t.Fatalf("row at line %d", line)
		}
		assess.Score(r, a, assess.ScoreOptions{Certs: 3})
	}
	return false
}

// FuzzWorkbook feeds any bytes to the workbook reader, starting from the fixtures: it
// must never panic or hang, every problem must be located, and reading must stop.
func FuzzWorkbook(f *testing.F) {
	r := fuzzRubric(f)
	for _, name := range []string{"team-filled.xlsx", "team-bad.xlsx", "team-filled-libreoffice.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "cmd", "testdata", "xlsx", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sr, err := NewWorkbookReader("fuzz.xlsx", bytes.NewReader(data), r)
		if !headerChecked(t, err) {
			return
		}
		defer sr.Close()
		if !readsEveryRow(t, sr, r, 1<<21) {
			t.Fatal("more rows than a sheet holds: the reader does not stop")
		}
	})
}
