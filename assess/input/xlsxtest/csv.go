package xlsxtest

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// FromCSV writes a CSV team sheet as the workbook a spreadsheet saves: one sheet,
// Answers; each row with its number and each cell with its reference; whole numbers as
// number cells, the date column's days as date cells (a day count with a date format),
// every other text in the shared-strings table. The sheet streams; the table keeps each
// distinct text once.
func FromCSV(w io.Writer, in io.Reader) error {
	cr := csv.NewReader(bufio.NewReaderSize(in, 1<<20))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	zw := zip.NewWriter(w)
	sheet, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(sheet, 1<<20)
	bw.WriteString(SheetHead)
	index := map[string]int{}
	var texts []string
	dateCol := -1
	var cell []byte
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(bw, `<row r="%d" spans="1:%d">`, row, len(rec))
		for c, v := range rec {
			if row == 1 && v == "date" {
				dateCol = c
			}
			if v == "" {
				continue
			}
			cell = append(cell[:0], `<c r="`...)
			cell = appendColumn(cell, c)
			cell = strconv.AppendInt(cell, int64(row), 10)
			cell = append(cell, '"')
			if n, err := strconv.Atoi(v); err == nil && row > 1 && strconv.Itoa(n) == v {
				cell = append(cell, `><v>`...)
				cell = append(cell, v...)
			} else if d, err := time.Parse("2006-01-02", v); err == nil && c == dateCol && row > 1 {
				days := d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
				cell = append(cell, ` s="1"><v>`...)
				cell = strconv.AppendInt(cell, int64(days), 10)
			} else {
				i, ok := index[v]
				if !ok {
					i = len(texts)
					index[v] = i
					texts = append(texts, v)
				}
				cell = append(cell, ` t="s"><v>`...)
				cell = strconv.AppendInt(cell, int64(i), 10)
			}
			cell = append(cell, `</v></c>`...)
			bw.Write(cell)
		}
		bw.WriteString(`</row>`)
	}
	bw.WriteString(SheetTail)
	if err := bw.Flush(); err != nil {
		return err
	}
	sst, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	bw.Reset(sst)
	fmt.Fprintf(bw, `%s<sst xmlns="%s" count="%d" uniqueCount="%d">`, XMLHead, NSMain, len(texts), len(texts))
	for _, t := range texts {
		space := ""
		if strings.TrimSpace(t) != t {
			space = ` xml:space="preserve"`
		}
		bw.WriteString("<si><t" + space + ">" + escape(t) + "</t></si>")
	}
	bw.WriteString("</sst>")
	if err := bw.Flush(); err != nil {
		return err
	}
	rest := []Part{
		{Name: "[Content_Types].xml", Body: XMLHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`},
		{Name: "_rels/.rels", Body: XMLHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + RelType + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{Name: "xl/workbook.xml", Body: XMLHead + `<workbook xmlns="` + NSMain + `" xmlns:r="` + NSRel + `">` +
			`<sheets><sheet name="Answers" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{Name: "xl/_rels/workbook.xml.rels", Body: XMLHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + RelType + `worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + RelType + `sharedStrings" Target="sharedStrings.xml"/>` +
			`<Relationship Id="rId3" Type="` + RelType + `styles" Target="styles.xml"/></Relationships>`},
		{Name: "xl/styles.xml", Body: XMLHead + `<styleSheet xmlns="` + NSMain + `">` +
			`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
			`<fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
			`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
			`<cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`},
	}
	for _, p := range rest {
		f, err := zw.Create(p.Name)
		if err != nil {
			return err
		}
		io.WriteString(f, p.Body)
	}
	return zw.Close()
}

// appendColumn appends the letters of column c (0-based): A, …, Z, AA, ….
func appendColumn(b []byte, c int) []byte {
	var tmp [4]byte
	i := len(tmp)
	for c++; c > 0; c = (c - 1) / 26 {
		i--
		tmp[i] = byte('A' + (c-1)%26)
	}
	return append(b, tmp[i:]...)
}

// Column is the letters of column c (0-based).
func Column(c int) string { return string(appendColumn(nil, c)) }
