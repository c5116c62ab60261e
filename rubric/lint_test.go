package rubric

import (
	"strings"
	"testing"
)

// lintBase is a small ladder with no design smell: two tracks reaching the same level
// (the lone top role left aside), an action for every step, distinct statements,
// certifications whose primary skills are expected.
const lintBase = `format: pmladder-rubric/v1
name: Lint
scale: {min: 0, max: 3, labels: [a, b, c, d]}
tracks:
  - {id: ic, name: Individual}
  - {id: mg, name: Managers}
categories:
  - id: c1
    name: Cat
    skills:
      - id: s1
        name: Skill one
        core: true
        actions:
          - {level: 1, text: Read the guide}
          - {level: 2, text: Run one review}
          - {level: 3, text: Set the standard}
        questions:
          - text: How?
            options:
              - {score: 0, text: I have not yet tried the craft}
              - {score: 1, text: I follow the written guide}
              - {score: 2, text: I run reviews of finished work}
              - {score: 3, text: I set the standard teams follow}
      - id: s2
        name: Skill two
        actions: [Practise with a partner every week]
        questions: ["How often?"]
roles:
  - id: junior
    name: Junior
    level: 1
    expects: {s1: 1, s2: 1}
    next: [senior]
  - id: senior
    name: Senior
    level: 2
    expects: {s1: 2, s2: 2}
    next: [lead, manager]
  - id: lead
    name: Lead
    level: 3
    tracks: [ic]
    expects: {s1: 2, s2: 3}
  - id: manager
    name: Manager
    level: 3
    tracks: [mg]
    expects: {s1: 2.5, s2: 2}
    next: [chief]
  - id: chief
    name: Chief
    level: 4
    tracks: [mg]
    expects: {s1: 2.5, s2: 3}
certifications:
  - {id: c1, name: Cert, issuer: Org, skills: [s1, s2], primary: [s2]}
`

func lintOf(t *testing.T, src string) []string {
	t.Helper()
	r, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range r.Lint() {
		out = append(out, p.Error())
	}
	return out
}

func TestLintCleanLadder(t *testing.T) {
	if got := lintOf(t, lintBase); len(got) != 0 {
		t.Errorf("a clean ladder warns:\n%s", strings.Join(got, "\n"))
	}
}

// TestLintBuiltIn: the built-in ladder passes `rubric validate --strict`.
func TestLintBuiltIn(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if ws := r.Lint(); len(ws) > 0 {
		t.Errorf("the built-in ladder has design smells:\n%v", ws)
	}
}

// TestLintSmells: one case per smell, each a warning at its line.
func TestLintSmells(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           string // the whole warning
	}{
		{"core expectation at the top of the scale", "expects: {s1: 2.5, s2: 2}", "expects: {s1: 3, s2: 2}",
			`x.yaml:49: warning: role "manager" expects core skill "s1" at 3, the top of the scale: one answer below the top and the role is lost; expect less`},
		{"a step up with no action", "          - {level: 2, text: Run one review}\n", "",
			`x.yaml:14: warning: skill "s1" has no action for the step up to 2: a gap there shows nothing to do`},
		{"a skill with no action at all", "        actions: [Practise with a partner every week]\n", "",
			`x.yaml:25: warning: skill "s2" has no action for the step up to 1, 2, 3: a gap there shows nothing to do`},
		{"adjacent statements nearly the same", "I run reviews of finished work", "I follow the written guide closely",
			`x.yaml:23: warning: question "s1.1": statements 1 and 2 say nearly the same thing, so people cannot tell them apart`},
		{"a track tops out lower", "    tracks: [ic]\n    expects: {s1: 2, s2: 3}", "    tracks: [ic]\n    level: 2\n    expects: {s1: 2, s2: 3}",
			""},
		{"next roles all on another track", "    expects: {s1: 2, s2: 3}\n", "    expects: {s1: 2, s2: 3}\n    next: [chief]\n",
			`x.yaml:45: warning: role "lead" (track ic) leads only to roles on other tracks: someone on its track has no next step`},
		{"a certification nobody can be sent to", "primary: [s2]", "primary: [s1]}\n  - {id: c2, name: Two, issuer: Org, skills: [s1]",
			""},
	}
	// The last two need edits a replacement cannot make; they are built here.
	cases[4].new = strings.Replace(lintBase, "    level: 3\n    tracks: [ic]", "    level: 2\n    tracks: [ic]", 1)
	cases[4].want = `x.yaml:5: warning: track "ic" tops out at level 2, below track "mg" (level 3): people on it cannot rise as far`
	cases[6].new = strings.Replace(lintBase, "    expects: {s1: 1, s2: 1}", "    expects: {s1: 1, s2: 0}", 1)
	cases[6].new = strings.NewReplacer("expects: {s1: 2, s2: 2}", "expects: {s1: 2}", "expects: {s1: 2, s2: 3}", "expects: {s1: 2}",
		"expects: {s1: 2.5, s2: 3}", "expects: {s1: 2.5}", "expects: {s1: 2.5, s2: 2}", "expects: {s1: 2.5}").Replace(cases[6].new)
	cases[6].want = `x.yaml:57: warning: certification "c1": no role expects its primary skills (s2), so it is never recommended`
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.new
			if i != 4 && i != 6 {
				if !strings.Contains(lintBase, tc.old) {
					t.Fatalf("test bug: %q not in the base", tc.old)
				}
				src = strings.Replace(lintBase, tc.old, tc.new, 1)
			}
			got := lintOf(t, src)
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// TestLintLoneTop: a lone role at the very top of the ladder (one chief, as a company has
// one CPO) does not make its track taller than the others (the base has one); a second
// role at that level on the same track does.
func TestLintLoneTop(t *testing.T) {
	second := strings.Replace(lintBase, "certifications:", "  - id: chief2\n    name: Other chief\n    level: 4\n    tracks: [mg]\n    expects: {s1: 2.5, s2: 3}\ncertifications:", 1)
	want := `x.yaml:5: warning: track "ic" tops out at level 3, below track "mg" (level 4): people on it cannot rise as far`
	if got := lintOf(t, second); len(got) != 1 || got[0] != want {
		t.Errorf("two roles at the top of one track:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	fellow := strings.Replace(second, "certifications:", "  - id: fellow\n    name: Fellow\n    level: 4\n    tracks: [ic]\n    expects: {s1: 2.5, s2: 3}\ncertifications:", 1)
	fellow = strings.Replace(fellow, "    expects: {s1: 2, s2: 3}\n", "    expects: {s1: 2, s2: 3}\n    next: [fellow]\n", 1)
	if got := lintOf(t, fellow); len(got) != 0 {
		t.Errorf("both tracks reach level 4: %v", got)
	}
}

func TestNearlySame(t *testing.T) {
	for _, tc := range []struct {
		lower, higher string
		want          bool
	}{
		{"I ask others for help and explain why my request matters.", "I explain the reasons behind my requests.", true},
		{"I report progress when I am asked.", "I share progress and risks with my manager regularly without being asked.", false},
		{"I have not yet written a spec.", "I write specs from a template.", false},
		{"I write specs with the problem, users, requirements and acceptance criteria.", "I write specs that state the why, the options I rejected and the open questions.", false},
		{"I manage a team of PMs, including their hiring, goals, reviews and career plans.", "I manage other managers, including their hiring plans and performance calibration.", false},
		{"I run customer interviews.", "I run customer interviews every week.", true},
	} {
		if got := nearlySame(tc.lower, tc.higher); got != tc.want {
			t.Errorf("nearlySame(%q, %q) = %v, want %v", tc.lower, tc.higher, got, tc.want)
		}
	}
}
