package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
)

// maxGapsShown is how many gaps the terminal report details with their actions.
const maxGapsShown = 5

// writeTable writes a report for a terminal: who, current → target with a readiness bar,
// the skills by category with scores drawn as bars, the top gaps with development
// actions, the certifications that cover them and the next roles.
func (p *Person) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	p.tableWho(ew, opt)
	p.tableChecks(ew, opt, width)
	if err := p.skillTable(ew, opt); err != nil {
		return err
	}
	p.tableEvidence(ew, opt, width)
	p.tableGaps(ew, opt, width)
	p.tableDeepen(ew, opt, width)
	p.tableUnassessed(ew, opt, width)
	if p.whatIf != nil {
		p.whatIf.table(ew, opt, width)
	}
	p.tableCertifications(ew, opt, width)
	p.tableNextRoles(ew, opt, width)
	p.tableSummary(ew, opt, width)
	return ew.err
}

// tableSummary ends a long report with what matters most, so it is on screen when the
// report has scrolled: current → target, readiness and the top three gaps.
func (p *Person) tableSummary(ew *errWriter, opt Options, width int) {
	rep := p.rep
	t := rep.TargetRole
	if t == nil {
		return
	}
	current := "no role held yet"
	if rep.CurrentRole != nil {
		current = rep.CurrentRole.Name
	}
	line := fmt.Sprintf("%s → %s: %s ready, %d of %d met", current, t.Name, fmtPct(t.Readiness), t.Met, t.Total)
	gaps, work := rep.Gaps, "work on"
	if rep.AtTop {
		line = fmt.Sprintf("%s, the top of this ladder: %s ready, %d of %d met", t.Name, fmtPct(t.Readiness), t.Met, t.Total)
		if len(gaps) == 0 {
			gaps = rep.Deepen
		}
		work = "deepen"
	}
	var top []string
	for i, g := range gaps {
		if i == 3 {
			break
		}
		top = append(top, g.Name)
	}
	if len(top) > 0 {
		line += "; " + work + " " + strings.Join(top, ", ")
	}
	ew.printf("\n%s\n%s", opt.style(ansiBold, "Summary"), textwrap.Wrap(line+".", width, "  ", "  "))
}

// tableWho writes who was assessed, by whom, and the summary's facts under labels in a
// column.
func (p *Person) tableWho(ew *errWriter, opt Options) {
	w, rep := &p.words, p.rep
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, printable.String(w.who))+" · "+w.byline, width, "", ""))
	ew.printf("%s\n", opt.style(ansiDim, strings.TrimSuffix(textwrap.Wrap(w.ladder, width, "", ""), "\n")))
	ew.printf("\n")
	column := 0
	for _, f := range w.facts {
		column = max(column, len(f.label)+2)
	}
	indent := strings.Repeat(" ", column)
	for _, f := range w.facts {
		label := f.label + strings.Repeat(" ", column-len(f.label))
		if f.readiness {
			ready := 0.0
			if rep.TargetRole.Readiness != nil {
				ready = *rep.TargetRole.Readiness
			}
			colour := ansiYellow // not ready yet
			if w.held {
				colour = ansiGreen
			}
			ew.printf("%s", textwrap.Wrap(opt.style(colour, bar(ready, 0, 100, 20))+" "+f.value, width, label, indent))
			continue
		}
		ew.printf("%s", textwrap.Wrap(f.value, width, label, indent))
	}
	ew.printf("\n")
}

// skillTable writes every skill grouped by category, with the category's own figures on
// its heading row. A score is drawn as a bar on the scale beside its number.
func (p *Person) skillTable(ew *errWriter, opt Options) error {
	rep := p.rep
	t := newTable(ew, "llrrl", columnSkill, columnScore, columnTarget, columnGap, columnPriority)
	lo, hi := float64(rep.ScaleMin), float64(rep.ScaleMax)
	// The score's bar and the skill's name give way on a narrow terminal: at 60 columns
	// the table still fits.
	barWidth := 10
	if opt.width() < 70 {
		barWidth = 6
	}
	nameWidth := max(opt.width()-35-barWidth, 14)
	score := func(p *float64) string {
		if p == nil {
			return strings.Repeat(" ", barWidth) + "    –"
		}
		return opt.style(ansiCyan, bar(*p, lo, hi, barWidth)) + fmt.Sprintf(" %4s", num(*p))
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
			name := truncate(s.Name, nameWidth)
			if s.Core { // the mark survives a name cut short
				name = truncate(s.Name, nameWidth-2) + " *"
			}
			if err := t.Append([]string{"  " + name, score(s.Score),
				fmtNum(s.ExpectedTarget), fmtNum(s.Gap), opt.priority(s.Priority)}); err != nil {
				return err
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	ew.printf("%s", opt.style(ansiDim, textwrap.Wrap("* marks a core skill. "+p.words.scaleNote, opt.width(), "", "")))
	return nil
}

// tableEvidence lists, under the skills, the example given behind each skill's rating.
func (p *Person) tableEvidence(ew *errWriter, opt Options, width int) {
	if !hasEvidence(p.rep) {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, headingEvidence))
	for _, s := range p.rep.Skills {
		if s.Evidence == nil {
			continue
		}
		ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s (%s): %s", s.Name, fmtNum(s.Score), printable.String(*s.Evidence)), width, "  • ", "    "))
	}
}

func (p *Person) tableGaps(ew *errWriter, opt Options, width int) {
	rep := p.rep
	if rep.TargetRole == nil {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, p.words.gaps))
	if len(rep.Gaps) == 0 {
		ew.printf("%s", textwrap.Wrap(p.words.noGaps, width, "  ", "  "))
		return
	}
	tableGapList(ew, rep.Gaps, width)
}

// tableGapList writes gaps, the first maxGapsShown with their next step and actions.
func tableGapList(ew *errWriter, gaps []Gap, width int) {
	for i, g := range gaps {
		if i == maxGapsShown {
			ew.printf("  … and %d more (see --format json or markdown)\n", len(gaps)-maxGapsShown)
			break
		}
		head := fmt.Sprintf("%d. %s: %s", i+1, g.Name, gapLine(g))
		ew.printf("%s", textwrap.Wrap(head, width, "  ", "     "))
		for k, st := range g.NextStep {
			first := "     " + stepLabel(g) + " "
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

// tableChecks writes the plausibility checks that fired, before anything is read into
// the numbers.
func (p *Person) tableChecks(ew *errWriter, opt Options, width int) {
	if len(p.rep.Checks) == 0 {
		return
	}
	ew.printf("%s\n", opt.style(ansiBold+ansiYellow, headingChecks))
	for _, c := range p.rep.Checks {
		ew.printf("%s", textwrap.Wrap(c.Message, width, "  ! ", "    "))
	}
	ew.printf("\n")
}

// tableDeepen writes, at the top of the ladder, where to deepen.
func (p *Person) tableDeepen(ew *errWriter, opt Options, width int) {
	if len(p.rep.Deepen) == 0 {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, p.words.deepen))
	tableGapList(ew, p.rep.Deepen, width)
}

func (p *Person) tableCertifications(ew *errWriter, opt Options, width int) {
	rep := p.rep
	if len(rep.Certifications) == 0 {
		if p.words.noCerts != "" {
			ew.printf("\n%s\n", opt.style(ansiBold, headingCerts))
			ew.printf("%s", textwrap.Wrap(p.words.noCerts, width, "  ", "  "))
		}
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, headingCerts))
	for _, c := range rep.Certifications {
		ew.printf("%s", textwrap.Wrap(fmt.Sprintf("%s (%s): covers %s", c.Name, c.Issuer, certCovers(p.r, c)), width, "  • ", "    "))
		if c.URL != "" {
			ew.printf("    %s\n", opt.style(ansiDim, c.URL))
		}
	}
}

func (p *Person) tableNextRoles(ew *errWriter, opt Options, width int) {
	rep := p.rep
	if len(rep.NextRoles) == 0 {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, headingNext))
	for _, n := range rep.NextRoles {
		line := fmt.Sprintf("%s: %s ready, %s met", nextRoleName(n), fmtPct(n.Readiness), met(n.Met, n.Total))
		if gaps := nextRoleGaps(p.r, n); gaps != "" {
			line += "; top gaps: " + gaps
		}
		ew.printf("%s", textwrap.Wrap(line, width, "  • ", "    "))
	}
}

// tableUnassessed lists what the target expects that was not assessed.
func (p *Person) tableUnassessed(ew *errWriter, opt Options, width int) {
	if p.words.unassessed == "" {
		return
	}
	ew.printf("\n%s\n", opt.style(ansiBold, headingUnassessed))
	ew.printf("%s", textwrap.Wrap(p.words.unassessed, width, "  ", "  "))
}
