// Package assess holds the rules: the answers model, scoring (docs/scoring.md), growth and
// calibration between raters, and development plans. It is pure: it reads no file and
// talks to no terminal. Its rooms do that: assess/input reads answers files, sheets and
// workbooks and runs the team-review loop; assess/store keeps assessments, drafts and
// plans on disk; assess/interview asks the questions through a Prompter.
package assess

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// AnswersFormat is the format tag of answers files and saved assessments.
const AnswersFormat = "pmladder-answers/v1"

// Assessor is who made an assessment: the person (Self), their manager, or a peer.
type Assessor string

// The kinds of assessor.
const (
	Self    Assessor = "self"
	Manager Assessor = "manager"
	Peer    Assessor = "peer"
)

// IsAssessor reports whether s names a kind of assessor: self, manager or peer.
func IsAssessor(s string) bool { return slices.Contains(Assessors(), s) }

// Assessors lists the kinds of assessor, as they are written.
func Assessors() []string { return []string{string(Self), string(Manager), string(Peer)} }

// AssessorList names the kinds of assessor, for messages.
const AssessorList = "self, manager or peer"

// Answer is one question's answer: a score on the scale, or not applicable.
type Answer struct {
	Score int
	NA    bool
}

// String is how an answer is written in files: the score or "na".
func (a Answer) String() string {
	if a.NA {
		return "na"
	}
	return fmt.Sprint(a.Score)
}

// RubricRef identifies the rubric answers were given against. Source is where it was
// read from (a path, or "built-in"), so that a draft resumes with the same rubric.
type RubricRef struct {
	Name, Version, SHA256, Source string
}

// Answers is one assessment of one person by one assessor: who, when, the roles they
// declared (the profile) and their answers to the questions of one rubric. A question
// without an answer is unanswered.
//
// The answers are kept by the question's position in the rubric, not in a map: a team
// review reads and scores hundreds of thousands of people, and one storage means a
// lookup by id and a lookup by position can never disagree.
type Answers struct {
	Person   string
	Assessor Assessor
	// Date is when the answers were given; zero when a file gives none.
	Date        time.Time
	CurrentRole string
	TargetRole  string
	Track       string
	Rubric      RubricRef
	// Complete is false in drafts of unfinished interviews.
	Complete bool
	// Quick is true when the interview asked only the quick set of questions.
	Quick bool
	// NoSave is true in the draft of an interview started with --no-save: it is not to be
	// recorded in the history when it ends.
	NoSave bool
	// Rater names who rated, for a manager's or a peer's assessment; "" otherwise.
	Rater string
	// RaterSheet is, for a row of a team sheet that has no rater column, the sheet it was
	// read from: the rows of one assessor there are one rater's, the sheet's author's
	// (a manager who filled the template for their reports). "" otherwise.
	RaterSheet string
	// Certifications are the ids of the rubric's certifications the person holds.
	Certifications []string
	// Evidence holds, by skill id, the example that backs the rating.
	Evidence map[string]string

	r     *rubric.Rubric
	vals  []Answer // by position in r.Questions(); given marks the answered
	given []bool
}

// NewAnswers returns empty, complete answers by a self-assessor to the rubric's questions.
func NewAnswers(r *rubric.Rubric) *Answers {
	a := &Answers{}
	a.Reset(r)
	return a
}

// Reset empties a for another person, keeping its memory.
func (a *Answers) Reset(r *rubric.Rubric) {
	n := len(r.Questions())
	vals, given := a.vals, a.given
	if len(vals) != n || a.r != r {
		vals, given = make([]Answer, n), make([]bool, n)
	}
	clear(given)
	*a = Answers{Assessor: Self, Complete: true, r: r, vals: vals, given: given}
}

// EvidenceFor returns the evidence given for a skill, or nil.
func (a *Answers) EvidenceFor(skill string) *string {
	if e, ok := a.Evidence[skill]; ok {
		return &e
	}
	return nil
}

// FutureDate reports whether a date is later than tomorrow: a typo (2062 for 2026) that
// would otherwise sort an assessment after every real one.
func FutureDate(t time.Time) bool { return t.After(time.Now().Add(24 * time.Hour)) }

// Holds reports whether the person holds the certification with the given id.
func (a *Answers) Holds(cert string) bool { return slices.Contains(a.Certifications, cert) }

// MayTake reports whether a certification may be recommended to the person (rules 6 and
// 14): they do not hold it, nor one of its family (a second entry product-owner
// certificate does the same job again), and they hold every certification it requires.
func (a *Answers) MayTake(c *rubric.Certification) bool {
	if a.Holds(c.ID) {
		return false
	}
	if c.Family != "" {
		for _, id := range a.Certifications {
			if held := a.r.Certification(id); held != nil && held.Family == c.Family {
				return false
			}
		}
	}
	for _, req := range c.Requires {
		if !a.Holds(req) {
			return false
		}
	}
	return true
}

// Get returns the answer to the question with the given id, and whether there is one.
func (a *Answers) Get(id string) (Answer, bool) {
	pos, ok := a.r.QuestionPos(id)
	if !ok {
		return Answer{}, false
	}
	return a.vals[pos], a.given[pos]
}

// Set records the answer to the question with the given id. It reports false, recording
// nothing, when the rubric has no such question.
func (a *Answers) Set(id string, v Answer) bool {
	pos, ok := a.r.QuestionPos(id)
	if ok {
		a.vals[pos], a.given[pos] = v, true
	}
	return ok
}

// Lookup returns the answer to the question at position pos of the rubric's Questions,
// and whether there is one: the fast path of scoring.
func (a *Answers) Lookup(pos int) (Answer, bool) { return a.vals[pos], a.given[pos] }

// SetAt records the answer at a question's position.
func (a *Answers) SetAt(pos int, v Answer) { a.vals[pos], a.given[pos] = v, true }

// AnyAnswer reports whether any question has an answer.
func (a *Answers) AnyAnswer() bool { return slices.Contains(a.given, true) }

// Count returns how many of the given questions have an answer (a score or na).
func (a *Answers) Count(qs []*rubric.Question) int {
	n := 0
	for _, q := range qs {
		if _, ok := a.Get(q.ID); ok {
			n++
		}
	}
	return n
}

// String lists the answers in rubric order, "id=value …", for test failures and debugging.
func (a *Answers) String() string {
	var b strings.Builder
	for pos, q := range a.r.Questions() {
		if v, ok := a.Lookup(pos); ok {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(q.ID + "=" + v.String())
		}
	}
	return b.String()
}

// Profile fields: who was assessed, by whom, when, and the roles declared. The same names
// are the keys of an answers file and the fixed columns of a team sheet.
const (
	FieldPerson   = "person"
	FieldAssessor = "assessor"
	FieldDate     = "date"
	FieldCurrent  = "current_role"
	FieldTarget   = "target_role"
	FieldTrack    = "track"
	// FieldRater and FieldCertifications are optional: an answers file may give them and
	// a sheet may have their columns, but a template leaves them out.
	FieldRater          = "rater"
	FieldCertifications = "certifications"
)

// ProfileFields lists the profile fields in the order sheets and files write them.
func ProfileFields() []string {
	return []string{FieldPerson, FieldAssessor, FieldDate, FieldCurrent, FieldTarget, FieldTrack}
}

// SetProfile checks one profile field's text and, when it is good, records it: the one
// validator of the profile, for answers files and team sheets alike. It returns what is
// wrong, as a message fragment that starts with the value ("\"wizard\" is not a role …"),
// or "". Empty text leaves the field as it is (unset, or the default assessor).
func (a *Answers) SetProfile(r *rubric.Rubric, field, text string) string {
	if text == "" {
		return ""
	}
	switch field {
	case FieldPerson:
		a.Person = text
	case FieldAssessor:
		who, hint := text, ""
		if !IsAssessor(text) { // the common case costs nothing; "Manager" is manager
			who, hint = match.Value(text, Assessors())
		}
		if who == "" {
			return fmt.Sprintf("%s is not %s%s", problem.Quote(text), AssessorList, hint)
		}
		// The constant, not the text: read from a sheet, the text is a slice of the
		// row's whole line, which answers kept (a calibration's ratings) would keep.
		for _, k := range []Assessor{Self, Manager, Peer} {
			if string(k) == who {
				a.Assessor = k
			}
		}
	case FieldDate:
		return a.SetDate(text, "")
	case FieldCurrent, FieldTarget:
		id, hint := text, ""
		if r.Role(text) == nil {
			id, hint = match.Value(text, r.RoleIDs())
		}
		if id == "" {
			return fmt.Sprintf("%s is not a role of %s%s (roles: %s)", problem.Quote(text), r.Name, hint, r.RoleList())
		}
		if field == FieldCurrent {
			a.CurrentRole = id
		} else {
			a.TargetRole = id
		}
	case FieldTrack:
		id, hint := text, ""
		if r.Track(text) == nil {
			id, hint = match.Value(text, r.TrackIDs())
		}
		if id == "" {
			return fmt.Sprintf("%s is not a track of %s%s (%s)", problem.Quote(text), r.Name, hint, r.TrackList())
		}
		a.Track = id
	case FieldRater:
		a.Rater = text
	case FieldCertifications:
		// A sheet's cell: ids separated by semicolons, commas or spaces.
		for _, id := range strings.FieldsFunc(text, func(c rune) bool { return c == ';' || c == ',' || unicode.IsSpace(c) }) {
			if msg := a.AddCertification(r, id); msg != "" {
				return msg
			}
		}
	}
	return ""
}

// SetDate reads a date, with slash dates in the given order ("" reads only what cannot
// be misread), and records it; it returns what is wrong, as SetProfile does, or "".
func (a *Answers) SetDate(text string, order DateOrder) string {
	if text == "" {
		return ""
	}
	t, err := ParseDateIn(text, order)
	if err != nil {
		return err.Error()
	}
	a.Date = t
	return ""
}

// Said is what the answers say of a skill: for each question answered with a score,
// the statement the score picked, or the scale's label for a question without
// statements.
func (a *Answers) Said(r *rubric.Rubric, sk *rubric.Skill) []string {
	var out []string
	for i := range sk.Questions {
		q := &sk.Questions[i]
		ans, ok := a.Get(q.ID)
		if !ok || ans.NA {
			continue
		}
		text := q.StatementAt(ans.Score)
		if text == "" {
			text = r.Scale.Rating(ans.Score)
		}
		out = append(out, text)
	}
	return out
}

// CopyTo makes dst a copy of a that shares no memory with it, reusing dst's.
func (a *Answers) CopyTo(dst *Answers) {
	vals, given := dst.vals, dst.given
	if len(vals) != len(a.vals) {
		vals, given = make([]Answer, len(a.vals)), make([]bool, len(a.given))
	}
	copy(vals, a.vals)
	copy(given, a.given)
	*dst = *a
	dst.vals, dst.given = vals, given
	dst.Certifications = slices.Clone(a.Certifications)
	if a.Evidence != nil {
		dst.Evidence = maps.Clone(a.Evidence)
	}
}

// AddCertification records a certification the person holds, checking that the rubric
// has it; a repeat is recorded once.
func (a *Answers) AddCertification(r *rubric.Rubric, id string) string {
	if r.Certification(id) == nil {
		return fmt.Sprintf("%s is not a certification of %s (certifications: %s)", problem.Quote(id), r.Name, r.CertificationList())
	}
	if !a.Holds(id) {
		a.Certifications = append(a.Certifications, id)
	}
	return ""
}

// SetEvidence records the example that backs the rating of a skill; empty text removes it.
func (a *Answers) SetEvidence(skill, text string) {
	if text == "" {
		delete(a.Evidence, skill)
		return
	}
	if a.Evidence == nil {
		a.Evidence = map[string]string{}
	}
	a.Evidence[skill] = text
}

// PersonKey is how names are compared: without regard to case or spacing. Two names with
// the same key are one person (or one rater).
func PersonKey(name string) string { return string(AppendPersonKey(nil, name)) }

// AppendPersonKey appends name's PersonKey to dst: the words of name, lower-cased, one
// space between them. It allocates nothing beyond dst's growth.
func AppendPersonKey(dst []byte, name string) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf { // ASCII, the common case
			i++
			if c == ' ' || '\t' <= c && c <= '\r' { // unicode.IsSpace's ASCII spaces
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// QuestionsAsked are the questions an interview or a blank sheet asks, in rubric order:
// every question, or with quick the quick set (the first question of each skill).
func QuestionsAsked(r *rubric.Rubric, quick bool) []*rubric.Question {
	var qs []*rubric.Question
	for _, s := range r.Skills() {
		for i := range s.Questions {
			if quick && i > 0 {
				break
			}
			qs = append(qs, &s.Questions[i])
		}
	}
	return qs
}
