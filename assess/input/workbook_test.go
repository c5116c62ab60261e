package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input/xlsxtest"
	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// The cells of a sheet, as tests write them: is an inline string, n a number; with a
// reference, or without one when ref is "".
func is(ref, text string) string {
	return `<c` + refAttr(ref) + ` t="inlineStr"><is><t>` + xlsxtest.Escape(text) + `</t></is></c>`
}
func n(ref, v string) string { return `<c` + refAttr(ref) + `><v>` + v + `</v></c>` }
func refAttr(ref string) string {
	if ref == "" {
		return ""
	}
	return ` r="` + ref + `"`
}

// row is a row element: r its number ("" for none), and its cells.
func row(r string, cells ...string) string {
	return `<row` + refAttr(r) + `>` + strings.Join(cells, "") + `</row>`
}

// header is the header row these tests use: a person and two questions.
var header = row("1", is("A1", "person"), is("B1", "data-fluency.1"), is("C1", "data-fluency.2"))

// bookRun is what a team review made of a workbook: who was read (person=first
// answer), the problems and the warnings.
type bookRun struct {
	people   []string
	problems string
	warnings []string
}

func (b bookRun) String() string {
	return fmt.Sprintf("people %q\nproblems:\n%s\nwarnings:\n%s", b.people, b.problems, strings.Join(b.warnings, "\n"))
}

// answerSink records each person with their answer to data-fluency.1.
type answerSink struct{ people []string }
type answerBatch struct {
	r      *rubric.Rubric
	people []string
}

func (s *answerSink) NewBatch() TeamBatch { return &answerBatch{r: defaultRubric} }
func (s *answerSink) Abort()              {}
func (s *answerSink) Close() error        { return nil }
func (s *answerSink) Commit(b TeamBatch) error {
	s.people = append(s.people, b.(*answerBatch).people...)
	return nil
}
func (b *answerBatch) Add(_ *assess.Scorer, a *assess.Answers) error {
	pos, _ := b.r.QuestionPos("data-fluency.1")
	v, ok := a.Lookup(pos)
	ans := "-"
	if ok {
		ans = v.String()
	}
	b.people = append(b.people, a.Person+"="+ans)
	return nil
}
func (b *answerBatch) Reset()      { b.people = b.people[:0] }
func (b *answerBatch) Seal() error { return nil }

var defaultRubric = func() *rubric.Rubric {
	r, err := rubric.Default()
	if err != nil {
		panic(err)
	}
	return r
}()

// review reads a file (named name, with data) in a team review.
func review(t *testing.T, name string, data []byte) bookRun {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	inputs, err := FindTeamInputs([]string{path}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var run bookRun
	sink := &answerSink{}
	rv := &Review{Rubric: defaultRubric, Workers: 1, Warn: func(msg string) { run.warnings = append(run.warnings, msg) }}
	err = rv.Run(inputs, sink)
	run.people = sink.people
	if err != nil {
		var list problem.List
		if !errors.As(err, &list) {
			t.Fatalf("not a problem list: %v", err)
		}
		run.problems = strings.ReplaceAll(err.Error(), filepath.Dir(path)+string(filepath.Separator), "")
	}
	for i, w := range run.warnings {
		run.warnings[i] = strings.ReplaceAll(w, filepath.Dir(path)+string(filepath.Separator), "")
	}
	return run
}

// wantProblem checks that a run failed with a problem containing each of parts.
func wantProblem(t *testing.T, run bookRun, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(run.problems, p) {
			t.Errorf("want a problem with %q; got\n%s", p, run)
		}
	}
}

// A workbook saved the way a spreadsheet saves a sheet reads as the same sheet saved as
// CSV: every person, every answer, every profile field.
func TestWorkbookReadsAsTheCSVSheet(t *testing.T) {
	r := defaultRubric
	var sheet bytes.Buffer
	if err := sheetgen.Write(&sheet, r, 300, 7); err != nil {
		t.Fatal(err)
	}
	var book bytes.Buffer
	if err := xlsxtest.FromCSV(&book, bytes.NewReader(sheet.Bytes())); err != nil {
		t.Fatal(err)
	}
	read := func(open func(string, io.Reader, *rubric.Rubric) (*SheetReader, error), data []byte) []string {
		sr, err := open("team", bytes.NewReader(data), r)
		if err != nil {
			t.Fatal(err)
		}
		defer sr.Close()
		var out []string
		a := assess.NewAnswers(r)
		for {
			_, err := sr.ReadInto(a)
			if errors.Is(err, io.EOF) {
				return out
			}
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(MarshalYAML(a, r)))
		}
	}
	fromCSV, fromBook := read(NewSheetReader, sheet.Bytes()), read(NewWorkbookReader, book.Bytes())
	if len(fromCSV) != 300 || !slices.Equal(fromCSV, fromBook) {
		t.Fatalf("%d people from CSV, %d from the workbook; first differing:\n%s", len(fromCSV), len(fromBook), firstDiff(fromCSV, fromBook))
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + "\n----\n" + b[i]
		}
	}
	return ""
}

// The TRUE/FALSE guard holds however the workbook points at its sheet: OOXML resolves a
// relationship's target relative to the part that names it, with "." and ".." and
// doubled slashes, escapes, and part names compared without case.
func TestWorkbookSheetPathForms(t *testing.T) {
	rows := header + row("2", is("A2", "Ada"), `<c r="B2" t="b"><v>1</v></c>`, n("C2", "3"))
	for _, form := range []struct{ target, path string }{
		{"worksheets/sheet1.xml", ""},
		{"./worksheets/sheet1.xml", ""},
		{"../xl/worksheets/sheet1.xml", ""},
		{"worksheets//sheet1.xml", ""},
		{"worksheets/./../worksheets/sheet1.xml", ""},
		{"/xl/worksheets/sheet1.xml", ""},
		{"Worksheets/SHEET1.xml", ""},
		{"worksheets/sheet%31.xml", ""},
		{"worksheets/data.xml", "xl/worksheets/data.xml"},
		{"worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml"},
		{"worksheets/sheet1.xml", `xl\worksheets\sheet1.xml`},
		{"../../../xl/worksheets/sheet1.xml", ""},
	} {
		t.Run(form.target+" "+form.path, func(t *testing.T) {
			book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: rows, Target: form.target, Path: form.path}}}
			run := review(t, "team.xlsx", book.Bytes())
			wantProblem(t, run, `team.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell, not a score`)
		})
	}
	// A sheet the relationships point at but that is not in the archive.
	book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: rows, Target: "worksheets/missing.xml"}}}
	wantProblem(t, review(t, "team.xlsx", book.Bytes()), `team.xlsx: the workbook is damaged (its sheet "Answers" is not in it)`)
}

// Every cell is classified, whether or not its row or the cell has a reference (valid
// OOXML: streaming writers leave them out): a boolean, an error, a formula without a
// stored result in an answer column is a problem at its cell, never a score or a blank.
func TestWorkbookCellKinds(t *testing.T) {
	bad := map[string]string{
		"boolean":          `<c%s t="b"><v>1</v></c>`,
		"boolean false":    `<c%s t="b"><v>0</v></c>`,
		"error":            `<c%s t="e"><v>#N/A</v></c>`,
		"formula":          `<c%s><f>1+2</f></c>`,
		"formula empty v":  `<c%s><f>1+2</f><v></v></c>`,
		"formula string":   `<c%s t="str"><f>A1</f></c>`,
		"shared formula":   `<c%s><f t="shared" si="0"/></c>`,
		"boolean formula":  `<c%s t="b"><f>TRUE()</f><v>1</v></c>`,
		"namespaced bool":  `<x:c%s t="b"><x:v>1</x:v></x:c>`,
		"boolean spaced":   `<c%s  t = "b" ><v> 1 </v></c>`,
		"boolean attr ' ":  `<c%s t='b'><v>1</v></c>`,
		"error, no value?": `<c%s t="e"><f>1/0</f><v>#DIV/0!</v></c>`,
	}
	want := map[string]string{
		"boolean": "a TRUE/FALSE cell", "boolean false": "a TRUE/FALSE cell", "error": "an error value", "formula": "a formula without a stored result",
		"formula empty v": "a formula without a stored result", "formula string": "a formula without a stored result",
		"shared formula": "a formula without a stored result", "boolean formula": "a TRUE/FALSE cell", "namespaced bool": "a TRUE/FALSE cell",
		"boolean spaced": "a TRUE/FALSE cell", "boolean attr ' ": "a TRUE/FALSE cell", "error, no value?": "an error value",
	}
	for name, form := range bad {
		for _, refs := range []string{"with r", "without r", "rows without r"} {
			t.Run(name+" "+refs, func(t *testing.T) {
				var rows string
				switch refs {
				case "with r":
					rows = header + row("2", is("A2", "Ada"), fmt.Sprintf(form, ` r="B2"`), n("C2", "3"))
				case "without r":
					rows = header + row("2", is("", "Ada"), fmt.Sprintf(form, ""), n("", "3"))
				default:
					rows = row("", is("", "person"), is("", "data-fluency.1"), is("", "data-fluency.2")) +
						row("", is("", "Ada"), fmt.Sprintf(form, ""), n("", "3"))
				}
				if strings.HasPrefix(name, "namespaced") {
					rows = strings.ReplaceAll(strings.ReplaceAll(rows, "<row", "<x:row"), "</row>", "</x:row>")
				}
				book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
					XML: xlsxtest.XMLHead + `<x:worksheet xmlns:x="` + xlsxtest.NSMain + `"><x:sheetData>` + rows + `</x:sheetData></x:worksheet>`}}}
				if !strings.HasPrefix(name, "namespaced") {
					book.Sheets[0].XML = ""
					book.Sheets[0].Rows = rows
				}
				run := review(t, "team.xlsx", book.Bytes())
				wantProblem(t, run, `team.xlsx:Answers!B2: column "data-fluency.1": `+want[name])
			})
		}
	}
	// The same kinds outside the answer columns: a formula with its result is its result;
	// a formula, a boolean or an error in a column of the spreadsheet's own is ignored.
	rows := row("1", is("A1", "person"), is("B1", "data-fluency.1"), is("C1", "notes"), is("D1", "more")) +
		row("2", is("A2", "Ada"), `<c r="B2"><f>1+2</f><v>3</v></c>`, `<c r="C2"><f>A2</f></c>`, `<c r="D2" t="b"><v>1</v></c>`) +
		row("3", `<c r="A3" t="str"><f>"Gr"&amp;"ace"</f><v>Grace</v></c>`, `<c r="B3" t="s"><v>0</v></c>`, `<c r="C3" t="e"><v>#REF!</v></c>`)
	book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: rows}}, Strings: []string{"na"}}
	run := review(t, "team.xlsx", book.Bytes())
	if run.problems != "" || !slices.Equal(run.people, []string{"Ada=3", "Grace=na"}) {
		t.Errorf("%s", run)
	}
}

// Rows and cells may leave their references out, or give some: each cell is where its
// reference says, else just after the one before it.
func TestWorkbookReferencesOptional(t *testing.T) {
	rows := row("", is("", "person"), is("", "data-fluency.1"), is("", "data-fluency.2")) +
		row("", is("", "Ada"), n("", "1"), n("", "2")) +
		row("5", is("", "Grace"), n("C5", "4")) + // B5 empty: unanswered
		row("", is("A6", "Linus"), n("", "5")) +
		`<row r="8" spans="1:3"/>` + // a row with no cells
		row("9", `<c r="A9" s="3"/>`, `<c r="B9" s="3"></c>`) // cells with a style and no value
	book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: rows}}}
	run := review(t, "team.xlsx", book.Bytes())
	if run.problems != "" || !slices.Equal(run.people, []string{"Ada=1", "Grace=-", "Linus=5"}) {
		t.Errorf("%s", run)
	}
	// A cell before the one read last, or a row before the row read last, is damage.
	for _, rows := range []string{
		header + row("2", is("B2", "Ada"), n("A2", "3")),
		header + row("3", is("A3", "Ada")) + row("2", is("A2", "Grace")),
		header + row("2", is("", "Ada"), n("B2", "3"), n("", "4"), n("C2", "5")),
	} {
		run := review(t, "team.xlsx", xlsxtest.OneSheet(rows))
		wantProblem(t, run, "the sheet is damaged (")
	}
}

// The visible sheet is read, not a stale first sheet someone hid; a hidden sheet only
// when it is named Answers, with a word; hidden rows are read, with a word.
func TestWorkbookHiddenSheetsAndRows(t *testing.T) {
	stale := header + row("2", is("A2", "Stale"), n("B2", "1"))
	fresh := header + row("2", is("A2", "Fresh"), n("B2", "5"))
	for _, state := range []string{"hidden", "veryHidden"} {
		book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Old", State: state, Rows: stale}, {Name: "Team", Rows: fresh}}}
		run := review(t, "team.xlsx", book.Bytes())
		if run.problems != "" || !slices.Equal(run.people, []string{"Fresh=5"}) || len(run.warnings) != 1 ||
			!strings.Contains(run.warnings[0], `team.xlsx: the first sheet, "Old", is `) || !strings.Contains(run.warnings[0], `read "Team", the first visible sheet, instead`) {
			t.Errorf("%s: %s", state, run)
		}
	}
	// Answers, hidden, is read: it is named.
	book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Team", Rows: stale}, {Name: "answers", State: "veryHidden", Rows: fresh}}}
	run := review(t, "team.xlsx", book.Bytes())
	if run.problems != "" || !slices.Equal(run.people, []string{"Fresh=5"}) || len(run.warnings) != 1 ||
		!strings.Contains(run.warnings[0], `the sheet "answers" is very hidden (only a macro shows it) in the workbook: it is read, as it is named Answers`) {
		t.Errorf("%s", run)
	}
	// Every sheet hidden; or no sheet of cells (a chart sheet named Answers).
	book = xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Team", State: "hidden", Rows: fresh}}}
	wantProblem(t, review(t, "team.xlsx", book.Bytes()), "team.xlsx: every sheet of the workbook is hidden: show the sheet with the answers, or name it Answers")
	book = xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Type: "chartsheet", XML: "<chartsheet/>"}, {Name: "Team", Rows: fresh}}}
	wantProblem(t, review(t, "team.xlsx", book.Bytes()), `the sheet "Answers" is a chart or a macro sheet`)

	// Hidden rows: one word for the first, one for how many more.
	rows := header + `<row r="2" hidden="1">` + is("A2", "Ada") + n("B2", "1") + `</row>` + row("3", is("A3", "Grace"), n("B3", "2")) +
		`<row r="4" hidden="true">` + is("A4", "Linus") + n("B4", "3") + `</row>` + `<row r="5" hidden="1">` + is("A5", "Ken") + n("B5", "4") + `</row>` +
		`<row r="6" hidden="1"/>`
	run = review(t, "team.xlsx", xlsxtest.OneSheet(rows))
	want := []string{
		"team.xlsx:Answers!A2: row 2 is hidden in the workbook: it is read and scored like the others (show hidden rows to see what is scored)",
		"team.xlsx: 2 more rows in sheet Answers are hidden too, read and scored like the others",
	}
	if run.problems != "" || len(run.people) != 4 || !slices.Equal(run.warnings, want) {
		t.Errorf("%s", run)
	}
}

// memoryAndTime runs fn and returns the bytes it allocated and how long it took.
func memoryAndTime(fn func()) (uint64, time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	fn()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, took
}

// A shared-strings table with millions of strings in a small workbook is refused at
// once: as a zip bomb when it unpacks far beyond what compression honestly does, else
// because its sheets have no cells for so many strings; both in little time and memory.
func TestWorkbookSharedStringBombs(t *testing.T) {
	sheet := header + row("2", is("A2", "Ada"), n("B2", "3"))
	// 5,000,000 empty strings: 80 MB of XML in a workbook of a few hundred kilobytes.
	bomb := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: sheet}},
		StringsRepeat: &xlsxtest.Repeated{Head: xlsxtest.XMLHead + `<sst xmlns="` + xlsxtest.NSMain + `">`, Chunk: "<si><t></t></si>", Times: 5_000_000, Tail: "</sst>"}}.Bytes()
	// 300,000 distinct strings, compressing as text does: more than the sheet has cells for.
	var many []string
	for i := range 300_000 {
		many = append(many, fmt.Sprintf("string %d", i*7919))
	}
	count := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: sheet}}, Strings: many}.Bytes()
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"bomb", bomb, `team.xlsx: a zip bomb (its part "xl/sharedStrings.xml" unpacks to 76.3 MiB`},
		{"count", count, "team.xlsx: the workbook's shared strings number more than its sheets have cells for (65536)"},
	} {
		var run bookRun
		mem, took := memoryAndTime(func() { run = review(t, "team.xlsx", c.data) })
		wantProblem(t, run, c.want)
		t.Logf("%s (%d KiB): %v, %d KiB allocated", c.name, len(c.data)>>10, took, mem>>10)
		if took > 5*time.Second || mem > 64<<20 {
			t.Errorf("%s: %v and %d MiB allocated", c.name, took, mem>>20)
		}
	}
}

// Rows are bounded by what a sheet holds: a million empty rows and one more is refused
// where the sheet ends; gigabytes of rows are a zip bomb, refused before any is read.
func TestWorkbookRowBombs(t *testing.T) {
	head := xlsxtest.SheetHead + header
	rows := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
		Repeat: &xlsxtest.Repeated{Head: head, Chunk: "<row/>", Times: maxSheetRows, Tail: xlsxtest.SheetTail}}}}.Bytes()
	fat := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
		Repeat: &xlsxtest.Repeated{Head: head, Chunk: "<row>" + strings.Repeat(" ", 894) + "</row>", Times: 1_000_000, Tail: xlsxtest.SheetTail}}}}.Bytes()
	wide := xlsxtest.OneSheet(header + strings.Repeat(row("", n("XFD1", "1")), 20_000)) // each row's cell far past the header
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"rows", rows, "team.xlsx:Answers!A1048576: the sheet has rows past row 1048576, the last a sheet holds"},
		{"fat rows", fat, `team.xlsx: a zip bomb (its part "xl/worksheets/sheet1.xml" unpacks to 863.1 MiB`},
		{"wide rows", wide, "team.xlsx:Answers!A3: row has 1027 cells, the header has 3"},
	} {
		var run bookRun
		mem, took := memoryAndTime(func() { run = review(t, "team.xlsx", c.data) })
		wantProblem(t, run, c.want)
		t.Logf("%s (%d KiB): %v, %d KiB allocated", c.name, len(c.data)>>10, took, mem>>10)
		if took > 5*time.Second || mem > 64<<20 {
			t.Errorf("%s: %v and %d MiB allocated", c.name, took, mem>>20)
		}
	}
}

// A file that is not a workbook is named for what it is, with what to do.
func TestWorkbookFileKinds(t *testing.T) {
	sheet := xlsxtest.OneSheet(header + row("2", is("A2", "Ada"), n("B2", "3")))
	macro := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: header}},
		WorkbookType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml"}.Bytes()
	binary := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: header}},
		WorkbookType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main"}.Bytes()
	huge := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
		Repeat: &xlsxtest.Repeated{Head: xlsxtest.SheetHead, Chunk: strings.Repeat(" ", 1000), Times: 1 << 20, Tail: xlsxtest.SheetTail}}}}.Bytes()
	docx := xlsxtest.Zip(xlsxtest.Part{Name: "[Content_Types].xml", Body: "<Types/>"}, xlsxtest.Part{Name: "word/document.xml", Body: "<document/>"})
	ods := xlsxtest.Zip(xlsxtest.Part{Name: "mimetype", Body: "application/vnd.oasis.opendocument.spreadsheet", Stored: true}, xlsxtest.Part{Name: "content.xml", Body: "<x/>"})
	dup := xlsxtest.Zip(xlsxtest.Part{Name: "xl/workbook.xml", Body: "<workbook/>"}, xlsxtest.Part{Name: "XL/Workbook.xml", Body: "<workbook/>"})
	many := make([]xlsxtest.Part, maxParts+1)
	for i := range many {
		many[i] = xlsxtest.Part{Name: fmt.Sprintf("p%d", i), Stored: true}
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"team.xlsx", huge, `team.xlsx: a zip bomb (its part "xl/worksheets/sheet1.xml" unpacks to 1000.0 MiB, `},
		{"team.xlsx", []byte("person,assessor,data-fluency.1\nAda,self,3\n"), `team.xlsx: this is CSV text, not an .xlsx workbook: name it "team.csv" and it is read as a CSV sheet`},
		{"team.xlsx", []byte("\ufeffperson;assessor\n"), `team.xlsx: this is CSV text, not an .xlsx workbook`},
		{"team.xlsx", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), `team.xlsx: an empty zip archive, not a workbook: save it from the spreadsheet as "Excel Workbook (.xlsx)"`},
		{"team.xlsx", xlsxtest.Zip(), "team.xlsx: an empty zip archive, not a workbook"},
		{"team.xlsx", nil, "team.xlsx: an empty file, not a workbook"},
		{"team.xlsx", xlsxtest.OLE2("Workbook"), `team.xlsx: an old Excel 97–2003 workbook (.xls), which is not read: save it from the spreadsheet as "Excel Workbook (.xlsx)"`},
		{"team.xls", xlsxtest.OLE2("Workbook"), `team.xls: an old Excel 97–2003 workbook (.xls), which is not read`},
		{"team.xlsx", xlsxtest.OLE2("EncryptedPackage"), "team.xlsx: a password-protected workbook, which pmladder cannot open: save a copy without the password"},
		{"team.xlsx", xlsxtest.OLE2("WordDocument"), "team.xlsx: an Office 97–2003 file, not a workbook"},
		{"team.xlsm", macro, `team.xlsm: a macro-enabled workbook (.xlsm) is not read: save it from the spreadsheet as "Excel Workbook (.xlsx)"`},
		{"team.xlsx", macro, `team.xlsx: a macro-enabled workbook (.xlsm) is not read`},
		{"team.xlsb", binary, `team.xlsb: a binary workbook (.xlsb) is not read`},
		{"team.xlsx", docx, "team.xlsx: a Word document, not a workbook"},
		{"team.ods", ods, "team.ods: an OpenDocument file (.ods), which is not read"},
		{"team.xlsx", xlsxtest.Zip(xlsxtest.Part{Name: "hello.txt", Body: "hi"}), "team.xlsx: a zip archive without a workbook in it"},
		{"team.xlsx", sheet[:len(sheet)/2], "team.xlsx: not a readable zip archive (damaged, or cut short in a download or a copy)"},
		{"team.xlsx", dup, `team.xlsx: the workbook is damaged (two of its parts are named "XL/Workbook.xml")`},
		{"team.xlsx", xlsxtest.Zip(many...), "team.xlsx: a zip archive of more than 10000 files, far more than any workbook has: not read"},
		{"team.xlsx", []byte("<html><body><table><tr><td>person</td></tr></table></body></html>"), "team.xlsx: a web page (HTML), not an .xlsx workbook"},
		{"team.xlsx", []byte{0, 1, 2, 3, 0xff}, "team.xlsx: not an .xlsx workbook (not a zip archive, nor text)"},
	} {
		var run bookRun
		_, took := memoryAndTime(func() { run = review(t, c.name, c.data) })
		if !strings.HasPrefix(run.problems, c.want) || strings.Contains(run.problems, "\n") {
			t.Errorf("%s: want one problem starting %q; got\n%s", c.name, c.want, run)
		}
		if took > 5*time.Second {
			t.Errorf("%s: %v", c.want, took)
		}
	}
	// A workbook saved under a .csv name is read as the workbook it is.
	if run := review(t, "team.csv", sheet); run.problems != "" || !slices.Equal(run.people, []string{"Ada=3"}) {
		t.Errorf("a workbook named .csv: %s", run)
	}
}

// A folder says which spreadsheets it skips and why.
func TestFolderSaysWhatItSkips(t *testing.T) {
	paths := writeFiles(t, map[string]string{"r/old.xls": "x", "r/macro.XLSM": "x", "r/b.xlsb": "x", "r/c.ods": "x", "r/team.csv": "person\n", "r/notes.txt": "x"})
	dir := filepath.Dir(paths["r/old.xls"])
	var warned []string
	inputs, err := FindTeamInputs([]string{dir}, func(msg string) { warned = append(warned, strings.TrimPrefix(msg, dir+string(filepath.Separator))) })
	if err != nil || len(inputs) != 1 {
		t.Fatal(inputs, err)
	}
	slices.Sort(warned)
	for i, w := range warned {
		warned[i] = strings.ReplaceAll(w, dir+string(filepath.Separator), "")
	}
	want := []string{
		`skipping b.xlsb: a binary workbook is not read: save it from the spreadsheet as "Excel Workbook (.xlsx)"`,
		`skipping c.ods: an OpenDocument spreadsheet is not read: save it from the spreadsheet as "Excel Workbook (.xlsx)"`,
		`skipping macro.XLSM: a macro-enabled workbook is not read: save it from the spreadsheet as "Excel Workbook (.xlsx)"`,
		`skipping old.xls: an old Excel 97–2003 workbook is not read: save it from the spreadsheet as "Excel Workbook (.xlsx)"`,
	}
	if !slices.Equal(warned, want) {
		t.Errorf("got %q", warned)
	}
}

// A workbook on stdin is copied to a temporary file, which is gone while it is read and
// after.
func TestWorkbookOnStdinLeavesNoFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	data := xlsxtest.OneSheet(header + row("2", is("A2", "Ada"), n("B2", "3")))
	sr, err := NewWorkbookReader("stdin", io.MultiReader(bytes.NewReader(data)), defaultRubric)
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("while reading: %v", left)
	}
	a := assess.NewAnswers(defaultRubric)
	if _, err := sr.ReadInto(a); err != nil || a.Person != "Ada" {
		t.Fatal(a.Person, err)
	}
	sr.Close()
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("after: %v", left)
	}
	// And in a review, told by its first bytes.
	var run bookRun
	sink := &answerSink{}
	rv := &Review{Rubric: defaultRubric, Workers: 1, Stdin: bytes.NewReader(data), Warn: func(msg string) { run.warnings = append(run.warnings, msg) }}
	if err := rv.Run([]TeamInput{{Path: "-"}}, sink); err != nil || !slices.Equal(sink.people, []string{"Ada=3"}) {
		t.Errorf("%v %q", err, sink.people)
	}
	rv.Stdin = bytes.NewReader(xlsxtest.OLE2("Workbook"))
	err = rv.Run([]TeamInput{{Path: "-"}}, &answerSink{})
	if err == nil || !strings.HasPrefix(err.Error(), "stdin: an old Excel 97–2003 workbook (.xls), which is not read") {
		t.Errorf("an .xls on stdin: %v", err)
	}
}

// Text in cells: shared strings with rich runs and a phonetic guide, escapes, CDATA,
// references, comments; dates as day counts, as ISO text (t="d") and in the 1904 system.
func TestWorkbookCellText(t *testing.T) {
	rows := row("1", is("A1", "person"), is("B1", "data-fluency.1"), is("C1", "date")) +
		row("2", `<c r="A2" t="s"><v>0</v></c>`, `<c r="B2" t="s"><v> 1 </v></c>`, n("C2", "46346")) +
		row("3", `<c r="A3" t="inlineStr"><is><r><t>Gr</t></r><r><rPr><b/></rPr><t xml:space="preserve">ace</t></r><rPh><t>グ</t></rPh></is></c>`,
			`<c r="B3" t="str"><v><![CDATA[4]]></v></c>`, `<c r="C3" t="d"><v>2026-11-21T00:00:00Z</v></c>`) +
		row("4", `<c r="A4" t="inlineStr"><is><t>K&amp;R &#x263A;_x0041_</t></is></c>`, `<!-- a comment --><c r="B4"><v>5<!-- here too --></v></c>`, n("C4", "46346.5"))
	book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: rows}},
		Strings: []string{`<si><r><t>Ada </t></r><r><t>Lovelace</t></r><rPh sb="0" eb="1"><t>エイダ</t></rPh></si>`, "3"}}
	r := defaultRubric
	read := func(data []byte) []string {
		sr, err := NewWorkbookReader("team.xlsx", bytes.NewReader(data), r)
		if err != nil {
			t.Fatal(err)
		}
		defer sr.Close()
		var got []string
		a := assess.NewAnswers(r)
		for {
			_, err := sr.ReadInto(a)
			if errors.Is(err, io.EOF) {
				return got
			}
			if err != nil {
				t.Fatal(err)
			}
			pos, _ := r.QuestionPos("data-fluency.1")
			v, _ := a.Lookup(pos)
			got = append(got, fmt.Sprintf("%s|%v|%s", a.Person, v, a.Date.Format(time.RFC3339)))
		}
	}
	want := []string{"Ada Lovelace|3|2026-11-20T00:00:00Z", "Grace|4|2026-11-21T00:00:00Z", "K&R ☺A|5|2026-11-20T12:00:00Z"}
	if got := read(book.Bytes()); !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	book.Date1904 = true
	if got := read(book.Bytes()); got[0] != "Ada Lovelace|3|2030-11-21T00:00:00Z" {
		t.Errorf("1904: %q", got)
	}
}

// excelTime reads day counts as excelize did, to the second, from the first days of
// 1900 (with Excel's 29 February) to the last of 9999.
func TestExcelTime(t *testing.T) {
	for _, c := range []struct {
		serial float64
		d1904  bool
		want   string
	}{
		{1, false, "1900-01-01T00:00:00Z"},
		{59, false, "1900-02-28T00:00:00Z"},
		{60, false, "1900-02-28T00:00:00Z"},
		{61, false, "1900-03-01T00:00:00Z"},
		{46346, false, "2026-11-20T00:00:00Z"},
		{46346.75, false, "2026-11-20T18:00:00Z"},
		{46346.99998, false, "2026-11-20T23:59:58Z"},
		{46346.999999, false, "2026-11-21T00:00:00Z"},
		{1, true, "1904-01-02T00:00:00Z"},
		{2958465, false, "9999-12-31T00:00:00Z"},
	} {
		if got := excelTime(c.serial, c.d1904).Format(time.RFC3339); got != c.want {
			t.Errorf("%v (1904: %v): %s, want %s", c.serial, c.d1904, got, c.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200_000 {
		serial := 1 + rng.Float64()*2958464
		if i%3 == 0 {
			serial = 1 + rng.Float64()*70 // the first days, read another way
		}
		for _, d1904 := range []bool{false, true} {
			want, err := excelize.ExcelDateToTime(serial, d1904)
			if got := excelTime(serial, d1904); err != nil || !got.Truncate(time.Second).Equal(want.Truncate(time.Second)) {
				t.Fatalf("%v (1904: %v): %v, excelize %v", serial, d1904, got, want)
			}
		}
	}
}
