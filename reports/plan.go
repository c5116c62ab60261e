package reports

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/rubric"
)

// PlanStatusFormat is the format tag of the JSON of plan status; a plan shown as JSON
// carries the plan file's own tag, assess.PlanFormat.
const PlanStatusFormat = "pmladder-plan-status/v1"

// PlanView is a development plan as every format shows it: the plan alone (plan show),
// or held against an assessment (plan status), when Assessed is set.
type PlanView struct {
	Format     string     `json:"format"`
	Person     string     `json:"person"`
	Created    string     `json:"created"`
	From       string     `json:"from,omitempty"`
	TargetRole *RoleRef   `json:"target_role,omitempty"`
	Assessed   *string    `json:"assessed,omitempty"`
	Goals      []PlanGoal `json:"goals"`

	status bool
	// before is set when the assessment held against the plan is older than the plan:
	// it cannot show progress yet.
	before  bool
	created time.Time
	// by names the plan's rater: "self-assessment", "manager's assessment (Morgan Reyes)".
	by string
}

// PlanGoal is one goal of a plan view. Now and Status are those of plan status only.
type PlanGoal struct {
	Skill          string       `json:"skill"`
	Name           string       `json:"name"`
	From           *float64     `json:"from"`
	Target         float64      `json:"target"`
	Now            *float64     `json:"now,omitempty"`
	Due            string       `json:"due"`
	Status         string       `json:"status,omitempty"`
	Actions        []string     `json:"actions,omitempty"`
	Certifications []PlanCertID `json:"certifications,omitempty"`
}

// PlanCertID is a certification chosen for a goal.
type PlanCertID struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// planStatusJSON is plan status as docs/formats.md has it: the goals' numbers and status.
type planStatusJSON struct {
	Format string `json:"format"`
	Person string `json:"person"`
	PlanStatus
}

// PlanStatus is a plan held against an assessment: when it was made, the assessment's
// date and each goal's numbers and status (plan status, and the packet's plan).
type PlanStatus struct {
	Created  string           `json:"created"`
	Assessed *string          `json:"assessed"`
	Goals    []planStatusGoal `json:"goals"`
}

type planStatusGoal struct {
	Skill  string   `json:"skill"`
	From   *float64 `json:"from"`
	Target float64  `json:"target"`
	Now    *float64 `json:"now"`
	Due    string   `json:"due"`
	Status string   `json:"status"`
}

const planDay = "2006-01-02"

// NewPlanView shows a plan on its own.
func NewPlanView(p *assess.Plan, r *rubric.Rubric) *PlanView {
	v := &PlanView{Format: assess.PlanFormat, Person: p.Person, Created: p.Created.UTC().Format(time.RFC3339), From: p.From, Goals: []PlanGoal{},
		created: p.Created, by: AssessmentName(p.Assessor, p.Rater)}
	if ro := r.Role(p.TargetRole); ro != nil {
		v.TargetRole = &RoleRef{ID: ro.ID, Name: ro.Name}
	}
	for _, g := range p.Goals {
		pg := PlanGoal{Skill: g.Skill, Name: skillName(r, g.Skill), From: roundPtr(g.From), Target: Round(g.Target), Due: g.Due.Format(planDay)}
		for _, a := range g.Actions {
			if strings.TrimSpace(a) != "" { // an action emptied by hand is no action
				pg.Actions = append(pg.Actions, a)
			}
		}
		for _, id := range g.Certifications {
			name := id
			if c := r.Certification(id); c != nil {
				name = c.Name
			}
			pg.Certifications = append(pg.Certifications, PlanCertID{ID: id, Name: name})
		}
		v.Goals = append(v.Goals, pg)
	}
	return v
}

// AssessmentName names an assessment by who made it: "self-assessment", "manager's
// assessment", with the rater's name when given ("manager's assessment (Morgan Reyes)").
func AssessmentName(assessor assess.Assessor, rater string) string {
	if assessor == "" || assessor == assess.Self {
		return "self-assessment"
	}
	if rater != "" {
		return string(assessor) + "'s assessment (" + rater + ")"
	}
	return string(assessor) + "'s assessment"
}

// NewPlanStatusView shows a plan held against the assessment of date assessed.
func NewPlanStatusView(p *assess.Plan, r *rubric.Rubric, goals []assess.GoalStatus, assessed time.Time) *PlanView {
	v := NewPlanView(p, r)
	v.Format, v.status = PlanStatusFormat, true
	if !assessed.IsZero() {
		d := assessed.UTC().Format(time.RFC3339)
		v.Assessed = &d
		v.before = !assessed.After(p.Created)
	}
	for i, g := range goals {
		v.Goals[i].Now, v.Goals[i].Status = roundPtr(g.Now), g.Status
	}
	return v
}

func (v *PlanView) writeJSON(w io.Writer) error {
	if !v.status {
		return WriteJSON(w, v)
	}
	return WriteJSON(w, v.statusJSON())
}

// statusJSON is plan status as docs/formats.md has it: the goals' numbers and status.
func (v *PlanView) statusJSON() planStatusJSON {
	return planStatusJSON{Format: v.Format, Person: v.Person, PlanStatus: v.planStatus()}
}

// planStatus is the plan's status without the document's format and person.
func (v *PlanView) planStatus() PlanStatus {
	out := PlanStatus{Created: v.Created, Assessed: v.Assessed, Goals: []planStatusGoal{}}
	for _, g := range v.Goals {
		out.Goals = append(out.Goals, planStatusGoal{Skill: g.Skill, From: g.From, Target: g.Target, Now: g.Now, Due: g.Due, Status: g.Status})
	}
	return out
}

// title is the plan's heading: whose, toward what, since when.
func (v *PlanView) title() string {
	t := "Development plan of " + v.Person
	if v.TargetRole != nil {
		t += " toward " + v.TargetRole.Name
	}
	return t
}

// meta says when the plan was made and, for plan status, what it is held against.
func (v *PlanView) meta(opt Options) string {
	line := "Made " + opt.localDay(v.created)
	if v.status {
		if v.Assessed == nil {
			line += " · no assessment yet"
		} else if t, err := time.Parse(time.RFC3339, *v.Assessed); err == nil {
			line += " · held against the " + v.by + " of " + opt.localDay(t)
			if v.before {
				line += ", made before the plan: assess again to see progress"
			}
		}
	}
	return line
}

// goalLine is a goal's headline: the skill, from → target by the due day, and where it
// stands when the plan is held against an assessment.
func (v *PlanView) goalLine(g PlanGoal) string {
	line := fmt.Sprintf("%s: %s → %s by %s", g.Name, fmtNum(g.From), num(g.Target), g.Due)
	if v.status {
		line += fmt.Sprintf(" · now %s · %s", fmtNum(g.Now), g.Status)
	}
	return line
}

// writeTable writes a plan for the terminal.
func (v *PlanView) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, printable.String(v.title())), width, "", ""))
	ew.printf("%s\n", opt.style(ansiDim, v.meta(opt)))
	for i, g := range v.Goals {
		ew.printf("\n%s", textwrap.Wrap(fmt.Sprintf("%d. %s", i+1, printable.String(v.goalLine(g))), width, "", "   "))
		for _, a := range g.Actions {
			ew.printf("%s", textwrap.Wrap(printable.String(a), width, "   • ", "     "))
		}
		for _, c := range g.Certifications {
			ew.printf("%s", textwrap.Wrap("Certification: "+printable.String(c.Name), width, "   • ", "     "))
		}
	}
	return ew.err
}

// writeMarkdown writes a plan as Markdown.
func (v *PlanView) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(v.title()), mdEscape(v.meta(Options{})))
	for i, g := range v.Goals {
		ew.printf("\n## %d. %s\n\n", i+1, mdEscape(v.goalLine(g)))
		for _, a := range g.Actions {
			ew.printf("- [ ] %s\n", mdEscape(a))
		}
		for _, c := range g.Certifications {
			ew.printf("- [ ] Certification: %s\n", mdEscape(c.Name))
		}
	}
	return ew.err
}

// writeCSV writes one row per goal; the actions and certifications are joined by "; ".
func (v *PlanView) writeCSV(w io.Writer, excel bool) error {
	c, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	header := []string{"person", "created", "skill", "from", "target", "due"}
	if v.status {
		header = append(header, "now", "status")
	}
	if err := c.Header(append(header, "actions", "certifications")...); err != nil {
		return err
	}
	for _, g := range v.Goals {
		c.Text(v.Person)
		c.Text(v.Created[:len(planDay)])
		c.Text(g.Skill)
		c.Number(g.From)
		target := g.Target
		c.Number(&target)
		c.Text(g.Due)
		if v.status {
			c.Number(g.Now)
			c.Text(g.Status)
		}
		c.Text(strings.Join(g.Actions, "; "))
		ids := make([]string, len(g.Certifications))
		for i, cert := range g.Certifications {
			ids[i] = cert.ID
		}
		c.Text(strings.Join(ids, "; "))
		if err := c.EndRow(); err != nil {
			return err
		}
	}
	return c.Flush()
}

const planBody = `<header>
<h1>{{.V.Title}}</h1>
<p class="meta">{{.V.Meta}}</p>
</header>
<table>
<thead><tr><th>Skill</th><th class="num">From</th><th class="num">Target</th>{{if .Status}}<th class="num">Now</th>{{end}}<th>Due</th>{{if .Status}}<th>Status</th>{{end}}</tr></thead>
<tbody>
{{- range .Goals}}
<tr><td>{{.Name}}</td><td class="num">{{num .From}}</td><td class="num">{{val .Target}}</td>{{if $.Status}}<td class="num">{{num .Now}}</td>{{end}}<td>{{.Due}}</td>{{if $.Status}}<td class="{{statusClass .Status}}">{{.Status}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- range $i, $g := .Goals}}
<h2>{{inc $i}}. {{$g.Name}}</h2>
{{- if or $g.Actions $g.Certifications}}
<ul>
{{- range $g.Actions}}<li>{{.}}</li>{{end}}
{{- range $g.Certifications}}<li>Certification: {{.Name}}</li>{{end}}
</ul>
{{- end}}
{{- end}}`

// goalStatusClass colours a goal's status as the priorities are coloured, and the status
// is written out beside it: done green, stalled amber, overdue red.
func goalStatusClass(s string) string {
	switch s {
	case assess.GoalDone:
		return "met"
	case assess.GoalOnTrack:
		return "none"
	case assess.GoalStalled:
		return "medium"
	}
	return "high"
}

type planHTMLView struct {
	Title  string
	V      struct{ Title, Meta string }
	Status bool
	Goals  []PlanGoal
}

// writeHTML writes a plan as one self-contained page.
func (v *PlanView) writeHTML(w io.Writer) error {
	hv := planHTMLView{Title: v.title(), Status: v.status, Goals: v.Goals}
	hv.V.Title, hv.V.Meta = v.title(), v.meta(Options{})
	t := htmlPage(planBody)
	return t.Execute(w, hv)
}
