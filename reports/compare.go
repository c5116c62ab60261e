package reports

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
)

// CompareFormat is the format tag of a JSON comparison.
const CompareFormat = "pmladder-compare/v2"

// Compare is a comparison as every renderer sees it: the JSON schema of docs/formats.md, for
// growth and calibration alike (Kind says which).
type Compare struct {
	Format    string              `json:"format"`
	Person    string              `json:"person"`
	Kind      string              `json:"kind"`
	Raters    []RaterRef          `json:"raters"`
	Skills    []CompareSkill      `json:"skills"`
	Readiness map[string]*float64 `json:"readiness"`

	// Not in the JSON schema: what the other formats also show.
	Target     *RoleRef         `json:"-"`
	Categories []CategoryChange `json:"-"`
	// AllSkills is false when a calibration lists only the disagreements.
	AllSkills bool `json:"-"`
	// Total is the rubric's number of skills; MinPeers the fewest peers shown as a group.
	Total, MinPeers    int `json:"-"`
	ScaleMin, ScaleMax int `json:"-"`
	// oldDate and newDate name a growth's two sides.
	oldDate, newDate *string
	// managers and peers count the raters of a calibration; people names everyone
	// compared (one, unless --any-person).
	managers, peers int
	people          []string
	// peersLeftOut is true when fewer than MinPeers peers rated some skill: their
	// ratings of it count nowhere (docs/formats.md, "Anonymity").
	peersLeftOut bool
	// For the packet, which the person reads: hideOthers leaves the others' mean out of
	// the tables where it repeats the manager's, noSelf the self column when there is no
	// self-assessment, and peerMeanOnly shows the peers' mean and count, never their range.
	hideOthers, noSelf, peerMeanOnly bool
}

// RaterRef is one assessment compared. A peer is never named, nor dated: peers appear
// only as a group.
type RaterRef struct {
	Assessor string  `json:"assessor"`
	Rater    *string `json:"rater"`
	Date     *string `json:"date"`
}

// CompareSkill is one skill compared. Growth fills old, new and change; a calibration
// self, manager, peers, others_mean, change (self minus the others' mean), flag and
// picked.
type CompareSkill struct {
	ID         string       `json:"id"`
	Name       string       `json:"name"`
	Expected   *float64     `json:"expected"`
	Self       *float64     `json:"self"`
	Manager    *float64     `json:"manager"`
	Peers      *PeersJSON   `json:"peers"`
	OthersMean *float64     `json:"others_mean"`
	Old        *float64     `json:"old,omitempty"`
	New        *float64     `json:"new,omitempty"`
	Change     *float64     `json:"change"`
	Flag       *string      `json:"flag"`
	Picked     []PickedJSON `json:"picked,omitempty"`
	Category   string       `json:"-"`
}

// PeersJSON is the peers' ratings of a skill as a group.
type PeersJSON struct {
	Mean float64 `json:"mean"`
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
	N    int     `json:"n"`
}

// PickedJSON is what self or a manager said of a skill where the raters differ.
type PickedJSON struct {
	// By is "self", "manager", or among several managers "manager (NAME)" or "manager 2".
	By         string   `json:"by"`
	Statements []string `json:"statements"`
	Evidence   *string  `json:"evidence"`
}

// CategoryChange is a category's score in both assessments of a growth.
type CategoryChange struct {
	ID, Name         string
	Old, New, Change *float64
}

// pickedBy names who picked: "self", "manager", or among several managers "manager
// (NAME)" or, without a name, "manager 2".
func pickedBy(p assess.Picked) string {
	switch {
	case p.Nth == 0:
		return string(p.Assessor)
	case p.Rater != "":
		return string(p.Assessor) + " (" + p.Rater + ")"
	}
	return fmt.Sprintf("%s %d", p.Assessor, p.Nth)
}

func dateOf(a *assess.Answers) *string {
	if a.Date.IsZero() {
		return nil
	}
	d := a.Date.UTC().Format(time.RFC3339)
	return &d
}

// NewCompare builds the comparison report; all is --all (a calibration of every skill).
// The person, target and expectations are the newest's of a growth, and the lead's of a
// calibration (self, a manager, or for peers only their profile: never a peer's scores).
func NewCompare(c *assess.Comparison, all bool) *Compare {
	r := c.New.Rubric
	rep := &Compare{Format: CompareFormat, Person: c.New.Answers.Person, Kind: c.Kind, Raters: []RaterRef{},
		Skills: []CompareSkill{}, Readiness: map[string]*float64{}, AllSkills: all || !c.IsCalibration(),
		Total: c.Total, MinPeers: c.MinPeers, ScaleMin: r.Scale.Min, ScaleMax: r.Scale.Max, peersLeftOut: c.PeersLeftOut}
	for _, res := range c.Results {
		a := res.Answers
		if !slices.ContainsFunc(rep.people, func(p string) bool { return assess.SamePerson(&assess.Answers{Person: p}, a) }) {
			rep.people = append(rep.people, a.Person)
		}
		ref := RaterRef{Assessor: string(a.Assessor)}
		switch a.Assessor {
		case assess.Peer:
			rep.peers++
		default:
			if a.Assessor == assess.Manager {
				rep.managers++
			}
			ref.Date = dateOf(a)
			if a.Rater != "" {
				rater := a.Rater
				ref.Rater = &rater
			}
		}
		rep.Raters = append(rep.Raters, ref)
	}
	if t := c.New.Target; t != nil {
		rep.Target = &RoleRef{ID: t.Role.ID, Name: t.Role.Name}
	}
	if c.IsCalibration() {
		rep.Readiness["self"], rep.Readiness["manager"] = roundPtr(c.Readiness.Old), roundPtr(c.Readiness.New)
	} else {
		rep.Readiness["old"], rep.Readiness["new"] = roundPtr(c.Readiness.Old), roundPtr(c.Readiness.New)
		rep.oldDate, rep.newDate = dateOf(c.Old.Answers), dateOf(c.New.Answers)
	}
	for _, s := range c.Skills {
		cs := CompareSkill{ID: s.Skill.ID, Name: s.Skill.Name, Category: s.Skill.Category, Expected: roundPtr(s.Expected),
			Change: roundPtr(s.Delta)}
		if c.IsCalibration() {
			cs.Self, cs.Manager, cs.OthersMean = roundPtr(s.Self), roundPtr(s.Manager), roundPtr(s.Others)
			if g := s.Peers; g != nil {
				cs.Peers = &PeersJSON{Mean: Round(g.Mean), Min: Round(g.Min), Max: Round(g.Max), N: g.N}
			}
			if s.Flag != "" {
				flag := s.Flag
				cs.Flag = &flag
			}
			for _, p := range s.Picked {
				cs.Picked = append(cs.Picked, PickedJSON{By: pickedBy(p), Statements: p.Statements, Evidence: p.Evidence})
			}
		} else {
			cs.Old, cs.New = roundPtr(s.Old), roundPtr(s.New)
		}
		rep.Skills = append(rep.Skills, cs)
	}
	for i, ch := range c.Categories {
		cat := &r.Categories[i]
		rep.Categories = append(rep.Categories, CategoryChange{ID: cat.ID, Name: cat.Name,
			Old: roundPtr(ch.Old), New: roundPtr(ch.New), Change: roundPtr(ch.Delta)})
	}
	return rep
}

func (c *Compare) calibration() bool { return c.Kind == assess.Calibration }

// labels name a growth's two sides by their dates.
func (c *Compare) labels() (string, string) {
	old, new := "Old", "New"
	if c.oldDate != nil && c.newDate != nil && (*c.oldDate)[:10] != (*c.newDate)[:10] {
		old, new = (*c.oldDate)[:10], (*c.newDate)[:10]
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
	who := printable.String(strings.Join(c.people, " and "))
	if !c.calibration() {
		if n := len(c.Raters); n > 2 && c.oldDate != nil && c.newDate != nil {
			kind := "self-assessments"
			if a := c.Raters[0].Assessor; a != string(assess.Self) {
				kind = a + "'s assessments"
			}
			return fmt.Sprintf("%s: %d %s, %s → %s", who, n, kind, (*c.oldDate)[:10], (*c.newDate)[:10])
		}
		return fmt.Sprintf("%s: %s → %s", who, sideName(c.Raters[0].Assessor, c.oldDate), sideName(c.Raters[0].Assessor, c.newDate))
	}
	var parts []string
	parts = append(parts, "self")
	if c.managers > 0 {
		parts = append(parts, countOf(c.managers, "manager", "managers"))
	}
	if c.peers > 0 {
		parts = append(parts, countOf(c.peers, "peer", "peers"))
	}
	if c.Raters[0].Assessor != string(assess.Self) {
		parts = parts[1:]
	}
	return who + ": " + strings.Join(parts, ", ") + " (calibration)"
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// sideName describes one assessment: "self-assessment (2026-11-22)".
func sideName(assessor string, date *string) string {
	name := AssessmentName(assess.Assessor(assessor), "")
	if date != nil {
		name += " (" + (*date)[:10] + ")"
	}
	return name
}

// scope says which skills are listed and how to read them.
func (c *Compare) scope() string {
	if !c.calibration() {
		return "Change in every skill since the earlier assessment."
	}
	peers := ""
	switch {
	case !c.peersLeftOut:
	case c.peers < c.MinPeers:
		peers = fmt.Sprintf(" With fewer than %d peers, the peers' ratings are left out of every number, so that none can be worked out.", c.MinPeers)
	default:
		peers = fmt.Sprintf(" Where fewer than %d peers rated a skill, their ratings of it are left out of every number, so that none can be worked out.", c.MinPeers)
	}
	switch {
	case c.AllSkills:
		return "Every skill, as each rater sees it. A blind spot is a self-rating a point or more above the others' mean, a hidden strength one a point or more below." + peers
	case len(c.Skills) == 0:
		return "The raters agree within a point on every skill." + peers
	default:
		return fmt.Sprintf("The %d of %d skills where the raters differ by a point or more (--all for every skill): the conversations to have. A blind spot is a self-rating a point or more above the others' mean, a hidden strength one a point or more below.%s",
			len(c.Skills), c.Total, peers)
	}
}

func (c *Compare) readinessLine() string {
	if c.Target == nil {
		return ""
	}
	if c.calibration() {
		line := fmt.Sprintf("Readiness for %s: self %s", c.Target.Name, fmtPct(c.Readiness["self"]))
		if c.managers > 0 {
			line += ", manager " + fmtPct(c.Readiness["manager"])
		}
		return line
	}
	old, new := c.labels()
	return fmt.Sprintf("Readiness for %s: %s %s, %s %s", c.Target.Name, old, fmtPct(c.Readiness["old"]), new, fmtPct(c.Readiness["new"]))
}

// peerColumn reports whether the peers have a column: when there are enough of them to
// show as a group on a skill.
func (c *Compare) peerColumn() bool { return c.peers >= c.MinPeers }

// peersText shows the peers of a skill as a group: "3.3 (2–4, 3)", or "–"; for a
// document the person reads (the packet), the mean and how many only, "3.3 (3)": the
// range of three ratings with their mean gives each of them away.
func (c *Compare) peersText(p *PeersJSON) string {
	switch {
	case p == nil:
		return "–"
	case c.peerMeanOnly:
		return fmt.Sprintf("%s (%d)", num(p.Mean), p.N)
	}
	return fmt.Sprintf("%s (%s–%s, %d)", num(p.Mean), num(p.Min), num(p.Max), p.N)
}

// peersHeading heads the peers' column.
func (c *Compare) peersHeading() string {
	if c.peerMeanOnly {
		return "Peers (mean, n)"
	}
	return "Peers (range, n)"
}

func flagText(f *string) string {
	if f == nil {
		return ""
	}
	return *f
}

// calibrationHeader and calibrationRow are a calibration's table, for Markdown and HTML.
func (c *Compare) calibrationHeader() []string {
	h := []string{"Skill", "Target"}
	if !c.noSelf {
		h = append(h, "Self")
	}
	if c.managers > 0 {
		h = append(h, "Manager")
	}
	if c.peerColumn() {
		h = append(h, c.peersHeading())
	}
	if !c.othersHidden() {
		h = append(h, "Others")
	}
	if c.noSelf { // a flag is self against the others
		return h
	}
	return append(h, "Flag")
}

// othersHidden reports whether the others' mean is left out of a table: when asked, and
// there is no peers' column, the others are the managers and their column says it.
func (c *Compare) othersHidden() bool { return c.hideOthers && !c.peerColumn() }

func (c *Compare) calibrationRow(s CompareSkill, name string) []string {
	row := []string{name, fmtNum(s.Expected)}
	if !c.noSelf {
		row = append(row, fmtNum(s.Self))
	}
	if c.managers > 0 {
		row = append(row, fmtNum(s.Manager))
	}
	if c.peerColumn() {
		row = append(row, c.peersText(s.Peers))
	}
	if !c.othersHidden() {
		row = append(row, fmtNum(s.OthersMean))
	}
	if c.noSelf {
		return row
	}
	return append(row, flagText(s.Flag))
}

// viewsLine is a calibration skill's numbers in a line: "self 2 · manager 1 · peers
// 0.67 (0–1, 3) · others 0.75".
func (c *Compare) viewsLine(s CompareSkill) string {
	parts := []string{"self " + fmtNum(s.Self)}
	if c.managers > 0 {
		parts = append(parts, "manager "+fmtNum(s.Manager))
	}
	if c.peerColumn() {
		parts = append(parts, "peers "+c.peersText(s.Peers))
	}
	return strings.Join(append(parts, "others "+fmtNum(s.OthersMean)), " · ")
}

// pickedLines are what self and the managers said of a skill where they differ.
func pickedLines(s CompareSkill) []string {
	var out []string
	for _, p := range s.Picked {
		line := p.label() + ": " + p.statements()
		if p.Evidence != nil {
			line += " " + p.evidence()
		}
		out = append(out, line)
	}
	return out
}

// label, statements and evidence word what one rater picked, in every format: "Self",
// "Manager (Morgan Reyes)"; the statements apart by " / "; "(evidence: …)".
func (p PickedJSON) label() string      { return capitalise(p.By) }
func (p PickedJSON) statements() string { return strings.Join(p.Statements, " / ") }
func (p PickedJSON) evidence() string {
	if p.Evidence == nil {
		return ""
	}
	return "(evidence: " + *p.Evidence + ")"
}

// writeTable writes a comparison for a terminal.
func (c *Compare) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, c.headline()), width, "", ""))
	ew.printf("%s", textwrap.Wrap(c.scope(), width, "", ""))
	if line := c.readinessLine(); line != "" {
		ew.printf("%s", textwrap.Wrap(line, width, "", ""))
	}
	ew.printf("\n")
	if c.calibration() {
		// A block per skill rather than a table: seven columns do not fit 80 with the names.
		for _, s := range c.Skills {
			head := s.Name
			if s.Expected != nil {
				head += " (target " + num(*s.Expected) + ")"
			}
			if s.Flag != nil {
				head += ": " + opt.style(ansiBold, *s.Flag)
			}
			ew.printf("%s", textwrap.Wrap(printable.String(head), width, "", "  "))
			ew.printf("%s", textwrap.Wrap(c.viewsLine(s), width, "  ", "  "))
			for _, l := range pickedLines(s) {
				ew.printf("%s", textwrap.Wrap(printable.String(l), width, "  • ", "    "))
			}
			ew.printf("\n")
		}
		return ew.err
	}
	old, new := c.labels()
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
	t = newTable(ew, "lrrr", "Category", old, new, "Change")
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

// writeMarkdown writes a comparison as Markdown.
func (c *Compare) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(c.headline()), mdEscape(c.scope()))
	if line := c.readinessLine(); line != "" {
		ew.printf("\n%s\n", mdEscape(line))
	}
	if c.calibration() {
		if len(c.Skills) > 0 {
			ew.printf("\n## Skills\n\n")
			var rows [][]string
			for _, s := range c.Skills {
				rows = append(rows, c.calibrationRow(s, s.Name))
			}
			h := c.calibrationHeader()
			mdTable(ew, "l"+strings.Repeat("r", len(h)-2)+"l", h, mdEscapeRows(rows))
		}
		for _, s := range c.Skills {
			lines := pickedLines(s)
			if len(lines) == 0 {
				continue
			}
			ew.printf("\n### %s\n\n", mdEscape(s.Name))
			for _, l := range lines {
				ew.printf("- %s\n", mdEscape(l))
			}
		}
		return ew.err
	}
	old, new := c.labels()
	ew.printf("\n## Skills\n\n")
	var rows [][]string
	for _, s := range c.Skills {
		rows = append(rows, []string{mdEscape(s.Name), fmtNum(s.Old), fmtNum(s.New), fmtChange(s.Change)})
	}
	mdTable(ew, "lrrr", []string{"Skill", mdEscape(old), mdEscape(new), "Change"}, rows)
	ew.printf("\n## Categories\n\n")
	rows = rows[:0]
	for _, cat := range c.Categories {
		rows = append(rows, []string{mdEscape(cat.Name), fmtNum(cat.Old), fmtNum(cat.New), fmtChange(cat.Change)})
	}
	mdTable(ew, "lrrr", []string{"Category", mdEscape(old), mdEscape(new), "Change"}, rows)
	return ew.err
}

// writeCSV writes one row per listed skill, the same columns for growth and
// calibration.
func (c *Compare) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("person", "kind", "category", "skill", "expected", "self", "manager", "peers_mean", "peers_min",
		"peers_max", "peers_n", "others_mean", "old", "new", "change", "flag"); err != nil {
		return err
	}
	for _, s := range c.Skills {
		cw.Text(c.Person)
		cw.Text(c.Kind)
		cw.Text(s.Category)
		cw.Text(s.ID)
		cw.Number(s.Expected)
		cw.Number(s.Self)
		cw.Number(s.Manager)
		if p := s.Peers; p != nil {
			n := float64(p.N)
			cw.Number(&p.Mean)
			cw.Number(&p.Min)
			cw.Number(&p.Max)
			cw.Number(&n)
		} else {
			cw.Number(nil)
			cw.Number(nil)
			cw.Number(nil)
			cw.Number(nil)
		}
		cw.Number(s.OthersMean)
		cw.Number(s.Old)
		cw.Number(s.New)
		cw.Number(s.Change)
		cw.Text(flagText(s.Flag))
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
{{- if .Calibration}}
<p class="legend"><span><span style="color:#2563eb">●</span> self</span>{{if .Managers}}<span><span style="color:#dc2626">■</span> manager</span>{{end}}{{if .PeerColumn}}<span>▭ peers' range, │ their mean</span>{{end}}<span>◆ others' mean</span><span><span style="color:#dc2626">┆</span> what the target expects</span></p>
{{- if .C.Skills}}
{{- template "table" .}}
{{- end}}
{{- range .Picks}}
<h3>{{.Name}}</h3>
<ul>{{range .Picked}}<li><strong>{{.Label}}</strong>: {{.Said}}{{with .Evidence}} <em>{{.}}</em>{{end}}</li>{{end}}</ul>
{{- end}}
{{- else}}
<p class="legend"><span><span class="k old"></span>{{.OldLabel}}</span><span><span class="k score"></span>{{.NewLabel}}</span></p>
<table>
<thead><tr><th>Skill</th><th class="num">{{.OldLabel}}</th><th class="num">{{.NewLabel}}</th><th class="num">Change</th></tr></thead>
<tbody>
{{- range .C.Skills}}
<tr><td>{{.Name}}</td><td class="num">{{num .Old}}</td><td class="num">{{num .New}}</td><td class="num">{{change .Change}}</td></tr>
{{- end}}
</tbody>
</table>
<h2>Categories</h2>
<table>
<thead><tr><th>Category</th><th class="num">{{.OldLabel}}</th><th class="num">{{.NewLabel}}</th><th class="num">Change</th></tr></thead>
<tbody>
{{- range .C.Categories}}
<tr><td>{{.Name}}</td><td class="num">{{num .Old}}</td><td class="num">{{num .New}}</td><td class="num">{{change .Change}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}`

func (c *Compare) writeJSON(w io.Writer) error { return WriteJSON(w, c) }

// writeHTML writes a comparison as a self-contained page: growth with both assessments
// on one radar chart, a calibration with each rater's score on a line per skill.
func (c *Compare) writeHTML(w io.Writer) error {
	view := struct {
		Title, Headline, Scope, Readiness, OldLabel, NewLabel string
		Chart                                                 template.HTML
		C                                                     *Compare
		Calibration                                           bool
		Managers                                              int
		PeerColumn                                            bool
		Header                                                []string
		Rows                                                  [][]string
		Picks                                                 []htmlPicks
	}{Title: c.headline(), Headline: c.headline(), Scope: c.scope(), Readiness: c.readinessLine(), C: c,
		Calibration: c.calibration(), Managers: c.managers, PeerColumn: c.peerColumn()}
	if c.calibration() {
		view.Header = c.calibrationHeader()
		for _, s := range c.Skills {
			view.Rows = append(view.Rows, c.calibrationRow(s, s.Name))
			if len(s.Picked) == 0 {
				continue
			}
			hp := htmlPicks{Name: s.Name}
			for _, p := range s.Picked {
				hp.Picked = append(hp.Picked, htmlPick{Label: p.label(), Said: p.statements(), Evidence: p.evidence()})
			}
			view.Picks = append(view.Picks, hp)
		}
		view.Chart = template.HTML(raterChart(c))
	} else {
		old, new := c.labels()
		view.OldLabel, view.NewLabel = old, new
		ch := chart{Title: "Skill scores in both assessments", Min: float64(c.ScaleMin), Max: float64(c.ScaleMax)}
		oldS := chartSeries{Name: old, Class: "old"}
		newS := chartSeries{Name: new, Class: "score"}
		for _, s := range c.Skills { // growth lists every skill
			ch.Axes = append(ch.Axes, s.Name)
			oldS.Values = append(oldS.Values, s.Old)
			newS.Values = append(newS.Values, s.New)
		}
		ch.Series = []chartSeries{oldS, newS}
		view.Chart = template.HTML(ch.SVG())
	}
	return htmlPage(compareBody).Execute(w, view)
}

// htmlPicks are what the raters picked for a skill, on a calibration's page.
type htmlPicks struct {
	Name   string
	Picked []htmlPick
}

type htmlPick struct{ Label, Said, Evidence string }

// raterChart draws, for each listed skill of a calibration, a line of the scale with a
// mark per rater: self (a circle), the manager (a square), the peers' range (a bar) and
// mean, the others' mean (a diamond), and the target's expectation (a dashed tick). Each
// mark is labelled in a tooltip and told apart by shape, not only colour.
func raterChart(c *Compare) string {
	if len(c.Skills) == 0 {
		return ""
	}
	const (
		left, right, rowH, top = 250.0, 30.0, 34.0, 30.0
		width                  = 760.0
	)
	lo, hi := float64(c.ScaleMin), float64(c.ScaleMax)
	x := func(v float64) float64 { return left + (v-lo)/(hi-lo)*(width-left-right) }
	h := top + rowH*float64(len(c.Skills)) + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="Each rater's score per skill"><title>Each rater's score per skill</title>`, width, h)
	for v := c.ScaleMin; v <= c.ScaleMax; v++ {
		fmt.Fprintf(&b, `<line class="ring" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/><text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%d</text>`,
			x(float64(v)), top-8, x(float64(v)), h-10, x(float64(v)), top-12, v)
	}
	for i, s := range c.Skills {
		y := top + rowH*float64(i) + rowH/2
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, left-10, y+4, svgText(s.Name))
		fmt.Fprintf(&b, `<line class="spoke" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, x(lo), y, x(hi), y)
		if e := s.Expected; e != nil {
			fmt.Fprintf(&b, `<line class="target-tick" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#dc2626" stroke-dasharray="3 2"><title>target expects %s</title></line>`, x(*e), y-12, x(*e), y+12, num(*e))
		}
		if p := s.Peers; p != nil {
			fmt.Fprintf(&b, `<rect class="old" x="%.1f" y="%.1f" width="%.1f" height="8"><title>peers %s to %s (%d)</title></rect>`, x(p.Min), y-4, max(x(p.Max)-x(p.Min), 2), num(p.Min), num(p.Max), p.N)
			fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#374151" stroke-width="2"><title>peers' mean %s</title></line>`, x(p.Mean), y-7, x(p.Mean), y+7, num(p.Mean))
		}
		if o := s.OthersMean; o != nil {
			fmt.Fprintf(&b, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="#111827"><title>others' mean %s</title></polygon>`,
				x(*o), y-6, x(*o)+6, y, x(*o), y+6, x(*o)-6, y, num(*o))
		}
		// The manager above the line and self below it, so that equal scores both show.
		if m := s.Manager; m != nil {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="10" height="10" fill="#dc2626"><title>manager %s</title></rect>`, x(*m)-5, y-13, num(*m))
		}
		if v := s.Self; v != nil {
			fmt.Fprintf(&b, `<circle class="score" cx="%.1f" cy="%.1f" r="5.5"><title>self %s</title></circle>`, x(*v), y+8, num(*v))
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}
