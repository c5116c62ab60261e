package rubric

import (
	"crypto/sha256"
	_ "embed" // the built-in rubric
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/internal/yamlnode"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultSource is the Source of the built-in rubric.
const DefaultSource = "built-in"

// DefaultYAML returns the built-in rubric's source, comments included, for `rubric init`.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

// Default parses the built-in rubric.
func Default() (*Rubric, error) { return Parse(DefaultSource, defaultYAML) }

// Load reads and parses the rubric file at path. An unreadable file is an ordinary error;
// anything wrong inside it is a problem.List naming path and line.
func Load(path string) (*Rubric, error) {
	data, err := inputfile.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read rubric: %w", err)
	}
	return Parse(path, data)
}

// isSheetColumn reports whether id is one of the fixed columns of a team sheet; a question
// with such an id would make the sheet's header ambiguous.
func isSheetColumn(id string) bool {
	switch id {
	case "person", "assessor", "date", "current_role", "target_role", "track":
		return true
	}
	return false
}

// idPattern keeps ids safe as CSV headers, map keys and parts of file names.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Parse decodes and validates a rubric. file names the source in messages. On any problem
// it returns a problem.List with every problem found, in line order, and no rubric.
func Parse(file string, data []byte) (*Rubric, error) {
	p := &parser{rd: yamlnode.Reader{File: file}, ids: map[string]map[string]int{}, src: newSrcLines()}
	root := p.rd.Parse(data, "a rubric ("+FormatTag+")")
	if root == nil {
		return nil, p.rd.Problems.Err()
	}
	r := p.rubric(root)
	if r == nil {
		return nil, p.rd.Problems.Err()
	}
	p.checkRefs()
	if err := p.rd.Problems.Err(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	r.SHA256 = hex.EncodeToString(sum[:])
	r.Source = file
	r.src = p.src
	r.index()
	return r, nil
}

// parser holds the state of one Parse: the node reader, the ids defined so far per kind
// (with their lines, for duplicate messages) and the references to check at the end, when
// every id is known.
type parser struct {
	rd    yamlnode.Reader
	ids   map[string]map[string]int
	refs  []ref
	scale Scale
	// src keeps the lines Lint points at.
	src *srcLines
}

// ref is a use of an id that must name something defined somewhere in the file.
type ref struct {
	kind, id string
	node     *yaml.Node
	context  string
}

func (p *parser) rubric(root *yaml.Node) *Rubric {
	f := p.rd.Mapping(root, "the rubric", "format", "name", "version", "description",
		"scale", "scoring", "tracks", "categories", "roles", "certifications")
	if !p.rd.Format(root, f["format"], FormatTag, "a rubric file") {
		return nil
	}
	r := &Rubric{}
	r.Name = p.required(root, f, "name", "the rubric")
	r.Version = p.rd.String(f["version"].Value, "version")
	r.Description = p.rd.String(f["description"].Value, "description")
	r.Scale = p.scaleOf(root, f["scale"])
	p.scale = r.Scale
	r.Scoring = p.scoringOf(f["scoring"])
	for _, n := range p.rd.Seq(f["tracks"].Value, "tracks") {
		r.Tracks = append(r.Tracks, p.track(n))
	}
	cats := p.rd.Seq(f["categories"].Value, "categories")
	if len(cats) == 0 {
		p.rd.Addf(keyOr(f["categories"], root), "the rubric has no categories: add at least one, with skills")
	}
	for _, n := range cats {
		r.Categories = append(r.Categories, p.category(n))
	}
	roles := p.rd.Seq(f["roles"].Value, "roles")
	if len(roles) == 0 {
		p.rd.Addf(keyOr(f["roles"], root), "the rubric has no roles: add at least one")
	}
	for _, n := range roles {
		r.Roles = append(r.Roles, p.role(n))
	}
	for _, n := range p.rd.Seq(f["certifications"].Value, "certifications") {
		r.Certifications = append(r.Certifications, p.certification(n))
	}
	return r
}

// keyOr returns the field's key node when the key is present, else the fallback node, so
// that a message about a missing or empty list points at the best line there is.
func keyOr(f yamlnode.Field, fallback *yaml.Node) *yaml.Node {
	if f.Key != nil {
		return f.Key
	}
	return fallback
}

// required returns a text field, recording a problem when it is missing or empty.
func (p *parser) required(owner *yaml.Node, f map[string]yamlnode.Field, key, what string) string {
	v := p.rd.String(f[key].Value, what+" "+key)
	if v == "" && (f[key].Key == nil || yamlnode.IsNull(f[key].Value)) {
		p.rd.Addf(owner, "%s: missing %s", what, key)
	}
	return v
}

// define records an id of a kind, reporting a missing, malformed or repeated one. It
// returns the id, possibly empty.
func (p *parser) define(kind string, owner *yaml.Node, f yamlnode.Field, what string) string {
	id := p.rd.String(f.Value, what+" id")
	at := f.Value
	if at == nil {
		at = owner
	}
	if id == "" {
		p.rd.Addf(at, "%s: missing id", what)
		return ""
	}
	p.defineID(kind, id, at)
	return id
}

func (p *parser) defineID(kind, id string, at *yaml.Node) {
	if !idPattern.MatchString(id) {
		p.rd.Addf(at, "%s id %q may hold only letters, digits, '.', '-' and '_', starting with a letter or digit", kind, id)
	}
	seen := p.ids[kind]
	if seen == nil {
		seen = map[string]int{}
		p.ids[kind] = seen
	}
	if first, dup := seen[id]; dup {
		p.rd.Addf(at, "duplicate %s id %q (first at line %d)", kind, id, first)
		return
	}
	seen[id] = at.Line
}

func (p *parser) use(kind, id string, at *yaml.Node, context string) {
	p.refs = append(p.refs, ref{kind: kind, id: id, node: at, context: context})
}

// checkRefs reports every reference that names nothing, once all ids are defined.
func (p *parser) checkRefs() {
	for _, rf := range p.refs {
		if _, ok := p.ids[rf.kind][rf.id]; !ok {
			p.rd.Addf(rf.node, "%s names unknown %s %q", rf.context, rf.kind, rf.id)
		}
	}
}

func (p *parser) scaleOf(root *yaml.Node, field yamlnode.Field) Scale {
	if field.Key == nil || yamlnode.IsNull(field.Value) {
		p.rd.Addf(keyOr(field, root), "missing scale: want scale: {min: 0, max: 5, labels: [...]}")
		return Scale{Min: 0, Max: 0}
	}
	f := p.rd.Mapping(field.Value, "scale", "min", "max", "labels")
	var s Scale
	minOK, maxOK := false, false
	if f["min"].Key == nil {
		p.rd.Addf(field.Value, "scale: missing min")
	} else {
		s.Min, minOK = p.rd.Int(f["min"].Value, "scale min")
	}
	if f["max"].Key == nil {
		p.rd.Addf(field.Value, "scale: missing max")
	} else {
		s.Max, maxOK = p.rd.Int(f["max"].Value, "scale max")
	}
	if minOK && maxOK && s.Min >= s.Max {
		p.rd.Addf(f["max"].Value, "scale max %d must be above min %d", s.Max, s.Min)
		return s
	}
	if minOK && maxOK && s.Max-s.Min > 100 {
		p.rd.Addf(f["max"].Value, "scale %d–%d has more than 101 points", s.Min, s.Max)
		return s
	}
	if f["labels"].Key != nil {
		labels, nodes := p.rd.Strings(f["labels"].Value, "scale labels")
		for i, l := range labels {
			if l == "" {
				p.rd.Addf(nodes[i], "scale label %d is empty", i+1)
			}
		}
		if want := s.Max - s.Min + 1; minOK && maxOK && len(labels) != want {
			p.rd.Addf(f["labels"].Key, "scale has %d labels, want %d (one per point from %d to %d)", len(labels), want, s.Min, s.Max)
		}
		s.Labels = labels
	}
	return s
}

func (p *parser) scoringOf(field yamlnode.Field) Scoring {
	s := Scoring{Pass: DefaultPass}
	if field.Key == nil || yamlnode.IsNull(field.Value) {
		return s
	}
	f := p.rd.Mapping(field.Value, "scoring", "pass")
	if f["pass"].Key != nil {
		if v, ok := p.rd.Number(f["pass"].Value, "scoring pass"); ok {
			if v < 0 || v > 100 {
				p.rd.Addf(f["pass"].Value, "scoring pass %s must be a percentage from 0 to 100", fmtNum(v))
			}
			s.Pass = v
		}
	}
	return s
}

func (p *parser) track(n *yaml.Node) Track {
	f := p.rd.Mapping(n, "track", "id", "name", "description")
	t := Track{ID: p.define("track", n, f["id"], "track")}
	p.src.track[t.ID] = n.Line
	what := fmt.Sprintf("track %q", t.ID)
	t.Name = p.required(n, f, "name", what)
	t.Description = p.rd.String(f["description"].Value, what+" description")
	return t
}

func (p *parser) category(n *yaml.Node) Category {
	f := p.rd.Mapping(n, "category", "id", "name", "description", "skills")
	c := Category{ID: p.define("category", n, f["id"], "category")}
	what := fmt.Sprintf("category %q", c.ID)
	c.Name = p.required(n, f, "name", what)
	c.Description = p.rd.String(f["description"].Value, what+" description")
	skills := p.rd.Seq(f["skills"].Value, what+" skills")
	if len(skills) == 0 {
		p.rd.Addf(keyOr(f["skills"], n), "%s has no skills", what)
	}
	for _, sn := range skills {
		s := p.skill(sn)
		s.Category = c.ID
		c.Skills = append(c.Skills, s)
	}
	return c
}

func (p *parser) skill(n *yaml.Node) Skill {
	f := p.rd.Mapping(n, "skill", "id", "name", "description", "weight", "core", "actions", "questions")
	s := Skill{ID: p.define("skill", n, f["id"], "skill"), Weight: 1}
	p.src.skill[s.ID] = keyOr(f["actions"], n).Line
	what := fmt.Sprintf("skill %q", s.ID)
	s.Name = p.required(n, f, "name", what)
	s.Description = p.rd.String(f["description"].Value, what+" description")
	if f["weight"].Key != nil {
		if w, ok := p.rd.Number(f["weight"].Value, what+" weight"); ok {
			if !(w > 0 && w <= MaxWeight) { // NaN and the infinities fail too
				p.rd.Addf(f["weight"].Value, "%s weight %s must be above 0 and at most %d", what, fmtNum(w), MaxWeight)
				w = 1
			}
			s.Weight = w
		}
	}
	if f["core"].Key != nil && !yamlnode.IsNull(f["core"].Value) {
		s.Core = p.rd.Bool(f["core"].Value, what+" core")
	}
	for i, an := range p.rd.Seq(f["actions"].Value, what+" actions") {
		s.Actions = append(s.Actions, p.action(an, fmt.Sprintf("%s action %d", what, i+1)))
	}
	qs := p.rd.Seq(f["questions"].Value, what+" questions")
	if len(qs) == 0 {
		p.rd.Addf(keyOr(f["questions"], n), "%s has no questions: add at least one", what)
	}
	for i, qn := range qs {
		q := p.question(qn, s.ID, i+1)
		s.Questions = append(s.Questions, q)
	}
	return s
}

// action reads a development action: a string, which fits every step, or {level, text}.
func (p *parser) action(n *yaml.Node, what string) Action {
	var a Action
	if n.Kind == yaml.MappingNode {
		f := p.rd.Mapping(n, what, "level", "text")
		a.Text = p.rd.String(f["text"].Value, what+" text")
		switch lv := f["level"]; {
		case lv.Key == nil || yamlnode.IsNull(lv.Value):
			p.rd.Addf(n, "%s: missing level: want {level: N, text: ...}, or a plain string for an action that fits every step", what)
		default:
			if v, ok := p.rd.Int(lv.Value, what+" level"); ok {
				if v < p.scale.Min+1 || v > p.scale.Max {
					p.rd.Addf(lv.Value, "%s: level %d is outside the steps of the scale (%d–%d)", what, v, p.scale.Min+1, p.scale.Max)
				}
				a.Level = v
			}
		}
	} else {
		a.Text = p.rd.String(n, what)
	}
	if strings.TrimSpace(a.Text) == "" && !p.rd.Exhausted() {
		p.rd.Addf(n, "%s is empty", what)
	}
	return a
}

// refList reads a list of references to things of a kind, reporting a repeated entry; each
// must name something (checked once every id is defined).
func (p *parser) refList(kind string, n *yaml.Node, what string) []string {
	list, nodes := p.rd.Strings(n, what)
	seen := map[string]int{}
	var out []string
	for i, id := range list {
		if first, dup := seen[id]; dup {
			p.rd.Addf(nodes[i], "%s: %q is listed twice (first at line %d)", what, id, first)
			continue
		}
		seen[id] = nodes[i].Line
		p.use(kind, id, nodes[i], what)
		out = append(out, id)
	}
	return out
}

// question reads a question; a bare string is a plain-rating question with that text.
func (p *parser) question(n *yaml.Node, skill string, num int) Question {
	q := Question{Skill: skill, ID: skill + "." + strconv.Itoa(num)}
	if n.Kind == yaml.ScalarNode && !yamlnode.IsNull(n) {
		q.Text = n.Value
		p.defineQuestion(q.ID, n)
		return q
	}
	f := p.rd.Mapping(n, fmt.Sprintf("question %d of skill %q", num, skill), "id", "text", "options")
	if f["id"].Key != nil {
		q.ID = p.rd.String(f["id"].Value, "question id")
		if q.ID == "" {
			p.rd.Addf(f["id"].Key, "question %d of skill %q: empty id", num, skill)
		}
	}
	at := n
	if f["id"].Value != nil {
		at = f["id"].Value
	}
	if q.ID != "" {
		p.defineQuestion(q.ID, at)
	}
	what := fmt.Sprintf("question %q", q.ID)
	q.Text = p.required(n, f, "text", what)
	scores := map[int]int{}
	for _, on := range p.rd.Seq(f["options"].Value, what+" options") {
		of := p.rd.Mapping(on, what+" option", "score", "text")
		o := Option{Text: p.required(on, of, "text", what+" option")}
		if of["score"].Key == nil {
			p.rd.Addf(on, "%s option: missing score", what)
		} else if v, ok := p.rd.Int(of["score"].Value, what+" option score"); ok {
			o.Score = v
			if !p.scale.Contains(float64(v)) {
				p.rd.Addf(of["score"].Value, "%s option score %d is outside the scale %d–%d", what, v, p.scale.Min, p.scale.Max)
			}
			if first, dup := scores[v]; dup {
				p.rd.Addf(of["score"].Value, "%s repeats option score %d (first at line %d)", what, v, first)
			}
			scores[v] = of["score"].Value.Line
		}
		q.Options = append(q.Options, o)
		p.src.option[q.ID] = append(p.src.option[q.ID], on.Line)
	}
	return q
}

func (p *parser) defineQuestion(id string, at *yaml.Node) {
	if isSheetColumn(id) {
		p.rd.Addf(at, "question id %q is a team-sheet column name; choose another", id)
	}
	p.defineID("question", id, at)
}

func (p *parser) role(n *yaml.Node) Role {
	f := p.rd.Mapping(n, "role", "id", "name", "short", "scope", "description", "level", "tracks", "expects", "next")
	ro := Role{ID: p.define("role", n, f["id"], "role"), Expects: map[string]float64{}}
	p.src.role[ro.ID] = n.Line
	p.src.next[ro.ID] = keyOr(f["next"], n).Line
	expectLines := map[string]int{}
	p.src.expect[ro.ID] = expectLines
	what := fmt.Sprintf("role %q", ro.ID)
	ro.Name = p.required(n, f, "name", what)
	ro.Description = p.rd.String(f["description"].Value, what+" description")
	ro.Short = p.rd.String(f["short"].Value, what+" short")
	if n := utf8.RuneCountInString(ro.Short); n > maxShort {
		p.rd.Addf(f["short"].Value, "%s short %q is %d characters: at most %d, for narrow tables", what, ro.Short, n, maxShort)
	}
	ro.Scope = p.rd.String(f["scope"].Value, what+" scope")
	if f["level"].Key != nil && !yamlnode.IsNull(f["level"].Value) {
		if lv, ok := p.rd.Int(f["level"].Value, what+" level"); ok {
			if lv < 1 {
				p.rd.Addf(f["level"].Value, "%s level %d must be 1 or more (omit level for a lateral role)", what, lv)
			}
			ro.Level = lv
		}
	}
	ro.Tracks = p.refList("track", f["tracks"].Value, what+" tracks")
	for _, e := range p.rd.Pairs(f["expects"].Value, what+" expects") {
		p.use("skill", e.Key.Value, e.Key, what+" expects")
		v, ok := p.rd.Number(e.Value, fmt.Sprintf("%s expects %s", what, e.Key.Value))
		if !ok {
			continue
		}
		if !p.scale.Contains(v) {
			p.rd.Addf(e.Value, "%s expects %s %s, outside the scale %d–%d", what, e.Key.Value, fmtNum(v), p.scale.Min, p.scale.Max)
		}
		ro.Expects[e.Key.Value] = v
		expectLines[e.Key.Value] = e.Key.Line
	}
	if len(ro.Expects) == 0 {
		p.rd.Addf(keyOr(f["expects"], n), "%s expects no skills, so it cannot be assessed: add expects", what)
	}
	ro.Next = p.refList("role", f["next"].Value, what+" next")
	for i, id := range ro.Next {
		if id == ro.ID {
			p.rd.Addf(f["next"].Value, "%s lists itself as a next role", what)
			ro.Next = append(ro.Next[:i:i], ro.Next[i+1:]...)
			break
		}
	}
	return ro
}

func (p *parser) certification(n *yaml.Node) Certification {
	f := p.rd.Mapping(n, "certification", "id", "name", "issuer", "url", "description", "skills", "roles", "requires", "primary", "family")
	c := Certification{ID: p.define("certification", n, f["id"], "certification")}
	p.src.primary[c.ID] = keyOr(f["primary"], keyOr(f["skills"], n)).Line
	what := fmt.Sprintf("certification %q", c.ID)
	c.Name = p.required(n, f, "name", what)
	c.Issuer = p.required(n, f, "issuer", what)
	c.URL = p.rd.String(f["url"].Value, what+" url")
	c.Description = p.rd.String(f["description"].Value, what+" description")
	c.Skills = p.refList("skill", f["skills"].Value, what+" skills")
	if len(c.Skills) == 0 {
		p.rd.Addf(keyOr(f["skills"], n), "%s builds no skills: list them under skills", what)
	}
	c.Primary = p.refList("skill", f["primary"].Value, what+" primary")
	for _, id := range c.Primary {
		if !slices.Contains(c.Skills, id) {
			p.rd.Addf(f["primary"].Value, "%s primary skill %s is not one of its skills: add it to skills", what, id)
		}
	}
	c.Family = p.rd.String(f["family"].Value, what+" family")
	c.Roles = p.refList("role", f["roles"].Value, what+" roles")
	c.Requires = p.refList("certification", f["requires"].Value, what+" requires")
	for i, req := range c.Requires {
		if req == c.ID {
			p.rd.Addf(f["requires"].Value, "%s requires itself", what)
			c.Requires = append(c.Requires[:i:i], c.Requires[i+1:]...)
			break
		}
	}
	return c
}

// maxShort is the longest a role's short name may be: it stands in for the name in
// columns of a table that must fit 60 characters.
const maxShort = 8

// MaxWeight bounds a skill's weight: large enough for any real ladder, small enough that
// sums of weights × gaps stay exact and finite.
const MaxWeight = 1000

// fmtNum prints a number without a needless fraction: 3, 2.5.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
