package assess_test

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
	"github.com/pmladder/pmladder/rubric/ladderimport"
)

// An imported ladder means what the spreadsheet says: a person who answers every
// question with the statement of their level (or, where their level has none, the
// highest below it) holds that level, is estimated at it on its track, and holds none of
// the levels it leads to (docs/rubric.md, "Your ladder in a spreadsheet"). Checked on the
// example grid and on a few hundred ladders made at random: grids and long rows, with
// and without IC and manager columns, numbered or named levels, cells of one statement
// or ten, empty cells, cells that repeat the level before, rows that continue the
// competency above.
func TestImportedLadderLevelsHold(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("..", "examples", "ladder-grid.csv"))
	if err != nil {
		t.Fatal(err)
	}
	checkLevelsHold(t, "ladder-grid.csv", example)
	rng := rand.New(rand.NewPCG(25, 2026))
	for i := range 300 {
		name, data := randomLadder(rng)
		if !t.Run(fmt.Sprintf("%d-%s", i, name), func(t *testing.T) { checkLevelsHold(t, name, data) }) {
			t.Logf("the ladder:\n%s", data)
			return
		}
	}
}

// checkLevelsHold imports a ladder and scores a person at each of its levels.
func checkLevelsHold(t *testing.T, name string, data []byte) {
	t.Helper()
	res, err := ladderimport.Import(name, data, ladderimport.Options{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	r := res.Rubric
	for i := range r.Roles {
		ro := &r.Roles[i]
		if !ro.IsLadder() {
			continue
		}
		a := atLevel(r, ro.Level)
		track := ""
		if len(ro.Tracks) == 1 {
			track = ro.Tracks[0]
		}
		got := assess.Score(r, a, assess.ScoreOptions{Track: track})
		if got.Estimated != nil && got.Estimated.Role != ro && indistinct(res, got.Estimated.Role) {
			continue // a level that says nothing its predecessor does not: the import said so
		}
		if got.Estimated == nil || got.Estimated.Role != ro {
			est := "none"
			if got.Estimated != nil {
				est = got.Estimated.Role.ID
			}
			t.Errorf("a person answering at %s (level %d, track %q) is estimated at %s\n%s", ro.ID, ro.Level, track, est, res.YAML)
			continue
		}
		for _, fit := range got.Roles {
			for _, next := range ro.Next {
				if fit.Role.ID == next && fit.Holds && fit.Role.Level > ro.Level && !indistinct(res, fit.Role) {
					t.Errorf("a person answering at %s holds %s, the next level", ro.ID, next)
				}
			}
		}
	}
}

// indistinct reports whether the import warned that a level says nothing the level
// below it does not (no answer can tell them apart).
func indistinct(res *ladderimport.Result, ro *rubric.Role) bool {
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, fmt.Sprintf("%q says nothing that", ro.Name)) {
			return true
		}
	}
	return false
}

// atLevel answers every question with its highest statement at or below level, else its
// lowest ("None of these yet").
func atLevel(r *rubric.Rubric, level int) *assess.Answers {
	a := assess.NewAnswers(r)
	for _, q := range r.Questions() {
		best, lowest := -1, q.Options[0].Score
		for _, o := range q.Options {
			lowest = min(lowest, o.Score)
			if o.Score <= level && o.Score > best {
				best = o.Score
			}
		}
		if best < 0 {
			best = lowest
		}
		a.Set(q.ID, assess.Answer{Score: best})
	}
	return a
}

// randomLadder makes a ladder as an organisation might keep it, as CSV.
func randomLadder(rng *rand.Rand) (string, []byte) {
	nLevels := 2 + rng.IntN(6)
	nComps := 1 + rng.IntN(7)
	var levels []string
	layout := []string{"plain", "numbered", "tracks", "tracks-named", "long"}[rng.IntN(5)]
	switch layout {
	case "plain":
		names := []string{"Junior", "Mid", "Senior", "Staff", "Principal", "Distinguished", "Fellow"}
		levels = names[:nLevels]
	case "numbered", "long":
		start := 1 + rng.IntN(3)
		for i := range nLevels {
			levels = append(levels, fmt.Sprintf("L%d", start+i))
		}
	case "tracks":
		ic := 2 + rng.IntN(4)
		for i := range ic {
			levels = append(levels, fmt.Sprintf("IC%d", i+1))
		}
		for i := range 1 + rng.IntN(3) {
			levels = append(levels, fmt.Sprintf("M%d", ic-1+i))
		}
	case "tracks-named":
		levels = []string{"Engineer I", "Engineer II", "Senior Engineer", "Staff Engineer", "Engineering Manager", "Director of Engineering"}[:min(max(nLevels, 5), 6)]
	}
	statement := func(c, l, k int) string {
		verbs := []string{"Ships", "Designs", "Reviews", "Leads", "Coaches", "Plans", "Writes", "Owns", "Sets", "Shapes"}
		objects := []string{"features", "services", "the roadmap", "the team's tests", "several teams", "the org's standards", "incidents", "hiring", "the budget", "research"}
		return fmt.Sprintf("%s %s at step %d of theme %d, part %d", verbs[(l+k)%len(verbs)], objects[(c+k)%len(objects)], l, c, k)
	}
	cell := func(c, l int) string {
		switch rng.IntN(12) {
		case 0:
			return ""
		case 1:
			if l > 0 {
				return "same as before"
			}
		}
		n := 1 + rng.IntN(3)
		if rng.IntN(6) == 0 {
			n = 6 + rng.IntN(5)
		}
		var parts []string
		for k := range n {
			parts = append(parts, statement(c, l, k))
		}
		if n == 1 {
			return parts[0]
		}
		return "• " + strings.Join(parts, "\n• ")
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	if layout == "long" {
		w.Write([]string{"Level", "Competency", "Statement"})
		for c := range nComps {
			for l, lv := range levels {
				for _, s := range strings.Split(strings.TrimPrefix(cell(c, l), "• "), "\n• ") {
					if s != "" {
						w.Write([]string{lv, fmt.Sprintf("Competency %c", 'A'+c), s})
					}
				}
			}
		}
	} else {
		w.Write(append([]string{"Category", "Competency"}, levels...))
		for c := range nComps {
			rows := 1
			if rng.IntN(4) == 0 {
				rows = 2 // a row that continues the competency above
			}
			for r := range rows {
				row := []string{fmt.Sprintf("Group %d", c/3), ""}
				if r == 0 {
					row[1] = fmt.Sprintf("Competency %c", 'A'+c)
				}
				for l := range levels {
					row = append(row, cell(c*10+r, l))
				}
				w.Write(row)
			}
		}
	}
	w.Flush()
	return layout + ".csv", []byte(b.String())
}
