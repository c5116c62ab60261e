package reports

import (
	"fmt"
	"html/template"
	"io"
)

// packetBody is the packet's page: the summary, then each section in the Markdown's
// order; the trend is its chart, every point labelled with its date and readiness. Printed, it runs to a few pages: the tables run on across pages, a row is kept
// whole.
const packetBody = `<style>
/* The packet's long tables of words (what each picked, what changes) print a size
   smaller, so that a full ladder fits in six pages. */
@media print {
  table.said td, .changes-wrap td { font-size: 8pt; }
  .needs li { margin-bottom: 0; }
}
</style>
{{template "summary" .Summary}}
{{- if .HasTarget}}

<h2>{{.NeedsHeading}}</h2>
{{- if .Missing}}
<ul class="needs">{{range .Missing}}<li>{{.}}</li>{{end}}</ul>
{{- else}}
<p>{{.NothingMissing}}</p>
{{- end}}
{{- with .ToDo}}
<h2>{{$.ToDoHeading}}</h2>
<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>
{{- end}}

<h2>{{.SkillsHeading}}</h2>
<p class="note">{{.SkillScope}}</p>
<table>
<thead><tr>{{range $i, $h := .SkillHeader}}<th{{if and $i (lt $i $.NumColumns)}} class="num"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{- range $row := .SkillRows}}
<tr>{{range $i, $c := .Cells}}<td{{if and $i (lt $i $.NumColumns)}} class="num"{{end}}{{if eq $i $.StandingColumn}} class="{{$row.Class}}"{{end}}>{{$c}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>

<h2>{{.SaidHeading}}</h2>
<table class="case said">
<thead><tr><th>Skill</th><th>What each picked</th><th>{{.EvidenceHeading}}</th></tr></thead>
<tbody>
{{- range .Said}}
<tr><td>{{.Name}}<br/><span class="{{.Class}}">{{.Standing}}</span></td><td>{{range .Lines}}<p>{{.}}</p>{{end}}</td><td class="evidence">{{with .Evidence}}{{.}}{{else}}<em>{{$.NoEvidence}}</em>{{end}}</td></tr>
{{- end}}
</tbody>
</table>

{{- with .WhatIf}}{{template "whatif" .}}{{end}}

<h2>{{.TrendHeading}}</h2>
{{- with .OneAssessment}}
<p>{{.}}</p>
{{- else}}
{{.Chart}}
{{- end}}

<h2>{{.PlanHeading}}</h2>
{{- if .PlanMeta}}
<p class="note">{{.PlanMeta}}</p>
<ul>{{range .Goals}}<li class="{{.Class}}">{{.Line}}</li>{{end}}</ul>
{{- else}}
<p>{{.NoPlan}}</p>
{{- end}}
{{- with .Changes}}

<h2>{{$.ChangesHeading}}</h2>
{{- if .Rows}}<div class="changes-wrap">{{template "table" .}}</div>{{else}}<p>{{$.SameExpectations}}</p>{{end}}
{{- end}}
{{- end}}`

// packetCells is a row of the packet's skills table, and its standing's CSS class.
type packetCells struct {
	Cells []string
	Class string
}

// packetSaidRow is a skill's row of what each said.
type packetSaidRow struct {
	Name, Standing, Class string
	Lines                 []string
	Evidence              *string
}

// packetGoal is a plan goal's line with its status's class.
type packetGoal struct{ Line, Class string }

// packetHTMLView is the packet as its page shows it.
type packetHTMLView struct {
	Title                                       string
	Summary                                     htmlSummary
	HasTarget                                   bool
	ChangesHeading, SameExpectations            string
	Changes                                     *htmlTable
	SkillsHeading, SkillScope                   string
	SkillHeader                                 []string
	SkillRows                                   []packetCells
	NumColumns, StandingColumn                  int
	SaidHeading, NoEvidence                     string
	Said                                        []packetSaidRow
	TrendHeading                                string
	Chart                                       template.HTML
	PlanHeading, PlanMeta, NoPlan               string
	Goals                                       []packetGoal
	NeedsHeading, NothingMissing, OneAssessment string
	ToDoHeading, EvidenceHeading                string
	ToDo                                        []string
	WhatIf                                      *WhatIf
	Missing                                     []string
}

// htmlTable is a plain table for the shared "table" template.
type htmlTable struct {
	Header []string
	Rows   [][]string
}

// standingClass is the CSS class of a skill's standing: the lead's gap red, whatever
// the manager says; met amber where the manager sees a gap; met green.
func (s PacketSkill) standingClass() string {
	switch {
	case s.Standing == standingGap:
		return "high"
	case s.managerStanding != "" && s.managerStanding != standingMet:
		return "medium"
	case s.Standing == standingMet:
		return "met"
	}
	return "na"
}

// writeHTML writes the packet as one self-contained, printable page.
func (p *Packet) writeHTML(w io.Writer) error {
	v := packetHTMLView{Title: p.words.title, HasTarget: p.TargetRole != nil,
		SkillsHeading: packetSkills, SaidHeading: packetSaid, NoEvidence: noEvidence, PlanHeading: packetPlan,
		NoPlan: noPlanLine, NeedsHeading: packetNeeds, NothingMissing: nothingMissing, Missing: p.Missing,
		ToDoHeading: packetToDo, ToDo: p.ToDo, EvidenceHeading: p.evidenceLabel()}
	v.Summary = htmlSummaryOf(p.words.title, p.words.byline, p.words.facts, false, nil)
	if t := p.TargetRole; t != nil {
		v.Summary.Held, v.Summary.Readiness = t.Holds, t.Readiness
		v.SkillScope = p.skillScope()
		v.TrendHeading, v.OneAssessment = p.trendHeading(), p.oneAssessmentLine()
		if d := p.Diff; d != nil {
			v.ChangesHeading = fmt.Sprintf(packetChanges, d.From.Name, d.To.Name)
			v.SameExpectations = d.To.Name + " expects what " + d.From.Name + " does."
			v.Changes = &htmlTable{Header: []string{"Skill", d.From.Name, d.To.Name, "What " + d.To.Name + " looks like"}, Rows: p.changeRows()}
		}
	}
	v.SkillHeader = p.skillHeader()
	v.StandingColumn = len(v.SkillHeader) - 1
	v.NumColumns = 1 + p.numberColumns() // the numbers follow the skill's name
	for _, s := range p.Skills {
		name := s.Name
		if s.Core {
			name += " (core)"
		}
		v.SkillRows = append(v.SkillRows, packetCells{p.skillRow(s, name), s.standingClass()})
		v.Said = append(v.Said, packetSaidRow{Name: s.Name, Standing: s.standingText(), Class: s.standingClass(),
			Lines: p.saidLines(s), Evidence: s.Evidence})
	}
	if p.trend != nil && len(p.trend.Points) > 1 {
		v.Chart = template.HTML(p.trend.lineChart())
	}
	if p.TargetRole != nil {
		v.WhatIf = p.WhatIf
	}
	if p.plan != nil {
		v.PlanMeta = p.planMeta()
		for _, g := range p.plan.Goals {
			v.Goals = append(v.Goals, packetGoal{Line: p.plan.goalLine(g), Class: goalStatusClass(g.Status)})
		}
	}
	return htmlPage(packetBody).Execute(w, v)
}
