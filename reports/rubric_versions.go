package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// RubricVersionsFormat is the format tag of the JSON diff of two versions of a ladder.
const RubricVersionsFormat = "pmladder-rubric-versions/v1"

// RubricVersions is what changes from one version of a ladder to the next: the skills,
// questions and roles added, removed, renamed and changed (docs/formats.md).
type RubricVersions struct {
	Format    string       `json:"format"`
	Old       RubricInfo   `json:"old"`
	New       RubricInfo   `json:"new"`
	Skills    VersionGroup `json:"skills"`
	Questions VersionGroup `json:"questions"`
	Roles     VersionGroup `json:"roles"`
}

// VersionGroup is one kind of thing's changes, by kind of change.
type VersionGroup struct {
	Added   []VersionItem `json:"added"`
	Removed []VersionItem `json:"removed"`
	Renamed []VersionItem `json:"renamed"`
	Changed []VersionItem `json:"changed"`
}

// VersionItem is one skill, question or role that differs. A question has Text (and
// Skill) where skills and roles have Name. OldID, OldName and OldText are set when they
// differ in the old version. Changes are its other differences.
type VersionItem struct {
	ID      string          `json:"id"`
	OldID   string          `json:"old_id,omitempty"`
	Name    string          `json:"name,omitempty"`
	OldName string          `json:"old_name,omitempty"`
	Text    string          `json:"text,omitempty"`
	OldText string          `json:"old_text,omitempty"`
	Skill   string          `json:"skill,omitempty"`
	Changes []VersionChange `json:"changes,omitempty"`
}

// VersionChange is one attribute that differs. Key is the score of a statement or the
// skill of an expectation. Old and New are null where there is none (an expectation
// added), numbers for weight, level and expects, true or false for core, lists for
// tracks and next, text otherwise.
type VersionChange struct {
	Field string `json:"field"`
	Key   string `json:"key,omitempty"`
	Old   any    `json:"old"`
	New   any    `json:"new"`

	oldText, newText string
}

// NewRubricVersions builds the diff of two versions of a ladder.
func NewRubricVersions(v *rubric.Versions) *RubricVersions {
	info := func(r *rubric.Rubric) RubricInfo {
		return RubricInfo{Name: r.Name, Version: r.Version, SHA256: r.SHA256}
	}
	d := &RubricVersions{Format: RubricVersionsFormat, Old: info(v.Old), New: info(v.New)}
	d.Skills = versionGroup(v.Skills, false)
	d.Questions = versionGroup(v.Questions, true)
	d.Roles = versionGroup(v.Roles, false)
	return d
}

func versionGroup(changes []rubric.Change, questions bool) VersionGroup {
	g := VersionGroup{Added: []VersionItem{}, Removed: []VersionItem{}, Renamed: []VersionItem{}, Changed: []VersionItem{}}
	for _, c := range changes {
		it := VersionItem{ID: c.ID, OldID: c.OldID}
		if questions {
			it.Text, it.OldText, it.Skill = c.Name, c.OldName, c.Skill
		} else {
			it.Name, it.OldName = c.Name, c.OldName
		}
		for _, f := range c.Fields {
			it.Changes = append(it.Changes, VersionChange{Field: f.Field, Key: f.Key,
				Old: changeValue(f.Field, f.Old), New: changeValue(f.Field, f.New), oldText: f.Old, newText: f.New})
		}
		switch c.Kind {
		case rubric.Added:
			g.Added = append(g.Added, it)
		case rubric.Removed:
			g.Removed = append(g.Removed, it)
		case rubric.Renamed:
			g.Renamed = append(g.Renamed, it)
		case rubric.Changed:
			g.Changed = append(g.Changed, it)
		}
	}
	return g
}

// changeValue is a field's value as JSON gives it.
func changeValue(field, text string) any {
	if text == "" {
		return nil
	}
	switch field {
	case rubric.FieldWeight, rubric.FieldLevel, rubric.FieldExpects:
		if v, err := strconv.ParseFloat(text, 64); err == nil {
			return v
		}
	case rubric.FieldCore:
		return text == "true"
	case rubric.FieldTracks, rubric.FieldNext:
		return strings.Split(text, ", ")
	}
	return text
}

// Words: the headline, the count, and a line per change, said once for every format.

func (d *RubricVersions) headline() string {
	return fmt.Sprintf("From %s: what changes", fromTo(d.Old, d.New))
}

// fromTo names two versions of a ladder: "Acme ladder 2026 to 2027", or with both names
// when they differ.
func fromTo(old, new RubricInfo) string {
	to := rubricLabel(new)
	if old.Name == new.Name && new.Version != "" {
		to = new.Version
	}
	return rubricLabel(old) + " to " + to
}

func (d *RubricVersions) groups() []struct {
	title string
	g     *VersionGroup
} {
	return []struct {
		title string
		g     *VersionGroup
	}{{"Skills", &d.Skills}, {"Questions", &d.Questions}, {"Roles", &d.Roles}}
}

func (g *VersionGroup) count() int {
	return len(g.Added) + len(g.Removed) + len(g.Renamed) + len(g.Changed)
}

func (d *RubricVersions) scope() string {
	var parts []string
	for _, gr := range []struct {
		n           int
		one, plural string
	}{{d.Skills.count(), "skill", "skills"}, {d.Questions.count(), "question", "questions"}, {d.Roles.count(), "role", "roles"}} {
		if gr.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", gr.n, words.Plural(gr.n, gr.one, gr.plural)))
		}
	}
	if len(parts) == 0 {
		return "The two versions have the same skills, questions and roles."
	}
	return words.Series(parts, "and") + " differ."
}

// versionKind is a kind of change with its items, for the human formats.
type versionKind struct {
	title string
	items []VersionItem
}

func (g *VersionGroup) kinds() []versionKind {
	return []versionKind{{"Added", g.Added}, {"Removed", g.Removed}, {"Renamed", g.Renamed}, {"Changed", g.Changed}}
}

// title is how an item is named in a line: its id and name (or text), with the old ones
// where they changed.
func (it VersionItem) title() string {
	id := it.ID
	if it.OldID != "" {
		id = it.OldID + " → " + it.ID
	}
	name, old := it.Name, it.OldName
	if it.Text != "" {
		name, old = it.Text, it.OldText
	}
	if old != "" {
		return fmt.Sprintf("%s: %q → %q", id, old, name)
	}
	return fmt.Sprintf("%s: %s", id, name)
}

// line says one change of an attribute.
func (c VersionChange) line() string {
	show := func(s string) string {
		if s == "" {
			return "none"
		}
		return s
	}
	switch c.Field {
	case rubric.FieldStatement:
		return fmt.Sprintf("statement at %s: %q → %q", c.Key, show(c.oldText), show(c.newText))
	case rubric.FieldExpects:
		return fmt.Sprintf("expects %s: %s → %s", c.Key, show(c.oldText), show(c.newText))
	}
	return fmt.Sprintf("%s: %s → %s", c.Field, show(c.oldText), show(c.newText))
}

// writeTable writes the diff for a terminal: a section per kind of thing, a line per change.
func (d *RubricVersions) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, d.headline()), width, "", ""))
	ew.printf("%s", textwrap.Wrap(d.scope(), width, "", ""))
	for _, gr := range d.groups() {
		if gr.g.count() == 0 {
			continue
		}
		ew.printf("\n%s\n", opt.style(ansiBold, gr.title))
		for _, k := range gr.g.kinds() {
			if len(k.items) == 0 {
				continue
			}
			ew.printf("  %s\n", k.title)
			for _, it := range k.items {
				ew.printf("%s", textwrap.Wrap(printable.String(it.title()), width, "    ", "      "))
				for _, c := range it.Changes {
					ew.printf("%s", textwrap.Wrap(printable.String(c.line()), width, "      · ", "        "))
				}
			}
		}
	}
	return ew.err
}

// writeMarkdown writes the diff as Markdown.
func (d *RubricVersions) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(d.headline()), mdEscape(d.scope()))
	for _, gr := range d.groups() {
		if gr.g.count() == 0 {
			continue
		}
		ew.printf("\n## %s\n", gr.title)
		for _, k := range gr.g.kinds() {
			if len(k.items) == 0 {
				continue
			}
			ew.printf("\n### %s\n\n", k.title)
			for _, it := range k.items {
				ew.printf("- %s\n", mdEscape(it.title()))
				for _, c := range it.Changes {
					ew.printf("  - %s\n", mdEscape(c.line()))
				}
			}
		}
	}
	return ew.err
}

// writeCSV writes one row per change of an attribute, and one per thing added, removed or
// renamed without other changes: part, change, id, old_id, name (a question's text),
// old_name, field, key, old, new.
func (d *RubricVersions) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("part", "change", "id", "old_id", "name", "old_name", "field", "key", "old", "new"); err != nil {
		return err
	}
	for _, gr := range d.groups() {
		part := strings.ToLower(strings.TrimSuffix(gr.title, "s"))
		for _, k := range gr.g.kinds() {
			for _, it := range k.items {
				name, old := it.Name, it.OldName
				if it.Text != "" {
					name, old = it.Text, it.OldText
				}
				row := func(c VersionChange) error {
					for _, s := range []string{part, strings.ToLower(k.title), it.ID, it.OldID, name, old, c.Field, c.Key, c.oldText, c.newText} {
						cw.Text(s)
					}
					return cw.EndRow()
				}
				if len(it.Changes) == 0 || k.title != "Changed" {
					if err := row(VersionChange{}); err != nil {
						return err
					}
				}
				for _, c := range it.Changes {
					if err := row(c); err != nil {
						return err
					}
				}
			}
		}
	}
	return cw.Flush()
}

func (d *RubricVersions) writeJSON(w io.Writer) error { return WriteJSON(w, d) }

const rubricVersionsBody = `<header>
<h1>{{.D.Headline}}</h1>
<p class="meta">{{.D.Scope}}</p>
</header>
{{- range .D.Groups}}
<h2>{{.Title}}</h2>
{{- range .Kinds}}
<h3>{{.Title}}</h3>
<ul>
{{- range .Items}}
<li>{{.Title}}{{if .Changes}}<ul>{{range .Changes}}<li>{{.}}</li>{{end}}</ul>{{end}}</li>
{{- end}}
</ul>
{{- end}}
{{- end}}`

// writeHTML writes the diff as a self-contained page.
func (d *RubricVersions) writeHTML(w io.Writer) error {
	type item struct {
		Title   string
		Changes []string
	}
	type kind struct {
		Title string
		Items []item
	}
	type group struct {
		Title string
		Kinds []kind
	}
	var groups []group
	for _, gr := range d.groups() {
		if gr.g.count() == 0 {
			continue
		}
		g := group{Title: gr.title}
		for _, k := range gr.g.kinds() {
			if len(k.items) == 0 {
				continue
			}
			kd := kind{Title: k.title}
			for _, it := range k.items {
				i := item{Title: it.title()}
				for _, c := range it.Changes {
					i.Changes = append(i.Changes, c.line())
				}
				kd.Items = append(kd.Items, i)
			}
			g.Kinds = append(g.Kinds, kd)
		}
		groups = append(groups, g)
	}
	view := struct {
		Title string
		D     struct {
			Headline, Scope string
			Groups          []group
		}
	}{Title: d.headline()}
	view.D.Headline, view.D.Scope, view.D.Groups = d.headline(), d.scope(), groups
	return htmlPage(rubricVersionsBody).Execute(w, view)
}
