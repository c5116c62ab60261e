package reports

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// printRules returns the rules of a page's stylesheets that apply in print: those inside
// @media print, and the @page rules.
func printRules(page string) string {
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?s)@media print \{(.*?)\n\}`).FindAllStringSubmatch(page, -1) {
		b.WriteString(m[1])
	}
	for _, m := range regexp.MustCompile(`@page \{[^}]*\}`).FindAllString(page, -1) {
		b.WriteString(m)
	}
	return b.String()
}

// TestTeamHTMLPrintsEverySkill pins what keeps the team heatmap whole on paper and on a
// 1,200-pixel screen (checked in Chromium, see the note): a landscape page, every
// skill of the rubric a column with its full name in the header's title, the names upright,
// the table not clipped by its scrolling box in print, and its header repeated on each page.
func TestTeamHTMLPrintsEverySkill(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	page := string(teamOutput(t, r, Output{Format: "html"}, 1, filepath.Join("testdata", "team-odd.csv")))
	print := printRules(page)
	for _, want := range []string{
		"size: landscape",
		".heat-wrap { overflow: visible !important; }",
		".heat thead { display: table-header-group; }",
		".heat tr { break-inside: avoid; }",
		"table.heat { font-size: 7pt; break-inside: auto; }",
	} {
		if !strings.Contains(print, want) {
			t.Errorf("the printed team page lacks %q", want)
		}
	}
	if !strings.Contains(page, ".heat th.skill { writing-mode: vertical-rl;") {
		t.Error("the skill headers do not stand upright: the columns would be as wide as the names")
	}
	head := page[strings.Index(page, `<table class="heat`):strings.Index(page, "</thead>")]
	titles := regexp.MustCompile(`<th class="skill" title="([^"]*)">`).FindAllStringSubmatch(head, -1)
	skills := r.Skills()
	if len(titles) != len(skills) {
		t.Fatalf("%d skill columns in the heatmap, the rubric has %d skills", len(titles), len(skills))
	}
	for i, sk := range skills {
		if got := html.UnescapeString(titles[i][1]); got != sk.Name {
			t.Errorf("column %d is titled %q, want %q", i+1, got, sk.Name)
		}
	}
	// One row per person with a cell per skill.
	body := page[strings.Index(page, "<tbody>"):strings.Index(page, "</tbody>")]
	rows := regexp.MustCompile(`(?m)^<tr><td>.*</tr>$`).FindAllString(body, -1)
	if len(rows) == 0 {
		t.Fatal("no one in the heatmap")
	}
	for _, row := range rows {
		if n := strings.Count(row, `<td class="cell`); n != len(skills) {
			t.Fatalf("a heatmap row has %d skill cells, want %d: %.80s", n, len(skills), row)
		}
	}
}

// TestPersonHTMLPrintsCompactly pins what keeps a printed report to a few pages with no
// half-empty first page (11 pages before, 5 after, in Chromium): tables may run on across
// pages, only a row, a chart or a small block is kept whole, the radar is small enough to
// share the first page with the summary, and the type is compact.
func TestPersonHTMLPrintsCompactly(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join("..", "examples", "ada-self.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := input.ParseAnswers(file, data, r)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (Output{Format: HTML}).Write(&buf, NewPerson(assess.Score(r, a, assess.ScoreOptions{Certs: 3}))); err != nil {
		t.Fatal(err)
	}
	print := printRules(buf.String())
	for _, want := range []string{
		"print-color-adjust: exact",
		"table { break-inside: auto;",
		"thead { display: table-header-group; }",
		"tr, svg, ol.gaps > li > ul, .legend { break-inside: avoid; }",
		"svg.chart { max-width: 11.5cm; }",
		"body { margin: 0; max-width: none; font-size: 9pt;",
	} {
		if !strings.Contains(print, want) {
			t.Errorf("the printed report lacks %q", want)
		}
	}
	for _, whole := range []string{"table, svg", "table { break-inside: avoid", "li { break-inside: avoid", "break-before: page"} {
		if strings.Contains(print, whole) {
			t.Errorf("the printed report keeps a large block whole (%q): it would start on a new page and leave the one before half empty", whole)
		}
	}
}
