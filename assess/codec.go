package assess

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/internal/yamlnode"
	"github.com/pmladder/pmladder/rubric"
)

// ParseAnswers reads an answers document (YAML or JSON) and checks it against the rubric.
// Problems (unknown questions, scores off the scale, unknown roles…) come back together as
// a problem.List naming file and line. Warnings are things worth telling the user that do
// not stop scoring, such as answers given against another version of the rubric.
func ParseAnswers(file string, data []byte, r *rubric.Rubric) (a *Answers, warnings []string, err error) {
	rd := yamlnode.Reader{File: file}
	root := rd.Parse(data, answersWhat)
	if root == nil {
		return nil, nil, rd.Problems.Err()
	}
	return parseAnswersNode(&rd, root, r)
}

const answersWhat = "answers (" + AnswersFormat + ")"

// rubricChanged starts the warning for answers given against another rubric (or another
// version of it), which a team review gives once.
const rubricChanged = "these answers were given against"

// AnswersDoc is one document of a file that may hold several people's answers.
type AnswersDoc struct {
	Answers *Answers
	// Line is where the document starts.
	Line     int
	Warnings []string
	// Err holds the document's problems; Answers is nil then.
	Err error
}

// ParseAnswersAll reads every document of a YAML stream (documents separated by ---), one
// person each, as a team review does. Each document is checked on its own, so that one
// bad document does not hide the others; err reports problems with the file as a whole,
// such as broken YAML, after which later documents are lost.
func ParseAnswersAll(file string, data []byte, r *rubric.Rubric) (docs []AnswersDoc, err error) {
	err = EachAnswers(file, data, r, func(d AnswersDoc) { docs = append(docs, d) })
	return docs, err
}

// EachAnswers is ParseAnswersAll one document at a time, for a team review: each goes to
// fn as it is read, so memory holds one document's tree, not the file's.
func EachAnswers(file string, data []byte, r *rubric.Rubric, fn func(AnswersDoc)) error {
	rd := yamlnode.Reader{File: file}
	rd.EachDocument(data, answersWhat, func(root *yaml.Node) {
		doc := yamlnode.Reader{File: file}
		a, warnings, err := parseAnswersNode(&doc, root, r)
		fn(AnswersDoc{Answers: a, Line: root.Line, Warnings: warnings, Err: err})
	})
	return rd.Problems.Err()
}

// parseAnswersNode reads one answers document.
func parseAnswersNode(rd *yamlnode.Reader, root *yaml.Node, r *rubric.Rubric) (a *Answers, warnings []string, err error) {
	file := rd.File
	f := rd.Mapping(root, "the answers", append(append([]string{"format"}, ProfileFields()...),
		FieldRater, FieldCertifications, "rubric", "complete", "quick", "no_save", "answers", "evidence")...)
	switch format := rd.String(f["format"].Value, "format"); {
	case f["format"].Key == nil:
		rd.Addf(root, "missing format: want format: %s", AnswersFormat)
	case format != AnswersFormat:
		rd.Problems = nil
		rd.Addf(f["format"].Value, "format %q is not %s: this is not an answers file", format, AnswersFormat)
		return nil, nil, rd.Problems.Err()
	}
	a = NewAnswers(r)
	for _, field := range append(ProfileFields(), FieldRater) {
		v := f[field].Value
		if yamlnode.IsNull(v) {
			continue
		}
		text := strings.TrimSpace(rd.String(v, field))
		if msg := a.setProfile(r, field, text); msg != "" {
			rd.Addf(v, "%s %s", field, msg)
		}
	}
	if v := f[FieldCertifications].Value; !yamlnode.IsNull(v) {
		ids, nodes := rd.Strings(v, FieldCertifications)
		for i, id := range ids {
			if msg := a.addCertification(r, id); msg != "" {
				rd.Addf(nodes[i], "certifications: %s", msg)
			}
		}
	}
	if v := f["complete"].Value; !yamlnode.IsNull(v) {
		a.Complete = rd.Bool(v, "complete")
	}
	if v := f["quick"].Value; !yamlnode.IsNull(v) {
		a.Quick = rd.Bool(v, "quick")
	}
	if v := f["no_save"].Value; !yamlnode.IsNull(v) {
		a.NoSave = rd.Bool(v, "no_save")
	}
	for _, e := range rd.Pairs(f["evidence"].Value, "evidence") {
		text := strings.TrimSpace(rd.String(e.Value, "evidence for "+e.Key.Value))
		switch {
		case r.Skill(e.Key.Value) == nil:
			rd.Addf(e.Key, "evidence for unknown skill %q: not in %s", e.Key.Value, describeRubric(r))
		case text != "":
			a.SetEvidence(e.Key.Value, text)
		}
	}
	if v := f["rubric"].Value; !yamlnode.IsNull(v) {
		rf := rd.Mapping(v, "rubric", "name", "version", "sha256", "source")
		a.Rubric = RubricRef{
			Name:    rd.String(rf["name"].Value, "rubric name"),
			Version: rd.String(rf["version"].Value, "rubric version"),
			SHA256:  rd.String(rf["sha256"].Value, "rubric sha256"),
			Source:  rd.String(rf["source"].Value, "rubric source"),
		}
		if a.Rubric.SHA256 != "" && a.Rubric.SHA256 != r.SHA256 {
			warnings = append(warnings, fmt.Sprintf("%s:%d: %s %s; scoring them against %s",
				file, v.Line, rubricChanged, describeRef(a.Rubric), describeRubric(r)))
		}
	}
	for _, e := range rd.Pairs(f["answers"].Value, "answers") {
		id := e.Key.Value
		if r.Question(id) == nil {
			rd.Addf(e.Key, "unknown question %q: not in %s", id, describeRubric(r))
			continue
		}
		if ans, ok := readAnswer(rd, e.Value, id, r.Scale); ok {
			a.Set(id, ans)
		}
	}
	if err := rd.Problems.Err(); err != nil {
		return nil, nil, err
	}
	return a, warnings, nil
}

// readAnswer reads one answer: an integer on the scale or "na"; empty means unanswered.
func readAnswer(rd *yamlnode.Reader, n *yaml.Node, id string, scale rubric.Scale) (Answer, bool) {
	if yamlnode.IsNull(n) {
		return Answer{}, false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		if strings.EqualFold(strings.TrimSpace(n.Value), "na") {
			return Answer{NA: true}, true
		}
		if strings.TrimSpace(n.Value) == "" {
			return Answer{}, false
		}
	}
	v, err := ParseScore(scalarText(n), scale)
	if err != nil {
		rd.Addf(n, "question %q: %v", id, err)
		return Answer{}, false
	}
	return v, true
}

func scalarText(n *yaml.Node) string {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.ScalarNode {
		return "a list or mapping"
	}
	return n.Value
}

// ParseScore reads one answer as written in a file or a sheet cell: a whole number on the
// scale, or "na". The error says what is wrong in words a user can act on.
func ParseScore(s string, scale rubric.Scale) (Answer, error) {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' { // the common case, quickly
		if v := int(s[0] - '0'); v >= scale.Min && v <= scale.Max {
			return Answer{Score: v}, nil
		}
	}
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "na") {
		return Answer{NA: true}, nil
	}
	// A whole number, optionally written with a zero fraction as spreadsheets may ("3.0");
	// nothing that only Go's number syntax would read ("0x1p1", "0_3", "3.").
	whole, frac, hasFrac := strings.Cut(t, ".")
	v, err := strconv.Atoi(whole)
	if err != nil || strings.ContainsAny(whole, "_") || whole == "" || strings.HasPrefix(whole, "+") ||
		(hasFrac && (frac == "" || strings.Trim(frac, "0") != "")) {
		return Answer{}, fmt.Errorf("%s is not a score (%d–%d or na)", quoteShort(s), scale.Min, scale.Max)
	}
	if v < scale.Min || v > scale.Max {
		return Answer{}, fmt.Errorf("score %d is outside the scale %d–%d", v, scale.Min, scale.Max)
	}
	return Answer{Score: v}, nil
}

// ParseDate reads a date as RFC 3339 (2026-11-22T10:04:05Z), a calendar day (2026-11-22,
// 2026/11/22) or a day as spreadsheets export it in the writer's locale: 22/11/2026, 11/22/2026,
// 22.11.2026 (dots are always day first), with or without leading zeros. A slash date whose day
// and month could be swapped (03/04/2026) is refused rather than guessed, because a wrong guess
// would silently move an assessment by months; the error says how to write it.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) == len("2006-01-02") {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if t, ok, err := parseLocaleDay(s); ok {
		return t, err
	}
	return time.Time{}, fmt.Errorf("%s is not a date (2026-11-22, 22/11/2026 or 2026-11-22T10:04:05Z)", quoteShort(s))
}

// parseLocaleDay reads the numeric day forms with / or . as separator; ok is false when s
// has none of those shapes.
func parseLocaleDay(s string) (t time.Time, ok bool, err error) {
	sep := "/"
	if strings.Count(s, ".") == 2 {
		sep = "."
	}
	parts := strings.Split(s, sep)
	if len(parts) != 3 {
		return time.Time{}, false, nil
	}
	var n [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return time.Time{}, false, nil
		}
		n[i], _ = strconv.Atoi(p)
	}
	day := func(y, m, d int) (time.Time, bool, error) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || t.Day() != d {
			return time.Time{}, true, fmt.Errorf("%s is not a day of the calendar", quoteShort(s))
		}
		return t, true, nil
	}
	switch {
	case len(parts[0]) == 4: // 2026/11/22
		return day(n[0], n[1], n[2])
	case len(parts[2]) != 4:
		return time.Time{}, true, fmt.Errorf("%s: write the year with four digits (2026-11-22)", quoteShort(s))
	case sep == ".": // 22.11.2026
		return day(n[2], n[1], n[0])
	case n[0] > 12: // 22/11/2026
		return day(n[2], n[1], n[0])
	case n[1] > 12: // 11/22/2026
		return day(n[2], n[0], n[1])
	case n[0] == n[1]: // 05/05/2026 reads the same either way
		return day(n[2], n[0], n[1])
	default:
		return time.Time{}, true, fmt.Errorf("%s could be %04d-%02d-%02d or %04d-%02d-%02d; write it as YYYY-MM-DD",
			quoteShort(s), n[2], n[1], n[0], n[2], n[0], n[1])
	}
}

func describeRef(ref RubricRef) string {
	d := ref.Name
	if d == "" {
		d = "another rubric"
	}
	if ref.Version != "" {
		d += " " + ref.Version
	}
	if len(ref.SHA256) >= 12 {
		d += " (" + ref.SHA256[:12] + ")"
	}
	return d
}

func describeRubric(r *rubric.Rubric) string {
	return describeRef(RubricRef{Name: r.Name, Version: r.Version, SHA256: r.SHA256})
}

// MarshalYAML writes answers as a pmladder-answers/v1 document, answers in rubric order,
// recording the rubric they were given against.
func MarshalYAML(a *Answers, r *rubric.Rubric) []byte {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) {
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	add("format", str(AnswersFormat))
	add("person", str(a.Person))
	add("assessor", str(a.Assessor))
	if a.Rater != "" {
		add(FieldRater, str(a.Rater))
	}
	if !a.Date.IsZero() {
		add("date", str(a.Date.UTC().Format(time.RFC3339)))
	}
	for _, kv := range [][2]string{{"current_role", a.CurrentRole}, {"target_role", a.TargetRole}, {"track", a.Track}} {
		if kv[1] != "" {
			add(kv[0], str(kv[1]))
		}
	}
	ref := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	refFields := [][2]string{{"name", r.Name}, {"version", r.Version}, {"sha256", r.SHA256}}
	if !a.Complete && r.Source != "" {
		source := r.Source
		if source != rubric.DefaultSource {
			if abs, err := filepath.Abs(source); err == nil {
				source = abs
			}
		}
		refFields = append(refFields, [2]string{"source", source}) // a draft resumes with it
	}
	for _, kv := range refFields {
		ref.Content = append(ref.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: kv[0]}, str(kv[1]))
	}
	if len(a.Certifications) > 0 {
		certs := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, c := range a.Certifications {
			certs.Content = append(certs.Content, str(c))
		}
		add(FieldCertifications, certs)
	}
	add("rubric", ref)
	add("complete", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(a.Complete)})
	if a.Quick {
		add("quick", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	if a.NoSave && !a.Complete {
		add("no_save", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	answers := &yaml.Node{Kind: yaml.MappingNode}
	for pos, q := range r.Questions() {
		if v, ok := a.Lookup(pos); ok {
			val := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: v.String()}
			if v.NA {
				val = str("na")
			}
			answers.Content = append(answers.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: q.ID}, val)
		}
	}
	if len(answers.Content) == 0 {
		answers.Style = yaml.FlowStyle
	}
	add("answers", answers)
	if len(a.Evidence) > 0 {
		ev := &yaml.Node{Kind: yaml.MappingNode}
		for _, sk := range r.Skills() {
			if text, ok := a.Evidence[sk.ID]; ok {
				ev.Content = append(ev.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: sk.ID}, str(text))
			}
		}
		add("evidence", ev)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		// Encoding a tree of plain scalars cannot fail; a failure here is a bug.
		panic(fmt.Sprintf("encoding answers: %v", err))
	}
	enc.Close()
	return buf.Bytes()
}

// quoteShort quotes a value for a message, cut to 40 characters so that one bad cell
// cannot make a message of megabytes.
func quoteShort(s string) string {
	const most = 40
	if r := []rune(s); len(r) > most {
		return strconv.Quote(string(r[:most])) + "…"
	}
	return strconv.Quote(s)
}
