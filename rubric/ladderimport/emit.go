package ladderimport

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmladder/pmladder/rubric"
)

// The rubric is written as a person would write it: block style, a comment naming the
// cell each skill, question and role came from, text plain where YAML allows and
// double-quoted where it does not. The writer counts lines, so that what the lint says
// of a line of the YAML can be said of the cell it came from.

type emitter struct {
	b    strings.Builder
	line int
	// at is, by line, the cell the line came from (for the lint's warnings).
	at map[int]string
}

func (e *emitter) printf(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	e.b.WriteString(s)
	e.line += strings.Count(s, "\n")
}

// mark records that the next line comes from a cell.
func (e *emitter) mark(at string) {
	if at != "" {
		e.at[e.line+1] = at
	}
}

// emit writes the rubric's YAML.
func emit(out *outRubric, file string) ([]byte, map[int]string) {
	e := &emitter{at: map[int]string{}}
	e.printf("# Imported from %s by pmladder rubric import. Each level's words are the statements of\n", comment(file))
	e.printf("# its questions; edit freely, then check it: pmladder rubric validate --strict FILE\n")
	e.printf("# (docs/rubric.md, \"Your ladder in a spreadsheet\").\n")
	e.printf("format: %s\n", rubric.FormatTag)
	e.printf("name: %s\n", scalar(out.name))
	e.printf("# Score k is level k; 0 is not yet at the first level.\n")
	e.printf("scale:\n  min: 0\n  max: %d\n  labels:\n", out.max)
	for _, l := range out.labels {
		e.printf("    - %s\n", scalar(l))
	}
	e.printf("# A level is held when all its expectations are met: the sheet says what each level\n")
	e.printf("# expects, not how much of it is enough. Lower pass (say to 80) to hold a level on most.\n")
	e.printf("scoring:\n  pass: %d\n", defaultPassPct)
	if len(out.tracks) > 0 {
		e.printf("tracks:\n")
		for _, t := range out.tracks {
			e.printf("  - id: %s\n    name: %s\n", t[0], scalar(t[1]))
		}
	}
	e.printf("categories:\n")
	for _, c := range out.categories {
		e.printf("  - id: %s\n    name: %s\n    skills:\n", c.id, scalar(c.name))
		for _, s := range c.skills {
			e.printf("      # %s\n", comment(s.at))
			e.mark(s.at)
			e.printf("      - id: %s\n", s.id)
			e.printf("        name: %s\n", scalar(s.name))
			if s.description != "" {
				e.printf("        description: %s\n", scalar(s.description))
			}
			e.mark(s.at)
			e.printf("        actions:\n")
			for _, a := range s.actions {
				e.printf("          - %s\n", scalar(a))
			}
			e.printf("        questions:\n")
			for _, q := range s.questions {
				e.mark(q.at)
				e.printf("          - text: %s\n            options:\n", scalar(q.text))
				for _, o := range q.options {
					e.mark(o.at)
					e.printf("              - score: %d\n                text: %s\n", o.score, scalar(o.text))
				}
			}
		}
	}
	e.printf("roles:\n")
	for _, ro := range out.roles {
		e.printf("  # %s\n", comment(ro.lv.at))
		e.mark(ro.lv.at)
		e.printf("  - id: %s\n    name: %s\n", ro.id, scalar(ro.name))
		if ro.short != "" {
			e.printf("    short: %s\n", scalar(ro.short))
		}
		if ro.scope != "" {
			e.printf("    scope: %s\n", scalar(ro.scope))
		}
		if ro.describe != "" {
			e.printf("    description: %s\n", scalar(ro.describe))
		}
		e.printf("    level: %d\n", ro.lv.rank)
		if len(ro.tracks) > 0 {
			e.printf("    tracks: [%s]\n", strings.Join(ro.tracks, ", "))
		}
		e.mark(ro.lv.at)
		e.printf("    expects:\n")
		for _, x := range ro.expects {
			e.mark(ro.lv.at)
			e.printf("      %s: %s\n", x.skill, num(x.value))
		}
		if len(ro.next) > 0 {
			e.mark(ro.lv.at)
			e.printf("    next: [%s]\n", strings.Join(ro.next, ", "))
		}
	}
	return []byte(e.b.String()), e.at
}

// comment is text for a YAML comment: one line.
func comment(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// scalar writes a string as a YAML scalar: plain when YAML reads it back as the same
// string, else double-quoted with escapes.
func scalar(s string) string {
	if plainSafe(s) {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' || r == '\ufeff':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// plainSafe reports whether s reads back as itself written as a plain YAML scalar:
// printable, without leading or trailing space, without a character that starts
// something else, ": " or " #", and not a number, a boolean, null or a date.
func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || !utf8.ValidString(s) {
		return false
	}
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`~0123456789.+= ") {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) || r == '\t' || r == '\ufeff' {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "nan", "inf":
		return false
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return false
	}
	return true
}
