package ladderimport

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ids are made from names: lower case, Latin letters without their accents, words joined
// by hyphens ("Product sense" is product-sense, "Compétences clés" competences-cles), cut
// at a word to maxIDLength, a repeat numbered (-2, -3). A name with no Latin letter or
// digit (沟通, Коммуникация) gets an id from its place (competency-3), which is stable as
// long as the row stays where it is; the import says which ids it made so.

const maxIDLength = 40

// transliterate is a Latin letter without its accent, or the letters it is written
// with (ß is ss, æ ae); any other rune as it is.
func transliterate(r rune) string {
	if r < 0x80 {
		return string(r)
	}
	if s, ok := latin[r]; ok {
		return s
	}
	return string(r)
}

// latin maps the letters of the Latin-1 Supplement and Latin Extended-A blocks, and a
// few more in use in Europe, to ASCII.
var latin = func() map[rune]string {
	m := map[rune]string{}
	for from, to := range map[string]string{
		"àáâãäåāăą": "a", "ÀÁÂÃÄÅĀĂĄ": "A", "çćĉċč": "c", "ÇĆĈĊČ": "C", "ďđ": "d", "ĎĐ": "D",
		"èéêëēĕėęě": "e", "ÈÉÊËĒĔĖĘĚ": "E", "ĝğġģ": "g", "ĜĞĠĢ": "G", "ĥħ": "h", "ĤĦ": "H",
		"ìíîïĩīĭįı": "i", "ÌÍÎÏĨĪĬĮİ": "I", "ĵ": "j", "Ĵ": "J", "ķ": "k", "Ķ": "K", "ĺļľŀł": "l", "ĹĻĽĿŁ": "L",
		"ñńņňŉ": "n", "ÑŃŅŇ": "N", "òóôõöøōŏő": "o", "ÒÓÔÕÖØŌŎŐ": "O", "ŕŗř": "r", "ŔŖŘ": "R",
		"śŝşšș": "s", "ŚŜŞŠȘ": "S", "ţťŧț": "t", "ŢŤŦȚ": "T", "ùúûüũūŭůűų": "u", "ÙÚÛÜŨŪŬŮŰŲ": "U",
		"ŵ": "w", "Ŵ": "W", "ýÿŷ": "y", "ÝŸŶ": "Y", "źżž": "z", "ŹŻŽ": "Z",
		"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH",
		"’‘`´": "'", "–—": "-",
	} {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()

// fold is s with its Latin letters' accents dropped.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(transliterate(r))
	}
	return b.String()
}

// slug is the id a name makes, "" when it has no ASCII letter or digit once its accents
// are dropped.
func slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(fold(name)) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		case r == '+' && b.Len() > 0:
			b.WriteString("-plus")
		default:
			hyphen = true
		}
	}
	s := b.String()
	for len(s) > maxIDLength {
		i := strings.LastIndexByte(s[:maxIDLength+1], '-')
		if i <= 0 {
			s = s[:maxIDLength]
			break
		}
		s = s[:i]
	}
	return strings.Trim(s, "-")
}

// ids hands out unique ids of one kind.
type ids struct {
	used map[string]bool
	// fallback is how an id from a place starts: "competency", "level", "category".
	fallback string
	// byPlace counts the ids made from places.
	byPlace []string
}

func newIDs(fallback string, reserved ...string) *ids {
	t := &ids{used: map[string]bool{}, fallback: fallback}
	for _, r := range reserved {
		t.used[r] = true
	}
	return t
}

// make returns a unique id for name; pos (from 1) names it when the name gives none.
func (t *ids) make(name string, pos int) string {
	base := slug(name)
	if base == "" {
		base = t.fallback + "-" + strconv.Itoa(pos)
		t.byPlace = append(t.byPlace, base)
	}
	id := base
	for n := 2; t.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	t.used[id] = true
	return id
}
