package rubric

import (
	"errors"
	"os"
	"testing"

	"github.com/pmladder/pmladder/internal/problem"
)

// FuzzParse checks that no input makes Parse panic, that a rejected input always comes
// with located problems, and that an accepted one is fully indexed.
func FuzzParse(f *testing.F) {
	f.Add(defaultYAML)
	if b, err := os.ReadFile("testdata/support-ladder.yaml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(base))
	f.Add([]byte("format: pmladder-rubric/v1\nname: x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.yaml", data)
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			for _, p := range list {
				if p.File != "fuzz.yaml" {
					t.Fatalf("problem without the file: %+v", p)
				}
			}
			return
		}
		for _, s := range r.Skills() {
			if r.Skill(s.ID) != s || len(s.Questions) == 0 || s.Weight <= 0 {
				t.Fatalf("skill %q badly indexed", s.ID)
			}
		}
		for _, q := range r.Questions() {
			if r.Question(q.ID) != q || r.Skill(q.Skill) == nil {
				t.Fatalf("question %q badly indexed", q.ID)
			}
		}
		for i := range r.Roles {
			for s, v := range r.Roles[i].Expects {
				if r.Skill(s) == nil || !r.Scale.Contains(v) {
					t.Fatalf("role %q expects %q %v", r.Roles[i].ID, s, v)
				}
			}
			for _, n := range r.Roles[i].Next {
				if r.Role(n) == nil {
					t.Fatalf("role %q next %q", r.Roles[i].ID, n)
				}
			}
		}
	})
}
