// Package words holds the small rules of English that reports and the interview share.
package words

import (
	"strconv"
	"strings"
)

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

// Series joins items with commas and the conjunction before the last: "a, b and c",
// "table, csv or json".
func Series(items []string, conjunction string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conjunction + " " + items[len(items)-1]
}
