package assess_test

// The edge persona table: twenty-three people a PM career coach meets, more than half of
// them at the edges of the ladder (leaders answering honest 4s and 5s, startup titles,
// people who over- or under-rate themselves, people moving in from consulting, design,
// marketing, engineering or freelance work, an individual contributor who never manages).
// None of them is a persona of persona_test.go.
//
// Unlike persona_test.go, each person answers question by question, as a real person
// does: a leader picks 5 on one question of a skill and 4 on the next. Answers are
// written skill by skill in question order ("customer-insight 5 4 5" answers
// customer-insight.1, .2 and .3); "-" leaves a question unanswered and "na" marks it not
// applicable. The expectations are what a coach calls right for the person, written
// before the 2027.1 ladder was tuned: when the ladder cannot meet one, change the ladder.
//
// What is asserted depends only on scoring rules 1–10 (docs/scoring.md): the estimated
// role, the roles held, the target when the person or the default rule fixes it, the
// first gap, the next roles offered, and certifications that the rubric's role lists
// already rule out. What scoring v3 adds (rules 11–15: the default target of someone at
// the top, also_holds, plausibility checks, certifications only for a gap in a primary
// skill and one per family, plan steps) is written as "v3:" comments.
//
//	go test ./assess -run TestEdgePersonaReport -v   # one line per person, for notes

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// edgePersona is one person and what a coach expects the tool to tell them.
type edgePersona struct {
	name string
	// edge marks a person at the edges of the ladder (DOMAIN.md, "v3: the bar at the edges").
	edge bool
	// answers, skill by skill in question order; see the file comment.
	answers string
	// The declared profile and the certifications held.
	current, target, track string
	holdsCerts             []string

	// wantEstimated lists the acceptable estimated roles ("" for none).
	wantEstimated []string
	// wantTarget lists the acceptable targets; nil asserts nothing (the default target of
	// someone whose current role leads nowhere changes with scoring v3, rule 11).
	wantTarget []string
	// wantFirstGap lists the acceptable first gaps toward the target ("" for no gap);
	// nil asserts nothing.
	wantFirstGap []string
	// mustHold are roles the person's answers hold; neverHolds roles they must not.
	mustHold, neverHolds []string
	// notNext are roles that must not be offered as a next step.
	notNext []string
	// noCerts must not be recommended to this person.
	noCerts []string
	// minReady bounds the target's readiness from below (0: no bound).
	minReady float64
	// wantChecks are the plausibility checks that fire (rule 13), in order; none for
	// honest answers.
	wantChecks []string
}

// leaderProgrammes are built for people who manage (or are about to manage) managers.
var leaderProgrammes = []string{"cal-1", "cal-2", "pal-1", "product-school-plc"}

var edgePersonas = []edgePersona{
	{
		// CPO of a 1,500-person SaaS company, 60 PMs in her organisation, on the executive
		// team. Answers honestly: 5 where she sets the direction, 4 where she delegates,
		// one 4 in a core skill (the domain question of customer insight). Hands-on data
		// work and release mechanics are her teams'.
		name: "CPO of 60 PMs, honest 4s and 5s", edge: true,
		current: "cpo", track: "management",
		answers: `data-fluency 4 4 | customer-insight 5 4 5 | experimentation 3 4 | business-acumen 5 5 |
			written-communication 5 4 | stakeholder-alignment 5 5 | executive-communication 5 5 | influence 5 4 |
			go-to-market 4 3 | strategy 5 5 5 | cross-functional-leadership 5 4 | coaching 4 5 |
			people-management 5 5 4 | client-advisory 1 2 | technical-fluency 3 3 | delivery 3 4 4 |
			program-management 2 3 | ux-literacy 3 4 | ai-literacy 4 3`,
		wantEstimated: one("cpo"),
		// v3 (rule 11): the target is cpo itself, "at the top of the ladder; deepen here".
		// Under v2 it is the first next role, founder-gm. Either way never a lateral role
		// defined by consulting sales.
		wantTarget: []string{"cpo", "founder-gm"},
		mustHold:   []string{"cpo", "vp-product", "director-of-product"},
		noCerts:    []string{"cspo", "pspo-1", "google-data-analytics", "aws-cloud-practitioner", "cal-1", "pal-1"},
	},
	{
		// "VP of Product" at a 30-person startup: the only product person besides an APM,
		// manages the APM and a designer, writes the strategy with the founders, sets
		// pricing, talks to customers every week. In ladder terms a strong senior PM and a
		// first-time manager, not a large company's VP.
		name: "startup VP managing an APM and a designer", edge: true,
		wantChecks: []string{assess.CheckFarFromDeclared},
		current:    "vp-product", track: "management",
		answers: `data-fluency 3 3 | customer-insight 4 4 4 | experimentation 3 3 | business-acumen 4 4 |
			written-communication 4 3 | stakeholder-alignment 3 3 | executive-communication 4 3 | influence 3 3 |
			go-to-market 3 4 | strategy 4 4 4 | cross-functional-leadership 4 4 | coaching 2 2 |
			people-management 2 3 3 | client-advisory 0 0 | technical-fluency 3 3 | delivery 3 3 3 |
			program-management 1 2 | ux-literacy 3 3 | ai-literacy 3 2`,
		wantEstimated: []string{"senior-pm"},
		// Head of Product is what the answers fit (v3: also_holds lists it), and the
		// far-from-declared check (rule 13) asks for a second view of "VP".
		mustHold:   []string{"head-of-product"},
		neverHolds: []string{"group-pm", "director-of-product", "vp-product", "cpo"},
	},
	{
		// Two years as a PM at a consumer app, answers 5 to every question. The answers
		// hold CPO: rules 1–9 cannot know better. v3 (rule 13): same-answer and
		// far-from-declared checks ask for a second view before anyone reads further.
		name: "straight-liner at 5 after two years as a PM", edge: true,
		wantChecks: []string{assess.CheckSameAnswer, assess.CheckFarFromDeclared},
		current:    "pm",
		answers: `data-fluency 5 5 | customer-insight 5 5 5 | experimentation 5 5 | business-acumen 5 5 |
			written-communication 5 5 | stakeholder-alignment 5 5 | executive-communication 5 5 | influence 5 5 |
			go-to-market 5 5 | strategy 5 5 5 | cross-functional-leadership 5 5 | coaching 5 5 |
			people-management 5 5 5 | client-advisory 5 5 | technical-fluency 5 5 | delivery 5 5 5 |
			program-management 5 5 | ux-literacy 5 5 | ai-literacy 5 5`,
		wantEstimated: one("cpo"),
		wantTarget:    one("senior-pm"),
		wantFirstGap:  one(""),
		noCerts:       []string{"cspo", "pspo-1", "a-cspo", "pspo-2", "google-data-analytics"},
	},
	{
		// Six years, Senior PM at a 30,000-person company, imposter syndrome: picks the
		// lowest statement that is still true, and some below. The answers hold APM; v3
		// (rule 13) says so and asks for a manager's view; rule 15 plans one step per
		// skill per quarter, not three levels in a quarter.
		name: "under-rating senior PM", edge: true,
		wantChecks: []string{assess.CheckFarFromDeclared},
		current:    "senior-pm",
		answers: `data-fluency 2 2 | customer-insight 2 2 2 | experimentation 2 1 | business-acumen 2 1 |
			written-communication 2 2 | stakeholder-alignment 2 1 | executive-communication 1 2 | influence 1 2 |
			go-to-market 1 1 | strategy 2 1 2 | cross-functional-leadership 2 2 | coaching 2 1 |
			people-management 0 1 1 | client-advisory 0 0 | technical-fluency 2 2 | delivery 2 2 2 |
			program-management 1 2 | ux-literacy 2 1 | ai-literacy 1 1`,
		wantEstimated: []string{"apm", "pm"},
		wantTarget:    one("principal-pm"),
		neverHolds:    []string{"senior-pm"},
		noCerts:       []string{"cspo", "pspo-1", "icp-apo", "google-data-analytics", "aws-cloud-practitioner"},
	},
	{
		// Eight years at a product consultancy (strategy and discovery engagements),
		// interviewing for in-house roles. Strong with customers, writing and executives;
		// has not owned delivery or a team's technology. In-house, a senior PM whose next
		// step is Principal; the answers still hold Product Consultant (v3: also_holds).
		name: "consultant moving in", edge: true,
		current: "product-consultant",
		answers: `data-fluency 3 3 | customer-insight 4 4 4 | experimentation 3 3 | business-acumen 4 3 |
			written-communication 4 4 | stakeholder-alignment 3 4 | executive-communication 4 4 | influence 4 3 |
			go-to-market 3 3 | strategy 4 4 4 | cross-functional-leadership 3 3 | coaching 3 3 |
			people-management 2 2 2 | client-advisory 4 4 | technical-fluency 2 2 | delivery 2 2 2 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 3 2`,
		wantEstimated: one("senior-pm"),
		wantTarget:    one("principal-pm"),
		mustHold:      []string{"product-consultant"},
		neverHolds:    []string{"group-pm"},
	},
	{
		// Freelance PM for three years after four years employed, product areas for
		// scale-ups, each contract won through referrals.
		name: "freelance PM", edge: true,
		current: "fractional-pm",
		answers: `data-fluency 3 3 | customer-insight 3 4 3 | experimentation 3 2 | business-acumen 3 3 |
			written-communication 3 3 | stakeholder-alignment 3 3 | executive-communication 3 3 | influence 3 3 |
			go-to-market 2 3 | strategy 3 3 3 | cross-functional-leadership 3 3 | coaching 1 2 |
			people-management 0 1 2 | client-advisory 3 3 | technical-fluency 3 2 | delivery 3 3 3 |
			program-management 2 3 | ux-literacy 3 2 | ai-literacy 3 3`,
		// A coach reads these answers as a Senior PM's; four secondary skills half a point
		// short (experimentation, coaching, technical and UX literacy) leave the tool one
		// point under the pass mark, so PM with Senior PM "almost there" is fair too.
		wantEstimated: []string{"senior-pm", "pm"},
		wantTarget:    one("senior-pm"),
		minReady:      75,
		mustHold:      []string{"fractional-pm"},
		neverHolds:    []string{"product-consultant", "principal-pm"},
	},
	{
		// Six years a product designer, one year a PM: expert in UX, new to business
		// cases and to technical trade-offs.
		name: "designer turned PM", edge: true,
		current: "pm",
		answers: `data-fluency 2 2 | customer-insight 3 3 2 | experimentation 3 2 | business-acumen 2 2 |
			written-communication 2 2 | stakeholder-alignment 2 2 | executive-communication 1 2 | influence 2 2 |
			go-to-market 1 1 | strategy 2 2 2 | cross-functional-leadership 2 2 | coaching 2 2 |
			people-management 1 1 1 | client-advisory 0 0 | technical-fluency 2 1 | delivery 2 2 1 |
			program-management 1 1 | ux-literacy 5 4 | ai-literacy 2 2`,
		wantEstimated: one("pm"),
		wantTarget:    one("senior-pm"),
		wantFirstGap:  []string{"data-fluency", "business-acumen", "go-to-market"},
		notNext:       []string{"product-owner"},
		noCerts:       []string{"nng-ux"},
	},
	{
		// Fourteen years, never managed and never wants to: leads a platform's product
		// direction across six teams at a large company, writes the narratives its
		// executives decide from. A Senior Principal; the next step stays on the ic track.
		name: "senior principal who never manages", edge: true,
		current: "senior-principal-pm", track: "ic",
		answers: `data-fluency 4 4 | customer-insight 5 5 4 | experimentation 4 3 | business-acumen 4 4 |
			written-communication 5 4 | stakeholder-alignment 4 4 | executive-communication 5 4 | influence 5 4 |
			go-to-market 3 3 | strategy 5 5 4 | cross-functional-leadership 4 4 | coaching 4 3 |
			people-management 0 1 1 | client-advisory 0 0 | technical-fluency 4 4 | delivery 3 3 4 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 4 3`,
		wantEstimated: one("senior-principal-pm"),
		wantTarget:    one("distinguished-pm"),
		neverHolds:    []string{"group-pm", "director-of-product", "vp-product", "distinguished-pm"},
		notNext:       []string{"director-of-product", "group-pm", "fractional-product-leader"},
		noCerts:       leaderProgrammes,
	},
	{
		// Senior PM promoted four months ago to manage two PMs; has run one hiring round.
		// Growing into the Group PM role: the first gap is managing people.
		name: "first-time manager", edge: true,
		current: "group-pm", target: "group-pm", track: "management",
		answers: `data-fluency 3 3 | customer-insight 3 4 3 | experimentation 3 3 | business-acumen 3 3 |
			written-communication 3 3 | stakeholder-alignment 3 4 | executive-communication 3 3 | influence 3 3 |
			go-to-market 2 3 | strategy 3 3 3 | cross-functional-leadership 3 4 | coaching 3 3 |
			people-management 2 2 3 | client-advisory 0 0 | technical-fluency 3 3 | delivery 3 3 3 |
			program-management 2 2 | ux-literacy 3 3 | ai-literacy 2 2`,
		wantEstimated: one("senior-pm"),
		wantTarget:    one("group-pm"),
		wantFirstGap:  one("people-management"),
		neverHolds:    []string{"group-pm"},
		noCerts:       []string{"cspo", "pspo-1", "a-cspo"},
	},
	{
		// Head of Product at a 50-person B2B company: three PMs, strategy and pricing with
		// the founders, the board deck's product pages. In most companies' terms a Group
		// PM or a Director, not a VP; the answers hold Head of Product.
		name: "Head of Product at a 50-person company", edge: true,
		current: "head-of-product",
		answers: `data-fluency 3 4 | customer-insight 4 4 4 | experimentation 3 3 | business-acumen 4 4 |
			written-communication 4 4 | stakeholder-alignment 4 4 | executive-communication 4 4 | influence 4 3 |
			go-to-market 4 3 | strategy 4 5 4 | cross-functional-leadership 4 4 | coaching 4 3 |
			people-management 3 3 4 | client-advisory 0 1 | technical-fluency 3 3 | delivery 3 4 3 |
			program-management 2 3 | ux-literacy 3 3 | ai-literacy 3 3`,
		// No track declared: the two level-4 roles both hold, and the more ready one is
		// estimated (rule 3). Either says "level 4, not VP".
		wantEstimated: []string{"group-pm", "principal-pm", "director-of-product"},
		wantTarget:    one("director-of-product"),
		mustHold:      []string{"head-of-product"},
		neverHolds:    []string{"vp-product", "cpo"},
	},
	{
		// Senior product marketer of six years at a B2B SaaS company, moving into product
		// management and aiming at Senior PM: a go-to-market expert whose gap is leading a
		// build team.
		name: "senior PMM moving in", edge: true,
		current: "product-marketing-manager", target: "senior-pm",
		answers: `data-fluency 3 2 | customer-insight 4 4 4 | experimentation 2 2 | business-acumen 3 4 |
			written-communication 4 4 | stakeholder-alignment 3 3 | executive-communication 3 4 | influence 3 3 |
			go-to-market 5 4 | strategy 3 3 2 | cross-functional-leadership 2 2 | coaching 2 2 |
			people-management 1 1 1 | client-advisory 1 1 | technical-fluency 1 2 | delivery 2 2 1 |
			program-management 2 2 | ux-literacy 2 2 | ai-literacy 2 2`,
		wantEstimated: one("pm"),
		wantTarget:    one("senior-pm"),
		wantFirstGap:  one("cross-functional-leadership"),
		mustHold:      []string{"product-marketing-manager"},
		noCerts:       []string{"aipmm-cpmm", "pragmatic"},
	},
	{
		// Twelve years in product, the last four as an individual at the top of a large
		// company's product organisation (a Partner PM): sets direction across product
		// lines with the executives, never managed a team.
		name: "distinguished PM at a large company", edge: true,
		current: "senior-principal-pm", track: "ic",
		answers: `data-fluency 4 5 | customer-insight 5 5 5 | experimentation 4 3 | business-acumen 5 4 |
			written-communication 5 5 | stakeholder-alignment 5 4 | executive-communication 5 5 | influence 5 5 |
			go-to-market 3 4 | strategy 5 5 5 | cross-functional-leadership 4 5 | coaching 5 4 |
			people-management 1 1 2 | client-advisory 0 2 | technical-fluency 4 4 | delivery 3 3 4 |
			program-management 3 3 | ux-literacy 3 4 | ai-literacy 4 4`,
		wantEstimated: one("distinguished-pm"),
		wantTarget:    one("distinguished-pm"),
		neverHolds:    []string{"group-pm", "director-of-product", "vp-product", "cpo"},
		noCerts:       leaderProgrammes,
	},
	{
		// Founded and ran a 15-person startup for four years, wound it down, applies for
		// Director roles: strong with customers, money and the market; people management
		// at a small team's scale.
		name: "returning founder aiming at Director", edge: true,
		current: "founder-gm", target: "director-of-product",
		answers: `data-fluency 3 3 | customer-insight 5 4 4 | experimentation 4 3 | business-acumen 5 4 |
			written-communication 4 3 | stakeholder-alignment 3 3 | executive-communication 4 4 | influence 4 4 |
			go-to-market 4 4 | strategy 5 4 4 | cross-functional-leadership 4 4 | coaching 3 3 |
			people-management 3 3 4 | client-advisory 2 2 | technical-fluency 3 3 | delivery 3 3 2 |
			program-management 2 2 | ux-literacy 3 3 | ai-literacy 3 3`,
		wantEstimated: []string{"group-pm", "senior-pm"},
		wantTarget:    one("director-of-product"),
		wantFirstGap:  one("people-management"),
		mustHold:      []string{"head-of-product"},
		neverHolds:    []string{"director-of-product", "vp-product", "cpo"},
	},
	{
		// Engineering manager of six engineers for three years, moving into product
		// management: strong in technology, delivery and managing people, new to
		// customers, the market and go-to-market.
		name: "engineering manager moving in", edge: true,
		track: "management",
		answers: `data-fluency 3 2 | customer-insight 1 2 3 | experimentation 2 2 | business-acumen 2 2 |
			written-communication 3 3 | stakeholder-alignment 3 2 | executive-communication 3 2 | influence 3 3 |
			go-to-market 0 1 | strategy 2 2 2 | cross-functional-leadership 4 4 | coaching 4 4 |
			people-management 4 3 4 | client-advisory 0 0 | technical-fluency 5 5 | delivery 4 4 5 |
			program-management 4 3 | ux-literacy 2 2 | ai-literacy 3 3`,
		wantEstimated: one("pm"),
		wantTarget:    one("senior-pm"),
		wantFirstGap:  []string{"go-to-market", "customer-insight"},
		neverHolds:    []string{"senior-pm", "group-pm", "technical-program-manager"},
		noCerts:       []string{"aws-cloud-practitioner", "pmp", "pmi-acp"},
	},
	{
		// Former VP of Product, now fractional CPO for three seed-stage companies.
		name: "fractional CPO, ex-VP", edge: true,
		current: "fractional-product-leader",
		answers: `data-fluency 3 3 | customer-insight 4 5 4 | experimentation 3 3 | business-acumen 5 4 |
			written-communication 4 4 | stakeholder-alignment 4 5 | executive-communication 5 5 | influence 5 4 |
			go-to-market 4 3 | strategy 5 5 4 | cross-functional-leadership 4 4 | coaching 5 4 |
			people-management 4 5 5 | client-advisory 4 4 | technical-fluency 3 3 | delivery 3 3 3 |
			program-management 2 3 | ux-literacy 3 3 | ai-literacy 3 3`,
		wantEstimated: one("vp-product"),
		wantTarget:    one("cpo"),
		wantFirstGap:  one("customer-insight"),
		mustHold:      []string{"fractional-product-leader", "vp-product"},
		noCerts:       []string{"cspo", "pspo-1", "product-school-pmc", "cal-1", "pal-1"},
	},
	// The middle of the ladder, still answered question by question.
	{
		// Eight months into a first product job after a computer-science degree.
		name:    "new-grad APM",
		current: "apm",
		answers: `data-fluency 1 2 | customer-insight 1 1 1 | experimentation 1 1 | business-acumen 1 1 |
			written-communication 2 1 | stakeholder-alignment 1 1 | executive-communication 1 0 | influence 1 1 |
			go-to-market 0 1 | strategy 1 1 1 | cross-functional-leadership 1 1 | coaching 0 1 |
			people-management 0 0 0 | client-advisory 0 0 | technical-fluency 2 2 | delivery 2 1 1 |
			program-management 1 0 | ux-literacy 1 2 | ai-literacy 2 2`,
		wantEstimated: one("apm"),
		wantTarget:    one("pm"),
		wantFirstGap:  one("customer-insight"),
		noCerts:       []string{"a-cspo", "pspo-2", "csp-po", "cal-1", "reforge"},
	},
	{
		// Three years as a growth PM on a consumer app: strong with data and tests,
		// business cases and launches still someone else's.
		name:    "growth PM, three years",
		current: "pm",
		answers: `data-fluency 4 3 | customer-insight 3 3 2 | experimentation 4 3 | business-acumen 3 2 |
			written-communication 3 2 | stakeholder-alignment 2 3 | executive-communication 2 2 | influence 2 2 |
			go-to-market 1 2 | strategy 2 3 3 | cross-functional-leadership 3 3 | coaching 1 2 |
			people-management 0 0 1 | client-advisory 0 0 | technical-fluency 2 3 | delivery 3 3 2 |
			program-management 2 2 | ux-literacy 3 2 | ai-literacy 3 2`,
		wantEstimated: one("pm"),
		wantTarget:    one("senior-pm"),
		wantFirstGap:  []string{"business-acumen", "written-communication", "go-to-market"},
		notNext:       []string{"product-owner"},
	},
	{
		// Senior PM at a B2B fintech, a domain expert (regulation, payment schemes):
		// stronger with customers and the domain than in writing or go-to-market.
		name:    "domain-expert senior PM in fintech",
		current: "senior-pm",
		answers: `data-fluency 3 3 | customer-insight 4 4 5 | experimentation 3 2 | business-acumen 4 3 |
			written-communication 4 3 | stakeholder-alignment 4 3 | executive-communication 3 3 | influence 3 3 |
			go-to-market 3 2 | strategy 3 4 3 | cross-functional-leadership 3 4 | coaching 3 2 |
			people-management 1 2 2 | client-advisory 0 0 | technical-fluency 3 3 | delivery 3 4 3 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 2 2`,
		wantEstimated: one("senior-pm"),
		wantTarget:    one("principal-pm"),
		wantFirstGap:  []string{"written-communication", "go-to-market"},
		neverHolds:    []string{"principal-pm", "group-pm"},
	},
	{
		// Group PM with four PMs in a marketplace company, hands-on in delivery.
		name:    "group PM with four PMs",
		current: "group-pm", track: "management",
		answers: `data-fluency 3 3 | customer-insight 3 4 3 | experimentation 3 3 | business-acumen 3 4 |
			written-communication 4 3 | stakeholder-alignment 4 4 | executive-communication 3 4 | influence 3 4 |
			go-to-market 3 3 | strategy 4 4 4 | cross-functional-leadership 4 4 | coaching 4 4 |
			people-management 3 3 4 | client-advisory 0 0 | technical-fluency 3 3 | delivery 4 3 4 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 2 3`,
		wantEstimated: one("group-pm"),
		wantTarget:    one("director-of-product"),
		wantFirstGap:  one("people-management"),
		neverHolds:    []string{"director-of-product"},
		noCerts:       []string{"cspo", "pspo-1", "google-data-analytics"},
	},
	{
		// Director of Product over two product lines and three group PMs.
		name:    "director over two product lines",
		current: "director-of-product", track: "management",
		answers: `data-fluency 3 4 | customer-insight 4 4 4 | experimentation 3 3 | business-acumen 4 4 |
			written-communication 4 4 | stakeholder-alignment 4 5 | executive-communication 4 4 | influence 4 4 |
			go-to-market 3 3 | strategy 4 4 5 | cross-functional-leadership 4 4 | coaching 4 4 |
			people-management 4 4 4 | client-advisory 0 1 | technical-fluency 3 3 | delivery 4 3 4 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 3 3`,
		wantEstimated: one("director-of-product"),
		wantTarget:    one("vp-product"),
		wantFirstGap:  one("people-management"),
		neverHolds:    []string{"vp-product", "cpo"},
		noCerts:       []string{"cspo", "pspo-1", "a-cspo", "google-data-analytics", "product-school-pmc"},
	},
	{
		// VP of Product with five directors and forty PMs: 5 where she sets the direction,
		// 4 elsewhere, hands-on craft at 3.
		name:    "VP with five directors",
		current: "vp-product", track: "management",
		answers: `data-fluency 3 4 | customer-insight 4 4 5 | experimentation 3 3 | business-acumen 4 5 |
			written-communication 4 5 | stakeholder-alignment 5 4 | executive-communication 5 4 | influence 4 5 |
			go-to-market 3 3 | strategy 5 4 5 | cross-functional-leadership 5 4 | coaching 5 4 |
			people-management 5 5 4 | client-advisory 0 1 | technical-fluency 3 3 | delivery 4 4 4 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 3 3`,
		wantEstimated: one("vp-product"),
		wantTarget:    one("cpo"),
		wantFirstGap:  one("customer-insight"),
		neverHolds:    []string{"cpo"},
		noCerts:       []string{"cspo", "pspo-1", "google-data-analytics", "aws-ai-practitioner", "cal-1", "pal-1"},
	},
	{
		// Product Owner in a bank's Scrum teams for four years; holds the CSPO.
		name:    "product owner in a bank",
		current: "product-owner", holdsCerts: []string{"cspo"},
		answers: `data-fluency 2 2 | customer-insight 2 2 3 | experimentation 1 2 | business-acumen 2 2 |
			written-communication 3 2 | stakeholder-alignment 3 3 | executive-communication 2 1 | influence 2 2 |
			go-to-market 1 1 | strategy 2 2 3 | cross-functional-leadership 2 3 | coaching 1 1 |
			people-management 0 0 1 | client-advisory 0 0 | technical-fluency 2 2 | delivery 4 3 3 |
			program-management 3 2 | ux-literacy 2 2 | ai-literacy 1 1`,
		wantEstimated: one("pm"),
		wantTarget:    one("pm"),
		mustHold:      []string{"product-owner", "pm"},
		// v3 (rule 14): PSPO I, SAFe POPM and ICP-APO are of CSPO's family; a coach would
		// not send a CSPO holder to them. Rule 14 keeps one per family; the held one is
		// the engine's to weigh.
		noCerts: []string{"cspo"},
	},
	{
		// Product operations manager of three years, strong in data and process.
		name:    "product operations manager",
		current: "product-operations-manager",
		answers: `data-fluency 4 3 | customer-insight 3 2 2 | experimentation 2 2 | business-acumen 2 2 |
			written-communication 3 3 | stakeholder-alignment 4 3 | executive-communication 2 3 | influence 3 3 |
			go-to-market 1 1 | strategy 2 2 2 | cross-functional-leadership 2 2 | coaching 2 3 |
			people-management 1 1 1 | client-advisory 0 0 | technical-fluency 2 2 | delivery 3 3 3 |
			program-management 4 4 | ux-literacy 2 1 | ai-literacy 4 3`,
		wantEstimated: one("pm"),
		wantTarget:    one("senior-pm"),
		wantFirstGap:  []string{"business-acumen", "go-to-market", "cross-functional-leadership"},
		mustHold:      []string{"product-operations-manager"},
	},
	{
		// Principal PM (titled Lead PM) at a scale-up: leads three teams' checkout
		// strategy, mentors two PMs, has never managed.
		name:    "lead PM at a scale-up",
		current: "principal-pm", track: "ic",
		answers: `data-fluency 4 3 | customer-insight 4 4 4 | experimentation 3 4 | business-acumen 3 4 |
			written-communication 4 4 | stakeholder-alignment 4 4 | executive-communication 4 3 | influence 4 4 |
			go-to-market 3 3 | strategy 4 4 4 | cross-functional-leadership 4 3 | coaching 3 3 |
			people-management 1 1 2 | client-advisory 0 0 | technical-fluency 3 3 | delivery 3 3 3 |
			program-management 3 3 | ux-literacy 3 3 | ai-literacy 3 2`,
		wantEstimated: one("principal-pm"),
		wantTarget:    one("senior-principal-pm"),
		wantFirstGap:  []string{"customer-insight", "data-fluency", "business-acumen"},
		neverHolds:    []string{"senior-principal-pm", "group-pm"},
		noCerts:       append([]string{"cspo", "pspo-1"}, leaderProgrammes...),
	},
}

// answersOfEdge builds a person's answers, reporting question ids the rubric lacks.
func answersOfEdge(r *rubric.Rubric, p edgePersona) (*assess.Answers, []string) {
	var problems []string
	a := assess.NewAnswers(r)
	for _, part := range strings.Split(p.answers, "|") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		sk := r.Skill(f[0])
		if sk == nil {
			problems = append(problems, fmt.Sprintf("the rubric has no skill %q", f[0]))
			continue
		}
		if len(f)-1 > len(sk.Questions) {
			problems = append(problems, fmt.Sprintf("%d answers for skill %q, which has %d questions", len(f)-1, f[0], len(sk.Questions)))
		}
		for i, v := range f[1:] {
			id := fmt.Sprintf("%s.%d", f[0], i+1)
			var ans assess.Answer
			switch v {
			case "-":
				continue
			case "na":
				ans.NA = true
			default:
				if _, err := fmt.Sscan(v, &ans.Score); err != nil {
					problems = append(problems, fmt.Sprintf("%s: %q is not a score", id, v))
					continue
				}
			}
			if !a.Set(id, ans) {
				problems = append(problems, fmt.Sprintf("the rubric has no question %q", id))
			}
		}
	}
	for _, id := range []string{p.current, p.target} {
		if id != "" && r.Role(id) == nil {
			problems = append(problems, fmt.Sprintf("the rubric has no role %q", id))
		}
	}
	for _, c := range p.holdsCerts {
		if r.Certification(c) == nil {
			problems = append(problems, fmt.Sprintf("the rubric has no certification %q", c))
		}
	}
	a.CurrentRole, a.TargetRole, a.Track = p.current, p.target, p.track
	a.Certifications = p.holdsCerts
	return a, problems
}

func TestEdgePersonas(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	edges := 0
	for _, p := range edgePersonas {
		if p.edge {
			edges++
		}
	}
	if len(edgePersonas) < 20 || 2*edges < len(edgePersonas) {
		t.Errorf("%d people, %d at the edges: want at least 20, half at the edges", len(edgePersonas), edges)
	}
	for _, p := range edgePersonas {
		t.Run(p.name, func(t *testing.T) {
			a, problems := answersOfEdge(r, p)
			if len(problems) > 0 {
				t.Fatalf("cannot be scored: %s", strings.Join(problems, "; "))
			}
			res := assess.Score(r, a, assess.ScoreOptions{Certs: 3})
			if fails := checkEdgePersona(r, p, res); len(fails) > 0 {
				t.Errorf("%s:\n  - %s\n got: %s\n   first gaps: %s", p.name, strings.Join(fails, "\n  - "), describe(res), gapList(res))
			}
		})
	}
}

func checkEdgePersona(r *rubric.Rubric, p edgePersona, res *assess.Result) []string {
	var fails []string
	failf := func(format string, args ...any) { fails = append(fails, fmt.Sprintf(format, args...)) }
	for _, list := range [][]string{p.wantEstimated, p.wantTarget, p.mustHold, p.neverHolds, p.notNext} {
		for _, id := range list {
			if id != "" && r.Role(id) == nil {
				failf("the rubric has no role %q, which this person's expectations name", id)
			}
		}
	}
	var checks []string
	for _, c := range res.Checks {
		checks = append(checks, c.Code)
	}
	if !slices.Equal(checks, p.wantChecks) {
		failf("checks %v, want %v", checks, p.wantChecks)
	}
	est, tgt := estimatedAndTarget(res)
	if !slices.Contains(p.wantEstimated, est) {
		failf("estimated %s, want %s", orNone(est), wants(p.wantEstimated))
	}
	if p.wantTarget != nil && !slices.Contains(p.wantTarget, tgt) {
		failf("target %s, want %s", orNone(tgt), wants(p.wantTarget))
	}
	if p.wantFirstGap != nil {
		first := ""
		if len(res.Gaps) > 0 {
			first = res.Gaps[0].Skill.ID
		}
		if !slices.Contains(p.wantFirstGap, first) {
			failf("first gap %s, want %s", orNone(first), wants(p.wantFirstGap))
		}
	}
	holds := map[string]bool{}
	for _, f := range res.Roles {
		holds[f.Role.ID] = f.Holds
	}
	for _, id := range p.mustHold {
		if !holds[id] {
			failf("does not hold %s, which the answers should", id)
		}
	}
	for _, id := range p.neverHolds {
		if holds[id] {
			failf("holds %s, which this person must not", id)
		}
	}
	for _, n := range res.NextRoles {
		if slices.Contains(p.notNext, n.Role.ID) {
			failf("%s is offered as a next step", n.Role.ID)
		}
		if p.track != "" && !n.Role.OnTrack(p.track) {
			failf("next role %s is off the declared track %s", n.Role.ID, p.track)
		}
	}
	if p.minReady > 0 && (res.Target == nil || res.Target.Readiness == nil || *res.Target.Readiness < p.minReady) {
		failf("readiness toward %s below %.0f%%", orNone(tgt), p.minReady)
	}
	senior := res.Target != nil && (res.Target.Role.Level >= 4 || slices.Contains(seniorLaterals, tgt))
	for _, c := range res.Certifications {
		id := c.Cert.ID
		if slices.Contains(p.noCerts, id) {
			failf("certification %s must not be offered to this person", id)
		}
		if slices.Contains(p.holdsCerts, id) {
			failf("certification %s is held, and recommended", id)
		}
		if senior && slices.Contains(entryLevel, id) {
			failf("entry-level certification %s is offered toward %s", id, tgt)
		}
		if !c.Cert.SuitsRole(tgt) {
			failf("certification %s does not suit the target %s", id, tgt)
		}
	}
	return fails
}

func gapList(res *assess.Result) string {
	var out []string
	for i, g := range res.Gaps {
		if i == 4 {
			break
		}
		out = append(out, fmt.Sprintf("%s %.2f→%.4g (%s)", g.Skill.ID, g.Score, g.Expected, g.Priority))
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}

// TestEdgePersonaReport logs one line per person, for notes; TestEdgePersonas checks.
func TestEdgePersonaReport(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range edgePersonas {
		a, problems := answersOfEdge(r, p)
		if len(problems) > 0 {
			t.Logf("%-45s → cannot be scored: %s", p.name, strings.Join(problems, "; "))
			continue
		}
		res := assess.Score(r, a, assess.ScoreOptions{Certs: 3})
		est, tgt := "none", "none"
		if res.Estimated != nil {
			est = res.Estimated.Role.ID
		}
		if res.Target != nil {
			tgt = fmt.Sprintf("%s %s", res.Target.Role.ID, pct(res.Target.Readiness))
		}
		first := "none"
		if len(res.Gaps) > 0 {
			first = res.Gaps[0].Skill.ID
		}
		var checks, also []string
		for _, c := range res.Checks {
			checks = append(checks, c.Code)
		}
		for _, ro := range res.AlsoHolds {
			also = append(also, ro.ID)
		}
		t.Logf("%-45s → estimated %s, target %s (top %v), first gap %s, also holds %v, certifications %s, checks %v",
			p.name, est, tgt, res.AtTop, first, also, certList(res), checks)
	}
}
