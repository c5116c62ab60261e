// Package words holds the small rules of English that reports and the interview share.
package words

import "strconv"

// Plural is one when n is 1, else many: "1 person", "3 people".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count is n and the word for it: "1 peer", "3 peers".
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Plural(n, one, many)
}
