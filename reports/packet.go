package reports

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/printable"
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
	// Missing says, in a committee's words, what the case still lacks; ToDo what to do
	// before the packet is shared (the commands that fill the gaps in it).
	Missing []string `json:"missing"`
	ToDo    []string `json:"to_do"`

	compare *Compare
	lead    *assess.Result
	// leadFile is the lead's file when it was given (not the latest saved one), and
	// disagreements counts the skills where the one manager's standing differs.
	leadFile      string
	disagreements int
	// managers are the managers' results, toward the lead's target; manager is the
	// latest of them when the lead is the person's own view (nil otherwise), whose
	// standing is shown beside it.
	managers []*assess.Result
	manager  *assess.Result
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
	// Peers are the peers' ratings as a group: their mean and how many, never their
	// range, which with the mean of three gives each rating away.
	Peers *PacketPeers `json:"peers"`

	// managerStanding is the one manager's standing where it is not the lead's: "met",
	// "gap 1". Shown beside the lead's.
	managerStanding string
}

// PacketPeers are the peers' ratings of a skill as a group.
type PacketPeers struct {
	Mean float64 `json:"mean"`
	N    int     `json:"n"`
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
	// LeadFile is the lead's file when the files were given, for the commands the
	// packet suggests ("" when it is the latest saved assessment).
	LeadFile string
}

// NewPacket builds the packet from its parts.
func NewPacket(parts PacketParts) *Packet {
	c := parts.Raters
	lead := c.New
	r := lead.Rubric
	compared := NewCompare(c, true)
	p := &Packet{Format: PacketFormat, Person: lead.Answers.Person, Rubric: RubricInfo{Name: r.Name, Version: r.Version, SHA256: r.SHA256},
		Lead: string(lead.Answers.Assessor), Readiness: compared.Readiness, Raters: compared.Raters, MinPeers: c.MinPeers,
		Skills: []PacketSkill{}, Trend: []PacketPoint{}, Missing: []string{}, ToDo: []string{},
		compare: compared, lead: lead, plan: parts.Plan, trend: parts.Trend, leadFile: parts.LeadFile}
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
			// The manager whose standing is set beside the person's own: the latest.
			if lead.Answers.Assessor == assess.Self && (p.manager == nil || res.Answers.Date.After(p.manager.Answers.Date)) {
				p.manager = res
			}
		}
	}
	compared.hideOthers, compared.peerMeanOnly = true, true
	compared.noSelf = lead.Answers.Assessor != assess.Self
	views := map[string]CompareSkill{} // every skill: the raters were compared with All
	for _, s := range compared.Skills {
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
		if g := s.Peers; g != nil {
			ps.Peers = &PacketPeers{Mean: g.Mean, N: g.N}
		}
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
		if p.manager != nil {
			ms := &p.manager.Skills[i]
			standing, _ := standingOf(ms)
			if standing != ps.Standing {
				p.disagreements++
			}
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
	p.WhatIf = newWhatIf(parts.WhatIf, r, p.voice())
	if p.WhatIf == nil { // no target: the keys are there for a script, empty
		p.WhatIf = &WhatIf{Lines: []WhatIfLine{}}
	}
	// What each step asks is in the rubric diff and what each picked: the packet's
	// what-if keeps to the moves, so that it prints short. A move on a skill the manager
	// rates met already says so: it may be a rating to agree rather than work to do.
	managerMet := p.managerMet()
	const agreed = " (the manager rates it met already)"
	for i := range p.WhatIf.words.Lines {
		p.WhatIf.words.Lines[i].Statements = nil
		if managerMet[p.WhatIf.Lines[i].Skill] {
			p.WhatIf.words.Lines[i].Outcome += agreed
		}
	}
	for i, m := range p.WhatIf.Fewest {
		if managerMet[m.Skill] {
			p.WhatIf.words.Fewest[i] += agreed
		}
	}
	p.words = newPacketWords(p, r)
	p.Missing, p.ToDo = nonNilStrings(p.words.missing), nonNilStrings(p.words.toDo)
	return p
}

// voice is who the packet's what-if speaks of: the person by name (the committee reads
// it), raising their own answers or the manager's ratings of them.
func (p *Packet) voice() whatIfVoice {
	who := p.Person
	if who == "" {
		who = "the person"
	}
	if p.Lead == string(assess.Self) {
		return whatIfVoice{Who: who, Answers: who + "'s answers"}
	}
	return whatIfVoice{Who: who, Answers: "the manager's ratings"}
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
	// missing is what the case still lacks, each a sentence for a committee; toDo what
	// to do before sharing the packet.
	missing, toDo []string
}

// Headings of the packet, the same in every format.
const (
	packetNeeds   = "What the case still needs"
	packetToDo    = "Before you share it"
	packetChanges = "What changes from %s to %s"
	packetSkills  = "Skill by skill"
	packetSaid    = "What each picked, and the examples"
	packetTrend   = "Readiness over time"
	packetPlan    = "Development plan"
)

// raterView is one rater's result as the packet weighs it: the lead's, or the one manager's.
type raterView struct {
	name  string // "the self-assessment", "the manager's"
	label string // "self", "manager"
	res   *assess.Result
}

// views are the results the verdict weighs: the lead's, and the one manager's when the
// lead is the self-assessment (several managers are shown by their mean only).
func (p *Packet) views() []raterView {
	out := []raterView{{"the " + AssessmentName(assess.Assessor(p.Lead), ""), p.Lead, p.lead}}
	if p.manager != nil {
		out = append(out, raterView{p.managerPossessive(), string(assess.Manager), p.manager})
	}
	return out
}

// coreShort are the core skills below the target's expectation in a result.
func coreShort(res *assess.Result) []assess.Gap {
	var out []assess.Gap
	for _, g := range res.Gaps {
		if g.Skill.Core {
			out = append(out, g)
		}
	}
	return out
}

// verdict says in one sentence whether the person meets the bar for the target, by
// each view.
func (p *Packet) verdict() string {
	t := p.TargetRole
	var meets, below []string
	for _, v := range p.views() {
		line := fmt.Sprintf("%s (%s", v.name, fmtPct(v.res.Target.Readiness))
		if n := len(coreShort(v.res)); n > 0 && !v.res.Target.Holds {
			line += ", " + countOf(n, "core skill", "core skills") + " short"
		}
		line += ")"
		if v.res.Target.Holds {
			meets = append(meets, line)
		} else {
			below = append(below, line)
		}
	}
	switch {
	case len(below) == 0:
		return fmt.Sprintf("Meets the bar for %s by %s.", t.Name, words.Series(meets, "and"))
	case len(meets) == 0:
		return fmt.Sprintf("Not ready yet: below the bar for %s by %s.", t.Name, words.Series(below, "and"))
	}
	return fmt.Sprintf("The views differ: %s meets the bar for %s, %s does not.", words.Series(meets, "and"), t.Name, words.Series(below, "and"))
}

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

	t := p.TargetRole
	if t == nil {
		w.facts = append(w.facts, fact{label: labelTarget, value: "none: this ladder has no role to aim for from here"})
		return w
	}
	w.facts = append(w.facts, fact{label: "Verdict", value: p.verdict()})
	current := "not known: no ladder role is held yet on these answers"
	if p.CurrentRole != nil {
		current = p.CurrentRole.Name
	}
	w.facts = append(w.facts, fact{label: labelCurrent, value: current},
		fact{label: labelTarget, value: fmt.Sprintf("%s · the bar: %s%% of its expectations (weighted by skill) and every core skill met", t.Name, num(r.Scoring.Pass))})
	by := ""
	if len(p.Raters) > 1 {
		by = ", by the " + AssessmentName(assess.Assessor(p.Lead), "")
	}
	w.facts = append(w.facts, fact{label: labelReadiness, value: fmt.Sprintf("%s · %d of %d expectations met%s", fmtPct(t.Readiness), t.Met, t.Total, by), readiness: true})
	if m := p.manager; m != nil {
		value := fmt.Sprintf("%s · %d of %d expectations met", fmtPct(m.Target.Readiness), m.Target.Met, m.Target.Total)
		label := "Manager's view"
		if n := len(p.managers); n > 1 {
			label = "Managers' view"
			value = fmt.Sprintf("%s (the mean of %d); the latest, %s: %s", fmtPct(p.Readiness["manager"]), n, raterOrUnnamed(m.Answers.Rater), value)
		}
		w.facts = append(w.facts, fact{label: label, value: value})
	}
	w.facts = append(w.facts, fact{label: labelAnswered, value: fmt.Sprintf("%d of %d questions", p.lead.Answered, p.lead.Questions)})
	if peers := p.peersLine(); peers != "" {
		w.facts = append(w.facts, fact{label: "Peers", value: peers})
	}
	w.missing, w.toDo = p.missingLines(r)
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
		return fmt.Sprintf("%s, shown as a group (their mean), never one by one", countOf(n, "peer", "peers"))
	case n < p.MinPeers:
		return fmt.Sprintf("%s rated; at least %d are needed before their view is shown, so their ratings are left out of every number", countOf(n, "peer", "peers"), p.MinPeers)
	}
	return fmt.Sprintf("%s, shown as a group (their mean) where at least %d rated a skill; elsewhere their ratings are left out", countOf(n, "peer", "peers"), p.MinPeers)
}

// gapPhrase is a gap in a sentence: "Strategy (1.5, expects 3)".
func gapPhrase(g assess.Gap) string {
	return fmt.Sprintf("%s (%s, expects %s)", g.Skill.Name, num(Round(g.Score)), num(Round(g.Expected)))
}

// missingLines says what the case lacks, what decides it first — the level, the core
// skills by every view, the readiness, where the manager sees it otherwise, what was not
// assessed or answered, the peers, the examples, the plan, the trend — and, apart, what
// to do before sharing the packet.
func (p *Packet) missingLines(r *rubric.Rubric) (missing, toDo []string) {
	t := p.TargetRole
	missing = append(missing, p.levelLines(r)...)
	missing = append(missing, p.coreLine()...)
	managerMet := p.managerMet()
	if !t.Holds {
		var gaps []string // not core (above), not contested by the manager (below)
		for _, g := range p.lead.Gaps {
			if !g.Skill.Core && !managerMet[g.Skill.ID] {
				gaps = append(gaps, gapPhrase(g))
			}
		}
		line := fmt.Sprintf("Readiness is %s; the bar is %s%%.", fmtPct(t.Readiness), num(r.Scoring.Pass))
		const named = 5 // the table has every one
		switch n := len(gaps); {
		case n > named:
			line = fmt.Sprintf("%s Below what %s expects, the most urgent first: %s; and %d more (below).", line, t.Name, strings.Join(gaps[:named], "; "), n-named)
		case n > 0:
			line = fmt.Sprintf("%s Also below what %s expects: %s.", line, t.Name, strings.Join(gaps, "; "))
		}
		missing = append(missing, line)
	}
	missing = append(missing, p.managerLines()...)
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
		// A blind spot the manager's line names already is not said twice.
		if s.Flag != nil && *s.Flag == assess.BlindSpot && !(s.Standing == standingMet && strings.HasPrefix(s.managerStanding, standingGap)) {
			blind = append(blind, s.Name)
		}
	}
	if len(unassessed) > 0 {
		missing = append(missing, fmt.Sprintf("Not assessed, though %s expects %s: %s.",
			t.Name, words.Plural(len(unassessed), "it", "them"), strings.Join(unassessed, "; ")))
		toDo = append(toDo, "Answer the questions on "+strings.Join(unassessed, "; ")+".")
	}
	if partly := p.partlyAnswered(); len(partly) > 0 {
		missing = append(missing, fmt.Sprintf("Scored on some of their questions only (a score is the mean of those answered): %s.", strings.Join(partly, "; ")))
	}
	if p.lead.Answers.Quick {
		missing = append(missing, "A quick assessment (one question per skill): a committee weighs a full one more.")
		toDo = append(toDo, "Answer every question: pmladder assess (without --quick).")
	}
	if p.Lead != string(assess.Self) {
		missing = append(missing, "No self-assessment: the person's own view is not in the packet.")
		toDo = append(toDo, "The person assesses themselves: pmladder assess.")
	}
	if len(p.managers) == 0 {
		missing = append(missing, "No manager's view, which a committee asks for.")
		toDo = append(toDo, "The manager rates the person: pmladder assess --assessor manager --name NAME.")
	}
	switch n := p.compare.peers; {
	case n == 0:
		missing = append(missing, "No peers' view.")
		toDo = append(toDo, fmt.Sprintf("Ask at least %d peers: pmladder template --assessor peer makes each a sheet.", p.MinPeers))
	case n < p.MinPeers:
		missing = append(missing, fmt.Sprintf("%s of the %d needed to show the peers' view.", countOf(n, "peer", "peers"), p.MinPeers))
		toDo = append(toDo, fmt.Sprintf("Ask %s more (pmladder template --assessor peer makes each a sheet).", countOf(p.MinPeers-n, "peer", "peers")))
	}
	if len(blind) > 0 {
		missing = append(missing, fmt.Sprintf("The others rate %s a point or more below the self-assessment: bring an example that shows the level, or agree the rating first.", strings.Join(blind, "; ")))
	}
	switch {
	case len(noEvidence) > 0 && len(noEvidence) == assessed:
		missing = append(missing, "No rating has an example behind it, and a committee weighs a rating by its example.")
		toDo = append(toDo, "Add an example per skill: the interview asks after each one; an answers file takes evidence: {skill-id: text}.")
	case len(noEvidence) > 0:
		missing = append(missing, fmt.Sprintf("No example yet for %s: a committee weighs a rating by the example behind it.", strings.Join(noEvidence, "; ")))
		toDo = append(toDo, "Add an example for "+strings.Join(noEvidence, "; ")+" (evidence: {skill-id: text} in the answers file).")
	}
	if p.disagreements > 0 {
		toDo = append(toDo, fmt.Sprintf("Talk through with %s the %s where the views differ (above).", p.managerName(), words.Plural(p.disagreements, "skill", "skills")))
	}
	if p.plan == nil {
		if len(p.lead.Gaps) > 0 {
			missing = append(missing, "No development plan.")
			toDo = append(toDo, "Make a development plan from the gaps: pmladder plan new"+p.fromFlag()+".")
		}
	} else {
		var late []string
		for _, g := range p.plan.Goals {
			if g.Status == assess.GoalOverdue || g.Status == assess.GoalStalled {
				late = append(late, g.Name+" ("+g.Status+")")
			}
		}
		if len(late) > 0 {
			missing = append(missing, "Plan goals behind: "+strings.Join(late, "; ")+".")
		}
	}
	if len(p.Trend) < 2 {
		missing = append(missing, "One assessment so far: a committee looks for a trend.")
		toDo = append(toDo, "Assess again in a few months: the packet then shows the readiness over time.")
	}
	return missing, toDo
}

// planMeta says when the plan was made and what it is held against, and the role it
// aims at when that is not the packet's target.
func (p *Packet) planMeta() string {
	line := p.plan.meta(Options{})
	if t := p.plan.TargetRole; t != nil && p.TargetRole != nil && t.ID != p.TargetRole.ID {
		line += " · it aims at " + t.Name + ", not " + p.TargetRole.Name
	}
	return line
}

// fromFlag is " --from FILE" naming the lead's file, for a command that reads it; "" when
// the lead is the person's latest saved assessment, which such a command reads anyway.
func (p *Packet) fromFlag() string {
	if p.leadFile == "" {
		return ""
	}
	return " --from " + printable.ShellWord(p.leadFile)
}

// levelLines say when the target is no promotion (the current role itself) or more than
// one (two levels or more above, or on another track): committees weigh one level.
func (p *Packet) levelLines(r *rubric.Rubric) []string {
	cur, t := p.lead.Current, p.lead.Target.Role
	if cur == nil {
		return nil
	}
	next := ""
	for _, n := range p.lead.NextRoles {
		if !n.Lateral {
			next = n.Role.Name + " (--target " + n.Role.ID + ")"
			break
		}
	}
	switch {
	case cur == t:
		line := t.Name + " is the current role: this is no promotion case."
		if next != "" {
			line += " The next role is " + next + "."
		}
		return []string{line}
	case !cur.IsLadder() || !t.IsLadder():
		return nil
	}
	if t.Level < cur.Level {
		line := fmt.Sprintf("%s is below the current role, %s: this is no promotion case.", t.Name, cur.Name)
		if next != "" {
			line += " The next role is " + next + "."
		}
		return []string{line}
	}
	var lines []string
	if d := t.Level - cur.Level; d >= 2 {
		line := fmt.Sprintf("%s is %d levels above %s: a committee weighs one level at a time.", t.Name, d, cur.Name)
		if next != "" {
			line += " The next role is " + next + "."
		}
		lines = append(lines, line)
	}
	if p.Track != nil && !t.OnTrack(*p.Track) {
		for _, id := range t.Tracks {
			if tr := r.Track(id); tr != nil {
				lines = append(lines, fmt.Sprintf("%s is on the %s track, and these answers on the %s: --track %s weighs them on the target's.",
					t.Name, tr.Name, packetTrack(p, r), tr.ID))
				break
			}
		}
	}
	return lines
}

// coreLine names the core skills below the target's expectation by any view, with each
// view's score: a role needs every one, whatever the readiness.
func (p *Packet) coreLine() []string {
	vs := p.views()
	type short struct {
		name     string
		expected float64
		by       []string
	}
	var order []string
	shorts := map[string]*short{}
	for _, v := range vs {
		for _, g := range coreShort(v.res) {
			s := shorts[g.Skill.ID]
			if s == nil {
				s = &short{name: g.Skill.Name, expected: g.Expected}
				shorts[g.Skill.ID] = s
				order = append(order, g.Skill.ID)
			}
			s.by = append(s.by, v.label+" "+num(Round(g.Score)))
		}
	}
	if len(order) == 0 {
		return nil
	}
	var items []string
	for _, id := range order {
		s := shorts[id]
		by := strings.Join(s.by, ", ") // "self 3.67, manager 3.33"
		if len(vs) == 1 {
			by = strings.TrimPrefix(by, vs[0].label+" ") // one view: its score alone
		}
		items = append(items, fmt.Sprintf("%s (%s, expects %s)", s.name, by, num(Round(s.expected))))
	}
	return []string{fmt.Sprintf("Core %s below the bar, and %s needs every one whatever the readiness: %s.",
		words.Plural(len(order), "skill", "skills"), p.TargetRole.Name, strings.Join(items, "; "))}
}

// partlyAnswered names the target's skills the lead scored on some of their questions
// only: "Customer and market insight (2 of 3 questions)".
func (p *Packet) partlyAnswered() []string {
	var out []string
	for i := range p.lead.Skills {
		sk := &p.lead.Skills[i]
		if sk.ExpectedTarget == nil || sk.Score == nil {
			continue
		}
		if n := len(sk.Skill.Questions); sk.Answered() < n {
			out = append(out, fmt.Sprintf("%s (%d of %d questions)", sk.Skill.Name, sk.Answered(), n))
		}
	}
	return out
}

// managerLines are where the one manager's view of a skill is not the lead's: the gaps
// the manager sees and the lead does not, and the other way round.
func (p *Packet) managerLines() []string {
	if p.manager == nil {
		return nil
	}
	who := capitalise(p.managerName())
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
		out = append(out, fmt.Sprintf("%s sees a gap where the self-assessment does not: %s. Talk it through before the committee does.", who, strings.Join(sees, "; ")))
	}
	if len(met) > 0 {
		out = append(out, fmt.Sprintf("%s rates %s as met, where the self-assessment has a gap: agree the rating before planning work on %s.",
			who, strings.Join(met, "; "), words.Plural(len(met), "it", "them")))
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

// numberColumns counts the columns of numbers in the table of skills, after the skill's
// name: all but the standing and, when self is rated against others, the flag.
func (p *Packet) numberColumns() int {
	n := len(p.skillHeader()) - 2
	if len(p.Raters) > 1 && !p.compare.noSelf {
		n-- // the flag
	}
	return n
}

// skillAlign aligns the table's columns: the numbers right, the flag and standing left.
func (p *Packet) skillAlign() string {
	n := p.numberColumns()
	return "l" + strings.Repeat("r", n) + strings.Repeat("l", len(p.skillHeader())-1-n)
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
	if p.manager != nil {
		line += " Where " + p.managerPossessive() + " standing differs, it follows."
	}
	if len(p.Raters) > 1 && p.Lead == string(assess.Self) {
		line += " A blind spot is a self-rating a point or more above the others' mean, a hidden strength one a point or more below."
	}
	return line
}

// saidLines are what the raters picked for a skill, as quotes of the ladder's
// statements: the lead's always, the others' where they differ or where they wrote a
// note (with it); the lead's own example is shown apart (evidenceLine).
func (p *Packet) saidLines(s PacketSkill) []string {
	var out []string
	if len(s.Statements) > 0 {
		out = append(out, p.raterLabel(p.Lead)+" picked: "+quoted(s.Statements))
	}
	for _, pk := range s.Picked {
		if pk.By == p.Lead {
			continue // the lead's picks are above, its example apart
		}
		line := p.raterLabel(pk.By) + " picked: " + quoted(pk.Statements)
		if slices.Equal(pk.Statements, s.Statements) {
			line = p.raterLabel(pk.By) + " picked the same."
		}
		if pk.Evidence != nil {
			line += " Note: " + *pk.Evidence
		}
		out = append(out, line)
	}
	return out
}

// managerName is the manager whose standing is shown: "the manager (Priya Raman)", or
// among several "the latest manager (Priya Raman)".
func (p *Packet) managerName() string {
	rater := p.manager.Answers.Rater
	switch {
	case len(p.managers) > 1:
		return "the latest manager (" + raterOrUnnamed(rater) + ")"
	case rater != "":
		return "the manager (" + rater + ")"
	}
	return "the manager"
}

// managerMet are the skills the manager rates met where the lead has a gap.
func (p *Packet) managerMet() map[string]bool {
	met := map[string]bool{}
	for _, s := range p.Skills {
		if s.managerStanding == standingMet {
			met[s.ID] = true
		}
	}
	return met
}

// managerPossessive is "the manager's", or among several "the latest manager's, Priya
// Raman's".
func (p *Packet) managerPossessive() string {
	if len(p.managers) > 1 && p.manager.Answers.Rater != "" {
		return "the latest manager's, " + p.manager.Answers.Rater + "'s"
	}
	if len(p.managers) > 1 {
		return "the latest manager's"
	}
	return "the manager's"
}

// raterOrUnnamed is a rater's name, or says there is none.
func raterOrUnnamed(rater string) string {
	if rater == "" {
		return "unnamed"
	}
	return rater
}

// raterLabel names who picked: "Self", "Manager (Priya Raman)" for the one named
// manager, "Manager (NAME)" or "Manager 2" among several.
func (p *Packet) raterLabel(by string) string {
	if by == string(assess.Manager) && len(p.managers) == 1 && p.managers[0].Answers.Rater != "" {
		return "Manager (" + p.managers[0].Answers.Rater + ")"
	}
	return capitalise(by)
}

// quoted sets statements in quotes, one after another: “…” “…”.
func quoted(statements []string) string {
	q := make([]string, len(statements))
	for i, st := range statements {
		q[i] = "“" + st + "”"
	}
	return strings.Join(q, " ")
}

// evidenceLabel names the lead's examples: the person's own, or the manager's notes.
func (p *Packet) evidenceLabel() string {
	if p.Lead == string(assess.Self) {
		return "Example"
	}
	return "Manager's note"
}

// evidenceLine is the lead's example for a skill, or "" without one.
func (p *Packet) evidenceLine(s PacketSkill) string {
	if s.Evidence == nil {
		return ""
	}
	return p.evidenceLabel() + ": " + *s.Evidence
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
	if len(p.ToDo) > 0 {
		ew.printf("\n## %s\n\n", packetToDo)
		for _, m := range p.ToDo {
			ew.printf("- %s\n", mdEscape(m))
		}
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
		if e := p.evidenceLine(s); e != "" {
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
		ew.printf("%s\n\n", mdEscape(p.planMeta()))
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
