// Command xlsxfixture makes the workbooks the team tests read: the pmladder template
// filled in as a manager would (scores as numbers and as text, a date cell and a date
// typed as text, na, a notes column of their own, a named row left unfilled), the same
// answers as a CSV sheet, a copy with one bad cell, and the files a workbook reader must
// name rather than misread (hostile.go). Run by `make fixtures`, which also saves a copy
// through LibreOffice.
//
// With -ladder, it writes a ladder kept as a CSV grid as the workbook an organisation
// keeps (examples/ladder-grid.xlsx): xlsxfixture -ladder ladder.csv -o ladder.xlsx.
//
// With -csv, it converts a CSV team sheet into the workbook a spreadsheet would save
// (for benchmarks: xlsxtest.FromCSV): xlsxfixture -csv team.csv -o team.xlsx.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

func main() {
	dir := flag.String("dir", "cmd/testdata/xlsx", "where to write the fixtures")
	from := flag.String("csv", "", "convert this CSV team sheet to a workbook (with -o)")
	out := flag.String("o", "", "the workbook -csv or -ladder writes")
	ladderCSV := flag.String("ladder", "", "write this ladder's CSV grid as a workbook (with -o)")
	flag.Parse()
	var err error
	if *ladderCSV != "" {
		err = ladder(*ladderCSV, *out)
	} else if *from != "" {
		err = convert(*from, *out)
	} else if err = run(*dir); err == nil {
		err = hostile(*dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "xlsxfixture:", err)
		os.Exit(1)
	}
}

// people are the rows filled in; the last is named but left unfilled.
var people = []string{"Ada Lovelace", "Grace Hopper", "Linus Torvalds", "Ken Thompson"}

func run(dir string) error {
	r, err := rubric.Default()
	if err != nil {
		return err
	}
	var tmpl bytes.Buffer
	if err := reports.TemplateXLSX(&tmpl, r, people, reports.TemplateSheet{Assessor: "self"}); err != nil {
		return err
	}
	f, err := excelize.OpenReader(&tmpl)
	if err != nil {
		return err
	}
	defer f.Close()
	const sheet = input.AnswersSheet
	header, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	cols := header[0]
	notes := len(cols) + 1
	f.SetCellValue(sheet, cell(notes, 1), "notes")
	csvRows := [][]string{append(append([]string{}, cols...), "notes")}
	for p := range 3 {
		row := p + 2
		csvRow := make([]string, len(cols)+1)
		csvRow[0], csvRow[1] = people[p], "self"
		for c, name := range cols {
			col := c + 1
			var text string
			switch {
			case name == assess.FieldDate && p == 0:
				f.SetCellValue(sheet, cell(col, row), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) // a date cell
				text = "2026-11-20"
			case name == assess.FieldDate:
				text = fmt.Sprintf("2026-11-%02d", 21+p) // a date typed as text
				f.SetCellStr(sheet, cell(col, row), text)
			case name == assess.FieldCurrent:
				text = "pm"
				f.SetCellStr(sheet, cell(col, row), text)
			case name == assess.FieldTrack && p == 1:
				text = "ic"
				f.SetCellStr(sheet, cell(col, row), text)
			case r.Question(name) != nil:
				score := (c*7 + p*3) % 6
				switch {
				case (c+p)%11 == 0:
					text = "na"
					f.SetCellStr(sheet, cell(col, row), text)
				case (c+p)%13 == 0:
					continue // left empty: unanswered
				case p == 2 && c%2 == 0:
					text = fmt.Sprint(score)
					f.SetCellStr(sheet, cell(col, row), text) // a score typed as text
				default:
					text = fmt.Sprint(score)
					f.SetCellInt(sheet, cell(col, row), int64(score)) // a number
				}
			default:
				continue
			}
			csvRow[c] = text
		}
		note := []string{"promotion case in Q1", "", "on leave in December"}[p]
		f.SetCellStr(sheet, cell(notes, row), note)
		csvRow[len(cols)] = note
		csvRows = append(csvRows, csvRow)
	}
	// Ken Thompson's row is left as the template wrote it: a name and an assessor.
	csvRows = append(csvRows, append([]string{people[3], "self"}, make([]string, len(cols)-1)...))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := f.SaveAs(filepath.Join(dir, "team-filled.xlsx")); err != nil {
		return err
	}
	var b strings.Builder
	for _, row := range csvRows {
		b.WriteString(strings.Join(row, ",") + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "team-filled.csv"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	// One bad cell: a score off the scale, Grace's first question.
	f.SetCellInt(sheet, cell(7, 3), 7)
	if err := f.SaveAs(filepath.Join(dir, "team-bad.xlsx")); err != nil {
		return err
	}
	// Cells whose stored value is not what was typed: TRUE in Ada's first answer, a
	// formula without a stored result in one Grace left empty, and one in the notes (fine).
	f.SetCellInt(sheet, cell(7, 3), 2)
	f.SetCellBool(sheet, cell(7, 2), true)
	f.SetCellFormula(sheet, cell(13, 3), "1+2") // a cell left empty in the filled sheet
	f.SetCellFormula(sheet, cell(notes, 4), "A4")
	return f.SaveAs(filepath.Join(dir, "team-odd-cells.xlsx"))
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
