package input

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input/xlsxtest"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

func fuzzRubric(f *testing.F) *rubric.Rubric {
	r, err := rubric.Default()
	if err != nil {
		f.Fatal(err)
	}
	return r
}

// FuzzParseAnswers checks that no answers file makes the parser panic, that a rejected
// file always comes with located problems, and that accepted answers score.
func FuzzParseAnswers(f *testing.F) {
	r := fuzzRubric(f)
	f.Add([]byte("format: pmladder-answers/v1\nperson: Ada\nanswers: {data-fluency.1: 3, strategy.2: na}\n"))
	f.Add([]byte(`{"format": "pmladder-answers/v1", "person": "G", "current_role": "pm", "answers": {"delivery.1": 5}}`))
	f.Add([]byte("format: pmladder-answers/v1\nrubric: {name: x, sha256: y}\ndate: 2026-11-22\ntrack: ic\nanswers:\n  ux-literacy.2: 9\n"))
	f.Add([]byte("format: pmladder-answers/v1\n---\nformat: pmladder-answers/v1\nperson: B\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := ParseAnswers("fuzz.yaml", data, r)
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		for pos, q := range r.Questions() {
			if v, ok := a.Lookup(pos); ok && !v.NA && (v.Score < r.Scale.Min || v.Score > r.Scale.Max) {
				t.Fatalf("accepted %s = %v", q.ID, v)
			}
		}
		res := assess.Score(r, a, assess.ScoreOptions{Certs: 3})
		if res.Answered > res.Questions {
			t.Fatalf("answered %d of %d", res.Answered, res.Questions)
		}
		if _, _, err := ParseAnswers("again.yaml", MarshalYAML(a, r), r); err != nil {
			t.Fatalf("written answers do not read back: %v", err)
		}
		docs := 0
		EachAnswers("fuzz.yaml", data, r, func(AnswersDoc) { docs++ })
		if docs != 1 {
			t.Fatalf("one document read as %d", docs)
		}
	})
}

// FuzzSheet checks that no team sheet makes the reader panic or loop, and that every
// problem is located.
func FuzzSheet(f *testing.F) {
	r := fuzzRubric(f)
	f.Add("person,assessor,date,current_role,target_role,track,data-fluency.1,data-fluency.2\nAda,self,2026-11-22,pm,,ic,3,na\n")
	f.Add("\ufeffperson,data-fluency.1\r\n\"Hopper, Grace\",4\r\n,\r\n")
	f.Add("person,colour\nx,y\n")
	f.Add("person,data-fluency.1\n\"unclosed,3\n")
	f.Add("person,data-fluency.1\nA,seven\nB\nC,1,2\n")
	f.Fuzz(func(t *testing.T, data string) {
		sr, err := NewSheetReader("fuzz.csv", strings.NewReader(data), r)
		if !headerChecked(t, err) {
			return
		}
		if !readsEveryRow(t, sr, r, strings.Count(data, "\n")+1) {
			t.Fatal("more rows than lines: the reader does not stop")
		}
	})
}

// headerChecked reports whether a sheet's header was read; a header that was not must
// come with located problems.
func headerChecked(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		return true
	}
	var list problem.List
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("header error without problems: %v", err)
	}
	return false
}

// readsEveryRow reads a sheet to its end, at most most rows: every row either scores or
// comes back as located problems, past the header. It reports whether the end came.
func readsEveryRow(t *testing.T, sr *SheetReader, r *rubric.Rubric, most int) bool {
	t.Helper()
	a := assess.NewAnswers(r)
	for rows := 0; rows <= most; rows++ {
		line, err := sr.ReadInto(a)
		if errors.Is(err, io.EOF) {
			return true
		}
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 || list[0].Line < 1 {
				t.Fatalf("row error without a located problem: %v", err)
			}
			continue
		}
		if line < 2 {
			t.Fatalf("row at line %d", line)
		}
		assess.Score(r, a, assess.ScoreOptions{Certs: 3})
	}
	return false
}

// FuzzWorkbook feeds any bytes to the workbook reader, starting from the fixtures and
// from small workbooks of every path form and cell form stored without compression (so
// that a change to the bytes is a change to the XML): it must never panic or hang, every
// problem must be located, and reading must stop.
func FuzzWorkbook(f *testing.F) {
	r := fuzzRubric(f)
	dir := filepath.Join("..", "..", "cmd", "testdata", "xlsx")
	names, err := filepath.Glob(filepath.Join(dir, "*.xls*"))
	if err != nil || len(names) < 9 {
		f.Fatal(names, err)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, seed := range workbookSeeds {
		f.Add(xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Target: seed.target, XML: seed.sheet}}, StringsXML: seed.strings, Stored: true}.Bytes())
	}
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add(xlsxtest.OLE2("Workbook"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sr, err := NewWorkbookReader("fuzz.xlsx", bytes.NewReader(data), r)
		if !headerChecked(t, err) {
			return
		}
		defer sr.Close()
		if !readsEveryRow(t, sr, r, 1<<21) {
			t.Fatal("more rows than a sheet holds: the reader does not stop")
		}
	})
}

// workbookSeeds are the path forms and cell forms the workbook fuzz targets start from.
var workbookSeeds = func() []struct{ target, sheet, strings string } {
	sst := xlsxtest.XMLHead + `<sst xmlns="` + xlsxtest.NSMain + `"><si><t>na</t></si><si><r><t>Ada </t></r><r><t>L</t></r><rPh><t>x</t></rPh></si><si><t>3</t></si></sst>`
	cells := []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>person</t></is></c><c r="B1" t="inlineStr"><is><t>data-fluency.1</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c></row>` +
			`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><v>1</v></c><c r="C2"><v>46346</v></c></row>` +
			`<row r="3" hidden="1"><c r="A3" t="str"><f>"x"</f><v>Grace</v></c><c r="B3"><f>1+2</f></c><c r="C3" t="d"><v>2026-11-20T00:00:00Z</v></c></row>` +
			`<row r="4"><c r="A4" t="inlineStr"><is><t><![CDATA[K&R]]></t></is></c><c r="B4" t="e"><v>#N/A</v></c></row>` +
			`<row r="5"><c r="A5" t="s"><v>1</v></c><c r="B5" t="s"><v>2</v></c><c r="C5" t="s"><v>0</v></c></row>`,
		`<row><c t="inlineStr"><is><t>person</t></is></c><c t="inlineStr"><is><t>data-fluency.1</t></is></c></row>` +
			`<row><c t="inlineStr"><is><t>Ada</t></is></c><c t="b"><v>1</v></c></row><row><c t="inlineStr"><is><t>Grace &amp; co</t></is></c><c><v>4</v></c></row>` +
			`<row><c t="inlineStr"><is><t>Linus</t></is></c><c t="&#98;"><v>1</v></c></row>`,
		`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>person</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>data-fluency.1</x:t></x:is></x:c></x:row>` +
			`<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Ada</x:t></x:is></x:c><x:c r="B2" t='b'><x:v>1</x:v></x:c></x:row>`,
	}
	var seeds []struct{ target, sheet, strings string }
	for i, target := range []string{"worksheets/sheet1.xml", "./worksheets/sheet1.xml", "../xl/worksheets/sheet1.xml", "worksheets//sheet1.xml", "/xl/worksheets/sheet1.xml", "Worksheets/Sheet%31.xml"} {
		c := cells[i%len(cells)]
		sheet := xlsxtest.SheetHead + c + xlsxtest.SheetTail
		if strings.HasPrefix(c, "<x:") {
			sheet = xlsxtest.XMLHead + `<x:worksheet xmlns:x="` + xlsxtest.NSMain + `"><x:sheetData>` + c + `</x:sheetData></x:worksheet>`
		}
		seeds = append(seeds, struct{ target, sheet, strings string }{target, sheet, sst})
	}
	return seeds
}()

// FuzzWorkbookParts builds a workbook from a relationship target, a sheet's XML and the
// shared strings' XML, and reads it with a scanner buffer of any size from a few bytes
// up (so that tags and values are cut everywhere). Besides never panicking and locating
// every problem, the reader must agree with encoding/xml: wherever encoding/xml reads
// the sheet as well-formed and the reader finds nothing wrong, the rows, their cells and
// each cell's kind (a value, a TRUE/FALSE, an error, a formula without a value) are what
// a plain reading of the same XML with encoding/xml gives (oracleRows).
func FuzzWorkbookParts(f *testing.F) {
	r := fuzzRubric(f)
	for _, seed := range workbookSeeds {
		f.Add(seed.target, seed.sheet, seed.strings, uint8(7))
	}
	f.Fuzz(func(t *testing.T, target, sheet, sst string, size uint8) {
		checkAgainstOracle(t, r, target, sheet, sst, 1+int(size))
	})
}

// checkAgainstOracle reads the workbook of a sheet's target, its XML and the shared
// strings' XML with a scanner buffer of bufSize bytes, checks that every problem is
// located and that reading stops, and compares the rows read with encoding/xml's
// reading (oracleRows) when both can be compared: it reports whether they were.
func checkAgainstOracle(t *testing.T, r *rubric.Rubric, target, sheet, sst string, bufSize int) (compared bool) {
	t.Helper()
	book := xlsxtest.Book{Sheets: []xlsxtest.Sheet{{Name: "Answers", Target: target, XML: sheet}}, StringsXML: sst, Stored: true}
	data := book.Bytes()
	defer func(was int) { scanBufferSize = was }(scanBufferSize)
	scanBufferSize = bufSize

	// The reader's rows, as records.
	w := &workbookRecords{file: "fuzz.xlsx", src: &workbookSource{ra: bytes.NewReader(data), size: int64(len(data)), close: func() error { return nil }}}
	defer w.Close()
	var got []oracleRow
	if err := w.open(); err != nil {
		headerChecked(t, err)
		return false
	}
	for rows := 0; ; rows++ {
		if rows > maxSheetRows {
			t.Fatal("the reader does not stop")
		}
		cells, line, err := w.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var list problem.List
			if !errors.As(err, &list) || len(list) == 0 || list[0].Line < 1 {
				t.Fatalf("a row's error without a located problem: %v", err)
			}
			return false
		}
		got = append(got, oracleRow{row: line, cells: slices.Clone(cells), odds: slices.Clone(w.odds[:len(cells)])})
	}
	// And the whole review's rules over them.
	if sr, err := NewWorkbookReader("fuzz.xlsx", bytes.NewReader(data), r); headerChecked(t, err) {
		readsEveryRow(t, sr, r, 1<<21)
		sr.Close()
	}
	var strs []string
	if sst != "" {
		var ok bool
		if strs, ok = oracleStrings(sst); !ok {
			return false
		}
	}
	want, ok := oracleRows(sheet, strs)
	if !ok {
		return false
	}
	if !slices.EqualFunc(got, want, func(a, b oracleRow) bool {
		return a.row == b.row && slices.Equal(a.cells, b.cells) && slices.Equal(a.odds, b.odds)
	}) {
		t.Fatalf("the reader and encoding/xml disagree:\nreader:       %+v\nencoding/xml: %+v", got, want)
	}
	return true
}

// oracleRow is a row as read: its number, its cells and their kinds (oddBool…).
type oracleRow struct {
	row   int
	cells []string
	odds  []uint8
}

// oracleStrings reads shared strings with encoding/xml: each si's t elements, not in a
// phonetic guide; ok is false when encoding/xml cannot read them.
func oracleStrings(sst string) (strs []string, ok bool) {
	dec := xml.NewDecoder(strings.NewReader(sst))
	var b strings.Builder
	inItem, inPhonetic, inText := false, false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return strs, true
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			inText = false
			switch t.Name.Local {
			case "si":
				inItem = true
				b.Reset()
			case "rPh":
				inPhonetic = true
			case "t":
				inText = inItem && !inPhonetic
			}
		case xml.EndElement:
			inText = false
			switch t.Name.Local {
			case "si":
				strs = append(strs, string(unescapeBSTR([]byte(b.String()))))
				inItem = false
			case "rPh":
				inPhonetic = false
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		case xml.Directive:
			return nil, false
		}
	}
}

// oracleRows reads a sheet's rows with encoding/xml and the rules the reader keeps (cells
// placed by reference or after the last, classified by type, formula and value; a row
// as wide as its last cell with something in it, and no more than widthPastHeader past
// the header's; rows with nothing in them left out). ok is false when encoding/xml
// cannot read the sheet, or the sheet breaks a rule the reader refuses it for.
func oracleRows(sheet string, strs []string) (rows []oracleRow, ok bool) {
	dec := xml.NewDecoder(strings.NewReader(sheet))
	type span struct {
		col   int
		value string
		odd   uint8
	}
	var (
		inData, inRow, inCell, inInline, inPhonetic, collecting bool
		formula, valued                                         bool
		rowNum, next, headerWidth                               int
		typ, value                                              string
		col                                                     int
		spans                                                   []span
	)
	attrOf := func(e xml.StartElement, name string) (string, bool) {
		v, found := "", false
		for _, a := range e.Attr {
			if a.Name.Local == name {
				v, found = a.Value, true
			}
		}
		return strings.Trim(v, " \t\r\n"), found
	}
	endCell := func() bool {
		trimmed := strings.TrimSpace(value)
		sp := span{col: col, value: value}
		switch typ {
		case "s":
			sp.value = ""
			if trimmed != "" {
				i, err := strconv.Atoi(trimmed)
				if err != nil || i < 0 || i >= len(strs) || strings.ContainsAny(trimmed, "+-") {
					return false
				}
				sp.value = strs[i]
			}
		case "b":
			sp.odd, sp.value = oddBool, "FALSE"
			if trimmed == "1" {
				sp.value = "TRUE"
			}
		case "e":
			sp.odd = oddError
		case "inlineStr":
			sp.value = string(unescapeBSTR([]byte(value)))
		case "d":
			sp.value = isoDate(value)
		case "", "n", "str":
		default:
			return false
		}
		if formula && sp.odd == oddNone && (!valued || trimmed == "") {
			sp.odd, sp.value = oddFormula, ""
		}
		if sp.value != "" || sp.odd != oddNone {
			spans = append(spans, sp)
		}
		return true
	}
	endRow := func() {
		if len(spans) == 0 {
			return
		}
		width := spans[len(spans)-1].col + 1
		if headerWidth > 0 && width > headerWidth+widthPastHeader {
			width = headerWidth + widthPastHeader
		}
		if headerWidth == 0 {
			headerWidth = width
		}
		r := oracleRow{row: rowNum, cells: make([]string, width), odds: make([]uint8, width)}
		for _, sp := range spans {
			c := min(sp.col, width-1)
			r.cells[c], r.odds[c] = sp.value, sp.odd
		}
		rows = append(rows, r)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return rows, !inData // a sheetData not ended is refused as cut short
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, false
		case xml.CharData:
			if collecting {
				value += string(t)
				if len(value) > maxValueBytes {
					return nil, false
				}
			}
		case xml.StartElement:
			collecting = false
			local := t.Name.Local
			if !inData {
				if local == "sheetData" {
					inData = true
				}
				continue
			}
			switch local {
			case "row":
				if inRow {
					return nil, false
				}
				rowNum++
				if v, found := attrOf(t, "r"); found {
					n, err := strconv.Atoi(v)
					if err != nil || n < rowNum {
						return nil, false
					}
					rowNum = n
				}
				if rowNum > maxSheetRows {
					return nil, false
				}
				inRow, next, spans = true, 0, spans[:0]
			case "c":
				if !inRow || inCell {
					return nil, false
				}
				col = next
				if v, found := attrOf(t, "r"); found {
					c, ok := columnOf([]byte(v))
					if !ok || c < next {
						return nil, false
					}
					col = c
				}
				if col >= maxSheetCols {
					return nil, false
				}
				next = col + 1
				typ, _ = attrOf(t, "t")
				value, formula, valued, inInline, inPhonetic, inCell = "", false, false, false, false, true
			case "v":
				collecting, valued = inCell, valued || inCell
			case "f":
				formula = formula || inCell
			case "is":
				inInline = inCell
			case "rPh":
				inPhonetic = inInline
			case "t":
				collecting = inInline && !inPhonetic
				valued = valued || collecting
			}
		case xml.EndElement:
			collecting = false
			if !inData {
				continue
			}
			switch t.Name.Local {
			case "c":
				if inCell {
					if !endCell() {
						return nil, false
					}
					inCell = false
				}
			case "row":
				if !inRow || inCell {
					return nil, false
				}
				endRow()
				inRow = false
			case "sheetData":
				if inRow {
					return nil, false
				}
				return rows, true
			case "is":
				inInline = false
			case "rPh":
				inPhonetic = false
			}
		}
	}
}

// The seeds of the workbook fuzz targets read as encoding/xml reads them, whatever the
// scanner's buffer, from a byte to more than the sheet.
func TestWorkbookAgreesWithEncodingXML(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	for i, seed := range workbookSeeds {
		for size := 1; size <= len(seed.sheet)+1; size++ {
			if !checkAgainstOracle(t, r, seed.target, seed.sheet, seed.strings, size) {
				t.Fatalf("seed %d, buffer %d: not compared", i, size)
			}
		}
	}
}
