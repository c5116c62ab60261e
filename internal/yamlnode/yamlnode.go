// Package yamlnode reads a YAML (or JSON) document into a node tree and offers typed,
// strict accessors that record a problem with its line for anything unexpected, instead of
// stopping at the first one. Both the rubric and the answers parsers use it, so every input
// file reports errors the same way.
package yamlnode

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/internal/problem"
)

// maxNodes bounds the work spent walking a document, so that nested aliases (a "billion
// laughs" document) cannot make a small file expensive.
const maxNodes = 1_000_000

// maxProblems caps a report: past it, more problems only bury the first ones.
const maxProblems = 100

// Reader walks one document and collects its problems.
type Reader struct {
	File     string
	Problems problem.List
	visited  int
}

// Parse reads the single document in data. It returns the document's root node, or nil
// after recording why there is none (empty input, not UTF-8, not YAML, several documents).
func (r *Reader) Parse(data []byte, what string) *yaml.Node {
	roots := r.ParseAll(data, what)
	switch {
	case len(roots) > 1:
		r.Problems.Add(r.File, roots[1].Line, "more than one YAML document: want one %s", what)
		return nil
	case len(roots) == 1 && len(r.Problems) == 0:
		return roots[0]
	}
	return nil
}

// ParseAll reads every document in data (documents separated by ---), each of which must
// be a mapping, and returns their root nodes. Empty documents are skipped. After a
// problem it returns what it read before it.
func (r *Reader) ParseAll(data []byte, what string) []*yaml.Node {
	var roots []*yaml.Node
	r.EachDocument(data, what, func(root *yaml.Node) { roots = append(roots, root) })
	return roots
}

// EachDocument is ParseAll one document at a time: each root goes to fn as it is decoded
// and may be dropped after, so that a file of many documents never holds all their trees
// (a node tree takes tens of times the bytes of its text).
func (r *Reader) EachDocument(data []byte, what string, fn func(root *yaml.Node)) {
	if len(bytes.TrimSpace(data)) == 0 {
		r.Problems.Add(r.File, 1, "empty file: want %s", what)
		return
	}
	if !utf8.Valid(data) {
		r.Problems.Add(r.File, invalidUTF8Line(data), "not UTF-8 text: want %s", what)
		return
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		r.Problems.Add(r.File, 1+bytes.Count(data[:i], []byte("\n")), "binary data (a NUL byte): want %s", what)
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	docs := 0
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, msg := syntaxError(err)
			r.Problems.Add(r.File, line, "not valid YAML: %s", msg)
			return
		}
		if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || IsNull(doc.Content[0]) {
			continue
		}
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			r.Problems.Add(r.File, root.Line, "want %s (a mapping of keys to values), found %s", what, kindName(root))
			return
		}
		docs++
		fn(root)
	}
	if docs == 0 && len(r.Problems) == 0 {
		r.Problems.Add(r.File, 1, "empty document: want %s", what)
	}
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns the parser's "yaml: line N: msg" into a line and a message.
// yaml.v3 counts lines from 0 for parser errors (not for scanner errors), so those are
// moved down one line to where the user sees the problem.
func syntaxError(err error) (int, string) {
	msg := err.Error()
	m := yamlLineRe.FindStringSubmatch(msg)
	if m == nil {
		return 1, strings.TrimPrefix(msg, "yaml: ")
	}
	n, _ := strconv.Atoi(m[1])
	for _, p := range []string{"did not find expected", "found duplicate %", "found incompatible", "found undefined tag"} {
		if strings.HasPrefix(m[2], p) {
			n++
			break
		}
	}
	return max(n, 1), m[2]
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

// Addf records a problem at the node's line. After maxProblems it records that it stops,
// and ends the walk.
func (r *Reader) Addf(n *yaml.Node, format string, args ...any) {
	if len(r.Problems) > maxProblems {
		return
	}
	line := 0
	if n != nil {
		line = n.Line
	}
	if len(r.Problems) == maxProblems {
		r.Problems.Add(r.File, line, "too many problems; stopping here")
		r.visited = maxNodes
		return
	}
	r.Problems.Add(r.File, line, format, args...)
}

// resolve follows aliases and charges the walk budget.
func (r *Reader) resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	r.visited++
	if r.visited == maxNodes {
		r.Addf(n, "document too large or too deeply aliased; stopping here")
	}
	return n
}

// Exhausted reports whether the walk budget is spent; callers stop walking then.
func (r *Reader) Exhausted() bool { return r.visited >= maxNodes }

// IsNull reports whether a value is absent or an explicit null (`key:` or `key: null`).
func IsNull(n *yaml.Node) bool {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// Field is a key's value in a mapping, with the key's own node for error lines.
type Field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Mapping checks that n is a mapping whose keys are all among known and none repeats, and
// returns its fields by key. what names the thing for messages, e.g. `skill "data-fluency"`.
// Unknown keys are problems, so a typo never passes silently.
func (r *Reader) Mapping(n *yaml.Node, what string, known ...string) map[string]Field {
	n = r.resolve(n)
	out := map[string]Field{}
	if n == nil || r.Exhausted() {
		return out
	}
	if n.Kind != yaml.MappingNode {
		r.Addf(n, "%s must be a mapping of keys to values, found %s", what, kindName(n))
		return out
	}
	what = withID(n, what)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := r.resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			r.Addf(k, "%s: keys must be plain names, found %s", what, kindName(k))
			continue
		}
		if k.Value == "<<" {
			r.Addf(k, "%s: merge keys (<<) are not supported; write the keys out", what)
			continue
		}
		if !slices.Contains(known, k.Value) {
			if close, hint := match.Value(k.Value, known); close != "" { // data-dir for data_dir
				r.Addf(k, "unknown key %q in %s (did you mean %s?)", k.Value, what, close)
			} else if hint != "" {
				r.Addf(k, "unknown key %q in %s%s", k.Value, what, hint)
			} else {
				r.Addf(k, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(known, ", "))
			}
			continue
		}
		if prev, dup := out[k.Value]; dup {
			r.Addf(k, "%s: key %q repeats (first at line %d)", what, k.Value, prev.Key.Line)
			continue
		}
		out[k.Value] = Field{Key: k, Value: v}
	}
	return out
}

// withID names a mapping by its id key when it has one, so that a message about an
// unknown key says which skill or role holds it: `skill "data-fluency"`.
func withID(n *yaml.Node, what string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "id" && v.Kind == yaml.ScalarNode && v.Value != "" && !strings.Contains(what, `"`) {
			return fmt.Sprintf("%s %q", what, v.Value)
		}
	}
	return what
}

// Pairs returns a mapping's entries in file order, for mappings whose keys are data (such as
// a role's expects), reporting repeated keys.
func (r *Reader) Pairs(n *yaml.Node, what string) []Field {
	n = r.resolve(n)
	if IsNull(n) || r.Exhausted() {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		r.Addf(n, "%s must be a mapping, found %s", what, kindName(n))
		return nil
	}
	var out []Field
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := r.resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode {
			r.Addf(k, "%s: keys must be plain names, found %s", what, kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			r.Addf(k, "%s: key %q repeats (first at line %d)", what, k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, Field{Key: k, Value: n.Content[i+1]})
	}
	return out
}

// Seq returns a sequence's items; null gives none. A non-sequence is a problem.
func (r *Reader) Seq(n *yaml.Node, what string) []*yaml.Node {
	n = r.resolve(n)
	if IsNull(n) || r.Exhausted() {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.Addf(n, "%s must be a list, found %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// String returns a scalar's text; null gives "". Lists and mappings are problems.
func (r *Reader) String(n *yaml.Node, what string) string {
	n = r.resolve(n)
	if IsNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		r.Addf(n, "%s must be text, found %s", what, kindName(n))
		return ""
	}
	if n.Tag == "!!binary" {
		r.Addf(n, "%s must be text, found binary data (!!binary)", what)
		return ""
	}
	return n.Value
}

// Strings returns a list of scalars' texts with the node of each, for reference checks.
func (r *Reader) Strings(n *yaml.Node, what string) ([]string, []*yaml.Node) {
	var vals []string
	var nodes []*yaml.Node
	for _, item := range r.Seq(n, what) {
		item = r.resolve(item)
		if item.Kind != yaml.ScalarNode || IsNull(item) {
			r.Addf(item, "%s: each entry must be text, found %s", what, kindName(item))
			continue
		}
		vals = append(vals, item.Value)
		nodes = append(nodes, item)
	}
	return vals, nodes
}

// Int returns a whole number; ok is false (after recording a problem) for anything else.
func (r *Reader) Int(n *yaml.Node, what string) (v int, ok bool) {
	n = r.resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		r.Addf(n, "%s must be a whole number, found %s", what, describe(n))
		return 0, false
	}
	if n.Tag == "!!int" {
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 32)
		if err != nil {
			r.Addf(n, "%s: %s is out of range", what, n.Value)
			return 0, false
		}
		return int(i), true
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
		r.Addf(n, "%s must be a whole number, found %s", what, n.Value)
		return 0, false
	}
	return int(f), true
}

// Number returns a finite number; ok is false (after recording a problem) for anything else.
func (r *Reader) Number(n *yaml.Node, what string) (v float64, ok bool) {
	n = r.resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		r.Addf(n, "%s must be a number, found %s", what, describe(n))
		return 0, false
	}
	if n.Tag == "!!int" {
		i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err != nil {
			r.Addf(n, "%s: %s is out of range", what, n.Value)
			return 0, false
		}
		return float64(i), true
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		r.Addf(n, "%s must be a finite number, found %s", what, n.Value)
		return 0, false
	}
	return f, true
}

// Bool returns true or false; anything else is a problem.
func (r *Reader) Bool(n *yaml.Node, what string) bool {
	n = r.resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		r.Addf(n, "%s must be true or false, found %s", what, describe(n))
		return false
	}
	return strings.EqualFold(n.Value, "true")
}

// describe names a value for a message: the scalar itself, or its kind.
func describe(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		v := n.Value
		if len(v) > 40 {
			v = v[:37] + "..."
		}
		return strconv.Quote(v)
	}
	return kindName(n)
}

func kindName(n *yaml.Node) string {
	switch {
	case n == nil:
		return "nothing"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.ScalarNode && n.Tag == "!!null":
		return "nothing"
	case n.Kind == yaml.ScalarNode:
		return problem.Quote(n.Value)
	default:
		return "an alias"
	}
}

// Format checks a document's format field against want. A missing field is a problem and
// the reading goes on; another format is this file's only problem (its other keys would
// bury it), and Format returns false: the file is not a kind, so stop reading it.
func (r *Reader) Format(root *yaml.Node, field Field, want, kind string) bool {
	switch format := r.String(field.Value, "format"); {
	case field.Key == nil:
		r.Addf(root, "missing format: want format: %s", want)
	case format != want:
		r.Problems = nil
		r.Addf(field.Value, "format %q is not %s: this is not %s", format, want, kind)
		return false
	}
	return true
}
