package reports

import (
	"encoding/json"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// WriteJSON writes v as indented JSON followed by a newline, without HTML escaping (a
// report is data, not markup).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// reportJSON encodes reports as compact JSON, byte for byte what encoding/json writes for
// them with HTML escaping off (TestReportJSONMatchesEncodingJSON), without reflection: a
// team review writes hundreds of thousands of reports. The rubric's text (names, actions,
// links), the bulk of every report and the same in each, is encoded once and kept: by
// value in text, and for the lists that hold every role, category and skill in rubric
// order, each entry's start up to its first number, by position.
type reportJSON struct {
	text       map[string][]byte
	roles      heads[string]
	categories heads[[2]string]
	skills     heads[skillKey]
}

type skillKey struct {
	id, name, category string
	core               bool
}

// heads keeps the encoded start of each entry of a list, by position, with the values
// it encodes as its key.
type heads[K comparable] struct {
	keys []K
	enc  [][]byte
}

// get returns the start kept for position i, if it was made for the same key.
func (h *heads[K]) get(i int, key K) ([]byte, bool) {
	if i < len(h.keys) && h.keys[i] == key {
		return h.enc[i], true
	}
	return nil, false
}

// put keeps enc as the start at position i for key.
func (h *heads[K]) put(i int, key K, enc []byte) {
	for len(h.keys) <= i {
		var zero K
		h.keys, h.enc = append(h.keys, zero), append(h.enc, nil)
	}
	h.keys[i], h.enc[i] = key, append([]byte(nil), enc...)
}

// rubricText appends a string of the rubric's, encoded once.
func (j *reportJSON) rubricText(b []byte, s string) []byte {
	enc, ok := j.text[s]
	if !ok {
		if j.text == nil {
			j.text = map[string][]byte{}
		}
		enc = appendJSONString(nil, s)
		j.text[s] = enc
	}
	return append(b, enc...)
}

// rubricTexts appends a list of the rubric's strings.
func (j *reportJSON) rubricTexts(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		b = listSep(b, i)
		b = j.rubricText(b, s)
	}
	return append(b, ']')
}

// appendReportJSON is reportJSON's encoding for one report.
func appendReportJSON(b []byte, rep *Report) []byte {
	var j reportJSON
	return j.append(b, rep)
}

// listSep separates the entries of a list.
func listSep(b []byte, i int) []byte {
	if i > 0 {
		return append(b, ',')
	}
	return b
}

// openList starts a list, or writes null for a nil one and reports false.
func openList(b []byte, isNil bool) ([]byte, bool) {
	if isNil {
		return append(b, "null"...), false
	}
	return append(b, '['), true
}

// append appends rep.
func (j *reportJSON) append(b []byte, rep *Report) []byte {
	b = append(b, `{"format":`...)
	b = j.rubricText(b, rep.Format)
	b = append(b, `,"person":`...)
	b = appendJSONString(b, rep.Person)
	b = append(b, `,"assessor":`...)
	b = appendJSONString(b, rep.Assessor)
	b = append(b, `,"rater":`...)
	b = appendJSONStringPtr(b, rep.Rater)
	b = append(b, `,"date":`...)
	b = appendJSONStringPtr(b, rep.Date)
	b = append(b, `,"rubric":{"name":`...)
	b = j.rubricText(b, rep.Rubric.Name)
	b = append(b, `,"version":`...)
	b = j.rubricText(b, rep.Rubric.Version)
	b = append(b, `,"sha256":`...)
	b = j.rubricText(b, rep.Rubric.SHA256)
	b = append(b, `},"track":`...)
	b = appendJSONStringPtr(b, rep.Track)
	b = append(b, `,"current_role":`...)
	if c := rep.CurrentRole; c == nil {
		b = append(b, "null"...)
	} else {
		b = append(j.idName(b, c.ID, c.Name), '}')
	}
	b = append(b, `,"estimated_role":`...)
	if e := rep.EstimatedRole; e == nil {
		b = append(b, "null"...)
	} else {
		b = append(j.idName(b, e.ID, e.Name), `,"readiness":`...)
		b = append(appendJSONNumberPtr(b, e.Readiness), '}')
	}
	b = append(b, `,"target_role":`...)
	if t := rep.TargetRole; t == nil {
		b = append(b, "null"...)
	} else {
		b = append(j.idName(b, t.ID, t.Name), `,"readiness":`...)
		b = appendJSONNumberPtr(b, t.Readiness)
		b = append(b, `,"coverage":`...)
		b = appendJSONNumberPtr(b, t.Coverage)
		b = append(b, `,"met":`...)
		b = strconv.AppendInt(b, int64(t.Met), 10)
		b = append(b, `,"total":`...)
		b = strconv.AppendInt(b, int64(t.Total), 10)
		b = append(b, '}')
	}
	b = append(b, `,"answered":`...)
	b = strconv.AppendInt(b, int64(rep.Answered), 10)
	b = append(b, `,"questions":`...)
	b = strconv.AppendInt(b, int64(rep.Questions), 10)

	b = append(b, `,"readiness":`...)
	b, ok := openList(b, rep.Readiness == nil)
	for i := range rep.Readiness {
		r := &rep.Readiness[i]
		b = listSep(b, i)
		if head, ok := j.roles.get(i, r.Role); ok {
			b = append(b, head...)
		} else {
			start := len(b)
			b = append(b, `{"role":`...)
			b = appendJSONString(b, r.Role)
			b = append(b, `,"readiness":`...)
			j.roles.put(i, r.Role, b[start:])
		}
		b = appendJSONNumberPtr(b, r.Readiness)
		b = append(b, `,"coverage":`...)
		b = appendJSONNumberPtr(b, r.Coverage)
		b = append(b, `,"holds":`...)
		b = strconv.AppendBool(b, r.Holds)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"categories":`...)
	b, ok = openList(b, rep.Categories == nil)
	for i := range rep.Categories {
		c := &rep.Categories[i]
		b = listSep(b, i)
		key := [2]string{c.ID, c.Name}
		if head, ok := j.categories.get(i, key); ok {
			b = append(b, head...)
		} else {
			start := len(b)
			b = append(appendIDName(b, c.ID, c.Name), `,"score":`...)
			j.categories.put(i, key, b[start:])
		}
		b = appendJSONNumberPtr(b, c.Score)
		b = append(b, `,"expected":`...)
		b = appendJSONNumberPtr(b, c.Expected)
		b = append(b, `,"gap":`...)
		b = appendJSONNumberPtr(b, c.Gap)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"skills":`...)
	b, ok = openList(b, rep.Skills == nil)
	for i := range rep.Skills {
		s := &rep.Skills[i]
		b = listSep(b, i)
		key := skillKey{s.ID, s.Name, s.Category, s.Core}
		if head, ok := j.skills.get(i, key); ok {
			b = append(b, head...)
		} else {
			start := len(b)
			b = append(appendIDName(b, s.ID, s.Name), `,"category":`...)
			b = appendJSONString(b, s.Category)
			b = append(b, `,"core":`...)
			b = strconv.AppendBool(b, s.Core)
			b = append(b, `,"score":`...)
			j.skills.put(i, key, b[start:])
		}
		b = appendJSONNumberPtr(b, s.Score)
		b = append(b, `,"expected_current":`...)
		b = appendJSONNumberPtr(b, s.ExpectedCurrent)
		b = append(b, `,"expected_target":`...)
		b = appendJSONNumberPtr(b, s.ExpectedTarget)
		b = append(b, `,"gap":`...)
		b = appendJSONNumberPtr(b, s.Gap)
		b = append(b, `,"priority":`...)
		b = j.rubricText(b, string(s.Priority))
		b = append(b, `,"evidence":`...)
		b = appendJSONStringPtr(b, s.Evidence)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"gaps":`...)
	b = j.gaps(b, rep.Gaps)

	b = append(b, `,"unassessed":`...)
	b = j.rubricTexts(b, rep.Unassessed)

	b = append(b, `,"certifications":`...)
	b, ok = openList(b, rep.Certifications == nil)
	for i := range rep.Certifications {
		c := &rep.Certifications[i]
		b = listSep(b, i)
		b = j.idName(b, c.ID, c.Name)
		b = append(b, `,"issuer":`...)
		b = j.rubricText(b, c.Issuer)
		b = append(b, `,"url":`...)
		b = j.rubricText(b, c.URL)
		b = append(b, `,"covers":`...)
		b = j.rubricTexts(b, c.Covers)
		b = append(b, `,"value":`...)
		b = appendJSONNumber(b, c.Value)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"next_roles":`...)
	b, ok = openList(b, rep.NextRoles == nil)
	for i := range rep.NextRoles {
		n := &rep.NextRoles[i]
		b = listSep(b, i)
		b = j.idName(b, n.ID, n.Name)
		b = append(b, `,"lateral":`...)
		b = strconv.AppendBool(b, n.Lateral)
		b = append(b, `,"readiness":`...)
		b = appendJSONNumberPtr(b, n.Readiness)
		b = append(b, `,"coverage":`...)
		b = appendJSONNumberPtr(b, n.Coverage)
		b = append(b, `,"met":`...)
		b = strconv.AppendInt(b, int64(n.Met), 10)
		b = append(b, `,"total":`...)
		b = strconv.AppendInt(b, int64(n.Total), 10)
		b = append(b, `,"gaps":`...)
		var gapsOK bool
		b, gapsOK = openList(b, n.Gaps == nil)
		for k := range n.Gaps {
			b = listSep(b, k)
			b = append(b, `{"skill":`...)
			b = j.rubricText(b, n.Gaps[k].Skill)
			b = append(b, `,"gap":`...)
			b = appendJSONNumber(b, n.Gaps[k].Gap)
			b = append(b, '}')
		}
		b = closeList(b, gapsOK)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"checks":`...)
	b, ok = openList(b, rep.Checks == nil)
	for i := range rep.Checks {
		c := &rep.Checks[i]
		b = listSep(b, i)
		b = append(b, `{"code":`...)
		b = appendJSONString(b, c.Code)
		b = append(b, `,"message":`...)
		b = appendJSONString(b, c.Message)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"also_holds":`...)
	b, ok = openList(b, rep.AlsoHolds == nil)
	for i := range rep.AlsoHolds {
		h := &rep.AlsoHolds[i]
		b = listSep(b, i)
		b = j.idName(b, h.ID, h.Name)
		b = append(b, `,"lateral":`...)
		b = strconv.AppendBool(b, h.Lateral)
		b = append(b, '}')
	}
	b = closeList(b, ok)

	b = append(b, `,"deepen":`...)
	b = j.gaps(b, rep.Deepen)
	return append(b, '}')
}

// gaps encodes a list of gaps with their next steps and actions.
func (j *reportJSON) gaps(b []byte, gaps []Gap) []byte {
	b, ok := openList(b, gaps == nil)
	for i := range gaps {
		g := &gaps[i]
		b = listSep(b, i)
		b = append(b, `{"skill":`...)
		b = j.rubricText(b, g.Skill)
		b = append(b, `,"name":`...)
		b = j.rubricText(b, g.Name)
		b = append(b, `,"score":`...)
		b = appendJSONNumber(b, g.Score)
		b = append(b, `,"expected":`...)
		b = appendJSONNumber(b, g.Expected)
		b = append(b, `,"gap":`...)
		b = appendJSONNumber(b, g.Gap)
		b = append(b, `,"priority":`...)
		b = j.rubricText(b, string(g.Priority))
		b = append(b, `,"next_step":`...)
		b = j.rubricTexts(b, g.NextStep)
		b = append(b, `,"actions":`...)
		b = j.rubricTexts(b, g.Actions)
		b = append(b, '}')
	}
	return closeList(b, ok)
}

// closeList ends a list that openList started.
func closeList(b []byte, opened bool) []byte {
	if opened {
		return append(b, ']')
	}
	return b
}

// idName opens an object with a rubric thing's id and name.
func (j *reportJSON) idName(b []byte, id, name string) []byte {
	b = append(b, `{"id":`...)
	b = j.rubricText(b, id)
	b = append(b, `,"name":`...)
	return j.rubricText(b, name)
}

// appendIDName is idName for a start that is kept anyway.
func appendIDName(b []byte, id, name string) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, id)
	b = append(b, `,"name":`...)
	return appendJSONString(b, name)
}

func appendJSONStringPtr(b []byte, p *string) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *p)
}

func appendJSONNumberPtr(b []byte, p *float64) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return appendJSONNumber(b, *p)
}

// appendJSONNumber writes a number of a report (rounded to two decimals already) as
// encoding/json does: through the CSV's number cells, which write a rounded number
// exactly so, or through encoding/json itself for numbers outside their range.
func appendJSONNumber(b []byte, v float64) []byte {
	if v == 0 && !math.Signbit(v) {
		return append(b, '0')
	}
	if a := math.Abs(v); a >= 0.01 && a < 1e6 {
		if k := cents(v); float64(k)/100 == v { // v is rounded to hundredths already
			return appendCents(b, k)
		}
	}
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) || math.IsNaN(v) || math.IsInf(v, 0) {
		out, err := json.Marshal(v)
		if err != nil {
			return append(b, "null"...)
		}
		return append(b, out...)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// appendJSONString writes s as a JSON string as encoding/json does without HTML
// escaping: quotes, backslashes and control characters escaped, invalid UTF-8 replaced
// by U+FFFD, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most text needs no escape: skip it a byte at a time, without branching on it.
		for i < len(s) && jsonPlain(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			start = i + size
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// jsonPlain reports whether a JSON string holds the byte as it is: printable ASCII but
// the quote and the backslash. (Bytes from 0x80 are decoded as UTF-8.)
func jsonPlain(c byte) bool { return c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' }
