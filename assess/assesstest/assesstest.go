// Package assesstest holds the small rubrics the tests of assess and its rooms score by
// hand, and a helper to read them.
package assesstest

import (
	"testing"

	"github.com/pmladder/pmladder/rubric"
)

// Mini is a two-skill ladder with anchored statements, two tracks and a lateral choice of
// lead roles: enough for an interview, a plan and their problems.
const Mini = `format: pmladder-rubric/v1
name: Mini
scale: {min: 1, max: 3, labels: [Low, Mid, High]}
tracks: [{id: ic, name: IC}, {id: mgmt, name: Managers}]
categories:
  - id: c
    name: Craft
    skills:
      - id: a
        name: Alpha
        description: What alpha is.
        questions:
          - text: Alpha one?
            options: [{score: 3, text: top}, {score: 1, text: bottom}, {score: 2, text: middle}]
          - Alpha two?
      - {id: b, name: Beta, questions: ["Beta one?"]}
roles:
  - {id: jr, name: Junior, level: 1, expects: {a: 1}, next: [sr, lead]}
  - {id: sr, name: Senior, level: 2, tracks: [ic], expects: {a: 2}}
  - {id: lead, name: Lead, level: 2, tracks: [mgmt], expects: {a: 2, b: 2}}
`

// Hand is small enough to score by hand. Weights: s1 2 (core), s2 1, s3 1, s4 3.
const Hand = `format: pmladder-rubric/v1
name: Hand
scale: {min: 0, max: 4}
scoring: {pass: 70}
tracks: [{id: a, name: A}, {id: b, name: B}]
categories:
  - id: x
    name: X
    skills:
      - {id: s1, name: S1, weight: 2, core: true, questions: [q, q]}
      - {id: s2, name: S2, questions: [q, q]}
  - id: y
    name: Y
    skills:
      - {id: s3, name: S3, questions: [q]}
      - {id: s4, name: S4, weight: 3, questions: [q]}
roles:
  - {id: r1, name: R1, level: 1, expects: {s1: 1, s2: 1, s3: 1}, next: [r2a, r2b, lat]}
  - {id: r2a, name: R2a, level: 2, tracks: [a], expects: {s1: 2, s2: 2, s3: 2, s4: 2}, next: [r3a]}
  - {id: r2b, name: R2b, level: 2, tracks: [b], expects: {s1: 2, s2: 3, s4: 1}}
  - {id: r3a, name: R3a, level: 3, tracks: [a], expects: {s1: 3, s2: 3, s3: 3, s4: 3}}
  - {id: lat, name: Lateral, expects: {s3: 2, s4: 1}}
certifications:
  - {id: c1, name: C1, issuer: I, skills: [s1, s2]}
  - {id: c2, name: C2, issuer: I, skills: [s4], roles: [r3a]}
  - {id: c3, name: C3, issuer: I, skills: [s3], roles: [r2b]}
`

// Rubric reads a rubric from its text, failing the test when it is not valid.
func Rubric(t testing.TB, src string) *rubric.Rubric {
	t.Helper()
	r, err := rubric.Parse("test.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r
}
