package rubric

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/pmladder/pmladder/internal/problem"
)

// srcLines keeps, by id, the lines of the parts of a rubric file that Lint points at. Ids
// are unique in a valid rubric, so an id finds its line.
type srcLines struct {
	track   map[string]int            // track id → its line
	skill   map[string]int            // skill id → its actions key (or the skill)
	option  map[string][]int          // question id → the line of each option, in file order
	role    map[string]int            // role id → its line
	expect  map[string]map[string]int // role id → skill id → the line of that expectation
	next    map[string]int            // role id → its next key (or the role)
	primary map[string]int            // certification id → its primary key (or skills, or it)
}

func newSrcLines() *srcLines {
	return &srcLines{track: map[string]int{}, skill: map[string]int{}, option: map[string][]int{},
		role: map[string]int{}, expect: map[string]map[string]int{}, next: map[string]int{}, primary: map[string]int{}}
}

// Lint reports ladder-design smells: things a valid rubric may hold but a career ladder
// should not (docs/rubric.md, "Warnings"). Each is a problem whose message starts with
// "warning: ", at the line it concerns, in line order; none means the rubric is clean.
//
//   - a core skill expected at the top of the scale: one honest answer below the top and
//     the person no longer holds the role;
//   - a step up a skill's scale, up to the highest expectation of any role, with no
//     action for it: a gap there would show nothing to do;
//   - two statements of a question, next to each other by score, that say nearly the same
//     thing (see nearlySame);
//   - a track whose top ladder level is lower than another track's: people on it cannot
//     rise as far (a lone role at the very top of the ladder, such as a CPO, is left out:
//     a company has one, and no other track's role equals it);
//   - a role on some tracks whose next roles are all on other tracks;
//   - a certification whose primary skills no role expects above the scale's minimum: it
//     could never be recommended.
func (r *Rubric) Lint() problem.List {
	src := r.src
	if src == nil {
		src = newSrcLines()
	}
	var out problem.List
	warn := func(line int, format string, args ...any) {
		out.Add(r.Source, line, "warning: "+format, args...)
	}

	// A core skill expected at the top of the scale.
	for i := range r.Roles {
		ro := &r.Roles[i]
		for _, s := range r.Skills() {
			if v, ok := ro.Expect(s.ID); ok && s.Core && v >= float64(r.Scale.Max) {
				warn(src.expect[ro.ID][s.ID], "role %q expects core skill %q at %s, the top of the scale: one answer below the top and the role is lost; expect less",
					ro.ID, s.ID, fmtNum(v))
			}
		}
	}

	// A step up with no action, up to the highest expectation.
	for _, s := range r.Skills() {
		top := float64(r.Scale.Min)
		for i := range r.Roles {
			if v, ok := r.Roles[i].Expect(s.ID); ok && v > top {
				top = v
			}
		}
		var missing []string
		for step := r.Scale.Min + 1; step <= MetAt(top); step++ {
			if len(s.ActionsFor(step)) == 0 {
				missing = append(missing, fmt.Sprint(step))
			}
		}
		if len(missing) > 0 {
			warn(src.skill[s.ID], "skill %q has no action for the step up to %s: a gap there shows nothing to do",
				s.ID, strings.Join(missing, ", "))
		}
	}

	// Adjacent statements that say nearly the same thing.
	for _, q := range r.Questions() {
		idx := make([]int, len(q.Options))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return q.Options[a].Score - q.Options[b].Score })
		lines := src.option[q.ID]
		for k := 1; k < len(idx); k++ {
			a, b := q.Options[idx[k-1]], q.Options[idx[k]]
			if nearlySame(a.Text, b.Text) {
				line := 0
				if idx[k] < len(lines) {
					line = lines[idx[k]]
				}
				warn(line, "question %q: statements %d and %d say nearly the same thing, so people cannot tell them apart",
					q.ID, a.Score, b.Score)
			}
		}
	}

	// A track whose top level is lower than another's.
	if len(r.Tracks) > 1 {
		ladder := r.LadderRoles("")
		highest, atHighest := 0, 0
		for _, ro := range ladder {
			switch {
			case ro.Level > highest:
				highest, atHighest = ro.Level, 1
			case ro.Level == highest:
				atHighest++
			}
		}
		tops := map[string]int{}
		for _, t := range r.Tracks {
			for _, ro := range ladder {
				if ro.OnTrack(t.ID) && !(atHighest == 1 && ro.Level == highest) {
					tops[t.ID] = max(tops[t.ID], ro.Level)
				}
			}
		}
		for _, t := range r.Tracks {
			if tops[t.ID] == 0 {
				continue // no ladder role of its own below the very top: nothing to compare
			}
			for _, o := range r.Tracks {
				if tops[o.ID] > tops[t.ID] {
					warn(src.track[t.ID], "track %q tops out at level %d, below track %q (level %d): people on it cannot rise as far",
						t.ID, tops[t.ID], o.ID, tops[o.ID])
					break
				}
			}
		}
	}

	// A role whose next roles are all on another track.
	for i := range r.Roles {
		ro := &r.Roles[i]
		if len(ro.Tracks) == 0 || len(ro.Next) == 0 {
			continue
		}
		elsewhere := true
		for _, id := range ro.Next {
			n := r.Role(id)
			if n == nil || len(n.Tracks) == 0 {
				elsewhere = false
				break
			}
			for _, t := range ro.Tracks {
				if n.OnTrack(t) {
					elsewhere = false
				}
			}
		}
		if elsewhere {
			warn(src.next[ro.ID], "role %q (track %s) leads only to roles on other tracks: someone on its track has no next step",
				ro.ID, strings.Join(ro.Tracks, ", "))
		}
	}

	// A certification whose primary skills no role expects.
	for i := range r.Certifications {
		c := &r.Certifications[i]
		expected := false
		for _, s := range c.PrimarySkills() {
			for j := range r.Roles {
				if v, ok := r.Roles[j].Expect(s); ok && v > float64(r.Scale.Min) {
					expected = true
				}
			}
		}
		if !expected {
			warn(src.primary[c.ID], "certification %q: no role expects its primary skills (%s), so it is never recommended",
				c.ID, strings.Join(c.PrimarySkills(), ", "))
		}
	}
	out.Err() // sorts by line
	return out
}

// nearlySame reports whether a statement says nearly the same thing as the one below it on
// the scale: it shares at least two content words with it (words other than stopWords,
// lower-cased, a plural s dropped) and adds at most two of its own. Anchors build on each
// other, so the higher one repeats the topic and adds what makes it harder: "I report
// progress when I am asked", then "I share progress and risks with my manager regularly
// without being asked" (five new words). "I ask others for help and explain why my request
// matters", then "I explain the reasons behind my requests", adds two ("reasons behind")
// to say what the first already said. A statement that denies ("I have not yet …") is not
// compared with one that does not: they are opposites.
func nearlySame(lower, higher string) bool {
	wl, wh := contentWords(lower), contentWords(higher)
	if negated(lower) != negated(higher) {
		return false
	}
	shared, added := 0, 0
	for w := range wh {
		if wl[w] {
			shared++
		} else {
			added++
		}
	}
	return shared >= 2 && added <= 2
}

// negated reports whether a statement denies something: "I have not yet …".
func negated(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if w == "not" || w == "never" || w == "no" || w == "t" {
			return true
		}
	}
	return false
}

// contentWords are a statement's words, lower-cased, without common words and with a
// final plural s dropped.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s")
		}
		out[w] = true
	}
	return out
}

// stopWords carry no meaning of their own in an anchored statement.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for from with without into onto about
		as than then so if when while where which who whom whose what why how that this these those it its
		i i'm i've me my mine we our us you your he she they them their there here
		is are was were be been being am do does did done have has had having can could will would shall should may might must
		not no yet also too very more most less least each every all any some other others own same such only just
		up down out over under again before after once one including
		m s t d ve ll re`) {
		stopWords[w] = true
	}
}
