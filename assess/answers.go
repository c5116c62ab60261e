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
	Values   map[string]Answer
}

// NewAnswers returns empty, complete answers by a self-assessor.
func NewAnswers() *Answers {
	return &Answers{Assessor: "self", Complete: true, Values: map[string]Answer{}}
}
