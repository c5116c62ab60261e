package rubric

import (
	"math"
	"net/url"
	"sort"
	"strings"
	"testing"
)

// TestBuiltInContent guards the built-in ladder's content: a future edit that breaks one
// of these promises to users fails here (docs/rubric.md, docs/ladder.md).
func TestBuiltInContent(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("scale", func(t *testing.T) {
		want := []string{"Not yet", "Aware", "Working", "Practitioner", "Advanced", "Expert"}
		if r.Scale.Min != 0 || r.Scale.Max != 5 || strings.Join(r.Scale.Labels, "|") != strings.Join(want, "|") {
			t.Errorf("scale %+v", r.Scale)
		}
		if r.Scoring.Pass < 60 || r.Scoring.Pass > 90 {
			t.Errorf("pass %v is not a deliberate threshold", r.Scoring.Pass)
		}
	})

	t.Run("categories and skills", func(t *testing.T) {
		var cats []string
		for _, c := range r.Categories {
			cats = append(cats, c.ID)
		}
		if strings.Join(cats, ",") != "analytical,communication,leadership,technical" {
			t.Errorf("categories %v", cats)
		}
		if n := len(r.Skills()); n < 19 {
			t.Errorf("%d skills, want at least 19", n)
		}
		for _, id := range append(append([]string(nil), ladderSkills...), lateralSkills...) {
			if r.Skill(id) == nil {
				t.Errorf("skill %s is missing (v1 ids stay, so saved answers keep loading)", id)
			}
		}
		for _, core := range append([]string{"data-fluency", "customer-insight", "written-communication",
			"cross-functional-leadership", "business-acumen", "people-management", "go-to-market"}, lateralSkills...) {
			if s := r.Skill(core); s == nil || !s.Core {
				t.Errorf("%s must be a core skill", core)
			}
		}
		// People management weighs more, so skipping it costs an IC a management role.
		if s := r.Skill("people-management"); s != nil && s.Weight < 2 {
			t.Errorf("people-management weight %v, want at least 2", s.Weight)
		}
		questionTexts := map[string]string{}
		for _, s := range r.Skills() {
			if len(s.Description) < 80 {
				t.Errorf("%s: description too short for a paragraph", s.ID)
			}
			checkActions(t, r, s)
			if len(s.Questions) < 2 {
				t.Errorf("%s: %d questions, want at least 2", s.ID, len(s.Questions))
			}
			for _, q := range s.Questions {
				if prev, dup := questionTexts[strings.ToLower(q.Text)]; dup {
					t.Errorf("%s asks the same as %s", q.ID, prev)
				}
				questionTexts[strings.ToLower(q.Text)] = q.ID
				checkAnchors(t, r, q)
			}
		}
	})

	t.Run("ladder", func(t *testing.T) {
		for _, step := range [][2]string{{"apm", "pm"}, {"pm", "senior-pm"}, {"senior-pm", "principal-pm"}, {"senior-pm", "group-pm"},
			{"principal-pm", "senior-principal-pm"}, {"senior-principal-pm", "distinguished-pm"},
			{"group-pm", "director-of-product"}, {"director-of-product", "vp-product"}, {"vp-product", "cpo"}} {
			from, to := r.Role(step[0]), r.Role(step[1])
			if from == nil || to == nil || !contains(from.Next, to.ID) || to.Level <= from.Level {
				t.Errorf("%s must lead to %s one level up", step[0], step[1])
			}
		}
		for id, track := range map[string]string{"principal-pm": "ic", "senior-principal-pm": "ic", "distinguished-pm": "ic", "group-pm": "management",
			"director-of-product": "management", "vp-product": "management", "cpo": "management"} {
			if ro := r.Role(id); ro == nil || len(ro.Tracks) != 1 || ro.Tracks[0] != track {
				t.Errorf("%s must be on the %s track only", id, track)
			}
		}
		for _, id := range []string{"apm", "pm", "senior-pm"} {
			if len(r.Role(id).Tracks) != 0 {
				t.Errorf("%s is on every track", id)
			}
		}
		if _, ok := r.Role("group-pm").Expect("people-management"); !ok {
			t.Error("the group PM step expects people management")
		}
		for _, ro := range r.LadderRoles("ic") {
			if _, ok := ro.Expect("people-management"); ok {
				t.Errorf("%s on the ic track must not expect people management", ro.ID)
			}
		}
		for i := range r.Roles {
			if len(r.Roles[i].Description) < 60 {
				t.Errorf("%s: role description missing or too short", r.Roles[i].ID)
			}
			if r.Roles[i].Short == "" || len(r.Roles[i].Scope) < 20 {
				t.Errorf("%s: give it a short name and a one-line scope", r.Roles[i].ID)
			}
		}
		// The individual-contributor track reaches the VP's level, and its top leads
		// somewhere that needs no team of one's own.
		if d := r.Role("distinguished-pm"); d == nil || d.Level != r.Role("vp-product").Level {
			t.Error("the ic track needs a Distinguished PM at the VP's level")
		} else {
			for _, id := range d.Next {
				if _, ok := r.Role(id).Expect("people-management"); ok {
					t.Errorf("distinguished-pm leads to %s, which needs managing people", id)
				}
			}
		}
	})

	t.Run("tracks of equal difficulty", func(t *testing.T) {
		// Level for level, the ic and management roles ask as much, by weight: Principal PM
		// is as hard to hold as Group PM, Senior Principal as Director.
		sums := map[int]map[string]float64{}
		for i := range r.Roles {
			ro := &r.Roles[i]
			if !ro.IsLadder() || len(ro.Tracks) != 1 {
				continue
			}
			if sums[ro.Level] == nil {
				sums[ro.Level] = map[string]float64{}
			}
			sums[ro.Level][ro.Tracks[0]] = weightedSum(r, ro)
		}
		pairs := 0
		for level, by := range sums {
			ic, okIC := by["ic"]
			mg, okMg := by["management"]
			if !okIC || !okMg {
				continue
			}
			pairs++
			if lo, hi := math.Min(ic, mg), math.Max(ic, mg); lo < 0.85*hi {
				t.Errorf("level %d: ic asks %.1f, management %.1f (weighted); want within 15%%", level, ic, mg)
			}
		}
		if pairs < 3 {
			t.Errorf("%d levels with both tracks, want at least 3 (4, 5 and 6)", pairs)
		}
	})

	t.Run("people management and lateral skills", func(t *testing.T) {
		for _, ro := range r.LadderRoles("management") {
			if ro.Level < 4 {
				continue
			}
			if v, ok := ro.Expect("people-management"); !ok || v < 3 {
				t.Errorf("%s must expect people management (got %v)", ro.ID, v)
			}
		}
		// Ladder roles must not need the skills that tell lateral roles apart: a PM who
		// never did programme or client work can still hold them.
		for i := range r.Roles {
			ro := &r.Roles[i]
			if !ro.IsLadder() {
				continue
			}
			for _, s := range lateralSkills {
				if _, ok := ro.Expect(s); ok {
					t.Errorf("ladder role %s expects %s, a lateral-role skill", ro.ID, s)
				}
			}
		}
	})

	t.Run("expectations never fall as the level rises", func(t *testing.T) {
		for _, track := range r.Tracks {
			roles := r.LadderRoles(track.ID)
			sort.SliceStable(roles, func(i, j int) bool { return roles[i].Level < roles[j].Level })
			for i := 1; i < len(roles); i++ {
				lo, hi := roles[i-1], roles[i]
				higher := false
				for s, v := range lo.Expects {
					w, ok := hi.Expect(s)
					if !ok || w < v {
						t.Errorf("%s track: %s expects %s %v, %s only %v", track.ID, lo.ID, s, v, hi.ID, w)
					}
				}
				for s, w := range hi.Expects {
					if v, ok := lo.Expect(s); !ok || w > v {
						higher = true
					}
				}
				if !higher {
					t.Errorf("%s track: %s expects nothing more than %s, so the estimate could never tell them apart", track.ID, hi.ID, lo.ID)
				}
			}
		}
	})

	t.Run("lateral roles", func(t *testing.T) {
		lateral := 0
		for i := range r.Roles {
			ro := &r.Roles[i]
			if ro.IsLadder() {
				continue
			}
			lateral++
			if len(r.ReachedFrom(ro.ID)) == 0 {
				t.Errorf("lateral role %s is not reachable through any role's next", ro.ID)
			}
			if len(ro.Expects) > 8 {
				t.Errorf("lateral role %s expects %d skills; keep to what matters for it", ro.ID, len(ro.Expects))
			}
		}
		if lateral < 4 {
			t.Errorf("%d lateral roles, want at least 4", lateral)
		}
		// Each lateral role expects, high, the skill that tells it apart from a PM.
		for id, want := range map[string][2]any{
			"product-marketing-manager": {"go-to-market", 4.0}, "technical-program-manager": {"program-management", 4.0},
			"product-consultant": {"client-advisory", 4.0}, "fractional-pm": {"client-advisory", 3.0},
			"fractional-product-leader": {"client-advisory", 4.0}, "founder-gm": {"business-acumen", 4.5},
			"product-owner": {"delivery", 3.0}, "head-of-product": {"strategy", 4.0},
		} {
			ro := r.Role(id)
			if ro == nil {
				t.Errorf("lateral role %s is missing", id)
				continue
			}
			if v, ok := ro.Expect(want[0].(string)); !ok || v < want[1].(float64) {
				t.Errorf("%s expects %s %v, want at least %v", id, want[0], v, want[1])
			}
			if len(ro.Next) == 0 {
				t.Errorf("lateral role %s leads nowhere", id)
			}
		}
		// Reachable from the levels where the move is real.
		for id, from := range map[string][]string{
			"product-owner": {"apm"}, "fractional-pm": {"pm", "senior-pm"},
			"head-of-product":           {"senior-pm", "principal-pm", "group-pm", "director-of-product"},
			"product-marketing-manager": {"pm", "senior-pm"}, "technical-program-manager": {"pm", "senior-pm"},
		} {
			for _, f := range from {
				if ro := r.Role(f); ro == nil || !contains(ro.Next, id) {
					t.Errorf("%s must be reachable from %s", id, f)
				}
			}
		}
		for _, id := range []string{"founder-gm", "fractional-product-leader", "board-advisor"} {
			for _, ro := range r.ReachedFrom(id) {
				if ro.IsLadder() && ro.Level < 5 {
					t.Errorf("%s is reached from %s; it is a move for Director level and up", id, ro.ID)
				}
			}
		}
		// Product Owner is a move toward delivery, not a PM's next step.
		if contains(r.Role("pm").Next, "product-owner") || contains(r.Role("senior-pm").Next, "product-owner") {
			t.Error("product-owner is not a next step for a PM")
		}
		// Head of Product leads a small team: some people management, less than a Group PM.
		if v, ok := r.Role("head-of-product").Expect("people-management"); !ok || v < 2 || v > 3 {
			t.Errorf("head-of-product expects people management %v, want 2 to 3 (a small team)", v)
		}
		// Founder/GM and board roles are not defined by consulting sales.
		if _, ok := r.Role("founder-gm").Expect("client-advisory"); ok {
			t.Error("founder-gm must not expect client-advisory: founding is not winning consulting engagements")
		}
		if v, ok := r.Role("board-advisor").Expect("client-advisory"); ok && v > 3 {
			t.Errorf("board-advisor expects client-advisory %v: advising from outside, not selling engagements", v)
		}
		if cpo := r.Role("cpo"); cpo == nil || len(cpo.Next) == 0 {
			t.Error("the CPO must lead somewhere (founder/GM, fractional leadership, board)")
		}
		for id, words := range map[string][]string{"principal-pm": {"Lead"}, "head-of-product": {"Director", "company size"},
			"group-pm": {"40%", "20%"}} {
			if ro := r.Role(id); ro != nil {
				for _, w := range words {
					if !strings.Contains(ro.Name+" "+ro.Description, w) {
						t.Errorf("%s: name or description must say %q", id, w)
					}
				}
			}
		}
	})

	t.Run("the bar at the edges (v3)", func(t *testing.T) {
		// No core expectation at the top of the scale: one honest 4 would cost a leader
		// the role (rubric validate --strict says the same).
		for i := range r.Roles {
			ro := &r.Roles[i]
			for _, s := range r.Skills() {
				if v, ok := ro.Expect(s.ID); ok && s.Core && v >= float64(r.Scale.Max) {
					t.Errorf("%s expects core skill %s at the top of the scale", ro.ID, s.ID)
				}
			}
		}
		if ws := r.Lint(); len(ws) > 0 {
			t.Errorf("design smells:\n%v", ws)
		}
		// Every core skill is expected by some role; go-to-market from Senior PM up.
		for _, s := range r.Skills() {
			if !s.Core {
				continue
			}
			expected := false
			for i := range r.Roles {
				if v, ok := r.Roles[i].Expect(s.ID); ok && v > float64(r.Scale.Min) {
					expected = true
				}
			}
			if !expected {
				t.Errorf("core skill %s is expected by no role", s.ID)
			}
		}
		for _, ro := range r.LadderRoles("") {
			if v, ok := ro.Expect("go-to-market"); ro.Level >= 3 && (!ok || v < 2) {
				t.Errorf("%s must expect go-to-market (launches, positioning, pricing), got %v", ro.ID, v)
			}
		}
		// Anchors describe behaviour, not reporting distance; "I manage other managers"
		// is a way up people management only; continuous discovery (customer contact
		// every week) is expected of senior PMs, not first of principals.
		for _, q := range r.Questions() {
			for _, o := range q.Options {
				lower := strings.ToLower(o.Text)
				for _, w := range []string{"levels above", "level above", "two levels", "report to me", "reports to me"} {
					if strings.Contains(lower, w) {
						t.Errorf("%s option %d measures reporting distance (%q): %q", q.ID, o.Score, w, o.Text)
					}
				}
				if strings.Contains(lower, "manage other managers") && q.Skill != "people-management" {
					t.Errorf("%s option %d: managing managers as a way up %s", q.ID, o.Score, q.Skill)
				}
				if q.Skill == "customer-insight" && strings.Contains(lower, "every week") && float64(o.Score) > r.Role("senior-pm").Expects["customer-insight"] {
					t.Errorf("%s: weekly customer contact first appears at %d, above Senior PM", q.ID, o.Score)
				}
			}
		}
		// Leaders' actions are leaders' work: no speaking at events handed out as the
		// step to 5 (a CPO's gap); community and speaking actions sit lower.
		for _, s := range r.Skills() {
			for _, a := range s.Actions {
				lower := strings.ToLower(a.Text)
				if a.Level == r.Scale.Max && (strings.Contains(lower, "conference") || strings.Contains(lower, "meetup") ||
					strings.Contains(lower, "community") || strings.Contains(lower, "give a talk")) && !contains(lateralSkills, s.ID) {
					t.Errorf("%s: a step-to-5 action is community speaking: %q", s.ID, a.Text)
				}
			}
		}
		// A CPO is not expected to run or coordinate releases.
		if cpo := r.Role("cpo"); cpo != nil {
			v, _ := cpo.Expect("delivery")
			for _, st := range r.Skill("delivery").StatementsAt(MetAt(v)) {
				if strings.HasPrefix(st, "I run ") || strings.HasPrefix(st, "I coordinate ") {
					t.Errorf("the CPO's delivery expectation reads %q", st)
				}
			}
		}
		// The interview stays near 20 minutes (the estimate of assess/interview: 238 words
		// a minute and 5 seconds to choose), and the quick set asks one question a skill.
		words := 0
		for _, q := range r.Questions() {
			words += len(strings.Fields(q.Text))
			for _, o := range q.Options {
				words += len(strings.Fields(o.Text))
			}
		}
		if minutes := (words*60/238 + 5*len(r.Questions()) + 30) / 60; minutes > 20 {
			t.Errorf("the interview takes about %d minutes, want at most 20", minutes)
		}
	})

	t.Run("certifications", func(t *testing.T) {
		if len(r.Certifications) < 8 {
			t.Errorf("%d certifications, want at least 8", len(r.Certifications))
		}
		for _, c := range r.Certifications {
			u, err := url.Parse(c.URL)
			if err != nil || u.Scheme != "https" || u.Host == "" {
				t.Errorf("%s: url %q is not an official https address", c.ID, c.URL)
			}
			if c.Issuer == "" || c.Description == "" || len(c.Skills) == 0 {
				t.Errorf("%s: issuer, description and skills are required", c.ID)
			}
		}
		for _, c := range r.Certifications {
			if len(c.Roles) == 0 {
				t.Errorf("%s: list the target roles it suits", c.ID)
			}
			for _, role := range c.Roles {
				if ro := r.Role(role); ro != nil && isSeniorLeader(ro) && !contains(leaderBuilt, c.ID) {
					t.Errorf("%s is offered to %s, but it is not built for leaders", c.ID, role)
				}
			}
			if strings.Contains(c.Name+c.Issuer, "Reforge") && !strings.Contains(c.Name, "not a certification") {
				t.Errorf("%s: Reforge offers programmes, not certifications; say so in the name", c.ID)
			}
		}
		// v3: each names the skills it mainly builds and, where others do the same job,
		// its family; the entry product-owner certificates are one family.
		var entryPO []string
		for _, c := range r.Certifications {
			if len(c.Primary) == 0 {
				t.Errorf("%s: name its primary skills", c.ID)
			}
			if c.Family == "product-owner-entry" {
				entryPO = append(entryPO, c.ID)
			}
			if contains(c.Primary, "ai-literacy") && (contains(c.Primary, "technical-fluency") || contains(c.Primary, "strategy")) {
				t.Errorf("%s: an AI certificate is not primary for technical fluency or strategy (primary %v)", c.ID, c.Primary)
			}
		}
		if strings.Join(entryPO, ",") != "cspo,pspo-1,safe-popm,icp-apo" {
			t.Errorf("the entry product-owner family is %v, want CSPO, PSPO I, SAFe POPM and ICP-APO", entryPO)
		}
		// A people-leadership programme for the steps into management.
		for _, target := range []string{"group-pm", "director-of-product"} {
			found := false
			for _, c := range r.Certifications {
				if contains(c.PrimarySkills(), "people-management") && len(c.Roles) > 0 && c.SuitsRole(target) && len(c.Requires) == 0 {
					found = true
				}
			}
			if !found {
				t.Errorf("no people-leadership programme for %s", target)
			}
		}
		for cert, req := range map[string]string{"a-cspo": "cspo", "csp-po": "a-cspo", "pspo-2": "pspo-1", "cal-2": "cal-1"} {
			if c := r.Certification(cert); c == nil || !contains(c.Requires, req) {
				t.Errorf("%s must require %s", cert, req)
			}
		}
		for _, pair := range [][2]string{{"pmp", "technical-program-manager"}, {"pmi-acp", "technical-program-manager"}, {"cspo", "apm"}, {"pspo-1", "pm"}} {
			var c *Certification
			for i := range r.Certifications {
				if r.Certifications[i].ID == pair[0] {
					c = &r.Certifications[i]
				}
			}
			if c == nil || len(c.Roles) == 0 || !c.SuitsRole(pair[1]) {
				t.Errorf("%s must be aimed at %s", pair[0], pair[1])
			}
		}
	})
}

// checkAnchors requires an anchored statement for every point of the scale, each distinct,
// in the first person.
func checkAnchors(t *testing.T, r *Rubric, q Question) {
	t.Helper()
	seen := map[int]bool{}
	texts := map[string]bool{}
	for _, o := range q.Options {
		seen[o.Score] = true
		if texts[o.Text] {
			t.Errorf("%s: option %q repeats", q.ID, o.Text)
		}
		texts[o.Text] = true
		lower := " " + strings.ToLower(o.Text)
		if !strings.Contains(lower, " i ") && !strings.Contains(lower, " i'") && !strings.Contains(lower, " my ") && !strings.Contains(lower, " me ") {
			t.Errorf("%s: option %d is not in the first person: %q", q.ID, o.Score, o.Text)
		}
		// Statements describe what the person does, not what the organisation does.
		for _, w := range []string{" we ", " we'", " our ", " us "} {
			if strings.Contains(lower, w) {
				t.Errorf("%s: option %d speaks for the organisation (%q): %q", q.ID, o.Score, strings.TrimSpace(w), o.Text)
			}
		}
		// The lowest point is neutral: not yet done, never a failing.
		if o.Score == r.Scale.Min && !strings.HasPrefix(o.Text, "I have not yet") {
			t.Errorf("%s: option %d should read \"I have not yet …\": %q", q.ID, o.Score, o.Text)
		}
	}
	for s := r.Scale.Min; s <= r.Scale.Max; s++ {
		if !seen[s] {
			t.Errorf("%s: no anchored statement for score %d", q.ID, s)
		}
	}
}

// ladderSkills are the v1 skill ids, kept so answers saved against v1 still load;
// lateralSkills tell product marketing, programme management and client work apart.
var (
	ladderSkills = []string{"data-fluency", "customer-insight", "experimentation", "business-acumen",
		"written-communication", "stakeholder-alignment", "executive-communication", "influence",
		"strategy", "cross-functional-leadership", "coaching", "people-management",
		"technical-fluency", "delivery", "ux-literacy", "ai-literacy"}
	lateralSkills = []string{"program-management", "client-advisory"}
	// leaderBuilt certifications are designed for directors and above.
	leaderBuilt = []string{"google-genai-leader", "product-school-plc", "cal-1", "cal-2", "pal-1"}
)

// isSeniorLeader says a role is at Director level or above, or a lateral role for leaders.
func isSeniorLeader(ro *Role) bool {
	if ro.IsLadder() {
		return ro.Level >= 5
	}
	return contains([]string{"head-of-product", "founder-gm", "fractional-product-leader", "board-advisor"}, ro.ID)
}

func weightedSum(r *Rubric, ro *Role) float64 {
	sum := 0.0
	for _, s := range r.Skills() {
		if v, ok := ro.Expect(s.ID); ok {
			sum += s.Weight * v
		}
	}
	return sum
}

// checkActions requires development actions for every step up the scale, two or more for
// the upper steps, and few that fit every step (those repeat on every gap).
func checkActions(t *testing.T, r *Rubric, s *Skill) {
	t.Helper()
	byLevel := map[int]int{}
	plain := 0
	for _, a := range s.Actions {
		if a.Level == 0 {
			plain++
		}
		byLevel[a.Level]++
		if len(a.Text) < 40 {
			t.Errorf("%s: action %q is too short to say what done looks like", s.ID, a.Text)
		}
	}
	for step := r.Scale.Min + 1; step <= r.Scale.Max; step++ {
		want := 1
		if step >= 3 {
			want = 2
		}
		if byLevel[step] < want {
			t.Errorf("%s: %d actions for the step up to %d, want at least %d", s.ID, byLevel[step], step, want)
		}
	}
	if plain > 1 {
		t.Errorf("%s: %d actions fit every step; give them levels", s.ID, plain)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
