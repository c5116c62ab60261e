package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/problem"
)

// A workbook is read as Office Open XML says, with the standard library alone: the zip's
// parts are found through their relationships, resolved relative to the part that names
// them; the sheet's part is read as a stream in one pass that classifies every cell
// (a value, a TRUE/FALSE, an error, a formula without a stored result); the shared
// strings are held once, as one string and where each ends. What is read is bounded by
// what a sheet can hold (1,048,576 rows of 16,384 columns, 32,767 characters a cell; no
// more shared strings than the sheets have cells for) and by what compression can
// honestly do (a zip bomb is named and refused), not by a cap on the file: a workbook of
// a million rows reads in a little memory.

// Limits on what a workbook may make pmladder read and hold.
const (
	// MaxRows and MaxCols are what a sheet holds (Excel's limits).
	MaxRows = 1 << 20
	MaxCols = 1 << 14
	// WidthPastHeader is how far past the first row's last cell a row is read: the row is
	// wrong anyway, and reading 16,000 empty cells a row would let a small file cost
	// minutes.
	WidthPastHeader = 1024
	// MaxParts is the most files in the archive: no workbook has near as many.
	MaxParts = 10000
	// maxSmallPart is the most a part other than a sheet or the shared strings unpacks
	// to (the workbook, relationships, content types: kilobytes in any workbook).
	maxSmallPart = 16 << 20
	// A part that unpacks to more than bombFloor and more than bombRatio times its
	// compressed size is a zip bomb: spreadsheets' XML compresses 5 to 20 times.
	bombFloor = 16 << 20
	bombRatio = 100
	// minCellBytes is the fewest bytes of sheet XML a cell that uses a shared string
	// takes (<c t="s"><v>0</v></c>), so the sheets' sizes bound how many shared
	// strings a workbook can use; minStrings are allowed whatever the sheets.
	minCellBytes = 20
	minStrings   = 1 << 16
	// maxStringText is the most text the shared strings may hold together.
	maxStringText = 512 << 20
)

// Resave is what to do about a workbook that is damaged.
const Resave = "open it in the spreadsheet and save it again"

var ole2Magic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// IsWorkbook reports whether data starts like a spreadsheet's file rather than text: a
// zip archive (an .xlsx, an .xlsm, an empty archive) or an Office 97–2003 compound file
// (an .xls, or a password-protected workbook). Open says which.
func IsWorkbook(head []byte) bool {
	for _, magic := range []string{"PK\x03\x04", "PK\x05\x06", "PK\x07\x08", "\xd0\xcf\x11\xe0"} {
		if bytes.HasPrefix(head, []byte(magic)) {
			return true
		}
	}
	return false
}

// Options are how a workbook is read.
type Options struct {
	// Want names the file the user should have given, in the message about a document
	// that is no workbook (a Word document): "the team sheet (.xlsx or .csv)".
	Want string
	// Sheet names the sheet the caller reads, in advice about a workbook too large to
	// read: "the answers sheet". Empty: "the sheet pmladder reads".
	Sheet string
	// ScanBuffer is the size the scanner's buffer starts at; 0 is the default. Fuzz
	// tests make it a few bytes, to cut tags and values everywhere.
	ScanBuffer int
}

// Workbook is an open workbook: its sheets, as the workbook lists them. It reads from
// its source as it goes, so the source must stay open until the workbook is done with.
type Workbook struct {
	file string
	opts Options
	pk   *pkg
	rels map[string]relationship // the workbook's, by id
	// Sheets are the workbook's sheets in its order (the order of its tabs).
	Sheets []Sheet
	// Date1904 is the workbook's date system: day counts from 1904 rather than 1900.
	Date1904 bool
	strings  sharedStrings
	loaded   bool
}

// Sheet is a sheet a workbook lists.
type Sheet struct {
	Name string
	// State is "" (visible), "hidden" or "veryHidden".
	State string
	// Cells is false for a chart sheet or a macro sheet.
	Cells bool
	id    string
}

// Hidden reports whether the sheet is hidden, as a user can or as only a macro can.
func (e Sheet) Hidden() bool { return e.State == "hidden" || e.State == "veryHidden" }

// DescribeHidden says how a sheet is hidden.
func (e Sheet) DescribeHidden() string {
	if e.State == "veryHidden" {
		return "very hidden (only a macro shows it)"
	}
	return "hidden"
}

// Label is the sheet's name as messages show it (SheetLabel).
func (e Sheet) Label() string { return SheetLabel(e.Name) }

// FileProblem is a problem with the file as a whole.
func FileProblem(file, format string, args ...any) error {
	var probs problem.List
	probs.Add(file, 0, format, args...)
	return probs
}

// Open reads what a workbook is made of, from size bytes of src: its parts, its workbook
// and the sheets it lists. Every problem with the file as a whole (not a workbook; an
// .xls, .xlsm, .xlsb or .ods; damaged; a zip bomb; no sheets) is a problem.List naming
// file and saying what to do.
func Open(file string, src io.ReaderAt, size int64, opts Options) (*Workbook, error) {
	head := make([]byte, 4096)
	n, _ := src.ReadAt(head, 0)
	head = head[:n]
	fail := func(format string, args ...any) error { return FileProblem(file, format, args...) }
	switch {
	case size == 0:
		return nil, fail("an empty file, not a workbook: %s", SaveAsXLSX)
	case bytes.HasPrefix(head, ole2Magic):
		return nil, fail("%s", describeOLE2(src, size))
	case !IsWorkbook(head):
		return nil, fail("%s", describeNotZip(file, head))
	}
	if err := checkDirectory(src, size); err != nil {
		return nil, fail("%v", err)
	}
	zr, err := zip.NewReader(src, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if size < 22 || bytes.HasPrefix(head, []byte("PK\x05\x06")) && size == 22 {
			return nil, fail("an empty zip archive, not a workbook: %s", SaveAsXLSX)
		}
		return nil, fail("not a readable zip archive (damaged, or cut short in a download or a copy): %s", SaveAsXLSX)
	}
	if len(zr.File) == 0 {
		return nil, fail("an empty zip archive, not a workbook: %s", SaveAsXLSX)
	}
	pk := &pkg{file: file, size: size, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder
		}
		key := partKey(f.Name)
		if _, dup := pk.parts[key]; dup {
			return nil, fail("the workbook is damaged (two of its parts are named %s): %s", problem.Quote(f.Name), Resave)
		}
		pk.parts[key] = f
	}
	b := &Workbook{file: file, opts: opts, pk: pk}
	if err := b.readBook(); err != nil {
		return nil, err
	}
	return b, nil
}

// pkg is the workbook's parts by name (partKey).
type pkg struct {
	file  string
	size  int64
	parts map[string]*zip.File
}

// partKey is how a part's name is compared: part names are case-insensitive, and some
// writers start them with a slash or use backslashes.
func partKey(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+name), "/"))
}

// resolve is the part that target names, from the part source ("" for the package):
// relative to source's folder unless it starts with a slash, with its escapes undone,
// "." and ".." resolved and doubled slashes dropped, as OOXML resolves a relationship.
func resolve(source, target string) string {
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	target = strings.ReplaceAll(target, `\`, "/")
	if !strings.HasPrefix(target, "/") {
		target = path.Join("/"+path.Dir(source), target)
	}
	return strings.TrimPrefix(path.Clean(target), "/")
}

func (p *pkg) find(name string) *zip.File { return p.parts[partKey(name)] }

// bomb says what is wrong with a part that unpacks to far more than compression can
// honestly make of its size, else "".
func (p *pkg) bomb(f *zip.File) string {
	if f.UncompressedSize64 > p.honest(f) {
		return fmt.Sprintf("a zip bomb (its part %s unpacks to %s, %d times its size in the file; a workbook's parts are 5 to 20 times): not read; "+
			"if a spreadsheet saved it, open it there and save it again",
			problem.Quote(f.Name), sizeOf(f.UncompressedSize64), f.UncompressedSize64/max(p.compressed(f), 1))
	}
	return ""
}

// compressed is a part's compressed size, no more than the file's (parts that claim more,
// or overlap, are how some zip bombs multiply).
func (p *pkg) compressed(f *zip.File) uint64 { return min(f.CompressedSize64, uint64(p.size)) }

// honest is the most a part can unpack to without being a zip bomb.
func (p *pkg) honest(f *zip.File) uint64 { return max(bombFloor, bombRatio*p.compressed(f)) }

// sizeOf is a size in bytes for people.
func sizeOf(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", (n+1023)/1024)
}

// openPart opens a part to read, refusing a zip bomb.
func (p *pkg) openPart(f *zip.File) (io.ReadCloser, error) {
	if msg := p.bomb(f); msg != "" {
		return nil, FileProblem(p.file, "%s", msg)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, FileProblem(p.file, "the workbook is damaged (its part %s: %v): %s", problem.Quote(f.Name), err, Resave)
	}
	return rc, nil
}

// decodeSmall reads a small part (relationships, the workbook, content types) with
// encoding/xml, calling fn for each start element; a missing part has none.
func (p *pkg) decodeSmall(name string, fn func(xml.StartElement)) (found bool, err error) {
	f := p.find(name)
	if f == nil {
		return false, nil
	}
	damaged := func(why string) error {
		return FileProblem(p.file, "the workbook is damaged (its part %s %s): %s", problem.Quote(f.Name), why, Resave)
	}
	if f.UncompressedSize64 > maxSmallPart {
		if msg := p.bomb(f); msg != "" {
			return true, FileProblem(p.file, "%s", msg)
		}
		return true, damaged(fmt.Sprintf("is %s, far more than such a part holds", sizeOf(f.UncompressedSize64)))
	}
	rc, err := p.openPart(f)
	if err != nil {
		return true, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxSmallPart))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return true, nil
		}
		if err != nil {
			return true, damaged(fmt.Sprintf("is not readable XML: %v", err))
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e)
		}
	}
}

// relationship is one of a part's relationships.
type relationship struct{ kind, target string }

// relationships reads the relationships of a part ("" for the package), by id, their
// targets resolved; external ones are left out.
func (p *pkg) relationships(source string) (map[string]relationship, bool, error) {
	rels := map[string]relationship{}
	name := path.Join(path.Dir(source), "_rels", path.Base(source)+".rels")
	if source == "" {
		name = "_rels/.rels"
	}
	found, err := p.decodeSmall(name, func(e xml.StartElement) {
		if e.Name.Local != "Relationship" || strings.EqualFold(attr(e, "TargetMode"), "External") {
			return
		}
		typ := attr(e, "Type")
		rels[attr(e, "Id")] = relationship{kind: typ[strings.LastIndexByte(typ, '/')+1:], target: resolve(source, attr(e, "Target"))}
	})
	return rels, found, err
}

// attr is an element's attribute by local name, whatever its namespace.
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readBook finds the workbook part and the sheets it lists.
func (b *Workbook) readBook() error {
	p := b.pk
	fail := func(format string, args ...any) error { return FileProblem(b.file, format, args...) }
	// The workbook: the package's main document, else where every writer puts it.
	root, _, err := p.relationships("")
	if err != nil {
		return err
	}
	book := ""
	for _, rel := range root {
		if rel.kind == "officeDocument" {
			book = rel.target
		}
	}
	if book == "" || p.find(book) == nil {
		book = "xl/workbook.xml"
	}
	if p.find(book) == nil {
		return fail("%s", describeOtherZip(p, b.opts.Want))
	}
	if msg := describeContentType(p, book); msg != "" {
		return fail("%s", msg)
	}
	_, err = p.decodeSmall(book, func(e xml.StartElement) {
		switch e.Name.Local {
		case "sheet":
			b.Sheets = append(b.Sheets, Sheet{Name: attr(e, "name"), State: attr(e, "state"), id: attr(e, "id")})
		case "workbookPr":
			v := attr(e, "date1904")
			b.Date1904 = v == "1" || v == "true"
		}
	})
	if err != nil {
		return err
	}
	if b.rels, _, err = p.relationships(book); err != nil {
		return err
	}
	if len(b.Sheets) == 0 {
		return fail("the workbook has no sheets")
	}
	for i := range b.Sheets {
		b.Sheets[i].Cells = b.rels[b.Sheets[i].id].kind == "worksheet"
	}
	return nil
}

// OpenSheet starts reading the rows of one of the workbook's Sheets, after reading the
// shared strings (once, as many as the workbook's sheets have cells for).
func (b *Workbook) OpenSheet(s Sheet) (*Rows, error) {
	p := b.pk
	fail := func(format string, args ...any) error { return FileProblem(b.file, format, args...) }
	damaged := func(why string, args ...any) error {
		return fail("the workbook is damaged (%s): %s", fmt.Sprintf(why, args...), Resave)
	}
	part := p.find(b.rels[s.id].target)
	if part == nil {
		return nil, damaged("its sheet %s is not in it", problem.Quote(s.Name))
	}
	if !b.loaded {
		if err := b.loadStrings(); err != nil {
			return nil, err
		}
		b.loaded = true
	}
	rc, err := p.openPart(part)
	if err != nil {
		return nil, err
	}
	w := &Rows{file: b.file, sheet: SheetLabel(s.Name), strings: &b.strings, rc: rc, ahead: newReadAhead(rc)}
	w.sc = newXMLScanner(w.ahead, b.opts.ScanBuffer)
	return w, nil
}

// loadStrings reads the shared strings, as many as the workbook's sheets have cells for.
func (b *Workbook) loadStrings() error {
	p := b.pk
	fail := func(format string, args ...any) error { return FileProblem(b.file, format, args...) }
	var sheetXML uint64
	counted := map[*zip.File]bool{}
	for _, rel := range b.rels {
		if f := p.find(rel.target); f != nil && rel.kind == "worksheet" && !counted[f] {
			counted[f] = true
			sheetXML += min(f.UncompressedSize64, p.honest(f))
		}
	}
	cells := min(sheetXML, bombFloor+bombRatio*uint64(p.size)) / minCellBytes
	for _, rel := range b.rels {
		if rel.kind != "sharedStrings" {
			continue
		}
		f := p.find(rel.target)
		if f == nil {
			return fail("the workbook is damaged (its shared strings, %s, are not in it): %s", problem.Quote(rel.target), Resave)
		}
		rc, err := p.openPart(f)
		if err != nil {
			return err
		}
		sheet := b.opts.Sheet
		if sheet == "" {
			sheet = "the sheet pmladder reads"
		}
		err = b.strings.load(rc, int(min(max(cells, minStrings), math.MaxInt32)), b.opts.ScanBuffer, sheet)
		rc.Close()
		if err != nil {
			return fail("%v", err)
		}
		break
	}
	return nil
}

// SheetLabel is a sheet's name as messages show it: as it is, unless it is longer than
// a sheet's name may be or holds what a message should not (then quoted and cut).
func SheetLabel(name string) string {
	if utf8.RuneCountInString(name) <= 31 && !strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || r == '"' }) && name != "" {
		return name
	}
	return problem.Quote(name)
}

// describeContentType names a workbook pmladder does not read by its content type:
// macro-enabled or binary.
func describeContentType(p *pkg, book string) string {
	var typ, def string
	ext := strings.TrimPrefix(path.Ext(book), ".")
	p.decodeSmall("[Content_Types].xml", func(e xml.StartElement) {
		switch {
		case e.Name.Local == "Override" && partKey(attr(e, "PartName")) == partKey(book):
			typ = attr(e, "ContentType")
		case e.Name.Local == "Default" && strings.EqualFold(attr(e, "Extension"), ext):
			def = attr(e, "ContentType")
		}
	})
	if typ == "" {
		typ = def
	}
	switch {
	case strings.Contains(typ, "binary") || strings.EqualFold(ext, "bin"):
		return "a binary workbook (.xlsb) is not read: " + SaveAsXLSX
	case strings.Contains(typ, "macroEnabled"):
		return "a macro-enabled workbook (.xlsm) is not read: " + SaveAsXLSX
	}
	return ""
}

// describeOtherZip names a zip archive that holds no workbook.
func describeOtherZip(p *pkg, want string) string {
	if want == "" {
		want = "a workbook (.xlsx)"
	}
	switch {
	case p.find("word/document.xml") != nil:
		return "a Word document, not a workbook: give " + want
	case p.find("ppt/presentation.xml") != nil:
		return "a PowerPoint presentation, not a workbook: give " + want
	case p.find("content.xml") != nil && p.find("mimetype") != nil:
		return "an OpenDocument file (.ods), which is not read: " + SaveAsXLSX
	}
	return "a zip archive without a workbook in it: " + SaveAsXLSX
}

// describeOLE2 names an Office 97–2003 compound file by the streams its directory
// lists: an .xls workbook, a password-protected workbook (any workbook with a password
// to open is stored so), or another Office file.
func describeOLE2(src io.ReaderAt, size int64) string {
	has := func(name string) bool {
		var u16 []byte
		for _, r := range name {
			u16 = binary.LittleEndian.AppendUint16(u16, uint16(r))
		}
		// The directory is near the start or the end of the file.
		for _, off := range []int64{0, max(0, size-1<<20)} {
			b := make([]byte, min(1<<20, size-off))
			n, _ := src.ReadAt(b, off)
			if bytes.Contains(b[:n], u16) {
				return true
			}
		}
		return false
	}
	switch {
	case has("EncryptedPackage"):
		return "a password-protected workbook, which pmladder cannot open: save a copy without the password (in Excel, File › Info › Protect Workbook › Encrypt with Password, left empty)"
	case has("Workbook") || has("Book"):
		return "an old Excel 97–2003 workbook (.xls), which is not read: " + SaveAsXLSX
	}
	return "an Office 97–2003 file, not a workbook: " + SaveAsXLSX
}

// describeNotZip names a file that is not a zip archive: text (CSV, a web page, an
// XML spreadsheet of 2003) or something else.
func describeNotZip(file string, head []byte) string {
	h := bytes.TrimPrefix(head, []byte("\ufeff"))
	if !utf8.Valid(TrimPartialRune(h)) || bytes.IndexByte(h, 0) >= 0 {
		return "not an .xlsx workbook (not a zip archive, nor text): " + SaveAsXLSX
	}
	start := bytes.ToLower(bytes.TrimSpace(h[:min(len(h), 1024)]))
	first, _, _ := bytes.Cut(bytes.TrimSpace(h), []byte("\n"))
	switch {
	case bytes.Contains(start, []byte("<html")) || bytes.Contains(start, []byte("<!doctype html")) || bytes.HasPrefix(start, []byte("<table")):
		return "a web page (HTML), not an .xlsx workbook: open it in the spreadsheet and " + SaveAsXLSX
	case bytes.HasPrefix(start, []byte("<?xml")) && bytes.Contains(h, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return "an XML Spreadsheet 2003 file, not an .xlsx workbook: open it in the spreadsheet and " + SaveAsXLSX
	case bytes.ContainsAny(first, ",;\t") && file != "stdin":
		base := filepath.Base(file)
		return fmt.Sprintf("this is CSV text, not an .xlsx workbook: name it %s and it is read as a CSV sheet",
			problem.Quote(strings.TrimSuffix(base, filepath.Ext(base))+".csv"))
	}
	return "this is text, not an .xlsx workbook: " + SaveAsXLSX
}

// checkDirectory counts the files in the zip's central directory before archive/zip
// reads it into memory: more than MaxParts is no workbook.
func checkDirectory(src io.ReaderAt, size int64) error {
	tail := make([]byte, min(size, 65535+22))
	n, _ := src.ReadAt(tail, size-int64(len(tail)))
	tail = tail[:n]
	end := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if end < 0 || len(tail)-end < 22 {
		return nil // archive/zip says what is wrong
	}
	endOff := size - int64(len(tail)) + int64(end)
	records := uint64(binary.LittleEndian.Uint16(tail[end+10:]))
	offset := int64(binary.LittleEndian.Uint32(tail[end+16:]))
	if records == 0xffff || offset == 0xffffffff { // zip64: the count is in the zip64 end record
		if end >= 20 && string(tail[end-20:end-16]) == "PK\x06\x07" {
			var rec [56]byte
			at := int64(binary.LittleEndian.Uint64(tail[end-12:]))
			if n, _ := src.ReadAt(rec[:], at); n == 56 && string(rec[:4]) == "PK\x06\x06" {
				records = binary.LittleEndian.Uint64(rec[32:])
				offset = int64(binary.LittleEndian.Uint64(rec[48:]))
			}
		}
	}
	// archive/zip reads file headers from the directory's start until one does not
	// read: count them the same way, a header at a time.
	count := uint64(0)
	var h [46]byte
	for off := offset; off >= 0 && off < endOff; {
		if n, _ := src.ReadAt(h[:], off); n < 46 || string(h[:4]) != "PK\x01\x02" {
			break
		}
		count++
		if count > MaxParts {
			break
		}
		off += 46 + int64(binary.LittleEndian.Uint16(h[28:])) + int64(binary.LittleEndian.Uint16(h[30:])) + int64(binary.LittleEndian.Uint16(h[32:]))
	}
	if records > MaxParts || count > MaxParts {
		return fmt.Errorf("a zip archive of more than %d files, far more than any workbook has: not read", MaxParts)
	}
	return nil
}
