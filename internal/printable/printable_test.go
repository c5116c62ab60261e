package printable

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace":            "Ada Lovelace",
		"Zoë":                     "Zoë",
		"\x1b]0;owned\a":          `\x1b]0;owned\a`,
		"two\nlines":              `two\nlines`,
		"abc\u202edef":            `abc\u202edef`,
		"bad \xff byte":           `bad \xff byte`,
		"a real \ufffd stays put": "a real \ufffd stays put",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}
