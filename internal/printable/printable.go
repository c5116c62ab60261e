// Package printable escapes text from input files before a person reads it: nothing a
// file holds may move the cursor, retitle the window, clear the screen or, with a
// bidirectional override, make a line read backwards (docs/cli.md, "Messages").
package printable

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String is s with its control characters and bidirectional controls written as Go
// escapes (ESC becomes \x1b, a line break \n, U+202E \u202e) and bytes that are not UTF-8
// as \xNN. Text with none of them comes back as it is, without a copy.
func String(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, w := 0, 0; i < len(s); i += w {
		r, n := utf8.DecodeRuneInString(s[i:])
		w = n
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ShellWord quotes s as a POSIX shell word, only when it needs it: Ada as it is, Ada
// Lovelace in double quotes, and text with a quote, $, backslash or ! in single quotes.
// A command the program suggests can then be pasted as it is.
func ShellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,") == "" {
		return s
	}
	if !strings.ContainsAny(s, "\"$`\\!") {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
