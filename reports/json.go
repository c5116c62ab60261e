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
// links), the bulk of every report and the same in each, is encoded once and kept.
type reportJSON struct {
	rubricText map[string][]byte
}

// text appends a string of the rubric's, encoded once.
func (j *reportJSON) text(b []byte, s string) []byte {
	enc, ok := j.rubricText[s]
	if !ok {
		if j.rubricText == nil {
			j.rubricText = map[string][]byte{}
		}
		enc = appendJSONString(nil, s)
		j.rubricText[s] = enc
	}
	return append(b, enc...)
}

// appendReportJSON is reportJSON's encoding without keeping the rubric's text.
func appendReportJSON(b []byte, rep *Report) []byte {
	var j reportJSON
	return j.append(b, rep)
}

// append appends rep.
func (j *reportJSON) append(b []byte, rep *Report) []byte {
	b = append(b, `{"format":`...)
	b = j.text(b, rep.Format)
	b = append(b, `,"person":`...)
	b = appendJSONString(b, rep.Person)
	b = append(b, `,"assessor":`...)
	b = appendJSONString(b, rep.Assessor)
	b = append(b, `,"date":`...)
	b = appendJSONStringPtr(b, rep.Date)
	b = append(b, `,"rubric":{"name":`...)
	b = j.text(b, rep.Rubric.Name)
	b = append(b, `,"version":`...)
	b = j.text(b, rep.Rubric.Version)
	b = append(b, `,"sha256":`...)
	b = j.text(b, rep.Rubric.SHA256)
	b = append(b, `},"track":`...)
	b = appendJSONStringPtr(b, rep.Track)
	b = append(b, `,"current_role":`...)
	if c := rep.CurrentRole; c == nil {
		b = append(b, "null"...)
	} else {
		b = j.idName(b, c.ID, c.Name)
		b = append(b, '}')
	}
	b = append(b, `,"estimated_role":`...)
	if e := rep.EstimatedRole; e == nil {
		b = append(b, "null"...)
	} else {
		b = j.idName(b, e.ID, e.Name)
		b = append(b, `,"readiness":`...)
		b = appendJSONNumberPtr(b, e.Readiness)
		b = append(b, '}')
	}
	b = append(b, `,"target_role":`...)
	if t := rep.TargetRole; t == nil {
		b = append(b, "null"...)
	} else {
		b = j.idName(b, t.ID, t.Name)
		b = append(b, `,"readiness":`...)
		b = appendJSONNumberPtr(b, t.Readiness)
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
	b = appendJSONList(b, rep.Readiness == nil, len(rep.Readiness), func(b []byte, i int) []byte {
		r := &rep.Readiness[i]
		b = append(b, `{"role":`...)
		b = j.text(b, r.Role)
		b = append(b, `,"readiness":`...)
		b = appendJSONNumberPtr(b, r.Readiness)
		b = append(b, `,"holds":`...)
		b = strconv.AppendBool(b, r.Holds)
		return append(b, '}')
	})
	b = append(b, `,"categories":`...)
	b = appendJSONList(b, rep.Categories == nil, len(rep.Categories), func(b []byte, i int) []byte {
		c := &rep.Categories[i]
		b = j.idName(b, c.ID, c.Name)
		b = append(b, `,"score":`...)
		b = appendJSONNumberPtr(b, c.Score)
		b = append(b, `,"expected":`...)
		b = appendJSONNumberPtr(b, c.Expected)
		b = append(b, `,"gap":`...)
		b = appendJSONNumberPtr(b, c.Gap)
		return append(b, '}')
	})
	b = append(b, `,"skills":`...)
	b = appendJSONList(b, rep.Skills == nil, len(rep.Skills), func(b []byte, i int) []byte {
		s := &rep.Skills[i]
		b = j.idName(b, s.ID, s.Name)
		b = append(b, `,"category":`...)
		b = j.text(b, s.Category)
		b = append(b, `,"core":`...)
		b = strconv.AppendBool(b, s.Core)
		b = append(b, `,"score":`...)
		b = appendJSONNumberPtr(b, s.Score)
		b = append(b, `,"expected_current":`...)
		b = appendJSONNumberPtr(b, s.ExpectedCurrent)
		b = append(b, `,"expected_target":`...)
		b = appendJSONNumberPtr(b, s.ExpectedTarget)
		b = append(b, `,"gap":`...)
		b = appendJSONNumberPtr(b, s.Gap)
		b = append(b, `,"priority":`...)
		b = j.text(b, s.Priority)
		return append(b, '}')
	})
	b = append(b, `,"gaps":`...)
	b = appendJSONList(b, rep.Gaps == nil, len(rep.Gaps), func(b []byte, i int) []byte {
		g := &rep.Gaps[i]
		b = append(b, `{"skill":`...)
		b = j.text(b, g.Skill)
		b = append(b, `,"name":`...)
		b = j.text(b, g.Name)
		b = append(b, `,"score":`...)
		b = appendJSONNumber(b, g.Score)
		b = append(b, `,"expected":`...)
		b = appendJSONNumber(b, g.Expected)
		b = append(b, `,"gap":`...)
		b = appendJSONNumber(b, g.Gap)
		b = append(b, `,"priority":`...)
		b = j.text(b, g.Priority)
		b = append(b, `,"actions":`...)
		b = j.texts(b, g.Actions)
		return append(b, '}')
	})
	b = append(b, `,"certifications":`...)
	b = appendJSONList(b, rep.Certifications == nil, len(rep.Certifications), func(b []byte, i int) []byte {
		c := &rep.Certifications[i]
		b = j.idName(b, c.ID, c.Name)
		b = append(b, `,"issuer":`...)
		b = j.text(b, c.Issuer)
		b = append(b, `,"url":`...)
		b = j.text(b, c.URL)
		b = append(b, `,"covers":`...)
		b = j.texts(b, c.Covers)
		b = append(b, `,"value":`...)
		b = appendJSONNumber(b, c.Value)
		return append(b, '}')
	})
	b = append(b, `,"next_roles":`...)
	b = appendJSONList(b, rep.NextRoles == nil, len(rep.NextRoles), func(b []byte, i int) []byte {
		n := &rep.NextRoles[i]
		b = j.idName(b, n.ID, n.Name)
		b = append(b, `,"readiness":`...)
		b = appendJSONNumberPtr(b, n.Readiness)
		b = append(b, `,"met":`...)
		b = strconv.AppendInt(b, int64(n.Met), 10)
		b = append(b, `,"total":`...)
		b = strconv.AppendInt(b, int64(n.Total), 10)
		b = append(b, `,"gaps":`...)
		b = appendJSONList(b, n.Gaps == nil, len(n.Gaps), func(b []byte, k int) []byte {
			b = append(b, `{"skill":`...)
			b = j.text(b, n.Gaps[k].Skill)
			b = append(b, `,"gap":`...)
			b = appendJSONNumber(b, n.Gaps[k].Gap)
			return append(b, '}')
		})
		return append(b, '}')
	})
	return append(b, '}')
}

// idName opens an object with a rubric thing's id and name.
func (j *reportJSON) idName(b []byte, id, name string) []byte {
	b = append(b, `{"id":`...)
	b = j.text(b, id)
	b = append(b, `,"name":`...)
	return j.text(b, name)
}

// texts appends a list of the rubric's strings.
func (j *reportJSON) texts(b []byte, list []string) []byte {
	return appendJSONList(b, list == nil, len(list), func(b []byte, i int) []byte { return j.text(b, list[i]) })
}

// appendJSONList appends a list of n elements (null when isNil), each by elem.
func appendJSONList(b []byte, isNil bool, n int, elem func(b []byte, i int) []byte) []byte {
	if isNil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, i)
	}
	return append(b, ']')
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
	if a := math.Abs(v); a < 1e6 && (v != 0 || !math.Signbit(v)) && Round(v) == v {
		return appendNum(b, v)
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
