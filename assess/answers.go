// Package assess turns a person's answers into a scored assessment: the answers model and
// its file formats, the interview that collects answers through a Prompter, the scoring
// rules of DESIGN §6, and the store of saved assessments and drafts.
package assess

import (
	"fmt"
	"time"
)

// AnswersFormat is the format tag of answers files and saved assessments.
const AnswersFormat = "pmladder-answers/v1"

// IsAssessor reports whether s names a kind of assessor: self, manager or peer.
func IsAssessor(s string) bool { return s == "self" || s == "manager" || s == "peer" }

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

// RubricRef identifies the rubric answers were given against.
type RubricRef struct {
	Name, Version, SHA256 string
}

// Answers is one assessment of one person by one assessor: who, when, the roles they
// declared and their answers by question id. A question without an entry is unanswered.
type Answers struct {
	Person   string
	Assessor string
	// Date is when the answers were given; zero when a file gives none.
	Date        time.Time
	CurrentRole string
	TargetRole  string
	Track       string
	Rubric      RubricRef
	// Complete is false in drafts of unfinished interviews.
	Complete bool
	// Values holds the answers by question id. Answers read from a team sheet keep them
	// by position instead (byPos) and leave Values nil: filling and reading a map per
	// person was most of the cost of scoring a large team. Lookup reads either.
	Values map[string]Answer

	byPos []Answer // by position in Rubric.Questions; given marks the answered
	given []bool
}

// Lookup returns the answer to the question at position pos of Rubric.Questions, whose
// id is id, and whether there is one.
func (a *Answers) Lookup(pos int, id string) (Answer, bool) {
	if a.byPos != nil {
		return a.byPos[pos], a.given[pos]
	}
	v, ok := a.Values[id]
	return v, ok
}

// NewAnswers returns empty, complete answers by a self-assessor.
func NewAnswers() *Answers {
	return &Answers{Assessor: "self", Complete: true, Values: map[string]Answer{}}
}
