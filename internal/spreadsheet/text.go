// Package spreadsheet reads the files spreadsheets save, at the level of the format: the
// checks that tell CSV text saved in a form pmladder does not read (UTF-16, Windows-1252,
// old Mac line ends, semicolons) and say how to save it, and a streaming reader of XLSX
// workbooks (the zip and its parts, the sheets a workbook lists, the rows of one sheet
// with every cell classified, the merged ranges). What the rows mean — a team's answers,
// a career ladder — is its callers' business: assess/input and rubric/ladderimport.
//
// Every problem is a problem.List naming the file, and for a cell FILE:SHEET!CELL.
package spreadsheet

import (
	"bytes"
	"unicode/utf8"
)

// SaveAsUTF8 is how to fix a CSV file saved in a form pmladder does not read.
const SaveAsUTF8 = `save it from the spreadsheet as "CSV UTF-8 (comma delimited)"`

// SaveAsXLSX is how to make a workbook pmladder reads.
const SaveAsXLSX = `save it from the spreadsheet as "Excel Workbook (.xlsx)"`

// NotUTF8 says that text is not UTF-8, and how to save it so.
const NotUTF8 = "this is not UTF-8 text (Excel's plain \"CSV\" is Windows-1252): " + SaveAsUTF8

// BOM is the UTF-8 byte-order mark spreadsheets put before CSV text.
const BOM = "\ufeff"

// TextProblem recognises, from the start of a file (after any byte-order mark), text that
// is not UTF-8 as spreadsheets save it (UTF-16, Windows-1252, lines ended by CR alone)
// and says how to fix it; "" when it reads as UTF-8.
func TextProblem(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) ||
		bytes.Count(head, []byte{0}) > len(head)/4:
		return "this is UTF-16 text (Excel's \"Unicode text\"), not a CSV sheet: " + SaveAsUTF8
	case !utf8.Valid(TrimPartialRune(head)):
		return NotUTF8
	case bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0 && len(head) > 0:
		return "lines end with CR alone (old Mac line ends): " + SaveAsUTF8
	}
	return ""
}

// SavedWrongly is TextProblem, and also refuses cells separated by semicolons (a European
// spreadsheet's setting), which a sheet of comma-separated columns cannot be read from;
// "" when the text looks right.
func SavedWrongly(head []byte) string {
	if msg := TextProblem(head); msg != "" {
		return msg
	}
	firstLine, _, _ := bytes.Cut(head, []byte("\n"))
	if bytes.Count(firstLine, []byte(";")) > 0 && bytes.Count(firstLine, []byte(",")) == 0 {
		return "cells are separated by semicolons (a European spreadsheet setting): " + SaveAsUTF8
	}
	return ""
}

// TrimPartialRune drops an incomplete UTF-8 sequence at the end of a peeked buffer.
func TrimPartialRune(b []byte) []byte {
	for i := 0; i < utf8.UTFMax && i < len(b); i++ {
		if r, _ := utf8.DecodeLastRune(b[:len(b)-i]); r != utf8.RuneError || i == len(b) {
			return b[:len(b)-i]
		}
	}
	return b
}
