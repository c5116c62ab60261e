package assess_test

import (
	"reflect"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

// carryNew is assesstest.Hand's next version: s1 is now t1, s2 lost its second
// question, s3 is gone, role r2b and track b are gone, certification c3 too.
const carryNew = `format: pmladder-rubric/v1
name: Hand
version: "2"
scale: {min: 0, max: 4}
tracks: [{id: a, name: A}]
categories:
  - id: x
    name: X
    skills:
      - {id: t1, name: S1, weight: 2, core: true, questions: [q, q]}
      - {id: s2, name: S2, questions: [q]}
      - {id: s4, name: S4, weight: 3, questions: [q]}
roles:
  - {id: r1, name: R1, level: 1, expects: {t1: 1, s2: 1}, next: [r2a]}
  - {id: r2a, name: R2a, level: 2, tracks: [a], expects: {t1: 2, s2: 2, s4: 2}}
certifications:
  - {id: c1, name: C1, issuer: I, skills: [t1, s2]}
`

func TestCarryInto(t *testing.T) {
	old := assesstest.Rubric(t, assesstest.Hand)
	new := assesstest.Rubric(t, carryNew)
	a := assess.NewAnswers(old)
	a.Person, a.Assessor, a.CurrentRole, a.TargetRole, a.Track = "Ada", assess.Manager, "r1", "r2b", "b"
	a.Certifications = []string{"c1", "c3"}
	a.SetEvidence("s1", "metric tree")
	a.SetEvidence("s3", "gone")
	for id, v := range map[string]int{"s1.1": 3, "s1.2": 2, "s2.1": 1, "s2.2": 4, "s3.1": 2, "s4.1": 3} {
		a.Set(id, assess.Answer{Score: v})
	}
	m := &rubric.VersionMap{Skills: map[string]string{"s1": "t1"}}
	b := assess.NewAnswers(new)
	lost := assess.NewCarry(old, new, m).Into(a, b)

	if got, want := b.String(), "t1.1=3 t1.2=2 s2.1=1 s4.1=3"; got != want {
		t.Errorf("answers: got %q, want %q", got, want)
	}
	want := assess.Lost{Questions: []string{"s2.2", "s3.1"}, Roles: []string{"r2b"}, Track: "b", Certifications: []string{"c3"}}
	if !reflect.DeepEqual(lost, want) {
		t.Errorf("lost: got %+v, want %+v", lost, want)
	}
	if b.Person != "Ada" || b.Assessor != assess.Manager || b.CurrentRole != "r1" || b.TargetRole != "" || b.Track != "" {
		t.Errorf("profile: got %+v", b)
	}
	if e := b.EvidenceFor("t1"); e == nil || *e != "metric tree" {
		t.Errorf("evidence of s1 should follow it to t1, got %v", e)
	}
	if len(b.Evidence) != 1 || !reflect.DeepEqual(b.Certifications, []string{"c1"}) {
		t.Errorf("evidence %v, certifications %v", b.Evidence, b.Certifications)
	}

	// Without a map, only the ids in both versions carry over.
	lost = assess.NewCarry(old, new, nil).Into(a, b)
	if got, want := b.String(), "s2.1=1 s4.1=3"; got != want {
		t.Errorf("no map: got %q, want %q", got, want)
	}
	if got, want := lost.Questions, []string{"s1.1", "s1.2", "s2.2", "s3.1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("no map, lost: got %q, want %q", got, want)
	}
}
