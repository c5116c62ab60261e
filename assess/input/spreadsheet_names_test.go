package input

import (
	"time"

	"github.com/pmladder/pmladder/internal/spreadsheet"
)

// The format-level workbook reader moved to internal/spreadsheet; this package's tests,
// written when it was here, name its limits and helpers as they did.
const (
	maxSheetRows    = spreadsheet.MaxRows
	maxSheetCols    = spreadsheet.MaxCols
	maxValueBytes   = spreadsheet.MaxValueBytes
	widthPastHeader = spreadsheet.WidthPastHeader
	maxParts        = spreadsheet.MaxParts
)

func unescapeBSTR(s []byte) []byte                   { return spreadsheet.UnescapeBSTR(s) }
func isoDate(s string) string                        { return spreadsheet.ISODate(s) }
func columnOf(ref []byte) (int, bool)                { return spreadsheet.ColumnOf(ref) }
func excelTime(serial float64, d1904 bool) time.Time { return spreadsheet.ExcelTime(serial, d1904) }
