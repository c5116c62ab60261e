package textwrap

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	got := Wrap("one two three four five", 10, "> ", "  ")
	want := "> one two\n  three\n  four\n  five\n"
	if got != want {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	if got := Wrap("0"+NBSP+"Not"+NBSP+"yet · 1"+NBSP+"Aware", 12, "", ""); got != "0 Not yet ·\n1 Aware\n" {
		t.Errorf("no-break spaces: %q", got)
	}
	// A word longer than the width has a line of its own, whole: never cut.
	if got := Wrap("see /a/very/long/path/name here", 10, "", ""); got != "see\n/a/very/long/path/name\nhere\n" {
		t.Errorf("a long word: %q", got)
	}
	// Widths are display columns: wide characters count two.
	if got := Wrap("日本語 日本語", 8, "", ""); got != "日本語\n日本語\n" {
		t.Errorf("wide characters: %q", got)
	}
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "Zoë": 3, "日本": 4} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

// wrapByWholeLines is Wrap as first written: every candidate line measured whole. Wrap
// measures each word once; FuzzWrapMeasuresWords holds the two to the same output.
func wrapByWholeLines(text string, width int, first, rest string) string {
	var b strings.Builder
	line, prefix := "", first
	flush := func() {
		b.WriteString(prefix + strings.ReplaceAll(line, NBSP, " ") + "\n")
		line, prefix = "", rest
	}
	for _, word := range strings.FieldsFunc(text, isBreakable) {
		if line != "" && Width(prefix+line+" "+word) > width {
			flush()
		}
		if line == "" {
			line = word
		} else {
			line += " " + word
		}
	}
	if line != "" || prefix == first {
		flush()
	}
	return b.String()
}

func FuzzWrapMeasuresWords(f *testing.F) {
	f.Add("Ada Lovelace, 山田 花子: raters 2–4 apart\u00a0(self 4)", 20, "  • ", "    ")
	f.Add("\x1b[1mCalibration:\x1b[0m 3 people é́ 👩‍💻 done", 12, "", "")
	f.Fuzz(func(t *testing.T, text string, width int, first, rest string) {
		if !utf8.ValidString(text + first + rest) {
			t.Skip("invalid UTF-8: two halves of a rune would make one") // text is escaped first (internal/printable)
		}
		if got, want := Wrap(text, width, first, rest), wrapByWholeLines(text, width, first, rest); got != want {
			t.Fatalf("Wrap(%q, %d, %q, %q) = %q, want %q", text, width, first, rest, got, want)
		}
	})
}
