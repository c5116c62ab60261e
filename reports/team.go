package reports

import (
	"bufio"
	"bytes"
	"sort"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
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

// merge adds the totals of o, counted after t's people.
func (t *TeamTotals) merge(o *TeamTotals) {
	t.People += o.People
	for i := range t.skills {
		st, ot := &t.skills[i], o.skills[i]
		st.sum += ot.sum
		st.n += ot.n
		st.below += ot.below
		st.gapSum += ot.gapSum
		st.gapPeople += ot.gapPeople
	}
	for id, oc := range o.certs {
		ct := t.certs[id]
		if ct == nil {
			ct = &certTotal{covers: map[string]bool{}}
			t.certs[id] = ct
		}
		ct.value += oc.value
		ct.people += oc.people
		for s := range oc.covers {
			ct.covers[s] = true
		}
	}
}

// reset empties t for reuse.
func (t *TeamTotals) reset() {
	t.People = 0
	clear(t.skills)
	clear(t.certs)
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

// A team review streams: workers score people in batches and render each person into the
// batch's bytes (and totals, and the few members a heatmap shows); the sink commits the
// batches in input order and writes each as it comes: no format holds its people until
// the end (the table and Markdown count them under the people, not in their title).

// teamFormat is what one team format writes.
type teamFormat interface {
	// begin writes what comes before the people.
	begin(s *teamSink) error
	// add scores one person with the scorer and renders them into the batch (on a worker).
	add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error
	// end writes what comes after the people.
	end(s *teamSink, team *Team) error
}

// teamSink is the input.TeamSink of every team format.
type teamSink struct {
	w      *bufio.Writer
	format teamFormat
	r      *rubric.Rubric
	certs  int
	opt    Options
	excel  bool
	totals *TeamTotals
	// members are the people a heatmap shows: the first keep of them.
	members []TeamMember
	keep    int
	people  int
}

// teamBatch is a run of people rendered by one worker.
type teamBatch struct {
	sink    *teamSink
	out     []byte
	totals  *TeamTotals
	members []TeamMember
	people  int
	// rows and json are the CSV and JSON encoders, with what they encode once for everyone.
	rows   *standingRows
	json   reportJSON
	report Report
	// xlsx holds the batch's rows of the workbook's streamed sheets.
	xlsx xlsxRows
}

func (s *teamSink) NewBatch() input.TeamBatch {
	return &teamBatch{sink: s, totals: NewTeamTotals(s.r), rows: newStandingRows(s.excel)}
}

func (b *teamBatch) Add(sc *assess.Scorer, a *assess.Answers) error {
	b.people++
	return b.sink.format.add(b, sc, a)
}

// Seal compresses a workbook's parts of the batch, on the worker.
func (b *teamBatch) Seal() error {
	if _, ok := b.sink.format.(*teamXLSX); ok {
		b.xlsx.seal()
	}
	return nil
}

func (b *teamBatch) Reset() {
	b.out, b.people, b.members = b.out[:0], 0, b.members[:0]
	x := &b.xlsx
	x.people, x.heat, x.long, x.persons = x.people[:0], x.heat[:0], x.long[:0], x.persons[:0]
	b.totals.reset()
}

// person scores one person wholly for a format that shows them in a row: they are
// counted in the team's totals and, while the sink may still keep them for a heatmap,
// recorded with their scores.
func (b *teamBatch) person(sc *assess.Scorer, a *assess.Answers) (*assess.Result, TeamMember) {
	res := sc.Result(a)
	b.totals.Add(res)
	if len(b.members) < b.sink.keep {
		b.members = append(b.members, memberOf(res, true))
	}
	return res, memberOf(res, false)
}

func (s *teamSink) Commit(tb input.TeamBatch) error {
	b := tb.(*teamBatch)
	s.totals.merge(b.totals)
	for _, m := range b.members {
		if len(s.members) >= s.keep {
			break
		}
		s.members = append(s.members, m)
	}
	if x, ok := s.format.(*teamXLSX); ok {
		s.people += b.people
		return x.commit(b)
	}
	out := b.out
	if s.people == 0 {
		out = bytes.TrimPrefix(out, []byte(jsonPersonSep)) // the first person has no comma before them
	}
	s.people += b.people
	_, err := s.w.Write(out)
	return err
}

// Abort releases what a format holds when the review fails: the workbook's temporary
// sheets.
func (s *teamSink) Abort() {
	if x, ok := s.format.(*teamXLSX); ok {
		x.abort()
	}
}

func (s *teamSink) Close() error {
	team := &Team{Rubric: s.r, People: s.people, Members: s.members, Summary: s.totals.Summary(s.certs)}
	if err := s.format.end(s, team); err != nil {
		return err
	}
	return s.w.Flush()
}

// Team is a whole team review as the end of a format sees it.
type Team struct {
	Rubric *rubric.Rubric
	// People counts everyone reviewed; Members holds the first of them, as many as the
	// format shows in a heatmap.
	People  int
	Members []TeamMember
	Summary TeamSummary
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
	// Scores (rounded), Expected (the target expects the skill) and Below (short of it)
	// have an entry per rubric skill.
	Scores   []*float64
	Expected []bool
	Below    []bool
}

// memberOf sums a person up for a team's table; withHeat adds their scores for a heatmap.
func memberOf(res *assess.Result, withHeat bool) TeamMember {
	m := TeamMember{Person: res.Answers.Person, Assessor: string(res.Answers.Assessor)}
	if res.Current != nil {
		m.Current, m.CurrentID = res.Current.Name, res.Current.ID
	}
	if t := res.Target; t != nil {
		m.Target, m.TargetID = t.Role.Name, t.Role.ID
		m.Readiness = roundPtr(t.Readiness)
	}
	if len(res.Gaps) > 0 {
		g := gapOf(res.Gaps[0])
		m.TopGap = &g
	}
	if !withHeat {
		return m
	}
	m.Scores = make([]*float64, len(res.Skills))
	m.Expected = make([]bool, len(res.Skills))
	m.Below = make([]bool, len(res.Skills))
	for i, sk := range res.Skills {
		m.Scores[i] = roundPtr(sk.Score)
		m.Expected[i] = sk.Gap != nil
		m.Below[i] = sk.Gap != nil && *sk.Gap > 0
	}
	return m
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

// teamCSV is the long CSV: rows from each person's standing, nothing after them.
type teamCSV struct{}

func (teamCSV) begin(s *teamSink) error {
	if s.excel {
		if _, err := s.w.WriteString(byteOrderMark); err != nil {
			return err
		}
	}
	rows := newStandingRows(s.excel)
	rows.header()
	_, err := s.w.Write(rows.cw.Take(nil))
	return err
}

func (teamCSV) add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error {
	b.rows.cw.line = b.out
	b.rows.add(sc.Standing(a))
	b.out = b.rows.cw.Take(nil)
	return nil
}

func (teamCSV) end(*teamSink, *Team) error { return nil }
