package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"

	"github.com/pmladder/pmladder/assess"
)

// maxHeatmapPeople is how many people the terminal and Markdown heatmaps show; the HTML
// page shows everyone.
const maxHeatmapPeople = 60

// The words of the terminal and Markdown heatmaps.
const (
	heatmapHeading = "Skills × people"
	heatmapNote    = "Scores; ! marks a score below the person's target, · a skill not assessed."
)

// heatmapFirst says that a heatmap shows only the first people.
func heatmapFirst(shown, people int) string {
	return fmt.Sprintf("The first %d of %d people; --format html shows everyone.", shown, people)
}

func (t *Team) title() string {
	return fmt.Sprintf("Team review · %d %s · %s", t.People, words.Plural(t.People, "person", "people"), rubricLabel(RubricInfo{Name: t.Rubric.Name, Version: t.Rubric.Version}))
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func topGap(m TeamMember) string {
	if m.TopGap == nil {
		return ""
	}
	return fmt.Sprintf("%s (%s)", m.TopGap.Name, num(m.TopGap.Gap))
}

// heatCell is a person's score on a skill, marked "!" when below their target.
func heatCell(m TeamMember, i int) string {
	if m.Scores[i] == nil {
		return "·"
	}
	s := num(*m.Scores[i])
	if m.Below[i] {
		s += "!"
	}
	return s
}

func (t *Team) initials() []string {
	names := make([]string, len(t.Members))
	fallback := make([]string, len(t.Members))
	for i, m := range t.Members {
		names[i], fallback[i] = printable.String(m.Person), fmt.Sprintf("P%d", i+1)
	}
	return uniqueInitials(names, fallback)
}

// teamPeopleColumns are the terminal table's people columns: widths and alignment. The
// rows stream, so the widths are fixed; the last column takes what the width leaves.
func teamPeopleColumns(width int) ([]int, string) {
	if width < 80 { // narrower columns; long names and roles wrap
		return []int{12, 8, 14, 5, max(width-49, 10)}, "lllrl"
	}
	return []int{16, 8, 25, 5, max(width-64, 14)}, "lllrl"
}

// teamTable is the review for a terminal.
type teamTable struct{}

// The people table streams: the title says the rubric, and the count of people comes in
// the summary at the end, where it is on screen after a long list.
func (teamTable) begin(s *teamSink) error {
	s.keep = maxHeatmapPeople
	width := s.opt.width()
	widths, align := teamPeopleColumns(width)
	title := "Team review · " + rubricLabel(RubricInfo{Name: s.r.Name, Version: s.r.Version})
	head := textwrap.Wrap(s.opt.style(ansiBold, title), width, "", "") + "\n"
	if _, err := s.w.WriteString(head); err != nil {
		return err
	}
	_, err := s.w.Write(fixedHeader(nil, []string{"Person", "Assessor", "Current → target", "Ready", "Top gap"}, widths, align))
	return err
}

func (teamTable) add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error {
	_, m := b.person(sc, a)
	widths, align := teamPeopleColumns(b.sink.opt.width())
	roles := orDash(m.CurrentID) + " → " + orDash(m.TargetID)
	b.out = fixedRow(b.out, []string{printable.String(m.Person), m.Assessor, roles, fmtPct(m.Readiness), topGap(m)}, widths, align)
	return nil
}

func (teamTable) end(s *teamSink, team *Team) error {
	return trimmed(s.w, func(w io.Writer) error { return teamTableEnd(w, s, team) })
}

func teamTableEnd(w io.Writer, s *teamSink, team *Team) error {
	ew := &errWriter{w: w}
	opt := s.opt
	width := opt.width()

	members := team.Members
	heads := team.initials()
	ew.printf("\n%s\n%s", opt.style(ansiBold, heatmapHeading), textwrap.Wrap(heatmapNote, width, "", ""))
	skills := team.Rubric.Skills()
	for _, run := range columnRuns(heads, width, 5) { // a cell is at most "1.67!"
		header := append([]string{"Skill"}, heads[run[0]:run[1]]...)
		ht := newTable(ew, "l"+strings.Repeat("r", run[1]-run[0]), header...)
		for i, sk := range skills {
			row := []string{truncate(sk.Name, minNameWidth)}
			for _, m := range members[run[0]:run[1]] {
				cell := heatCell(m, i)
				if m.Below[i] {
					cell = opt.style(ansiRed, cell)
				}
				row = append(row, cell)
			}
			if err := ht.Append(row); err != nil {
				return err
			}
		}
		if err := ht.Render(); err != nil {
			return err
		}
	}
	if team.People > len(members) {
		ew.printf("%s", textwrap.Wrap(heatmapFirst(len(members), team.People), width, "", ""))
	}
	var legend []string
	for i, m := range members {
		legend = append(legend, heads[i]+" "+printable.String(m.Person))
	}
	ew.printf("%s", textwrap.Wrap(strings.Join(legend, " · "), width, "", ""))

	if gaps := team.largestGaps(); len(gaps) > 0 {
		ew.printf("\n%s\n", opt.style(ansiBold, "The team's largest gaps"))
		gt := newTable(ew, "lrrr", "Skill", "Below target", "Mean gap", "Mean score")
		for _, g := range gaps {
			if err := gt.Append([]string{truncate(g.Name, min(40, width-38)), fmt.Sprintf("%d of %d", g.BelowTarget, team.People), fmtNum(g.MeanGap), fmtNum(g.Mean)}); err != nil {
				return err
			}
		}
		if err := gt.Render(); err != nil {
			return err
		}
	}
	if len(team.Summary.Certifications) > 0 {
		ew.printf("\n%s\n", opt.style(ansiBold, "Certifications that cover most of these gaps"))
		for _, c := range team.Summary.Certifications {
			ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s (%s): value %s for %d %s", c.Name, c.Issuer, num(c.Value), c.People, words.Plural(c.People, "person", "people")), width, "  • ", "    "))
		}
	}
	ew.printf("\n%s\n%s", opt.style(ansiBold, "Summary"), textwrap.Wrap(team.title(), width, "  ", "  "))
	if gaps := team.largestGaps(); len(gaps) > 0 {
		var names []string
		for i, g := range gaps {
			if i == 3 {
				break
			}
			names = append(names, g.Name)
		}
		ew.printf("%s", textwrap.Wrap("the team's largest gaps: "+strings.Join(names, ", ")+".", width, "  ", "  "))
	}
	return ew.err
}

// teamMarkdown is the review as Markdown.
type teamMarkdown struct{}

// The people table streams, as the terminal's does: the title says the rubric, and the
// count of people comes under the table, as in the HTML page.
func (teamMarkdown) begin(s *teamSink) error {
	s.keep = maxHeatmapPeople
	ew := &errWriter{w: s.w}
	ew.printf("# %s\n\n", mdEscape("Team review · "+rubricLabel(RubricInfo{Name: s.r.Name, Version: s.r.Version})))
	mdTable(ew, "lllllr", []string{"Person", "Assessor", "Current", "Target", "Readiness", "Top gap"}, nil)
	return ew.err
}

func (teamMarkdown) add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error {
	_, m := b.person(sc, a)
	b.out = appendMarkdownRow(b.out, mdEscape(m.Person), mdEscape(m.Assessor), mdEscape(m.Current), mdEscape(m.Target), fmtPct(m.Readiness), mdEscape(topGap(m)))
	return nil
}

func (teamMarkdown) end(s *teamSink, team *Team) error {
	ew := &errWriter{w: s.w}
	ew.printf("\n%d %s reviewed.\n", team.People, words.Plural(team.People, "person", "people"))

	members := team.Members
	var rows [][]string
	if len(members) > 0 {
		ew.printf("\n## %s\n\n%s\n\n", heatmapHeading, heatmapNote)
		header := []string{"Skill"}
		align := "l"
		for _, m := range members {
			header = append(header, mdEscape(m.Person))
			align += "r"
		}
		for i, sk := range team.Rubric.Skills() {
			row := []string{mdEscape(sk.Name)}
			for _, m := range members {
				row = append(row, heatCell(m, i))
			}
			rows = append(rows, row)
		}
		mdTable(ew, align, header, rows)
		if team.People > len(members) {
			ew.printf("\n%s\n", heatmapFirst(len(members), team.People))
		}
	}
	if gaps := team.largestGaps(); len(gaps) > 0 {
		ew.printf("\n## The team's largest gaps\n\n")
		rows = rows[:0]
		for _, g := range gaps {
			rows = append(rows, []string{mdEscape(g.Name), fmt.Sprintf("%d of %d", g.BelowTarget, team.People), fmtNum(g.MeanGap), fmtNum(g.Mean)})
		}
		mdTable(ew, "lrrr", []string{"Skill", "Below target", "Mean gap", "Mean score"}, rows)
	}
	if len(team.Summary.Certifications) > 0 {
		ew.printf("\n## Certifications that cover most of these gaps\n\n")
		rows = rows[:0]
		for _, c := range team.Summary.Certifications {
			rows = append(rows, []string{mdEscape(c.Name), mdEscape(c.Issuer), num(c.Value), fmt.Sprint(c.People)})
		}
		mdTable(ew, "llrr", []string{"Certification", "Issuer", "Team value", "People"}, rows)
	}
	return ew.err
}

// teamHTML is the review as one self-contained page. Its table is people × skills, one
// row per person with their roles, readiness and top gap beside their scores, written
// as people come: the page holds nothing per person.
type teamHTML struct{}

const teamHTMLTop = `<style>
/* Every skill's column is on screen at 1,200 px and on a landscape page: the skill names
   stand upright, a cell is as narrow as its score (the ▼ goes under it when the room runs
   out), and the roles and the top gap wrap. The full name of a shortened skill is its
   header's title. */
body { max-width: none; margin: 1.5rem auto; }
table.heat { width: auto; font-size: .8rem; }
.heat th, .heat td { padding: .2rem .3rem; }
.heat td.cell { background: #f3f4f6; border-left: 1px solid #fff; }
.heat td.cell.met { background: #dbeafe; }
.heat td.cell.below1 { background: #fde68a; }
.heat td.cell.below2 { background: #f59e0b; font-weight: 600; }
.heat thead th { vertical-align: bottom; }
.heat th:nth-child(3) { width: 11em; }
.heat th:nth-child(5) { width: 9em; }
.heat td.cell { font-size: .75rem; }
.heat td:first-child, .heat th:first-child { position: sticky; left: 0; background: #fff; }
@page { size: landscape; margin: 10mm; }
@media print {
  body { font-size: 9pt; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: 1rem 0 .4rem; }
  .heat-wrap { overflow: visible !important; }
  table.heat { font-size: 7pt; break-inside: auto; }
  .heat td.cell { font-size: inherit; white-space: nowrap; padding: .1rem .1rem; }
  .heat th:nth-child(3) { width: 15em; }
  .heat th:nth-child(5) { width: 13em; }
  table.heat.many { font-size: 5.5pt; }
  .heat.many td.cell { white-space: normal; }
  .heat thead { display: table-header-group; }
  .heat tr { break-inside: avoid; }
  .heat th.skill { font-size: 6.5pt; }
  .heat.many th.skill { font-size: 5.5pt; }
  .heat th, .heat td { padding: .1rem .15rem; }
  .heat td:first-child, .heat th:first-child { position: static; }
}
</style>
<header>
<h1>{{.Title}}</h1>
</header>
<h2>People × skills</h2>
<p class="note">Each cell is a score. ▼ marks a score below the person's target (darker: two points or more short); blue meets it; grey was not assessed (·) or is not expected.</p>
<div class="heat-wrap" style="overflow-x: auto">
<table class="heat{{if gt (len .Skills) 24}} many{{end}}">
<thead><tr><th>Person</th><th>Assessor</th><th>Current → target</th><th class="num">Readiness</th><th>Top gap</th>{{range .Skills}}<th class="skill" title="{{.Name}}">{{.Short}}</th>{{end}}</tr></thead>
<tbody>
`

const teamHTMLBottom = `</tbody>
</table>
</div>
<p class="note">{{.People}} {{.PeopleWord}} reviewed.</p>
{{- if .Gaps}}
<h2>The team's largest gaps</h2>
<table>
<thead><tr><th>Skill</th><th class="num">Below target</th><th class="num">Mean gap</th><th class="num">Mean score</th></tr></thead>
<tbody>
{{- range .Gaps}}
<tr><td>{{.Name}}</td><td class="num">{{.BelowTarget}} of {{$.People}}</td><td class="num">{{num .MeanGap}}</td><td class="num">{{num .Mean}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .Certs}}
<h2>Certifications that cover most of these gaps</h2>
<table>
<thead><tr><th>Certification</th><th>Issuer</th><th class="num">Team value</th><th class="num">People</th></tr></thead>
<tbody>
{{- range .Certs}}
<tr><td>{{if .URL}}<a href="{{.URL}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td><td>{{.Issuer}}</td><td class="num">{{.Value}}</td><td class="num">{{.People}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
`

func (teamHTML) begin(s *teamSink) error {
	type skillHead struct{ Name, Short string }
	view := struct {
		Title  string
		Skills []skillHead
	}{Title: "Team review · " + rubricLabel(RubricInfo{Name: s.r.Name, Version: s.r.Version})}
	for _, sk := range s.r.Skills() {
		short := sk.Name
		if r := []rune(short); len(r) > 28 {
			short = string(r[:27]) + "…"
		}
		view.Skills = append(view.Skills, skillHead{sk.Name, short})
	}
	return htmlPageStart(teamHTMLTop).Execute(s.w, view)
}

func (teamHTML) add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error {
	res, m := b.person(sc, a)
	out := append(b.out, "<tr>"...)
	for _, text := range []string{m.Person, m.Assessor, orDash(m.CurrentID) + " → " + orDash(m.TargetID)} {
		out = appendHTMLCell(out, "<td>", text)
	}
	out = append(append(append(out, `<td class="num">`...), fmtPct(m.Readiness)...), "</td>"...)
	out = appendHTMLCell(out, "<td>", topGap(m))
	for i := range res.Skills {
		sk := &res.Skills[i]
		class, mark := `<td class="cell">`, ""
		switch {
		case sk.Score == nil || sk.Gap == nil:
		case *sk.Gap >= 2:
			class, mark = `<td class="cell below2">`, " ▼"
		case *sk.Gap > 0:
			class, mark = `<td class="cell below1">`, " ▼"
		default:
			class = `<td class="cell met">`
		}
		out = append(out, class...)
		if sk.Score == nil {
			out = append(out, "·"...)
		} else {
			out = appendNum(out, *sk.Score)
		}
		out = append(append(out, mark...), "</td>"...)
	}
	b.out = append(out, "</tr>\n"...)
	return nil
}

// appendHTMLCell appends a table cell of text, escaped.
func appendHTMLCell(b []byte, open, text string) []byte {
	b = append(b, open...)
	text = printable.String(text)
	if strings.ContainsAny(text, `<>&'"`) {
		b = append(b, html.EscapeString(text)...)
	} else {
		b = append(b, text...)
	}
	return append(b, "</td>"...)
}

func (teamHTML) end(s *teamSink, team *Team) error {
	type cert struct{ Name, Issuer, URL, Value, People string }
	view := struct {
		People     int
		PeopleWord string
		Gaps       []TeamSkill
		Certs      []cert
	}{People: team.People, PeopleWord: words.Plural(team.People, "person", "people"), Gaps: team.largestGaps()}
	for _, c := range team.Summary.Certifications {
		view.Certs = append(view.Certs, cert{c.Name, c.Issuer, safeURL(c.URL), num(c.Value), fmt.Sprint(c.People)})
	}
	return htmlPageEnd(teamHTMLBottom).Execute(s.w, view)
}

// teamJSON is the one document of docs/formats.md, {format, people, summary}, with each person
// on a line of their own inside people (compact: it reads well with jq and is written
// as fast as it is scored) and the summary indented.
type teamJSON struct{}

// jsonPersonSep comes before each person but the first.
const jsonPersonSep = ","

func (teamJSON) begin(s *teamSink) error {
	_, err := s.w.WriteString("{\n  \"format\": \"" + TeamFormat + "\",\n  \"people\": [")
	return err
}

func (teamJSON) add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error {
	res := sc.Result(a)
	b.totals.Add(res)
	b.out = append(b.out, jsonPersonSep+"\n    "...)
	b.report.fill(res)
	b.out = b.json.append(b.out, &b.report)
	return nil
}

func (teamJSON) end(s *teamSink, team *Team) error {
	var sum bytes.Buffer
	enc := json.NewEncoder(&sum)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(team.Summary); err != nil {
		return err
	}
	close := "\n  ],"
	if team.People == 0 {
		close = "],"
	}
	_, err := fmt.Fprintf(s.w, "%s\n  \"summary\": %s\n}\n", close, bytes.TrimSuffix(sum.Bytes(), []byte("\n")))
	return err
}
