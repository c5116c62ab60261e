package ladderimport

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

func TestStatements(t *testing.T) {
	for _, c := range []struct {
		cell string
		want []string
	}{
		{"Writes clear tickets", []string{"Writes clear tickets"}},
		{"  \n ", nil},
		{"• Joins calls\n• Asks why", []string{"Joins calls", "Asks why"}},
		{"- Designs a test\n  with a hypothesis\n- Decides from it", []string{"Designs a test with a hypothesis", "Decides from it"}},
		{"1. Hires PMs\n2) Gives feedback\n(3) Writes the plan", []string{"Hires PMs", "Gives feedback", "Writes the plan"}},
		{"Is able to:\n* write tests\n* review code", []string{"Is able to: write tests", "Is able to: review code"}},
		{"Keeps to the architecture the team already has and to its practices:\n• Delivers simple features\n• Reuses components",
			[]string{"Keeps to the architecture the team already has and to its practices", "Delivers simple features", "Reuses components"}},
		{"Ships features\r\nReviews code", []string{"Ships features", "Reviews code"}},
		{"• one • two • three", []string{"one", "two", "three"}},
		{"Uses 5-10% of time on research", []string{"Uses 5-10% of time on research"}},
		// A long paragraph: its sentences, not cut at an abbreviation.
		{"Talks to customers in their area, e.g. Sales and Support, and has some understanding of their needs. Relies on guidance to evaluate data and shape the story from it. Defines what success looks like with support.",
			[]string{"Talks to customers in their area, e.g. Sales and Support, and has some understanding of their needs.",
				"Relies on guidance to evaluate data and shape the story from it.", "Defines what success looks like with support."}},
		{"Paragraph one\n\nParagraph two", []string{"Paragraph one", "Paragraph two"}},
		// Bullets indented under a bullet that ends with a colon are its list, not
		// statements of their own; bold pasted from a wiki loses its asterisks.
		{"* Joins company events, such as:\n    * internal meetups\n    * all-hands\n* Gives a talk", []string{"Joins company events, such as: internal meetups; all-hands", "Gives a talk"}},
		{"* **Debugging**: finds root causes\n* __Testing__: writes tests", []string{"Debugging: finds root causes", "Testing: writes tests"}},
		{"Leads the team. *This can take months.* Uses 2 * 3 tests,  twice", []string{"Leads the team. This can take months. Uses 2 * 3 tests, twice"}},
	} {
		if got := statements(c.cell); !slices.Equal(got, c.want) {
			t.Errorf("statements(%q)\n got  %q\n want %q", c.cell, got, c.want)
		}
	}
}

func TestIDs(t *testing.T) {
	ids := newIDs("competency")
	for _, c := range []struct{ name, want string }{
		{"Product sense", "product-sense"},
		{"Compétences clés", "competences-cles"},
		{"Product sense", "product-sense-2"},
		{"Führung & Strategie", "fuhrung-strategie"},
		{"沟通", "competency-4"},
		{"C++ craft", "c-plus-plus-craft"},
		{"A very long competency name that goes on and on past forty characters", "a-very-long-competency-name-that-goes-on"},
	} {
		if got := ids.make(c.name, 4); got != c.want {
			t.Errorf("id of %q = %q, want %q", c.name, got, c.want)
		}
	}
	if !slices.Equal(ids.byPlace, []string{"competency-4"}) {
		t.Errorf("ids made from places: %q", ids.byPlace)
	}
}

func TestLevelWords(t *testing.T) {
	for _, c := range []struct {
		name  string
		num   int
		code  string
		track string
	}{
		{"L3", 3, "L3", trackNone},
		{"L3 Senior Engineer", 3, "L3", trackNone},
		{"IC4", 4, "IC4", trackIC},
		{"IC4 - Staff", 4, "IC4", trackIC},
		{"M1 Engineering Manager", 1, "M1", trackMgmt},
		{"Level 2", 2, "Level 2", trackNone},
		{"Niveau 3", 3, "Niveau 3", trackNone},
		{"Engineer II", 2, "", trackNone},
		{"Senior Product Manager", -1, "", trackNone},
		{"Group Product Manager", -1, "", trackNone},
		{"Engineering Manager", -1, "", trackMgmt},
		{"Senior Manager", -1, "", trackMgmt},
		{"Director of Product", -1, "", trackMgmt},
		{"Head of Design", -1, "", trackMgmt},
		{"Senior (IC)", -1, "", trackIC},
		{"Staff (individual contributor)", -1, "", trackIC},
		{"People manager", -1, "", trackMgmt},
		{"E5", 5, "E5", trackNone},
		{"EM5", 5, "EM5", trackMgmt},
		{"P3 (Senior)", 3, "P3", trackNone},
		{"L0 Intern", 0, "L0", trackNone},
	} {
		num, code := levelNumber(c.name)
		if num != c.num || code != c.code {
			t.Errorf("levelNumber(%q) = %d, %q; want %d, %q", c.name, num, code, c.num, c.code)
		}
		if tr := trackOf(c.name); tr != c.track {
			t.Errorf("trackOf(%q) = %q, want %q", c.name, tr, c.track)
		}
	}
}

// imported imports a file and checks that what it made parses, and returns it.
func imported(t *testing.T, file string, data []byte, opts Options) (*Result, *rubric.Rubric) {
	t.Helper()
	res, err := Import(file, data, opts)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	r, err := rubric.Parse(file, res.YAML)
	if err != nil {
		t.Fatalf("%s: the rubric does not validate: %v\n%s", file, err, res.YAML)
	}
	return res, r
}

// warned reports whether a warning holds each of parts.
func warned(res *Result, parts ...string) bool {
	for _, w := range res.Warnings {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(w.Error(), p)
		}
		if all {
			return true
		}
	}
	return false
}

// expects is a role's expectations as "skill=value" in rubric order.
func expects(r *rubric.Rubric, role string) []string {
	var out []string
	ro := r.Role(role)
	for _, s := range r.Skills() {
		if v, ok := ro.Expect(s.ID); ok {
			out = append(out, s.ID+"="+num(v))
		}
	}
	return out
}

func TestGridCSV(t *testing.T) {
	data := "Engineering ladder,,,,\n" +
		"Competency,Description,Junior,Mid,Senior\n" +
		"Scope,,A task,A feature,A system\n" +
		"Coding,How code is written,Writes code with help,Writes code alone,Sets coding standards\n" +
		"Testing,,\"• Writes unit tests\n• Fixes flaky tests\",\"• Writes integration tests\n• Adds tests to legacy code\",Designs the test strategy\n" +
		"Mentoring,,,,Mentors juniors\n"
	res, r := imported(t, "ladder.csv", []byte(data), Options{})
	if r.Name != "Engineering ladder" || !slices.Equal(r.RoleIDs(), []string{"junior", "mid", "senior"}) || len(r.Tracks) != 0 {
		t.Errorf("name %q, roles %v, tracks %v", r.Name, r.RoleIDs(), r.Tracks)
	}
	if r.Scale.Min != 0 || r.Scale.Max != 3 || !slices.Equal(r.Scale.Labels, []string{"Not yet", "Junior", "Mid", "Senior"}) || r.Scoring.Pass != 100 {
		t.Errorf("scale %+v, pass %v", r.Scale, r.Scoring.Pass)
	}
	if got := expects(r, "mid"); !slices.Equal(got, []string{"coding=2", "testing=2"}) {
		t.Errorf("mid expects %v", got)
	}
	if got := expects(r, "senior"); !slices.Equal(got, []string{"coding=3", "testing=3", "mentoring=3"}) {
		t.Errorf("senior expects %v", got)
	}
	if ro := r.Role("junior"); ro.Scope != "A task" || !slices.Equal(ro.Next, []string{"mid"}) {
		t.Errorf("junior: scope %q, next %v", ro.Scope, ro.Next)
	}
	q := r.Question("testing.1")
	texts, scores := r.Choices(q)
	if !slices.Equal(scores, []int{0, 1, 2, 3}) || texts[0] != notYet || texts[1] != "Writes unit tests · Fixes flaky tests" {
		t.Errorf("testing.1: %q %v", texts, scores)
	}
	if m := r.Question("mentoring.1"); m.Options[0].Score != 2 || m.Options[0].Text != notYet {
		t.Errorf("mentoring starts at Senior: its lowest option is just below it: %+v", m.Options)
	}
	if !warned(res, "ladder.csv: warning: no column of actions") {
		t.Errorf("warnings: %v", res.Warnings)
	}
	if s := r.Skill("coding"); s.Description != "How code is written" || len(s.Actions) != 1 {
		t.Errorf("coding: %+v", s)
	}
}

// A cell of ten statements is cut into several questions, none of whose options runs
// long; each level's statements are spread over them in order.
func TestLongCellsBecomeSeveralQuestions(t *testing.T) {
	var ten, five []string
	for i := range 10 {
		ten = append(ten, "- Does the senior thing number "+string(rune('A'+i))+" with care and with the whole team")
	}
	for i := range 5 {
		five = append(five, "- Does the junior thing "+string(rune('a'+i)))
	}
	data := "Competency,Junior,Senior\nCraft,\"" + strings.Join(five, "\n") + "\",\"" + strings.Join(ten, "\n") + "\"\n"
	_, r := imported(t, "ten.csv", []byte(data), Options{})
	qs := r.Skill("craft").Questions
	if len(qs) < 3 {
		t.Fatalf("%d questions for a cell of ten statements", len(qs))
	}
	seen := 0
	for _, q := range qs {
		for _, o := range q.Options {
			if n := words(o.Text); n > 2*optionWords {
				t.Errorf("%s: an option of %d words", q.ID, n)
			}
			if o.Score == 2 {
				seen += strings.Count(o.Text, "senior thing")
			}
		}
		if !strings.HasPrefix(q.Text, "Craft (") {
			t.Errorf("question text %q", q.Text)
		}
	}
	if seen != 10 {
		t.Errorf("%d of the ten senior statements asked", seen)
	}
}

// IC and manager columns make two tracks: the levels below the managers' first are on
// every track, a competency with words in both is a skill for each.
func TestTracksFromLevelNames(t *testing.T) {
	data := "Competency,L1,L2,L3,L4,M3,M4\n" +
		"Delivery,Ships a task,Ships a feature,Ships a project,Ships a program,Runs a team's delivery,Runs several teams' delivery\n" +
		"People,,,Mentors one person,Mentors several,Manages a team,Manages managers\n" +
		"Architecture,Reads the design,Designs a module,Designs a service,Designs the platform,,\n"
	_, r := imported(t, "tracks.csv", []byte(data), Options{})
	if !slices.Equal(r.TrackIDs(), []string{"ic", "management"}) {
		t.Fatalf("tracks %v", r.TrackIDs())
	}
	for id, want := range map[string][]string{"l1": nil, "l2": nil, "l3": {"ic"}, "l4": {"ic"}, "m3": {"management"}, "m4": {"management"}} {
		if ro := r.Role(id); ro == nil || !slices.Equal(ro.Tracks, want) {
			t.Errorf("%s: %+v, want tracks %v", id, ro, want)
		}
	}
	if got := r.Role("l2").Next; !slices.Equal(got, []string{"l3", "m3"}) {
		t.Errorf("l2 leads to %v", got)
	}
	if got := expects(r, "m4"); !slices.Equal(got, []string{"delivery-management=4", "people-management=4"}) {
		t.Errorf("m4 expects %v", got)
	}
	if got := expects(r, "l4"); !slices.Equal(got, []string{"delivery=4", "people=4", "architecture=4"}) {
		t.Errorf("l4 expects %v", got)
	}
	if s := r.Skill("people-management"); s == nil || s.Name != "People (management)" {
		t.Errorf("people-management: %+v", s)
	}
}

// A workbook as an organisation keeps it: a title, a row naming the tracks above the
// level columns, merged category cells, multi-line cells, a level split over two columns
// under one merged header, and a second sheet.
func TestGridXLSX(t *testing.T) {
	f := excelize.NewFile()
	sheet := "Ladder"
	f.SetSheetName("Sheet1", sheet)
	rows := [][]string{
		{"Design ladder"},
		{"", "", "Individual contributor", "", "", "People manager", ""},
		{"Category", "Competency", "Designer", "Senior Designer", "Staff Designer", "Design Manager", "Head of Design"},
		{"Craft", "Visual design", "Uses the design system", "Extends the design system", "Owns the design system", "Reviews the team's work", "Sets the bar for all design"},
		{"", "Research", "Joins research sessions\nTakes notes", "Runs research alone", "Plans research for the area", "Makes research a habit of the team", "Funds research across the org"},
		{"Impact", "Collaboration", "Works with one PM", "Works with a whole team", "Aligns several teams", "Builds the team's partnerships", "Partners with the executives"},
	}
	for i, row := range rows {
		for j, v := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue(sheet, cell, v)
		}
	}
	f.MergeCell(sheet, "A4", "A5")
	f.MergeCell(sheet, "C2", "E2")
	f.MergeCell(sheet, "F2", "G2")
	f.NewSheet("Notes")
	f.SetCellValue("Notes", "A1", "not the ladder")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	res, r := imported(t, "design.xlsx", buf.Bytes(), Options{})
	if r.Name != "Design ladder" || !slices.Equal(r.TrackIDs(), []string{"ic", "management"}) {
		t.Fatalf("name %q, tracks %v", r.Name, r.TrackIDs())
	}
	if c := r.Category("craft"); c == nil || len(c.Skills) != 4 {
		t.Errorf("craft (merged over two rows) holds visual design and research, each for both tracks: %+v", c)
	}
	// The managers' levels have no numbers: the last beside the others' top (Head of
	// Design beside Staff Designer), Design Manager beside Senior Designer.
	if ro := r.Role("design-manager"); ro == nil || ro.Level != 2 || !slices.Equal(ro.Tracks, []string{"management"}) {
		t.Errorf("design manager: %+v", ro)
	}
	if !warned(res, "design.xlsx: warning: read the sheet \"Ladder\"", `"Notes"`) {
		t.Errorf("warnings %v", res.Warnings)
	}
	texts, _ := r.Choices(r.Question("research.1"))
	if texts[1] != "Joins research sessions · Takes notes" {
		t.Errorf("a cell of two lines: %q", texts[1])
	}
	// The sheet by name, and a sheet that is not there.
	if _, err := Import("design.xlsx", buf.Bytes(), Options{Sheet: "notes"}); err == nil || !strings.Contains(err.Error(), "no header row") {
		t.Errorf("--sheet notes: %v", err)
	}
	if _, err := Import("design.xlsx", buf.Bytes(), Options{Sheet: "Nope"}); err == nil || !strings.Contains(err.Error(), `design.xlsx: no sheet named "Nope": the workbook's sheets are "Ladder", "Notes"`) {
		t.Errorf("--sheet Nope: %v", err)
	}
}

// Long rows: level, competency, statement, several rows for one level and competency;
// levels ordered by their numbers, whatever the order of the rows.
func TestLongRows(t *testing.T) {
	data := "Level,Competency,Statement\n" +
		"L2,Delivery,Ships a feature on their own\n" +
		"L2,Delivery,Estimates their work\n" +
		"L1,Delivery,Ships a task with help\n" +
		",Communication,Writes clear updates\n" +
		"L2,Communication,Presents to the team\n" +
		"L3,Delivery,Ships a project across teams\n" +
		"L3,Communication,Writes the strategy\n"
	_, r := imported(t, "long.csv", []byte(data), Options{})
	if !slices.Equal(r.RoleIDs(), []string{"l1", "l2", "l3"}) {
		t.Fatalf("roles %v", r.RoleIDs())
	}
	texts, scores := r.Choices(r.Question("delivery.1"))
	if !slices.Equal(scores, []int{0, 1, 2, 3}) || texts[2] != "Ships a feature on their own · Estimates their work" {
		t.Errorf("delivery: %q %v", texts, scores)
	}
	if got := expects(r, "l1"); !slices.Equal(got, []string{"delivery=1", "communication=1"}) {
		t.Errorf("l1 expects %v (the empty level cell is the one above)", got)
	}
}

// Ids and names in other languages: accents transliterated, names without Latin letters
// given ids from their places, with a warning.
func TestNonLatinNames(t *testing.T) {
	data := "Compétence,Débutant,Confirmé,Expert\n" +
		"Écoute client,Écoute,Reformule,Anticipe\n" +
		"沟通,说,写,讲\n"
	res, r := imported(t, "échelle.csv", []byte(data), Options{})
	if !slices.Equal(r.RoleIDs(), []string{"debutant", "confirme", "expert"}) || r.Skill("ecoute-client") == nil || r.Skill("competency-2") == nil {
		t.Errorf("roles %v, skills %v", r.RoleIDs(), r.Skills())
	}
	if r.Skill("competency-2").Name != "沟通" || !warned(res, "competency-2") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

// What the import assumed is said with the row or cell.
func TestWarnings(t *testing.T) {
	data := "Competency,L1,L2,L3,L4\n" +
		"Coding,Writes code,,Reviews code,Sets standards\n" +
		"Testing,Writes tests,same as before,Designs tests,Owns the strategy\n" +
		"Mentoring,Pairs,See above,Mentors,Coaches mentors\n" +
		"Red flags,Ignores tests,Skips reviews,Blocks others,Hoards knowledge\n" +
		"Architecture,,,,\n" +
		"Design,Sketches,Designs,Reviews designs,Sets design standards\n" +
		"Reviewed every year by HR,,,,\n"
	res, r := imported(t, "w.csv", []byte(data), Options{})
	for _, want := range [][]string{
		{"w.csv:2: warning:", `"Coding" has no statement for L2, between levels that have`},
		{"w.csv:5: warning:", `"Red flags" says what not to do`},
		{"w.csv:6: warning:", `"Architecture" has no statements: read as the category`},
		{"w.csv:8: warning:", `"Reviewed every year by HR" has no statements and no competency follows it: ignored`},
	} {
		if !warned(res, want...) {
			t.Errorf("no warning %q in %v", want, res.Warnings)
		}
	}
	// "Same as before" and "See above": L2 expects what L1 does in testing and mentoring,
	// which have no option at 2.
	if got := expects(r, "l2"); !slices.Equal(got, []string{"testing=1", "mentoring=1", "design=2"}) {
		t.Errorf("l2 expects %v", got)
	}
	if r.Skill("red-flags") != nil {
		t.Errorf("red flags imported")
	}
}

// What cannot be read is a problem naming the file, the row or the cell, and what to do.
func TestProblems(t *testing.T) {
	xls := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), bytes.Repeat([]byte{0}, 600)...)
	xls = append(xls, []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00")...)
	for _, c := range []struct {
		name, data string
		want       string
	}{
		{"empty.csv", "", "empty.csv: an empty file"},
		{"blank.csv", "\ufeff \n\n", "blank.csv: an empty file"},
		{"one.csv", "Competency,Senior\nCoding,Writes code\n", `one.csv:1: one level only ("Senior")`},
		{"none.csv", "Competency,Notes,Comments\nCoding,x,y\n", "none.csv:1: no level columns"},
		{"win.csv", "Competency,L1,L2\nCaf\xe9,a,b\n", "win.csv:2: this is not UTF-8 text"},
		{"utf16.csv", "\xff\xfeC\x00o\x00", "utf16.csv:1: this is UTF-16 text"},
		{"old.xls", string(xls), "old.xls: an old Excel 97–2003 workbook (.xls), which is not read"},
		{"quote.csv", "Competency,L1,L2\nCoding,\"a,b\n", "quote.csv:2: not valid CSV"},
		{"page.csv", "<html><body>ladder</body></html>", "page.csv: this is a web page or XML"},
		{"levels-twice.csv", "Level,Coding,Testing\nL1,a,b\nL1,c,d\n", `levels-twice.csv:1: the first column is headed "Level": levels are down the rows`},
		{"nothing.csv", "Competency,L1,L2\nCoding,,\n", "nothing.csv: no competencies with statements"},
		{"title.csv", "Just a title\n", "title.csv:1: no header row"},
	} {
		_, err := Import(c.name, []byte(c.data), Options{})
		var list problem.List
		if !errors.As(err, &list) || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: want one problem starting %q, got %v", c.name, c.want, err)
		}
	}
	if _, err := Import("x.csv", []byte("Competency,L1,L2\n"), Options{Sheet: "Ladder"}); err == nil || !strings.Contains(err.Error(), "--sheet") {
		t.Errorf("--sheet with CSV: %v", err)
	}
}

// A grid whose first two columns have no header: the category, then the competency.
func TestUnnamedCategoryAndCompetency(t *testing.T) {
	data := ",,Junior,Senior\nCraft,Coding,Writes code,Reviews code\n,Testing,Writes tests,Designs tests\nPeople,Mentoring,Asks for help,Mentors others\n"
	_, r := imported(t, "unnamed.csv", []byte(data), Options{})
	if c := r.Category("craft"); c == nil || len(c.Skills) != 2 || r.Category("people") == nil {
		t.Errorf("categories %+v", r.Categories)
	}
}

// Every rubric the import writes parses; a few odd but readable sheets.
func TestOddSheets(t *testing.T) {
	for name, data := range map[string]string{
		"semicolons.csv": "Competency;L1;L2\nCoding;Writes code;Reviews code\n",
		"tabs.csv":       "Competency\tL1\tL2\nCoding\tWrites code\tReviews code\n",
		"yaml-ish.csv":   "Competency,L1,L2\n\"- yes: no\",\"true\",\"#1: {x}\"\n",
		"dup-level.csv":  "Competency,L1,L1,L2\nCoding,Writes code,Tests it,Reviews code\n",
		"gaps.csv":       "Competency,E3,E5,E7\nCoding,a,b,c\n",
		"quotes.csv":     "Competency,L1,L2\n\"He said \"\"no\"\"\",\"a\\b\",\"\t\u2028xy\"\n",
	} {
		res, r := imported(t, name, []byte(data), Options{})
		if len(r.Roles) < 2 {
			t.Errorf("%s: roles %v", name, r.RoleIDs())
		}
		if name == "gaps.csv" && (r.Scale.Max != 3 || r.Role("e7").Short != "" || r.Role("e7").Level != 3 || !warned(res, "levels numbered 3–7")) {
			t.Errorf("%s: %+v %v", name, r.Role("e7"), res.Warnings)
		}
		if name == "dup-level.csv" && !warned(res, "levels merged") {
			t.Errorf("%s: %v", name, res.Warnings)
		}
	}
}

// Long rows as a framework app exports them: the level column under a name no word list
// knows, and a second column of statements (signals) after the first (expectations).
func TestLongRowsUnnamedLevelColumn(t *testing.T) {
	data := "Family,Competency,Rank,Expectation,Signals\n" +
		"Eng,Delivery,One,Ships a task with help,\"- Asks for review\n- Splits work\"\n" +
		"Eng,Delivery,Two,Ships a feature alone,- Estimates their work\n" +
		"Eng,Craft,One,Writes tests with help,\n" +
		"Eng,Craft,Two,Writes tests alone,- Fixes flaky tests\n"
	res, r := imported(t, "long.csv", []byte(data), Options{})
	if !slices.Equal(r.RoleIDs(), []string{"one", "two"}) {
		t.Fatalf("roles %v (the level column is C)", r.RoleIDs())
	}
	texts, _ := r.Choices(r.Question("delivery.1"))
	if texts[1] != "Ships a task with help · Asks for review · Splits work" {
		t.Errorf("delivery at One: %q (the signals follow the expectation)", texts[1])
	}
	if !warned(res, `long.csv:1: warning: column C ("Rank") read as the levels`) {
		t.Errorf("warnings: %v", res.Warnings)
	}
}

// A title typed above the header with no separator in it: the separator is the header's.
func TestSemicolonsBelowATitle(t *testing.T) {
	data := "Matrice de compétences\r\n" +
		"Compétence;Junior;Confirmé\r\n" +
		"Business case;Comprend les coûts;\"Élabore un business case, le défend\"\r\n"
	_, r := imported(t, "fr.csv", []byte(data), Options{})
	texts, _ := r.Choices(r.Question("business-case.1"))
	if !slices.Equal(r.RoleIDs(), []string{"junior", "confirme"}) || texts[2] != "Élabore un business case, le défend" {
		t.Errorf("roles %v, texts %q", r.RoleIDs(), texts)
	}
}

// Level names decorated with emoji lose them (terminals draw them at widths of their own);
// an IC and a manager's level that would share a short name ("L2") are told apart.
func TestLevelNamesAndTrackShorts(t *testing.T) {
	data := "Competency,Junior 👶,⭐ Expert,Senior-L2 (technical track),Senior-L2 (management track),Lead (technical track),Lead (management track)\n" +
		"Craft,Writes code,Designs parts,Owns the architecture,Plans capacity,Sets the vision,Shapes the organisation\n"
	_, r := imported(t, "ladder.csv", []byte(data), Options{})
	var names, shorts []string
	for _, id := range r.RoleIDs() {
		ro := r.Role(id)
		names, shorts = append(names, ro.Name), append(shorts, ro.Short)
	}
	if !slices.Equal(names[:2], []string{"Junior", "Expert"}) || !slices.Equal(r.Scale.Labels[:3], []string{"Not yet", "Junior", "Expert"}) {
		t.Errorf("names %q, labels %q", names, r.Scale.Labels)
	}
	if !slices.Equal(shorts, []string{"", "", "L2 IC", "L2 M", "Lead IC", "Lead M"}) {
		t.Errorf("shorts %q", shorts)
	}
}

// A ladder kept on its side: levels down the first column (headed as levels), the
// competencies across, an Experience column said of each level.
func TestLevelsDownTheRows(t *testing.T) {
	data := "Career level,Expectations,Experience\n" +
		"Engineer I,\"Fixes bugs\n\nWrites tests\",No experience needed\n" +
		"Engineer II,\"Ships features\n\nReviews code\",2 years\n" +
		"Senior Engineer,\"Leads projects\n\nMentors others\",5 years\n"
	res, r := imported(t, "down.csv", []byte(data), Options{})
	if !slices.Equal(r.RoleIDs(), []string{"engineer-i", "engineer-ii", "senior-engineer"}) {
		t.Fatalf("roles %v", r.RoleIDs())
	}
	texts, _ := r.Choices(r.Question("expectations.1"))
	if texts[2] != "Ships features · Reviews code" || r.Role("engineer-ii").Description != "Experience: 2 years" {
		t.Errorf("texts %q, description %q", texts, r.Role("engineer-ii").Description)
	}
	if !warned(res, `down.csv:1: warning: column A is headed "Career level": the levels are down the rows`) {
		t.Errorf("warnings %v", res.Warnings)
	}
}

// Numbered levels and people managers' levels without numbers (IC1 … IC4, Engineering
// Manager, Senior Manager): the managers in their order, the last beside the others'
// top, and the levels below the first manager's on every track.
func TestManagersWithoutNumbers(t *testing.T) {
	data := "Competency,Level 1 – Associate,Level 2 – Engineer,Level 3 – Senior,Level 4 – Staff,Engineering Manager,Senior Manager\n" +
		"Craft,Fixes bugs,Ships features,Leads projects,Sets direction,Runs a team,Runs several teams\n"
	res, r := imported(t, "mgr.csv", []byte(data), Options{})
	levels := map[string]int{}
	for _, id := range r.RoleIDs() {
		levels[id] = r.Role(id).Level
	}
	if levels["engineering-manager"] != 3 || levels["senior-manager"] != 4 || levels["level-4-staff"] != 4 {
		t.Errorf("levels %v", levels)
	}
	if ro := r.Role("level-2-engineer"); len(ro.Tracks) != 0 || !slices.Equal(ro.Next, []string{"level-3-senior", "engineering-manager"}) {
		t.Errorf("level 2: tracks %v, next %v", ro.Tracks, ro.Next)
	}
	if !warned(res, `"Engineering Manager" at 3, "Senior Manager" at 4`) {
		t.Errorf("warnings %v", res.Warnings)
	}
}

// Long rows whose statement column has a name no word list knows: the column of no known
// kind with the most text is the statements (not a grid whose levels are "Grade" and
// "Details"); a Track column puts levels on tracks.
func TestLongRowsUnnamedStatementColumn(t *testing.T) {
	data := "Track\tCompetency\tGrade\tDetails of the level\n" +
		"IC\tDelivery\tP1\tShips a small task with help from the team\n" +
		"IC\tDelivery\tP2\tShips a whole feature on their own, start to end\n" +
		"Manager\tDelivery\tM2\tRuns the delivery of a team of five people\n"
	res, r := imported(t, "long.tsv", []byte(data), Options{})
	if !slices.Equal(r.RoleIDs(), []string{"p1", "p2", "m2"}) || len(r.Tracks) != 2 || !slices.Equal(r.Role("m2").Tracks, []string{"management"}) {
		t.Fatalf("roles %v, tracks %v", r.RoleIDs(), r.Tracks)
	}
	if !warned(res, `long.tsv:1: warning: column D ("Details of the level") read as the statements`) {
		t.Errorf("warnings %v", res.Warnings)
	}
}
