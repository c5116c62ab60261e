package main

import (
	"encoding/csv"
	"os"

	"github.com/xuri/excelize/v2"
)

// ladder writes a ladder kept as a CSV grid (examples/ladder-grid.csv) as the workbook an
// organisation keeps it in: the same cells in a sheet named Ladder, the title merged
// across the top, the header bold and frozen, the category merged down its rows, cells
// wrapped to their columns' widths.
func ladder(from, out string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	cr := csv.NewReader(in)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Ladder"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	width := 0
	for i, row := range rows {
		width = max(width, len(row))
		for j, v := range row {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(sheet, cell(j+1, i+1), v); err != nil {
				return err
			}
		}
	}
	last := cell(width, len(rows))
	f.SetCellStyle(sheet, "A1", last, wrap)
	f.SetCellStyle(sheet, "A1", cell(width, 2), bold)
	f.MergeCell(sheet, "A1", cell(width, 1))
	f.SetColWidth(sheet, "A", "B", 16)
	f.SetColWidth(sheet, "C", "C", 24)
	f.SetColWidth(sheet, "D", cell(width, 1)[:1], 30)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 2, TopLeftCell: "C3", ActivePane: "bottomRight"})
	// A category's name once, merged down the rows that share it, as people lay it out.
	start := 0
	for i := 2; i <= len(rows); i++ {
		same := i < len(rows) && start > 0 && rows[i][0] == rows[start][0] && rows[i][0] != ""
		if same {
			f.SetCellStr(sheet, cell(1, i+1), "")
			continue
		}
		if start > 0 && i-1 > start {
			f.MergeCell(sheet, cell(1, start+1), cell(1, i))
		}
		start = i
	}
	if err := f.SaveAs(out); err != nil {
		return err
	}
	return os.Chmod(out, 0o644)
}
