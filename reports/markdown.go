package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/pmladder/pmladder/rubric"
)

// mdEscape makes text safe inside a Markdown table cell or line: pipes, backslashes and
// the characters that would start emphasis, links or HTML are escaped; line breaks become
// spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '|', '*', '_', '`', '[', ']', '<', '>', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
				b.WriteString(printable(string(r)))
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdTable writes a Markdown table; align holds 'l' or 'r' per column.
func mdTable(w io.Writer, align string, header []string, rows [][]string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(header, " | "))
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---"
		if i < len(align) && align[i] == 'r' {
			seps[i] = "---:"
		}
	}
	fmt.Fprintf(w, "| %s |\n", strings.Join(seps, " | "))
	var line []byte
	for _, row := range rows {
		line = appendMarkdownRow(line[:0], row...)
		w.Write(line)
	}
}

// appendMarkdownRow appends one row of a Markdown table; cells are escaped already.
func appendMarkdownRow(dst []byte, cells ...string) []byte {
	dst = append(dst, "| "...)
	for i, c := range cells {
		if i > 0 {
			dst = append(dst, " | "...)
		}
		dst = append(dst, c...)
	}
	return append(dst, " |\n"...)
}

// personMarkdown writes a report as headings and tables, ready to paste into a document or a
// ticket. Unlike the terminal table it lists every gap.
func personMarkdown(w io.Writer, rep *Report, r *rubric.Rubric) error {
	ew := &errWriter{w: w}
	who := rep.Person
	if who == "" {
		who = "(no name)"
	}
	ew.printf("# %s: career assessment\n\n", mdEscape(who))
	line := assessorLabel(rep.Assessor)
	if rep.Date != nil {
		line += " · " + (*rep.Date)[:10]
	}
	ew.printf("%s · %s · %s\n\n", mdEscape(capitalise(line)), mdEscape(rubricLabel(rep.Rubric)), mdEscape(trackLabel(rep, r)))

	current := "not known: no ladder role is held yet"
	if rep.CurrentRole != nil {
		how := "estimated from the answers"
		if rep.Declared {
			how = "as declared"
		}
		current = fmt.Sprintf("%s (%s)", mdEscape(rep.CurrentRole.Name), how)
	}
	rows := [][]string{{"Current role", current}}
	if t := rep.TargetRole; t != nil {
		rows = append(rows, []string{"Target role", mdEscape(t.Name)},
			[]string{"Readiness", fmt.Sprintf("%s (%d of %d expectations met)", fmtPct(t.Readiness), t.Met, t.Total)})
		if line := coverageLine(t); line != "" {
			rows = append(rows, []string{"Coverage", mdEscape(capitalise(line))})
		}
		if line := heldTargetLine(rep); line != "" {
			rows = append(rows, []string{"Note", mdEscape(capitalise(line))})
		}
	}
	if e := rep.EstimatedRole; e != nil && rep.Declared && rep.CurrentRole != nil && e.ID != rep.CurrentRole.ID {
		rows = append(rows, []string{"Role the answers hold", mdEscape(e.Name)})
	}
	rows = append(rows, []string{"Answered", fmt.Sprintf("%d of %d questions", rep.Answered, rep.Questions)})
	mdTable(ew, "ll", []string{"", ""}, rows)

	ew.printf("\n## Skills\n\n")
	header, align := []string{"Category", "Skill", "Score", "Target", "Gap", "Priority"}, "llrrrl"
	evidence := hasEvidence(rep) // a column only when there is something to put in it
	if evidence {
		header, align = append(header, "Evidence"), align+"l"
	}
	rows = rows[:0]
	for _, c := range rep.Categories {
		row := []string{"**" + mdEscape(c.Name) + "**", "", "**" + fmtNum(c.Score) + "**", fmtNum(c.Expected), fmtNum(c.Gap), ""}
		if evidence {
			row = append(row, "")
		}
		rows = append(rows, row)
		for _, s := range rep.Skills {
			if s.Category != c.ID {
				continue
			}
			name := mdEscape(s.Name)
			if s.Core {
				name += " (core)"
			}
			row := []string{"", name, fmtNum(s.Score), fmtNum(s.ExpectedTarget), fmtNum(s.Gap), s.Priority}
			if evidence {
				e := ""
				if s.Evidence != nil {
					e = mdEscape(*s.Evidence)
				}
				row = append(row, e)
			}
			rows = append(rows, row)
		}
	}
	mdTable(ew, align, header, rows)
	ew.printf("\nScores run from %d to %d. Target is what the target role expects; a core skill must be met to hold a role.\n",
		rep.ScaleMin, rep.ScaleMax)

	if rep.TargetRole != nil {
		ew.printf("\n## Gaps toward %s\n\n", mdEscape(rep.TargetRole.Name))
		if len(rep.Gaps) == 0 {
			ew.printf("%s\n", mdEscape(noGapsLine(rep)))
		}
		for i, g := range rep.Gaps {
			ew.printf("%d. **%s**: %s → %s (gap %s, %s priority)\n", i+1, mdEscape(g.Name), num(g.Score), num(g.Expected), num(g.Gap), g.Priority)
			for _, st := range g.NextStep {
				ew.printf("   - **At %d:** %s\n", g.Step, mdEscape(st))
			}
			for _, a := range g.Actions {
				ew.printf("   - %s\n", mdEscape(a))
			}
		}
		if len(rep.Unassessed) > 0 {
			names := make([]string, len(rep.Unassessed))
			for i, id := range rep.Unassessed {
				names[i] = mdEscape(skillName(r, id))
			}
			ew.printf("\n## Assess these to complete the picture\n\n%s expects them, and they were skipped or answered n/a: %s.\n",
				mdEscape(rep.TargetRole.Name), strings.Join(names, ", "))
		}
	}
	if items := promotionCase(rep, r); len(items) > 0 {
		ew.printf("\n## Promotion case for %s\n\n%s\n", mdEscape(rep.TargetRole.Name), mdEscape(caseIntro(rep)))
		for _, c := range items {
			core := ""
			if c.Core {
				core = " (core)"
			}
			ew.printf("\n### %s%s: score %s, expected %s (%s)\n\n", mdEscape(c.Name), core, fmtNum(c.Score), fmtNum(c.ExpectedTarget), c.Standing)
			for _, p := range c.Picked {
				ew.printf("- %s %s\n", byAssessor(rep, "**You picked:**", "**Picked:**"), mdEscape(p))
			}
			e := "*" + noEvidence + "*"
			if c.Evidence != nil {
				e = mdEscape(*c.Evidence)
			}
			ew.printf("- **Evidence:** %s\n", e)
		}
	}
	if len(rep.Certifications) > 0 {
		ew.printf("\n## Certifications that cover these gaps\n\n")
		rows = rows[:0]
		for _, c := range rep.Certifications {
			name := mdEscape(c.Name)
			if c.URL != "" {
				name = fmt.Sprintf("[%s](%s)", name, strings.ReplaceAll(c.URL, ")", "%29"))
			}
			covers := make([]string, len(c.Covers))
			for i, id := range c.Covers {
				covers[i] = mdEscape(skillName(r, id))
			}
			rows = append(rows, []string{name, mdEscape(c.Issuer), strings.Join(covers, ", "), num(c.Value)})
		}
		mdTable(ew, "lllr", []string{"Certification", "Issuer", "Covers", "Value"}, rows)
	}
	if len(rep.NextRoles) > 0 {
		ew.printf("\n## Next roles\n\n")
		rows = rows[:0]
		for _, n := range rep.NextRoles {
			var gaps []string
			for _, g := range n.Gaps {
				gaps = append(gaps, fmt.Sprintf("%s (%s)", mdEscape(skillName(r, g.Skill)), num(g.Gap)))
			}
			name := mdEscape(n.Name)
			if n.Lateral {
				name += " (lateral move)"
			}
			rows = append(rows, []string{name, fmtPct(n.Readiness), fmt.Sprintf("%d of %d", n.Met, n.Total), strings.Join(gaps, ", ")})
		}
		mdTable(ew, "lrrl", []string{"Role", "Readiness", "Met", "Top gaps"}, rows)
	}
	return ew.err
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
