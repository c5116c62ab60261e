package reports

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// maxHeatmapPeople is how many people the terminal and Markdown heatmaps show; the HTML
// page shows everyone.
const maxHeatmapPeople = 60

func (t *Team) title() string {
	return fmt.Sprintf("Team review · %d %s · %s", len(t.Members), plural(len(t.Members), "person", "people"), rubricLabel(RubricInfo{Name: t.Rubric.Name, Version: t.Rubric.Version}))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
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
		names[i], fallback[i] = m.Person, fmt.Sprintf("P%d", i+1)
	}
	return uniqueInitials(names, fallback)
}

// TeamTable writes a team review for a terminal: a row per person, a skills × people
// heatmap, the team's largest gaps and the certifications that cover most of them.
func TeamTable(w io.Writer, team *Team, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", wrap(opt.style(ansiBold, team.title()), width, "", ""))
	if len(team.Members) == 0 {
		ew.printf("No one to review.\n")
		return ew.err
	}
	ew.printf("\n")
	t := newTable(ew, "llrl", "Person", "Current → target", "Ready", "Top gap")
	for _, m := range team.Members {
		roles := truncate(orDash(m.CurrentID), 11) + " → " + truncate(orDash(m.TargetID), 11)
		if err := t.Append([]string{truncate(m.Person, 18), roles, fmtPct(m.Readiness),
			truncate(topGap(m), max(width-50, 16))}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}

	members := team.Members
	if len(members) > maxHeatmapPeople {
		members = members[:maxHeatmapPeople]
	}
	heads := team.initials()[:len(members)]
	ew.printf("\n%s\n", opt.style(ansiBold, "Skills × people: score, ! below the person's target, · not assessed"))
	skills := team.Rubric.Skills()
	for _, run := range columnRuns(heads, width) {
		header := append([]string{"Skill"}, heads[run[0]:run[1]]...)
		ht := newTable(ew, "l"+strings.Repeat("r", run[1]-run[0]), header...)
		for i, s := range skills {
			row := []string{truncate(s.Name, minNameWidth)}
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
	if len(team.Members) > maxHeatmapPeople {
		ew.printf("The first %d of %d people; --format html shows everyone.\n", maxHeatmapPeople, len(team.Members))
	}
	var legend []string
	for i, m := range members {
		legend = append(legend, heads[i]+" "+m.Person)
	}
	ew.printf("%s", wrap(strings.Join(legend, " · "), width, "", ""))

	if gaps := team.largestGaps(); len(gaps) > 0 {
		ew.printf("\n%s\n", opt.style(ansiBold, "The team's largest gaps"))
		gt := newTable(ew, "lrrr", "Skill", "Below target", "Mean gap", "Mean score")
		for _, g := range gaps {
			if err := gt.Append([]string{truncate(g.Name, 40), fmt.Sprintf("%d of %d", g.BelowTarget, len(team.Members)), fmtNum(g.MeanGap), fmtNum(g.Mean)}); err != nil {
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
			ew.printf("%s", wrap(fmt.Sprintf("%s (%s): value %s for %d %s", c.Name, c.Issuer, num(c.Value), c.People, plural(c.People, "person", "people")), width, "  • ", "    "))
		}
	}
	return ew.err
}

// TeamMarkdown writes a team review as Markdown.
func TeamMarkdown(w io.Writer, team *Team) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n", mdEscape(team.title()))
	var rows [][]string
	for _, m := range team.Members {
		rows = append(rows, []string{mdEscape(m.Person), mdEscape(m.Assessor), mdEscape(m.Current), mdEscape(m.Target), fmtPct(m.Readiness), mdEscape(topGap(m))})
	}
	mdTable(ew, "lllllr", []string{"Person", "Assessor", "Current", "Target", "Readiness", "Top gap"}, rows)

	members := team.Members
	if len(members) > maxHeatmapPeople {
		members = members[:maxHeatmapPeople]
	}
	if len(members) > 0 {
		ew.printf("\n## Skills × people\n\nScores; ! marks a score below the person's target, · a skill not assessed.\n\n")
		header := []string{"Skill"}
		align := "l"
		for _, m := range members {
			header = append(header, mdEscape(m.Person))
			align += "r"
		}
		rows = rows[:0]
		for i, s := range team.Rubric.Skills() {
			row := []string{mdEscape(s.Name)}
			for _, m := range members {
				row = append(row, heatCell(m, i))
			}
			rows = append(rows, row)
		}
		mdTable(ew, align, header, rows)
		if len(team.Members) > maxHeatmapPeople {
			ew.printf("\nThe first %d of %d people; the HTML report shows everyone.\n", maxHeatmapPeople, len(team.Members))
		}
	}
	if gaps := team.largestGaps(); len(gaps) > 0 {
		ew.printf("\n## The team's largest gaps\n\n")
		rows = rows[:0]
		for _, g := range gaps {
			rows = append(rows, []string{mdEscape(g.Name), fmt.Sprintf("%d of %d", g.BelowTarget, len(team.Members)), fmtNum(g.MeanGap), fmtNum(g.Mean)})
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

const teamBody = `<header>
<h1>{{.Title}}</h1>
</header>
<table>
<thead><tr><th>Person</th><th>Assessor</th><th>Current</th><th>Target</th><th class="num">Readiness</th><th>Top gap</th></tr></thead>
<tbody>
{{- range .Team.Members}}
<tr><td>{{.Person}}</td><td>{{.Assessor}}</td><td>{{.Current}}</td><td>{{.Target}}</td><td class="num">{{pct .Readiness}}</td><td>{{topGap .}}</td></tr>
{{- end}}
</tbody>
</table>
<h2>Skills × people</h2>
<p class="note">Each cell is a score; red is below the person's target, green meets it, grey was not assessed or is not expected.</p>
<div style="overflow-x: auto">
<table class="heat">
<thead><tr><th>Person</th>{{range .Skills}}<th class="skill" title="{{.Name}}">{{.Short}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr><td>{{.Person}}</td>{{range .Cells}}<td class="cell" style="background: {{.Color}}">{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</div>
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
{{- if .Team.Summary.Certifications}}
<h2>Certifications that cover most of these gaps</h2>
<table>
<thead><tr><th>Certification</th><th>Issuer</th><th class="num">Team value</th><th class="num">People</th></tr></thead>
<tbody>
{{- range .Certs}}
<tr><td>{{if .URL}}<a href="{{.URL}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td><td>{{.Issuer}}</td><td class="num">{{.Value}}</td><td class="num">{{.People}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}`

type heatCellView struct {
	Text  string
	Color template.CSS
}

// TeamHTML writes a team review as one self-contained page with a people × skills
// heatmap of everyone.
func TeamHTML(w io.Writer, team *Team) error {
	type skillHead struct{ Name, Short string }
	type row struct {
		Person string
		Cells  []heatCellView
	}
	type cert struct{ Name, Issuer, URL, Value, People string }
	view := struct {
		Title  string
		Team   *Team
		People int
		Skills []skillHead
		Rows   []row
		Gaps   []TeamSkill
		Certs  []cert
	}{Title: team.title(), Team: team, People: len(team.Members), Gaps: team.largestGaps()}
	skills := team.Rubric.Skills()
	for _, s := range skills {
		short := s.Name
		if r := []rune(short); len(r) > 28 {
			short = string(r[:27]) + "…"
		}
		view.Skills = append(view.Skills, skillHead{s.Name, short})
	}
	for _, m := range team.Members {
		rw := row{Person: m.Person}
		for i := range skills {
			color := template.CSS("#f3f4f6")
			switch {
			case m.Scores[i] == nil || !m.Expected[i]:
			case m.Below[i]:
				color = "#fecaca"
			default:
				color = "#bbf7d0"
			}
			rw.Cells = append(rw.Cells, heatCellView{Text: strings.TrimSuffix(heatCell(m, i), "!"), Color: color})
		}
		view.Rows = append(view.Rows, rw)
	}
	for _, c := range team.Summary.Certifications {
		view.Certs = append(view.Certs, cert{c.Name, c.Issuer, safeURL(c.URL), num(c.Value), fmt.Sprint(c.People)})
	}
	t := htmlPage(teamBody)
	return t.Execute(w, view)
}
