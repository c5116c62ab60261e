package reports

import (
	"fmt"
	"io"
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
	// Missing says, in a committee's words, what the case still lacks.
	Missing []string `json:"missing"`

	compare *Compare
	lead    *assess.Result
	plan    *PlanView
	trend   *Trend
	words   packetWords
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
	// Picked is the calibration's (where the raters differ), listed even when empty.
	Picked   []PickedJSON `json:"picked"`
	Evidence *string      `json:"evidence"`
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
			Score: roundPtr(sk.Score), Standing: standingMet, Statements: nonNilStrings(lead.Answers.Said(r, sk.Skill)),
			Picked: s.Picked, Evidence: lead.Answers.EvidenceFor(s.ID)}
		if ps.Picked == nil {
			ps.Picked = []PickedJSON{}
		}
		switch {
		case sk.Score == nil:
			ps.Standing = standingUnassessed
		case sk.Gap != nil && *sk.Gap > 0:
			ps.Standing, ps.Gap = standingGap, roundPtr(sk.Gap)
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
	p.words = newPacketWords(p, r)
	p.Missing = p.words.missing
	return p
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
	packetChanges = "What changes at %s"
	packetSkills  = "Skill by skill"
	packetSaid    = "What each said, and the evidence"
	packetTrend   = "Readiness over time"
	packetPlan    = "Development plan"
	packetMissing = "Still missing"
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
	w.byline = "From the " + words.Series(p.raterNames(), "and") + " · " + rubricLabel(p.Rubric)

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
	w.facts = append(w.facts, fact{label: labelTarget, value: t.Name})
	pass := num(r.Scoring.Pass) + "%"
	ready := fmt.Sprintf("%s · %d of %d expectations met (%s holds the role)", fmtPct(t.Readiness), t.Met, t.Total, pass)
	if p.Lead != string(assess.Self) || len(p.Raters) > 1 {
		ready = fmt.Sprintf("%s by the %s · %d of %d expectations met (%s holds the role)", fmtPct(t.Readiness), AssessmentName(assess.Assessor(p.Lead), ""), t.Met, t.Total, pass)
	}
	w.facts = append(w.facts, fact{label: labelReadiness, value: ready, readiness: true})
	if p.compare.managers > 0 && p.Lead == string(assess.Self) {
		w.facts = append(w.facts, fact{label: "Manager's view", value: "readiness " + fmtPct(p.Readiness["manager"])})
	}
	if t.Holds {
		w.facts = append(w.facts, fact{label: labelNote, value: "The " + AssessmentName(assess.Assessor(p.Lead), "") + " holds " + t.Name + " already"})
	}
	w.peers = p.peersLine()
	if w.peers != "" {
		w.facts = append(w.facts, fact{label: "Peers", value: w.peers})
	}
	w.missing = p.missingLines(r)
	return w
}

// raterNames names the assessments in the packet: "self-assessment of 2026-11-22,
// manager's assessment (Grace Hopper) of 2026-11-23 and 3 peers".
func (p *Packet) raterNames() []string {
	var out []string
	peers := 0
	for _, ref := range p.Raters {
		if ref.Assessor == string(assess.Peer) {
			peers++
			continue
		}
		name := AssessmentName(assess.Assessor(ref.Assessor), deref(ref.Rater))
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

// missingLines says what the case lacks, most important first: the gaps, what was not
// assessed, a second view, the evidence, the plan.
func (p *Packet) missingLines(r *rubric.Rubric) []string {
	t := p.TargetRole
	var out []string
	var gaps, unassessed, noEvidence, blind []string
	for _, g := range p.lead.Gaps { // the most urgent first (rule 5)
		gaps = append(gaps, fmt.Sprintf("%s (%s of %s)", g.Skill.Name, num(Round(g.Score)), num(Round(g.Expected))))
	}
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
	if !t.Holds {
		line := fmt.Sprintf("Readiness is %s; %s%% holds %s.", fmtPct(t.Readiness), num(r.Scoring.Pass), t.Name)
		const named = 5 // the table above has every one
		switch n := len(gaps); {
		case n > named:
			line = fmt.Sprintf("%s %d skills are below what %s expects, the most urgent %s; and %d more (above).", line, n, t.Name, strings.Join(gaps[:named], "; "), n-named)
		case n > 0:
			line = fmt.Sprintf("%s %s below what %s expects: %s.", line, countOf(n, "skill is", "skills are"), t.Name, strings.Join(gaps, "; "))
		}
		out = append(out, line)
	}
	if len(unassessed) > 0 {
		out = append(out, fmt.Sprintf("Not assessed, though %s expects %s: %s. Answer these questions before the conversation.",
			t.Name, words.Plural(len(unassessed), "it", "them"), strings.Join(unassessed, ", ")))
	}
	if p.compare.managers == 0 {
		out = append(out, "No manager's view: a committee asks for one. Ask the manager to run pmladder assess --assessor manager for this person.")
	}
	switch n := p.compare.peers; {
	case n == 0:
		out = append(out, fmt.Sprintf("No peers' view: ask at least %d peers (pmladder template --assessor peer makes them a sheet).", p.MinPeers))
	case n < p.MinPeers:
		out = append(out, fmt.Sprintf("Peers' view: %s of the %d needed to show their ratings as a group.", countOf(n, "peer", "peers"), p.MinPeers))
	}
	if len(blind) > 0 {
		out = append(out, fmt.Sprintf("The others rate %s a point or more below the self-assessment: bring an example that shows the level, or agree on the rating first.", strings.Join(blind, ", ")))
	}
	switch {
	case len(noEvidence) > 0 && len(noEvidence) == assessed:
		out = append(out, "No rating has an example behind it yet, and a committee weighs a rating by its example: add one per skill (the interview asks after each skill; an answers file takes evidence: {skill-id: text}).")
	case len(noEvidence) > 0:
		out = append(out, fmt.Sprintf("No example yet for %s: a committee weighs a rating by the example behind it.", strings.Join(noEvidence, ", ")))
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
			out = append(out, "Plan goals behind: "+strings.Join(late, ", ")+".")
		}
	}
	if len(p.Trend) < 2 {
		out = append(out, "One assessment so far: a second, a few months on, shows the trend a committee looks for.")
	}
	return out
}

// skillHeader and skillRow are the packet's table of skills: the calibration's columns
// (compare) and the lead's standing.
// With one rater there is nothing to calibrate: the table is the score against the
// expectation.
func (p *Packet) skillHeader() []string {
	if len(p.Raters) == 1 {
		return []string{"Skill", "Target", capitalise(p.Lead), "Standing"}
	}
	return append(p.compare.calibrationHeader(), "Standing")
}

func (p *Packet) skillRow(s PacketSkill, name string) []string {
	if len(p.Raters) == 1 {
		return []string{name, fmtNum(s.Expected), fmtNum(s.Score), s.standingText()}
	}
	return append(p.compare.calibrationRow(s.CompareSkill, name), s.standingText())
}

// standingText is a skill's standing in a cell: "met", "gap 0.5", "not assessed".
func (s PacketSkill) standingText() string {
	if s.Standing == standingGap {
		return "gap " + num(*s.Gap)
	}
	return s.Standing
}

// skillScope says how to read the table of skills.
func (p *Packet) skillScope() string {
	t := p.TargetRole
	line := fmt.Sprintf("Every skill %s expects. Target is its expectation; standing holds the %s's score against it.",
		t.Name, strings.TrimSuffix(AssessmentName(assess.Assessor(p.Lead), ""), "'s assessment"))
	if len(p.Raters) > 1 {
		line += " A blind spot is a self-rating a point or more above the others' mean, a hidden strength one a point or more below."
	}
	if p.words.peers != "" && p.compare.peersLeftOut {
		line += " " + capitalise(p.words.peers) + "."
	}
	return line
}

// saidLines are what the raters said of a skill: the lead's statements always, the
// others' where they differ (with their evidence).
func (p *Packet) saidLines(s PacketSkill) []string {
	var out []string
	leadName := capitalise(p.Lead)
	if len(s.Statements) > 0 && !slicesContainsBy(s.Picked, p.Lead) {
		out = append(out, leadName+": "+strings.Join(s.Statements, " / "))
	}
	return append(out, pickedLines(s.CompareSkill)...)
}

// evidenceLine is a skill's evidence as a line of its own.
func (s PacketSkill) evidenceLine() string {
	if s.Evidence != nil {
		return "Evidence: " + *s.Evidence
	}
	return "Evidence: " + noEvidence
}

// slicesContainsBy reports whether one of the picked was said by assessor by.
func slicesContainsBy(picked []PickedJSON, by string) bool {
	for _, p := range picked {
		if p.By == by {
			return true
		}
	}
	return false
}

// changeRows are the rubric diff between the current role and the target, a row per
// skill: both expectations and what the target's level looks like.
func (p *Packet) changeRows() [][]string {
	var rows [][]string
	for _, s := range p.Diff.Skills {
		rows = append(rows, []string{s.Name, fmtNum(s.From), fmtNum(s.To), strings.Join(s.ToStatements, " / ")})
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

// noPlanLine stands where there is no plan.
const noPlanLine = "No development plan yet: pmladder plan new makes one from the gaps."

// writeMarkdown writes the packet as one Markdown document.
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
	if p.Diff != nil {
		ew.printf("\n## %s\n\n", mdEscape(fmt.Sprintf(packetChanges, p.TargetRole.Name)))
		if len(p.Diff.Skills) == 0 {
			ew.printf("%s expects what %s does.\n", mdEscape(p.Diff.To.Name), mdEscape(p.Diff.From.Name))
		} else {
			mdTable(ew, "lrrl", []string{"Skill", mdEscape(p.Diff.From.Name), mdEscape(p.Diff.To.Name), "What " + mdEscape(p.Diff.To.Name) + " looks like"}, mdEscapeRows(p.changeRows()))
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
	h := p.skillHeader()
	mdTable(ew, "l"+strings.Repeat("r", len(h)-3)+"ll", h, mdEscapeRows(skillRows))
	ew.printf("\n## %s\n", packetSaid)
	for _, s := range p.Skills {
		ew.printf("\n### %s (%s)\n\n", mdEscape(s.Name), mdEscape(s.standingText()))
		for _, l := range append(p.saidLines(s), s.evidenceLine()) {
			ew.printf("- %s\n", mdEscape(l))
		}
	}
	ew.printf("\n## %s\n\n", mdEscape(packetTrend+" (toward "+p.TargetRole.Name+")"))
	mdTable(ew, "lr", []string{"Date", "Readiness"}, p.trendRows())
	ew.printf("\n## %s\n\n", packetPlan)
	if p.plan == nil {
		ew.printf("%s\n", noPlanLine)
	} else {
		ew.printf("%s\n\n", mdEscape(p.plan.meta(Options{})))
		for _, g := range p.plan.Goals {
			ew.printf("- %s\n", mdEscape(p.plan.goalLine(g)))
		}
	}
	ew.printf("\n## %s\n\n", packetMissing)
	if len(p.Missing) == 0 {
		ew.printf("Nothing: the case is complete on what pmladder can see.\n")
	}
	for _, m := range p.Missing {
		ew.printf("- %s\n", mdEscape(m))
	}
	return ew.err
}

// mdEscapeRows escapes every cell of rows for a Markdown table.
func mdEscapeRows(rows [][]string) [][]string {
	for _, row := range rows {
		for i := range row {
			row[i] = mdEscape(row[i])
		}
	}
	return rows
}
