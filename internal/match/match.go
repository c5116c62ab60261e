// Package match matches the values people type to the names a tool knows: without regard
// to case, with "_" or a space for "-", and with the closest known names as a suggestion
// when none matches.
package match

import (
	"fmt"
	"strings"
)

// Value returns the known value that v names, or "" and a suggestion ("did you mean
// senior-pm?") to add to the error.
func Value(v string, known []string) (string, string) {
	norm := normalise(v)
	for _, k := range known {
		if normalise(k) == norm {
			return k, ""
		}
	}
	// Short values would be close to everything: a typo is a small share of a word.
	most := 2
	switch {
	case len(norm) <= 2:
		most = 0
	case len(norm) <= 4:
		most = 1
	}
	// The closest known values only: a typo of data-fluency.1 is not data-fluency.2.
	var close []string
	best := most + 1
	for _, k := range known {
		d := most + 1 // the distance is at least the difference in length: not worked out
		if nk := normalise(k); abs(len(norm)-len(nk)) <= most {
			d = editDistance(norm, nk)
		}
		if d == 0 || d > most {
			if len(norm) >= 3 && strings.HasPrefix(normalise(k), norm) && best > most {
				close = append(close, k) // a prefix, when nothing is closer by edits
			}
			continue
		}
		if d < best {
			best, close = d, nil
		}
		if d == best {
			close = append(close, k)
		}
	}
	if len(close) == 0 {
		return "", ""
	}
	return "", fmt.Sprintf(" (did you mean %s?)", strings.Join(close, " or "))
}

func normalise(s string) string {
	b := []byte(strings.ToLower(strings.TrimSpace(s)))
	for i, c := range b {
		if c == '_' || c == ' ' {
			b[i] = '-'
		}
	}
	return string(b)
}

// editDistance is the number of edits (an insertion, a deletion, a substitution or two
// neighbours swapped) between a and b, in bytes: ids are ASCII.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
