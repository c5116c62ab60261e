package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// TeamFormat is the format tag of a JSON team review.
const TeamFormat = "pmladder-team/v1"

// TeamSummary sums a team up: per skill, and the certifications that cover most of the
// team's gaps.
type TeamSummary struct {
	Skills         []TeamSkill `json:"skills"`
	Certifications []TeamCert  `json:"certifications"`
}

// TeamSkill is one skill across the team.
type TeamSkill struct {
	ID string `json:"id"`
	// Mean is the mean score of the people assessed on the skill.
	Mean *float64 `json:"mean"`
	// BelowTarget counts the people with a gap toward their target.
	BelowTarget int `json:"below_target"`
	// MeanGap is the mean gap of the people whose target expects the skill.
	MeanGap *float64 `json:"mean_gap"`

	Name     string `json:"-"`
	Assessed int    `json:"-"`
}

// TeamCert is a certification's value summed over the people it is eligible for.
type TeamCert struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Issuer string   `json:"issuer"`
	URL    string   `json:"url"`
	Covers []string `json:"covers"`
	Value  float64  `json:"value"`
	// People counts the people for whom it has a value.
	People int `json:"people"`
}

// TeamTotals accumulates the summary one person at a time, keeping per-skill and
// per-certification totals rather than people, so a team of any size fits in memory.
type TeamTotals struct {
	r      *rubric.Rubric
	People int
	skills []skillTotal
	certs  map[string]*certTotal
}

type skillTotal struct {
	sum       float64
	n         int
	below     int
	gapSum    float64
	gapPeople int
}

type certTotal struct {
	value  float64
	people int
	covers map[string]bool
}

// NewTeamTotals starts an empty summary.
func NewTeamTotals(r *rubric.Rubric) *TeamTotals {
	return &TeamTotals{r: r, skills: make([]skillTotal, len(r.Skills())), certs: map[string]*certTotal{}}
}

// Add counts one person.
func (t *TeamTotals) Add(res *assess.Result) {
	t.People++
	for i, sk := range res.Skills {
		st := &t.skills[i]
		if sk.Score != nil {
			st.sum += *sk.Score
			st.n++
		}
		if sk.Gap != nil {
			st.gapSum += *sk.Gap
			st.gapPeople++
			if *sk.Gap > 0 {
				st.below++
			}
		}
	}
	for _, cv := range res.AllCertifications() {
		ct := t.certs[cv.Cert.ID]
		if ct == nil {
			ct = &certTotal{covers: map[string]bool{}}
			t.certs[cv.Cert.ID] = ct
		}
		ct.value += cv.Value
		ct.people++
		for _, s := range cv.Covers {
			ct.covers[s] = true
		}
	}
}

// Summary returns the summary with the first limit certifications by team value.
func (t *TeamTotals) Summary(limit int) TeamSummary {
	sum := TeamSummary{Skills: []TeamSkill{}, Certifications: []TeamCert{}}
	for i, s := range t.r.Skills() {
		st := t.skills[i]
		ts := TeamSkill{ID: s.ID, Name: s.Name, BelowTarget: st.below, Assessed: st.n}
		if st.n > 0 {
			ts.Mean = roundPtr(ptr(st.sum / float64(st.n)))
		}
		if st.gapPeople > 0 {
			ts.MeanGap = roundPtr(ptr(st.gapSum / float64(st.gapPeople)))
		}
		sum.Skills = append(sum.Skills, ts)
	}
	var certs []TeamCert
	for i := range t.r.Certifications {
		c := &t.r.Certifications[i]
		ct := t.certs[c.ID]
		if ct == nil {
			continue
		}
		tc := TeamCert{ID: c.ID, Name: c.Name, Issuer: c.Issuer, URL: c.URL, Value: Round(ct.value), People: ct.people, Covers: []string{}}
		for _, s := range c.Skills {
			if ct.covers[s] {
				tc.Covers = append(tc.Covers, s)
				ct.covers[s] = false // a skill listed twice is covered once
			}
		}
		certs = append(certs, tc)
	}
	sort.SliceStable(certs, func(i, j int) bool { return certs[i].Value > certs[j].Value })
	if len(certs) > limit {
		certs = certs[:max(limit, 0)]
	}
	sum.Certifications = append(sum.Certifications, certs...)
	return sum
}

func ptr(v float64) *float64 { return &v }

// TeamWriter renders a team review one person at a time.
type TeamWriter interface {
	// Add renders or records one person.
	Add(res *assess.Result) error
	// Flush writes out what is buffered, so that output written around the writer (rows
	// formatted in parallel) lands in order.
	Flush() error
	// Close writes what comes after the people, such as the summary.
	Close(sum TeamSummary) error
}

// TeamBrief reports whether a team format shows only what brief scoring computes (the
// long CSV: no next roles, certifications, categories or summary).
func TeamBrief(format string) bool { return format == "csv" }

// NewTeamWriter returns the writer for a format. CSV and JSON stream: memory does not
// grow with the number of people. The table, Markdown and HTML hold one small row per
// person for the heatmap.
func NewTeamWriter(format string, w io.Writer, r *rubric.Rubric, opt Options, excel bool) (TeamWriter, error) {
	switch format {
	case "csv":
		rc, err := NewReportCSV(w, excel)
		if err != nil {
			return nil, err
		}
		return teamCSV{rc}, nil
	case "json":
		return &teamJSON{w: w}, nil
	default:
		return &teamCollector{format: format, w: w, r: r, opt: opt}, nil
	}
}

type teamCSV struct{ rc *ReportCSV }

func (t teamCSV) Add(res *assess.Result) error { return t.rc.WriteResult(res) }
func (t teamCSV) Close(TeamSummary) error      { return t.rc.Flush() }
func (t teamCSV) Flush() error                 { return t.rc.Flush() }

// teamJSON writes {format, people: [...], summary} as it goes, indented like WriteJSON.
type teamJSON struct {
	w      io.Writer
	buf    bytes.Buffer
	people int
}

// indented encodes v without HTML escaping, each line after the first indented by prefix.
func (t *teamJSON) indented(v any, prefix string) ([]byte, error) {
	t.buf.Reset()
	enc := json.NewEncoder(&t.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(t.buf.Bytes(), "\n"), nil
}

func (t *teamJSON) Add(res *assess.Result) error {
	rep := NewReport(res)
	sep := ",\n    "
	if t.people == 0 {
		sep = "{\n  \"format\": \"" + TeamFormat + "\",\n  \"people\": [\n    "
	}
	t.people++
	b, err := t.indented(rep, "    ")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(t.w, sep); err != nil {
		return err
	}
	_, err = t.w.Write(b)
	return err
}

func (t *teamJSON) Flush() error { return nil }

func (t *teamJSON) Close(sum TeamSummary) error {
	head := "\n  ],\n  \"summary\": "
	if t.people == 0 {
		head = "{\n  \"format\": \"" + TeamFormat + "\",\n  \"people\": [],\n  \"summary\": "
	}
	b, err := t.indented(sum, "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(t.w, "%s%s\n}\n", head, b)
	return err
}

// TeamMember is one person's line in a team table and heatmap.
type TeamMember struct {
	Person, Assessor string
	// Current and Target are role names; CurrentID and TargetID their ids.
	Current, Target     string
	CurrentID, TargetID string
	Readiness           *float64
	// TopGap is the person's first gap toward their target, or nil.
	TopGap *Gap
	// Scores, Expected (the target expects the skill) and Below (short of it) have an
	// entry per rubric skill.
	Scores   []*float64
	Expected []bool
	Below    []bool
}

func memberOf(rep *Report) TeamMember {
	m := TeamMember{Person: rep.Person, Assessor: rep.Assessor}
	if rep.CurrentRole != nil {
		m.Current, m.CurrentID = rep.CurrentRole.Name, rep.CurrentRole.ID
	}
	if rep.TargetRole != nil {
		m.Target, m.TargetID = rep.TargetRole.Name, rep.TargetRole.ID
		m.Readiness = rep.TargetRole.Readiness
	}
	if len(rep.Gaps) > 0 {
		g := rep.Gaps[0]
		m.TopGap = &g
	}
	for _, s := range rep.Skills {
		m.Scores = append(m.Scores, s.Score)
		m.Expected = append(m.Expected, s.Gap != nil)
		m.Below = append(m.Below, s.Gap != nil && *s.Gap > 0)
	}
	return m
}

// teamCollector keeps one TeamMember per person and renders everything at Close.
type teamCollector struct {
	format  string
	w       io.Writer
	r       *rubric.Rubric
	opt     Options
	members []TeamMember
}

func (t *teamCollector) Add(res *assess.Result) error {
	t.members = append(t.members, memberOf(NewReport(res)))
	return nil
}

func (t *teamCollector) Flush() error { return nil }

func (t *teamCollector) Close(sum TeamSummary) error {
	team := &Team{Rubric: t.r, Members: t.members, Summary: sum}
	switch t.format {
	case "markdown":
		return TeamMarkdown(t.w, team)
	case "html":
		return TeamHTML(t.w, team)
	default:
		return TeamTable(t.w, team, t.opt)
	}
}

// Team is a whole team review for the formats that show everyone at once.
type Team struct {
	Rubric  *rubric.Rubric
	Members []TeamMember
	Summary TeamSummary
}

// largestGaps returns the skills with people below target, most people first, then the
// largest mean gap.
func (t *Team) largestGaps() []TeamSkill {
	var out []TeamSkill
	for _, s := range t.Summary.Skills {
		if s.BelowTarget > 0 {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].BelowTarget != out[j].BelowTarget {
			return out[i].BelowTarget > out[j].BelowTarget
		}
		return *out[i].MeanGap > *out[j].MeanGap
	})
	return out
}
