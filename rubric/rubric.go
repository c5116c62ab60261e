// Package rubric holds a career framework: the scale answers are given on, the skills grouped
// in categories with the questions that assess them, the roles of a career ladder with the
// score each expects per skill, and the certifications that build skills.
//
// A Rubric is read from YAML (format pmladder-rubric/v1) by Parse or Load, which check it
// completely and report every problem with its line. The product's own ladder is embedded
// and returned by Default. A Rubric is read-only once loaded; it is safe to share.
package rubric

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// FormatTag is the value of the format key every rubric file starts with.
const FormatTag = "pmladder-rubric/v1"

// DefaultPass is the readiness, in percent, needed to hold a role when the rubric does not
// set scoring.pass.
const DefaultPass = 80

// Rubric is a whole career framework.
type Rubric struct {
	Name           string
	Version        string
	Description    string
	Scale          Scale
	Scoring        Scoring
	Tracks         []Track
	Categories     []Category
	Roles          []Role
	Certifications []Certification

	// SHA256 is the hex SHA-256 of the source bytes; answers record it so a later run can
	// tell that the rubric changed under them.
	SHA256 string
	// Source names where the rubric came from: a file path, or "built-in".
	Source string

	skills    []*Skill
	skillIdx  map[string]*Skill
	skillPos  map[string]int
	questions []*Question
	qIdx      map[string]*Question
	qPos      map[string]int
	roleIdx   map[string]*Role
	trackIdx  map[string]*Track
	// src holds the lines of the file's parts, for Lint; nil for a rubric not parsed.
	src *srcLines
}

// Scale is the range of scores, with a label per point.
type Scale struct {
	Min, Max int
	// Labels has Max-Min+1 entries, Labels[0] naming Min; nil when the rubric gives none.
	Labels []string
}

// Scoring holds the rubric's scoring parameters.
type Scoring struct {
	// Pass is the readiness, in percent of a role's expectations by weight, that holds it.
	Pass float64
}

// Track is a branch of the ladder, such as individual contributor or people management.
type Track struct {
	ID, Name, Description string
}

// Category groups skills, such as "analytical".
type Category struct {
	ID, Name, Description string
	Skills                []Skill
}

// Skill is one assessed capability.
type Skill struct {
	ID, Name, Description string
	// Category is the id of the category the skill belongs to.
	Category string
	// Weight scales the skill in readiness and certification values (default 1).
	Weight float64
	// Core skills must be met to hold a role that expects them.
	Core bool
	// Actions are concrete development steps shown when the skill is a gap.
	Actions   []Action
	Questions []Question
}

// Action is a development step for a skill. Level is the score it helps reach (the step
// up it fits, docs/scoring.md, rule 10); 0 means it fits every step.
type Action struct {
	Level int
	Text  string
}

// ActionsFor returns the actions for the step up to score step: those of that level, then
// those that fit every step.
func (s *Skill) ActionsFor(step int) []string {
	var out []string
	for _, a := range s.Actions {
		if a.Level == step && step != 0 {
			out = append(out, a.Text)
		}
	}
	for _, a := range s.Actions {
		if a.Level == 0 {
			out = append(out, a.Text)
		}
	}
	return out
}

// MetAt is the whole score that meets an expectation: the expectation rounded up (2.5 is
// met at 3), with room for floating-point error (3.0000000001 is met at 3).
func MetAt(expected float64) int { return int(math.Ceil(expected - 1e-9)) }

// StatementsAt returns the anchored statement of score in each of the skill's questions
// that has options, each different statement once: what doing the skill at that level
// looks like.
func (s *Skill) StatementsAt(score int) []string {
	var out []string
	for i := range s.Questions {
		if text := s.Questions[i].StatementAt(score); text != "" && !slices.Contains(out, text) {
			out = append(out, text)
		}
	}
	return out
}

// StatementAt returns the question's anchored statement of score, or "" when it has none
// (a plain rating, or no option at that score).
func (q *Question) StatementAt(score int) string {
	for _, o := range q.Options {
		if o.Score == score {
			return o.Text
		}
	}
	return ""
}

// ExpectationChange is a skill whose expectation differs between two roles; a nil side is
// a role that does not expect the skill.
type ExpectationChange struct {
	Skill    *Skill
	From, To *float64
}

// Diff returns the skills whose expectation differs from role from to role to, in rubric
// order: what changes at the next level.
func (r *Rubric) Diff(from, to *Role) []ExpectationChange {
	var out []ExpectationChange
	for i, s := range r.Skills() {
		a, okA := from.ExpectAt(i)
		b, okB := to.ExpectAt(i)
		if okA == okB && (!okA || a == b) {
			continue
		}
		c := ExpectationChange{Skill: s}
		if okA {
			c.From = &a
		}
		if okB {
			c.To = &b
		}
		out = append(out, c)
	}
	return out
}

// Question asks about one skill. With Options it is answered by choosing an anchored
// statement; without, it is a plain rating on the scale.
type Question struct {
	ID, Text string
	// Skill is the id of the skill the question assesses.
	Skill   string
	Options []Option
}

// Option is an anchored statement that stands for one score.
type Option struct {
	Score int
	Text  string
}

// Role is a position, on the ladder (Level > 0) or lateral to it (Level == 0).
type Role struct {
	ID, Name, Description string
	// Short is an abbreviation of the name for narrow tables ("SrPM", at most 8
	// characters); empty means none.
	Short string
	// Scope is one line of what the role owns and how much autonomy it has; empty means
	// none is given.
	Scope string
	// Level is the ladder position; 0 for lateral roles, which sit beside the ladder.
	Level int
	// Tracks the role belongs to; empty means every track.
	Tracks []string
	// Expects maps skill id to the score the role expects; omitted skills are not required.
	Expects map[string]float64
	// Next lists the ids of the roles this one leads to.
	Next []string

	// expectAt holds Expects by skill index (rubric order), NaN where none: scoring a
	// large team reads it millions of times.
	expectAt []float64
}

// Certification is a programme or credential that builds skills.
type Certification struct {
	ID, Name, Issuer, URL, Description string
	// Skills the certification builds.
	Skills []string
	// Roles it suits as a target; empty means any.
	Roles []string
	// Requires lists the certifications a person must hold before taking this one.
	Requires []string
	// Primary are the skills it mainly builds, a subset of Skills: it is recommended only
	// for a gap in one of them (docs/scoring.md, rule 14). Empty means all of Skills.
	Primary []string
	// Family names certifications that do the same job (the entry product-owner
	// certificates, say): a report recommends one of a family. Empty means none.
	Family string
}

// PrimarySkills are the skills the certification mainly builds: Primary, else Skills.
func (c *Certification) PrimarySkills() []string {
	if len(c.Primary) > 0 {
		return c.Primary
	}
	return c.Skills
}

// Skills returns every skill in rubric order (category order, then file order).
func (r *Rubric) Skills() []*Skill { return r.skills }

// Skill returns the skill with the given id, or nil.
func (r *Rubric) Skill(id string) *Skill { return r.skillIdx[id] }

// Questions returns every question in rubric order.
func (r *Rubric) Questions() []*Question { return r.questions }

// SkillPos returns the position of the skill with the given id in Skills, and whether
// there is one.
func (r *Rubric) SkillPos(id string) (int, bool) {
	pos, ok := r.skillPos[id]
	return pos, ok
}

// RolePos returns the position of a role of the rubric in Roles, or -1.
func (r *Rubric) RolePos(ro *Role) int {
	for i := range r.Roles {
		if &r.Roles[i] == ro {
			return i
		}
	}
	return -1
}

// QuestionPos returns the position of the question with the given id in Questions, and
// whether there is one: answers are kept by position.
func (r *Rubric) QuestionPos(id string) (int, bool) {
	pos, ok := r.qPos[id]
	return pos, ok
}

// Question returns the question with the given id, or nil.
func (r *Rubric) Question(id string) *Question { return r.qIdx[id] }

// Role returns the role with the given id, or nil.
func (r *Rubric) Role(id string) *Role { return r.roleIdx[id] }

// Track returns the track with the given id, or nil.
func (r *Rubric) Track(id string) *Track { return r.trackIdx[id] }

// Category returns the category with the given id, or nil.
func (r *Rubric) Category(id string) *Category {
	for i := range r.Categories {
		if r.Categories[i].ID == id {
			return &r.Categories[i]
		}
	}
	return nil
}

// Rating is how a plain rating (a question without statements) reads at score: the
// score and its label, "3 Practitioner".
func (s Scale) Rating(score int) string {
	if l := s.Label(score); l != "" {
		return strconv.Itoa(score) + " " + l
	}
	return strconv.Itoa(score)
}

// Label returns the scale's label for a score, or "" when there is none.
func (s Scale) Label(score int) string {
	i := score - s.Min
	if i < 0 || i >= len(s.Labels) {
		return ""
	}
	return s.Labels[i]
}

// Contains reports whether v lies on the scale.
func (s Scale) Contains(v float64) bool { return v >= float64(s.Min) && v <= float64(s.Max) }

// IsLadder reports whether the role has a place on the ladder.
func (ro *Role) IsLadder() bool { return ro.Level > 0 }

// OnTrack reports whether the role belongs to the track; every role belongs to the empty
// track ("no track chosen") and a role that names no tracks belongs to all of them.
func (ro *Role) OnTrack(track string) bool {
	if track == "" || len(ro.Tracks) == 0 {
		return true
	}
	for _, t := range ro.Tracks {
		if t == track {
			return true
		}
	}
	return false
}

// Expect returns the score the role expects for a skill and whether it expects one.
func (ro *Role) Expect(skill string) (float64, bool) {
	v, ok := ro.Expects[skill]
	return v, ok
}

// ExpectAt is Expect by the skill's position in Rubric.Skills.
func (ro *Role) ExpectAt(i int) (float64, bool) {
	v := ro.expectAt[i]
	return v, v == v // NaN marks a skill the role does not expect
}

// SuitsRole reports whether the certification is offered toward the target role.
func (c *Certification) SuitsRole(role string) bool {
	if len(c.Roles) == 0 {
		return true
	}
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// LadderRoles returns the roles with a level on the track ("" for all), in rubric order.
func (r *Rubric) LadderRoles(track string) []*Role {
	var out []*Role
	for i := range r.Roles {
		ro := &r.Roles[i]
		if ro.IsLadder() && ro.OnTrack(track) {
			out = append(out, ro)
		}
	}
	return out
}

// index builds the lookup tables; Parse calls it once the rubric is decoded.
func (r *Rubric) index() {
	r.skills, r.questions = nil, nil
	r.skillIdx = map[string]*Skill{}
	r.skillPos = map[string]int{}
	r.qIdx = map[string]*Question{}
	r.qPos = map[string]int{}
	r.roleIdx = map[string]*Role{}
	r.trackIdx = map[string]*Track{}
	for ci := range r.Categories {
		c := &r.Categories[ci]
		for si := range c.Skills {
			s := &c.Skills[si]
			r.skills = append(r.skills, s)
			if _, dup := r.skillIdx[s.ID]; !dup {
				r.skillIdx[s.ID] = s
				r.skillPos[s.ID] = len(r.skills) - 1
			}
			for qi := range s.Questions {
				q := &s.Questions[qi]
				r.questions = append(r.questions, q)
				if _, dup := r.qIdx[q.ID]; !dup {
					r.qIdx[q.ID] = q
					r.qPos[q.ID] = len(r.questions) - 1
				}
			}
		}
	}
	for i := range r.Roles {
		ro := &r.Roles[i]
		if _, dup := r.roleIdx[ro.ID]; !dup {
			r.roleIdx[ro.ID] = ro
		}
		ro.expectAt = make([]float64, len(r.skills))
		for si, s := range r.skills {
			if v, ok := ro.Expects[s.ID]; ok {
				ro.expectAt[si] = v
			} else {
				ro.expectAt[si] = math.NaN()
			}
		}
	}
	for i := range r.Tracks {
		if _, dup := r.trackIdx[r.Tracks[i].ID]; !dup {
			r.trackIdx[r.Tracks[i].ID] = &r.Tracks[i]
		}
	}
}

// ReachedFrom returns the roles that list id among their next roles, in rubric order.
func (r *Rubric) ReachedFrom(id string) []*Role {
	var out []*Role
	for i := range r.Roles {
		for _, n := range r.Roles[i].Next {
			if n == id {
				out = append(out, &r.Roles[i])
				break
			}
		}
	}
	return out
}

// Certification returns the certification with the given id, or nil.
func (r *Rubric) Certification(id string) *Certification {
	for i := range r.Certifications {
		if r.Certifications[i].ID == id {
			return &r.Certifications[i]
		}
	}
	return nil
}

// CertificationList names the rubric's certifications, comma-separated, for messages.
func (r *Rubric) CertificationList() string {
	ids := make([]string, len(r.Certifications))
	for i := range r.Certifications {
		ids[i] = r.Certifications[i].ID
	}
	return strings.Join(ids, ", ")
}

// RoleIDs lists the rubric's role ids in rubric order.
func (r *Rubric) RoleIDs() []string {
	ids := make([]string, len(r.Roles))
	for i := range r.Roles {
		ids[i] = r.Roles[i].ID
	}
	return ids
}

// TrackIDs lists the rubric's track ids in rubric order.
func (r *Rubric) TrackIDs() []string {
	ids := make([]string, len(r.Tracks))
	for i := range r.Tracks {
		ids[i] = r.Tracks[i].ID
	}
	return ids
}

// RoleList names the rubric's roles, comma-separated, for messages.
func (r *Rubric) RoleList() string { return strings.Join(r.RoleIDs(), ", ") }

// TrackList names the rubric's tracks for messages: "tracks: ic, management", or that it
// has none.
func (r *Rubric) TrackList() string {
	if len(r.Tracks) == 0 {
		return "it has no tracks"
	}
	ids := make([]string, len(r.Tracks))
	for i := range r.Tracks {
		ids[i] = r.Tracks[i].ID
	}
	return "tracks: " + strings.Join(ids, ", ")
}

// Title is the rubric's name with its version, as messages and the interview name it.
func (r *Rubric) Title() string {
	if r.Version != "" {
		return r.Name + " " + r.Version
	}
	return r.Name
}

// Choices are what a question offers and the score of each, from the lowest score up: its
// anchored statements, or for a plain rating every point of the scale with its label.
// The interview asks them and the YAML template lists them, in this one order.
func (r *Rubric) Choices(q *Question) (texts []string, scores []int) {
	if len(q.Options) > 0 {
		sorted := slices.Clone(q.Options)
		slices.SortStableFunc(sorted, func(a, b Option) int { return cmp.Compare(a.Score, b.Score) })
		for _, o := range sorted {
			texts = append(texts, o.Text)
			scores = append(scores, o.Score)
		}
		return texts, scores
	}
	for v := r.Scale.Min; v <= r.Scale.Max; v++ {
		texts = append(texts, r.Scale.Rating(v))
		scores = append(scores, v)
	}
	return texts, scores
}
