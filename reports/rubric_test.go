package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmladder/pmladder/rubric"
)

func mustParse(t *testing.T, src string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// bigLadder has many roles with long names, no tracks, no labels and no certifications.
func bigLadder(roles int) string {
	var b strings.Builder
	b.WriteString("format: pmladder-rubric/v1\nname: A very long ladder name that goes on and on past the edge of the terminal\n")
	b.WriteString("scale: {min: 1, max: 10}\ncategories:\n  - id: c\n    name: Everything\n    skills:\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&b, "      - {id: s%d, name: An extraordinarily long skill name number %d with many words, questions: [Q]}\n", i, i)
	}
	b.WriteString("roles:\n")
	for i := 0; i < roles; i++ {
		level := ""
		if i%4 != 3 {
			level = fmt.Sprintf(", level: %d", i+1)
		}
		fmt.Fprintf(&b, "  - {id: r%d, name: Ünusual Role Number %d of the Organisation%s, expects: {s%d: %d.5}}\n", i, i, level, i%5, 1+i%9)
	}
	return b.String()
}

func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > width {
			t.Errorf("line %d is %d wide (> %d): %q", i+1, n, width, line)
		}
	}
}

func TestRubricViewsFitTheWidth(t *testing.T) {
	r := mustParse(t, bigLadder(30))
	for _, width := range []int{80, 100} {
		var buf bytes.Buffer
		if err := (Output{Format: Table, Options: Options{Width: width}}).Write(&buf, NewRubricShow(r, nil)); err != nil {
			t.Fatal(err)
		}
		checkWidth(t, buf.String(), width)
		if !strings.Contains(buf.String(), "ÜRN29O") {
			t.Errorf("every role gets a column:\n%s", buf.String())
		}
		buf.Reset()
		if err := RoleGraph(&buf, r, Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		checkWidth(t, buf.String(), width)
		buf.Reset()
		if err := (Output{Format: Table, Options: Options{Width: width}}).Write(&buf, NewRubricShow(r, r.Role("r7"))); err != nil {
			t.Fatal(err)
		}
		checkWidth(t, buf.String(), width)
		if !strings.Contains(buf.String(), "lateral role, beside the ladder") || !strings.Contains(buf.String(), "8.5") {
			t.Errorf("role view:\n%s", buf.String())
		}
	}
}

func TestOnlyLateralRoles(t *testing.T) {
	r := mustParse(t, `format: pmladder-rubric/v1
name: Flat
scale: {min: 0, max: 2}
categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [Q]}]}]
roles: [{id: a, name: Alpha, expects: {s: 1}}, {id: b, name: Beta, expects: {s: 2}, next: [a]}]
`)
	var buf bytes.Buffer
	if err := (Output{Format: Table}).Write(&buf, NewRubricShow(r, nil)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Expected score by role") || !strings.Contains(buf.String(), "Lateral roles") {
		t.Errorf("matrix:\n%s", buf.String())
	}
	buf.Reset()
	if err := RoleGraph(&buf, r, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "from: Beta") {
		t.Errorf("graph:\n%s", buf.String())
	}
}

func TestInitials(t *testing.T) {
	cases := map[string]string{
		"Senior Product Manager":                     "SPM",
		"VP of Product":                              "VP",
		"Director of Product":                        "DP",
		"Chief Product Officer":                      "CPO",
		"Head of AI Products":                        "HAIP",
		"élan vital":                                 "ÉV",
		"Fractional or Freelance PM":                 "FFPM",
		"Product Marketing Manager":                  "PMM",
		"Technical Program Manager":                  "TPM",
		"Senior Principal Product Mgr.":              "SPPM",
		"Senior Engineer 2 (Individual Contributor)": "SE2IC",
		"Engineer (IC)":                              "EIC",
	}
	for name, want := range cases {
		if got := initials(name); got != want {
			t.Errorf("initials(%q) = %q, want %q", name, got, want)
		}
	}
	roles := []*rubric.Role{{ID: "a", Name: "Product Manager"}, {ID: "b", Name: "Program Manager"}, {ID: "c", Name: "of"}}
	abbr := abbreviations(roles)
	if abbr["a"] != "PM" || abbr["b"] != "PM2" || abbr["c"] != "C" {
		t.Errorf("abbreviations %v", abbr)
	}
	// A role's own short name heads its column, wherever it is unique; a name given twice
	// is numbered like initials.
	roles = []*rubric.Role{{ID: "a", Name: "Product Manager"}, {ID: "b", Name: "Senior Product Manager", Short: "PM"},
		{ID: "c", Name: "Staff Engineer", Short: "L3"}, {ID: "d", Name: "Senior Engineer", Short: "L3"}}
	abbr = abbreviations(roles)
	if abbr["a"] != "PM2" || abbr["b"] != "PM" || abbr["c"] != "L3" || abbr["d"] != "L32" {
		t.Errorf("abbreviations with short names %v", abbr)
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("Business acumen and outcome ownership", 12); got != "Business ac…" {
		t.Errorf("truncate = %q", got)
	}
}

// TestRubricShowToPublish: the ladder's page is a well-formed, self-contained page, and
// its JSON holds every skill's statements and every role's expectations.
func TestRubricShowToPublish(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range []*rubric.Role{nil, r.Role("senior-pm")} {
		var buf bytes.Buffer
		if err := (Output{Format: HTML}).Write(&buf, NewRubricShow(r, role)); err != nil {
			t.Fatal(err)
		}
		checkHTML(t, buf.String())
	}
	var buf bytes.Buffer
	if err := (Output{Format: JSON}).Write(&buf, NewRubricShow(r, nil)); err != nil {
		t.Fatal(err)
	}
	var doc rubricShowJSON
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	skills, statements := 0, 0
	for _, c := range doc.Categories {
		for _, s := range c.Skills {
			skills++
			for _, q := range s.Questions {
				statements += len(q.Statements)
			}
		}
	}
	if doc.Format != RubricShowFormat || skills != len(r.Skills()) || statements == 0 || len(doc.Roles) != len(r.Roles) {
		t.Errorf("%s: %d skills, %d statements, %d roles", doc.Format, skills, statements, len(doc.Roles))
	}
	for _, ro := range doc.Roles {
		if want := len(r.Role(ro.ID).Expects); len(ro.Expects) != want {
			t.Errorf("%s expects %d skills, want %d", ro.ID, len(ro.Expects), want)
		}
	}
}
