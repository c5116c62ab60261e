package textwrap

import "testing"

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
