package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// RubricDiffFormat is the format tag of the JSON rubric diff.
const RubricDiffFormat = "pmladder-rubric-diff/v1"

// RubricDiff is what changes between two roles: every skill whose expectation differs,
// with what the work looks like at each expectation.
type RubricDiff struct {
	Format string      `json:"format"`
	Rubric RubricInfo  `json:"rubric"`
	From   RoleRef     `json:"from"`
	To     RoleRef     `json:"to"`
	Skills []DiffSkill `json:"skills"`
}

// DiffSkill is one skill of a rubric diff. A nil expectation is a role that does not
// expect the skill. The statements are the anchored statements at the expectation (rounded
// up: an expectation of 2.5 is met at 3), one per question that has statements.
type DiffSkill struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Category       string   `json:"category"`
	From           *float64 `json:"from"`
	To             *float64 `json:"to"`
	FromStatements []string `json:"from_statements"`
	ToStatements   []string `json:"to_statements"`
}

// NewRubricDiff builds the diff from role from to role to.
func NewRubricDiff(r *rubric.Rubric, from, to *rubric.Role) *RubricDiff {
	d := &RubricDiff{Format: RubricDiffFormat, Rubric: RubricInfo{Name: r.Name, Version: r.Version, SHA256: r.SHA256},
		From: RoleRef{ID: from.ID, Name: from.Name}, To: RoleRef{ID: to.ID, Name: to.Name}, Skills: []DiffSkill{}}
	for _, c := range r.Diff(from, to) {
		d.Skills = append(d.Skills, DiffSkill{ID: c.Skill.ID, Name: c.Skill.Name, Category: c.Skill.Category,
			From: c.From, To: c.To, FromStatements: statementsAt(c.Skill, c.From), ToStatements: statementsAt(c.Skill, c.To)})
	}
	return d
}

func statementsAt(s *rubric.Skill, expected *float64) []string {
	out := []string{}
	if expected != nil {
		out = append(out, s.StatementsAt(rubric.MetAt(*expected))...)
	}
	return out
}

// headline and scope are the diff's first lines in every format.
func (d *RubricDiff) headline() string {
	return fmt.Sprintf("From %s to %s: what changes", d.From.Name, d.To.Name)
}

func (d *RubricDiff) scope() string {
	if len(d.Skills) == 0 {
		return fmt.Sprintf("%s and %s expect the same of every skill (%s).", d.From.Name, d.To.Name, rubricLabel(d.Rubric))
	}
	return fmt.Sprintf("The %d %s whose expectation differs (%s), with what the work looks like at each level.",
		len(d.Skills), words.Plural(len(d.Skills), "skill", "skills"), rubricLabel(d.Rubric))
}

// diffSide is one role's side of a skill in the diff.
type diffSide struct {
	role       RoleRef
	expected   *float64
	statements []string
}

// sides are the from and the to side of a skill.
func (d *RubricDiff) sides(s DiffSkill) [2]diffSide {
	return [2]diffSide{{d.From, s.From, s.FromStatements}, {d.To, s.To, s.ToStatements}}
}

// writeTable writes the diff for a terminal: a table of the expectations, then each
// skill's statements at both levels.
func (d *RubricDiff) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, d.headline()), width, "", ""))
	ew.printf("%s", textwrap.Wrap(d.scope(), width, "", ""))
	if len(d.Skills) == 0 {
		return ew.err
	}
	ew.printf("\n")
	t := newTable(ew, "lrr", "Skill", truncate(d.From.ID, 14), truncate(d.To.ID, 14))
	for _, s := range d.Skills {
		if err := t.Append([]string{truncate(s.Name, width-34), fmtNum(s.From), fmtNum(s.To)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, s := range d.Skills {
		ew.printf("\n%s", textwrap.Wrap(opt.style(ansiBold, s.Name), width, "", ""))
		for _, side := range d.sides(s) {
			if side.expected == nil {
				ew.printf("%s", textwrap.Wrap(side.role.Name+": not expected", width, "  ", "    "))
				continue
			}
			ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s expects %s:", side.role.Name, num(*side.expected)), width, "  ", "    "))
			for _, st := range side.statements {
				ew.printf("%s", textwrap.Wrap(printable.String(st), width, "    • ", "      "))
			}
		}
	}
	return ew.err
}

// writeMarkdown writes the diff as Markdown.
func (d *RubricDiff) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(d.headline()), mdEscape(d.scope()))
	if len(d.Skills) == 0 {
		return ew.err
	}
	ew.printf("\n")
	var rows [][]string
	for _, s := range d.Skills {
		rows = append(rows, []string{mdEscape(s.Name), fmtNum(s.From), fmtNum(s.To)})
	}
	mdTable(ew, "lrr", []string{"Skill", mdEscape(d.From.Name), mdEscape(d.To.Name)}, rows)
	for _, s := range d.Skills {
		ew.printf("\n## %s\n", mdEscape(s.Name))
		for _, side := range d.sides(s) {
			if side.expected == nil {
				ew.printf("\n**%s**: not expected\n", mdEscape(side.role.Name))
				continue
			}
			ew.printf("\n**%s** expects %s:\n\n", mdEscape(side.role.Name), num(*side.expected))
			for _, st := range side.statements {
				ew.printf("- %s\n", mdEscape(st))
			}
		}
	}
	return ew.err
}

// writeCSV writes one row per skill: the expectations, and each side's statements
// joined by " | ".
func (d *RubricDiff) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("from_role", "to_role", "category", "skill", "from", "to", "from_statements", "to_statements"); err != nil {
		return err
	}
	for _, s := range d.Skills {
		cw.Text(d.From.ID)
		cw.Text(d.To.ID)
		cw.Text(s.Category)
		cw.Text(s.ID)
		cw.Number(s.From)
		cw.Number(s.To)
		cw.Text(strings.Join(s.FromStatements, " | "))
		cw.Text(strings.Join(s.ToStatements, " | "))
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return cw.Flush()
}

const rubricDiffBody = `<header>
<h1>{{.D.Headline}}</h1>
<p class="meta">{{.D.Scope}}</p>
</header>
{{- if .D.Skills}}
<table>
<thead><tr><th>Skill</th><th class="num">{{.D.From.Name}}</th><th class="num">{{.D.To.Name}}</th></tr></thead>
<tbody>
{{- range .D.Skills}}
<tr><td>{{.Name}}</td><td class="num">{{num .From}}</td><td class="num">{{num .To}}</td></tr>
{{- end}}
</tbody>
</table>
{{- range .D.Skills}}
<h2>{{.Name}}</h2>
<table style="table-layout: fixed">
<thead><tr><th>{{$.D.From.Name}}{{with .From}} · {{val .}}{{end}}</th><th>{{$.D.To.Name}}{{with .To}} · {{val .}}{{end}}</th></tr></thead>
<tbody><tr>
<td>{{if .From}}<ul>{{range .FromStatements}}<li>{{.}}</li>{{end}}</ul>{{else}}not expected{{end}}</td>
<td>{{if .To}}<ul>{{range .ToStatements}}<li>{{.}}</li>{{end}}</ul>{{else}}not expected{{end}}</td>
</tr></tbody>
</table>
{{- end}}
{{- end}}`

func (d *RubricDiff) writeJSON(w io.Writer) error { return WriteJSON(w, d) }

// writeHTML writes the diff as a self-contained page.
func (d *RubricDiff) writeHTML(w io.Writer) error {
	view := struct {
		Title string
		D     rubricDiffView
	}{d.headline(), rubricDiffView{d}}
	return htmlPage(rubricDiffBody).Execute(w, view)
}

// rubricDiffView gives the template the diff's computed lines.
type rubricDiffView struct{ *RubricDiff }

func (v rubricDiffView) Headline() string { return v.headline() }
func (v rubricDiffView) Scope() string    { return v.scope() }
