package reports

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/pmladder/pmladder/internal/printable"
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
				b.WriteString(printable.String(string(r)))
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
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

// mdGaps writes gaps as a numbered list, each with its next step and actions.
func mdGaps(ew *errWriter, gaps []Gap) {
	for i, g := range gaps {
		ew.printf("%d. **%s**: %s\n", i+1, mdEscape(g.Name), mdEscape(gapLine(g)))
		for _, st := range g.NextStep {
			ew.printf("   - **%s** %s\n", stepLabel(g), mdEscape(st))
		}
		for _, a := range g.Actions {
			ew.printf("   - %s\n", mdEscape(a))
		}
	}
}

// writeMarkdown writes a report as headings and tables, ready to paste into a document
// or a ticket. Unlike the terminal table it lists every gap.
func (p *Person) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	rep, r, words := p.rep, p.r, &p.words
	ew.printf("# %s\n\n", mdEscape(words.title))
	ew.printf("%s · %s\n\n", mdEscape(capitalise(words.byline)), mdEscape(words.ladder))
	var rows [][]string
	for _, f := range words.facts {
		rows = append(rows, []string{f.label, mdEscape(f.value)})
	}
	mdTable(ew, "ll", []string{"", ""}, rows)
	if len(rep.Checks) > 0 {
		ew.printf("\n## %s\n\n", headingChecks)
		for _, c := range rep.Checks {
			ew.printf("- %s\n", mdEscape(c.Message))
		}
	}

	ew.printf("\n## %s\n\n", headingSkills)
	header, align := []string{columnCategory, columnSkill, columnScore, columnTarget, columnGap, columnPriority}, "llrrrl"
	evidence := hasEvidence(rep) // a column only when there is something to put in it
	if evidence {
		header, align = append(header, headingEvidence), align+"l"
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
			row := []string{"", name, fmtNum(s.Score), fmtNum(s.ExpectedTarget), fmtNum(s.Gap), string(s.Priority)}
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
	ew.printf("\n%s\n", mdEscape(words.scaleNote))

	if words.gaps != "" {
		ew.printf("\n## %s\n\n", mdEscape(words.gaps))
		if len(rep.Gaps) == 0 {
			ew.printf("%s\n", mdEscape(words.noGaps))
		}
		mdGaps(ew, rep.Gaps)
		if len(rep.Deepen) > 0 {
			ew.printf("\n## %s\n\n", mdEscape(words.deepen))
			mdGaps(ew, rep.Deepen)
		}
		if words.unassessed != "" {
			ew.printf("\n## %s\n\n%s\n", headingUnassessed, mdEscape(words.unassessed))
		}
	}
	if p.whatIf != nil && ew.err == nil {
		ew.err = p.whatIf.markdown(w, 2)
	}
	if items := promotionCase(rep, r); len(items) > 0 {
		ew.printf("\n## %s\n\n%s\n", mdEscape(words.caseHeading), mdEscape(words.caseIntro))
		for _, c := range items {
			core := ""
			if c.Core {
				core = " (core)"
			}
			ew.printf("\n### %s%s: score %s, expected %s (%s)\n\n", mdEscape(c.Name), core, fmtNum(c.Score), fmtNum(c.ExpectedTarget), c.Standing)
			for _, picked := range c.Picked {
				ew.printf("- **%s:** %s\n", words.picked, mdEscape(picked))
			}
			e := "*" + noEvidence + "*"
			if c.Evidence != nil {
				e = mdEscape(*c.Evidence)
			}
			ew.printf("- **%s:** %s\n", headingEvidence, e)
		}
	}
	if words.noCerts != "" {
		ew.printf("\n## %s\n\n%s\n", headingCerts, mdEscape(words.noCerts))
	}
	if len(rep.Certifications) > 0 {
		ew.printf("\n## %s\n\n", headingCerts)
		rows = rows[:0]
		for _, c := range rep.Certifications {
			name := mdEscape(c.Name)
			if c.URL != "" {
				name = fmt.Sprintf("[%s](%s)", name, strings.ReplaceAll(c.URL, ")", "%29"))
			}
			rows = append(rows, []string{name, mdEscape(c.Issuer), mdEscape(certCovers(r, c)), num(c.Value)})
		}
		mdTable(ew, "lllr", []string{"Certification", "Issuer", "Covers", "Value"}, rows)
	}
	if len(rep.NextRoles) > 0 {
		ew.printf("\n## %s\n\n", headingNext)
		rows = rows[:0]
		for _, n := range rep.NextRoles {
			rows = append(rows, []string{mdEscape(nextRoleName(n)), fmtPct(n.Readiness), met(n.Met, n.Total), mdEscape(nextRoleGaps(r, n))})
		}
		mdTable(ew, "lrrl", []string{"Role", labelReadiness, "Met", "Top gaps"}, rows)
	}
	return ew.err
}
