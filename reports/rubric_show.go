package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// RubricShowFormat is the format tag of the JSON of rubric show.
const RubricShowFormat = "pmladder-rubric-show/v1"

// RubricShow is a ladder as rubric show shows it, to read on a terminal or to publish: the
// skills × roles matrix of expected scores, the roles and what each skill's statements say;
// or, with a role, what that one role expects.
type RubricShow struct {
	r    *rubric.Rubric
	role *rubric.Role
	// roles are the rubric's roles in the order they are shown, the ladder's first; abbr
	// their column headings.
	roles []*rubric.Role
	abbr  map[string]string
}

// NewRubricShow shows the whole ladder of r, or only role when it is not nil.
func NewRubricShow(r *rubric.Rubric, role *rubric.Role) *RubricShow {
	v := &RubricShow{r: r, role: role}
	var ladder, lateral []*rubric.Role
	seen := map[string]bool{}
	for _, g := range groupRoles(r) {
		for _, ro := range g.roles {
			if seen[ro.ID] {
				continue
			}
			seen[ro.ID] = true
			if ro.IsLadder() {
				ladder = append(ladder, ro)
			} else {
				lateral = append(lateral, ro)
			}
		}
	}
	v.roles = append(ladder, lateral...)
	v.abbr = abbreviations(v.roles)
	return v
}

// The words of rubric show, in every format.
const (
	headingMatrix  = "Expected score by role"
	headingLateral = "Lateral roles"
	headingRoles   = "Roles"
	headingLadder  = "Skills and what each score looks like"
	matrixNote     = "* core skill: must be met to hold a role · blank: not expected"
	labelNext      = "Next"
	labelReached   = "Reached from"
	labelCerts     = "Certifications aimed at it"
	labelScope     = "Scope"
	columnExpects  = "Expects"
	columnWeight   = "Weight"
)

// title is the rubric's name and version.
func (v *RubricShow) title() string {
	return rubricLabel(RubricInfo{Name: v.r.Name, Version: v.r.Version})
}

// facts sum the ladder up.
func (v *RubricShow) facts() string {
	r := v.r
	return fmt.Sprintf("%s · %s · %s · %s · a role is held at %s%% with every core skill met",
		words.Count(len(r.Skills()), "skill", "skills"), words.Count(len(r.Questions()), "question", "questions"),
		words.Count(len(r.Roles), "role", "roles"), words.Count(len(r.Certifications), "certification", "certifications"),
		num(r.Scoring.Pass))
}

// parts are the matrix's tables: the ladder's roles, then the lateral ones.
func (v *RubricShow) parts() []matrixPart {
	var ladder, lateral []*rubric.Role
	for _, ro := range v.roles {
		if ro.IsLadder() {
			ladder = append(ladder, ro)
		} else {
			lateral = append(lateral, ro)
		}
	}
	return []matrixPart{{headingMatrix, ladder}, {headingLateral, lateral}}
}

type matrixPart struct {
	title string
	roles []*rubric.Role
}

// coreName marks a core skill's name.
func coreName(s *rubric.Skill) string {
	if s.Core {
		return s.Name + " *"
	}
	return s.Name
}

// expectCell is a role's expectation of a skill in the matrix, "" when it has none.
func expectCell(ro *rubric.Role, skill string) string {
	if e, ok := ro.Expect(skill); ok {
		return num(e)
	}
	return ""
}

// expects says what a role expects of a skill with the scale's label when it has one:
// "3 Practitioner".
func expects(r *rubric.Rubric, e float64) string {
	out := num(e)
	if e == float64(int(e)) && r.Scale.Label(int(e)) != "" {
		out += " " + r.Scale.Label(int(e))
	}
	return out
}

// scaleWords describes the scale with plain spaces: "0–5: 0 Not yet · 1 Aware · …".
func scaleWords(s rubric.Scale) string { return strings.ReplaceAll(scaleLine(s), textwrap.NBSP, " ") }

// roleHeld says how the role is held: "* core skill · held at 80% of 17.5 weighted points
// with every core skill met".
func (v *RubricShow) roleHeld() string {
	total := 0.0
	for _, s := range v.r.Skills() {
		if _, ok := v.role.Expect(s.ID); ok {
			total += s.Weight
		}
	}
	return fmt.Sprintf("* core skill · held at %s%% of %s weighted points with every core skill met", num(v.r.Scoring.Pass), num(total))
}

// roleLinks are the role's lines after its table: where it leads, where it is reached
// from and the certifications aimed at it, each with its label; none is left out.
func (v *RubricShow) roleLinks() []fact {
	r, ro := v.r, v.role
	var out []fact
	if names := roleNames(r, ro.Next); names != "" {
		out = append(out, fact{label: labelNext, value: names})
	}
	var from []string
	for _, f := range r.ReachedFrom(ro.ID) {
		from = append(from, f.ID)
	}
	if names := roleNames(r, from); names != "" {
		out = append(out, fact{label: labelReached, value: names})
	}
	var certs []string
	for i := range r.Certifications {
		c := &r.Certifications[i]
		if len(c.Roles) > 0 && c.SuitsRole(ro.ID) {
			certs = append(certs, c.Name)
		}
	}
	if len(certs) > 0 {
		out = append(out, fact{label: labelCerts, value: strings.Join(certs, " · ")})
	}
	return out
}

// shown are the categories and skills the view shows: every one, or those the role
// expects.
func (v *RubricShow) shown() []shownCategory {
	var out []shownCategory
	for _, c := range v.r.Categories {
		sc := shownCategory{Category: &c}
		for i := range c.Skills {
			if s := &c.Skills[i]; v.role == nil || hasExpectation(v.role, s.ID) {
				sc.Skills = append(sc.Skills, s)
			}
		}
		if len(sc.Skills) > 0 {
			out = append(out, sc)
		}
	}
	return out
}

type shownCategory struct {
	Category *rubric.Category
	Skills   []*rubric.Skill
}

func hasExpectation(ro *rubric.Role, skill string) bool {
	_, ok := ro.Expect(skill)
	return ok
}

func (v *RubricShow) writeTable(w io.Writer, opt Options) error {
	if v.role != nil {
		return v.roleTable(w, opt)
	}
	return v.matrixTable(w, opt)
}

// writeMarkdown writes the ladder as Markdown: the matrix, the roles and each skill's
// statements; with a role, its expectations and what the work looks like at each.
func (v *RubricShow) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	r := v.r
	if v.role != nil {
		ro := v.role
		ew.printf("# %s (%s)\n\n%s\n", mdEscape(ro.Name), mdEscape(ro.ID), mdEscape(roleFacts(r, ro)))
		if sc := strings.TrimSpace(ro.Scope); sc != "" {
			ew.printf("\n**%s:** %s\n", labelScope, mdEscape(sc))
		}
		if d := strings.TrimSpace(ro.Description); d != "" {
			ew.printf("\n%s\n", mdEscape(d))
		}
		ew.printf("\n## %s\n\n", mdEscape(expectsHeading(ro)))
		var rows [][]string
		for _, c := range v.shown() {
			rows = append(rows, []string{"**" + mdEscape(c.Category.Name) + "**", "", ""})
			for _, s := range c.Skills {
				e, _ := ro.Expect(s.ID)
				rows = append(rows, []string{mdEscape(coreName(s)), mdEscape(expects(r, e)), num(s.Weight)})
			}
		}
		mdTable(ew, "llr", []string{columnSkill, columnExpects, columnWeight}, rows)
		ew.printf("\n%s\n", mdEscape(v.roleHeld()))
		for _, f := range v.roleLinks() {
			ew.printf("\n**%s:** %s\n", f.label, mdEscape(f.value))
		}
		ew.printf("\n## %s\n", mdEscape(workHeading(ro)))
		for _, c := range v.shown() {
			for _, s := range c.Skills {
				e, _ := ro.Expect(s.ID)
				ew.printf("\n### %s: %s\n\n", mdEscape(s.Name), mdEscape(expects(r, e)))
				for _, st := range s.StatementsAt(rubric.MetAt(e)) {
					ew.printf("- %s\n", mdEscape(st))
				}
			}
		}
		return ew.err
	}
	ew.printf("# %s\n\n", mdEscape(v.title()))
	if d := strings.TrimSpace(r.Description); d != "" {
		ew.printf("%s\n\n", mdEscape(d))
	}
	ew.printf("%s\n\nScale %s\n", mdEscape(v.facts()), mdEscape(scaleWords(r.Scale)))
	for _, part := range v.parts() {
		if len(part.roles) == 0 {
			continue
		}
		header, align := []string{columnSkill}, "l"
		for _, ro := range part.roles {
			header, align = append(header, mdEscape(v.abbr[ro.ID])), align+"r"
		}
		var rows [][]string
		for _, c := range v.shown() {
			rows = append(rows, append([]string{"**" + mdEscape(c.Category.Name) + "**"}, make([]string, len(part.roles))...))
			for _, s := range c.Skills {
				row := []string{mdEscape(coreName(s))}
				for _, ro := range part.roles {
					row = append(row, expectCell(ro, s.ID))
				}
				rows = append(rows, row)
			}
		}
		ew.printf("\n## %s\n\n", part.title)
		mdTable(ew, align, header, rows)
	}
	ew.printf("\n%s\n\n## %s\n\n", mdEscape(matrixNote), headingRoles)
	var rows [][]string
	for _, ro := range v.roles {
		rows = append(rows, []string{mdEscape(v.abbr[ro.ID]), mdEscape(ro.Name), mdEscape(ro.ID), mdEscape(roleFacts(r, ro)), mdEscape(strings.TrimSpace(ro.Scope)), mdEscape(strings.TrimSpace(ro.Description))})
	}
	mdTable(ew, "llllll", []string{"Column", "Role", "Id", "Where", labelScope, "What it is"}, rows)
	ew.printf("\n## %s\n", headingLadder)
	for _, c := range v.shown() {
		for _, s := range c.Skills {
			ew.printf("\n### %s\n\n", mdEscape(coreName(s)))
			if d := strings.TrimSpace(s.Description); d != "" {
				ew.printf("%s\n\n", mdEscape(d))
			}
			for i := range s.Questions {
				q := &s.Questions[i]
				ew.printf("- %s\n", mdEscape(q.Text))
				for _, o := range q.Options {
					ew.printf("  - %d: %s\n", o.Score, mdEscape(o.Text))
				}
			}
		}
	}
	return ew.err
}

// expectsHeading heads a role's expectations.
func expectsHeading(ro *rubric.Role) string { return "What " + ro.Name + " expects" }

// workHeading heads what the work looks like at a role's expectations.
func workHeading(ro *rubric.Role) string { return "What the work looks like as " + ro.Name }

// writeCSV writes one row per role and skill it expects: the role, the skill and the
// expectation.
func (v *RubricShow) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("role", "role_name", "level", "category", "skill", "skill_name", "core", "weight", "expected"); err != nil {
		return err
	}
	roles := v.roles
	if v.role != nil {
		roles = []*rubric.Role{v.role}
	}
	for _, ro := range roles {
		for _, s := range v.r.Skills() {
			e, ok := ro.Expect(s.ID)
			if !ok {
				continue
			}
			cw.Text(ro.ID)
			cw.Text(ro.Name)
			cw.Int(ro.Level)
			cw.Text(s.Category)
			cw.Text(s.ID)
			cw.Text(s.Name)
			cw.Text(fmt.Sprint(s.Core))
			cw.Number(&s.Weight)
			cw.Number(&e)
			if err := cw.EndRow(); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

// rubricShowJSON is the JSON of rubric show (docs/formats.md).
type rubricShowJSON struct {
	Format     string         `json:"format"`
	Rubric     RubricInfo     `json:"rubric"`
	Scale      showScale      `json:"scale"`
	Pass       float64        `json:"pass"`
	Tracks     []RoleRef      `json:"tracks"`
	Categories []showCategory `json:"categories"`
	Roles      []showRole     `json:"roles"`
}

type showScale struct {
	Min    int      `json:"min"`
	Max    int      `json:"max"`
	Labels []string `json:"labels"`
}

type showCategory struct {
	ID     string      `json:"id"`
	Name   string      `json:"name"`
	Skills []showSkill `json:"skills"`
}

type showSkill struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Description string         `json:"description"`
	Core        bool           `json:"core"`
	Weight      float64        `json:"weight"`
	Questions   []showQuestion `json:"questions"`
}

type showQuestion struct {
	ID         string          `json:"id"`
	Text       string          `json:"text"`
	Statements []showStatement `json:"statements"`
}

type showStatement struct {
	Score int    `json:"score"`
	Text  string `json:"text"`
}

type showRole struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Short       string       `json:"short"`
	Scope       string       `json:"scope"`
	Level       int          `json:"level"`
	Lateral     bool         `json:"lateral"`
	Tracks      []string     `json:"tracks"`
	Description string       `json:"description"`
	Next        []string     `json:"next"`
	Expects     []showExpect `json:"expects"`
}

type showExpect struct {
	Skill    string  `json:"skill"`
	Expected float64 `json:"expected"`
}

// writeJSON writes the ladder as data: every skill (with --role, those the role expects)
// with its questions and anchored statements, and every role (or the one) with its
// expectations, in rubric order.
func (v *RubricShow) writeJSON(w io.Writer) error {
	r := v.r
	out := rubricShowJSON{Format: RubricShowFormat, Rubric: RubricInfo{Name: r.Name, Version: r.Version, SHA256: r.SHA256},
		Scale: showScale{Min: r.Scale.Min, Max: r.Scale.Max, Labels: orEmpty(r.Scale.Labels)}, Pass: r.Scoring.Pass,
		Tracks: []RoleRef{}, Categories: []showCategory{}, Roles: []showRole{}}
	for _, t := range r.Tracks {
		out.Tracks = append(out.Tracks, RoleRef{ID: t.ID, Name: t.Name})
	}
	for _, c := range v.shown() {
		sc := showCategory{ID: c.Category.ID, Name: c.Category.Name, Skills: []showSkill{}}
		for _, s := range c.Skills {
			ss := showSkill{ID: s.ID, Name: s.Name, Description: strings.TrimSpace(s.Description), Core: s.Core, Weight: s.Weight, Questions: []showQuestion{}}
			for i := range s.Questions {
				q := &s.Questions[i]
				sq := showQuestion{ID: q.ID, Text: q.Text, Statements: []showStatement{}}
				for _, o := range q.Options {
					sq.Statements = append(sq.Statements, showStatement{Score: o.Score, Text: o.Text})
				}
				ss.Questions = append(ss.Questions, sq)
			}
			sc.Skills = append(sc.Skills, ss)
		}
		out.Categories = append(out.Categories, sc)
	}
	roles := v.roles
	if v.role != nil {
		roles = []*rubric.Role{v.role}
	}
	for _, ro := range roles {
		sr := showRole{ID: ro.ID, Name: ro.Name, Short: ro.Short, Scope: strings.TrimSpace(ro.Scope), Level: ro.Level, Lateral: !ro.IsLadder(), Tracks: orEmpty(ro.Tracks),
			Description: strings.TrimSpace(ro.Description), Next: orEmpty(ro.Next), Expects: []showExpect{}}
		for _, s := range r.Skills() {
			if e, ok := ro.Expect(s.ID); ok {
				sr.Expects = append(sr.Expects, showExpect{Skill: s.ID, Expected: e})
			}
		}
		out.Roles = append(out.Roles, sr)
	}
	return WriteJSON(w, out)
}

func orEmpty(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

const rubricShowBody = `<header>
<h1>{{.Title}}</h1>
{{- with .Description}}
<p>{{.}}</p>
{{- end}}
{{- range .Facts}}
<p class="meta">{{.}}</p>
{{- end}}
</header>
{{- range .Tables}}
<h2>{{.Title}}</h2>
<table>
<thead><tr>{{range $i, $h := .Header}}<th{{if $i}} class="num"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr{{if .Category}} class="category"{{end}}>{{range $i, $c := .Cells}}<td{{if $i}} class="num"{{end}}>{{$c}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- range .Notes}}
<p class="note">{{.}}</p>
{{- end}}
{{- with .Links}}
<table class="summary">
{{- range .}}
<tr><td>{{.Label}}</td><td>{{.Value}}</td></tr>
{{- end}}
</table>
{{- end}}
{{- with .Roles}}
<h2>{{$.RolesHeading}}</h2>
<table>
<thead><tr><th>Column</th><th>Role</th><th>Id</th><th>Where</th><th>Scope</th><th>What it is</th></tr></thead>
<tbody>
{{- range .}}
<tr><td>{{index . 0}}</td><td>{{index . 1}}</td><td>{{index . 2}}</td><td>{{index . 3}}</td><td>{{index . 4}}</td><td>{{index . 5}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<h2>{{.SkillsHeading}}</h2>
{{- range .Skills}}
<h3>{{.Name}}</h3>
{{- with .Description}}
<p>{{.}}</p>
{{- end}}
{{- range .Questions}}
{{- with .Text}}
<p><strong>{{.}}</strong></p>
{{- end}}
{{- if .Statements}}
<ul>{{range .Statements}}<li>{{.}}</li>{{end}}</ul>
{{- end}}
{{- end}}
{{- end}}`

type showHTMLRow struct {
	Category bool
	Cells    []string
}

type showHTMLTable struct {
	Title  string
	Header []string
	Rows   []showHTMLRow
}

type showHTMLSkill struct {
	Name, Description string
	Questions         []showHTMLQuestion
}

type showHTMLQuestion struct {
	Text       string
	Statements []string
}

type showHTMLLink struct{ Label, Value string }

// writeHTML writes the ladder as one self-contained page, with what the Markdown holds.
func (v *RubricShow) writeHTML(w io.Writer) error {
	r := v.r
	view := struct {
		Title, Description          string
		Facts, Notes                []string
		Tables                      []showHTMLTable
		Links                       []showHTMLLink
		RolesHeading, SkillsHeading string
		Roles                       [][]string
		Skills                      []showHTMLSkill
	}{RolesHeading: headingRoles, SkillsHeading: headingLadder}
	if ro := v.role; ro != nil {
		view.Title, view.Description = ro.Name+" ("+ro.ID+")", strings.TrimSpace(ro.Description)
		view.Facts = []string{roleFacts(r, ro)}
		if sc := strings.TrimSpace(ro.Scope); sc != "" {
			view.Facts = append(view.Facts, labelScope+": "+sc)
		}
		t := showHTMLTable{Title: expectsHeading(ro), Header: []string{columnSkill, columnExpects, columnWeight}}
		for _, c := range v.shown() {
			t.Rows = append(t.Rows, showHTMLRow{Category: true, Cells: []string{c.Category.Name, "", ""}})
			for _, s := range c.Skills {
				e, _ := ro.Expect(s.ID)
				t.Rows = append(t.Rows, showHTMLRow{Cells: []string{coreName(s), expects(r, e), num(s.Weight)}})
			}
		}
		view.Tables, view.Notes = []showHTMLTable{t}, []string{v.roleHeld()}
		for _, f := range v.roleLinks() {
			view.Links = append(view.Links, showHTMLLink{f.label, f.value})
		}
		view.SkillsHeading = workHeading(ro)
		for _, c := range v.shown() {
			for _, s := range c.Skills {
				e, _ := ro.Expect(s.ID)
				view.Skills = append(view.Skills, showHTMLSkill{Name: s.Name + ": " + expects(r, e),
					Questions: []showHTMLQuestion{{Statements: s.StatementsAt(rubric.MetAt(e))}}})
			}
		}
		return htmlPage(rubricShowBody).Execute(w, view)
	}
	view.Title, view.Description = v.title(), strings.TrimSpace(r.Description)
	view.Facts = []string{v.facts(), "Scale " + scaleWords(r.Scale)}
	for _, part := range v.parts() {
		if len(part.roles) == 0 {
			continue
		}
		t := showHTMLTable{Title: part.title, Header: []string{columnSkill}}
		for _, ro := range part.roles {
			t.Header = append(t.Header, v.abbr[ro.ID])
		}
		for _, c := range v.shown() {
			t.Rows = append(t.Rows, showHTMLRow{Category: true, Cells: append([]string{c.Category.Name}, make([]string, len(part.roles))...)})
			for _, s := range c.Skills {
				row := []string{coreName(s)}
				for _, ro := range part.roles {
					row = append(row, expectCell(ro, s.ID))
				}
				t.Rows = append(t.Rows, showHTMLRow{Cells: row})
			}
		}
		view.Tables = append(view.Tables, t)
	}
	view.Notes = []string{matrixNote}
	for _, ro := range v.roles {
		view.Roles = append(view.Roles, []string{v.abbr[ro.ID], ro.Name, ro.ID, roleFacts(r, ro), strings.TrimSpace(ro.Scope), strings.TrimSpace(ro.Description)})
	}
	for _, c := range v.shown() {
		for _, s := range c.Skills {
			hs := showHTMLSkill{Name: coreName(s), Description: strings.TrimSpace(s.Description)}
			for i := range s.Questions {
				q := &s.Questions[i]
				hq := showHTMLQuestion{Text: q.Text}
				for _, o := range q.Options {
					hq.Statements = append(hq.Statements, fmt.Sprintf("%d: %s", o.Score, o.Text))
				}
				hs.Questions = append(hs.Questions, hq)
			}
			view.Skills = append(view.Skills, hs)
		}
	}
	return htmlPage(rubricShowBody).Execute(w, view)
}
