// Package input reads what people give pmladder: answers files (YAML or JSON, one person
// or a stream of several), team sheets (CSV) and workbooks (XLSX), each checked against
// the rubric with every problem located by file and line (or sheet and cell), and the
// team-review loop (Review) that reads them all, scores them on several goroutines and
// hands them in order to a TeamSink. The blank templates people fill in live here too,
// beside the readers they must satisfy.
package input

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/yamlnode"
	"github.com/pmladder/pmladder/rubric"
)

// ParseAnswers reads an answers document (YAML or JSON) and checks it against the rubric.
// Problems (unknown questions, scores off the scale, unknown roles…) come back together as
// a problem.List naming file and line. Warnings are things worth telling the user that do
// not stop scoring, such as answers given against another version of the rubric.
func ParseAnswers(file string, data []byte, r *rubric.Rubric) (a *assess.Answers, warnings []string, err error) {
	rd := yamlnode.Reader{File: file}
	root := rd.Parse(data, answersWhat)
	if root == nil {
		return nil, nil, rd.Problems.Err()
	}
	return parseAnswersNode(&rd, root, r)
}

const answersWhat = "answers (" + assess.AnswersFormat + ")"

// rubricChanged starts the warning for answers given against another rubric (or another
// version of it), which a team review gives once.
const rubricChanged = "these answers were given against"

// AnswersDoc is one document of a file that may hold several people's answers.
type AnswersDoc struct {
	Answers *assess.Answers
	// Line is where the document starts.
	Line     int
	Warnings []string
	// Err holds the document's problems; Answers is nil then.
	Err error
}

// EachAnswers reads every document of a YAML stream (documents separated by ---), one
// person each, as a team review does: each goes to fn as it is read, so memory holds one
// document's tree, not the file's. Each document is checked on its own, so that one bad
// document does not hide the others; the error reports problems with the file as a whole,
// such as broken YAML, after which later documents are lost.
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
func parseAnswersNode(rd *yamlnode.Reader, root *yaml.Node, r *rubric.Rubric) (a *assess.Answers, warnings []string, err error) {
	file := rd.File
	f := rd.Mapping(root, "the answers", append(append([]string{"format"}, assess.ProfileFields()...),
		assess.FieldRater, assess.FieldCertifications, "rubric", "complete", "quick", "no_save", "answers", "evidence")...)
	if !rd.Format(root, f["format"], assess.AnswersFormat, "an answers file") {
		return nil, nil, rd.Problems.Err()
	}
	a = assess.NewAnswers(r)
	if v := f["rubric"].Value; !yamlnode.IsNull(v) {
		rf := rd.Mapping(v, "rubric", "name", "version", "sha256", "source")
		a.Rubric = assess.RubricRef{
			Name:    rd.String(rf["name"].Value, "rubric name"),
			Version: rd.String(rf["version"].Value, "rubric version"),
			SHA256:  rd.String(rf["sha256"].Value, "rubric sha256"),
			Source:  rd.String(rf["source"].Value, "rubric source"),
		}
		if a.Rubric.SHA256 != "" && a.Rubric.SHA256 != r.SHA256 {
			warnings = append(warnings, fmt.Sprintf("%s:%d: %s %s; scoring them against %s",
				file, v.Line, rubricChanged, a.Rubric.Describe(), assess.Describe(r)))
		}
	}
	// Answers written for another ladder (or another version of this one) name questions,
	// skills and roles this one lacks: each such problem says how to read them.
	other := otherLadderHint(a.Rubric, r)
	for _, field := range append(assess.ProfileFields(), assess.FieldRater) {
		v := f[field].Value
		if yamlnode.IsNull(v) {
			continue
		}
		text := strings.TrimSpace(rd.String(v, field))
		if msg := a.SetProfile(r, field, text); msg != "" {
			if field == "current_role" || field == "target_role" || field == "track" {
				msg += other
			}
			rd.Addf(v, "%s %s", field, msg)
		}
	}
	if v := f[assess.FieldCertifications].Value; !yamlnode.IsNull(v) {
		ids, nodes := rd.Strings(v, assess.FieldCertifications)
		for i, id := range ids {
			if msg := a.AddCertification(r, id); msg != "" {
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
			rd.Addf(e.Key, "evidence for unknown skill %q: not in %s%s", e.Key.Value, assess.Describe(r), other)
		case text != "":
			a.SetEvidence(e.Key.Value, text)
		}
	}
	for _, e := range rd.Pairs(f["answers"].Value, "answers") {
		id := e.Key.Value
		if r.Question(id) == nil {
			rd.Addf(e.Key, "unknown question %q: not in %s%s", id, assess.Describe(r), other)
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

// otherLadderHint ends the problems of answers that record a rubric of another name or
// version than r: they were written for that ladder, so name it and the two ways to read
// them (under it, or carried to r with --was and --map); "" when they record none, or r.
func otherLadderHint(ref assess.RubricRef, r *rubric.Rubric) string {
	if ref.Name == "" || ref.Name == r.Name && ref.Version == r.Version {
		return ""
	}
	under := "--rubric set to that ladder"
	switch {
	case ref.Source == rubric.DefaultSource:
		under = "the built-in ladder (no --rubric)"
	case ref.Source != "":
		under = "--rubric " + ref.Source
	}
	what := ref.Name
	if ref.Version != "" {
		what += " " + ref.Version
	}
	return fmt.Sprintf("; these answers were written for %s: score them with %s, or re-score them under this one with --was OLD.yaml [--map MAP.yaml]", what, under)
}

// readAnswer reads one answer: an integer on the scale or "na"; empty means unanswered.
func readAnswer(rd *yamlnode.Reader, n *yaml.Node, id string, scale rubric.Scale) (assess.Answer, bool) {
	if yamlnode.IsNull(n) {
		return assess.Answer{}, false
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		if strings.EqualFold(strings.TrimSpace(n.Value), "na") {
			return assess.Answer{NA: true}, true
		}
		if strings.TrimSpace(n.Value) == "" {
			return assess.Answer{}, false
		}
	}
	v, err := assess.ParseScore(scalarText(n), scale)
	if err != nil {
		rd.Addf(n, "question %q: %v", id, err)
		return assess.Answer{}, false
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

// MarshalYAML writes answers as a pmladder-answers/v1 document, answers in rubric order,
// recording the rubric they were given against.
func MarshalYAML(a *assess.Answers, r *rubric.Rubric) []byte {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) {
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	add("format", str(assess.AnswersFormat))
	add("person", str(a.Person))
	add("assessor", str(string(a.Assessor)))
	if a.Rater != "" {
		add(assess.FieldRater, str(a.Rater))
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
		add(assess.FieldCertifications, certs)
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
