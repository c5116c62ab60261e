package reports

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
)

// TrendFormat is the format tag of the JSON history trend.
const TrendFormat = "pmladder-trend/v1"

// Trend is one person's saved assessments in date order: readiness toward each one's
// target and every skill's score.
type Trend struct {
	Format string       `json:"format"`
	Person string       `json:"person"`
	Points []TrendPoint `json:"points"`

	skills             []trendSkill // rubric order, for the human formats
	scaleMin, scaleMax int
}

// TrendPoint is one assessment of a trend. Skills maps every skill id to its score, null
// when unassessed.
type TrendPoint struct {
	Date       *string             `json:"date"`
	File       string              `json:"file"`
	Assessor   string              `json:"assessor"`
	TargetRole *RoleRef            `json:"target_role"`
	Readiness  *float64            `json:"readiness"`
	Skills     map[string]*float64 `json:"skills"`
	// Was, for an assessment written for an older version of the ladder (history --trend
	// --was), is its result under that version; the point's other numbers are under the
	// rubric in force. Absent otherwise.
	Was *TrendWas `json:"was,omitempty"`
}

// TrendWas is an assessment's result under the version of the ladder it was written for.
type TrendWas struct {
	Rubric     VersionInfo `json:"rubric"`
	TargetRole *RoleRef    `json:"target_role"`
	Readiness  *float64    `json:"readiness"`
}

// SetWas records point i's result under the version its answers were written for.
func (t *Trend) SetWas(i int, st *assess.Standing) {
	e := HistoryEntryOf(t.Points[i].File, st)
	t.Points[i].Was = &TrendWas{Rubric: versionInfo(st.Rubric), TargetRole: e.TargetRole, Readiness: e.Readiness}
}

// hasWas reports whether any point was written for an older version.
func (t *Trend) hasWas() bool {
	for _, p := range t.Points {
		if p.Was != nil {
			return true
		}
	}
	return false
}

// wasHeading and wasText are the column of the human formats that shows each point under
// the version it was written for.
const wasHeading = "As written for"

func (p TrendPoint) wasText() string {
	if p.Was == nil {
		return "–"
	}
	return fmt.Sprintf("%s under %s (target %s)", fmtPct(p.Was.Readiness), p.Was.Rubric.column(), roleID(p.Was.TargetRole))
}

type trendSkill struct{ id, name string }

// NewTrend builds a person's trend from their assessments (path and standing), which
// must be in date order and scored against one rubric.
func NewTrend(person string, files []string, standings []*assess.Standing) *Trend {
	t := &Trend{Format: TrendFormat, Person: person, Points: []TrendPoint{}}
	for i, st := range standings {
		if i == 0 {
			for _, s := range st.Skills {
				t.skills = append(t.skills, trendSkill{s.Skill.ID, s.Skill.Name})
			}
			t.scaleMin, t.scaleMax = st.Rubric.Scale.Min, st.Rubric.Scale.Max
		}
		e := HistoryEntryOf(files[i], st)
		p := TrendPoint{Date: e.Date, File: files[i], Assessor: e.Assessor, TargetRole: e.TargetRole, Readiness: e.Readiness, Skills: map[string]*float64{}}
		for _, s := range st.Skills {
			p.Skills[s.Skill.ID] = roundPtr(s.Score)
		}
		t.Points = append(t.Points, p)
	}
	return t
}

// day is a point's date as a person reads it.
func (p TrendPoint) day(opt Options) string {
	if t, err := time.Parse(time.RFC3339, deref(p.Date)); err == nil {
		return opt.localDay(t)
	}
	return "–"
}

func (t *Trend) headline() string {
	return fmt.Sprintf("%s across %d %s", t.Person, len(t.Points), words.Plural(len(t.Points), "assessment", "assessments"))
}

// readiness is each point's readiness, and skill(id) each point's score of a skill.
func (t *Trend) readiness() []*float64 {
	out := make([]*float64, len(t.Points))
	for i, p := range t.Points {
		out[i] = p.Readiness
	}
	return out
}

func (t *Trend) skill(id string) []*float64 {
	out := make([]*float64, len(t.Points))
	for i, p := range t.Points {
		out[i] = p.Skills[id]
	}
	return out
}

// sparkline draws values between lo and hi as block characters, "·" where there is none.
func sparkline(values []*float64, lo, hi float64) string {
	const blocks = "▁▂▃▄▅▆▇█"
	levels := []rune(blocks)
	var b strings.Builder
	for _, v := range values {
		if v == nil || hi <= lo {
			b.WriteString("·")
			continue
		}
		i := int(math.Round((*v - lo) / (hi - lo) * float64(len(levels)-1)))
		b.WriteRune(levels[max(0, min(len(levels)-1, i))])
	}
	return b.String()
}

// firstLast are the first and last values present, and their change.
func firstLast(values []*float64) (first, last, change *float64) {
	for _, v := range values {
		if v != nil {
			if first == nil {
				first = v
			}
			last = v
		}
	}
	if first != nil && last != nil {
		c := math.Round((*last-*first)*100) / 100
		change = &c
	}
	return first, last, change
}

// trendRows are the rows every human format shows: readiness, then each skill.
func (t *Trend) trendRows() [][]string {
	var rows [][]string
	// Readiness changes in the whole percentage points the reader sees (28% → 34% is +6).
	first, last, _ := firstLast(t.readiness())
	points := "–"
	if first != nil {
		d := math.Floor(*last+1e-9) - math.Floor(*first+1e-9)
		points = fmtChange(&d) + " pts"
	}
	rows = append(rows, []string{"Readiness for the target", sparkline(t.readiness(), 0, 100), fmtPct(first), fmtPct(last), points})
	for _, s := range t.skills {
		v := t.skill(s.id)
		first, last, change := firstLast(v)
		rows = append(rows, []string{s.name, sparkline(v, float64(t.scaleMin), float64(t.scaleMax)), fmtNum(first), fmtNum(last), fmtChange(change)})
	}
	return rows
}

// writeTable writes the trend for a terminal: the assessments, then a sparkline per skill.
func (t *Trend) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s\n", textwrap.Wrap(opt.style(ansiBold, t.headline()), width, "", ""))
	header, align := []string{"Date", "Assessor", "Target", "Readiness"}, "lllr"
	if t.hasWas() {
		header, align = append(header, wasHeading), align+"l"
	}
	pts := newTable(ew, align, header...)
	for _, p := range t.Points {
		row := []string{p.day(opt), p.Assessor, roleID(p.TargetRole), fmtPct(p.Readiness)}
		if t.hasWas() {
			row = append(row, p.wasText())
		}
		if err := pts.Append(row); err != nil {
			return err
		}
	}
	if err := pts.Render(); err != nil {
		return err
	}
	ew.printf("\n")
	tab := newTable(ew, "llrrr", "Skill", "Trend", "First", "Last", "Change")
	for _, row := range t.trendRows() {
		row[0] = truncate(row[0], max(20, width-30-len(t.Points)))
		if err := tab.Append(row); err != nil {
			return err
		}
	}
	if err := tab.Render(); err != nil {
		return err
	}
	return ew.err
}

// writeMarkdown writes the trend as Markdown.
func (t *Trend) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n", mdEscape(t.headline()))
	var pts [][]string
	header, align := []string{"Date", "Assessor", "Target", "Readiness"}, "lllr"
	if t.hasWas() {
		header, align = append(header, wasHeading), align+"l"
	}
	for _, p := range t.Points {
		row := []string{p.day(Options{}), mdEscape(p.Assessor), mdEscape(roleID(p.TargetRole)), fmtPct(p.Readiness)}
		if t.hasWas() {
			row = append(row, mdEscape(p.wasText()))
		}
		pts = append(pts, row)
	}
	mdTable(ew, align, header, pts)
	ew.printf("\n")
	rows := t.trendRows()
	for _, row := range rows {
		row[0] = mdEscape(row[0])
	}
	mdTable(ew, "llrrr", []string{"Skill", "Trend", "First", "Last", "Change"}, rows)
	return ew.err
}

// writeCSV writes long rows: one per assessment and skill, then one readiness row per
// assessment (skill "readiness").
func (t *Trend) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("person", "date", "assessor", "skill", "score"); err != nil {
		return err
	}
	row := func(p TrendPoint, skill string, v *float64) error {
		cw.Text(t.Person)
		cw.Text(deref(p.Date))
		cw.Text(p.Assessor)
		cw.Text(skill)
		cw.Number(v)
		return cw.EndRow()
	}
	for _, p := range t.Points {
		for _, s := range t.skills {
			if err := row(p, s.id, p.Skills[s.id]); err != nil {
				return err
			}
		}
		if err := row(p, "readiness", p.Readiness); err != nil {
			return err
		}
		if p.Was != nil { // the readiness under the version the answers were written for
			if err := row(p, "readiness_was", p.Was.Readiness); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

const trendBody = `<header>
<h1>{{.Headline}}</h1>
</header>
<h2>Readiness for the target</h2>
{{.Chart}}
<table>
<thead><tr><th>Date</th><th>Assessor</th><th>Target</th><th class="num">Readiness</th>{{if .Was}}<th>As written for</th>{{end}}</tr></thead>
<tbody>
{{- range .Points}}
<tr><td>{{.Day}}</td><td>{{.Assessor}}</td><td>{{.Target}}</td><td class="num">{{.Readiness}}</td>{{if $.Was}}<td>{{.Was}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
<h2>Skills</h2>
<table>
<thead><tr><th>Skill</th><th>Trend</th><th class="num">First</th><th class="num">Last</th><th class="num">Change</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td>{{index . 0}}</td><td class="spark">{{index . 1}}</td><td class="num">{{index . 2}}</td><td class="num">{{index . 3}}</td><td class="num">{{index . 4}}</td></tr>
{{- end}}
</tbody>
</table>`

func (t *Trend) writeJSON(w io.Writer) error { return WriteJSON(w, t) }

// writeHTML writes the trend as a self-contained page: a line chart of readiness with
// every point labelled with its value (readable without colour), then the tables.
func (t *Trend) writeHTML(w io.Writer) error {
	type point struct{ Day, Assessor, Target, Readiness, Was string }
	var pts []point
	for _, p := range t.Points {
		pts = append(pts, point{p.day(Options{}), p.Assessor, roleID(p.TargetRole), fmtPct(p.Readiness), p.wasText()})
	}
	view := struct {
		Title, Headline string
		Chart           template.HTML
		Points          []point
		Rows            [][]string
		Was             bool
	}{t.headline(), t.headline(), template.HTML(t.lineChart()), pts, t.trendRows(), t.hasWas()}
	return htmlPage(trendBody).Execute(w, view)
}

// lineChart draws readiness (0–100%) across the assessments as an SVG line with a
// labelled mark at every point; a missing readiness breaks the line.
func (t *Trend) lineChart() string {
	const w, h, left, right, top, bottom = 760.0, 260.0, 60.0, 50.0, 20.0, 40.0
	n := len(t.Points)
	x := func(i int) float64 {
		if n == 1 {
			return (left + w - right) / 2
		}
		return left + (w-left-right)*float64(i)/float64(n-1)
	}
	y := func(v float64) float64 { return top + (h-top-bottom)*(1-v/100) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="trend-title" xmlns="http://www.w3.org/2000/svg">`, w, h)
	fmt.Fprintf(&b, `<title id="trend-title">%s</title>`, svgText("Readiness across the assessments"))
	for _, v := range []float64{0, 25, 50, 75, 100} {
		fmt.Fprintf(&b, `<line class="ring" x1="%g" y1="%.1f" x2="%g" y2="%.1f"/><text class="tick" x="%g" y="%.1f" text-anchor="end">%g%%</text>`,
			left, y(v), w-right, y(v), left-6, y(v)+4, v)
	}
	var run []string // the points since the last missing one
	flush := func() {
		if len(run) > 1 {
			fmt.Fprintf(&b, `<polyline class="score" points="%s"/>`, strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, p := range t.Points {
		if p.Readiness == nil {
			flush()
			continue
		}
		run = append(run, fmt.Sprintf("%.1f,%.1f", x(i), y(*p.Readiness)))
	}
	flush()
	for i, p := range t.Points {
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%g" text-anchor="middle">%s</text>`, x(i), h-bottom+18, svgText(p.day(Options{})))
		if p.Readiness != nil {
			fmt.Fprintf(&b, `<circle class="score" cx="%.1f" cy="%.1f" r="4"/><text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`,
				x(i), y(*p.Readiness), x(i), y(*p.Readiness)-9, fmtPct(p.Readiness))
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}
