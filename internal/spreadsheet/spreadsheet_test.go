package spreadsheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestTextProblem(t *testing.T) {
	for head, want := range map[string]string{
		"person,assessor\n":          "",
		"\xff\xfep\x00e\x00":         "UTF-16",
		"Caf\xe9,x\n":                "not UTF-8",
		"a,b\rc,d\r":                 "CR alone",
		"caf\xc3":                    "", // a character cut by the end of what was peeked
		"person;assessor;date\n":     "", // TextProblem reads semicolons
		"Compétence;Débutant\nx;y\n": "",
	} {
		if got := TextProblem([]byte(head)); want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("TextProblem(%q) = %q, want %q", head, got, want)
		}
	}
	if got := SavedWrongly([]byte("person;assessor;date\n")); !strings.Contains(got, "semicolons") {
		t.Errorf("SavedWrongly refuses semicolons: %q", got)
	}
}

// book is a workbook of these sheets (name → the XML inside sheetData, and after it),
// hidden as states says, its parts stored without compression.
func book(t *testing.T, sheets [][3]string, strs string) []byte {
	t.Helper()
	const head = `<?xml version="1.0" encoding="UTF-8"?>`
	const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	var list, rels strings.Builder
	parts := map[string]string{}
	for i, s := range sheets {
		id := string(rune('1' + i))
		name, state, _ := strings.Cut(s[0], "|")
		if state != "" {
			state = ` state="` + state + `"`
		}
		list.WriteString(`<sheet name="` + name + `" sheetId="` + id + `"` + state + ` r:id="rId` + id + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + id + `" Type="` + rel + `/worksheet" Target="worksheets/sheet` + id + `.xml"/>`)
		parts["xl/worksheets/sheet"+id+".xml"] = head + `<worksheet xmlns="` + main + `"><sheetData>` + s[1] + `</sheetData>` + s[2] + `</worksheet>`
	}
	rels.WriteString(`<Relationship Id="rIdS" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/>`)
	parts["[Content_Types].xml"] = head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
	parts["_rels/.rels"] = head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	parts["xl/workbook.xml"] = head + `<workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets>` + list.String() + `</sheets></workbook>`
	parts["xl/_rels/workbook.xml.rels"] = head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`
	parts["xl/sharedStrings.xml"] = head + `<sst xmlns="` + main + `">` + strs + `</sst>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	zw.Close()
	return buf.Bytes()
}

// A workbook's sheets as it lists them; a sheet's rows, their kinds and places; its
// merged ranges after the rows.
func TestWorkbookSheetsRowsAndMerges(t *testing.T) {
	data := book(t, [][3]string{
		{"Old|veryHidden", `<row r="1"><c r="A1"><v>1</v></c></row>`, ""},
		{"Ladder", `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="b"><v>1</v></c></row><row r="3" hidden="1"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row>`,
			`<mergeCells count="3"><mergeCell ref="A2:A3"/><mergeCell ref="B1:D1"/><mergeCell ref="nonsense"/></mergeCells>`},
	}, `<si><t>Line one&#10;line two</t></si>`)
	b, err := Open("ladder.xlsx", bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Sheets) != 2 || !b.Sheets[0].Hidden() || b.Sheets[0].DescribeHidden() != "very hidden (only a macro shows it)" || b.Sheets[1].Hidden() || !b.Sheets[1].Cells {
		t.Fatalf("sheets %+v", b.Sheets)
	}
	rows, err := b.OpenSheet(b.Sheets[1])
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cells, kinds, row, err := rows.Next()
	if err != nil || row != 2 || !slices.Equal(cells, []string{"Line one\nline two", "", "TRUE"}) || kinds[2] != OddBool || rows.Hidden() {
		t.Fatalf("row %d: %q %v %v", row, cells, kinds, err)
	}
	if got := rows.Place(2).At(row); got != "ladder.xlsx:Ladder!C2" {
		t.Errorf("place %s", got)
	}
	if _, _, row, err = rows.Next(); err != nil || row != 3 || !rows.Hidden() {
		t.Fatalf("row %d hidden %v: %v", row, rows.Hidden(), err)
	}
	if _, _, _, err := rows.Next(); !errors.Is(err, io.EOF) {
		t.Fatalf("after the last row: %v", err)
	}
	merged, err := rows.Merged()
	if err != nil || !slices.Equal(merged, []Range{{0, 2, 0, 3}, {1, 1, 3, 1}}) {
		t.Errorf("merged %v, %v", merged, err)
	}
}

// A document that is not a workbook is named, with what to give instead.
func TestOpenNamesOtherFiles(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	io.WriteString(w, "<document/>")
	zw.Close()
	_, err := Open("ladder.xlsx", bytes.NewReader(buf.Bytes()), int64(buf.Len()), Options{Want: "the ladder as a workbook (.xlsx) or CSV"})
	if err == nil || err.Error() != "ladder.xlsx: a Word document, not a workbook: give the ladder as a workbook (.xlsx) or CSV" {
		t.Errorf("a Word document: %v", err)
	}
	_, err = Open("x.xlsx", bytes.NewReader(nil), 0, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "x.xlsx: an empty file, not a workbook") {
		t.Errorf("empty: %v", err)
	}
}

func TestDateAndColumns(t *testing.T) {
	if got := Date("46346", false); got != "2026-11-20" {
		t.Errorf("Date = %s", got)
	}
	if got := Date("text", false); got != "text" {
		t.Errorf("Date(text) = %s", got)
	}
	for col, name := range map[int]string{0: "A", 25: "Z", 26: "AA", 16383: "XFD"} {
		if ColumnName(col) != name {
			t.Errorf("ColumnName(%d) = %s", col, ColumnName(col))
		}
		if c, ok := ColumnOf([]byte(name + "7")); !ok || c != col {
			t.Errorf("ColumnOf(%s7) = %d", name, c)
		}
	}
	if c, r, ok := cellRef([]byte("C12")); !ok || c != 2 || r != 12 {
		t.Errorf("cellRef C12 = %d %d", c, r)
	}
	for _, bad := range []string{"12", "C", "C0", "C+1", "ABCDE1"} {
		if _, _, ok := cellRef([]byte(bad)); ok {
			t.Errorf("cellRef(%q) reads", bad)
		}
	}
}
