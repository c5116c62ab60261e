//go:build unix

package cmd

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input/xlsxtest"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/rubric"
)

// The third round of bad inputs (issue 22, "Your data is safe, round 3"), as a tester
// tried them: the store's files and folders as links, misattribution on resume, workbooks
// that are not what they seem, messages on huge or hostile files, settings from the
// environment, one file compared with itself. Each is a case of TestBadInput, rerun with
// the others; docs/safety.md tables them by kind.

// round3Secret is what the file outside the store holds: no message may print it.
const round3Secret = "root:x:0:0:the secret outside the store"

// round3Files writes the third round's inputs into dir: stores (data directories) with
// links where their files and folders should be, drafts to resume, workbooks, huge
// one-line files.
func round3Files(t *testing.T, dir string) {
	t.Helper()
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	write := func(path string, data []byte) {
		t.Helper()
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, path string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.Symlink(target, path); err != nil {
			t.Fatal(err)
		}
	}
	write(p("passwd"), []byte(round3Secret+"\n"))
	ada := func(assessor assess.Assessor, rater string, day int) *assess.Answers {
		a := assess.NewAnswers(r)
		a.Person, a.Assessor, a.Rater = "Ada Lovelace", assessor, rater
		a.Date = time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC)
		a.Set("data-fluency.1", assess.Answer{Score: 3})
		return a
	}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	const saved = "20261201T090000Z_ada-lovelace_self.yaml"

	// store-ok: two self-assessments, a self draft. store-mgr: Morgan's draft of Ada.
	ok := &store.Store{Dir: p("store-ok")}
	for _, day := range []int{1, 20} {
		if _, _, err := ok.SaveAssessment(ada(assess.Self, "", day), r, now); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ok.SaveDraft("", ada(assess.Self, "", 25), r, now); err != nil {
		t.Fatal(err)
	}
	mgr := &store.Store{Dir: p("store-mgr")}
	if _, err := mgr.SaveDraft("", ada(assess.Manager, "Morgan Reyes", 25), r, now); err != nil {
		t.Fatal(err)
	}
	// store-link: the assessment, the draft and the plan, each a link to the file outside.
	link(p("passwd"), p("store-link", "assessments", saved))
	link(p("passwd"), p("store-link", "drafts", saved))
	link(p("passwd"), p("store-link", "plans", "ada-lovelace.yaml"))
	// store-etc: the assessment a link to /etc/passwd (a real secret: printed, it would show).
	link("/etc/passwd", p("store-etc", "assessments", saved))
	// store-dirs: each folder of the store a link to a folder of good files outside.
	good := &store.Store{Dir: p("elsewhere")}
	good.SaveAssessment(ada(assess.Self, "", 1), r, now)
	good.SaveDraft("", ada(assess.Self, "", 2), r, now)
	for _, f := range []string{"assessments", "drafts", "plans"} {
		link(p("elsewhere", f), p("store-dirs", f))
	}
	// store-file: the store's folders are files.
	for _, f := range []string{"assessments", "drafts", "plans"} {
		write(p("store-file", f), []byte("not a folder\n"))
	}
	// store-big: an assessment of 2 MB on one line; store-bin: one of binary bytes.
	write(p("store-big", "assessments", saved), []byte(strings.Repeat("A", 2<<20)))
	write(p("store-bin", "assessments", saved), []byte("\x00\x01\xff\xfe"+strings.Repeat("\x1b[31m", 100)))
	write(p("store-dangling", "x"), nil)
	link(p("nowhere"), p("store-dangling", "assessments", saved))

	// Huge one-line files the user names.
	line := strings.Repeat("x", 2<<20)
	write(p("oneline.yaml"), []byte(line))
	write(p("oneline-key.yaml"), []byte("format: pmladder-answers/v1\nanswers: {"+line+": 3}\n"))
	write(p("oneline.csv"), []byte("person,"+line+"\nAda,3\n"))
	write(p("oneline-rubric.yaml"), []byte("format: pmladder-rubric/v1\nname: "+line+"\n"))
	write(p("oneline-config.yaml"), []byte("format: "+line+"\n"))
	write(p("ada-self.yaml"), []byte("format: pmladder-answers/v1\nperson: Ada Lovelace\ndate: 2026-11-01\nanswers: {data-fluency.1: 3}\n"))
	write(p("ada-later.yaml"), []byte("format: pmladder-answers/v1\nperson: Ada Lovelace\ndate: 2026-11-20\nanswers: {data-fluency.1: 4}\n"))
	link("ada-self.yaml", p("ada-link.yaml"))

	// Workbooks.
	cell := func(ref, text string) string {
		return `<c` + ref + ` t="inlineStr"><is><t>` + xlsxtest.Escape(text) + `</t></is></c>`
	}
	header := `<row r="1">` + cell(` r="A1"`, "person") + cell(` r="B1"`, "data-fluency.1") + `</row>`
	bad := func(c string) string { return header + `<row r="2">` + cell(` r="A2"`, "Ada") + c + `</row>` }
	book := func(name string, b xlsxtest.Book) { write(p(name), b.Bytes()) }
	one := func(rows string) xlsxtest.Book {
		return xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: rows}}}
	}
	for i, target := range []string{"./worksheets/sheet1.xml", "../xl/worksheets/sheet1.xml", "worksheets//sheet1.xml", "/xl/worksheets/sheet1.xml", "worksheets/sheet%31.xml"} {
		b := one(bad(`<c r="B2" t="b"><v>1</v></c>`))
		b.Sheets[0].Target = target
		book(fmt.Sprintf("path-%d.xlsx", i), b)
	}
	book("bool-r.xlsx", one(bad(`<c r="B2" t="b"><v>1</v></c>`)))
	book("bool-nor.xlsx", one(`<row>`+cell("", "person")+cell("", "data-fluency.1")+`</row><row>`+cell("", "Ada")+`<c t="b"><v>1</v></c></row>`))
	book("error.xlsx", one(bad(`<c r="B2" t="e"><v>#N/A</v></c>`)))
	book("formula.xlsx", one(bad(`<c r="B2"><f>1+2</f></c>`)))
	book("formula-str.xlsx", one(bad(`<c r="B2" t="str"><f>A1</f></c>`)))
	book("shared-formula.xlsx", one(bad(`<c r="B2"><f t="shared" si="0"/></c>`)))
	stale := header + `<row r="2">` + cell(` r="A2"`, "Stale") + `<c r="B2"><v>1</v></c></row>`
	fresh := bad(`<c r="B2"><v>9</v></c>`)
	book("very-hidden.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Old", State: "veryHidden", Rows: stale}, {Name: "Team", Rows: fresh}}})
	book("hidden.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Old", State: "hidden", Rows: stale}, {Name: "Team", Rows: fresh}}})
	book("all-hidden.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Team", State: "hidden", Rows: stale}}})
	book("hidden-row.xlsx", one(header+`<row r="2" hidden="1">`+cell(` r="A2"`, "Ada")+`<c r="B2"><v>9</v></c></row>`))
	book("sst-bomb.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: bad(`<c r="B2"><v>3</v></c>`)}},
		StringsRepeat: &xlsxtest.Repeated{Head: xlsxtest.XMLHead + `<sst xmlns="` + xlsxtest.NSMain + `">`, Chunk: "<si><t></t></si>", Times: 5_000_000, Tail: "</sst>"}})
	many := make([]string, 70_000)
	for i := range many {
		many[i] = fmt.Sprintf("s%d", i*7919)
	}
	book("sst-count.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: bad(`<c r="B2"><v>3</v></c>`)}}, Strings: many})
	book("row-bomb.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
		Repeat: &xlsxtest.Repeated{Head: xlsxtest.SheetHead + header, Chunk: "<row/>", Times: 1 << 20, Tail: xlsxtest.SheetTail}}}})
	book("zip-bomb.xlsx", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
		Repeat: &xlsxtest.Repeated{Head: xlsxtest.SheetHead, Chunk: strings.Repeat(" ", 1000), Times: 1 << 20, Tail: xlsxtest.SheetTail}}}})
	write(p("csv-named.xlsx"), []byte("person,data-fluency.1\nAda,3\n"))
	write(p("empty-zip.xlsx"), xlsxtest.Zip())
	write(p("empty.xlsx"), nil)
	write(p("old.xls"), xlsxtest.OLE2("Workbook"))
	write(p("old-named.xlsx"), xlsxtest.OLE2("Workbook"))
	write(p("locked.xlsx"), xlsxtest.OLE2("EncryptedPackage"))
	book("macro.xlsm", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: header}}, WorkbookType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml"})
	book("binary.xlsb", xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: header}}, WorkbookType: "application/vnd.ms-excel.sheet.binary.macroEnabled.main"})
	write(p("sheet.ods"), xlsxtest.Zip(xlsxtest.Part{Name: "mimetype", Body: "application/vnd.oasis.opendocument.spreadsheet", Stored: true}, xlsxtest.Part{Name: "content.xml", Body: "<x/>"}))
	write(p("page.xlsx"), []byte("<html><body><table><tr><td>person</td></tr></table></body></html>"))
	write(p("word.xlsx"), xlsxtest.Zip(xlsxtest.Part{Name: "[Content_Types].xml", Body: "<Types/>"}, xlsxtest.Part{Name: "word/document.xml", Body: "<document/>"}))
	whole := one(bad(`<c r="B2"><v>3</v></c>`)).Bytes()
	write(p("cut.xlsx"), whole[:len(whole)/2])
	write(p("no-book.xlsx"), xlsxtest.Zip(xlsxtest.Part{Name: "hello.txt", Body: "hi"}))
	write(p("binary.xlsx"), []byte{0, 1, 2, 3, 0xff})
	// Folders: only files pmladder does not read; those beside a bad sheet.
	for _, f := range []string{"old.xls", "macro.XLSM", "b.xlsb", "c.ods", "notes.txt"} {
		write(p("folder-skipped", f), []byte("x"))
	}
	write(p("folder-bad", "old.xls"), xlsxtest.OLE2("Workbook"))
	write(p("folder-bad", "team.xlsx"), one(bad(`<c r="B2" t="b"><v>1</v></c>`)).Bytes())
}

// round3Cases are the third round's cases of TestBadInput, on round3Files.
func round3Cases(dir string) []badCase {
	p := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }
	data := func(store string, args ...string) []string { return append([]string{"--data-dir", p(store)}, args...) }
	const saved = "20261201T090000Z_ada-lovelace_self.yaml"
	const link = `: a symbolic link, not a file pmladder made: it is never read or written through \(move it out of the data directory\)$`
	const folder = `: a symbolic link, not a folder pmladder made`
	const latestOK = "20261120T090000Z_ada-lovelace_self.yaml" // store-ok's latest
	return []badCase{
		// The store: links where its files are.
		{name: "latest a link", args: data("store-link", "report"), code: 1, msg: `.*assessments/` + saved + link},
		{name: "report NAME a link", args: data("store-link", "report", saved), code: 1, msg: `.*assessments/` + saved + link},
		{name: "report a path to a link in the store", args: data("store-link", "report", p("store-link", "assessments", saved)), code: 1, msg: `.*assessments/` + saved + link},
		{name: "compare NAME a link", args: data("store-link", "compare", saved, p("ada-self.yaml")), code: 1, msg: `.*assessments/` + saved + link},
		{name: "compare latest a link", args: data("store-link", "compare", p("ada-self.yaml"), "latest"), code: 1, msg: `.*assessments/` + saved + link},
		{name: "plan new from latest a link", args: data("store-link", "plan", "new"), code: 1, msg: `.*assessments/` + saved + link},
		{name: "plan new --from NAME a link", args: data("store-link", "plan", "new", "--from", saved), code: 1, msg: `.*assessments/` + saved + link},
		{name: "plan new over a plan a link", args: data("store-link", "plan", "new", "--from", p("ada-self.yaml")), code: 1, msg: `.*plans/ada-lovelace.yaml` + link},
		{name: "plan new --force over a link", args: data("store-link", "plan", "new", "--force", "--from", p("ada-self.yaml")), code: 1, msg: `.*plans/ada-lovelace.yaml` + link},
		{name: "plan show a link", args: data("store-link", "plan", "show", "--person", "Ada Lovelace"), code: 1, msg: `.*plans/ada-lovelace.yaml` + link},
		{name: "plan status a link", args: data("store-link", "plan", "status", "--person", "Ada Lovelace"), code: 1, msg: `.*plans/ada-lovelace.yaml` + link},
		{name: "resume a draft a link", args: data("store-link", "assess", "--resume"), code: 1, msg: `.*drafts/` + saved + link},
		{name: "trend a link", args: data("store-link", "history", "--trend"), code: 1, msg: `.*assessments/` + saved + link},
		{name: "latest a link to /etc/passwd", args: data("store-etc", "report"), code: 1, msg: `.*assessments/` + saved + link},
		{name: "NAME a link to /etc/passwd", args: data("store-etc", "report", saved, "--format", "json"), code: 1, msg: `.*assessments/` + saved + link},
		{name: "latest a dangling link", args: data("store-dangling", "report"), code: 1, msg: `.*assessments/` + saved + link},
		// The store: its folders links or files.
		{name: "assessments a link", args: data("store-dirs", "report"), code: 1, msg: `.*assessments` + folder},
		{name: "drafts a link", args: data("store-dirs", "assess", "--resume"), code: 1, msg: `.*drafts` + folder},
		{name: "plans a link", args: data("store-dirs", "plan", "show", "--person", "Ada Lovelace"), code: 1, msg: `.*plans` + folder},
		{name: "history, assessments a link", args: data("store-dirs", "history"), code: 1, msg: `.*assessments` + folder},
		{name: "save into assessments a link", args: data("store-dirs", "assess", "--answers", p("ada-self.yaml"), "--save"), code: 1, msg: `.*assessments` + folder},
		{name: "plan new into plans a link", args: data("store-dirs", "plan", "new", "--from", p("ada-self.yaml")), code: 1, msg: `.*plans` + folder},
		{name: "NAME, assessments a link", args: data("store-dirs", "report", "20261101T090000Z_ada-lovelace_self.yaml"), code: 1, msg: `cannot read answers: open 20261101T090000Z_ada-lovelace_self.yaml: no such file`},
		{name: "assessments a file", args: data("store-file", "report"), code: 1, msg: `.*assessments: a file, not a folder pmladder made`},
		{name: "drafts a file", args: data("store-file", "assess", "--resume"), code: 1, msg: `.*drafts: a file, not a folder pmladder made`},
		{name: "plans a file", args: data("store-file", "plan", "show", "--person", "Ada"), code: 1, msg: `.*plans: a file, not a folder pmladder made`},
		{name: "save into assessments a file", args: data("store-file", "assess", "--answers", p("ada-self.yaml"), "--save"), code: 1, msg: `.*assessments: a file, not a folder pmladder made`},
		{name: "data dir in a file", args: data("passwd/sub", "assess", "--answers", p("ada-self.yaml"), "--save"), code: 1, msg: `cannot save the assessment: cannot use the data directory .*passwd/sub: it is not a folder`},
		{name: "data dir a file", args: data("passwd", "report"), code: 1, msg: `cannot use the data directory .*passwd: it is not a folder \(set --data-dir, PMLADDER_DATA_DIR or data_dir to a folder\)$`},
		// The store: files that are not answers.
		{name: "a 2 MB one-line assessment by NAME", args: data("store-big", "report", saved), code: 2, msg: `.*store-big/assessments/20261201T090000Z_ada-lovelace_self.yaml:1: want answers .*found "A{40}"…$`},
		{name: "a 2 MB one-line assessment as latest", args: data("store-big", "report"), code: 1, msg: `no saved assessment in .*store-big/assessments$`},
		{name: "a binary assessment by NAME", args: data("store-bin", "report", saved), code: 2, msg: `.*store-bin/assessments/20261201T090000Z_ada-lovelace_self.yaml:1: not UTF-8 text: want answers`},
		// Misattribution on resume.
		{name: "resume self as a manager", args: data("store-ok", "assess", "--resume", "--assessor", "manager"), code: 2, msg: `--assessor manager: the draft .*drafts/20261201T090000Z_ada-lovelace_self.yaml is a self-assessment, and a resumed interview keeps who answers \(leave out --assessor, or start a new interview without --resume\)$`},
		{name: "resume self with a rater", args: data("store-ok", "assess", "--resume", "--rater", "Boss"), code: 2, msg: `--rater "Boss": the draft .* is a self-assessment with no rater, and a resumed interview keeps who rates`},
		{name: "resume a manager's as self", args: data("store-mgr", "assess", "--resume", "--assessor", "self"), code: 2, msg: `--assessor self: the draft .*_ada-lovelace_manager.yaml is a manager's assessment, and a resumed interview keeps who answers`},
		{name: "resume a manager's as a peer", args: data("store-mgr", "assess", "--resume", "--assessor", "peer"), code: 2, msg: `--assessor peer: the draft .* is a manager's assessment`},
		{name: "resume Morgan's as Kim's", args: data("store-mgr", "assess", "--resume", "--rater", "Kim"), code: 2, msg: `--rater "Kim": the draft .* is rated by "Morgan Reyes", and a resumed interview keeps who rates`},
		// compare: one file however named.
		{name: "compare latest latest", args: data("store-ok", "compare", "latest", "latest"), code: 2, msg: `latest and latest are the same file: compare different assessments$`},
		{name: "compare NAME latest", args: data("store-ok", "compare", latestOK, "latest"), code: 2, msg: `20261120T090000Z_ada-lovelace_self.yaml and latest are the same file`},
		{name: "compare a path and latest", args: data("store-ok", "compare", p("store-ok", "assessments", latestOK), "latest"), code: 2, msg: `.*20261120T090000Z_ada-lovelace_self.yaml and latest are the same file`},
		{name: "compare NAME and its path", args: data("store-ok", "compare", latestOK, p("store-ok", "assessments", latestOK)), code: 2, msg: `20261120T090000Z_ada-lovelace_self.yaml and .*assessments/20261120T090000Z_ada-lovelace_self.yaml are the same file`},
		{name: "compare a file and a link to it", args: []string{"compare", p("ada-self.yaml"), p("ada-link.yaml")}, code: 2, msg: `.*ada-self.yaml and .*ada-link.yaml are the same file`},
		{name: "compare a file, dir/../file", args: []string{"compare", p("ada-self.yaml"), dir + "/store-ok/../ada-self.yaml"}, code: 2, msg: `.*ada-self.yaml and .*store-ok/../ada-self.yaml are the same file`},
		{name: "compare a file twice of three", args: []string{"compare", p("ada-self.yaml"), p("ada-later.yaml"), p("ada-self.yaml")}, code: 2, msg: `.*ada-self.yaml and .*ada-self.yaml are the same file`},
		// Workbooks.
		{name: "workbook ./worksheets", args: []string{"team", p("path-0.xlsx")}, code: 2, msg: `.*path-0.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell, not a score: type the score or na$`},
		{name: "workbook ../xl/worksheets", args: []string{"team", p("path-1.xlsx")}, code: 2, msg: `.*path-1.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell`},
		{name: "workbook worksheets//", args: []string{"team", p("path-2.xlsx")}, code: 2, msg: `.*path-2.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell`},
		{name: "workbook /xl/worksheets", args: []string{"team", p("path-3.xlsx")}, code: 2, msg: `.*path-3.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell`},
		{name: "workbook sheet%31", args: []string{"team", p("path-4.xlsx")}, code: 2, msg: `.*path-4.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell`},
		{name: "workbook TRUE", args: []string{"team", p("bool-r.xlsx")}, code: 2, msg: `.*bool-r.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell`},
		{name: "workbook TRUE without r", args: []string{"team", p("bool-nor.xlsx")}, code: 2, msg: `.*bool-nor.xlsx:Answers!B2: column "data-fluency.1": a TRUE/FALSE cell`},
		{name: "workbook #N/A", args: []string{"team", p("error.xlsx")}, code: 2, msg: `.*error.xlsx:Answers!B2: column "data-fluency.1": an error value \(such as #N/A\): type the score or na$`},
		{name: "workbook formula", args: []string{"team", p("formula.xlsx")}, code: 2, msg: `.*formula.xlsx:Answers!B2: column "data-fluency.1": a formula without a stored result`},
		{name: "workbook string formula", args: []string{"team", p("formula-str.xlsx")}, code: 2, msg: `.*formula-str.xlsx:Answers!B2: column "data-fluency.1": a formula without a stored result`},
		{name: "workbook shared formula", args: []string{"team", p("shared-formula.xlsx")}, code: 2, msg: `.*shared-formula.xlsx:Answers!B2: column "data-fluency.1": a formula without a stored result`},
		{name: "workbook very hidden first sheet", args: []string{"team", p("very-hidden.xlsx")}, code: 2, msg: `warning: .*very-hidden.xlsx: the first sheet, "Old", is very hidden \(only a macro shows it\): read "Team", the first visible sheet, instead`},
		{name: "workbook hidden first sheet", args: []string{"team", p("hidden.xlsx")}, code: 2, msg: `warning: .*hidden.xlsx: the first sheet, "Old", is hidden: read "Team", the first visible sheet, instead`},
		{name: "workbook every sheet hidden", args: []string{"team", p("all-hidden.xlsx")}, code: 2, msg: `.*all-hidden.xlsx: every sheet of the workbook is hidden: show the sheet with the answers, or name it Answers$`},
		{name: "workbook hidden row", args: []string{"team", p("hidden-row.xlsx")}, code: 2, msg: `warning: .*hidden-row.xlsx:Answers!A2: row 2 is hidden in the workbook: it is read and scored like the others`},
		{name: "workbook shared-string bomb", args: []string{"team", p("sst-bomb.xlsx")}, code: 2, msg: `.*sst-bomb.xlsx: a zip bomb \(its part "xl/sharedStrings.xml" unpacks to 76.3 MiB`},
		{name: "workbook too many shared strings", args: []string{"team", p("sst-count.xlsx")}, code: 2, msg: `.*sst-count.xlsx: the workbook's shared strings number more than its sheets have cells for`},
		{name: "workbook row bomb", args: []string{"team", p("row-bomb.xlsx")}, code: 2, msg: `.*row-bomb.xlsx:Answers!A1048576: the sheet has rows past row 1048576`},
		{name: "workbook zip bomb", args: []string{"team", p("zip-bomb.xlsx")}, code: 2, msg: `.*zip-bomb.xlsx: a zip bomb \(its part "xl/worksheets/sheet1.xml" unpacks to 1000.0 MiB`},
		{name: "CSV named .xlsx", args: []string{"team", p("csv-named.xlsx")}, code: 2, msg: `.*csv-named.xlsx: this is CSV text, not an .xlsx workbook: name it "csv-named.csv" and it is read as a CSV sheet$`},
		{name: "empty zip", args: []string{"team", p("empty-zip.xlsx")}, code: 2, msg: `.*empty-zip.xlsx: an empty zip archive, not a workbook`},
		{name: "empty .xlsx", args: []string{"team", p("empty.xlsx")}, code: 2, msg: `.*empty.xlsx: an empty file, not a workbook`},
		{name: ".xls", args: []string{"team", p("old.xls")}, code: 2, msg: `.*old.xls: an old Excel 97–2003 workbook \(.xls\), which is not read`},
		{name: ".xls named .xlsx", args: []string{"team", p("old-named.xlsx")}, code: 2, msg: `.*old-named.xlsx: an old Excel 97–2003 workbook \(.xls\), which is not read`},
		{name: "password-protected", args: []string{"team", p("locked.xlsx")}, code: 2, msg: `.*locked.xlsx: a password-protected workbook, which pmladder cannot open`},
		{name: ".xlsm", args: []string{"team", p("macro.xlsm")}, code: 2, msg: `.*macro.xlsm: a macro-enabled workbook \(.xlsm\) is not read`},
		{name: ".xlsb", args: []string{"team", p("binary.xlsb")}, code: 2, msg: `.*binary.xlsb: a binary workbook \(.xlsb\) is not read`},
		{name: ".ods", args: []string{"team", p("sheet.ods")}, code: 2, msg: `.*sheet.ods: an OpenDocument file \(.ods\), which is not read`},
		{name: "HTML named .xlsx", args: []string{"team", p("page.xlsx")}, code: 2, msg: `.*page.xlsx: a web page \(HTML\), not an .xlsx workbook`},
		{name: "Word named .xlsx", args: []string{"team", p("word.xlsx")}, code: 2, msg: `.*word.xlsx: a Word document, not a workbook`},
		{name: "workbook cut short", args: []string{"team", p("cut.xlsx")}, code: 2, msg: `.*cut.xlsx: not a readable zip archive \(damaged, or cut short in a download or a copy\)`},
		{name: "zip without a workbook", args: []string{"team", p("no-book.xlsx")}, code: 2, msg: `.*no-book.xlsx: a zip archive without a workbook in it`},
		{name: "binary named .xlsx", args: []string{"team", p("binary.xlsx")}, code: 2, msg: `.*binary.xlsx: not an .xlsx workbook \(not a zip archive, nor text\)`},
		{name: "a folder of what is not read", args: []string{"team", p("folder-skipped")}, code: 2, msg: `warning: skipping .*folder-skipped/b.xlsb: a binary workbook is not read`},
		{name: "a folder with .xls beside a bad sheet", args: []string{"team", p("folder-bad")}, code: 2, msg: `warning: skipping .*folder-bad/old.xls: an old Excel 97–2003 workbook is not read`},
		{name: "workbook as answers", args: []string{"assess", "--answers", p("bool-r.xlsx")}, code: 2, msg: `.*bool-r.xlsx:1: not UTF-8 text: want answers`},
		{name: "workbook as a rubric", args: []string{"rubric", "validate", p("bool-r.xlsx")}, code: 2, msg: `.*bool-r.xlsx:1: not UTF-8 text: want a rubric`},
		// Messages: huge one-line files.
		{name: "2 MB one-line answers", args: []string{"assess", "--answers", p("oneline.yaml")}, code: 2, msg: `.*oneline.yaml:1: want answers \(pmladder-answers/v1\) \(a mapping of keys to values\), found "x{40}"…$`},
		{name: "2 MB question id", args: []string{"assess", "--answers", p("oneline-key.yaml")}, code: 2, msg: `.*oneline-key.yaml:2: not valid YAML: `},
		{name: "2 MB column", args: []string{"team", p("oneline.csv")}, code: 2, msg: `warning: .*oneline.csv:1: column "x{40}"… is neither a field`},
		{name: "2 MB rubric name", args: []string{"rubric", "validate", p("oneline-rubric.yaml")}, code: 2, msg: `.*oneline-rubric.yaml:1: missing scale`},
		{name: "2 MB config value", args: []string{"--config", p("oneline-config.yaml"), "rubric", "roles"}, code: 2, msg: `.*oneline-config.yaml:1: format "x{40}"… is not one of table`},
		{name: "2 MB one-line compare", args: []string{"compare", p("oneline.yaml"), p("ada-self.yaml")}, code: 2, msg: `.*oneline.yaml:1: want answers .*found "x{40}"…$`},
		{name: "2 MB one-line team", args: []string{"team", p("oneline.yaml")}, code: 2, msg: `.*oneline.yaml:1: want answers .*found "x{40}"…$`},
		// Messages: -o.
		{name: "-o into a missing folder", args: []string{"assess", "--answers", p("ada-self.yaml"), "-o", p("missing", "r.json")}, code: 1, msg: `cannot write .*missing/r.json: the folder .*missing does not exist$`},
		{name: "-o into a file as a folder", args: []string{"assess", "--answers", p("ada-self.yaml"), "-o", p("passwd", "r.json")}, code: 1, msg: `cannot write .*passwd/r.json: .*passwd is not a folder$`},
		{name: "-o onto a folder", args: []string{"assess", "--answers", p("ada-self.yaml"), "-o", p("folder-skipped")}, code: 1, msg: `cannot write .*folder-skipped: .*folder-skipped is a directory$`},
		{name: "-o onto /dev/full", args: []string{"assess", "--answers", p("ada-self.yaml"), "-o", "/dev/full"}, code: 1, msg: `cannot write /dev/full: write /dev/full: no space left on device$`},
		{name: "-o .pdf", args: []string{"assess", "--answers", p("ada-self.yaml"), "-o", p("r.pdf")}, code: 2, msg: `cannot tell a format from .*r.pdf: assess writes .txt, .md, .csv, .json or .html \(or say which with --format\)$`},
		{name: "-o onto a link to the input", args: []string{"assess", "--answers", p("ada-self.yaml"), "-o", p("ada-link.yaml"), "--format", "json"}, code: 2, msg: `-o .*ada-link.yaml is one of the command's inputs: write the output to another file$`},
		// Settings from the environment, matched as the flag's.
		{name: "PMLADDER_FORMAT typo", env: map[string]string{"PMLADDER_FORMAT": "jsno"}, args: []string{"assess", "--answers", p("ada-self.yaml")}, code: 2, msg: `format "jsno" \(did you mean json\?\) is not one of table, .* \(from PMLADDER_FORMAT or the config file\)$`},
		{name: "PMLADDER_COLOR", env: map[string]string{"PMLADDER_COLOR": "sometimes"}, args: []string{"rubric", "roles"}, code: 2, msg: `color "sometimes" is not auto, always or never$`},
		{name: "PMLADDER_ACCESSIBLE", env: map[string]string{"PMLADDER_ACCESSIBLE": "perhaps"}, args: []string{"rubric", "roles"}, code: 2, msg: `accessible: "perhaps" is not true or false \(from PMLADDER_ACCESSIBLE or the config file\)$`},
		{name: "PMLADDER_EVIDENCE", env: map[string]string{"PMLADDER_EVIDENCE": "2"}, args: []string{"rubric", "roles"}, code: 2, msg: `evidence: "2" is not true or false \(from PMLADDER_EVIDENCE or the config file\)$`},
		{name: "PMLADDER_RUBRIC missing", env: map[string]string{"PMLADDER_RUBRIC": p("nope.yaml")}, args: []string{"rubric", "roles"}, code: 1, msg: `cannot read rubric: open .*nope.yaml: no such file or directory$`},
		{name: "PMLADDER_RUBRIC a device", env: map[string]string{"PMLADDER_RUBRIC": "/dev/zero"}, args: []string{"rubric", "roles"}, code: 1, msg: `cannot read rubric: read /dev/zero: not a regular file$`},
		{name: "PMLADDER_CONFIG missing", env: map[string]string{"PMLADDER_CONFIG": p("nope.yaml")}, args: []string{"rubric", "roles"}, code: 1, msg: `cannot read config: open .*nope.yaml: no such file or directory$`},
		{name: "PMLADDER_CONFIG a FIFO-free device", env: map[string]string{"PMLADDER_CONFIG": "/dev/zero"}, args: []string{"rubric", "roles"}, code: 1, msg: `cannot read config: read /dev/zero: not a regular file$`},
		{name: "PMLADDER_DATA_DIR a file", env: map[string]string{"PMLADDER_DATA_DIR": p("passwd")}, args: []string{"report"}, code: 1, msg: `cannot use the data directory .*passwd: it is not a folder`},
		{name: "PMLADDER_NAME not UTF-8", env: map[string]string{"PMLADDER_NAME": "Jos\xe9"}, args: []string{"report", "--data-dir", p("store-ok")}, code: 2, msg: `the name "Jos\\xe9" \(from PMLADDER_NAME or the config file\) is not UTF-8 text$`},
	}
}

// TestReviewWorkbookOnAFullDiskLeavesNothing: a team workbook whose writing fails (the
// disk full: /dev/full) says so on one line and leaves none of its temporary sheets,
// which hold names and scores, in $TMPDIR.
func TestReviewWorkbookOnAFullDiskLeavesNothing(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	sheet := filepath.Join(t.TempDir(), "team.csv")
	var b strings.Builder
	b.WriteString("person,data-fluency.1\n")
	for i := range 2000 {
		fmt.Fprintf(&b, "Person %d,3\n", i)
	}
	os.WriteFile(sheet, []byte(b.String()), 0o600)
	for _, format := range []string{"xlsx", "csv", "html", "json"} {
		stdout, stderr, code := run(t, "team", sheet, "--format", format, "-o", "/dev/full")
		if code != 1 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "/dev/full: no space left on device") {
			t.Errorf("%s: exit %d, stderr:\n%s", format, code, stderr)
		}
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("%s: left in $TMPDIR: %v", format, left)
		}
	}
}
