// Package words holds the small rules of English that reports and the interview share.
package words

// Plural is one when n is 1, else many: "1 person", "3 people".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
