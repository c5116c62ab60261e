// Command excelizerows reads a workbook's Answers sheet (else its first) with excelize's
// Rows iterator, each row's cells as stored (RawCellValue), and prints how many rows it
// read: the library pmladder's workbook reader replaced, for bench/compare.py to time
// side by side with bench/readsheet on the same workbook.
//
//	go run ./bench/excelizerows SHEET.xlsx
package main

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: excelizerows SHEET.xlsx")
		os.Exit(2)
	}
	n, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "excelizerows:", err)
		os.Exit(1)
	}
	fmt.Println(n, "rows")
}

func run(path string) (int, error) {
	wb, err := excelize.OpenFile(path)
	if err != nil {
		return 0, err
	}
	defer wb.Close()
	sheet := wb.GetSheetList()[0]
	if i, _ := wb.GetSheetIndex("Answers"); i >= 0 {
		sheet = "Answers"
	}
	rows, err := wb.Rows(sheet)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Error()
}
