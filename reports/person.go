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

// Person is one person's report as every format shows it (assess, report): the JSON
// model, the rubric it was scored against for names and statements, the standing the
// long CSV rows are made from, and the report's words, phrased once for who answered.
type Person struct {
	rep   *Report
	r     *rubric.Rubric
	st    *assess.Standing
	words personWords
	// whatIf is the what-if section (report --what-if), nil without it.
	whatIf *WhatIf
}

// NewPerson is the report of a scored assessment.
func NewPerson(res *assess.Result) *Person {
	p := &Person{rep: NewReport(res), r: res.Rubric, st: &res.Standing}
	p.words = newPersonWords(p.rep, p.r)
	return p
}

// WithWhatIf adds the what-if toward the target (docs/scoring.md, rule 16) to the
// report, worded for who answered. A result without a target has none to show, but the
// report still says so and its JSON still has the keys: a script that asked for them
// finds them.
func (p *Person) WithWhatIf(wi *assess.WhatIfs) *Person {
	p.whatIf = newWhatIf(wi, p.r, reportVoice(p.rep.Assessor == string(assess.Self)))
	if p.whatIf == nil {
		p.whatIf = &WhatIf{Lines: []WhatIfLine{}, words: whatIfWords{Heading: headingWhatIf,
			Intro: "There is no target role to take steps toward: this ladder has no role to aim for from here."}}
	}
	return p
}

func (p *Person) writeJSON(w io.Writer) error {
	if p.whatIf == nil {
		return WriteJSON(w, p.rep)
	}
	// The report's keys, then the what-if's two at the end (docs/formats.md).
	return WriteJSON(w, struct {
		*Report
		*WhatIf
	}{p.rep, p.whatIf})
}

func (p *Person) writeCSV(w io.Writer, excel bool) error { return writeStandingCSV(w, p.st, excel) }

// writeStandingCSV writes one person in the long CSV format.
func writeStandingCSV(w io.Writer, st *assess.Standing, excel bool) error {
	rows := newStandingRows(excel)
	rows.header()
	rows.add(st)
	out := rows.cw.Take(nil)
	if excel {
		out = append([]byte(byteOrderMark), out...)
	}
	_, err := w.Write(out)
	return err
}

// The labels and headings of a person's report: the table, Markdown and HTML print
// these, so that a label reads the same in each.
const (
	labelCurrent   = "Current role"
	labelEstimated = "Estimated role"
	labelTarget    = "Target role"
	labelReadiness = "Readiness"
	labelCoverage  = "Coverage"
	labelNote      = "Note"
	labelAnswered  = "Answered"
	labelAlsoHolds = "Also held"

	headingSkills     = "Skills"
	headingEvidence   = "Evidence"
	headingUnassessed = "Assess these to complete the picture"
	headingCerts      = "Certifications that cover these gaps"
	headingNext       = "Next roles"
	headingChecks     = "Worth a second view"

	columnCategory = "Category"
	columnSkill    = "Skill"
	columnScore    = "Score"
	columnTarget   = "Target"
	columnGap      = "Gap"
	columnPriority = "Priority"

	// lateralMark follows the name of a role beside the ladder.
	lateralMark = " (lateral move)"
	// noEvidence stands where a skill of the promotion case has no example.
	noEvidence = "none given yet"
)

// fact is a line of the report's summary: a label and what it says.
type fact struct {
	label, value string
	// readiness marks the target's readiness, which the table and HTML draw as a bar.
	readiness bool
}

// personWords are the phrases of a person's report that depend on who answered and on
// what the answers hold, worded once: "you" for a self-assessment, neutral for a
// manager's or a peer's view of someone.
type personWords struct {
	// who is the person's name; title the document's; byline says who assessed and
	// when, and ladder against which rubric and track.
	who, title, byline, ladder string
	// facts sum the report up: current role, the role the answers hold when it is
	// another, target, readiness, coverage, a note when the target is held already, and
	// how much was answered.
	facts []fact
	// held is true when the answers hold the target already.
	held      bool
	scaleNote string
	// gaps heads the gaps toward the target ("" without one); noGaps says why there is
	// none; unassessed lists what the target expects and was not assessed ("" for none);
	// noCerts says that no certification helps, where there are gaps.
	gaps, noGaps, unassessed, noCerts string
	// The promotion case: its heading, what it holds, and how the statements the
	// answers picked are introduced.
	caseHeading, caseIntro, picked string
	// score names the person's scores in a chart's legend.
	score string
	// deepen heads, at the top of the ladder, the skills where to deepen.
	deepen string
}

func newPersonWords(rep *Report, r *rubric.Rubric) personWords {
	self := rep.Assessor == string(assess.Self)
	by := func(you, other string) string {
		if self {
			return you
		}
		return other
	}
	w := personWords{who: rep.Person, ladder: rubricLabel(rep.Rubric) + " · " + trackLabel(rep, r), score: by("your score", "the score")}
	if w.who == "" {
		w.who = "(no name)"
	}
	w.title = w.who + ": career assessment"
	w.byline = assessorLabel(rep.Assessor)
	if rep.Date != nil {
		w.byline += " · " + (*rep.Date)[:10]
	}

	current := "not known: no ladder role is held yet on these answers"
	switch {
	case rep.CurrentRole == nil:
	case rep.Declared:
		current = rep.CurrentRole.Name + " (" + by("as you said", "as declared") + ")"
	default:
		current = rep.CurrentRole.Name + " (" + by("estimated from your answers", "estimated from the answers") + ")"
	}
	w.facts = append(w.facts, fact{label: labelCurrent, value: current})
	if e := rep.EstimatedRole; e != nil && rep.Declared && rep.CurrentRole != nil && e.ID != rep.CurrentRole.ID {
		w.facts = append(w.facts, fact{label: labelEstimated, value: e.Name + " (" + by("from your answers", "from the answers") + ")"})
	}
	if held := alsoHeldLine(rep, r); held != "" {
		w.facts = append(w.facts, fact{label: labelAlsoHolds, value: held})
	}
	if t := rep.TargetRole; t != nil {
		w.facts = append(w.facts, fact{label: labelTarget, value: t.Name},
			fact{label: labelReadiness, value: fmt.Sprintf("%s · %d of %d expectations met", fmtPct(t.Readiness), t.Met, t.Total), readiness: true})
		if t.Coverage != nil && *t.Coverage < 100 {
			w.facts = append(w.facts, fact{label: labelCoverage, value: fmt.Sprintf("Answered enough to judge %s of what %s expects", fmtPct(t.Coverage), t.Name)})
		}
		if note := heldTargetLine(rep, by("Your answers", "The answers")); note != "" {
			w.held = true
			if !rep.AtTop {
				w.facts = append(w.facts, fact{label: labelNote, value: note})
			}
		}
		if rep.AtTop {
			w.facts = append(w.facts, fact{label: labelNote, value: fmt.Sprintf(
				"%s is the top of this ladder on %s track: the report measures %s against it and shows where to deepen; the next roles are moves sideways",
				t.Name, by("your", "this"), by("you", "the answers"))})
			w.deepen = "Where to deepen as " + t.Name
		}
		w.gaps = "Gaps toward " + t.Name
		w.noGaps = noGapsLine(rep)
		if len(rep.Unassessed) > 0 {
			names := make([]string, len(rep.Unassessed))
			for i, id := range rep.Unassessed {
				names[i] = skillName(r, id)
			}
			w.unassessed = fmt.Sprintf("%s expects them, and they were skipped or answered n/a: %s.", t.Name, strings.Join(names, ", "))
		}
		if len(rep.Certifications) == 0 && len(rep.Gaps) > 0 {
			w.noCerts = fmt.Sprintf("None in this ladder suits %s and covers these gaps (or %s already): the actions above are the way.",
				t.Name, by("you hold them", "they are held"))
		}
		w.caseHeading = "Promotion case for " + t.Name
		w.caseIntro = fmt.Sprintf("For each skill %s expects: the expectation, %s, what %s and the example that backs it. A skill without an example is where to find one before the conversation.",
			t.Name, by("your score", "the score"), by("you said you do", "the answers said they do"))
		w.picked = by("What you said you do", "What the answers said")
	} else {
		w.facts = append(w.facts, fact{label: labelTarget, value: "none: this ladder has no role to aim for from here"})
	}
	w.facts = append(w.facts, fact{label: labelAnswered, value: fmt.Sprintf("%d of %d questions", rep.Answered, rep.Questions)})
	w.scaleNote = fmt.Sprintf("Scores run from %d to %d. Target is what the target role expects; a core skill must be met to hold a role.", rep.ScaleMin, rep.ScaleMax)
	return w
}

// alsoHeldLine names the roles the answers hold besides the current and the estimated
// one, as a reader wants them: the roles not plainly outgrown, at or above the estimated
// level (every lower rung is held too, and naming them says nothing; JSON lists every
// one). A lateral role's level is the highest of the ladder roles that lead to it, where
// the move is real: Product Owner, offered to APMs, is not news to a Senior PM, Product
// Consultant is. "" for none.
func alsoHeldLine(rep *Report, r *rubric.Rubric) string {
	floor := 0
	if e := rep.EstimatedRole; e != nil {
		if ro := r.Role(e.ID); ro != nil {
			floor = ro.Level
		}
	}
	var ladder, lateral []string
	for _, h := range rep.AlsoHolds {
		ro := r.Role(h.ID)
		if ro == nil {
			continue
		}
		switch level := ro.Level; {
		case h.Lateral:
			if from := levelLeadingTo(r, ro.ID); from == 0 || from >= floor {
				lateral = append(lateral, h.Name)
			}
		case level >= floor:
			ladder = append(ladder, h.Name)
		}
	}
	const most = 4 // a longer list is a straight-liner's; JSON has it all
	more := len(ladder) + len(lateral) - most
	if more > 0 {
		ladder = ladder[:min(len(ladder), most)]
		lateral = lateral[:most-len(ladder)]
	}
	line := strings.Join(ladder, ", ")
	if len(lateral) > 0 {
		line = joinNonEmpty("; ", line, "beside the ladder: "+strings.Join(lateral, ", "))
		line = capitalise(line)
	}
	if more > 0 {
		line += fmt.Sprintf("; and %d more (--format json lists them)", more)
	}
	return line
}

// levelLeadingTo is the highest level of the ladder roles whose next roles include id,
// 0 when none does.
func levelLeadingTo(r *rubric.Rubric, id string) int {
	level := 0
	for i := range r.Roles {
		if ro := &r.Roles[i]; ro.IsLadder() && slices.Contains(ro.Next, id) {
			level = max(level, ro.Level)
		}
	}
	return level
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// checkMessage phrases a plausibility check for the reader, with the way to a second
// view; each message stands on its own (JSON carries them one by one).
func checkMessage(c assess.Check, rep *Report) string {
	self := rep.Assessor == string(assess.Self)
	second := "ask your manager or peers to assess you too, then run pmladder compare"
	if !self {
		second = "ask for the person's own and their peers' assessments, then run pmladder compare"
	}
	switch c.Code {
	case assess.CheckSameAnswer:
		whose := "your"
		if !self {
			whose = "the"
		}
		count := fmt.Sprintf("%d of %s %d", c.Count, whose, c.Scored)
		if c.Count == c.Scored {
			count = fmt.Sprintf("All %d of %s", c.Scored, whose)
		}
		return fmt.Sprintf("%s scored answers are %d: most people's answers vary from skill to skill. A second view tells whether these hold: %s.",
			count, c.Score, second)
	case assess.CheckFarFromDeclared:
		holds := "no role of this ladder yet"
		if c.Estimated != nil {
			holds = c.Estimated.Name
		}
		said, answers := "You said you are", "your answers hold"
		if !self {
			said, answers = "The current role given is", "the answers hold"
		}
		return fmt.Sprintf("%s %s; %s %s, two levels or more away. Titles mean different things at different companies, and answers can be too modest or too generous: %s.",
			said, c.Declared.Name, answers, holds, second)
	}
	return c.Code
}

// gapLine is a gap after its skill's name: "2.5 → 3 (gap 0.5, high priority)".
func gapLine(g Gap) string {
	return fmt.Sprintf("%s → %s (gap %s, %s priority)", num(g.Score), num(g.Expected), num(g.Gap), g.Priority)
}

// stepLabel introduces the statements of a gap's next step: "At 3:".
func stepLabel(g Gap) string { return fmt.Sprintf("At %d:", g.Step) }

// certCovers names the skills a certification covers.
func certCovers(r *rubric.Rubric, c Certification) string {
	covers := make([]string, len(c.Covers))
	for i, id := range c.Covers {
		covers[i] = skillName(r, id)
	}
	return strings.Join(covers, ", ")
}

// nextRoleName is a next role's name, marked when it is a lateral move.
func nextRoleName(n NextRole) string {
	if n.Lateral {
		return n.Name + lateralMark
	}
	return n.Name
}

// nextRoleGaps are a next role's largest gaps: "Strategy (1.5), Delivery (0.5)".
func nextRoleGaps(r *rubric.Rubric, n NextRole) string {
	var gaps []string
	for _, g := range n.Gaps {
		gaps = append(gaps, fmt.Sprintf("%s (%s)", skillName(r, g.Skill), num(g.Gap)))
	}
	return strings.Join(gaps, ", ")
}

// met says how many of a role's expectations are met: "4 of 15".
func met(met, total int) string { return fmt.Sprintf("%d of %d", met, total) }

// assessorLabel says who made an assessment, for a byline.
func assessorLabel(a string) string {
	switch assess.Assessor(a) {
	case assess.Self:
		return "self-assessment"
	case assess.Manager:
		return "assessed by their manager"
	case assess.Peer:
		return "assessed by a peer"
	}
	return a
}

func rubricLabel(ri RubricInfo) string {
	if ri.Version != "" {
		return ri.Name + " " + ri.Version
	}
	return ri.Name
}

// trackLabel names the report's track, or says that every track counts.
func trackLabel(rep *Report, r *rubric.Rubric) string {
	if rep.Track != nil {
		if t := r.Track(*rep.Track); t != nil {
			return t.Name
		}
	}
	return "every track"
}

// noGapsLine says that there is no gap, and whether that is because nothing expected was
// assessed.
func noGapsLine(rep *Report) string {
	t := rep.TargetRole
	if len(rep.Unassessed) > 0 {
		n := len(rep.Unassessed)
		return fmt.Sprintf("None among the skills assessed; %d that %s expects %s not assessed (below).", n, t.Name, words.Plural(n, "was", "were"))
	}
	return fmt.Sprintf("None: every assessed skill meets what %s expects.", t.Name)
}

// heldTargetLine says when the answers already hold the target role, and where to aim
// instead: the target's own next ladder steps; answers names the answers.
func heldTargetLine(rep *Report, answers string) string {
	t := rep.TargetRole
	if t == nil {
		return ""
	}
	for _, r := range rep.Readiness {
		if r.Role == t.ID && r.Holds {
			line := answers + " already hold " + t.Name
			if len(rep.beyond) > 0 {
				line += ": aim further with --target " + strings.Join(rep.beyond, " or --target ")
			}
			return line
		}
	}
	return ""
}

// skillName is a skill's name, or its id if the rubric does not know it.
func skillName(r *rubric.Rubric, id string) string {
	if s := r.Skill(id); s != nil {
		return s.Name
	}
	return id
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
