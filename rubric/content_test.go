package rubric

import (
	"net/url"
	"sort"
	"strings"
	"testing"
)

// TestBuiltInContent guards the built-in ladder's content: a future edit that breaks one
// of these promises to users fails here (issue 3, DESIGN §4).
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
		if n := len(r.Skills()); n < 14 {
			t.Errorf("%d skills, want at least 14", n)
		}
		for _, core := range []string{"data-fluency", "customer-insight", "written-communication", "cross-functional-leadership", "business-acumen"} {
			if s := r.Skill(core); s == nil || !s.Core {
				t.Errorf("%s must be a core skill", core)
			}
		}
		questionTexts := map[string]string{}
		for _, s := range r.Skills() {
			if len(s.Description) < 80 {
				t.Errorf("%s: description too short for a paragraph", s.ID)
			}
			if len(s.Actions) < 2 {
				t.Errorf("%s: %d actions, want at least 2", s.ID, len(s.Actions))
			}
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
			{"principal-pm", "senior-principal-pm"}, {"group-pm", "director-of-product"}, {"director-of-product", "vp-product"}, {"vp-product", "cpo"}} {
			from, to := r.Role(step[0]), r.Role(step[1])
			if from == nil || to == nil || !contains(from.Next, to.ID) || to.Level <= from.Level {
				t.Errorf("%s must lead to %s one level up", step[0], step[1])
			}
		}
		for id, track := range map[string]string{"principal-pm": "ic", "senior-principal-pm": "ic", "group-pm": "management",
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
		if !strings.Contains(lower, " i ") && !strings.Contains(lower, " i'") && !strings.Contains(lower, " my ") && !strings.Contains(lower, " me ") && !strings.Contains(lower, " we ") {
			t.Errorf("%s: option %d is not in the first person: %q", q.ID, o.Score, o.Text)
		}
	}
	for s := r.Scale.Min; s <= r.Scale.Max; s++ {
		if !seen[s] {
			t.Errorf("%s: no anchored statement for score %d", q.ID, s)
		}
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
