package reports

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// ReportFormat is the format tag of a JSON report.
const ReportFormat = "pmladder-report/v1"

// Report is one person's result as every renderer sees it: the JSON schema of
// docs/formats.md,
// with numbers rounded for output. Optional values are pointers, null in JSON.
type Report struct {
	Format         string          `json:"format"`
	Person         string          `json:"person"`
	Assessor       string          `json:"assessor"`
	Rater          *string         `json:"rater"`
	Date           *string         `json:"date"`
	Rubric         RubricInfo      `json:"rubric"`
	Track          *string         `json:"track"`
	CurrentRole    *RoleRef        `json:"current_role"`
	EstimatedRole  *EstimatedRole  `json:"estimated_role"`
	TargetRole     *TargetRole     `json:"target_role"`
	Answered       int             `json:"answered"`
	Questions      int             `json:"questions"`
	Readiness      []RoleReadiness `json:"readiness"`
	Categories     []Category      `json:"categories"`
	Skills         []Skill         `json:"skills"`
	Gaps           []Gap           `json:"gaps"`
	Unassessed     []string        `json:"unassessed"`
	Certifications []Certification `json:"certifications"`
	NextRoles      []NextRole      `json:"next_roles"`
	// Checks are the plausibility checks that fired (docs/scoring.md, rule 13), each
	// with its message; AlsoHolds the roles held besides the current and the estimated
	// one (rule 12); Deepen, at the top of the ladder, where to deepen (rule 11).
	Checks    []Check    `json:"checks"`
	AlsoHolds []AlsoHeld `json:"also_holds"`
	Deepen    []Gap      `json:"deepen"`

	// AtTop is true when the current role leads to no ladder role and is the target.
	AtTop bool `json:"-"`
	// Declared is true when the current role was declared rather than estimated; the
	// table says which. Not part of the JSON schema.
	Declared bool `json:"-"`
	// ScaleMin and ScaleMax bound the bars drawn for scores.
	ScaleMin, ScaleMax int `json:"-"`

	// beyond lists the target's next ladder roles on the person's track, for the line
	// that says the target is held already.
	// answers are the answers reported on, for the statements picked (Picked).
	answers *assess.Answers
	beyond  []string
	// nums backs the report's optional numbers and gaps its next roles' gaps, so that
	// filling a report again allocates nothing.
	nums []float64
	gaps []SkillGap
}

// RubricInfo identifies the rubric a report was scored against.
type RubricInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// RoleRef names a role.
type RoleRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// EstimatedRole is the highest role the answers hold, with its readiness.
type EstimatedRole struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Readiness *float64 `json:"readiness"`
}

// TargetRole is the role gaps are measured toward.
type TargetRole struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Readiness *float64 `json:"readiness"`
	Coverage  *float64 `json:"coverage"`
	Met       int      `json:"met"`
	Total     int      `json:"total"`
}

// RoleReadiness is one role's readiness and whether it is held.
type RoleReadiness struct {
	Role      string   `json:"role"`
	Readiness *float64 `json:"readiness"`
	Coverage  *float64 `json:"coverage"`
	Holds     bool     `json:"holds"`
}

// Category is a category's weighted score toward the target.
type Category struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Score    *float64 `json:"score"`
	Expected *float64 `json:"expected"`
	Gap      *float64 `json:"gap"`
}

// Skill is one skill's line of the report.
type Skill struct {
	ID              string          `json:"id"`
	Name            string          `json:"name"`
	Category        string          `json:"category"`
	Core            bool            `json:"core"`
	Score           *float64        `json:"score"`
	ExpectedCurrent *float64        `json:"expected_current"`
	ExpectedTarget  *float64        `json:"expected_target"`
	Gap             *float64        `json:"gap"`
	Priority        assess.Priority `json:"priority"`
	// Evidence is the person's example that backs the rating, or nil.
	Evidence *string `json:"evidence"`
}

// Gap is a skill below the target's expectation, with what to do about it.
type Gap struct {
	Skill    string          `json:"skill"`
	Name     string          `json:"name"`
	Score    float64         `json:"score"`
	Expected float64         `json:"expected"`
	Gap      float64         `json:"gap"`
	Priority assess.Priority `json:"priority"`
	// NextStep is the anchored statement of the step up (docs/scoring.md, rule 10), one
	// per question with options the person has not reached; Actions are the actions for
	// that step.
	NextStep []string `json:"next_step"`
	Actions  []string `json:"actions"`
	// Step is the score the next step reaches.
	Step int `json:"-"`
}

// Certification is a recommended certification and the gaps it covers.
type Certification struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Issuer string   `json:"issuer"`
	URL    string   `json:"url"`
	Covers []string `json:"covers"`
	Value  float64  `json:"value"`
}

// NextRole is a role to move to, with readiness and its largest gaps.
type NextRole struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Lateral   bool       `json:"lateral"`
	Readiness *float64   `json:"readiness"`
	Coverage  *float64   `json:"coverage"`
	Met       int        `json:"met"`
	Total     int        `json:"total"`
	Gaps      []SkillGap `json:"gaps"`
}

// Check is a plausibility check that fired: its code and what it means for the reader.
type Check struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// AlsoHeld is a role the answers hold besides the current and the estimated one.
type AlsoHeld struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Lateral bool   `json:"lateral"`
}

// SkillGap is a skill's gap toward a next role.
type SkillGap struct {
	Skill string  `json:"skill"`
	Gap   float64 `json:"gap"`
}

// Round rounds half away from zero to two decimals, as docs/scoring.md rule 9 asks. It rounds
// the shortest decimal form of v, so 1.005 becomes 1.01 as a person would expect, not 1
// as binary floating point would give.
func Round(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= tooLargeToRound {
		return v // rule 9: a number too large to round is written as it is
	}
	return float64(cents(v)) / 100
}

// cents is v rounded to hundredths, as a whole number of hundredths. Scores, gaps and
// readiness are small numbers far from a half-way point, and plain arithmetic gets them
// right; the decimal form decides the rest.
func cents(v float64) int64 {
	if a := math.Abs(v); a < 1e6 {
		x := a * 100
		whole := math.Floor(x)
		if frac := x - whole; math.Abs(frac-0.5) > 1e-6 {
			k := int64(whole)
			if frac > 0.5 {
				k++
			}
			if v < 0 {
				k = -k
			}
			return k
		}
	}
	return centsOfDecimal(v)
}

// centsOfDecimal rounds the shortest decimal form of v, digit by digit.
func centsOfDecimal(v float64) int64 {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac += "000"
	k, err := strconv.ParseInt(whole+frac[:2], 10, 64)
	if err != nil {
		return int64(math.Round(v * 100)) // beyond any score; keep the magnitude
	}
	if frac[2] >= '5' {
		k++
	}
	if v < 0 {
		k = -k
	}
	return k
}

// tooLargeToRound is where hundredths no longer fit exactly in a float64.
const tooLargeToRound = 1e15

// appendNum appends v rounded to two decimals, without needless zeros: 3, 2.5, -0.33. A
// number too large to round is written as it is; NaN and the infinities, which no rubric
// that validates can produce, are written as nothing (an empty cell).
func appendNum(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return b
	case math.Abs(v) >= tooLargeToRound:
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	return appendCents(b, cents(v))
}

// appendCents appends k hundredths as appendNum writes them.
func appendCents(b []byte, k int64) []byte {
	if k < 0 {
		b = append(b, '-')
		k = -k
	}
	b = strconv.AppendInt(b, k/100, 10)
	switch frac := k % 100; {
	case frac == 0:
	case frac%10 == 0:
		b = append(b, '.', byte('0'+frac/10))
	default:
		b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10))
	}
	return b
}

func roundPtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := Round(*p)
	return &v
}

// Picked returns what the answers to a skill's questions said, one per question answered
// with a score: the anchored statement picked, or for a plain rating the score and its
// label. The promotion case shows it beside the evidence.
func (rep *Report) Picked(r *rubric.Rubric, skill string) []string {
	sk := r.Skill(skill)
	if sk == nil || rep.answers == nil {
		return nil
	}
	return rep.answers.Said(r, sk)
}

// NewReport builds the report of a scored assessment.
func NewReport(res *assess.Result) *Report {
	rep := &Report{}
	rep.fill(res)
	return rep
}

// fill makes rep the report of res, reusing the memory rep holds from an earlier person:
// a team review reports on hundreds of thousands.
func (rep *Report) fill(res *assess.Result) {
	r, a := res.Rubric, res.Answers
	*rep = Report{
		Format:         ReportFormat,
		Person:         a.Person,
		Assessor:       string(a.Assessor),
		Rubric:         RubricInfo{Name: r.Name, Version: r.Version, SHA256: r.SHA256},
		Answered:       res.Answered,
		Questions:      res.Questions,
		Declared:       res.CurrentDeclared,
		ScaleMin:       r.Scale.Min,
		ScaleMax:       r.Scale.Max,
		Readiness:      emptied(rep.Readiness),
		Categories:     emptied(rep.Categories),
		Skills:         emptied(rep.Skills),
		Gaps:           emptied(rep.Gaps),
		Unassessed:     emptied(rep.Unassessed),
		Certifications: emptied(rep.Certifications),
		NextRoles:      emptied(rep.NextRoles),
		Checks:         emptied(rep.Checks),
		AlsoHolds:      emptied(rep.AlsoHolds),
		Deepen:         emptied(rep.Deepen),
		AtTop:          res.AtTop,
		nums:           rep.nums[:0],
		answers:        a,
		beyond:         rep.beyond[:0],
		gaps:           emptied(rep.gaps),
	}
	if n := 2*len(res.Roles) + 3*len(res.Categories) + 4*len(res.Skills) + 2*len(res.NextRoles) + 4; cap(rep.nums) < n {
		rep.nums = make([]float64, 0, n)
	}
	if !a.Date.IsZero() {
		d := a.Date.UTC().Format(time.RFC3339)
		rep.Date = &d
	}
	if a.Rater != "" {
		rater := a.Rater
		rep.Rater = &rater
	}
	if res.Track != "" {
		t := res.Track
		rep.Track = &t
	}
	if res.Current != nil {
		rep.CurrentRole = &RoleRef{ID: res.Current.ID, Name: res.Current.Name}
	}
	if e := res.Estimated; e != nil {
		rep.EstimatedRole = &EstimatedRole{ID: e.Role.ID, Name: e.Role.Name, Readiness: rep.round(e.Readiness)}
	}
	if t := res.Target; t != nil {
		for _, id := range t.Role.Next {
			if ro := r.Role(id); ro != nil && ro.IsLadder() && ro.OnTrack(res.Track) {
				rep.beyond = append(rep.beyond, id)
			}
		}
		rep.TargetRole = &TargetRole{ID: t.Role.ID, Name: t.Role.Name, Readiness: rep.round(t.Readiness),
			Coverage: rep.round(t.Coverage), Met: t.Met, Total: t.Total}
	}
	for _, f := range res.Roles {
		rep.Readiness = append(rep.Readiness, RoleReadiness{Role: f.Role.ID, Readiness: rep.round(f.Readiness),
			Coverage: rep.round(f.Coverage), Holds: f.Holds})
	}
	for _, c := range res.Categories {
		rep.Categories = append(rep.Categories, Category{ID: c.Category.ID, Name: c.Category.Name,
			Score: rep.round(c.Score), Expected: rep.round(c.Expected), Gap: rep.round(c.Gap)})
	}
	for _, sk := range res.Skills {
		rep.Skills = append(rep.Skills, Skill{ID: sk.Skill.ID, Name: sk.Skill.Name, Category: sk.Skill.Category,
			Core: sk.Skill.Core, Score: rep.round(sk.Score), ExpectedCurrent: rep.round(sk.ExpectedCurrent),
			ExpectedTarget: rep.round(sk.ExpectedTarget), Gap: rep.round(sk.Gap), Priority: sk.Priority,
			Evidence: a.EvidenceFor(sk.Skill.ID)})
	}
	for _, g := range res.Gaps {
		rep.Gaps = append(rep.Gaps, gapOf(g))
	}
	for _, sk := range res.Unassessed {
		rep.Unassessed = append(rep.Unassessed, sk.ID)
	}
	for _, c := range res.Certifications {
		rep.Certifications = append(rep.Certifications, Certification{ID: c.Cert.ID, Name: c.Cert.Name,
			Issuer: c.Cert.Issuer, URL: c.Cert.URL, Covers: c.Covers, Value: Round(c.Value)})
	}
	for _, nr := range res.NextRoles {
		n := NextRole{ID: nr.Role.ID, Name: nr.Role.Name, Lateral: nr.Lateral, Readiness: rep.round(nr.Readiness),
			Coverage: rep.round(nr.Coverage), Met: nr.Met, Total: nr.Total}
		start := len(rep.gaps)
		for _, g := range nr.Gaps {
			rep.gaps = append(rep.gaps, SkillGap{Skill: g.Skill.ID, Gap: Round(g.Gap)})
		}
		n.Gaps = rep.gaps[start:len(rep.gaps):len(rep.gaps)]
		rep.NextRoles = append(rep.NextRoles, n)
	}
	for _, c := range res.Checks {
		rep.Checks = append(rep.Checks, Check{Code: c.Code, Message: checkMessage(c, rep)})
	}
	for _, ro := range res.AlsoHolds {
		rep.AlsoHolds = append(rep.AlsoHolds, AlsoHeld{ID: ro.ID, Name: ro.Name, Lateral: !ro.IsLadder()})
	}
	for _, g := range res.Deepen {
		rep.Deepen = append(rep.Deepen, gapOf(g))
	}
}

// emptied returns list emptied for reuse, or a new empty list: a report's lists are [] in
// JSON, never null.
func emptied[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list[:0]
}

// round returns a pointer to p's value rounded for output, kept in the report's backing
// array; nil stays nil.
func (rep *Report) round(p *float64) *float64 {
	if p == nil {
		return nil
	}
	if len(rep.nums) == cap(rep.nums) {
		return roundPtr(p)
	}
	rep.nums = append(rep.nums, Round(*p))
	return &rep.nums[len(rep.nums)-1]
}

// gapOf is a gap as reports show it, rounded, with the next step and its actions.
func gapOf(g assess.Gap) Gap {
	next, actions := g.NextStep(), g.Actions()
	if next == nil {
		next = []string{}
	}
	if actions == nil {
		actions = []string{}
	}
	return Gap{Skill: g.Skill.ID, Name: g.Skill.Name, Score: Round(g.Score), Expected: Round(g.Expected),
		Gap: Round(g.Gap), Priority: g.Priority, NextStep: next, Actions: actions, Step: g.Step()}
}
