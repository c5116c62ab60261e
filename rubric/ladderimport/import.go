// Package ladderimport turns a career ladder kept as a spreadsheet into a rubric: a grid
// (a row per competency, a column per level, optional columns of category, description,
// sub-competency and actions; a cell may hold several statements) or long rows (level,
// competency, statement), in CSV or XLSX. It decides which row is the header and what
// each column is, reads IC and people-manager levels as tracks, makes ids from names and
// writes the rubric's YAML, which validates; what it assumed comes back as warnings, and
// what it cannot read as problems naming the row or the cell (docs/rubric.md, "Your
// ladder in a spreadsheet").
package ladderimport

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// Options are how a ladder is imported.
type Options struct {
	// Sheet names the workbook's sheet to read; empty, its first visible sheet.
	Sheet string
	// Name is the ladder's name; empty, the sheet's title row, else the file's name.
	Name string
}

// Result is an imported ladder.
type Result struct {
	// YAML is the rubric (format pmladder-rubric/v1), which validates.
	YAML []byte
	// Rubric is YAML, parsed.
	Rubric *rubric.Rubric
	// Warnings are what the import assumed, and what `rubric validate` would warn of the
	// rubric, each "PLACE: warning: …" where PLACE is FILE, FILE:LINE or FILE:SHEET!CELL.
	Warnings problem.List
	// Levels, Tracks, Competencies, Skills and Questions count what was made.
	Levels, Tracks, Competencies, Skills, Questions int
}

// Import reads a ladder from data, named file in messages. What it cannot read is a
// problem.List (each FILE, FILE:LINE or FILE:SHEET!CELL and what to change); any other
// error is an internal one.
func Import(file string, data []byte, opts Options) (*Result, error) {
	im := &importer{}
	t, err := readTable(file, data, opts.Sheet, im.warn)
	if err != nil {
		return nil, err
	}
	im.t = t
	l, err := im.readLadder()
	if err != nil {
		return nil, err
	}
	name := opts.Name
	if name == "" {
		name = l.name
	}
	if name == "" {
		base := filepath.Base(file)
		name = strings.TrimSuffix(base, filepath.Ext(base))
		name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
		if name == "" || file == "stdin" {
			name = "Imported ladder"
		}
	}
	if len(l.comps) == 0 {
		return nil, im.fail(t.file, "no competencies with statements: write a row per competency, with each level's statements in its column")
	}
	im.emptyCells(l)
	out, err := im.build(l, clean(name))
	if err != nil {
		return nil, err
	}
	if out.generic {
		im.warn(file, "no column of actions: each competency was given one general action, to agree with the manager on work that calls for the next statement up; write your own under each skill's actions")
	}
	yaml, at := emit(out, file)
	r, err := rubric.Parse(file, yaml)
	if err != nil {
		return nil, fmt.Errorf("internal error: the rubric made from %s does not validate: %w", file, err)
	}
	// What the lint would say of the rubric, said of the cells it came from, in the
	// sheet's words where it can be.
	for _, w := range r.Lint() {
		place := at[w.Line]
		if place == "" {
			place = file
		}
		msg := strings.TrimPrefix(w.Msg, "warning: ")
		if m := nearlySameMsg.FindStringSubmatch(msg); m != nil {
			a, _ := strconv.Atoi(m[2])
			b, _ := strconv.Atoi(m[3])
			if q, oa, ob := r.Question(m[1]), out.option(m[1], a), out.option(m[1], b); q != nil && oa != nil && ob != nil {
				msg = fmt.Sprintf("%s: the statements of %s and %s say nearly the same thing, so people cannot tell them apart",
					problem.Quote(r.Skill(q.Skill).Name), problem.Quote(oa.level), problem.Quote(ob.level))
			}
		}
		im.warnings = append(im.warnings, &problem.Problem{File: place, Msg: "warning: " + msg + " (rubric validate --strict fails on it)"})
	}
	sortByRow(im.warnings, file)
	im.warnings = slices.CompactFunc(im.warnings, func(a, b *problem.Problem) bool { return a.Error() == b.Error() })
	res := &Result{YAML: yaml, Rubric: r, Warnings: im.warnings, Levels: len(out.roles), Tracks: len(out.tracks),
		Competencies: out.competencies, Questions: out.questions}
	for _, c := range out.categories {
		res.Skills += len(c.skills)
	}
	return res, nil
}

// sortByRow puts warnings in the order of the rows they name, those about the whole file
// first, keeping the order of warnings about one row.
func sortByRow(ws problem.List, file string) {
	row := func(p *problem.Problem) int {
		rest := strings.TrimPrefix(p.File, file)
		i := len(rest)
		for i > 0 && rest[i-1] >= '0' && rest[i-1] <= '9' {
			i--
		}
		n, _ := strconv.Atoi(rest[i:])
		return n
	}
	sort.SliceStable(ws, func(i, j int) bool { return row(ws[i]) < row(ws[j]) })
}

// nearlySameMsg is the lint's warning of two statements that say nearly the same thing.
var nearlySameMsg = regexp.MustCompile(`^question "([^"]+)": statements (\d+) and (\d+) say nearly the same thing`)

// emptyCells warns, once a row, of a level without words between levels with words, and
// of the levels without words above the last that has some: those levels do not expect
// the competency there.
func (im *importer) emptyCells(l *ladder) {
	for _, c := range l.comps {
		for _, th := range c.threads {
			for _, mgmt := range []bool{false, true} {
				var on []*level
				for _, lv := range l.levels {
					if (lv.track == trackMgmt) == mgmt {
						on = append(on, lv)
					}
				}
				first, last := -1, -1
				for i, lv := range on {
					if th.text[lv] != nil {
						if first < 0 {
							first = i
						}
						last = i
					}
				}
				var gaps []string
				for i := first + 1; i < last && first >= 0; i++ {
					if th.text[on[i]] == nil {
						gaps = append(gaps, on[i].name)
					}
				}
				if len(gaps) > 0 {
					what := c.name
					if th.name != "" {
						what += " — " + th.name
					}
					im.warn(th.at, "%s has no statement for %s, between levels that have: %s not expect it (write \"same as before\" to carry the level below)",
						problem.Quote(what), strings.Join(gaps, ", "), pluralVerb(len(gaps), "that level does", "those levels do"))
				}
			}
		}
	}
}

func pluralVerb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// IsProblem reports whether err is input the importer could not read (exit 2), rather
// than a failure.
func IsProblem(err error) bool {
	var list problem.List
	return errors.As(err, &list)
}
