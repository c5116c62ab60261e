package assess_test

// The persona table: realistic product managers, each with what a PM career coach would
// call the right answer for them. The expectations were written before the built-in ladder
// was tuned and are a PM's judgement, not a reading of the rubric: when the ladder cannot
// meet one, change the ladder (rubric/default.yaml), not the expectation.
//
// A persona is a score per skill, applied to every question of that skill, so the table
// does not depend on question wording. Scores are what such a person honestly gives
// themselves on the 0–5 scale (0 not yet, 3 practitioner, 5 expert shaping the
// organisation): leaders rate hands-on data work 2–3, a principal who never managed rates
// people management 0–1 or skips it, a new APM is mostly 1 with some 2.
//
// The two lateral-role skills (program-management, client-advisory) are left unanswered
// by the ladder personas: the ladder roles must not need them to be held. Go-to-market
// and pricing is a ladder skill from Senior PM up since the 2027.1 ladder (launches,
// positioning input and pricing belong to senior PMs), so the personas from Senior PM up
// answer it: 2 for a senior PM, 3 for principals and managers, 4 for the CPO.
//
// Written against the scoring v2 API (Answers.Certifications, RoleFit.Coverage,
// NextRole.Lateral, Certification.Requires, Result.Unassessed).
//
//	go test ./assess -run TestPersonaReport -v   # one line per persona, for notes

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// persona is one realistic person and what a coach expects the tool to tell them.
type persona struct {
	name string
	// scores sets every question of a skill; na marks every question of a skill not
	// applicable; firstOnly answers only a skill's first question. Skills in none of them
	// are left unanswered.
	scores    map[string]int
	na        []string
	firstOnly map[string]int
	// Declared profile and the certifications the person holds.
	current, target, track string
	holds                  []string

	// Expectations. Each want* lists the acceptable role ids ("" for none); most have one.
	wantEstimated []string
	wantTarget    []string
	wantFirstNext []string
	// neverHolds are roles the person must not hold, whatever their track; holdsNothing
	// says the person holds no role at all, ladder or lateral.
	neverHolds   []string
	holdsNothing bool
	// noCerts must not be recommended to this person (besides the checks made for all).
	noCerts []string
	// Readiness toward the target: at least minReady, below maxReady (0: no bound).
	minReady, maxReady float64
	// minUnassessed is the least number of unassessed skills toward the target;
	// unassessedHas lists skills that must be among them, unassessedNot skills that must not.
	minUnassessed                int
	unassessedHas, unassessedNot []string
	// maxCoverage bounds the target's coverage from above (0: no bound).
	maxCoverage float64
}

// entryLevel certificates are built for people entering product work or the product-owner
// role: a coach does not send someone aiming at Principal, Group PM or higher to them.
var entryLevel = []string{"cspo", "pspo-1", "icp-apo", "product-school-pmc",
	"google-data-analytics", "aws-cloud-practitioner", "aws-ai-practitioner"}

// prerequisites a coach holds to whatever the rubric's requires say: A-CSPO needs CSPO
// (Scrum Alliance), CSP-PO needs A-CSPO, and nobody is sent to PSPO II before PSPO I.
var prerequisites = map[string][]string{
	"a-cspo": {"cspo"},
	"csp-po": {"a-cspo"},
	"pspo-2": {"pspo-1"},
}

// seniorLaterals are lateral roles at leadership scope, treated as senior targets.
var seniorLaterals = []string{"head-of-product", "founder-gm", "fractional-product-leader"}

// one is a want list of a single id.
func one(id string) []string { return []string{id} }

var personas = []persona{
	{
		// Six months into a first product job after a CS degree: shadows customer calls,
		// writes tickets and specs with a template, comfortable with engineers and AI tools.
		name: "new APM",
		scores: map[string]int{
			"data-fluency": 1, "customer-insight": 1, "experimentation": 1, "business-acumen": 1,
			"written-communication": 2, "stakeholder-alignment": 1, "executive-communication": 0, "influence": 1,
			"strategy": 1, "cross-functional-leadership": 1, "coaching": 0, "people-management": 0,
			"technical-fluency": 2, "delivery": 2, "ux-literacy": 1, "ai-literacy": 2,
		},
		wantEstimated: one("apm"), wantTarget: one("pm"), wantFirstNext: one("pm"),
		noCerts:  []string{"a-cspo", "pspo-2"},
		maxReady: 50,
	},
	{
		// Eighteen months in, building a promotion case: does the PM craft at 2 but does not
		// yet own outcomes or lead the team (the APM → PM step).
		name: "strong APM",
		scores: map[string]int{
			"data-fluency": 2, "customer-insight": 2, "experimentation": 2, "business-acumen": 1,
			"written-communication": 2, "stakeholder-alignment": 2, "executive-communication": 1, "influence": 1,
			"strategy": 1, "cross-functional-leadership": 1, "coaching": 1, "people-management": 0,
			"technical-fluency": 2, "delivery": 2, "ux-literacy": 2, "ai-literacy": 2,
		},
		wantEstimated: one("apm"), wantTarget: one("pm"), wantFirstNext: one("pm"),
		noCerts:  []string{"a-cspo", "pspo-2"},
		minReady: 50,
	},
	{
		// A backend engineer of five years, three months into a first PM job: strong
		// technically, new to customers and to the business. Technical strength is not PM.
		name: "engineer moving in",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 1, "experimentation": 2, "business-acumen": 1,
			"written-communication": 2, "stakeholder-alignment": 1, "executive-communication": 1, "influence": 2,
			"strategy": 1, "cross-functional-leadership": 2, "coaching": 1, "people-management": 0,
			"technical-fluency": 4, "delivery": 3, "ux-literacy": 1, "ai-literacy": 3,
		},
		wantEstimated: one("apm"), wantTarget: one("pm"), wantFirstNext: one("pm"),
		noCerts: []string{"aws-cloud-practitioner"},
	},
	{
		// Three years as a PM on a consumer app: owns an area end to end, runs the team,
		// talks to customers monthly; strategy and business cases are still someone else's.
		name: "solid PM",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 3, "experimentation": 2, "business-acumen": 2,
			"written-communication": 3, "stakeholder-alignment": 2, "executive-communication": 2, "influence": 2,
			"strategy": 2, "cross-functional-leadership": 3, "coaching": 1, "people-management": 0,
			"technical-fluency": 2, "delivery": 3, "ux-literacy": 2, "ai-literacy": 2,
		},
		wantEstimated: one("pm"), wantTarget: one("senior-pm"), wantFirstNext: one("senior-pm"),
	},
	{
		// Four years as a PM, says so, and wants Senior PM: the tool must show the Senior PM
		// step first, not Product Ops or TPM.
		name:    "PM declared, wants senior PM",
		current: "pm", target: "senior-pm",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 3, "experimentation": 2, "business-acumen": 3,
			"written-communication": 3, "stakeholder-alignment": 3, "executive-communication": 2, "influence": 2,
			"strategy": 2, "cross-functional-leadership": 3, "coaching": 1, "people-management": 0,
			"technical-fluency": 2, "delivery": 3, "ux-literacy": 3, "ai-literacy": 2,
		},
		wantEstimated: one("pm"), wantTarget: one("senior-pm"), wantFirstNext: one("senior-pm"),
		minReady: 50,
	},
	{
		// Six years, owns a product with little guidance: a practitioner (3) across the
		// board, mentors a little, has not managed. Either fork is a fair target, but the
		// step shown first is the IC one (they have never managed), and a rounded senior
		// PM is well on the way to it, not a few percent.
		name: "senior PM",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 3, "experimentation": 3, "business-acumen": 3,
			"written-communication": 3, "stakeholder-alignment": 3, "executive-communication": 3, "influence": 3, "go-to-market": 2,
			"strategy": 3, "cross-functional-leadership": 3, "coaching": 2, "people-management": 1,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 2,
		},
		wantEstimated: one("senior-pm"),
		wantTarget:    []string{"principal-pm", "group-pm"},
		wantFirstNext: one("principal-pm"),
		minReady:      25,
	},
	{
		// A senior PM on an enterprise B2B product with a few hundred customers: no traffic
		// for A/B tests, so experimentation is not applicable; lives with customers instead.
		// Not running A/B tests is not a reason to be a level lower; as for the senior PM,
		// the IC step shows first.
		name: "B2B senior PM, no A/B tests",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 4, "business-acumen": 3,
			"written-communication": 3, "stakeholder-alignment": 3, "executive-communication": 3, "influence": 3, "go-to-market": 3,
			"strategy": 3, "cross-functional-leadership": 3, "coaching": 2, "people-management": 1,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 2,
		},
		na:            []string{"experimentation"},
		wantEstimated: one("senior-pm"),
		wantTarget:    []string{"principal-pm", "group-pm"},
		wantFirstNext: one("principal-pm"),
		unassessedHas: []string{"experimentation"},
	},
	{
		// Seven years, informally leads two APMs, has chosen management: the next step is
		// Group PM.
		name:  "senior PM on the management track",
		track: "management",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 3, "experimentation": 3, "business-acumen": 3,
			"written-communication": 3, "stakeholder-alignment": 3, "executive-communication": 3, "influence": 3, "go-to-market": 2,
			"strategy": 3, "cross-functional-leadership": 4, "coaching": 3, "people-management": 2,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 2,
		},
		wantEstimated: one("senior-pm"), wantTarget: one("group-pm"), wantFirstNext: one("group-pm"),
	},
	{
		// Ten years, leads product across four teams without reports; spiky: strategy,
		// influence, executive communication and customer insight at 4, hands-on craft at 3;
		// has led an intern once. Must be a Principal, never a manager.
		name: "principal PM who never managed",
		scores: map[string]int{
			"data-fluency": 4, "customer-insight": 4, "experimentation": 3, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 4, "executive-communication": 4, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 3, "people-management": 1,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("principal-pm"), wantTarget: one("senior-principal-pm"),
		wantFirstNext: one("senior-principal-pm"),
		neverHolds:    []string{"group-pm", "director-of-product"},
		unassessedNot: []string{"people-management"},
	},
	{
		// The same principal, who skipped the people-management questions.
		name: "principal PM, people management skipped",
		scores: map[string]int{
			"data-fluency": 4, "customer-insight": 4, "experimentation": 3, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 4, "executive-communication": 4, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 3,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("principal-pm"), wantTarget: one("senior-principal-pm"),
		wantFirstNext: one("senior-principal-pm"),
		neverHolds:    []string{"group-pm", "director-of-product"},
		unassessedNot: []string{"people-management"},
	},
	{
		// The same principal, who answered "not applicable" to people management.
		name: "principal PM, people management n/a",
		scores: map[string]int{
			"data-fluency": 4, "customer-insight": 4, "experimentation": 3, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 4, "executive-communication": 4, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 3,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		na:            []string{"people-management"},
		wantEstimated: one("principal-pm"), wantTarget: one("senior-principal-pm"),
		wantFirstNext: one("senior-principal-pm"),
		neverHolds:    []string{"group-pm", "director-of-product"},
		unassessedNot: []string{"people-management"},
	},
	{
		// Manages four PMs, leads the product of a group, still does some product work.
		name: "group PM",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 3, "experimentation": 3, "business-acumen": 3,
			"written-communication": 3, "stakeholder-alignment": 4, "executive-communication": 3, "influence": 3, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 4, "people-management": 3,
			"technical-fluency": 3, "delivery": 4, "ux-literacy": 3, "ai-literacy": 2,
		},
		wantEstimated: one("group-pm"), wantTarget: one("director-of-product"),
		wantFirstNext: one("director-of-product"),
	},
	{
		// Twelve years, runs a product line through three group PMs: a leader's profile,
		// hands-on data and experimentation rusty (3 and 2), no 5s yet.
		name: "director of product",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 4, "experimentation": 2, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 4, "executive-communication": 4, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 4, "people-management": 4,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("director-of-product"), wantTarget: one("vp-product"),
		wantFirstNext: one("vp-product"),
	},
	{
		// The same director, who wants to go back to individual work and chose the ic
		// track: a director with no 5s lands as a Principal PM, not lower and not higher.
		name:  "director on the ic track",
		track: "ic",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 4, "experimentation": 2, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 4, "executive-communication": 4, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 4, "people-management": 4,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("principal-pm"), wantTarget: one("senior-principal-pm"),
		wantFirstNext: one("senior-principal-pm"),
	},
	{
		// VP of Product over three directors and forty PMs: 5 where a VP lives (alignment,
		// executives, leading the organisation, people), 4 in strategy and business, hands-on
		// craft at 2–3.
		name: "VP of product",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 4, "experimentation": 2, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 5, "executive-communication": 5, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 5, "coaching": 4, "people-management": 5,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("vp-product"), wantTarget: one("cpo"), wantFirstNext: one("cpo"),
	},
	{
		// A VP who declares the role and took the entry-level certificates early in their
		// career: never recommend what they hold, nor entry-level ones.
		name:    "VP of product with certifications",
		current: "vp-product",
		holds:   []string{"cspo", "pspo-1", "pragmatic"},
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 4, "experimentation": 2, "business-acumen": 4,
			"written-communication": 4, "stakeholder-alignment": 5, "executive-communication": 5, "influence": 4, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 5, "coaching": 4, "people-management": 5,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("vp-product"), wantTarget: one("cpo"), wantFirstNext: one("cpo"),
	},
	{
		// CPO of a 2,000-person company, on the executive team: 5 in customer and market,
		// business, strategy, influence, alignment, executives and the organisation.
		// The ladder ends here: the target is the CPO role itself, where to deepen (rule
		// 11); the moves on offer are founding, running a business or fractional
		// leadership, never a step down.
		name: "chief product officer",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 5, "experimentation": 2, "business-acumen": 5,
			"written-communication": 4, "stakeholder-alignment": 5, "executive-communication": 5, "influence": 5, "go-to-market": 4,
			"strategy": 5, "cross-functional-leadership": 5, "coaching": 4, "people-management": 5,
			"technical-fluency": 3, "delivery": 3, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: one("cpo"),
		wantTarget:    one("cpo"),
		wantFirstNext: []string{"founder-gm", "fractional-product-leader"},
	},
	{
		// Five years in B2B product marketing, moving into product: strong on customers,
		// market and writing, weak on delivery and technology. Lands as a PM (a senior PMM
		// may land as Senior PM); the next step shown is a PM role, not another lateral one.
		name:    "product marketer moving in",
		current: "product-marketing-manager",
		scores: map[string]int{
			"data-fluency": 2, "customer-insight": 4, "experimentation": 2, "business-acumen": 3,
			"written-communication": 4, "stakeholder-alignment": 3, "executive-communication": 3, "influence": 3,
			"strategy": 2, "cross-functional-leadership": 2, "coaching": 2, "people-management": 0,
			"technical-fluency": 1, "delivery": 2, "ux-literacy": 2, "ai-literacy": 2,
			"go-to-market": 4, "client-advisory": 2,
		},
		wantEstimated: one("pm"),
		wantTarget:    []string{"pm", "senior-pm"},
		wantFirstNext: []string{"pm", "senior-pm"},
	},
	{
		// Head of Product at a 35-person startup, managing two PMs and hands-on: in most
		// companies' terms a Group PM or a Director, not a VP or a CPO.
		name:    "head of product at a startup",
		current: "head-of-product",
		scores: map[string]int{
			"data-fluency": 3, "customer-insight": 4, "experimentation": 3, "business-acumen": 4,
			"written-communication": 3, "stakeholder-alignment": 3, "executive-communication": 4, "influence": 3, "go-to-market": 3,
			"strategy": 4, "cross-functional-leadership": 4, "coaching": 3, "people-management": 3,
			"technical-fluency": 3, "delivery": 4, "ux-literacy": 3, "ai-literacy": 3,
		},
		wantEstimated: []string{"group-pm", "director-of-product"},
		wantTarget:    []string{"director-of-product", "vp-product", "cpo"},
		wantFirstNext: []string{"director-of-product", "vp-product", "cpo"},
		neverHolds:    []string{"vp-product", "cpo"},
	},
	{
		// Answered three questions, all 5, and stopped: the tool cannot place this person
		// and must say so, not call them a CPO.
		name:          "three answers, all 5",
		firstOnly:     map[string]int{"strategy": 5, "influence": 5, "executive-communication": 5},
		wantEstimated: one(""), wantTarget: one("apm"), wantFirstNext: one("apm"),
		holdsNothing:  true,
		minUnassessed: 8,
		maxCoverage:   50,
	},
}

// answersOf builds a persona's answers; it reports skills, roles and certifications the
// rubric lacks.
func answersOf(r *rubric.Rubric, p persona) (*assess.Answers, []string) {
	var problems []string
	a := assess.NewAnswers(r)
	set := func(skill string, v assess.Answer, firstOnly bool) {
		sk := r.Skill(skill)
		if sk == nil {
			problems = append(problems, fmt.Sprintf("the rubric has no skill %q", skill))
			return
		}
		if len(sk.Questions) == 0 {
			problems = append(problems, fmt.Sprintf("skill %q has no questions", skill))
			return
		}
		for i := range sk.Questions {
			a.Set(sk.Questions[i].ID, v)
			if firstOnly {
				break
			}
		}
	}
	for _, id := range sortedKeys(p.scores) {
		set(id, assess.Answer{Score: p.scores[id]}, false)
	}
	for _, id := range p.na {
		set(id, assess.Answer{NA: true}, false)
	}
	for _, id := range sortedKeys(p.firstOnly) {
		set(id, assess.Answer{Score: p.firstOnly[id]}, true)
	}
	for _, id := range []string{p.current, p.target} {
		if id != "" && r.Role(id) == nil {
			problems = append(problems, fmt.Sprintf("the rubric has no role %q", id))
		}
	}
	if p.track != "" && r.Track(p.track) == nil {
		problems = append(problems, fmt.Sprintf("the rubric has no track %q", p.track))
	}
	for _, c := range p.holds {
		if cert(r, c) == nil {
			problems = append(problems, fmt.Sprintf("the rubric has no certification %q", c))
		}
	}
	a.CurrentRole, a.TargetRole, a.Track = p.current, p.target, p.track
	a.Certifications = p.holds
	return a, problems
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func cert(r *rubric.Rubric, id string) *rubric.Certification {
	for i := range r.Certifications {
		if r.Certifications[i].ID == id {
			return &r.Certifications[i]
		}
	}
	return nil
}

func scorePersona(t *testing.T, r *rubric.Rubric, p persona) (*assess.Result, []string) {
	t.Helper()
	a, problems := answersOf(r, p)
	// Declared ids the rubric lacks cannot be scored (Score expects callers to check them).
	for _, pr := range problems {
		if strings.Contains(pr, "no role") || strings.Contains(pr, "no track") {
			return nil, problems
		}
	}
	return assess.Score(r, a, assess.ScoreOptions{Certs: 3}), problems
}

func TestPersonas(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range personas {
		t.Run(p.name, func(t *testing.T) {
			res, problems := scorePersona(t, r, p)
			if res == nil {
				t.Fatalf("%s cannot be scored: %s", p.name, strings.Join(problems, "; "))
			}
			fails := append([]string(nil), problems...)
			fails = append(fails, checkPersona(r, p, res)...)
			if len(fails) > 0 {
				t.Errorf("%s:\n  - %s\n got: %s", p.name, strings.Join(fails, "\n  - "), describe(res))
			}
		})
	}
}

// checkPersona lists what is wrong in a persona's result.
func checkPersona(r *rubric.Rubric, p persona, res *assess.Result) []string {
	var fails []string
	failf := func(format string, args ...any) { fails = append(fails, fmt.Sprintf(format, args...)) }
	var missing []string
	for _, want := range [][]string{p.wantEstimated, p.wantTarget, p.wantFirstNext, p.neverHolds} {
		for _, id := range want {
			if id != "" && r.Role(id) == nil && !slices.Contains(missing, id) {
				missing = append(missing, id)
				failf("the rubric has no role %q, which this persona's expectations name", id)
			}
		}
	}

	// Estimated role, target, first next role.
	est, tgt := estimatedAndTarget(res)
	if !slices.Contains(p.wantEstimated, est) {
		failf("estimated %s, want %s", orNone(est), wants(p.wantEstimated))
	}
	if !slices.Contains(p.wantTarget, tgt) {
		failf("target %s, want %s", orNone(tgt), wants(p.wantTarget))
	}
	first := ""
	if len(res.NextRoles) > 0 {
		first = res.NextRoles[0].Role.ID
	}
	if !slices.Contains(p.wantFirstNext, first) {
		failf("first next role %s, want %s", orNone(first), wants(p.wantFirstNext))
	}

	// On the ladder, the next step shown first is a ladder step, and ladder roles come
	// before lateral ones; a declared track is honoured.
	if res.Current != nil && res.Current.IsLadder() {
		if len(res.NextRoles) > 0 && !res.NextRoles[0].Role.IsLadder() && res.Current.Level < topLevel(r, p.track) {
			failf("first next role %s is lateral for someone on the ladder at %s", first, res.Current.ID)
		}
	}
	seenLateral := false
	for _, n := range res.NextRoles {
		if n.Lateral != !n.Role.IsLadder() {
			failf("next role %s: lateral is %v, but its level is %d", n.Role.ID, n.Lateral, n.Role.Level)
		}
		if !n.Role.IsLadder() {
			seenLateral = true
		} else if seenLateral {
			failf("next role %s, a ladder step, is listed after a lateral role", n.Role.ID)
		}
		if p.track != "" && !n.Role.OnTrack(p.track) {
			failf("next role %s is off the declared track %s", n.Role.ID, p.track)
		}
	}
	if p.track != "" {
		if res.Estimated != nil && !res.Estimated.Role.OnTrack(p.track) {
			failf("estimated %s is off the declared track %s", est, p.track)
		}
		if res.Target != nil && !res.Target.Role.OnTrack(p.track) {
			failf("target %s is off the declared track %s", tgt, p.track)
		}
	}

	// Roles the person must never hold.
	for _, id := range p.neverHolds {
		for _, f := range res.Roles {
			if f.Role.ID == id && f.Holds {
				failf("holds %s (readiness %s), which this person must not", id, pct(f.Readiness))
			}
		}
	}

	if p.holdsNothing {
		for _, f := range res.Roles {
			if f.Holds {
				failf("holds %s (readiness %s) on %d answers", f.Role.ID, pct(f.Readiness), res.Answered)
			}
		}
	}

	// Readiness and coverage toward the target.
	if res.Target != nil && res.Target.Readiness != nil {
		ready := *res.Target.Readiness
		if p.minReady > 0 && ready < p.minReady {
			failf("readiness toward %s is %s, want at least %.0f%%", tgt, pct(res.Target.Readiness), p.minReady)
		}
		if p.maxReady > 0 && ready >= p.maxReady {
			failf("readiness toward %s is %s, want below %.0f%%", tgt, pct(res.Target.Readiness), p.maxReady)
		}
	}
	if p.maxCoverage > 0 && res.Target != nil && res.Target.Coverage != nil && *res.Target.Coverage >= p.maxCoverage {
		failf("coverage of %s is %s, want below %.0f%%", tgt, pct(res.Target.Coverage), p.maxCoverage)
	}

	// Unassessed skills toward the target.
	var unassessed []string
	for _, s := range res.Unassessed {
		unassessed = append(unassessed, s.ID)
	}
	if len(unassessed) < p.minUnassessed {
		failf("%d unassessed skills toward the target, want at least %d", len(unassessed), p.minUnassessed)
	}
	for _, id := range p.unassessedHas {
		if !slices.Contains(unassessed, id) {
			failf("%s is not listed as unassessed", id)
		}
	}
	for _, id := range p.unassessedNot {
		if slices.Contains(unassessed, id) {
			failf("%s is listed as unassessed, but the target should not expect it", id)
		}
	}

	// Certifications: each suits the target, is not held, has its prerequisites held;
	// no entry-level certificate toward a senior target; none of the persona's noCerts.
	senior := res.Target != nil && (res.Target.Role.Level >= 4 || slices.Contains(seniorLaterals, tgt))
	for _, c := range res.Certifications {
		id := c.Cert.ID
		if len(c.Cert.Roles) > 0 && !slices.Contains(c.Cert.Roles, tgt) {
			failf("certification %s suits %v, not the target %s", id, c.Cert.Roles, orNone(tgt))
		}
		if slices.Contains(p.holds, id) {
			failf("certification %s is recommended, but the person holds it", id)
		}
		for _, req := range c.Cert.Requires {
			if !slices.Contains(p.holds, req) {
				failf("certification %s requires %s, which the person does not hold", id, req)
			}
		}
		for _, req := range prerequisites[id] {
			if !slices.Contains(p.holds, req) && !slices.Contains(c.Cert.Requires, req) {
				failf("certification %s is offered without %s, which comes first (add it to requires)", id, req)
			}
		}
		if senior && slices.Contains(entryLevel, id) {
			failf("entry-level certification %s is offered toward %s", id, tgt)
		}
		if slices.Contains(p.noCerts, id) {
			failf("certification %s must not be offered to this person", id)
		}
	}
	return fails
}

// topLevel is the highest ladder level on a track ("" for all).
func topLevel(r *rubric.Rubric, track string) int {
	top := 0
	for _, ro := range r.LadderRoles(track) {
		top = max(top, ro.Level)
	}
	return top
}

// estimatedAndTarget are the ids of the estimated and the target role, "" for none.
func estimatedAndTarget(res *assess.Result) (est, tgt string) {
	if res.Estimated != nil {
		est = res.Estimated.Role.ID
	}
	if res.Target != nil {
		tgt = res.Target.Role.ID
	}
	return est, tgt
}

func orNone(id string) string {
	if id == "" {
		return "none"
	}
	return id
}

func wants(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = orNone(id)
	}
	return strings.Join(out, " or ")
}

func pct(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", *p)
}

func fitString(f *assess.RoleFit) string {
	if f == nil {
		return "none"
	}
	return fmt.Sprintf("%s (%s ready, %s covered, %d/%d met, holds %v)",
		f.Role.ID, pct(f.Readiness), pct(f.Coverage), f.Met, f.Total, f.Holds)
}

// describe is what an engineer tuning the ladder needs to see: the whole standing.
func describe(res *assess.Result) string {
	var b strings.Builder
	current := "none"
	if res.Current != nil {
		current = res.Current.ID
	}
	fmt.Fprintf(&b, "\n   estimated %s\n   current %s\n   target %s\n   next:", fitString(res.Estimated), current, fitString(res.Target))
	for _, n := range res.NextRoles {
		lat := ""
		if n.Lateral {
			lat = " lateral"
		}
		fmt.Fprintf(&b, " %s(%s%s)", n.Role.ID, pct(n.Readiness), lat)
	}
	fmt.Fprintf(&b, "\n   certifications: %s", certList(res))
	var un []string
	for _, s := range res.Unassessed {
		un = append(un, s.ID)
	}
	fmt.Fprintf(&b, "\n   unassessed: %s", strings.Join(un, " "))
	var held []string
	for _, f := range res.Roles {
		if f.Holds && f.Role.IsLadder() {
			held = append(held, fmt.Sprintf("%s(%s)", f.Role.ID, pct(f.Readiness)))
		}
	}
	fmt.Fprintf(&b, "\n   ladder roles held: %s", strings.Join(held, " "))
	return b.String()
}

func certList(res *assess.Result) string {
	if len(res.Certifications) == 0 {
		return "none"
	}
	ids := make([]string, len(res.Certifications))
	for i, c := range res.Certifications {
		ids[i] = c.Cert.ID
	}
	return strings.Join(ids, ", ")
}

// TestPersonaReport logs one line per persona, for a note: persona → estimated, target,
// first next role, certifications. It checks nothing; TestPersonas does.
func TestPersonaReport(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range personas {
		res, problems := scorePersona(t, r, p)
		if res == nil {
			t.Logf("%-40s → cannot be scored: %s", p.name, strings.Join(problems, "; "))
			continue
		}
		est, tgt, first := "none", "none", "none"
		if res.Estimated != nil {
			est = res.Estimated.Role.ID
		}
		if res.Target != nil {
			tgt = fmt.Sprintf("%s %s", res.Target.Role.ID, pct(res.Target.Readiness))
		}
		if len(res.NextRoles) > 0 {
			first = res.NextRoles[0].Role.ID
		}
		t.Logf("%-40s → estimated %s, target %s, first next %s, certifications %s",
			p.name, est, tgt, first, certList(res))
	}
}
