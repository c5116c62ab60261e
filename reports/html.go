package reports

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/printable"
)

// htmlStyle is the stylesheet every HTML page carries inline: no file, font or script is
// fetched, and the page prints cleanly.
const htmlStyle = `
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --score: #2563eb; --target: #dc2626; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 980px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.meta, .note { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; }
td.score { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.category td { font-weight: 600; background: #f9fafb; }
.bar { display: inline-block; width: 110px; height: .7rem; background: var(--line); border-radius: 2px;
  vertical-align: middle; margin-right: .4rem; }
.bar span { display: block; height: 100%; background: var(--score); border-radius: 2px; }
.ready { width: 240px; height: 1rem; }
.ready span { background: #d97706; }
.ready.held span { background: #16a34a; }
.high { color: #b91c1c; font-weight: 600; }
.medium { color: #b45309; }
.low, .none, .na { color: var(--muted); }
.summary td:first-child { width: 12rem; color: var(--muted); }
svg.chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 0 auto; }
svg .ring { fill: none; stroke: var(--line); }
svg .spoke { stroke: var(--line); }
svg .tick { font-size: 10px; fill: var(--muted); }
svg .axis { font-size: 12px; fill: var(--ink); }
svg polygon.score, svg rect.score { fill: rgba(37, 99, 235, .25); stroke: var(--score); stroke-width: 2; }
svg polygon.target { fill: none; stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
svg polyline.score { fill: none; stroke: var(--score); stroke-width: 2; }
svg polyline.target { fill: none; stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
svg polyline.old { fill: none; stroke: var(--muted); stroke-width: 2; stroke-dasharray: 3 3; }
svg rect.target { fill: rgba(220, 38, 38, .25); stroke: var(--target); }
svg circle.score { fill: var(--score); }
svg circle.target { fill: var(--target); }
svg polygon.old { fill: none; stroke: var(--muted); stroke-width: 2; stroke-dasharray: 3 3; }
svg circle.old { fill: var(--muted); }
svg rect.old { fill: rgba(107, 114, 128, .25); stroke: var(--muted); }
.legend span { margin-right: 1.2rem; }
.legend .k { display: inline-block; width: 1.6rem; height: 0; vertical-align: middle; margin-right: .3rem; }
.k.score { border-top: 3px solid var(--score); }
.k.target { border-top: 3px dashed var(--target); }
.k.old { border-top: 3px dotted var(--muted); }
.met { color: #15803d; font-weight: 600; }
table.case td p { margin: 0 0 .3rem; }
table.case td:first-child { width: 13rem; }
td.evidence em { color: var(--muted); }
ol.gaps li { margin-bottom: .6rem; }
ol.gaps ul { margin: .2rem 0; }
.heat td.cell { text-align: center; font-variant-numeric: tabular-nums; padding: .2rem .15rem; }
.heat th.skill { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500;
  font-size: .75rem; line-height: 1.1; padding: .4rem .15rem; vertical-align: bottom; text-align: left; }
.heat td:first-child { white-space: nowrap; }
footer { margin-top: 2.5rem; font-size: .85rem; color: var(--muted); }
/* Printed, a report takes a few pages and none half empty: compact type, a radar that
   shares the first page with the summary, and tables that run on across pages (only a
   row, a small block or a chart is kept whole; each table's header repeats). */
@page { margin: 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; max-width: none; font-size: 9pt; line-height: 1.35; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11.5pt; margin: .9rem 0 .35rem; break-after: avoid; }
  th, td { padding: .12rem .35rem; }
  thead { display: table-header-group; }
  table { break-inside: auto; margin: .2rem 0; }
  tr, svg, ol.gaps > li > ul, .legend { break-inside: avoid; }
  svg.chart { max-width: 11.5cm; }
  .bar { width: 70px; height: .55rem; }
  .ready { width: 160px; height: .75rem; }
  .summary td:first-child { width: 9rem; }
  table.case td:first-child { width: 9rem; }
  table.case td p { margin: 0 0 .15rem; }
  ol.gaps li { margin-bottom: .3rem; }
  p { margin: .3rem 0; }
  footer { margin-top: 1rem; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
}
`

// htmlFuncs are the helpers the HTML templates use.
func htmlFuncs() template.FuncMap {
	return template.FuncMap{
		"num":    fmtNum,
		"val":    num,
		"change": fmtChange,
		"topGap": topGap,
		"pct":    fmtPct,
		"width": func(p *float64, lo, hi int) string {
			if p == nil || hi <= lo {
				return "0%"
			}
			f := (*p - float64(lo)) / float64(hi-lo) * 100
			return fmt.Sprintf("%.1f%%", max(0, min(100, f)))
		},
		"readyWidth": func(p *float64) string {
			if p == nil {
				return "0%"
			}
			return fmt.Sprintf("%.1f%%", max(0, min(100, *p)))
		},
		"prio": func(p assess.Priority) string { // a CSS class: "n/a" is not one
			if p == assess.PriorityNA {
				return "na"
			}
			return string(p)
		},
		"inc":         func(i int) int { return i + 1 },
		"statusClass": goalStatusClass,
		"day": func(p *string) string {
			if p == nil || len(*p) < 10 {
				return ""
			}
			return (*p)[:10]
		},
	}
}

// htmlHead and htmlFoot are the page skeleton around a body.
const (
	htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>` + htmlStyle + `</style>
</head>
<body>
`
	htmlFoot = `
<footer>Made by pmladder from answers kept on this computer. This page loads nothing from the network.</footer>
</body>
</html>
`
)

// htmlPage wraps a body template in the page skeleton.
func htmlPage(body string) pageTemplate { return htmlTemplate(htmlHead + body + htmlFoot) }

// htmlPageStart is the skeleton's start and the top of a body, for a page that streams
// its middle; htmlPageEnd is the bottom of the body and the skeleton's end.
func htmlPageStart(top string) pageTemplate { return htmlTemplate(htmlHead + top) }

// htmlPageEnd: see htmlPageStart.
func htmlPageEnd(bottom string) pageTemplate {
	return htmlTemplate(strings.TrimSuffix(bottom, "\n") + htmlFoot)
}

func htmlTemplate(text string) pageTemplate {
	return pageTemplate{template.Must(template.New("page").Funcs(htmlFuncs()).Parse(text + htmlShared))}
}

// htmlShared defines the pieces several pages draw: "table" is a plain table of a view's
// Header and Rows (text cells, escaped by the template); "summary" the top of a person's
// page, an htmlSummary; "whatif" a *WhatIf (whatif.go).
const htmlShared = `{{define "table"}}
<table>
<thead><tr>{{range .Header}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- define "summary"}}<header>
<h1>{{.Heading}}</h1>
<p class="meta">{{.Byline}}</p>
</header>
<table class="summary">
{{- range .Facts}}
<tr><td>{{.Label}}</td><td>{{if .Readiness}}<span class="bar ready{{if $.Held}} held{{end}}"><span style="width: {{readyWidth $.Readiness}}"></span></span>{{end}}{{.Value}}</td></tr>
{{- end}}
</table>
{{- end}}` + htmlWhatIf

// pageTemplate is a page's template. html/template escapes markup but leaves control
// characters as they are; text from a file (names, evidence, actions) may hold ESC or a
// bidirectional override, so the page is written through controlEscaper.
type pageTemplate struct{ t *template.Template }

func (p pageTemplate) Execute(w io.Writer, data any) error {
	return p.t.Execute(controlEscaper{w}, data)
}

// controlEscaper writes text with its control characters (but line breaks and tabs) and
// bidirectional controls shown escaped, as printable shows them: \x1b, \u202e.
type controlEscaper struct{ w io.Writer }

func (c controlEscaper) Write(p []byte) (int, error) {
	clean := true
	for _, r := range string(p) {
		if r != '\n' && r != '\t' && r != '\r' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)) {
			clean = false
			break
		}
	}
	if clean {
		return c.w.Write(p)
	}
	var b strings.Builder
	for _, r := range string(p) {
		if r != '\n' && r != '\t' && r != '\r' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)) {
			b.WriteString(printable.String(string(r)))
		} else {
			b.WriteRune(r)
		}
	}
	if _, err := io.WriteString(c.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

const reportBody = `{{template "summary" .Summary}}
{{- if .Rep.Checks}}
<h2>{{.ChecksHeading}}</h2>
<ul class="checks">{{range .Rep.Checks}}<li>{{.Message}}</li>{{end}}</ul>
{{- end}}

<h2>{{.Skills}}</h2>
{{.Chart}}
<p class="legend"><span><span class="k score"></span>{{.ScoreName}}</span>{{if .Rep.TargetRole}}<span><span class="k target"></span>what {{.Rep.TargetRole.Name}} expects</span>{{end}}</p>

<table>
<thead><tr>{{range .Columns}}<th{{if .Num}} class="num"{{end}}>{{.Name}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Categories}}
<tr class="category"><td>{{.Name}}</td><td class="score"><span class="bar"><span style="width: {{width .Score $.Rep.ScaleMin $.Rep.ScaleMax}}"></span></span>{{num .Score}}</td><td class="num">{{num .Expected}}</td><td class="num">{{num .Gap}}</td><td></td>{{if $.Evidence}}<td></td>{{end}}</tr>
{{- range .Skills}}
<tr><td>{{.Name}}{{if .Core}} <abbr title="core skill: must be met to hold a role">(core)</abbr>{{end}}</td><td class="score"><span class="bar"><span style="width: {{width .Score $.Rep.ScaleMin $.Rep.ScaleMax}}"></span></span>{{num .Score}}</td><td class="num">{{num .ExpectedTarget}}</td><td class="num">{{num .Gap}}</td><td class="{{prio .Priority}}">{{.Priority}}</td>{{if $.Evidence}}<td class="evidence">{{with .Evidence}}{{.}}{{end}}</td>{{end}}</tr>
{{- end}}
{{- end}}
</tbody>
</table>
<p class="note">{{.ScaleNote}}</p>

{{- with .GapsHeading}}
<h2>{{.}}</h2>
{{- if not $.Gaps}}
<p>{{$.NoGaps}}</p>
{{- end}}
{{- end}}
{{- with .Gaps}}{{template "gaps" .}}{{end}}
{{- if .Deepen}}
<h2>{{.DeepenHeading}}</h2>
{{- template "gaps" .Deepen}}
{{- end}}
{{- define "gaps"}}
<ol class="gaps">
{{- range .}}
<li><strong>{{.Name}}</strong>: {{.Line}}
{{- $step := .Step}}{{range .NextStep}}<p class="note">{{$step}} {{.}}</p>{{end}}
{{- if .Actions}}<ul>{{range .Actions}}<li>{{.}}</li>{{end}}</ul>{{end}}</li>
{{- end}}
</ol>
{{- end}}
{{- with .Unassessed}}
<h2>{{$.UnassessedHeading}}</h2>
<p>{{.}}</p>
{{- end}}
{{- with .WhatIf}}{{template "whatif" .}}{{end}}

{{- if .Case}}
<h2>{{.CaseHeading}}</h2>
<p class="note">{{.CaseIntro}}</p>
<table class="case">
<thead><tr><th>Skill</th><th class="num">Expected</th><th class="num">Score</th><th>Standing</th><th>{{.PickedName}}</th><th>{{.EvidenceName}}</th></tr></thead>
<tbody>
{{- range .Case}}
<tr><td>{{.Name}}{{if .Core}} <abbr title="core skill: must be met to hold a role">(core)</abbr>{{end}}</td><td class="num">{{num .ExpectedTarget}}</td><td class="num">{{num .Score}}</td><td class="{{if eq .Standing "met"}}met{{else}}high{{end}}">{{.Standing}}</td><td>{{range .Picked}}<p>{{.}}</p>{{end}}</td><td class="evidence">{{with .Evidence}}{{.}}{{else}}<em>{{$.NoEvidence}}</em>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}

{{- with .NoCerts}}
<h2>{{$.CertsHeading}}</h2>
<p>{{.}}</p>
{{- end}}
{{- if .Certs}}
<h2>{{.CertsHeading}}</h2>
<table>
<thead><tr><th>Certification</th><th>Issuer</th><th>Covers</th><th class="num">Value</th></tr></thead>
<tbody>
{{- range .Certs}}
<tr><td>{{if .URL}}<a href="{{.URL}}">{{.Name}}</a>{{else}}{{.Name}}{{end}}</td><td>{{.Issuer}}</td><td>{{.Covers}}</td><td class="num">{{.Value}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}

{{- if .Next}}
<h2>{{.NextHeading}}</h2>
<table>
<thead><tr><th>Role</th><th class="num">Readiness</th><th class="num">Met</th><th>Top gaps</th></tr></thead>
<tbody>
{{- range .Next}}
<tr><td>{{.Name}}</td><td class="num">{{.Readiness}}</td><td class="num">{{.Met}}</td><td>{{.Gaps}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}`

// htmlCategory is a category with its skills, for the skills table.
type htmlCategory struct {
	Category
	Skills []Skill
}

type htmlCert struct {
	Name, Issuer, URL, Covers, Value string
}

type htmlNext struct {
	Name, Readiness, Met, Gaps string
}

// htmlSummary is the top of a person's page: a heading, a byline and the facts, the
// target's readiness drawn as a bar (green when the target is held).
type htmlSummary struct {
	Heading, Byline string
	Facts           []htmlFact
	Held            bool
	Readiness       *float64
}

// htmlSummaryOf is the summary of a page: its heading, byline and facts, and the
// target's readiness for the bar.
func htmlSummaryOf(heading, byline string, facts []fact, held bool, readiness *float64) htmlSummary {
	sum := htmlSummary{Heading: heading, Byline: byline, Held: held, Readiness: readiness}
	for _, f := range facts {
		sum.Facts = append(sum.Facts, htmlFact{Label: f.label, Value: f.value, Readiness: f.readiness})
	}
	return sum
}

type htmlFact struct {
	Label, Value string
	Readiness    bool
}

type htmlColumn struct {
	Name string
	Num  bool
}

type htmlGap struct {
	Gap
	Line, Step string
}

type reportView struct {
	Title                                              string
	Summary                                            htmlSummary
	Skills, ScoreName, ScaleNote                       string
	Columns                                            []htmlColumn
	GapsHeading, NoGaps, Unassessed, UnassessedHeading string
	Gaps                                               []htmlGap
	ChecksHeading, DeepenHeading                       string
	Deepen                                             []htmlGap
	Rep                                                *Report
	Chart                                              template.HTML
	// Evidence adds the evidence column to the skills table: some skill has an example.
	Evidence                                                     bool
	Case                                                         []caseSkill
	CaseHeading, CaseIntro, PickedName, EvidenceName, NoEvidence string
	Categories                                                   []htmlCategory
	CertsHeading, NoCerts, NextHeading                           string
	Certs                                                        []htmlCert
	Next                                                         []htmlNext
	// WhatIf is the what-if section, with --what-if only.
	WhatIf *WhatIf
}

// writeHTML writes a report as one self-contained page: a radar chart of scores against
// the target's expectations, the tables of the terminal report and every gap with its
// actions.
func (p *Person) writeHTML(w io.Writer) error {
	rep, r, words := p.rep, p.r, &p.words
	v := reportView{Title: words.title, Rep: rep,
		Summary: htmlSummaryOf(words.who, capitalise(words.byline)+" · "+words.ladder, words.facts, words.held, nil),
		Skills:  headingSkills, ScoreName: words.score, ScaleNote: words.scaleNote,
		GapsHeading: words.gaps, NoGaps: words.noGaps, Unassessed: words.unassessed, UnassessedHeading: headingUnassessed,
		CertsHeading: headingCerts, NoCerts: words.noCerts, NextHeading: headingNext,
		ChecksHeading: headingChecks, DeepenHeading: words.deepen, WhatIf: p.whatIf}
	if rep.TargetRole != nil {
		v.Summary.Readiness = rep.TargetRole.Readiness
	}
	v.Evidence = hasEvidence(rep)
	v.Columns = []htmlColumn{{columnSkill, false}, {columnScore, false}, {columnTarget, true}, {columnGap, true}, {columnPriority, false}}
	if v.Evidence {
		v.Columns = append(v.Columns, htmlColumn{headingEvidence, false})
	}
	for _, c := range rep.Categories {
		hc := htmlCategory{Category: c}
		for _, s := range rep.Skills {
			if s.Category == c.ID {
				hc.Skills = append(hc.Skills, s)
			}
		}
		v.Categories = append(v.Categories, hc)
	}
	for _, g := range rep.Gaps {
		v.Gaps = append(v.Gaps, htmlGap{Gap: g, Line: gapLine(g), Step: stepLabel(g)})
	}
	for _, g := range rep.Deepen {
		v.Deepen = append(v.Deepen, htmlGap{Gap: g, Line: gapLine(g), Step: stepLabel(g)})
	}
	for _, c := range rep.Certifications {
		v.Certs = append(v.Certs, htmlCert{Name: c.Name, Issuer: c.Issuer, URL: safeURL(c.URL), Covers: certCovers(r, c), Value: num(c.Value)})
	}
	for _, n := range rep.NextRoles {
		v.Next = append(v.Next, htmlNext{Name: nextRoleName(n), Readiness: fmtPct(n.Readiness), Met: met(n.Met, n.Total), Gaps: nextRoleGaps(r, n)})
	}
	if v.Case = promotionCase(rep, r); v.Case != nil {
		v.CaseHeading, v.CaseIntro, v.PickedName, v.EvidenceName, v.NoEvidence = words.caseHeading, words.caseIntro, words.picked, headingEvidence, noEvidence
	}
	v.Chart = template.HTML(reportChart(rep, words.score).SVG())
	return reportTemplate().Execute(w, v)
}

func reportTemplate() pageTemplate { return htmlPage(reportBody) }

// reportChart plots scores and the target's expectations per skill, or per category when
// there are too few skills for a radar; scoreName names the person's scores.
func reportChart(rep *Report, scoreName string) chart {
	c := chart{Title: "Skill scores against the target role's expectations", Min: float64(rep.ScaleMin), Max: float64(rep.ScaleMax)}
	score := chartSeries{Name: scoreName, Class: "score"}
	target := chartSeries{Name: "target", Class: "target"}
	if len(rep.Skills) >= 3 || len(rep.Categories) < 3 {
		for _, s := range rep.Skills {
			label := s.Name
			if s.Score == nil && len(rep.Skills) < 3 {
				label += " (not assessed)" // the bars have no room to say it apart; the radar does
			}
			c.Axes = append(c.Axes, label)
			score.Values = append(score.Values, s.Score)
			target.Values = append(target.Values, s.ExpectedTarget)
		}
	} else {
		for _, cat := range rep.Categories {
			c.Axes = append(c.Axes, cat.Name)
			score.Values = append(score.Values, cat.Score)
			target.Values = append(target.Values, cat.Expected)
		}
	}
	c.Series = []chartSeries{score}
	if rep.TargetRole != nil {
		c.Series = append(c.Series, target)
	}
	return c
}

// safeURL keeps only web links in a page; anything else (javascript:, data:) is dropped.
func safeURL(u string) string {
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return u
	}
	return ""
}
