package reports

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/textwrap"

	"github.com/pmladder/pmladder/rubric"
)

// roleGroup is a heading of the role graph and the roles under it.
type roleGroup struct {
	title string
	roles []*rubric.Role
}

// groupRoles sorts a rubric's roles for display: ladder roles on every track first, then
// each track's own ladder, each by level; lateral roles last. A role on some but not all
// tracks appears under each of its tracks.
func groupRoles(r *rubric.Rubric) []roleGroup {
	onAll := func(ro *rubric.Role) bool {
		if len(ro.Tracks) == 0 {
			return true
		}
		for _, t := range r.Tracks {
			if !ro.OnTrack(t.ID) {
				return false
			}
		}
		return true
	}
	byLevel := func(rs []*rubric.Role) []*rubric.Role {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].Level < rs[j].Level })
		return rs
	}
	var shared, lateral []*rubric.Role
	for i := range r.Roles {
		ro := &r.Roles[i]
		switch {
		case !ro.IsLadder():
			lateral = append(lateral, ro)
		case onAll(ro):
			shared = append(shared, ro)
		}
	}
	var groups []roleGroup
	if len(shared) > 0 {
		title := "Ladder"
		if len(r.Tracks) > 1 {
			title = "Ladder, every track"
		}
		groups = append(groups, roleGroup{title, byLevel(shared)})
	}
	for _, t := range r.Tracks {
		var rs []*rubric.Role
		for i := range r.Roles {
			ro := &r.Roles[i]
			if ro.IsLadder() && !onAll(ro) && ro.OnTrack(t.ID) {
				rs = append(rs, ro)
			}
		}
		if len(rs) > 0 {
			groups = append(groups, roleGroup{fmt.Sprintf("%s track: %s", t.ID, t.Name), byLevel(rs)})
		}
	}
	if len(lateral) > 0 {
		groups = append(groups, roleGroup{"Beside the ladder (lateral moves)", lateral})
	}
	return groups
}

// abbreviations gives each role a short, unique column heading: the role's own short
// name (rubric: short), else its name's initials: "Senior Product Manager" is SPM;
// acronyms stay whole ("VP of Product" is VP); small words are skipped. A heading that
// would repeat another is numbered (PM, PM2).
func abbreviations(roles []*rubric.Role) map[string]string {
	names := make([]string, len(roles))
	fallback := make([]string, len(roles))
	given := make([]string, len(roles))
	for i, ro := range roles {
		names[i], fallback[i], given[i] = ro.Name, strings.ToUpper(ro.ID), strings.TrimSpace(ro.Short)
	}
	out := map[string]string{}
	for i, a := range uniqueHeadings(names, given, fallback) {
		out[roles[i].ID] = a
	}
	return out
}

// uniqueHeadings is each role's given short name, or else its initials, numbering
// repeats; the given names are kept as they are wherever they are unique.
func uniqueHeadings(names, given, fallback []string) []string {
	out := make([]string, len(names))
	used := map[string]bool{}
	for i, g := range given {
		if g != "" && !used[g] {
			out[i] = g
			used[g] = true
		}
	}
	for i, name := range names {
		if out[i] != "" {
			continue
		}
		a := given[i]
		if a == "" {
			a = initials(name)
		}
		if a == "" {
			a = fallback[i]
		}
		base := a
		for n := 2; used[a]; n++ {
			a = base + strconv.Itoa(n)
		}
		used[a] = true
		out[i] = a
	}
	return out
}

// uniqueInitials abbreviates each name by its initials, numbering repeats (PM, PM2) and
// using the fallback for a name without initials: uniqueHeadings with no given names.
func uniqueInitials(names, fallback []string) []string {
	return uniqueHeadings(names, make([]string, len(names)), fallback)
}

func initials(name string) string {
	var words []string
	for _, w := range strings.Fields(name) {
		// "(IC)" is IC, "Mgr." is Mgr: the word without the punctuation around it.
		if w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); w != "" {
			words = append(words, w)
		}
	}
	isAcronym := func(w string) bool { return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w }
	if len(words) >= 3 && isAcronym(words[0]) && words[1] == "of" {
		return words[0]
	}
	var b strings.Builder
	for _, w := range words {
		switch {
		case isAcronym(w) || isNumber(w):
			b.WriteString(w)
		case w == "of" || w == "and" || w == "or" || w == "the" || w == "for" || w == "in":
		default:
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// scaleLine describes the scale: "0–5: 0 Not yet · 1 Aware · …".
func scaleLine(s rubric.Scale) string {
	line := fmt.Sprintf("%d–%d", s.Min, s.Max)
	if len(s.Labels) > 0 {
		parts := make([]string, len(s.Labels))
		for i, l := range s.Labels {
			parts[i] = fmt.Sprintf("%d%s%s", s.Min+i, textwrap.NBSP, strings.ReplaceAll(l, " ", textwrap.NBSP))
		}
		line += ": " + strings.Join(parts, " · ")
	}
	return line
}

// matrixTable writes the skills × roles matrix of expected scores: one table for the
// ladder and one for lateral roles, so that each fits the width.
func (v *RubricShow) matrixTable(w io.Writer, opt Options) error {
	r := v.r
	writeTitle(w, r, opt.width())
	fmt.Fprintf(w, "%s", textwrap.Wrap(v.facts(), opt.width(), "", ""))
	fmt.Fprintf(w, "%s\n", textwrap.Wrap(scaleLine(r.Scale), opt.width(), "Scale ", "      "))
	for _, part := range v.parts() {
		for _, chunk := range fitColumns(part.roles, v.abbr, opt.width()) {
			if err := matrixTable(w, r, part.title, chunk, v.abbr, opt); err != nil {
				return err
			}
		}
	}
	fmt.Fprintln(w, matrixNote)
	fmt.Fprintln(w, headingRoles+":")
	col := 5
	for _, ro := range v.roles {
		col = max(col, utf8.RuneCountInString(v.abbr[ro.ID]))
	}
	indent := strings.Repeat(" ", col+3)
	for _, ro := range v.roles {
		fmt.Fprintf(w, "  %-*s %s (%s)\n", col, v.abbr[ro.ID], ro.Name, ro.ID)
		if sc := strings.TrimSpace(ro.Scope); sc != "" {
			fmt.Fprint(w, textwrap.Wrap(sc, opt.width(), indent, indent))
		}
	}
	return nil
}

// writeTitle writes the rubric's name and version, wrapped, and where it was read from on
// a line of its own, since a path must not be broken.
func writeTitle(w io.Writer, r *rubric.Rubric, width int) {
	t := r.Name
	if r.Version != "" {
		t += " " + r.Version
	}
	if r.Source == rubric.DefaultSource {
		fmt.Fprint(w, textwrap.Wrap(t+" (built-in)", width, "", ""))
		return
	}
	fmt.Fprint(w, textwrap.Wrap(t, width, "", ""))
	fmt.Fprintf(w, "from %s\n", r.Source)
}

// minNameWidth is the narrowest the skill column of the matrix may get before role
// columns move to another table.
const minNameWidth = 28

// fitColumns splits roles into runs whose columns fit beside a skill column of at least
// minNameWidth, so a ladder with many roles prints as several tables, not a wrapped mess.
func fitColumns(roles []*rubric.Role, abbr map[string]string, width int) [][]*rubric.Role {
	headings := make([]string, len(roles))
	for i, ro := range roles {
		headings[i] = abbr[ro.ID]
	}
	var chunks [][]*rubric.Role
	for _, span := range columnRuns(headings, width, 3) {
		chunks = append(chunks, roles[span[0]:span[1]])
	}
	return chunks
}

// columnRuns splits columns with these headings into [start, end) runs that each fit
// beside a first column of at least minNameWidth.
func columnRuns(headings []string, width, cell int) [][2]int {
	var runs [][2]int
	start, used := 0, 0
	for i, h := range headings {
		col := max(utf8.RuneCountInString(h), cell) + 2
		if i > start && used+col > width-minNameWidth-2 {
			runs = append(runs, [2]int{start, i})
			start, used = i, 0
		}
		used += col
	}
	if start < len(headings) {
		runs = append(runs, [2]int{start, len(headings)})
	}
	return runs
}

// colWidth is the width of a role column: its heading (at least one digit and a
// possible ".5") and the table's two spaces of padding.
func colWidth(heading string) int { return max(utf8.RuneCountInString(heading), 3) + 2 }

func matrixTable(w io.Writer, r *rubric.Rubric, title string, roles []*rubric.Role, abbr map[string]string, opt Options) error {
	header := []string{"Skill"}
	align := "l"
	cols := 0
	for _, ro := range roles {
		header = append(header, abbr[ro.ID])
		align += "r"
		cols += colWidth(abbr[ro.ID])
	}
	nameWidth := max(opt.width()-cols-2, minNameWidth)
	fmt.Fprintf(w, "%s\n", title)
	t := newTable(w, align, header...)
	for _, c := range r.Categories {
		row := []string{strings.ToUpper(c.Name)}
		for range roles {
			row = append(row, "")
		}
		if err := t.Append(row); err != nil {
			return err
		}
		for i := range c.Skills {
			s := &c.Skills[i]
			name := s.Name
			if s.Core {
				name += textwrap.NBSP + "*"
			}
			row := []string{strings.TrimSuffix(textwrap.Wrap(name, nameWidth, "  ", "    "), "\n")}
			for _, ro := range roles {
				cell := ""
				if v, ok := ro.Expect(s.ID); ok {
					cell = num(v)
				}
				row = append(row, cell)
			}
			if err := t.Append(row); err != nil {
				return err
			}
		}
	}
	return t.Render()
}

// roleTable writes one role: what it is, where it sits, what it expects per skill,
// where it leads and the certifications offered toward it.
func (v *RubricShow) roleTable(w io.Writer, opt Options) error {
	r, ro := v.r, v.role
	width := opt.width()
	fmt.Fprintf(w, "%s (%s)\n", ro.Name, ro.ID)
	fmt.Fprint(w, textwrap.Wrap(roleFacts(r, ro), width, "", ""))
	if sc := strings.TrimSpace(ro.Scope); sc != "" {
		fmt.Fprint(w, textwrap.Wrap(sc, width, labelScope+": ", strings.Repeat(" ", len(labelScope)+2)))
	}
	if ro.Description != "" {
		fmt.Fprint(w, textwrap.Wrap(ro.Description, width, "", ""))
	}
	fmt.Fprintln(w)
	t := newTable(w, "llr", columnSkill, columnExpects, columnWeight)
	for _, c := range v.shown() {
		if err := t.Append([]string{strings.ToUpper(c.Category.Name), "", ""}); err != nil {
			return err
		}
		for _, s := range c.Skills {
			e, _ := ro.Expect(s.ID)
			if err := t.Append([]string{"  " + truncate(coreName(s), width-30), expects(r, e), num(s.Weight)}); err != nil {
				return err
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintln(w, v.roleHeld())
	for _, f := range v.roleLinks() {
		head, indent := f.label+": ", strings.Repeat(" ", len(f.label)+2)
		if f.label == labelCerts {
			indent = "  " // a long label: the names below it
		}
		fmt.Fprint(w, textwrap.Wrap(f.value, width, head, indent))
	}
	return nil
}

func roleFacts(r *rubric.Rubric, ro *rubric.Role) string {
	where := "lateral role, beside the ladder"
	if ro.IsLadder() {
		where = fmt.Sprintf("level %d", ro.Level)
	}
	tracks := "every track"
	if len(ro.Tracks) > 0 {
		var names []string
		for _, t := range ro.Tracks {
			names = append(names, r.Track(t).Name)
		}
		tracks = strings.Join(names, ", ")
	}
	if len(r.Tracks) == 0 {
		return where
	}
	return where + " · " + tracks
}

func roleNames(r *rubric.Rubric, ids []string) string {
	var names []string
	for _, id := range ids {
		names = append(names, fmt.Sprintf("%s (%s)", r.Role(id).Name, id))
	}
	return strings.Join(names, ", ")
}

// RoleGraph writes the roles as a ladder: each track's roles by level with where each
// leads, then the lateral roles with where they are reached from.
func RoleGraph(w io.Writer, r *rubric.Rubric, opt Options) error {
	return trimmed(w, func(w io.Writer) error { return roleGraph(w, r, opt) })
}

func roleGraph(w io.Writer, r *rubric.Rubric, opt Options) error {
	width := opt.width()
	writeTitle(w, r, width)
	for _, g := range groupRoles(r) {
		fmt.Fprintf(w, "\n%s\n", g.title)
		for _, ro := range g.roles {
			level := "  -"
			if ro.IsLadder() {
				level = fmt.Sprintf("%3d", ro.Level)
			}
			fmt.Fprintf(w, "%s  %s (%s)\n", level, ro.Name, ro.ID)
			if !ro.IsLadder() {
				var from []string
				for _, f := range r.ReachedFrom(ro.ID) {
					from = append(from, f.Name)
				}
				if len(from) > 0 {
					fmt.Fprint(w, textwrap.Wrap(strings.Join(from, ", "), width, "     from: ", "           "))
				}
			}
			var next []string
			for _, id := range ro.Next {
				next = append(next, r.Role(id).Name)
			}
			if len(next) > 0 {
				fmt.Fprint(w, textwrap.Wrap(strings.Join(next, ", "), width, "     next: ", "           "))
			}
		}
	}
	return nil
}
