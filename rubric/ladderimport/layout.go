package ladderimport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/spreadsheet"
)

// What a ladder says, whatever its layout: its levels in order, and its competencies,
// each with one or more threads (a row of a grid, a sub-competency of long rows) whose
// text at each level is a list of statements.

type ladder struct {
	name   string
	levels []*level
	comps  []*competency
}

type level struct {
	name string
	// num is the number its name carries (L3: 3, L0: 0), -1 when none; code the code
	// that carries it ("L3"), for a short name.
	num  int
	code string
	// track is trackIC, trackMgmt or trackNone; shared is set once tracks are decided
	// for a level on every track.
	track  string
	shared bool
	// rank is its place on the ladder, from 1: the role's level and the score that
	// stands for it.
	rank int
	// at is where its name is (its header cell); cols its columns in a grid.
	at   string
	cols []int
	// What meta rows say of it.
	title, scope, description, experience string
	// pos is its order in the sheet, from 0.
	pos int
}

type competency struct {
	name, category, description string
	at                          string
	threads                     []*thread
	actions                     []string
}

// thread is a line of statements across the levels: a row of a grid, or the statements
// of long rows about one (sub-)competency.
type thread struct {
	name string // a sub-competency's name; "" for the competency itself
	at   string
	text map[*level]*levelText
}

// levelText is what a thread says at one level.
type levelText struct {
	stmts []string
	// repeat: the cell says "the same as the level before".
	repeat bool
	at     string
}

// importer holds one import's state: the table, the warnings, the problems.
type importer struct {
	t        *table
	warnings problem.List
	// skipped are the names of pitfalls already warned of.
	skipped map[string]bool
}

func (im *importer) warn(place, format string, args ...any) {
	// A place is "FILE", "FILE:LINE" or "FILE:SHEET!CELL", kept whole as the problem's
	// file: a warning reads PLACE: warning: message.
	im.warnings = append(im.warnings, &problem.Problem{File: place, Msg: "warning: " + fmt.Sprintf(format, args...)})
}

func (im *importer) fail(place, format string, args ...any) error {
	var probs problem.List
	probs = append(probs, &problem.Problem{File: place, Msg: fmt.Sprintf(format, args...)})
	return probs
}

// headerRow finds the row that heads the columns: the first with at least three cells
// (two for a ladder of one competency column and one level), unless it only names tracks
// above the columns of the row below it. Rows above it with one cell are the ladder's
// title.
func (im *importer) headerRow() (int, string) {
	rows := im.t.rows
	title := ""
	// filled counts a row's different texts: a title merged across the top is one.
	filled := func(r *tableRow) int {
		seen := map[string]bool{}
		for _, c := range r.cells {
			if c = strings.TrimSpace(c); c != "" {
				seen[c] = true
			}
		}
		return len(seen)
	}
	for i := range rows {
		n := filled(&rows[i])
		// Two cells head a ladder of two levels when the competency's column is unnamed
		// (a title row starts in column A), or when the rows below have no more.
		if n >= 3 || n == 2 && (strings.TrimSpace(rows[i].cell(0)) == "" || i+1 < len(rows) && filled(&rows[i+1]) <= 2) {
			if i+1 < len(rows) && onlyTracks(&rows[i]) && filled(&rows[i+1]) > n {
				continue
			}
			return i, title
		}
		if n == 1 && title == "" {
			for _, c := range rows[i].cells {
				if c = clean(c); c != "" {
					title = c
				}
			}
		}
	}
	return -1, title
}

// onlyTracks reports whether a row names tracks and nothing else (past its first cell):
// the row above the level names in a ladder with IC and manager columns.
func onlyTracks(r *tableRow) bool {
	n := 0
	for i, c := range r.cells {
		c = clean(c)
		if c == "" || i == 0 {
			continue
		}
		if trackWordOf(c) == trackNone {
			return false
		}
		n++
	}
	return n > 0
}

// readLadder reads the table as a grid or as long rows.
func (im *importer) readLadder() (*ladder, error) {
	t := im.t
	h, title := im.headerRow()
	if h < 0 {
		at := t.file
		if len(t.rows) > 0 {
			at = t.rowAt(&t.rows[0])
		}
		return nil, im.fail(at, "no header row: want a row naming the columns, such as Competency, L1, L2, L3 (a grid) or Level, Competency, Statement (long rows)")
	}
	header := &t.rows[h]
	kinds := make([]string, len(header.cells))
	long := map[string]int{}
	for c, cell := range header.cells {
		kinds[c] = kindOf(cell, colLevel, colCompetency, colStatement, colCategory, colDescription, colSub, colTrack, colActions, colNotes)
		if _, seen := long[kinds[c]]; !seen && kinds[c] != colNone {
			long[kinds[c]] = c
		}
	}
	_, hasLevel := long[colLevel]
	_, hasComp := long[colCompetency]
	_, hasStmt := long[colStatement]
	_, hasDesc := long[colDescription]
	if !hasLevel && hasComp && hasStmt {
		// Long rows whose level column has a name no word list knows ("Milestone",
		// "Rung 2"): the one other column whose cells repeat a few short names.
		if c := levelColumn(t, h, kinds); c >= 0 {
			im.warn(t.at(header, c), "column %s (%s) read as the levels: its cells repeat a few names, each with its own statements", spreadsheet.ColumnName(c), problem.Quote(clean(header.cell(c))))
			long[colLevel], hasLevel = c, true
		}
	}
	if hasLevel && hasComp && !hasStmt && !hasDesc {
		// Long rows whose statement column has a name no word list knows ("What we
		// expect"): the column of no known kind that holds the most text.
		if c := statementColumn(t, h, kinds); c >= 0 {
			im.warn(t.at(header, c), "column %s (%s) read as the statements: the level is in column %s and the competency in column %s",
				spreadsheet.ColumnName(c), problem.Quote(clean(header.cell(c))), spreadsheet.ColumnName(long[colLevel]), spreadsheet.ColumnName(long[colCompetency]))
			long[colStatement], hasStmt = c, true
		}
	}
	var l *ladder
	var err error
	if hasLevel && hasComp && (hasStmt || hasDesc) {
		l, err = im.readLong(h, long)
	} else {
		l, err = im.readGrid(h)
	}
	if err != nil {
		return nil, err
	}
	l.name = title
	return l, nil
}

// readGrid reads a grid: a row per competency (or sub-competency), a column per level.
func (im *importer) readGrid(h int) (*ladder, error) {
	t := im.t
	header := &t.rows[h]
	width := 0
	for i := h; i < len(t.rows); i++ {
		width = max(width, len(t.rows[i].cells))
	}
	kind := make([]string, width)
	for c := range kind {
		kind[c] = kindOf(header.cell(c), colCompetency, colCategory, colDescription, colSub, colActions, colNotes)
	}
	// The competency column: named so, else the first unnamed one after a category
	// column, else the first column.
	comp := -1
	for c, k := range kind {
		if k == colCompetency {
			if comp < 0 {
				comp = c
			} else {
				kind[c] = colSub // a second one: the rows' own names
			}
		}
	}
	if comp < 0 {
		cat := indexOf(kind, colCategory)
		for c := cat + 1; c < width; c++ {
			if kind[c] == colNone {
				comp = c
				break
			}
		}
		if comp < 0 {
			return nil, im.fail(t.rowAt(header), "no competency column: name the column of competencies %q", "Competency")
		}
		// Two unnamed columns before the levels: a category, then the competency (the
		// first's cells repeat or are left empty under a merged cell).
		if cat < 0 && clean(header.cell(comp)) == "" && comp+1 < width && clean(header.cell(comp+1)) == "" &&
			kind[comp+1] == colNone && columnHasText(t, h, comp+1) && fewerValues(t, h, comp, comp+1) {
			kind[comp] = colCategory
			comp++
		}
		kind[comp] = colCompetency
		if kindOf(header.cell(comp), colLevel) == colLevel {
			if comp != 0 || !acrossAfterTranspose(t, h) {
				return nil, im.fail(t.at(header, comp), "the first column is headed %s: levels are down the rows and competencies across; pmladder reads competencies down and levels across (a row per competency, a column per level), or long rows of level, competency, statement: transpose the sheet",
					problem.Quote(clean(header.cell(comp))))
			}
			im.warn(t.at(header, comp), "column %s is headed %s: the levels are down the rows and the competencies across; read that way", spreadsheet.ColumnName(comp), problem.Quote(clean(header.cell(comp))))
			t.transpose(h)
			return im.readGrid(h)
		}
	}
	// Columns left of the competency column that no word names: a category when there
	// is none, else ignored.
	for c := 0; c < comp; c++ {
		if kind[c] != colNone {
			continue
		}
		if indexOf(kind, colCategory) < 0 {
			kind[c] = colCategory
			continue
		}
		kind[c] = colNotes
	}
	// The levels: every other column right of the competency column; a column without
	// a header beside a level is more of that level (a header cell merged across two).
	l := &ladder{}
	var last *level
	for c := comp + 1; c < width; c++ {
		if kind[c] != colNone {
			last = nil
			if kind[c] == colNotes && columnHasText(t, h, c) {
				im.warn(t.at(header, c), "column %s (%s) is not a level: ignored", spreadsheet.ColumnName(c), problem.Quote(clean(header.cell(c))))
			}
			continue
		}
		name := levelName(header.cell(c))
		if name == "" {
			if !columnHasText(t, h, c) {
				continue
			}
			if last == nil {
				im.warn(t.at(header, c), "column %s has statements but no header: ignored; head it with its level", spreadsheet.ColumnName(c))
				continue
			}
			im.warn(t.at(header, c), "column %s has no header: read as more of %s, the level beside it (levels merged)", spreadsheet.ColumnName(c), problem.Quote(last.name))
			last.cols = append(last.cols, c)
			continue
		}
		lv := &level{name: name, at: t.at(header, c), cols: []int{c}, pos: len(l.levels)}
		lv.num, lv.code = levelNumber(name)
		lv.track = trackOf(name)
		l.levels = append(l.levels, lv)
		last = lv
	}
	im.superHeader(h, l.levels)
	l.levels = im.mergeSameLevels(l.levels)
	if err := im.enoughLevels(header, l.levels); err != nil {
		return nil, err
	}
	catCol, descCol, subCol, actCol := indexOf(kind, colCategory), indexOf(kind, colDescription), indexOf(kind, colSub), indexOf(kind, colActions)
	// The rows.
	var cur *competency
	category := ""
	byName := map[string]*competency{}
	for i := h + 1; i < len(t.rows); i++ {
		r := &t.rows[i]
		name := clean(r.cell(comp))
		if catCol >= 0 {
			if c := clean(r.cell(catCol)); c != "" {
				category = c
			}
		}
		texts := map[*level]*levelText{}
		for _, lv := range l.levels {
			if lt := im.levelCell(r, lv.cols); lt != nil {
				texts[lv] = lt
			}
		}
		if isPitfalls(category) || isPitfalls(name) {
			im.pitfalls(t.at(r, comp), category, name)
			continue
		}
		if meta := metaOf(name); meta != "" && name != "" {
			for lv, lt := range texts {
				lv.setMeta(meta, strings.Join(lt.stmts, " "))
			}
			continue
		}
		if len(texts) == 0 {
			switch {
			case name == "":
			case catCol < 0 && subCol < 0 && clean(r.cell(descCol)) == "" && !statementsBelow(t, i, l.levels):
				im.warn(t.at(r, comp), "%s has no statements and no competency follows it: ignored (a note below the ladder?)", problem.Quote(name))
			case catCol < 0 && subCol < 0 && clean(r.cell(descCol)) == "":
				im.warn(t.at(r, comp), "%s has no statements: read as the category of the rows below", problem.Quote(name))
				category = name
			default:
				im.warn(t.at(r, comp), "%s has no statements at any level: skipped", problem.Quote(name))
			}
			continue
		}
		sub := clean(r.cell(subCol))
		switch {
		case name == "" && cur == nil:
			im.warn(t.rowAt(r), "statements without a competency (its cell is empty): skipped; name the competency in column %s", spreadsheet.ColumnName(comp))
			continue
		case name == "" || cur != nil && normal(name) == normal(cur.name) && cur.category == category:
			// More of the competency above: a sub-competency, or its next row.
		case byName[normal(category)+"\x00"+normal(name)] != nil:
			cur = byName[normal(category)+"\x00"+normal(name)]
			im.warn(t.at(r, comp), "%s again: read as more of it (first at %s)", problem.Quote(name), cur.at)
		default:
			cur = &competency{name: name, category: category, at: t.at(r, comp)}
			byName[normal(category)+"\x00"+normal(name)] = cur
			l.comps = append(l.comps, cur)
		}
		if d := clean(r.cell(descCol)); d != "" && cur.description == "" {
			cur.description = d
		}
		if a := r.cell(actCol); actCol >= 0 && strings.TrimSpace(a) != "" {
			cur.actions = append(cur.actions, statements(a)...)
		}
		th := &thread{name: sub, at: t.at(r, comp), text: texts}
		cur.threads = append(cur.threads, th)
	}
	return l, nil
}

// statementsBelow reports whether a row below row i has words in a level's column.
func statementsBelow(t *table, i int, levels []*level) bool {
	for _, r := range t.rows[i+1:] {
		for _, lv := range levels {
			for _, c := range lv.cols {
				if cell := r.cell(c); strings.TrimSpace(cell) != "" && !isNothing(cell) {
					return true
				}
			}
		}
	}
	return false
}

// pitfalls warns, once a category, that rows of pitfalls are not imported.
func (im *importer) pitfalls(at, category, name string) {
	what := name
	if isPitfalls(category) {
		what = category
	}
	if im.skipped == nil {
		im.skipped = map[string]bool{}
	}
	if im.skipped[normal(what)] {
		return
	}
	im.skipped[normal(what)] = true
	im.warn(at, "%s says what not to do, not what a level expects: its rows are not imported", problem.Quote(what))
}

// levelCell is what a row says at a level (its columns' text together): nil when
// nothing.
func (im *importer) levelCell(r *tableRow, cols []int) *levelText {
	var lt *levelText
	for _, c := range cols {
		cell := r.cell(c)
		if strings.TrimSpace(cell) == "" || isNothing(cell) {
			continue
		}
		if lt == nil {
			lt = &levelText{at: im.t.at(r, c)}
		}
		if isRepeat(cell) {
			lt.repeat = true
			continue
		}
		lt.stmts = append(lt.stmts, statements(cell)...)
	}
	if lt != nil && len(lt.stmts) > 0 {
		lt.repeat = false
	}
	return lt
}

func (lv *level) setMeta(kind, text string) {
	switch kind {
	case metaTitle:
		lv.title = text
	case metaScope:
		lv.scope = text
	case metaDescription:
		lv.description = text
	case metaExperience:
		lv.experience = text
	}
}

// superHeader reads the row above a grid's header when it names tracks above the level
// columns (Individual contributor over some, People manager over others): each level
// takes the track named over it or over a column to its left.
func (im *importer) superHeader(h int, levels []*level) {
	if h == 0 || len(levels) == 0 {
		return
	}
	above := &im.t.rows[h-1]
	if !onlyTracks(above) {
		return
	}
	track := trackNone
	first := levels[0].cols[0]
	c := first
	for _, lv := range levels {
		for ; c <= lv.cols[0]; c++ {
			if w := clean(above.cell(c)); w != "" {
				track = trackWordOf(w)
			}
		}
		if lv.track == trackNone {
			lv.track = track
		}
	}
}

// mergeSameLevels merges levels of the same name and track (a level split over two
// columns, or named twice in long rows) into the first.
func (im *importer) mergeSameLevels(levels []*level) []*level {
	var out []*level
	seen := map[string]*level{}
	for _, lv := range levels {
		key := normal(lv.name) + "\x00" + lv.track
		if first, ok := seen[key]; ok {
			im.warn(lv.at, "%s again: its statements are read with the first (levels merged, first at %s)", problem.Quote(lv.name), first.at)
			first.cols = append(first.cols, lv.cols...)
			continue
		}
		seen[key] = lv
		lv.pos = len(out)
		out = append(out, lv)
	}
	return out
}

// enoughLevels refuses a ladder of no level or one.
func (im *importer) enoughLevels(header *tableRow, levels []*level) error {
	switch len(levels) {
	case 0:
		return im.fail(im.t.rowAt(header), "no level columns: after the competency column, head a column per level (L1, L2 … or Junior, Senior …), or write long rows of level, competency, statement")
	case 1:
		return im.fail(levels[0].at, "one level only (%s): a ladder needs at least two levels to tell apart; add the others as columns", problem.Quote(levels[0].name))
	}
	if len(levels) > 100 {
		return im.fail(im.t.rowAt(header), "%d levels: a ladder of more than 100 levels is no ladder; are levels down the rows and competencies across? pmladder reads competencies down and levels across", len(levels))
	}
	return nil
}

// readLong reads long rows: a level, a competency and a statement a row, several rows
// for one level and competency allowed; optionally a category, a sub-competency, a
// description of the competency and a track. An empty level or competency cell is the
// one above it (a spreadsheet's grouped rows).
func (im *importer) readLong(h int, cols map[string]int) (*ladder, error) {
	t := im.t
	header := &t.rows[h]
	col := func(kind string) int {
		if c, ok := cols[kind]; ok {
			return c
		}
		return -1
	}
	levelCol, compCol, stmtCol := col(colLevel), col(colCompetency), col(colStatement)
	catCol, subCol, trackCol, descCol, actCol := col(colCategory), col(colSub), col(colTrack), col(colDescription), col(colActions)
	if stmtCol < 0 {
		stmtCol, descCol = descCol, -1 // "description" is the statement
	}
	// More columns of statements ("Expectations", then "Signals"): their statements
	// follow the first's at the same level.
	more := []int{}
	for c, cell := range header.cells {
		if c != stmtCol && stmtCol >= 0 && kindOf(cell, colStatement) == colStatement {
			more = append(more, c)
		}
	}
	for c, cell := range header.cells {
		if clean(cell) != "" && indexOf(more, c) < 0 && c != levelCol && c != compCol && c != stmtCol && c != catCol && c != subCol && c != trackCol && c != descCol && c != actCol && columnHasText(t, h, c) {
			im.warn(t.at(header, c), "column %s (%s) is none of level, competency, statement, category, sub-competency, description, track, actions: ignored",
				spreadsheet.ColumnName(c), problem.Quote(clean(cell)))
		}
	}
	l := &ladder{}
	levels := map[string]*level{}
	comps := map[string]*competency{}
	threads := map[string]*thread{}
	var lastLevel, lastComp, category string
	for i := h + 1; i < len(t.rows); i++ {
		r := &t.rows[i]
		name, comp := levelName(r.cell(levelCol)), clean(r.cell(compCol))
		if name == "" {
			name = lastLevel
		}
		if comp == "" {
			comp = lastComp
		}
		lastLevel, lastComp = name, comp
		if c := clean(r.cell(catCol)); c != "" {
			category = c
		}
		text := r.cell(stmtCol)
		if strings.TrimSpace(text) == "" || isNothing(text) {
			text = ""
		}
		for _, c := range more {
			if x := r.cell(c); strings.TrimSpace(x) != "" && !isNothing(x) && !isRepeat(x) {
				text = strings.TrimSpace(text + "\n\n" + x)
			}
		}
		if text == "" {
			continue
		}
		if name == "" || comp == "" {
			im.warn(t.rowAt(r), "a statement without a level or a competency: skipped")
			continue
		}
		track := trackOf(name)
		if trackCol >= 0 {
			if tw := trackWordOf(clean(r.cell(trackCol))); tw != trackNone {
				track = tw
			}
		}
		key := normal(name) + "\x00" + track
		lv := levels[key]
		if lv == nil {
			lv = &level{name: name, at: t.at(r, levelCol), track: track, pos: len(l.levels)}
			lv.num, lv.code = levelNumber(name)
			levels[key] = lv
			l.levels = append(l.levels, lv)
		}
		if isPitfalls(category) || isPitfalls(comp) {
			im.pitfalls(t.at(r, compCol), category, comp)
			continue
		}
		if meta := metaOf(comp); meta != "" {
			lv.setMeta(meta, strings.Join(statements(text), " "))
			continue
		}
		ck := normal(comp)
		c := comps[ck]
		if c == nil {
			c = &competency{name: comp, category: category, at: t.at(r, compCol)}
			comps[ck] = c
			l.comps = append(l.comps, c)
		}
		if d := clean(r.cell(descCol)); d != "" && c.description == "" {
			c.description = d
		}
		if a := r.cell(actCol); actCol >= 0 && strings.TrimSpace(a) != "" {
			c.actions = append(c.actions, statements(a)...)
		}
		sub := clean(r.cell(subCol))
		tk := ck + "\x00" + normal(sub)
		th := threads[tk]
		if th == nil {
			th = &thread{name: sub, at: t.at(r, compCol), text: map[*level]*levelText{}}
			threads[tk] = th
			c.threads = append(c.threads, th)
		}
		lt := th.text[lv]
		if lt == nil {
			lt = &levelText{at: t.at(r, stmtCol)}
			th.text[lv] = lt
		}
		if isRepeat(text) {
			lt.repeat = len(lt.stmts) == 0
			continue
		}
		lt.stmts = append(lt.stmts, statements(text)...)
		lt.repeat = false
	}
	// Levels in order: by their numbers when every one has a number, else as they
	// first appear.
	numbered := true
	for _, lv := range l.levels {
		numbered = numbered && lv.num >= 0
	}
	if numbered {
		sort.SliceStable(l.levels, func(i, j int) bool { return l.levels[i].num < l.levels[j].num })
	} else if len(l.levels) > 1 {
		var names []string
		for _, lv := range l.levels {
			names = append(names, lv.name)
		}
		im.warn(l.levels[0].at, "levels in the order they first appear, lowest first: %s (number them, L1, L2 …, to set the order)", strings.Join(names, ", "))
	}
	for i, lv := range l.levels {
		lv.pos = i
	}
	if err := im.enoughLevels(header, l.levels); err != nil {
		return nil, err
	}
	if len(l.comps) == 0 {
		return nil, im.fail(t.rowAt(header), "no statements under the header: write a row per level, competency and statement")
	}
	return l, nil
}

// levelColumn is the column of long rows' levels when no header names it: the only
// column of no known kind whose cells are short names (at most 6 words) that repeat
// (fewer different ones than half its cells, at least two), -1 when there is none or
// more than one.
func levelColumn(t *table, h int, kinds []string) int {
	found := -1
	for c, k := range kinds {
		if k != colNone || clean(t.rows[h].cell(c)) == "" {
			continue
		}
		seen := map[string]bool{}
		n := 0
		short := true
		for i := h + 1; i < len(t.rows); i++ {
			v := clean(t.rows[i].cell(c))
			if v == "" {
				continue
			}
			n++
			seen[normal(v)] = true
			short = short && words(v) <= 6
		}
		if !short || len(seen) < 2 || 2*len(seen) > n {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = c
	}
	return found
}

// acrossAfterTranspose reports whether a sheet whose first column is headed as the
// levels reads as a ladder turned on its side: at least two levels down it, each named
// once, and no other column headed as a level.
func acrossAfterTranspose(t *table, h int) bool {
	seen := map[string]bool{}
	for i := h + 1; i < len(t.rows); i++ {
		v := normal(t.rows[i].cell(0))
		if v == "" {
			continue
		}
		if seen[v] {
			return false
		}
		seen[v] = true
	}
	for c, cell := range t.rows[h].cells {
		if c > 0 && kindOf(cell, colLevel) == colLevel {
			return false
		}
	}
	return len(seen) >= 2
}

// statementColumn is the column of long rows' statements when no header names it: of the
// columns of no known kind with a header, the one that holds the most text below it, if
// its cells run longer than a name (more than 6 words on average); -1 otherwise.
func statementColumn(t *table, h int, kinds []string) int {
	best, most := -1, 0
	for c, k := range kinds {
		if k != colNone || clean(t.rows[h].cell(c)) == "" {
			continue
		}
		n, cells := 0, 0
		for i := h + 1; i < len(t.rows); i++ {
			if v := t.rows[i].cell(c); strings.TrimSpace(v) != "" {
				n += words(v)
				cells++
			}
		}
		if cells > 0 && n > 6*cells && n > most {
			best, most = c, n
		}
	}
	return best
}

// fewerValues reports whether column a holds fewer different texts below the header
// than column b: categories repeat, competencies do not.
func fewerValues(t *table, h, a, b int) bool {
	count := func(c int) int {
		seen := map[string]bool{}
		for i := h + 1; i < len(t.rows); i++ {
			if v := clean(t.rows[i].cell(c)); v != "" {
				seen[v] = true
			}
		}
		return len(seen)
	}
	return count(a) < count(b)
}

// columnHasText reports whether a column has text in any row below the header.
func columnHasText(t *table, h, c int) bool {
	for i := h + 1; i < len(t.rows); i++ {
		if strings.TrimSpace(t.rows[i].cell(c)) != "" {
			return true
		}
	}
	return false
}

func indexOf[T comparable](list []T, v T) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}
