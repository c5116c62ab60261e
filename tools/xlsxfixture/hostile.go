package main

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmladder/pmladder/assess/input/xlsxtest"
)

// hostile writes the small workbooks the team script shows a user's view of: files a
// reader must name or read with care, made part by part (assess/input's tests make the
// same kinds, larger, in a temporary folder).
func hostile(dir string) error {
	is := func(ref, text string) string {
		return `<c r="` + ref + `" t="inlineStr"><is><t>` + xlsxtest.Escape(text) + `</t></is></c>`
	}
	header := `<row r="1">` + is("A1", "person") + is("B1", "assessor") + is("C1", "data-fluency.1") + is("D1", "data-fluency.2") + `</row>`
	person := func(r, name, score string, hidden bool) string {
		h := ""
		if hidden {
			h = ` hidden="1"`
		}
		return `<row r="` + r + `"` + h + `>` + is("A"+r, name) + is("B"+r, "self") + `<c r="C` + r + `"><v>` + score + `</v></c><c r="D` + r + `"><v>2</v></c></row>`
	}
	files := map[string][]byte{
		// A stale first sheet, very hidden, before the one in use; and a hidden row in it.
		"team-hidden.xlsx": xlsxtest.Book{Sheets: []xlsxtest.Sheet{
			{Name: "Old", State: "veryHidden", Rows: header + person("2", "Stale Person", "1", false)},
			{Name: "Team", Rows: header + person("2", "Ada Lovelace", "4", false) + person("3", "Grace Hopper", "3", true)},
		}}.Bytes(),
		// As a streaming writer saves it: rows and cells without references, the sheet
		// named through "../xl/worksheets//", and a TRUE in an answer.
		"team-stream.xlsx": xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Target: "../xl/worksheets//sheet1.xml",
			Rows: strings.NewReplacer(` r="1"`, "", ` r="2"`, "", ` r="A1"`, "", ` r="B1"`, "", ` r="C1"`, "", ` r="D1"`, "", ` r="A2"`, "", ` r="B2"`, "", ` r="C2"`, "", ` r="D2"`, "").
				Replace(header+person("2", "Ada Lovelace", "4", false)) + `<row><c t="inlineStr"><is><t>Grace Hopper</t></is></c><c t="inlineStr"><is><t>self</t></is></c><c t="b"><v>1</v></c></row>`}}}.Bytes(),
		"team-macro.xlsm": xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Rows: header + person("2", "Ada Lovelace", "4", false)}},
			WorkbookType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml"}.Bytes(),
		"team-old.xls": xlsxtest.OLE2("Workbook"),
		"empty.xlsx":   xlsxtest.Zip(),
		// 20 MiB of spaces in the sheet, some 20 KiB in the file.
		"bomb.xlsx": xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers",
			Repeat: &xlsxtest.Repeated{Head: xlsxtest.SheetHead + header, Chunk: strings.Repeat(" ", 1024), Times: 20 << 10, Tail: xlsxtest.SheetTail}}}}.Bytes(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// convert writes the CSV team sheet in as the workbook out.
func convert(in, out string) error {
	if out == "" {
		return errors.New("-csv needs -o, the workbook to write")
	}
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(o, 1<<20)
	if err := xlsxtest.FromCSV(bw, f); err != nil {
		o.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		o.Close()
		return err
	}
	return o.Close()
}
