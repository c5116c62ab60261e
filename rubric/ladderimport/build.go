package ladderimport

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/pmladder/pmladder/internal/problem"
)

// How a ladder becomes a rubric (docs/rubric.md, "Your ladder in a spreadsheet"):
//
//   - Each level is a role, its rank on the ladder the role's level and the score that
//     stands for it: 0 is "not yet at the first level", score k is level k.
//   - Each competency is a skill; one with statements in both people managers' and
//     others' columns is two skills, one per track, since the two say different things
//     at the same level.
//   - Each thread (a row of the grid, a sub-competency) is one question or more: its
//     statements at each level, cut into as many questions as it takes for no option to
//     run past a few lines (chunk); each option is the level's words, and the lowest
//     option, "None of these yet", is scored just below the first level with words.
//   - A role expects, on every skill it has words for, the score of a person who answers
//     each question with the highest statement at or below the role's level: so that
//     person holds the role, and a person one level down does not hold the next.

// Words of the rubric written.
const (
	notYet         = "None of these yet"
	askSuffix      = ": which is the highest of these you already do?"
	mgmtSuffix     = " (management)"
	defaultCat     = "Competencies"
	genericAction  = "Agree with your manager on a piece of work that calls for the next statement up, and keep a note of what you did as evidence."
	optionWords    = 40 // the most words an option holds before a thread is cut into more questions
	maxChunks      = 6  // the most questions a thread becomes
	maxPerSkill    = 40 // the most questions a skill has: expectations stay two decimals apart
	labelNotYet    = "Not yet"
	trackICName    = "Individual contributor"
	trackMgmtName  = "People management"
	defaultPassPct = 100
)

type outRubric struct {
	name       string
	max        int
	labels     []string
	tracks     [][2]string
	categories []*outCategory
	roles      []*outRole
	// counts for the summary
	competencies, questions int
	generic                 bool
}

type outCategory struct {
	id, name string
	skills   []*outSkill
}

type outSkill struct {
	id, name, description string
	at                    string
	actions               []string
	questions             []*outQuestion
	comp                  *competency
	// view is the levels whose words the skill holds.
	view map[*level]bool
}

type outQuestion struct {
	text    string
	at      string
	options []outOption
	// notYet is the score of its lowest option.
	notYet int
}

type outOption struct {
	score int
	text  string
	at    string
	// level names the levels whose words it is ("Senior", "L3").
	level string
}

type outRole struct {
	lv                               *level
	id, name, short, scope, describe string
	tracks                           []string
	expects                          []outExpect
	next                             []string
}

type outExpect struct {
	skill string
	value float64
}

// decideTracks sets each level's track and whether it is on every track: tracks exist
// when some level is a people manager's. Then the IC levels and, when no level says IC,
// the unmarked ones from the managers' first level up are the IC track; unmarked levels
// below it (or all unmarked ones, beside explicit IC levels) are on every track.
func (im *importer) decideTracks(l *ladder) bool {
	hasMgmt, hasIC, numbered := false, false, true
	minMgmt := math.MaxInt
	for _, lv := range l.levels {
		switch lv.track {
		case trackMgmt:
			hasMgmt = true
			if lv.num >= 0 {
				minMgmt = min(minMgmt, lv.num)
			}
		case trackIC:
			hasIC = true
		}
		numbered = numbered && lv.num >= 0
	}
	if !hasMgmt {
		for _, lv := range l.levels {
			lv.track, lv.shared = trackNone, true
		}
		return false
	}
	// Managers' levels without numbers: they are ranked level for level beside the
	// others' top (rankManagersBesideTop), so the levels below the first of them are on
	// every track.
	others, nMgmt := besideTop(l)
	for _, lv := range l.levels {
		if lv.track != trackNone {
			continue
		}
		switch {
		case !hasIC && others != nil:
			lv.shared = others[lv] < len(others)-nMgmt+1
			if !lv.shared {
				lv.track = trackIC
			}
		case hasIC, numbered && lv.num < minMgmt:
			lv.shared = true
		default:
			lv.track = trackIC
		}
	}
	return true
}

// rankLevels gives each level its rank: by the numbers in their names when every level
// has one (renumbered from 1 without gaps), else by their order: a level's rank is one
// more than the levels before it on its track or on every track.
func (im *importer) rankLevels(l *ladder) {
	numbered := true
	some := false
	for _, lv := range l.levels {
		numbered = numbered && lv.num >= 0
		some = some || lv.num >= 0
	}
	if numbered {
		im.rankByNumbers(l.levels)
		return
	}
	if im.rankManagersBesideTop(l) {
		return
	}
	if some {
		im.warn(l.levels[0].at, "some levels have a number in their name and some not: all are ranked by their order in the sheet instead")
	}
	// A level is one above the highest before it on its track or on every track (a level
	// on every track: above every level before it).
	for i, lv := range l.levels {
		lv.rank = 1
		for _, before := range l.levels[:i] {
			if before.shared || lv.shared || before.track == lv.track {
				lv.rank = max(lv.rank, before.rank+1)
			}
		}
	}
}

// numberRanks are numbered levels' ranks by their numbers, renumbered from 1 without
// gaps, and the numbers in order.
func numberRanks(levels []*level) (map[*level]int, []int) {
	var nums []int
	for _, lv := range levels {
		nums = append(nums, lv.num)
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	ranks := map[*level]int{}
	for _, lv := range levels {
		ranks[lv] = slices.Index(nums, lv.num) + 1
	}
	return ranks, nums
}

// rankByNumbers ranks numbered levels by their numbers (numberRanks), with a warning when
// that changes one, and returns how many ranks they take.
func (im *importer) rankByNumbers(levels []*level) int {
	ranks, nums := numberRanks(levels)
	renumbered := false
	for _, lv := range levels {
		lv.rank = ranks[lv]
		renumbered = renumbered || lv.rank != lv.num
	}
	if renumbered {
		im.warn(levels[0].at, "levels numbered %s in their names are levels 1 to %d of the ladder, in that order (each keeps its name)",
			numberRange(nums), len(nums))
	}
	return len(nums)
}

// besideTop reports whether the ladder's people managers' levels have no numbers while
// the others are all numbered (IC1 … IC5) or all not (Junior … Staff): then the others'
// ranks, by their numbers (from 1 without gaps) or their order, and the number of
// managers' levels; nil when not so.
func besideTop(l *ladder) (map[*level]int, int) {
	var others []*level
	nMgmt, numbered := 0, 0
	for _, lv := range l.levels {
		switch {
		case lv.track == trackMgmt && lv.num >= 0:
			return nil, 0
		case lv.track == trackMgmt:
			nMgmt++
		default:
			others = append(others, lv)
			if lv.num >= 0 {
				numbered++
			}
		}
	}
	if nMgmt == 0 || len(others) == 0 || numbered != 0 && numbered != len(others) {
		return nil, 0
	}
	if numbered > 0 {
		ranks, _ := numberRanks(others)
		return ranks, nMgmt
	}
	ranks := map[*level]int{}
	for i, lv := range others {
		ranks[lv] = i + 1
	}
	return ranks, nMgmt
}

// rankManagersBesideTop ranks a ladder whose people managers' levels have no numbers
// (besideTop): the others by their numbers or their order, the managers' in their order
// in the sheet, the last beside the others' top, as dual-track ladders put them (ranked
// by the sheet's order from 1, the first manager would sit beside the most junior
// level). false when the ladder is not so.
func (im *importer) rankManagersBesideTop(l *ladder) bool {
	others, _ := besideTop(l)
	if others == nil {
		return false
	}
	var managers, ranked []*level
	top, numbered := 0, false
	for _, lv := range l.levels {
		if rank, ok := others[lv]; ok {
			lv.rank = rank
			top = max(top, rank)
			numbered = lv.num >= 0
			ranked = append(ranked, lv)
		} else {
			managers = append(managers, lv)
		}
	}
	if numbered {
		im.rankByNumbers(ranked) // the same ranks, and the warning when renumbered
	}
	var placed []string
	for i, lv := range managers {
		lv.rank = max(1, top-(len(managers)-1-i))
		if i > 0 {
			lv.rank = max(lv.rank, managers[i-1].rank+1)
		}
		placed = append(placed, fmt.Sprintf("%s at %d", problem.Quote(lv.name), lv.rank))
	}
	im.warn(managers[0].at, "the people managers' levels have no number in their names: ranked in their order, the last beside the top of the others (%s); number them (M4, M5 …) to place them yourself",
		strings.Join(placed, ", "))
	return true
}

func numberRange(nums []int) string {
	if len(nums) == 0 {
		return ""
	}
	return fmt.Sprintf("%d–%d", nums[0], nums[len(nums)-1])
}

// build makes the rubric's parts from the ladder.
func (im *importer) build(l *ladder, name string) (*outRubric, error) {
	out := &outRubric{name: name}
	tracked := im.decideTracks(l)
	im.rankLevels(l)
	if tracked {
		out.tracks = [][2]string{{trackIC, trackICName}, {trackMgmt, trackMgmtName}}
	}
	for _, lv := range l.levels {
		out.max = max(out.max, lv.rank)
	}
	out.labels = make([]string, out.max+1)
	out.labels[0] = labelNotYet
	for r := 1; r <= out.max; r++ {
		var names []string
		for _, lv := range l.levels {
			if lv.rank == r {
				names = append(names, shortOf(lv))
			}
		}
		if out.labels[r] = label(names); out.labels[r] == "" {
			out.labels[r] = "Level " + strconv.Itoa(r)
		}
	}
	// Skills, by category.
	catIDs, skillIDs := newIDs("category"), newIDs("competency")
	cats := map[string]*outCategory{}
	for ci, c := range l.comps {
		cat := c.category
		if cat == "" {
			cat = defaultCat
		}
		oc := cats[normal(cat)]
		if oc == nil {
			oc = &outCategory{id: catIDs.make(cat, len(cats)+1), name: cat}
			cats[normal(cat)] = oc
			out.categories = append(out.categories, oc)
		}
		views := im.views(l, c, tracked)
		for vi, view := range views {
			sname := c.name
			if len(views) > 1 && vi == 1 {
				sname += mgmtSuffix
			}
			s := &outSkill{name: sname, description: c.description, at: c.at, comp: c, view: view}
			s.id = skillIDs.make(sname, ci+1)
			im.questions(s, l)
			if len(s.questions) == 0 {
				continue
			}
			s.actions = c.actions
			if len(s.actions) == 0 {
				s.actions = []string{genericAction}
				out.generic = true
			}
			oc.skills = append(oc.skills, s)
			out.questions += len(s.questions)
		}
		out.competencies++
	}
	var kept []*outCategory
	for _, oc := range out.categories {
		if len(oc.skills) > 0 {
			kept = append(kept, oc)
		}
	}
	out.categories = kept
	if len(kept) == 0 {
		return nil, im.fail(im.t.file, "no statements found under the levels: write each level's statements in the cells of its column")
	}
	if ids := skillIDs.byPlace; len(ids) > 0 {
		im.warn(im.t.file, "%s made from their order, as their names have no Latin letters: %s (give them ids of your own in the YAML to keep them stable if rows move)",
			plural(len(ids), "competency id", "competency ids"), strings.Join(ids, ", "))
	}
	if ids := catIDs.byPlace; len(ids) > 0 {
		im.warn(im.t.file, "category ids made from their order, as their names have no Latin letters: %s", strings.Join(ids, ", "))
	}
	if err := im.roles(l, out); err != nil {
		return nil, err
	}
	return out, nil
}

// trackShorts tells apart the short names of an IC and a manager's level that would share
// one ("Senior L2 (technical track)" and "Senior L2 (management track)" are both L2;
// "Lead (technical track)" has none, and initials would make LTT of it): the code or the
// name without its bracket, then IC or M ("L2 IC", "L2 M", "Lead M"), when that fits in
// 8 characters.
func trackShorts(roles []*outRole) {
	count := map[string]int{}
	for _, ro := range roles {
		count[ro.short]++
	}
	for _, ro := range roles {
		if len(ro.tracks) != 1 || ro.short != "" && count[ro.short] < 2 {
			continue
		}
		base := ro.short
		if base == "" {
			base = strings.TrimSpace(trackBracket.ReplaceAllString(ro.name, ""))
		}
		suffix := " IC"
		if ro.tracks[0] == trackMgmt {
			suffix = " M"
		}
		if short := base + suffix; base != ro.name && len([]rune(short)) <= 8 {
			ro.short = short
		}
	}
}

// trackBracket is a bracket at the end of a level's name that says its track.
var trackBracket = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// shortOf is how a level is named where room is short: its code (L3), else its name.
func shortOf(lv *level) string {
	if goodCode(lv.code) {
		return lv.code
	}
	return lv.name
}

// label names a score whose rank several levels share: their codes (L5 / M5), else the
// words their names begin with ("Senior Engineer 2" for its IC and manager levels), else
// all of them.
func label(names []string) string {
	switch len(names) {
	case 0:
		return "" // no level of this rank: the caller names it
	case 1:
		return names[0]
	}
	common := strings.Fields(names[0])
	for _, n := range names[1:] {
		w := strings.Fields(n)
		k := 0
		for k < len(common) && k < len(w) && common[k] == w[k] {
			k++
		}
		common = common[:k]
	}
	if len(common) > 0 {
		return strings.Join(common, " ")
	}
	return strings.Join(names, " / ")
}

// goodCode reports whether a level's code can stand for it in a narrow table: a few
// letters and a number (L3, IC4, Level 2), not a number alone.
func goodCode(code string) bool {
	return code != "" && len([]rune(code)) <= 8 && strings.IndexFunc(code, unicode.IsLetter) >= 0
}

// views are the sets of levels a competency's skills hold: all levels; or with tracks,
// the people managers' levels apart from the others', when it has words in both.
func (im *importer) views(l *ladder, c *competency, tracked bool) []map[*level]bool {
	all, ic, mgmt := map[*level]bool{}, map[*level]bool{}, map[*level]bool{}
	for _, lv := range l.levels {
		all[lv] = true
		if lv.track == trackMgmt {
			mgmt[lv] = true
		} else {
			ic[lv] = true
		}
	}
	if !tracked {
		return []map[*level]bool{all}
	}
	has := func(view map[*level]bool) bool {
		for _, th := range c.threads {
			for lv := range th.text {
				if view[lv] {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has(ic) && has(mgmt):
		return []map[*level]bool{ic, mgmt}
	case has(mgmt):
		return []map[*level]bool{mgmt}
	}
	return []map[*level]bool{ic}
}

// step is what a thread says at one rank of a skill's view.
type step struct {
	rank  int
	stmts []string
	at    string
	carry bool // the words of the rank before stand
	// names are the levels of the rank, as the sheet names them.
	names []string
}

// questions makes a skill's questions from its competency's threads.
func (im *importer) questions(s *outSkill, l *ladder) {
	var levels []*level
	for _, lv := range l.levels {
		if s.view[lv] {
			levels = append(levels, lv)
		}
	}
	sort.SliceStable(levels, func(i, j int) bool { return levels[i].rank < levels[j].rank })
	type part struct {
		label string
		qs    []*outQuestion
	}
	var parts []part
	for _, th := range s.comp.threads {
		steps := im.steps(th, levels, s.name)
		if len(steps) == 0 {
			continue
		}
		parts = append(parts, part{label: th.name, qs: chunk(steps, th.at)})
	}
	total := 0
	for _, p := range parts {
		total += len(p.qs)
	}
	if total > maxPerSkill {
		im.warn(s.at, "%s makes %d questions: only the first %d are asked; split the competency into several", problem.Quote(s.name), total, maxPerSkill)
	}
	n := 0
	for _, p := range parts {
		for j, q := range p.qs {
			if n++; n > maxPerSkill {
				return
			}
			label := s.name
			switch {
			case p.label != "" && len(p.qs) > 1:
				label += " — " + p.label + fmt.Sprintf(" (%d of %d)", j+1, len(p.qs))
			case p.label != "":
				label += " — " + p.label
			case total > 1:
				label += fmt.Sprintf(" (%d of %d)", n, min(total, maxPerSkill))
			}
			q.text = label + askSuffix
			s.questions = append(s.questions, q)
		}
	}
}

// steps reads a thread along the ranks of a view: the statements at each rank (levels of
// one rank merged), statements repeated from a rank below dropped (a ladder that repeats
// the lower levels' words in each cell says them once), a rank that repeats the one
// below carried.
func (im *importer) steps(th *thread, levels []*level, skill string) []step {
	var out []step
	seen := map[string]bool{}
	for i := 0; i < len(levels); {
		r := levels[i].rank
		st := step{rank: r}
		found, repeat := false, false
		for ; i < len(levels) && levels[i].rank == r; i++ {
			lt := th.text[levels[i]]
			if lt == nil {
				continue
			}
			found = true
			st.names = append(st.names, levels[i].name)
			if st.at == "" {
				st.at = lt.at
			}
			repeat = repeat || lt.repeat
			st.stmts = append(st.stmts, lt.stmts...)
		}
		if !found {
			continue
		}
		var fresh []string
		for _, stmt := range st.stmts {
			key := normal(stmt)
			if !seen[key] {
				fresh = append(fresh, stmt)
			}
		}
		for _, stmt := range st.stmts {
			seen[normal(stmt)] = true
		}
		st.stmts = fresh
		if len(st.stmts) == 0 {
			if len(out) == 0 {
				if repeat {
					im.warn(st.at, "%s: \"the same as before\" at the first level with words: nothing to repeat; read as empty", problem.Quote(skill))
				}
				continue
			}
			st.carry = true
		}
		out = append(out, st)
	}
	return out
}

// chunk makes a thread's questions: one when every level's words fit an option, else
// as many as it takes (at most maxChunks), each level's statements spread over them in
// order; a level with fewer statements than questions gives each question one of its
// statements, some more than once.
func chunk(steps []step, at string) []*outQuestion {
	m := 1
	most := 0
	for _, st := range steps {
		w := 0
		for _, s := range st.stmts {
			w += words(s)
		}
		if len(st.stmts) > 1 {
			m = max(m, min((w+optionWords-1)/optionWords, len(st.stmts)))
		}
		most = max(most, len(st.stmts))
	}
	m = min(m, maxChunks, most)
	first := steps[0].rank
	qs := make([]*outQuestion, m)
	for j := range qs {
		q := &outQuestion{at: at, notYet: first - 1}
		q.options = append(q.options, outOption{score: first - 1, text: notYet, at: at})
		for _, st := range steps {
			if st.carry {
				continue
			}
			n := len(st.stmts)
			var part []string
			if n >= m {
				part = st.stmts[j*n/m : (j+1)*n/m]
			} else {
				part = st.stmts[j*n/m : j*n/m+1]
			}
			text := join(part)
			if last := q.options[len(q.options)-1]; last.text == text {
				continue // the same words as the level below, in this question
			}
			q.options = append(q.options, outOption{score: st.rank, text: text, at: st.at, level: strings.Join(st.names, " / ")})
		}
		qs[j] = q
	}
	return qs
}

// answer is the score of a person at rank k: the highest option at or below k, else the
// question's lowest option.
func (q *outQuestion) answer(k int) int {
	best := q.notYet
	for _, o := range q.options {
		if o.score <= k && o.score > best {
			best = o.score
		}
	}
	return best
}

// canonical is a skill's score for a person at rank k who answers every question with
// the highest statement at or below k.
func (s *outSkill) canonical(k int) float64 {
	sum := 0
	for _, q := range s.questions {
		sum += q.answer(k)
	}
	return float64(sum) / float64(len(s.questions))
}

// hasWords reports whether a level says anything of the skill's competency (its own
// words, or "the same as before").
func (s *outSkill) hasWords(lv *level) bool {
	if !s.view[lv] {
		return false
	}
	for _, th := range s.comp.threads {
		if th.text[lv] != nil {
			return true
		}
	}
	return false
}

// roles makes a role per level with words, its expectations and where it leads.
func (im *importer) roles(l *ladder, out *outRubric) error {
	roleIDs := newIDs("level")
	byLevel := map[*level]*outRole{}
	for i, lv := range l.levels {
		ro := &outRole{lv: lv, name: lv.name}
		if lv.title != "" && clean(lv.title) != "" {
			ro.name = clean(lv.title)
			if len([]rune(lv.name)) <= 8 {
				ro.short = lv.name
			}
		}
		if ro.short == "" && goodCode(lv.code) && lv.code != ro.name {
			ro.short = lv.code
		}
		ro.scope = clean(lv.scope)
		ro.describe = clean(lv.description)
		if e := clean(lv.experience); e != "" {
			ro.describe = strings.TrimSpace(ro.describe + " Experience: " + e)
		}
		if ro.scope != "" && words(ro.scope) > 40 {
			ro.describe = strings.TrimSpace(ro.scope + " " + ro.describe)
			ro.scope = ""
		}
		switch {
		case lv.shared:
		case lv.track == trackIC:
			ro.tracks = []string{trackIC}
		case lv.track == trackMgmt:
			ro.tracks = []string{trackMgmt}
		}
		for _, c := range out.categories {
			for _, s := range c.skills {
				if s.hasWords(lv) {
					// Rounded down to two decimals, so that the person it is the score of
					// meets it; a skill's questions are few enough that the level below
					// scores at least a hundredth less.
					exact := s.canonical(lv.rank)
					ro.expects = append(ro.expects, outExpect{skill: s.id, value: math.Floor(exact*100+1e-6) / 100})
				}
			}
		}
		if len(ro.expects) == 0 {
			im.warn(lv.at, "%s has no statements: no role is made for it", problem.Quote(lv.name))
			continue
		}
		ro.id = roleIDs.make(lv.name, i+1)
		byLevel[lv] = ro
		out.roles = append(out.roles, ro)
	}
	if len(out.roles) < 2 {
		at := im.t.file
		if len(l.levels) > 0 {
			at = l.levels[0].at
		}
		return im.fail(at, "statements for one level only: a ladder needs at least two levels with statements")
	}
	trackShorts(out.roles)
	if ids := roleIDs.byPlace; len(ids) > 0 {
		im.warn(im.t.file, "level ids made from their order, as their names have no Latin letters: %s", strings.Join(ids, ", "))
	}
	// Answers and team sheets name skills' questions and roles by id: say they were made.
	nSkills := 0
	for _, c := range out.categories {
		nSkills += len(c.skills)
	}
	im.warn(im.t.file, "ids made from the names: %s (%s …) and %s (%s …); answers and team sheets use them, so rename any in the YAML before people answer",
		plural(nSkills, "skill", "skills"), out.categories[0].skills[0].id, plural(len(out.roles), "role", "roles"), out.roles[0].id)
	// Where each leads: the next rank up on its track (a level on every track leads to
	// the next on each).
	tracks := []string{trackNone}
	if len(out.tracks) > 0 {
		tracks = []string{trackIC, trackMgmt}
	}
	for _, ro := range out.roles {
		lv := ro.lv
		var next []*outRole
		for _, track := range tracks {
			if !lv.shared && lv.track != track {
				continue
			}
			var best []*outRole
			for _, o := range out.roles {
				if ol := o.lv; ol.rank <= lv.rank || !ol.shared && ol.track != track {
					continue
				}
				switch {
				case len(best) == 0 || o.lv.rank < best[0].lv.rank:
					best = []*outRole{o}
				case o.lv.rank == best[0].lv.rank:
					best = append(best, o)
				}
			}
			for _, b := range best {
				if !slices.Contains(next, b) {
					next = append(next, b)
				}
			}
		}
		sort.SliceStable(next, func(i, j int) bool { return next[i].lv.pos < next[j].lv.pos })
		for _, n := range next {
			ro.next = append(ro.next, n.id)
		}
	}
	// A level its next one cannot be told from: someone who answers at the lower is
	// held at the higher too.
	for _, ro := range out.roles {
		for _, id := range ro.next {
			var n *outRole
			for _, o := range out.roles {
				if o.id == id {
					n = o
				}
			}
			if n.lv.rank == ro.lv.rank {
				continue
			}
			same := true
			for _, e := range n.expects {
				s := out.skill(e.skill)
				if s.canonical(ro.lv.rank) < e.value-1e-9 {
					same = false
					break
				}
			}
			if same {
				im.warn(n.lv.at, "%s says nothing that %s does not: no answer tells them apart, so whoever holds %s holds %s too; write what changes at %s",
					problem.Quote(n.lv.name), problem.Quote(ro.lv.name), problem.Quote(ro.lv.name), problem.Quote(n.lv.name), problem.Quote(n.lv.name))
			}
		}
	}
	return nil
}

// option is the option of a question (by its id, skill.n) at a score, nil when none.
func (out *outRubric) option(qid string, score int) *outOption {
	sid, n, ok := strings.Cut(qid, ".")
	i, err := strconv.Atoi(n)
	if s := out.skill(sid); ok && err == nil && s != nil && i >= 1 && i <= len(s.questions) {
		q := s.questions[i-1]
		for k := range q.options {
			if q.options[k].score == score {
				return &q.options[k]
			}
		}
	}
	return nil
}

func (out *outRubric) skill(id string) *outSkill {
	for _, c := range out.categories {
		for _, s := range c.skills {
			if s.id == id {
				return s
			}
		}
	}
	return nil
}

// num writes an expectation: 3, 2.5, 1.66.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
