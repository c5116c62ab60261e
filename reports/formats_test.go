package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// hostile is an answers file whose text tries to break every format.
const hostile = `format: pmladder-answers/v1
person: '=HYPERLINK("http://x","y") <script>alert(1)</script> | *bold* & co'
assessor: self
date: 2026-11-22T10:04:05Z
current_role: pm
answers: {data-fluency.1: 1, data-fluency.2: 2, customer-insight.1: 4, strategy.1: 0, strategy.2: na}
`

func hostileResult(t *testing.T) *assess.Result {
	t.Helper()
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := input.ParseAnswers("hostile.yaml", []byte(hostile), r)
	if err != nil {
		t.Fatal(err)
	}
	return assess.Score(r, a, assess.ScoreOptions{Certs: 3})
}

func TestCSVInjectionIsNeutralised(t *testing.T) {
	res := hostileResult(t)
	rep := NewReport(res)
	var buf bytes.Buffer
	if err := (Output{Format: CSV}).Write(&buf, NewPerson(res)); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(rep.Skills) || len(rows[0]) != 12 {
		t.Fatalf("%d rows of %d columns", len(rows), len(rows[0]))
	}
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[0], "'=HYPERLINK") {
			t.Errorf("person not neutralised: %q", row[0])
		}
		// Numbers stay plain numbers a spreadsheet reads as numbers.
		for _, col := range []int{5, 8, 9, 10} {
			if row[col] == "" {
				continue
			}
			if _, err := strconv.ParseFloat(row[col], 64); err != nil {
				t.Errorf("column %d %q is not a number", col, row[col])
			}
		}
	}
	for _, s := range []string{"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"} {
		if got := SafeText(s); got != "'"+s {
			t.Errorf("SafeText(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"Ada", "", "1-2", "a=b"} {
		if got := SafeText(s); got != s {
			t.Errorf("SafeText(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestNegativeNumbersStayNumbers(t *testing.T) {
	var buf bytes.Buffer
	cw, _ := NewCSVWriter(&buf, false)
	v := -1.5
	cw.Number(&v)
	cw.Text("-1.5")
	cw.EndRow()
	cw.Flush()
	if got := buf.String(); got != "-1.5,'-1.5\n" {
		t.Errorf("got %q: a number keeps its sign, text that looks like a formula does not", got)
	}
}

func TestExcelCSV(t *testing.T) {
	res := hostileResult(t)
	rep := NewReport(res)
	var buf bytes.Buffer
	if err := (Output{Format: CSV, Excel: true}).Write(&buf, NewPerson(res)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\ufeffperson,") || strings.Count(out, "\r\n") != 1+len(rep.Skills) {
		t.Errorf("want a BOM and CRLF line ends:\n%q", out[:80])
	}
}

// checkHTML parses a page as XML (the pages are written to be well formed) and checks that
// it fetches nothing: no scripts, stylesheets, images or frames, and links only to the web.
func checkHTML(t *testing.T, page string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(page))
	dec.Strict = true
	dec.Entity = map[string]string{}
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			name := el.Name.Local
			stack = append(stack, name)
			switch name {
			case "script", "link", "img", "iframe", "object", "embed", "image", "use":
				t.Errorf("<%s> in a self-contained page", name)
			}
			for _, a := range el.Attr {
				if (a.Name.Local == "src") || (a.Name.Local == "href" && name != "a") {
					t.Errorf("<%s %s=%q> would fetch", name, a.Name.Local, a.Value)
				}
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("event handler %s", a.Name.Local)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != el.Name.Local {
				t.Fatalf("</%s> does not close %v", el.Name.Local, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed %v", stack)
	}
	if regexp.MustCompile(`(?i)url\(|@import`).MatchString(page) {
		t.Error("CSS must not load anything")
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	var buf bytes.Buffer
	if err := (Output{Format: HTML}).Write(&buf, NewPerson(hostileResult(t))); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	checkHTML(t, page)
	if strings.Contains(page, "<script>alert") {
		t.Error("the person's name must be escaped")
	}
	if !strings.Contains(page, "<svg class=\"chart\"") || !strings.Contains(page, "<polyline class=\"score\"") {
		t.Error("the radar chart is missing")
	}
	// Most skills are not assessed: each is labelled so, and none is drawn at zero
	// (the score line has a gap there, not a point at the centre).
	if strings.Count(page, ">not assessed</text>") < 10 || strings.Contains(page, "<polygon class=\"score\"") {
		t.Errorf("unassessed skills must be gaps in the line, labelled: %d labels", strings.Count(page, ">not assessed</text>"))
	}
}

func TestHTMLFewSkillsDrawsBars(t *testing.T) {
	r, err := rubric.Parse("two.yaml", []byte(`format: pmladder-rubric/v1
name: Two
scale: {min: 0, max: 2}
categories: [{id: c, name: C, skills: [{id: a, name: A, questions: [q]}, {id: b, name: B, questions: [q]}]}]
roles: [{id: r, name: R, level: 1, expects: {a: 1, b: 2}}]
`))
	if err != nil {
		t.Fatal(err)
	}
	a := assess.NewAnswers(r)
	a.Set("a.1", assess.Answer{Score: 1})
	var buf bytes.Buffer
	if err := (Output{Format: HTML}).Write(&buf, NewPerson(assess.Score(r, a, assess.ScoreOptions{}))); err != nil {
		t.Fatal(err)
	}
	checkHTML(t, buf.String())
	if !strings.Contains(buf.String(), `<rect class="score"`) {
		t.Error("two skills: a bar chart instead of a radar")
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := (Output{Format: Markdown}).Write(&buf, NewPerson(hostileResult(t))); err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(buf.String(), "\n", 2)[0]
	if !strings.Contains(first, `\<script\>`) || !strings.Contains(first, `\| \*bold\*`) {
		t.Errorf("heading not escaped: %s", first)
	}
}

func TestCompareHTML(t *testing.T) {
	r, _ := rubric.Default()
	old, _, _ := input.ParseAnswers("o.yaml", []byte(hostile), r)
	newer, _, _ := input.ParseAnswers("n.yaml", []byte(strings.Replace(hostile, "assessor: self", "assessor: manager", 1)), r)
	cmp, err := assess.Compare(r, []*assess.Answers{old, newer}, assess.CompareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (Output{Format: HTML}).Write(&buf, NewCompare(cmp, false)); err != nil {
		t.Fatal(err)
	}
	checkHTML(t, buf.String())
}

// The history table names the zone it shows times in, and falls back to the day alone (in
// that zone) when the time would push the table past the terminal.
func TestHistoryTableDates(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Fatal(err)
	}
	date := "2026-11-22T20:30:00Z"
	entries := []HistoryEntry{{File: "/d/20261122T203000Z_ada_self.yaml", Date: &date, Person: "Ada", Assessor: "self"}}
	for _, c := range []struct {
		opt  Options
		want string
	}{
		{Options{Width: 140, Location: tokyo}, " 2026-11-23 05:30 JST  Ada "},
		{Options{Width: 140}, " 2026-11-22 20:30 UTC  Ada "},
		{Options{Width: 40, Location: tokyo}, " 2026-11-23  Ada "},
	} {
		var b strings.Builder
		if err := (Output{Format: Table, Options: c.opt}).Write(&b, &History{Entries: entries}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("width %d, %v: want %q in\n%s", c.opt.Width, c.opt.Location, c.want, b.String())
		}
	}
}
