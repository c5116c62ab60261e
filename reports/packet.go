package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// PacketFormat is the format tag of a JSON promotion packet.
const PacketFormat = "pmladder-packet/v1"

// Packet is the document a promotion conversation reads (pmladder packet): who, current
// → target, what changes between the two, each skill the target expects as every rater
// sees it (peers only as a group), the evidence and where it stands, the readiness over
// time, the plan and its status, what would move the case most and what is still
// missing. Its numbers are the lead assessment's — the person's own, else the
// manager's — and the calibration's, never worked out again here.
type Packet struct {
	Format      string        `json:"format"`
	Person      string        `json:"person"`
	Rubric      RubricInfo    `json:"rubric"`
	Track       *string       `json:"track"`
	CurrentRole *RoleRef      `json:"current_role"`
	TargetRole  *PacketTarget `json:"target_role"`
	// Lead is whose assessment the standing, readiness and what-if are of: self, or
	// manager when the person's own is not in the packet.
	Lead string `json:"lead"`
	// Readiness is each rater's readiness for the target: self's and the managers' mean.
	Readiness map[string]*float64 `json:"readiness"`
	Raters    []RaterRef          `json:"raters"`
	MinPeers  int                 `json:"min_peers"`
	// Diff is what changes between the current role and the target (rubric diff); nil
	// without a current role, or when the target is the current role.
	Diff   *PacketDiff   `json:"diff"`
	Skills []PacketSkill `json:"skills"`
	// Trend is the readiness for the target across the lead assessor's saved
	// assessments of the person, in date order.
	Trend []PacketPoint `json:"trend"`
	// Plan is the person's development plan held against the lead assessment, or nil.
	Plan *PlanStatus `json:"plan"`
	// WhatIf is the lead's what-if toward the target (report --what-if): what_if and
	// fewest_steps.
	*WhatIf
	// Missing says, in a committee's words, what the case still lacks.
	Missing []string `json:"missing"`

	compare *Compare
	lead    *assess.Result
	// managers are the managers' results, toward the lead's target.
	managers []*assess.Result
	plan     *PlanView
	trend    *Trend
	words    packetWords
}

// PacketTarget is the packet's target role: the lead's readiness and whether it is held.
type PacketTarget struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Readiness *float64 `json:"readiness"`
	Coverage  *float64 `json:"coverage"`
	Met       int      `json:"met"`
	Total     int      `json:"total"`
	Holds     bool     `json:"holds"`
}

// PacketDiff is what changes from the current role to the target: the rubric diff's
// roles and skills.
type PacketDiff struct {
	From   RoleRef     `json:"from"`
	To     RoleRef     `json:"to"`
	Skills []DiffSkill `json:"skills"`
}

// PacketSkill is one skill the target expects: the raters' views as a calibration has
// them (compare: peers only as a group, and only where at least MinPeers rated the
// skill), what the lead's answers said, the evidence and where the lead's score stands.
type PacketSkill struct {
	CompareSkill
	Core            bool     `json:"core"`
	ExpectedCurrent *float64 `json:"expected_current"`
	// Score and Gap are the lead's; Standing says "met", "gap" or "not assessed".
	Score      *float64 `json:"score"`
	Gap        *float64 `json:"gap"`
	Standing   string   `json:"standing"`
	Statements []string `json:"statements"`
	// Picked is what self and each manager said where they differ by a point or more
	// (the calibration's), and a manager's answers wherever they gave an example.
	Picked   []PickedJSON `json:"picked"`
	Evidence *string      `json:"evidence"`

	// managerStanding is the one manager's standing where it is not the lead's: "met",
	// "gap 1". Shown beside the lead's.
	managerStanding string
}

// PacketPoint is one saved assessment's readiness for the packet's target.
type PacketPoint struct {
	Date      *string  `json:"date"`
	Readiness *float64 `json:"readiness"`
}

// Standings of a packet's skill.
const (
	standingMet        = "met"
	standingGap        = "gap"
	standingUnassessed = "not assessed"
)

// PacketParts are what a packet is made of, worked out by the command: the calibration
// of the raters (every skill, from CompareRaters), the trend of the lead assessor's
// assessments scored toward the lead's target (nil with none saved), and the plan held
// against the lead assessment (nil without one).
type PacketParts struct {
	Raters *assess.Comparison
	Trend  *Trend
	Plan   *PlanView
	// WhatIf is the lead's what-if toward the target (assess.WhatIfOf), nil without a target.
	WhatIf *assess.WhatIfs
}

// NewPacket builds the packet from its parts.
func NewPacket(parts PacketParts) *Packet {
	c := parts.Raters
	lead := c.New
	r := lead.Rubric
	cmp := NewCompare(c, true)
	p := &Packet{Format: PacketFormat, Person: lead.Answers.Person, Rubric: RubricInfo{Name: r.Name, Version: r.Version, SHA256: r.SHA256},
		Lead: string(lead.Answers.Assessor), Readiness: cmp.Readiness, Raters: cmp.Raters, MinPeers: c.MinPeers,
		Skills: []PacketSkill{}, Trend: []PacketPoint{}, Missing: []string{},
		compare: cmp, lead: lead, plan: parts.Plan, trend: parts.Trend}
	if lead.Track != "" {
		track := lead.Track
		p.Track = &track
	}
	if lead.Current != nil {
		p.CurrentRole = &RoleRef{ID: lead.Current.ID, Name: lead.Current.Name}
	}
	if t := lead.Target; t != nil {
		p.TargetRole = &PacketTarget{ID: t.Role.ID, Name: t.Role.Name, Readiness: roundPtr(t.Readiness),
			Coverage: roundPtr(t.Coverage), Met: t.Met, Total: t.Total, Holds: t.Holds}
		if lead.Current != nil && lead.Current != t.Role {
			d := NewRubricDiff(r, lead.Current, t.Role)
			p.Diff = &PacketDiff{From: d.From, To: d.To, Skills: d.Skills}
		}
	}
	for _, res := range c.Results {
		if res.Answers.Assessor == assess.Manager {
			p.managers = append(p.managers, res)
		}
	}
	cmp.hideOthers = true
	views := map[string]CompareSkill{} // every skill: the raters were compared with All
	for _, s := range cmp.Skills {
		views[s.ID] = s
	}
	for i := range lead.Skills {
		sk := &lead.Skills[i]
		s, ok := views[sk.Skill.ID]
		if sk.ExpectedTarget == nil || !ok {
			continue
		}
		ps := PacketSkill{CompareSkill: s, Core: sk.Skill.Core, ExpectedCurrent: roundPtr(sk.ExpectedCurrent),
			Score: roundPtr(sk.Score), Statements: nonNilStrings(lead.Answers.Said(r, sk.Skill)),
			Picked: append([]PickedJSON{}, s.Picked...), Evidence: lead.Answers.EvidenceFor(s.ID)}
		ps.Standing, ps.Gap = standingOf(sk)
		// A manager's example counts wherever it is given, not only where the raters
		// differ: a committee reads it.
		for k, m := range p.managers {
			if e := m.Answers.EvidenceFor(s.ID); e != nil && !slices.ContainsFunc(ps.Picked, func(pk PickedJSON) bool { return pk.Evidence != nil && *pk.Evidence == *e }) {
				pk := assess.Picked{Assessor: assess.Manager, Rater: m.Answers.Rater, Statements: m.Answers.Said(r, sk.Skill), Evidence: e}
				if len(p.managers) > 1 {
					pk.Nth = k + 1
				}
				ps.Picked = append(ps.Picked, PickedJSON{By: pickedBy(pk), Statements: pk.Statements, Evidence: e})
			}
		}
		if len(p.managers) == 1 {
			ms := &p.managers[0].Skills[i]
			standing, _ := standingOf(ms)
			if standing != ps.Standing || (ms.Gap != nil && sk.Gap != nil && Round(*ms.Gap) != Round(*sk.Gap)) {
				ps.managerStanding = standing
				if standing == standingGap {
					ps.managerStanding = "gap " + num(Round(*ms.Gap))
				}
			}
		}
		p.Skills = append(p.Skills, ps)
	}
	if parts.Trend != nil {
		for _, pt := range parts.Trend.Points {
			p.Trend = append(p.Trend, PacketPoint{Date: pt.Date, Readiness: pt.Readiness})
		}
	}
	if parts.Plan != nil {
		st := parts.Plan.planStatus()
		p.Plan = &st
	}
	p.WhatIf = NewWhatIf(parts.WhatIf, r, p.voice())
	if p.WhatIf == nil { // no target: the keys are there for a script, empty
		p.WhatIf = &WhatIf{Lines: []WhatIfLine{}}
	}
	// What each step asks is in the rubric diff and what each chose: the packet's
	// what-if keeps to the moves, so that it prints short.
	for i := range p.WhatIf.words.Lines {
		p.WhatIf.words.Lines[i].Statements = nil
	}
	p.words = newPacketWords(p, r)
	p.Missing = p.words.missing
	return p
}

// voice is who the packet's what-if speaks of: the person by name (the committee reads
// it), raising their own answers or the manager's ratings of them.
func (p *Packet) voice() WhatIfVoice {
	who := p.Person
	if who == "" {
		who = "the person"
	}
	if p.Lead == string(assess.Self) {
		return WhatIfVoice{Who: who, Answers: who + "'s answers"}
	}
	return WhatIfVoice{Who: who, Answers: "the manager's ratings"}
}

// standingOf is where a skill's score stands against the target (rule 5's gap).
func standingOf(sk *assess.SkillScore) (string, *float64) {
	switch {
	case sk.Score == nil:
		return standingUnassessed, nil
	case sk.Gap != nil && *sk.Gap > 0:
		return standingGap, roundPtr(sk.Gap)
	}
	return standingMet, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (p *Packet) writeJSON(w io.Writer) error { return WriteJSON(w, p) }

// packetWords are the packet's phrases, worded once for every format.
type packetWords struct {
	title, byline string
	facts         []fact
	// peers says how the peers are shown, or why they are not.
	peers string
	// missing is what the case still lacks, each a sentence.
	missing []string
}

// Headings of the packet, the same in every format.
const (
	packetNeeds   = "What the case still needs"
	packetChanges = "What changes from %s to %s"
	packetSkills  = "Skill by skill"
	packetSaid    = "What each said, and the examples"
	packetTrend   = "Readiness over time"
	packetPlan    = "Development plan"
)

func newPacketWords(p *Packet, r *rubric.Rubric) packetWords {
	var w packetWords
	who := p.Person
	if who == "" {
		who = "(no name)"
	}
	w.title = who + ": promotion packet"
	if p.CurrentRole != nil && p.TargetRole != nil && p.CurrentRole.ID != p.TargetRole.ID {
		w.title += ", " + p.CurrentRole.Name + " → " + p.TargetRole.Name
	} else if p.TargetRole != nil {
		w.title += " for " + p.TargetRole.Name
	}
	w.byline = "From " + words.Series(p.raterNames(), "and") + " · " + rubricLabel(p.Rubric) + " · " + packetTrack(p, r)

	current := "not known: no ladder role is held yet on these answers"
	if p.CurrentRole != nil {
		current = p.CurrentRole.Name
	}
	w.facts = append(w.facts, fact{label: labelCurrent, value: current})
	t := p.TargetRole
	if t == nil {
		w.facts = append(w.facts, fact{label: labelTarget, value: "none: this ladder has no role to aim for from here"})
		return w
	}
	w.facts = append(w.facts, fact{label: labelTarget, value: fmt.Sprintf("%s (held at %s%% of its expectations by weight, with every core skill met)", t.Name, num(r.Scoring.Pass))})
	by := ""
	if len(p.Raters) > 1 {
		by = ", by the " + AssessmentName(assess.Assessor(p.Lead), "")
	}
	w.facts = append(w.facts, fact{label: labelReadiness, value: fmt.Sprintf("%s · %d of %d expectations met%s", fmtPct(t.Readiness), t.Met, t.Total, by), readiness: true})
	switch n := len(p.managers); {
	case n == 1 && p.Lead == string(assess.Self):
		if mt := p.managers[0].Target; mt != nil {
			w.facts = append(w.facts, fact{label: "Manager's view", value: fmt.Sprintf("%s · %d of %d expectations met", fmtPct(mt.Readiness), mt.Met, mt.Total)})
		}
	case n > 1:
		w.facts = append(w.facts, fact{label: "Managers' view", value: fmtPct(p.Readiness["manager"]) + " (their mean)"})
	}
	if t.Holds {
		w.facts = append(w.facts, fact{label: labelNote, value: "The " + AssessmentName(assess.Assessor(p.Lead), "") + " holds " + t.Name + " already"})
	}
	w.facts = append(w.facts, fact{label: labelAnswered, value: fmt.Sprintf("%d of %d questions", p.lead.Answered, p.lead.Questions)})
	w.peers = p.peersLine()
	if w.peers != "" {
		w.facts = append(w.facts, fact{label: "Peers", value: w.peers})
	}
	w.missing = p.missingLines(r)
	return w
}

// packetTrack names the lead's track, or says that every track counts.
func packetTrack(p *Packet, r *rubric.Rubric) string {
	if p.Track != nil {
		if t := r.Track(*p.Track); t != nil {
			return t.Name + " track"
		}
	}
	return "every track"
}

// raterNames names the assessments in the packet: "the self-assessment of 2026-11-22",
// "the manager's assessment (Grace Hopper) of 2026-11-23", "3 peers".
func (p *Packet) raterNames() []string {
	var out []string
	peers := 0
	for _, ref := range p.Raters {
		if ref.Assessor == string(assess.Peer) {
			peers++
			continue
		}
		name := "the " + AssessmentName(assess.Assessor(ref.Assessor), deref(ref.Rater))
		if ref.Date != nil {
			name += " of " + (*ref.Date)[:10]
		}
		out = append(out, name)
	}
	if peers > 0 {
		out = append(out, countOf(peers, "peer", "peers"))
	}
	return out
}

// peersLine says how the peers are shown: as a group, or left out of every number when
// fewer than MinPeers rated.
func (p *Packet) peersLine() string {
	n := p.compare.peers
	switch {
	case n == 0:
		return ""
	case !p.compare.peersLeftOut:
		return fmt.Sprintf("%s, shown as a group, never one by one", countOf(n, "peer", "peers"))
	case n < p.MinPeers:
		return fmt.Sprintf("%s rated; at least %d are needed before their view is shown, so their ratings are left out of every number", countOf(n, "peer", "peers"), p.MinPeers)
	}
	return fmt.Sprintf("%s, shown as a group where at least %d rated a skill; elsewhere their ratings are left out", countOf(n, "peer", "peers"), p.MinPeers)
}

// gapPhrase is a gap in a sentence: "Strategy (1.5 of 3)".
func gapPhrase(g assess.Gap) string {
	return fmt.Sprintf("%s (%s of %s)", g.Skill.Name, num(Round(g.Score)), num(Round(g.Expected)))
}

// missingLines says what the case lacks, what decides it first: the core skills and
// the readiness, where the manager sees it otherwise, what was not assessed, a second
// view, the examples, the plan, the trend.
func (p *Packet) missingLines(r *rubric.Rubric) []string {
	t := p.TargetRole
	var out []string
	var core, gaps []string         // the core gaps, and the others
	for _, g := range p.lead.Gaps { // the most urgent first (rule 5)
		if g.Skill.Core {
			core = append(core, gapPhrase(g))
		} else {
			gaps = append(gaps, gapPhrase(g))
		}
	}
	if len(core) > 0 {
		out = append(out, fmt.Sprintf("Core %s not met, and %s needs every one whatever the readiness: %s.",
			words.Plural(len(core), "skill", "skills"), t.Name, strings.Join(core, "; ")))
	}
	if !t.Holds {
		line := fmt.Sprintf("Readiness is %s; %s%% holds %s.", fmtPct(t.Readiness), num(r.Scoring.Pass), t.Name)
		const named = 5 // the table has every one
		other := ""
		if len(core) > 0 {
			other = " other"
		}
		switch n := len(gaps); {
		case n > named:
			line = fmt.Sprintf("%s %d%s skills are below what it expects, the most urgent %s; and %d more (below).", line, n, other, strings.Join(gaps[:named], "; "), n-named)
		case n == 1:
			line = fmt.Sprintf("%s 1%s skill is below what it expects: %s.", line, other, gaps[0])
		case n > 0:
			line = fmt.Sprintf("%s %d%s skills are below what it expects: %s.", line, n, other, strings.Join(gaps, "; "))
		}
		out = append(out, line)
	}
	out = append(out, p.managerLines()...)
	var unassessed, noEvidence, blind []string
	assessed := 0
	for _, s := range p.Skills {
		if s.Standing == standingUnassessed {
			unassessed = append(unassessed, s.Name)
			continue
		}
		assessed++
		if s.Evidence == nil {
			noEvidence = append(noEvidence, s.Name)
		}
		if s.Flag != nil && *s.Flag == assess.BlindSpot {
			blind = append(blind, s.Name)
		}
	}
	if len(unassessed) > 0 {
		out = append(out, fmt.Sprintf("Not assessed, though %s expects %s: %s. Answer these questions before the conversation.",
			t.Name, words.Plural(len(unassessed), "it", "them"), strings.Join(unassessed, "; ")))
	}
	if n := p.lead.Questions - p.lead.Answered; n > 0 && len(unassessed) == 0 {
		out = append(out, fmt.Sprintf("%s of %d unanswered: a skill's score is the mean of the questions answered.", countOf(n, "question", "questions"), p.lead.Questions))
	}
	if len(p.managers) == 0 {
		out = append(out, "No manager's view: a committee asks for one. The manager runs pmladder assess --assessor manager for this person.")
	}
	switch n := p.compare.peers; {
	case n == 0:
		out = append(out, fmt.Sprintf("No peers' view yet: ask at least %d peers (pmladder template --assessor peer makes them a sheet).", p.MinPeers))
	case n < p.MinPeers:
		out = append(out, fmt.Sprintf("Peers' view: %s of the %d needed to show their ratings as a group.", countOf(n, "peer", "peers"), p.MinPeers))
	}
	if len(blind) > 0 {
		out = append(out, fmt.Sprintf("The others rate %s a point or more below the self-assessment: bring an example that shows the level, or agree the rating first.", strings.Join(blind, "; ")))
	}
	switch {
	case len(noEvidence) > 0 && len(noEvidence) == assessed:
		out = append(out, "No rating has an example behind it yet, and a committee weighs a rating by its example: add one per skill (the interview asks after each skill; an answers file takes evidence: {skill-id: text}).")
	case len(noEvidence) > 0:
		out = append(out, fmt.Sprintf("No example yet for %s: a committee weighs a rating by the example behind it.", strings.Join(noEvidence, "; ")))
	}
	if p.plan == nil {
		out = append(out, "No development plan: pmladder plan new makes one from the gaps.")
	} else {
		var late []string
		for _, g := range p.plan.Goals {
			if g.Status == assess.GoalOverdue || g.Status == assess.GoalStalled {
				late = append(late, g.Name+" ("+g.Status+")")
			}
		}
		if len(late) > 0 {
			out = append(out, "Plan goals behind: "+strings.Join(late, "; ")+".")
		}
	}
	if len(p.Trend) < 2 {
		out = append(out, "One assessment so far: a second, a few months on, shows the trend a committee looks for.")
	}
	return out
}

// managerLines are where the one manager's view of a skill is not the lead's: the gaps
// the manager sees and the lead does not, and the other way round.
func (p *Packet) managerLines() []string {
	if len(p.managers) != 1 || p.Lead != string(assess.Self) {
		return nil
	}
	var sees, met []string
	for _, s := range p.Skills {
		switch {
		case s.managerStanding == "" || s.Standing == standingUnassessed:
		case strings.HasPrefix(s.managerStanding, standingGap) && s.Standing == standingMet:
			sees = append(sees, s.Name+" ("+s.managerStanding+")")
		case s.managerStanding == standingMet && s.Standing == standingGap:
			met = append(met, s.Name)
		}
	}
	var out []string
	if len(sees) > 0 {
		out = append(out, fmt.Sprintf("The manager sees a gap where the self-assessment does not: %s. Talk it through before the committee does.", strings.Join(sees, "; ")))
	}
	if len(met) > 0 {
		out = append(out, fmt.Sprintf("The manager rates %s as met, where the self-assessment has a gap: agree the rating before planning work on %s.",
			strings.Join(met, "; "), words.Plural(len(met), "it", "them")))
	}
	return out
}

// With one rater there is nothing to calibrate: the table is the score against the
// expectation.
func (p *Packet) skillHeader() []string {
	if len(p.Raters) == 1 {
		return []string{"Skill", "Target", capitalise(p.Lead), "Standing"}
	}
	return append(p.compare.calibrationHeader(), "Standing")
}

// skillAlign aligns the table's columns: the numbers right, the flag and standing left.
func (p *Packet) skillAlign() string {
	n := len(p.skillHeader())
	if len(p.Raters) == 1 {
		return "l" + strings.Repeat("r", n-2) + "l"
	}
	return "l" + strings.Repeat("r", n-3) + "ll"
}

func (p *Packet) skillRow(s PacketSkill, name string) []string {
	if len(p.Raters) == 1 {
		return []string{name, fmtNum(s.Expected), fmtNum(s.Score), s.standingText()}
	}
	return append(p.compare.calibrationRow(s.CompareSkill, name), s.standingText())
}

// standingText is a skill's standing in a cell: "met", "gap 0.5", "not assessed", and
// the manager's where it differs: "gap 1 · manager: met".
func (s PacketSkill) standingText() string {
	text := s.Standing
	if s.Standing == standingGap {
		text = "gap " + num(*s.Gap)
	}
	if s.managerStanding != "" {
		text += " · manager: " + s.managerStanding
	}
	return text
}

// skillScope says how to read the table of skills.
func (p *Packet) skillScope() string {
	t := p.TargetRole
	line := fmt.Sprintf("Every skill %s expects, in the ladder's order. Target is what it expects; standing is met, or how far the %s's score falls short.",
		t.Name, strings.TrimSuffix(AssessmentName(assess.Assessor(p.Lead), ""), "'s assessment"))
	if len(p.managers) == 1 && p.Lead == string(assess.Self) {
		line += " Where the manager's standing differs, it follows."
	}
	if len(p.Raters) > 1 {
		line += " A blind spot is a self-rating a point or more above the others' mean, a hidden strength one a point or more below."
	}
	return line
}

// saidLines are what the raters said of a skill, as quotes: the lead's picks always,
// the others' where they differ or where they gave an example (with it); the lead's own
// example is shown apart (evidenceLine).
func (p *Packet) saidLines(s PacketSkill) []string {
	var out []string
	if len(s.Statements) > 0 {
		out = append(out, capitalise(p.Lead)+" chose: "+quoted(s.Statements))
	}
	for _, pk := range s.Picked {
		if pk.By == p.Lead {
			continue // the lead's picks are above, its example apart
		}
		line := capitalise(pk.By) + " chose: " + quoted(pk.Statements)
		if slices.Equal(pk.Statements, s.Statements) {
			line = capitalise(pk.By) + " chose the same."
		}
		if pk.Evidence != nil {
			line += " Their example: " + *pk.Evidence
		}
		out = append(out, line)
	}
	return out
}

// quoted sets statements in quotes, one after another: “…” “…”.
func quoted(statements []string) string {
	q := make([]string, len(statements))
	for i, st := range statements {
		q[i] = "“" + st + "”"
	}
	return strings.Join(q, " ")
}

// evidenceLine is the lead's example for a skill, or "" without one.
func (s PacketSkill) evidenceLine() string {
	if s.Evidence == nil {
		return ""
	}
	return "Example: " + *s.Evidence
}

// changeRows are the rubric diff between the current role and the target, a row per
// skill: both expectations and what the target's level looks like.
func (p *Packet) changeRows() [][]string {
	var rows [][]string
	for _, s := range p.Diff.Skills {
		rows = append(rows, []string{s.Name, fmtNum(s.From), fmtNum(s.To), strings.Join(s.ToStatements, " ")})
	}
	return rows
}

// trendRows are the trend's dates and readiness.
func (p *Packet) trendRows() [][]string {
	var rows [][]string
	for _, pt := range p.Trend {
		day := "–"
		if pt.Date != nil {
			day = (*pt.Date)[:10]
		}
		rows = append(rows, []string{day, fmtPct(pt.Readiness)})
	}
	return rows
}

// oneAssessment stands for the trend when there is a single assessment.
const oneAssessment = "One assessment so far (%s, %s): the trend starts here."

// trendHeading heads the trend.
func (p *Packet) trendHeading() string {
	return packetTrend + " (toward " + p.TargetRole.Name + ")"
}

// oneAssessmentLine is the trend of a single assessment, or "" with more.
func (p *Packet) oneAssessmentLine() string {
	if len(p.Trend) != 1 {
		return ""
	}
	rows := p.trendRows()
	return fmt.Sprintf(oneAssessment, rows[0][0], rows[0][1])
}

// noPlanLine stands where there is no plan; nothingMissing in the needs when the case
// lacks nothing.
const (
	noPlanLine     = "No development plan yet: pmladder plan new makes one from the gaps."
	nothingMissing = "Nothing: the case is complete on what pmladder can see."
)

// writeMarkdown writes the packet as one Markdown document, in the order a committee
// reads: the summary and what the case still needs, the skills and what each said,
// what would move it, the trend and the plan, then what changes at the next level.
func (p *Packet) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n\n", mdEscape(p.words.title), mdEscape(p.words.byline))
	var rows [][]string
	for _, f := range p.words.facts {
		rows = append(rows, []string{f.label, mdEscape(f.value)})
	}
	mdTable(ew, "ll", []string{"", ""}, rows)
	if p.TargetRole == nil {
		return ew.err
	}
	ew.printf("\n## %s\n\n", packetNeeds)
	if len(p.Missing) == 0 {
		ew.printf("%s\n", nothingMissing)
	}
	for _, m := range p.Missing {
		ew.printf("- %s\n", mdEscape(m))
	}
	ew.printf("\n## %s\n\n%s\n\n", packetSkills, mdEscape(p.skillScope()))
	var skillRows [][]string
	for _, s := range p.Skills {
		name := s.Name
		if s.Core {
			name += " (core)"
		}
		skillRows = append(skillRows, p.skillRow(s, name))
	}
	mdTable(ew, p.skillAlign(), p.skillHeader(), mdEscapeRows(skillRows))
	ew.printf("\n## %s\n", packetSaid)
	for _, s := range p.Skills {
		ew.printf("\n### %s (%s)\n\n", mdEscape(s.Name), mdEscape(s.standingText()))
		for _, l := range p.saidLines(s) {
			ew.printf("- %s\n", mdEscape(l))
		}
		if e := s.evidenceLine(); e != "" {
			ew.printf("- %s\n", mdEscape(e))
		}
	}
	if err := p.WhatIf.markdown(ew, 2); err != nil {
		return err
	}
	ew.printf("\n## %s\n\n", mdEscape(p.trendHeading()))
	if line := p.oneAssessmentLine(); line != "" {
		ew.printf("%s\n", line)
	} else {
		mdTable(ew, "lr", []string{"Date", "Readiness"}, p.trendRows())
	}
	ew.printf("\n## %s\n\n", packetPlan)
	if p.plan == nil {
		ew.printf("%s\n", noPlanLine)
	} else {
		ew.printf("%s\n\n", mdEscape(p.plan.meta(Options{})))
		for _, g := range p.plan.Goals {
			ew.printf("- %s\n", mdEscape(p.plan.goalLine(g)))
		}
	}
	if d := p.Diff; d != nil {
		ew.printf("\n## %s\n\n", mdEscape(fmt.Sprintf(packetChanges, d.From.Name, d.To.Name)))
		if len(d.Skills) == 0 {
			ew.printf("%s expects what %s does.\n", mdEscape(d.To.Name), mdEscape(d.From.Name))
		} else {
			mdTable(ew, "lrrl", []string{"Skill", mdEscape(d.From.Name), mdEscape(d.To.Name), "What " + mdEscape(d.To.Name) + " looks like"}, mdEscapeRows(p.changeRows()))
		}
	}
	return ew.err
}
