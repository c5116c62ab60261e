package reports

import (
	"fmt"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"io"
	"strings"

	"github.com/pmladder/pmladder/rubric"
)

// maxGapsShown is how many gaps the terminal report details with their actions.
const maxGapsShown = 5

// personTable writes a report for a terminal: who, current → target with a readiness bar, the
// skills by category with scores drawn as bars, the top gaps with development actions,
// the certifications that cover them and the next roles.
func personTable(w io.Writer, rep *Report, r *rubric.Rubric, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	writeWho(ew, rep, r, opt)
	if err := skillTable(ew, rep, opt); err != nil {
		return err
	}
	writeEvidence(ew, rep, opt, width)
	writeGaps(ew, rep, r, opt, width)
	writeUnassessed(ew, rep, r, opt, width)
	writeCertifications(ew, rep, r, opt, width)
	writeNextRoles(ew, rep, r, opt, width)
	writeSummary(ew, rep, opt, width)
	return ew.err
}

// writeSummary ends a long report with what matters most, so it is on screen when the
// report has scrolled: current → target, readiness and the top three gaps.
func writeSummary(ew *errWriter, rep *Report, opt Options, width int) {
	t := rep.TargetRole
	if t == nil {
		return
	}
	current := "no role held yet"
	if rep.CurrentRole != nil {
		current = rep.CurrentRole.Name
	}
	line := fmt.Sprintf("%s → %s: %s ready, %d of %d met", current, t.Name, fmtPct(t.Readiness), t.Met, t.Total)
	var top []string
	for i, g := range rep.Gaps {
		if i == 3 {
			break
		}
		top = append(top, g.Name)
	}
	if len(top) > 0 {
		line += "; work on " + strings.Join(top, ", ")
	}
	ew.printf("\n%s\n%s", opt.style(ansiBold, "Summary"), textwrap.Wrap(line+".", width, "  ", "  "))
}

func writeWho(ew *errWriter, rep *Report, r *rubric.Rubric, opt Options) {
	who := printable(rep.Person)
	if who == "" {
		who = "(no name)"
	}
	line := opt.style(ansiBold, who) + " · " + assessorLabel(rep.Assessor)
	if rep.Date != nil {
		line += " · " + (*rep.Date)[:10]
	}
	ew.printf("%s\n", line)
	ew.printf("%s\n\n", opt.style(ansiDim, rubricLabel(rep.Rubric)+" · "+trackLabel(rep, r)))

	switch {
	case rep.CurrentRole == nil:
		ew.printf("Current   not known: no ladder role is held yet on these answers\n")
	case rep.Declared:
		ew.printf("Current   %s (%s)\n", rep.CurrentRole.Name, byAssessor(rep, "as you said", "as declared"))
	default:
		ew.printf("Current   %s (%s)\n", rep.CurrentRole.Name, byAssessor(rep, "estimated from your answers", "estimated from the answers"))
	}
	if e := rep.EstimatedRole; e != nil && rep.Declared && e.ID != rep.CurrentRole.ID {
		ew.printf("          %s %s\n", byAssessor(rep, "your answers hold", "the answers hold"), e.Name)
	}
	if t := rep.TargetRole; t != nil {
		ready := 0.0
		if t.Readiness != nil {
			ready = *t.Readiness
		}
		ew.printf("Target    %s\n", t.Name)
		colour := ansiYellow // not ready yet
		if heldTargetLine(rep) != "" {
			colour = ansiGreen
		}
		ew.printf("Ready     %s %s · %d of %d expectations met\n",
			opt.style(colour, bar(ready, 0, 100, 20)), fmtPct(t.Readiness), t.Met, t.Total)
		if line := coverageLine(t); line != "" {
			ew.printf("%s", textwrap.Wrap(line, opt.width(), "Covered   ", "          "))
		}
		if line := heldTargetLine(rep); line != "" {
			ew.printf("%s", textwrap.Wrap(line, opt.width(), "          ", "          "))
		}
	} else {
		ew.printf("Target    none: this ladder has no role to aim for from here\n")
	}
	ew.printf("Answered  %d of %d questions\n\n", rep.Answered, rep.Questions)
}

func assessorLabel(a string) string {
	switch a {
	case "self":
		return "self-assessment"
	case "manager":
		return "assessed by their manager"
	case "peer":
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

// skillTable writes every skill grouped by category, with the category's own figures on
// its heading row. A score is drawn as a bar on the scale beside its number.
func skillTable(ew *errWriter, rep *Report, opt Options) error {
	t := newTable(ew, "llrrl", "Skill", "Score", "Target", "Gap", "Priority")
	lo, hi := float64(rep.ScaleMin), float64(rep.ScaleMax)
	nameWidth := max(opt.width()-45, 20)
	score := func(p *float64) string {
		if p == nil {
			return strings.Repeat(" ", 10) + "    –"
		}
		return opt.style(ansiCyan, bar(*p, lo, hi, 10)) + fmt.Sprintf(" %4s", num(*p))
	}
	for _, c := range rep.Categories {
		if err := t.Append([]string{opt.style(ansiBold, strings.ToUpper(c.Name)), score(c.Score),
			fmtNum(c.Expected), fmtNum(c.Gap), ""}); err != nil {
			return err
		}
		for _, s := range rep.Skills {
			if s.Category != c.ID {
				continue
			}
			name := s.Name
			if s.Core {
				name += " *"
			}
			if err := t.Append([]string{"  " + truncate(name, nameWidth), score(s.Score),
				fmtNum(s.ExpectedTarget), fmtNum(s.Gap), opt.priority(s.Priority)}); err != nil {
				return err
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	ew.printf("%s\n", opt.style(ansiDim, "* core skill, must be met to hold a role · target: what the target role expects"))
	return nil
}

// writeEvidence lists, under the skills, the example given behind each skill's rating.
func writeEvidence(ew *errWriter, rep *Report, opt Options, width int) {
	if !hasEvidence(rep) {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, "Evidence"))
	for _, s := range rep.Skills {
		if s.Evidence == nil {
			continue
		}
		ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s (%s): %s", s.Name, fmtNum(s.Score), printable(*s.Evidence)), width, "  • ", "    "))
	}
}

func writeGaps(ew *errWriter, rep *Report, r *rubric.Rubric, opt Options, width int) {
	if rep.TargetRole == nil {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, "Top gaps toward "+rep.TargetRole.Name))
	if len(rep.Gaps) == 0 {
		ew.printf("%s", textwrap.Wrap(noGapsLine(rep), width, "  ", "  "))
		return
	}
	for i, g := range rep.Gaps {
		if i == maxGapsShown {
			ew.printf("  … and %d more (see --format json or markdown)\n", len(rep.Gaps)-maxGapsShown)
			break
		}
		head := fmt.Sprintf("%d. %s: %s → %s (gap %s, %s)", i+1, g.Name, num(g.Score), num(g.Expected), num(g.Gap), g.Priority)
		ew.printf("%s", textwrap.Wrap(head, width, "  ", "     "))
		for k, st := range g.NextStep {
			first := fmt.Sprintf("     At %d: ", g.Step)
			if k > 0 {
				first = strings.Repeat(" ", len(first))
			}
			ew.printf("%s", textwrap.Wrap(st, width, first, strings.Repeat(" ", len(first))))
		}
		for _, a := range g.Actions {
			ew.printf("%s", textwrap.Wrap(a, width, "     • ", "       "))
		}
	}
}

func writeCertifications(ew *errWriter, rep *Report, r *rubric.Rubric, opt Options, width int) {
	if len(rep.Certifications) == 0 {
		if len(rep.Gaps) > 0 && rep.TargetRole != nil {
			ew.printf("\n%s\n", opt.style(ansiBold, "Certifications that cover these gaps"))
			ew.printf("%s", textwrap.Wrap("None in this ladder suits "+rep.TargetRole.Name+" and covers these gaps (or you hold them already): the actions above are the way.", width, "  ", "  "))
		}
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, "Certifications that cover these gaps"))
	for _, c := range rep.Certifications {
		covers := make([]string, len(c.Covers))
		for i, id := range c.Covers {
			covers[i] = skillName(r, id)
		}
		ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s (%s): covers %s", c.Name, c.Issuer, strings.Join(covers, ", ")), width, "  • ", "    "))
		if c.URL != "" {
			ew.printf("    %s\n", opt.style(ansiDim, c.URL))
		}
	}
}

func writeNextRoles(ew *errWriter, rep *Report, r *rubric.Rubric, opt Options, width int) {
	if len(rep.NextRoles) == 0 {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, "Next roles"))
	for _, n := range rep.NextRoles {
		var gaps []string
		for _, g := range n.Gaps {
			gaps = append(gaps, fmt.Sprintf("%s (%s)", skillName(r, g.Skill), num(g.Gap)))
		}
		name := n.Name
		if n.Lateral {
			name += " (lateral move)"
		}
		line := fmt.Sprintf("%s: %s ready, %d of %d met", name, fmtPct(n.Readiness), n.Met, n.Total)
		if len(gaps) > 0 {
			line += "; top gaps: " + strings.Join(gaps, ", ")
		}
		ew.printf("%s", textwrap.Wrap(line, width, "  • ", "    "))
	}
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

// byAssessor words a phrase for the person who answered about themselves, or for a
// manager's or a peer's view of someone.
func byAssessor(rep *Report, self, other string) string {
	if rep.Assessor == "self" {
		return self
	}
	return other
}

// heldTargetLine says when the answers already hold the target role, and where to aim
// instead: the target's own next ladder steps.
func heldTargetLine(rep *Report) string {
	t := rep.TargetRole
	if t == nil {
		return ""
	}
	for _, r := range rep.Readiness {
		if r.Role == t.ID && r.Holds {
			line := "the answers already hold " + t.Name
			if len(rep.beyond) > 0 {
				line += ": aim further with --target " + strings.Join(rep.beyond, " or --target ")
			}
			return line
		}
	}
	return ""
}

// coverageLine says how much of the target's expectations the answers let the report
// judge, when it is not all of them.
func coverageLine(t *TargetRole) string {
	if t.Coverage == nil || *t.Coverage >= 100 {
		return ""
	}
	return fmt.Sprintf("answered enough to judge %s of what %s expects", fmtPct(t.Coverage), t.Name)
}

// writeUnassessed lists what the target expects that was not assessed.
func writeUnassessed(ew *errWriter, rep *Report, r *rubric.Rubric, opt Options, width int) {
	if len(rep.Unassessed) == 0 || rep.TargetRole == nil {
		return
	}
	names := make([]string, len(rep.Unassessed))
	for i, id := range rep.Unassessed {
		names[i] = skillName(r, id)
	}
	ew.printf("\n%s\n", opt.style(ansiBold, "Assess these to complete the picture"))
	ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s expects them, and they were skipped or answered n/a: %s.",
		rep.TargetRole.Name, strings.Join(names, ", ")), width, "  ", "  "))
}

// skillName is a skill's name, or its id if the rubric does not know it.
func skillName(r *rubric.Rubric, id string) string {
	if s := r.Skill(id); s != nil {
		return s.Name
	}
	return id
}
