package reports

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/atomicfile"
	"github.com/pmladder/pmladder/rubric"
)

// The team review as a workbook streams with flat memory at any size, so it is written
// here rather than through excelize, whose stream writer costs about a microsecond a cell
// (the Rows sheet alone is 23 million cells at 100,000 people). Workers render each
// person's rows of the People, Heatmap and Rows sheets as sheet XML into their batch and
// compress the batch's part of each sheet (a run of deflate blocks ended by a sync flush,
// which can be joined end to end); the sink appends the parts to a temporary file per
// sheet as batches are committed; Close ends each sheet with a final empty block and
// writes the workbook around them, copying the compressed sheets as they are. Text
// from the rubric is a shared string, encoded once; a person's own text is written in
// the cell, neutralised as in CSV.

// xlsxMaxRows is the rows a worksheet holds (Excel's limit, the header included): the
// Rows sheet goes on in "Rows 2", "Rows 3"… beyond it.
const xlsxMaxRows = 1 << 20

// Styles of the review's cells (the order of cellXfs in xlsxStyles).
const (
	styleHeader = 1
	styleDate   = 2
	// styleBelow marks a score below the target's expectation with ▼, readable without
	// colour; conditional formatting shades it by the size of the gap.
	styleBelow = 3
	// styleSkillHeader is a heatmap's column header, turned upright to fit a narrow column.
	styleSkillHeader = 4
)

// xlsxSheet is one worksheet being written: its XML compressed into a temporary file,
// as runs of deflate blocks, with the CRC and size of the XML they hold.
type xlsxSheet struct {
	name string
	file *os.File
	buf  *bufio.Writer
	crc  hash.Hash32
	size uint64
	rows int
	// trailer is the XML after sheetData (an autofilter, conditional formatting), made
	// once the rows are known.
	trailer func(rows int) string
}

// appendCompressed adds a run of deflate blocks z that holds plain.
func (x *xlsxSheet) appendCompressed(z, plain []byte) error {
	x.crc.Write(plain)
	x.size += uint64(len(plain))
	_, err := x.buf.Write(z)
	return err
}

// deflater compresses parts of a sheet, each into a run of deflate blocks that ends on a
// byte boundary without a final block (a sync flush), so parts can be joined end to end.
// Its compressor (about a megabyte) is reused from part to part.
type deflater struct {
	fw  *flate.Writer
	out bytesBuffer
}

type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }

// compress appends to dst the run of blocks that holds plain.
func (d *deflater) compress(dst, plain []byte) []byte {
	d.out.b = dst
	if d.fw == nil {
		d.fw, _ = flate.NewWriter(&d.out, flate.BestSpeed)
	} else {
		d.fw.Reset(&d.out)
	}
	d.fw.Write(plain)
	d.fw.Flush()
	return d.out.b
}

// finalBlock ends a deflate stream: an empty last block (fixed Huffman codes, end of block).
var finalBlock = []byte{0x03, 0x00}

// teamXLSX is the review workbook's team format.
type teamXLSX struct {
	dir    string
	people *xlsxSheet
	heat   *xlsxSheet
	rows   []*xlsxSheet
	// perSheet is how many people's rows a Rows sheet holds: as many as fit in maxRows
	// (xlsxMaxRows when 0; a test sets fewer).
	perSheet, maxRows int
	strings           *sharedStrings
	// z compresses what the sink itself writes (sheet starts and ends, a batch cut
	// between two Rows sheets), on the committing goroutine, into zbuf.
	z    deflater
	zbuf []byte
}

// write compresses p into the sheet, on the committing goroutine.
func (t *teamXLSX) write(x *xlsxSheet, p []byte) error {
	t.zbuf = t.z.compress(t.zbuf[:0], p)
	return x.appendCompressed(t.zbuf, p)
}

func (t *teamXLSX) writeString(x *xlsxSheet, s string) error { return t.write(x, []byte(s)) }

// sharedStrings are the rubric's texts, each stored once in the workbook.
type sharedStrings struct {
	index map[string]int
	list  []string
}

// id adds text, before the review starts: the workers only read the index.
func (s *sharedStrings) id(text string) {
	if _, ok := s.index[text]; !ok {
		s.index[text] = len(s.list)
		s.list = append(s.list, text)
	}
}

func newSharedStrings(r *rubric.Rubric) *sharedStrings {
	s := &sharedStrings{index: map[string]int{}}
	for _, h := range [][]string{csvColumns(), peopleColumns(), gapsColumns(), certsColumns()} {
		for _, t := range h {
			s.id(t)
		}
	}
	for _, a := range assess.Assessors() {
		s.id(a)
	}
	for _, p := range []assess.Priority{assess.PriorityHigh, assess.PriorityMedium, assess.PriorityLow, assess.PriorityNone, assess.PriorityNA} {
		s.id(string(p))
	}
	for i := range r.Roles {
		s.id(r.Roles[i].ID)
		s.id(r.Roles[i].Name)
	}
	for _, sk := range r.Skills() {
		s.id(sk.ID)
		s.id(sk.Name)
		s.id(sk.Category)
		s.id("expects: " + sk.ID)
	}
	return s
}

// gapsColumns and certsColumns are the columns of the summary's sheets: the team's
// largest gaps, and the certifications that cover most of them.
func gapsColumns() []string {
	return []string{"skill", "name", "people_below_target", "mean_gap", "mean_score", "assessed"}
}

func certsColumns() []string {
	return []string{"certification", "name", "issuer", "covers", "people", "value", "url"}
}

// peopleColumns are the People sheet's columns.
func peopleColumns() []string {
	return []string{"person", "assessor", "date", "current_role", "target_role", "target_readiness", "top_gap", "top_gap_size"}
}

func (t *teamXLSX) newSheet(name string) (*xlsxSheet, error) {
	f, err := os.CreateTemp(t.dir, "sheet-*.xml.deflate")
	if err != nil {
		return nil, err
	}
	return &xlsxSheet{name: name, file: f, buf: bufio.NewWriterSize(f, 256<<10), crc: crc32.NewIEEE()}, nil
}

func (t *teamXLSX) begin(s *teamSink) error {
	atomicfile.RemoveStaleTemp(os.TempDir(), "pmladder-review-", "", time.Now()) // what a killed review left
	dir, err := os.MkdirTemp("", atomicfile.TempPattern("pmladder-review-", ""))
	if err != nil {
		return fmt.Errorf("cannot write the workbook: %w", err)
	}
	if err := t.start(s, dir); err != nil {
		t.abort()
		return fmt.Errorf("cannot write the workbook: %w", err)
	}
	return nil
}

func (t *teamXLSX) start(s *teamSink, dir string) error {
	var err error
	t.dir, t.strings = dir, newSharedStrings(s.r)
	if t.maxRows == 0 {
		t.maxRows = xlsxMaxRows
	}
	t.perSheet = max(1, (t.maxRows-1)/max(1, len(s.r.Skills())))
	skills := s.r.Skills()
	if t.people, err = t.newSheet("People"); err != nil {
		return err
	}
	if t.heat, err = t.newSheet("Heatmap"); err != nil {
		return err
	}
	// People: frozen header and name column, an autofilter.
	cols := peopleColumns()
	if err := t.writeString(t.people, startSheet(t.people, `<cols><col min="1" max="1" width="26" customWidth="1"/><col min="2" max="6" width="14" customWidth="1"/><col min="7" max="7" width="34" customWidth="1"/><col min="8" max="8" width="12" customWidth="1"/></cols>`, 1)+
		t.headerRow(cols)); err != nil {
		return err
	}
	t.people.trailer = func(rows int) string {
		return fmt.Sprintf(`<autoFilter ref="A1:%s%d"/>`, colName(len(cols)), max(rows, 1))
	}
	// Heatmap: a person per row, a skill per column; the target's expectations in hidden
	// columns to the right, which the conditional formatting compares each score with.
	n := len(skills)
	first, last := colName(3), colName(2+n)
	hidden := fmt.Sprintf(`<cols><col min="1" max="2" width="24" customWidth="1"/><col min="3" max="%d" width="8" customWidth="1"/><col min="%d" max="%d" hidden="1"/></cols>`,
		2+n, 3+n, 2+2*n)
	start := startSheet(t.heat, hidden, 2)
	heads := []string{"person", "target_role"}
	for _, sk := range skills {
		heads = append(heads, sk.ID)
	}
	for _, sk := range skills {
		heads = append(heads, "expects: "+sk.ID)
	}
	if err := t.writeString(t.heat, start+t.headerRow(heads[:2], heads[2:]...)); err != nil {
		return err
	}
	t.heat.trailer = func(rows int) string {
		if rows < 2 {
			return ""
		}
		ref := fmt.Sprintf("%s2:%s%d", first, last, rows)
		exp := colName(3 + n)
		var b strings.Builder
		fmt.Fprintf(&b, `<conditionalFormatting sqref="%s">`, ref)
		for i, gap := range []string{"&gt;=2", "&gt;=1", "&gt;0"} {
			// The largest gap first; each rule stops the later ones (stopIfTrue).
			fmt.Fprintf(&b, `<cfRule type="expression" dxfId="%d" priority="%d" stopIfTrue="1"><formula>AND(ISNUMBER(C2),ISNUMBER(%s2),%s2-C2%s)</formula></cfRule>`,
				i, i+1, exp, exp, gap)
		}
		b.WriteString(`</conditionalFormatting>`)
		return b.String()
	}
	return t.startRows()
}

// startRows begins the next Rows sheet.
func (t *teamXLSX) startRows() error {
	name := "Rows"
	if len(t.rows) > 0 {
		name = fmt.Sprintf("Rows %d", len(t.rows)+1)
	}
	x, err := t.newSheet(name)
	if err != nil {
		return err
	}
	if err := t.writeString(x, startSheet(x, `<cols><col min="1" max="1" width="26" customWidth="1"/><col min="2" max="12" width="14" customWidth="1"/></cols>`, 1)+
		t.headerRow(csvColumns())); err != nil {
		return err
	}
	x.trailer = func(rows int) string { return fmt.Sprintf(`<autoFilter ref="A1:L%d"/>`, max(rows, 1)) }
	t.rows = append(t.rows, x)
	return nil
}

// xlsxPageSetup prints every sheet landscape, scaled to the page's width and as many pages
// long as it takes (fitToHeight 0), with the header row repeated on each page
// (printTitles); together with the sheet's fitToPage, no column is cut at the page edge.
const xlsxPageSetup = `<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>`

// printTitles are the workbook's defined names that repeat each sheet's header row on
// every printed page.
func printTitles(sheets []*xlsxSheet) string {
	var b strings.Builder
	b.WriteString(`<definedNames>`)
	for i, x := range sheets {
		name := strings.ReplaceAll(x.name, "'", "''")
		fmt.Fprintf(&b, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">`, i)
		b.Write(appendXMLText(nil, "'"+name+"'!$1:$1"))
		b.WriteString(`</definedName>`)
	}
	b.WriteString(`</definedNames>`)
	return b.String()
}

// startSheet is a worksheet's start: set up to print (xlsxPageSetup), the header row
// frozen, and with freezeCols the first columns too.
func startSheet(x *xlsxSheet, cols string, freezeCols int) string {
	top := colName(freezeCols+1) + "2"
	x.rows = 1
	return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`+
		`<sheetViews><sheetView workbookViewId="0"><pane xSplit="%d" ySplit="1" topLeftCell="%s" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/>%s<sheetData>`, freezeCols, top, cols)
}

// headerRow is a row of column names in bold, each a shared string; upright names
// follow, turned to fit narrow columns (a heatmap's skills).
func (t *teamXLSX) headerRow(names []string, upright ...string) string {
	b := []byte("<row>")
	if len(upright) > 0 {
		b = []byte(`<row ht="150" customHeight="1">`) // room for the longest skill id, upright
	}
	for k, list := range [][]string{names, upright} {
		style := []int{styleHeader, styleSkillHeader}[k]
		for _, n := range list {
			b = fmt.Appendf(b, `<c t="s" s="%d"><v>%d</v></c>`, style, t.strings.index[n])
		}
	}
	return string(append(b, "</row>"...))
}

// xlsxRows appends one person's rows of the three streamed sheets to a batch.
type xlsxRows struct {
	people, heat, long []byte
	// persons holds where each person's long rows end in long, so a batch can be cut
	// between people when a Rows sheet is full.
	persons []int
	// zpeople, zheat and zlong are the three parts compressed (Seal).
	zpeople, zheat, zlong []byte
	z                     deflater
}

// seal compresses the batch's parts of the three sheets, on the worker.
func (x *xlsxRows) seal() {
	x.zpeople = x.z.compress(x.zpeople[:0], x.people)
	x.zheat = x.z.compress(x.zheat[:0], x.heat)
	x.zlong = x.z.compress(x.zlong[:0], x.long)
}

func (t *teamXLSX) add(b *teamBatch, sc *assess.Scorer, a *assess.Answers) error {
	res, _ := b.person(sc, a)
	x := &b.xlsx
	ss := t.strings
	// People.
	p := append(x.people, "<row>"...)
	p = appendInline(p, a.Person)
	p = appendShared(p, ss, string(a.Assessor))
	p = appendDate(p, a.Date)
	current, target := "", ""
	var readiness *float64
	if res.Current != nil {
		current = res.Current.ID
	}
	if res.Target != nil {
		target, readiness = res.Target.Role.ID, res.Target.Readiness
	}
	p = appendShared(p, ss, current)
	p = appendShared(p, ss, target)
	p = appendNumber(p, readiness, 0)
	if len(res.Gaps) > 0 {
		g := res.Gaps[0]
		p = appendShared(p, ss, g.Skill.Name)
		gap := g.Gap
		p = appendNumber(p, &gap, 0)
	} else {
		p = append(p, "<c/><c/>"...)
	}
	x.people = append(p, "</row>"...)
	// Heatmap.
	h := append(x.heat, "<row>"...)
	h = appendInline(h, a.Person)
	h = appendShared(h, ss, target)
	for i := range res.Skills {
		sk := &res.Skills[i]
		style := 0
		if sk.Gap != nil && *sk.Gap > 0 {
			style = styleBelow
		}
		h = appendNumber(h, sk.Score, style)
	}
	for i := range res.Skills {
		h = appendNumber(h, res.Skills[i].ExpectedTarget, 0)
	}
	x.heat = append(h, "</row>"...)
	// Rows: the long CSV's rows, numbers as numbers.
	l := x.long
	for i := range res.Skills {
		sk := &res.Skills[i]
		l = append(l, "<row>"...)
		l = appendInline(l, a.Person)
		l = appendShared(l, ss, string(a.Assessor))
		l = appendDate(l, a.Date)
		l = appendShared(l, ss, current)
		l = appendShared(l, ss, target)
		l = appendNumber(l, readiness, 0)
		l = appendShared(l, ss, sk.Skill.Category)
		l = appendShared(l, ss, sk.Skill.ID)
		l = appendNumber(l, sk.Score, 0)
		l = appendNumber(l, sk.ExpectedTarget, 0)
		l = appendNumber(l, sk.Gap, 0)
		l = appendShared(l, ss, string(sk.Priority))
		l = append(l, "</row>"...)
	}
	x.long = l
	x.persons = append(x.persons, len(l))
	return nil
}

// appendShared appends a cell of a shared string; "" is an empty cell.
func appendShared(b []byte, ss *sharedStrings, text string) []byte {
	if text == "" {
		return append(b, "<c/>"...)
	}
	i, ok := ss.index[text]
	if !ok {
		return appendInline(b, text) // not the rubric's: written in place (read-only map on the workers)
	}
	b = append(b, `<c t="s"><v>`...)
	b = strconv.AppendInt(b, int64(i), 10)
	return append(b, "</v></c>"...)
}

// appendInline appends a text cell written in place, neutralised as in CSV and with what
// XML cannot hold replaced.
func appendInline(b []byte, text string) []byte {
	if text == "" {
		return append(b, "<c/>"...)
	}
	b = append(b, `<c t="inlineStr"><is><t xml:space="preserve">`...)
	b = appendXMLText(b, SafeText(text))
	return append(b, "</t></is></c>"...)
}

// appendXMLText escapes text for XML; characters XML 1.0 cannot hold (most control
// characters) become U+FFFD.
func appendXMLText(b []byte, s string) []byte {
	for _, r := range s {
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError:
			b = append(b, "\uFFFD"...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// appendNumber appends a number cell, rounded as every report rounds; nil is empty.
func appendNumber(b []byte, p *float64, style int) []byte {
	if p == nil {
		return append(b, "<c/>"...)
	}
	if style != 0 {
		b = append(b, `<c s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, `"><v>`...)
	} else {
		b = append(b, "<c><v>"...)
	}
	b = appendRounded(b, *p)
	return append(b, "</v></c>"...)
}

// appendRounded appends Round(v) as strconv writes it at its shortest, which a cell's
// value is. Below a million that is the hundredths appendCents writes (a decimal of at
// most 8 digits is the shortest that reads back as its float), without formatting a
// float: the scores of every person are most of a workbook's numbers
// (TestAppendRoundedIsShortestFloat).
func appendRounded(b []byte, v float64) []byte {
	if math.Abs(v) < 1e6 {
		return appendCents(b, cents(v))
	}
	return strconv.AppendFloat(b, Round(v), 'f', -1, 64)
}

// excelEpoch is day 0 of a workbook's dates (1900 date system, as Excel counts them
// after its 1900 leap-year quirk).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// appendDate appends a date cell: the day count a spreadsheet stores, shown as a day.
func appendDate(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, "<c/>"...)
	}
	days := t.UTC().Sub(excelEpoch).Hours() / 24
	b = append(b, `<c s="2"><v>`...)
	// A date is mostly a whole day: its count written as the integer it is, which is
	// strconv's shortest form of it.
	if secs := int64(days * 86400); secs%86400 == 0 {
		b = strconv.AppendInt(b, secs/86400, 10)
	} else {
		b = strconv.AppendFloat(b, float64(secs)/86400, 'f', -1, 64)
	}
	return append(b, "</v></c>"...)
}

// commit writes a batch's rows into their sheets, in input order.
func (t *teamXLSX) commit(b *teamBatch) error {
	x := &b.xlsx
	if err := t.people.appendCompressed(x.zpeople, x.people); err != nil {
		return err
	}
	t.people.rows += b.people
	if err := t.heat.appendCompressed(x.zheat, x.heat); err != nil {
		return err
	}
	t.heat.rows += b.people
	skills := max(1, len(b.sink.r.Skills()))
	cur := t.rows[len(t.rows)-1]
	if (cur.rows-1)/skills+b.people <= t.perSheet {
		cur.rows += b.people * skills
		return cur.appendCompressed(x.zlong, x.long) // the whole batch fits: as compressed
	}
	// The batch straddles the end of a Rows sheet: cut it between people.
	start := 0
	for i := range x.persons {
		if cur := t.rows[len(t.rows)-1]; (cur.rows-1)/skills >= t.perSheet {
			if err := t.write(cur, x.long[start:startOf(x.persons, i)]); err != nil {
				return err
			}
			start = startOf(x.persons, i)
			if err := t.startRows(); err != nil {
				return err
			}
		}
		t.rows[len(t.rows)-1].rows += skills
	}
	return t.write(t.rows[len(t.rows)-1], x.long[start:])
}

// startOf is where person i's long rows begin in the batch.
func startOf(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

func (t *teamXLSX) end(s *teamSink, team *Team) error {
	defer t.abort() // the temporary sheets go, written or not (a full disk)
	sheets := append([]*xlsxSheet{t.people, t.heat}, t.rows...)
	gaps, err := t.summarySheet("Gaps", gapsColumns(), func(add func(cells ...any)) {
		for _, g := range team.largestGaps() {
			add(g.ID, g.Name, g.BelowTarget, g.MeanGap, g.Mean, g.Assessed)
		}
	})
	if err != nil {
		return err
	}
	certs, err := t.summarySheet("Certifications", certsColumns(), func(add func(cells ...any)) {
		for _, c := range team.Summary.Certifications {
			covers := make([]string, len(c.Covers))
			for i, id := range c.Covers {
				covers[i] = skillName(s.r, id)
			}
			add(c.ID, c.Name, c.Issuer, strings.Join(covers, "; "), c.People, c.Value, c.URL)
		}
	})
	if err != nil {
		return err
	}
	sheets = append(sheets, gaps, certs)
	for _, x := range sheets {
		end := "</sheetData>"
		if x.trailer != nil {
			end += x.trailer(x.rows)
		}
		end += `<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` + xlsxPageSetup + `</worksheet>`
		if err := t.writeString(x, end); err != nil {
			return err
		}
		if _, err := x.buf.Write(finalBlock); err != nil {
			return err
		}
		if err := x.buf.Flush(); err != nil {
			return err
		}
	}
	return t.writeWorkbook(s.w, sheets)
}

// summarySheet writes a small sheet of the team's summary, cells as they come.
func (t *teamXLSX) summarySheet(name string, header []string, rows func(add func(cells ...any))) (*xlsxSheet, error) {
	x, err := t.newSheet(name)
	if err != nil {
		return nil, err
	}
	b := []byte(startSheet(x, `<cols><col min="1" max="1" width="22" customWidth="1"/><col min="2" max="2" width="40" customWidth="1"/><col min="3" max="7" width="16" customWidth="1"/></cols>`, 1) +
		t.headerRow(header))
	rows(func(cells ...any) {
		b = append(b, "<row>"...)
		for _, c := range cells {
			switch v := c.(type) {
			case string:
				b = appendShared(b, t.strings, v)
			case int:
				f := float64(v)
				b = appendNumber(b, &f, 0)
			case float64:
				b = appendNumber(b, &v, 0)
			case *float64:
				b = appendNumber(b, v, 0)
			}
		}
		b = append(b, "</row>"...)
		x.rows++
	})
	return x, t.write(x, b)
}

// writeWorkbook writes the workbook's parts and copies the compressed sheets into it.
func (t *teamXLSX) writeWorkbook(w io.Writer, sheets []*xlsxSheet) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	part := func(name, body string) error {
		f, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, body)
		return err
	}
	const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	var types, rels, list strings.Builder
	for i := range sheets {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		list.WriteString(`<sheet name="`)
		list.Write(appendXMLText(nil, sheets[i].name))
		fmt.Fprintf(&list, `" sheetId="%d" r:id="rId%d"/>`, i+1, i+1)
	}
	n := len(sheets)
	var sst strings.Builder
	fmt.Fprintf(&sst, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(t.strings.list), len(t.strings.list))
	for _, s := range t.strings.list {
		sst.WriteString(`<si><t xml:space="preserve">`)
		sst.Write(appendXMLText(nil, s))
		sst.WriteString(`</t></si>`)
	}
	sst.WriteString(`</sst>`)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
			types.String() + `</Types>`},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>` + list.String() + `</sheets>` + printTitles(sheets) + `</workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
			fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1) +
			fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, n+2) +
			`</Relationships>`},
		{"xl/styles.xml", xmlHead + xlsxStyles},
		{"xl/sharedStrings.xml", xmlHead + sst.String()},
	} {
		if err := part(p.name, p.body); err != nil {
			return err
		}
	}
	for i, x := range sheets {
		raw, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), Method: zip.Deflate,
			CRC32: x.crc.Sum32(), UncompressedSize64: x.size, CompressedSize64: uint64(mustSize(x.file)), Modified: time.Now()})
		if err != nil {
			return err
		}
		if _, err := x.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(raw, x.file); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	t.abort()
	return nil
}

func mustSize(f *os.File) int64 {
	fi, err := f.Stat()
	if err != nil {
		return 0
	}
	return fi.Size()
}

// abort removes the temporary sheets.
func (t *teamXLSX) abort() {
	for _, x := range append([]*xlsxSheet{t.people, t.heat}, t.rows...) {
		if x != nil {
			x.file.Close()
		}
	}
	if t.dir != "" {
		os.RemoveAll(t.dir)
		t.dir = ""
	}
}

// xlsxStyles: fonts (plain, bold), fills (none, gray125 as the format requires, the
// header's grey), number formats (a day; a score with ▼ when below target), cell styles
// in the order of the style constants, and the conditional formatting's three shades of
// gap (2 or more, 1 or more, any).
const xlsxStyles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="General&quot; ▼&quot;"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFF3F4F6"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment textRotation="90"/></xf></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`<dxfs count="3">` +
	`<dxf><font><b/><color rgb="FFFFFFFF"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFB91C1C"/></patternFill></fill></dxf>` +
	`<dxf><fill><patternFill patternType="solid"><bgColor rgb="FFF87171"/></patternFill></fill></dxf>` +
	`<dxf><fill><patternFill patternType="solid"><bgColor rgb="FFFECACA"/></patternFill></fill></dxf>` +
	`</dxfs></styleSheet>`
