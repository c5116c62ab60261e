package ladderimport

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// FuzzImport feeds any bytes to the importer, as CSV text or as a workbook, starting from
// grids, long rows and workbooks stored without compression (so that a change to the
// bytes is a change to the cells): it must never panic or hang; what it cannot read is
// a problem.List of located problems; what it reads is a rubric that validates, every
// warning located in the file.
func FuzzImport(f *testing.F) {
	for _, seed := range []string{
		"Competency,L1,L2\nCoding,Writes code,Reviews code\n",
		"Title\nCategory,Competency,Description,Junior,Senior,Engineering Manager\n,Scope,,a,b,c\nCraft,Coding,d,\"• a\n• b\",\"1. c\n2. d\",Manages\n,,,more,,same as before\n",
		"Level,Competency,Statement,Track\nL1,A,x,IC\nL2,A,y,IC\nM2,A,z,Manager\n",
		",,IC,,Manager\nCompetency,IC1,IC2,M1,M2\nA,a,b,c,d\n",
		"Compétence;Débutant;Expert\nÉcoute;écoute;anticipe\n沟通;说;写\n",
		"Competency,L1,L2\nRed flags,x,y\n",
		"",
	} {
		f.Add([]byte(seed))
	}
	if data, err := os.ReadFile(filepath.Join("..", "..", "examples", "ladder-grid.csv")); err == nil {
		f.Add(data)
	}
	f.Add(storedWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>Ladder</t></is></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>M1</t></is></c></row>`+
		`<row r="3"><c r="A3" t="inlineStr"><is><t>Coding</t></is></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="b"><v>1</v></c></row>`+
		`<row r="4"><c r="B4" t="inlineStr"><is><t>more</t></is></c></row>`,
		`<si><t>Competency</t></si><si><t>IC1</t></si><si><t>Writes code&#10;Tests it</t></si>`, `<mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		res, err := Import("fuzz.csv", data, Options{})
		if took := time.Since(start); took > 10*time.Second {
			t.Fatalf("took %v", took)
		}
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("not a problem: %v", err)
			}
			for _, p := range list {
				if !strings.HasPrefix(p.Error(), "fuzz.csv") {
					t.Fatalf("a problem not located in the file: %q", p.Error())
				}
			}
			return
		}
		if _, err := rubric.Parse("fuzz.yaml", res.YAML); err != nil {
			t.Fatalf("the rubric made does not validate: %v\n%s", err, res.YAML)
		}
		for _, w := range res.Warnings {
			if !strings.HasPrefix(w.Error(), "fuzz.csv") || !strings.Contains(w.Error(), "warning: ") {
				t.Fatalf("a warning not located in the file: %q", w.Error())
			}
		}
		if len(res.Rubric.Roles) < 2 {
			t.Fatalf("a ladder of %d roles", len(res.Rubric.Roles))
		}
	})
}

// storedWorkbook is a workbook of one sheet with these rows, shared strings and what
// follows the rows, its parts stored without compression.
func storedWorkbook(rows, strs, after string) []byte {
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", head + `<workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets><sheet name="Ladder" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", head + `<worksheet xmlns="` + main + `"><sheetData>` + rows + `</sheetData>` + after + `</worksheet>`},
		{"xl/sharedStrings.xml", head + `<sst xmlns="` + main + `">` + strs + `</sst>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(p.body))
	}
	zw.Close()
	return buf.Bytes()
}

// The stored workbook seed reads: a merged competency cell, a line break in a shared
// string, a TRUE/FALSE cell read as empty with a warning.
func TestStoredWorkbookSeed(t *testing.T) {
	data := storedWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>Ladder</t></is></c></row>`+
		`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>IC2</t></is></c><c r="D2" t="inlineStr"><is><t>IC3</t></is></c></row>`+
		`<row r="3"><c r="A3" t="inlineStr"><is><t>Coding</t></is></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="inlineStr"><is><t>Reviews</t></is></c></row>`+
		`<row r="4"><c r="B4" t="inlineStr"><is><t>Pairs</t></is></c><c r="C4" t="inlineStr"><is><t>Leads pairing</t></is></c><c r="D4" t="inlineStr"><is><t>Teaches pairing</t></is></c></row>`,
		`<si><t>Competency</t></si><si><t>IC1</t></si><si><t>Writes code&#10;Tests it</t></si>`, `<mergeCells count="1"><mergeCell ref="A3:A4"/></mergeCells>`)
	res, r := imported(t, "seed.xlsx", data, Options{})
	if !warned(res, "seed.xlsx:Ladder!C3: warning: a TRUE/FALSE cell: read as empty") {
		t.Errorf("warnings %v", res.Warnings)
	}
	if s := r.Skill("coding"); s == nil || len(s.Questions) != 2 {
		t.Fatalf("coding, merged over rows 3 and 4, has a question for each: %+v", s)
	}
	if texts, _ := r.Choices(r.Question("coding.1")); texts[1] != "Writes code · Tests it" {
		t.Errorf("coding.1: %q", texts)
	}
}
