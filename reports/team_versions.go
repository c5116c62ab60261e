package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// TeamVersionsFormat is the format tag of the JSON of team --was (and report --was): each
// person under the old version of a ladder and under the new one.
const TeamVersionsFormat = "pmladder-team-versions/v1"

// VersionTopGaps is how many of a person's gaps, in rule 5 order, a versions view shows.
const VersionTopGaps = 3

// TeamVersions is people scored under two versions of a ladder: their answers were written
// for the old one, read under it, carried to the new one and scored again
// (docs/formats.md, "team --was").
type TeamVersions struct {
	Format string              `json:"format"`
	Old    VersionInfo         `json:"old"`
	New    VersionInfo         `json:"new"`
	People []TeamVersionPerson `json:"people"`

	// lost counts, by old question id (old rubric order), the people whose answer has no
	// question in the new version; lostOrder is that order.
	lost      map[string]int
	lostOrder []string
}

// VersionInfo names a version of a ladder.
type VersionInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// TeamVersionPerson is one person under both versions. Changed is true when the role
// held, the target's readiness or the top gaps differ.
type TeamVersionPerson struct {
	Person  string        `json:"person"`
	Old     VersionResult `json:"old"`
	New     VersionResult `json:"new"`
	Changed bool          `json:"changed"`
}

// VersionResult is where a person stands under one version: the role held (the estimated
// role, docs/scoring.md rule 3; null when none), the target, its readiness and the ids of
// the first VersionTopGaps gaps toward it.
type VersionResult struct {
	Held      *string  `json:"held"`
	Target    *string  `json:"target"`
	Readiness *float64 `json:"readiness"`
	Gaps      []string `json:"gaps"`
}

func versionInfo(r *rubric.Rubric) VersionInfo { return VersionInfo{Name: r.Name, Version: r.Version} }

// versionResultOf sums a result up for a versions view.
func versionResultOf(res *assess.Result) VersionResult {
	v := VersionResult{Gaps: []string{}}
	if res.Estimated != nil {
		v.Held = &res.Estimated.Role.ID
	}
	if res.Target != nil {
		v.Target = &res.Target.Role.ID
		v.Readiness = roundPtr(res.Target.Readiness)
	}
	for _, g := range res.Gaps[:min(len(res.Gaps), VersionTopGaps)] {
		v.Gaps = append(v.Gaps, g.Skill.ID)
	}
	return v
}

func sameText(a, b *string) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// changed is the rule of who changes (docs/formats.md): the role held, the target's
// readiness or the top gaps differ. The top gaps are compared as sets, an old skill by
// the id it has in the new version: a skill renamed, or gaps that swap places, are no
// change.
func (p *TeamVersionPerson) changed(c *assess.Carry) bool {
	o, n := p.Old, p.New
	if !sameText(o.Held, n.Held) || !sameNum(o.Readiness, n.Readiness) || len(o.Gaps) != len(n.Gaps) {
		return true
	}
	for _, id := range o.Gaps {
		if to := c.SkillTo(id); to == "" || !slices.Contains(n.Gaps, to) {
			return true
		}
	}
	return false
}

func sameNum(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// NewTeamVersions starts an empty view of people scored under old and new.
func NewTeamVersions(old, new *rubric.Rubric) *TeamVersions {
	return &TeamVersions{Format: TeamVersionsFormat, Old: versionInfo(old), New: versionInfo(new),
		People: []TeamVersionPerson{}, lost: map[string]int{}}
}

// VersionScorer scores one person's answers, written for the old version, under both:
// the old answers with Old, the carried ones with New.
type VersionScorer struct {
	Carry    *assess.Carry
	Old, New assess.Scorer
	carried  *assess.Answers
}

// NewVersionScorer scores under both versions, with the options of each (the roles a
// flag names may be in one version only).
func NewVersionScorer(c *assess.Carry, old, new assess.ScoreOptions) *VersionScorer {
	return &VersionScorer{Carry: c, Old: assess.Scorer{Rubric: c.Old, Options: old},
		New: assess.Scorer{Rubric: c.New, Options: new}, carried: assess.NewAnswers(c.New)}
}

// Add scores a (answers to the old version) under both versions and adds the person;
// what had no place in the new version is returned.
func (t *TeamVersions) Add(vs *VersionScorer, a *assess.Answers) assess.Lost {
	p := TeamVersionPerson{Person: a.Person, Old: versionResultOf(vs.Old.Result(a))}
	lost := vs.Carry.Into(a, vs.carried)
	p.New = versionResultOf(vs.New.Result(vs.carried))
	p.Changed = p.changed(vs.Carry)
	t.People = append(t.People, p)
	for _, id := range lost.Questions {
		if t.lost[id] == 0 {
			t.lostOrder = append(t.lostOrder, id)
		}
		t.lost[id]++
	}
	return lost
}

// merge adds another view's people (a later batch) and what they lost.
func (t *TeamVersions) merge(o *TeamVersions) {
	t.People = append(t.People, o.People...)
	for _, id := range o.lostOrder {
		if t.lost[id] == 0 {
			t.lostOrder = append(t.lostOrder, id)
		}
		t.lost[id] += o.lost[id]
	}
}

// LostAnswer is an old question whose answers have no question in the new version, and
// how many people answered it.
type LostAnswer struct {
	Question string
	People   int
}

// Lost lists the old questions answered that have no question in the new version, in the
// order they were first met.
func (t *TeamVersions) Lost() []LostAnswer {
	out := make([]LostAnswer, len(t.lostOrder))
	for i, id := range t.lostOrder {
		out[i] = LostAnswer{id, t.lost[id]}
	}
	return out
}

// newLabel names the rubric in force, once for every format.
func (t *TeamVersions) newLabel() string {
	return rubricLabel(RubricInfo{Name: t.New.Name, Version: t.New.Version})
}

// column names a version in a table heading: its version, else its name.
func (v VersionInfo) column() string {
	if v.Version != "" {
		return v.Version
	}
	return v.Name
}

func (t *TeamVersions) headline() string {
	return fmt.Sprintf("From %s: who changes", fromTo(RubricInfo{Name: t.Old.Name, Version: t.Old.Version}, RubricInfo{Name: t.New.Name, Version: t.New.Version}))
}

func (t *TeamVersions) scope() string {
	n := 0
	for _, p := range t.People {
		if p.Changed {
			n++
		}
	}
	return fmt.Sprintf("%d of %d %s %s: the role held, the target's readiness or the top gaps differ.",
		n, len(t.People), words.Plural(len(t.People), "person", "people"), words.Plural(n, "changes", "change"))
}

// notes name the answers that have no question in the new version.
func (t *TeamVersions) notes() []string {
	var out []string
	for _, l := range t.Lost() {
		out = append(out, fmt.Sprintf("The answer to %s has no question in %s: not scored under it for %s (to score it, give it a line in a --map file).",
			l.Question, t.newLabel(), words.Count(l.People, "person", "people")))
	}
	return out
}

func orNone(s *string) string {
	if s == nil {
		return "–"
	}
	return *s
}

func (v VersionResult) gapsText() string {
	if len(v.Gaps) == 0 {
		return "–"
	}
	return strings.Join(v.Gaps, ", ")
}

// changeMark is the "changed" column.
func changeMark(changed bool) string {
	if changed {
		return "yes"
	}
	return ""
}

// rows are the human formats' table: person, then held, target, readiness and gaps under
// each version, then whether they changed.
func (t *TeamVersions) header() []string {
	o, n := t.Old.column(), t.New.column()
	return []string{"Person", "Held " + o, "Held " + n, "Target " + o, "Ready " + o, "Target " + n, "Ready " + n, "Top gaps " + o, "Top gaps " + n, "Changed"}
}

func (t *TeamVersions) row(p TeamVersionPerson) []string {
	return []string{p.Person, orNone(p.Old.Held), orNone(p.New.Held), orNone(p.Old.Target), fmtPct(p.Old.Readiness),
		orNone(p.New.Target), fmtPct(p.New.Readiness), p.Old.gapsText(), p.New.gapsText(), changeMark(p.Changed)}
}

func (t *TeamVersions) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, t.headline()), width, "", ""))
	ew.printf("%s", textwrap.Wrap(t.scope(), width, "", ""))
	// One line a person under each version, so that the table fits 80 columns.
	o, n := t.Old.column(), t.New.column()
	for _, p := range t.People {
		mark := ""
		if p.Changed {
			mark = "  " + opt.style(ansiBold, "changes")
		}
		ew.printf("\n%s%s\n", printable.String(p.Person), mark)
		for _, side := range []struct {
			label string
			v     VersionResult
		}{{o, p.Old}, {n, p.New}} {
			line := fmt.Sprintf("%s holds %s · target %s %s · gaps %s", truncate(side.label, 12), orNone(side.v.Held),
				orNone(side.v.Target), fmtPct(side.v.Readiness), side.v.gapsText())
			ew.printf("%s", textwrap.Wrap(line, width, "  ", "    "))
		}
	}
	if notes := t.notes(); len(notes) > 0 {
		ew.printf("\n")
		for _, s := range notes {
			ew.printf("%s", textwrap.Wrap("Note: "+s, width, "", "  "))
		}
	}
	return ew.err
}

func (t *TeamVersions) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n\n", mdEscape(t.headline()), mdEscape(t.scope()))
	var rows [][]string
	for _, p := range t.People {
		r := t.row(p)
		for i := range r {
			r[i] = mdEscape(r[i])
		}
		rows = append(rows, r)
	}
	mdTable(ew, "llllrlrlll", t.header(), rows)
	if notes := t.notes(); len(notes) > 0 {
		ew.printf("\n")
		for _, s := range notes {
			ew.printf("- %s\n", mdEscape(s))
		}
	}
	return ew.err
}

// writeCSV writes one row per person: person, then held, target, readiness and gaps (ids
// joined by ";") under the old version and the new, and changed.
func (t *TeamVersions) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("person", "old_held", "old_target", "old_readiness", "old_gaps",
		"new_held", "new_target", "new_readiness", "new_gaps", "changed"); err != nil {
		return err
	}
	for _, p := range t.People {
		cw.Text(p.Person)
		for _, v := range []VersionResult{p.Old, p.New} {
			cw.Text(deref(v.Held))
			cw.Text(deref(v.Target))
			cw.Number(v.Readiness)
			cw.Text(strings.Join(v.Gaps, ";"))
		}
		cw.Text(fmt.Sprint(p.Changed))
		if err := cw.EndRow(); err != nil {
			return err
		}
	}
	return cw.Flush()
}

func (t *TeamVersions) writeJSON(w io.Writer) error { return WriteJSON(w, t) }

const teamVersionsBody = `<header>
<h1>{{.Headline}}</h1>
<p class="meta">{{.Scope}}</p>
</header>
{{- template "table" .}}
{{- if .Notes}}
<ul>{{range .Notes}}<li>{{.}}</li>{{end}}</ul>
{{- end}}`

func (t *TeamVersions) writeHTML(w io.Writer) error {
	view := struct {
		Title, Headline, Scope string
		Header                 []string
		Rows                   [][]string
		Notes                  []string
	}{Title: t.headline(), Headline: t.headline(), Scope: t.scope(), Header: t.header(), Notes: t.notes()}
	for _, p := range t.People {
		view.Rows = append(view.Rows, t.row(p))
	}
	return htmlPage(teamVersionsBody).Execute(w, view)
}

// NewTeamVersionsSink returns the sink of team --was: the review reads the answers under
// the old version (the carry's Old), and each batch scores its people under both. The
// people are kept (about 200 bytes each) and written when the review closes, in the
// output's format; Lost, after Run, names the answers that had no place in the new
// version. A format the view is not written in is a FormatError.
func (o Output) NewTeamVersionsSink(w io.Writer, c *assess.Carry, oldOpts, newOpts assess.ScoreOptions) (*TeamVersionsSink, error) {
	if err := o.Check(Formats[*TeamVersions]()); err != nil {
		return nil, err
	}
	return &TeamVersionsSink{w: w, out: o, carry: c, oldOpts: oldOpts, newOpts: newOpts, view: NewTeamVersions(c.Old, c.New)}, nil
}

// TeamVersionsSink is the input.TeamSink of team --was.
type TeamVersionsSink struct {
	w                io.Writer
	out              Output
	carry            *assess.Carry
	oldOpts, newOpts assess.ScoreOptions
	view             *TeamVersions
}

var _ input.TeamSink = (*TeamVersionsSink)(nil)

// teamVersionsBatch is a run of people scored under both versions on one worker.
type teamVersionsBatch struct {
	scorer *VersionScorer
	view   *TeamVersions
}

// NewBatch gives a worker its own scorers for both versions.
func (s *TeamVersionsSink) NewBatch() input.TeamBatch {
	return &teamVersionsBatch{scorer: NewVersionScorer(s.carry, s.oldOpts, s.newOpts), view: NewTeamVersions(s.carry.Old, s.carry.New)}
}

// Add scores with the batch's own scorers: the review's (sc) has the new version's options.
func (b *teamVersionsBatch) Add(_ *assess.Scorer, a *assess.Answers) error {
	b.view.Add(b.scorer, a)
	return nil
}

func (b *teamVersionsBatch) Seal() error { return nil }

func (b *teamVersionsBatch) Reset() {
	b.view.People, b.view.lostOrder = b.view.People[:0], b.view.lostOrder[:0]
	clear(b.view.lost)
}

// Commit keeps the batch's people, in input order.
func (s *TeamVersionsSink) Commit(tb input.TeamBatch) error {
	s.view.merge(tb.(*teamVersionsBatch).view)
	return nil
}

// Close writes the view, once every person is in.
func (s *TeamVersionsSink) Close() error { return s.out.Write(s.w, s.view) }

// Abort writes nothing: the sink holds no file of its own.
func (s *TeamVersionsSink) Abort() {}

// Lost names the answers that had no question in the new version, after the review.
func (s *TeamVersionsSink) Lost() []LostAnswer { return s.view.Lost() }
