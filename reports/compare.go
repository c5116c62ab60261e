package reports

import (
	"fmt"
	"github.com/pmladder/pmladder/internal/textwrap"
	"html/template"
	"io"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// CompareFormat is the format tag of a JSON comparison.
const CompareFormat = "pmladder-compare/v1"

// Compare is a comparison as every renderer sees it: the JSON schema of DESIGN §7.
type Compare struct {
	Format      string          `json:"format"`
	Old         Who             `json:"old"`
	New         Who             `json:"new"`
	Calibration bool            `json:"calibration"`
	Skills      []SkillChange   `json:"skills"`
	Readiness   ReadinessChange `json:"readiness"`

	// Not in the JSON schema: what the other formats also show.
	Target     *RoleRef         `json:"-"`
	Categories []CategoryChange `json:"-"`
	// AllSkills is false when a calibration lists only the disagreements.
	AllSkills bool `json:"-"`
	// Shown is the number of skills listed, Total the rubric's.
	Total              int `json:"-"`
	ScaleMin, ScaleMax int `json:"-"`
}

// Who is one side of a comparison.
type Who struct {
	Person   string  `json:"person"`
	Assessor string  `json:"assessor"`
	Date     *string `json:"date"`
}

// SkillChange is a skill in both assessments.
type SkillChange struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Old    *float64 `json:"old"`
	New    *float64 `json:"new"`
	Change *float64 `json:"change"`

	Category string `json:"-"`
}

// CategoryChange is a category's score in both assessments.
type CategoryChange struct {
	ID, Name         string
	Old, New, Change *float64
}

// ReadinessChange is the readiness for the new assessment's target in both.
type ReadinessChange struct {
	Old *float64 `json:"old"`
	New *float64 `json:"new"`
}

func whoOf(a *assess.Answers) Who {
	w := Who{Person: a.Person, Assessor: a.Assessor}
	if !a.Date.IsZero() {
		d := a.Date.UTC().Format(time.RFC3339)
		w.Date = &d
	}
	return w
}

// NewCompare builds the comparison report.
func NewCompare(c *assess.Comparison, all bool) *Compare {
	r := c.New.Rubric
	rep := &Compare{
		Format:      CompareFormat,
		Old:         whoOf(c.Old.Answers),
		New:         whoOf(c.New.Answers),
		Calibration: c.Calibration,
		Skills:      []SkillChange{},
		Readiness:   ReadinessChange{Old: roundPtr(c.Readiness.Old), New: roundPtr(c.Readiness.New)},
		AllSkills:   all || !c.Calibration,
		Total:       len(r.Skills()),
		ScaleMin:    r.Scale.Min,
		ScaleMax:    r.Scale.Max,
	}
	if t := c.New.Target; t != nil {
		rep.Target = &RoleRef{ID: t.Role.ID, Name: t.Role.Name}
	}
	for _, s := range c.Skills {
		rep.Skills = append(rep.Skills, SkillChange{ID: s.Skill.ID, Name: s.Skill.Name, Category: s.Skill.Category,
			Old: roundPtr(s.Old), New: roundPtr(s.New), Change: roundPtr(s.Delta)})
	}
	for i, ch := range c.Categories {
		cat := &r.Categories[i]
		rep.Categories = append(rep.Categories, CategoryChange{ID: cat.ID, Name: cat.Name,
			Old: roundPtr(ch.Old), New: roundPtr(ch.New), Change: roundPtr(ch.Delta)})
	}
	return rep
}

// sideLabel names a side for column headings: the assessor in a calibration, else the
// date.
func (c *Compare) sideLabel(w Who) string {
	if c.Calibration {
		return capitalise(w.Assessor)
	}
	if w.Date != nil {
		return (*w.Date)[:10]
	}
	return "Then"
}

func (c *Compare) labels() (string, string) {
	old, new := c.sideLabel(c.Old), c.sideLabel(c.New)
	if old == new {
		return "Old", "New"
	}
	return old, new
}

// fmtChange prints a change with its sign: +1, -0.5, 0; "–" when missing.
func fmtChange(p *float64) string {
	switch {
	case p == nil:
		return "–"
	case *p > 0:
		return "+" + num(*p)
	default:
		return num(*p)
	}
}

// headline says what is compared, for every format.
func (c *Compare) headline() string {
	who := printable(c.New.Person)
	if c.Old.Person != c.New.Person {
		who = printable(c.Old.Person) + " and " + printable(c.New.Person)
	}
	sep := " → "
	if c.Calibration {
		sep = " vs "
	}
	return who + ": " + sideName(c.Old) + sep + sideName(c.New)
}

// sideName describes one assessment: "self-assessment (2026-11-22)".
func sideName(w Who) string {
	name := w.Assessor + "'s assessment"
	if w.Assessor == "self" {
		name = "self-assessment"
	}
	if w.Date != nil {
		name += " (" + (*w.Date)[:10] + ")"
	}
	return name
}

// scope says which skills are listed.
func (c *Compare) scope() string {
	switch {
	case !c.Calibration:
		return "Change in every skill since the earlier assessment."
	case c.AllSkills:
		return "Calibration: every skill, as each assessor sees it."
	case len(c.Skills) == 0:
		return "Calibration: the two assessments agree within a point on every skill."
	default:
		return fmt.Sprintf("Calibration: the %d of %d skills where the assessments differ by a point or more (--all for every skill). These are the conversations to have.", len(c.Skills), c.Total)
	}
}

func (c *Compare) readinessLine() string {
	if c.Target == nil {
		return ""
	}
	old, new := c.labels()
	return fmt.Sprintf("Readiness for %s: %s %s, %s %s", c.Target.Name, old, fmtPct(c.Readiness.Old), new, fmtPct(c.Readiness.New))
}

// CompareTable writes a comparison for a terminal.
func CompareTable(w io.Writer, c *Compare, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, c.headline()), width, "", ""))
	ew.printf("%s", textwrap.Wrap(c.scope(), width, "", ""))
	if line := c.readinessLine(); line != "" {
		ew.printf("%s", textwrap.Wrap(line, width, "", ""))
	}
	ew.printf("\n")
	old, new := c.labels()
	if len(c.Skills) > 0 {
		t := newTable(ew, "lrrr", "Skill", old, new, "Change")
		for _, s := range c.Skills {
			change := fmtChange(s.Change)
			if s.Change != nil && *s.Change < 0 {
				change = opt.style(ansiRed, change)
			} else if s.Change != nil && *s.Change > 0 {
				change = opt.style(ansiGreen, change)
			}
			if err := t.Append([]string{truncate(s.Name, width-40), fmtNum(s.Old), fmtNum(s.New), change}); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		ew.printf("\n")
	}
	t := newTable(ew, "lrrr", "Category", old, new, "Change")
	for _, cat := range c.Categories {
		if err := t.Append([]string{cat.Name, fmtNum(cat.Old), fmtNum(cat.New), fmtChange(cat.Change)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	return ew.err
}

// CompareMarkdown writes a comparison as Markdown.
func CompareMarkdown(w io.Writer, c *Compare) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(c.headline()), mdEscape(c.scope()))
	if line := c.readinessLine(); line != "" {
		ew.printf("\n%s\n", mdEscape(line))
	}
	old, new := c.labels()
	if len(c.Skills) > 0 {
		ew.printf("\n## Skills\n\n")
		var rows [][]string
		for _, s := range c.Skills {
			rows = append(rows, []string{mdEscape(s.Name), fmtNum(s.Old), fmtNum(s.New), fmtChange(s.Change)})
		}
		mdTable(ew, "lrrr", []string{"Skill", mdEscape(old), mdEscape(new), "Change"}, rows)
	}
	ew.printf("\n## Categories\n\n")
	var rows [][]string
	for _, cat := range c.Categories {
		rows = append(rows, []string{mdEscape(cat.Name), fmtNum(cat.Old), fmtNum(cat.New), fmtChange(cat.Change)})
	}
	mdTable(ew, "lrrr", []string{"Category", mdEscape(old), mdEscape(new), "Change"}, rows)
	return ew.err
}

// CompareCSV writes one row per listed skill.
func CompareCSV(w io.Writer, c *Compare, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("old_person", "old_assessor", "old_date", "new_person", "new_assessor", "new_date",
		"category", "skill", "old", "new", "change"); err != nil {
		return err
	}
	for _, s := range c.Skills {
		cw.Text(c.Old.Person)
		cw.Text(c.Old.Assessor)
		cw.Text(deref(c.Old.Date))
		cw.Text(c.New.Person)
		cw.Text(c.New.Assessor)
		cw.Text(deref(c.New.Date))
		cw.Text(s.Category)
		cw.Text(s.ID)
		cw.Number(s.Old)
		cw.Number(s.New)
		cw.Number(s.Change)
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return cw.Flush()
}

const compareBody = `<header>
<h1>{{.Headline}}</h1>
<p class="meta">{{.Scope}}</p>
{{- if .Readiness}}<p>{{.Readiness}}</p>{{end}}
</header>
<h2>Skills</h2>
{{.Chart}}
<p class="legend"><span><span class="k old"></span>{{.OldLabel}}</span><span><span class="k score"></span>{{.NewLabel}}</span></p>
{{- if .C.Skills}}
<table>
<thead><tr><th>Skill</th><th class="num">{{.OldLabel}}</th><th class="num">{{.NewLabel}}</th><th class="num">Change</th></tr></thead>
<tbody>
{{- range .C.Skills}}
<tr><td>{{.Name}}</td><td class="num">{{num .Old}}</td><td class="num">{{num .New}}</td><td class="num">{{change .Change}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<h2>Categories</h2>
<table>
<thead><tr><th>Category</th><th class="num">{{.OldLabel}}</th><th class="num">{{.NewLabel}}</th><th class="num">Change</th></tr></thead>
<tbody>
{{- range .C.Categories}}
<tr><td>{{.Name}}</td><td class="num">{{num .Old}}</td><td class="num">{{num .New}}</td><td class="num">{{change .Change}}</td></tr>
{{- end}}
</tbody>
</table>`

// CompareHTML writes a comparison as a self-contained page with both assessments on one
// radar chart.
func CompareHTML(w io.Writer, c *Compare, all *assess.Comparison, r *rubric.Rubric) error {
	old, new := c.labels()
	ch := chart{Title: "Skill scores in both assessments", Min: float64(c.ScaleMin), Max: float64(c.ScaleMax)}
	oldS := chartSeries{Name: old, Class: "old"}
	newS := chartSeries{Name: new, Class: "score"}
	for i, sk := range all.New.Skills {
		ch.Axes = append(ch.Axes, sk.Skill.Name)
		oldS.Values = append(oldS.Values, roundPtr(all.Old.Skills[i].Score))
		newS.Values = append(newS.Values, roundPtr(sk.Score))
	}
	ch.Series = []chartSeries{oldS, newS}
	view := struct {
		Title, Headline, Scope, Readiness, OldLabel, NewLabel string
		Chart                                                 template.HTML
		C                                                     *Compare
	}{c.headline(), c.headline(), c.scope(), c.readinessLine(), old, new, template.HTML(ch.SVG()), c}
	return htmlPage(compareBody).Execute(w, view)
}
