package input

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
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// A workbook is read as Office Open XML says, with the standard library alone: the zip's
// parts are found through their relationships, resolved relative to the part that names
// them; the sheet's part is read as a stream in one pass that classifies every cell
// (a value, a TRUE/FALSE, an error, a formula without a stored result); the shared
// strings are held once, as one string and where each ends. What is read is bounded by
// what a sheet can hold (1,048,576 rows of 16,384 columns, 32,767 characters a cell; no
// more shared strings than the sheets have cells for) and by what compression can
// honestly do (a zip bomb is named and refused), not by a cap on the file: a workbook of
// a million people reads in a little memory.

// AnswersSheet is the sheet of a workbook that holds the answers, one person per row; a
// workbook without it is read from its first visible sheet.
const AnswersSheet = "Answers"

// Limits on what a workbook may make pmladder read and hold.
const (
	// maxSheetRows and maxSheetCols are what a sheet holds (Excel's limits).
	maxSheetRows = 1 << 20
	maxSheetCols = 1 << 14
	// widthPastHeader is how far past the header's last cell a row is read: the row is
	// wrong anyway, and reading 16,000 empty cells a row would let a small file cost
	// minutes.
	widthPastHeader = 1024
	// maxParts is the most files in the archive: no workbook has near as many.
	maxParts = 10000
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
	// maxSpool is the largest workbook read from stdin, which is copied to a temporary
	// file first (a zip is read from its end).
	maxSpool = 4 << 30
)

// saveAsXLSX is how to make a file pmladder reads.
const saveAsXLSX = `save it from the spreadsheet as "Excel Workbook (.xlsx)"`

// resave is what to do about a workbook that is damaged.
const resave = "open it in the spreadsheet and save it again"

var ole2Magic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// IsWorkbook reports whether data starts like a spreadsheet's file rather than text: a
// zip archive (an .xlsx, an .xlsm, an empty archive) or an Office 97–2003 compound file
// (an .xls, or a password-protected workbook). NewWorkbookReader says which.
func IsWorkbook(head []byte) bool {
	for _, magic := range []string{"PK\x03\x04", "PK\x05\x06", "PK\x07\x08", "\xd0\xcf\x11\xe0"} {
		if bytes.HasPrefix(head, []byte(magic)) {
			return true
		}
	}
	return false
}

// NewWorkbookReader reads the header of a workbook's Answers sheet (else its first
// visible sheet) with the rules of a CSV sheet: numbers or text for scores, a date cell
// or text for dates, empty rows skipped. Every problem is named FILE:SHEET!CELL. A file
// is read where it is; anything else (stdin) is copied to a temporary file that is
// removed at once. Close releases the workbook.
func NewWorkbookReader(file string, in io.Reader, r *rubric.Rubric) (*SheetReader, error) {
	src, err := openWorkbookSource(file, in)
	if err != nil {
		return nil, err
	}
	w := &workbookRecords{file: file, src: src}
	if err := w.open(); err != nil {
		w.Close()
		var probs problem.List
		if !errors.As(err, &probs) {
			probs.Add(file, 0, "%v", err)
		}
		return nil, probs.Err()
	}
	s, err := newSheetReader(file, w, r)
	if err != nil {
		w.Close()
		return nil, err
	}
	w.sr = s
	s.Warnings = append(w.pending, s.Warnings...)
	w.pending = nil
	return s, nil
}

// fileProblem is a problem with the file as a whole.
func fileProblem(file, format string, args ...any) error {
	var probs problem.List
	probs.Add(file, 0, format, args...)
	return probs
}

// workbookSource is the workbook's bytes, read at any place.
type workbookSource struct {
	ra   io.ReaderAt
	size int64
	// read counts the bytes read, for the progress; reported is what was told.
	read     atomic.Int64
	reported int64
	progress TeamProgress
	close    func() error
}

func (s *workbookSource) ReadAt(p []byte, off int64) (int, error) {
	n, err := s.ra.ReadAt(p, off)
	s.read.Add(int64(n))
	return n, err
}

// report tells the progress what was read since it was last told.
func (s *workbookSource) report() {
	if s.progress == nil {
		return
	}
	if n := s.read.Load(); n > s.reported {
		s.progress.Read(int(min(n, s.size) - min(s.reported, s.size)))
		s.reported = n
	}
}

// openWorkbookSource reads a file where it is, or copies anything else to a temporary
// file, removed as soon as it is made (and again on Close, where removing an open file
// fails).
func openWorkbookSource(file string, in io.Reader) (*workbookSource, error) {
	var progress TeamProgress
	if c, ok := in.(countingReader); ok {
		if f, ok := c.r.(*os.File); ok {
			in, progress = f, c.p // counted as the workbook is read
		}
	}
	switch f := in.(type) {
	case *os.File:
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return &workbookSource{ra: f, size: fi.Size(), progress: progress, close: func() error { return nil }}, nil
		}
	case interface {
		io.ReaderAt
		Size() int64
	}:
		return &workbookSource{ra: f, size: f.Size(), close: func() error { return nil }}, nil
	}
	tmp, err := os.CreateTemp("", "pmladder-*.xlsx")
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	name := tmp.Name()
	removed := os.Remove(name) == nil
	cleanup := func() error {
		tmp.Close()
		if !removed {
			return os.Remove(name)
		}
		return nil
	}
	n, err := io.Copy(tmp, io.LimitReader(in, maxSpool+1))
	if err != nil {
		cleanup()
		return nil, fmt.Errorf("cannot read %s: %w", file, err)
	}
	if n > maxSpool {
		cleanup()
		return nil, fileProblem(file, "a workbook larger than %d GiB is not read from stdin: give its file name", maxSpool>>30)
	}
	return &workbookSource{ra: tmp, size: n, close: cleanup}, nil
}

// open finds the sheet to read and reads the shared strings: every problem with the
// file as a whole is a problem.List naming the file.
func (w *workbookRecords) open() error {
	src := w.src
	head := make([]byte, 4096)
	n, _ := src.ReadAt(head, 0)
	head = head[:n]
	fail := func(format string, args ...any) error { return fileProblem(w.file, format, args...) }
	switch {
	case src.size == 0:
		return fail("an empty file, not a workbook: %s", saveAsXLSX)
	case bytes.HasPrefix(head, ole2Magic):
		return fail("%s", describeOLE2(src))
	case !IsWorkbook(head):
		return fail("%s", describeNotZip(w.file, head))
	}
	if err := checkDirectory(src); err != nil {
		return fail("%v", err)
	}
	zr, err := zip.NewReader(src, src.size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		if src.size < 22 || bytes.HasPrefix(head, []byte("PK\x05\x06")) && src.size == 22 {
			return fail("an empty zip archive, not a workbook: %s", saveAsXLSX)
		}
		return fail("not a readable zip archive (damaged, or cut short in a download or a copy): %s", saveAsXLSX)
	}
	if len(zr.File) == 0 {
		return fail("an empty zip archive, not a workbook: %s", saveAsXLSX)
	}
	pk := &pkg{file: w.file, size: src.size, parts: map[string]*zip.File{}}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/") {
			continue // a folder
		}
		key := partKey(f.Name)
		if _, dup := pk.parts[key]; dup {
			return fail("the workbook is damaged (two of its parts are named %s): %s", problem.Quote(f.Name), resave)
		}
		pk.parts[key] = f
	}
	return w.openSheet(pk)
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
		return nil, fileProblem(p.file, "%s", msg)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fileProblem(p.file, "the workbook is damaged (its part %s: %v): %s", problem.Quote(f.Name), err, resave)
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
		return fileProblem(p.file, "the workbook is damaged (its part %s %s): %s", problem.Quote(f.Name), why, resave)
	}
	if f.UncompressedSize64 > maxSmallPart {
		if msg := p.bomb(f); msg != "" {
			return true, fileProblem(p.file, "%s", msg)
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

// sheetEntry is a sheet the workbook lists.
type sheetEntry struct {
	name, state, id string
}

func (e sheetEntry) hidden() bool { return e.state == "hidden" || e.state == "veryHidden" }

// describeHidden says how a sheet is hidden.
func (e sheetEntry) describeHidden() string {
	if e.state == "veryHidden" {
		return "very hidden (only a macro shows it)"
	}
	return "hidden"
}

// openSheet finds the workbook, its sheet to read and its shared strings, and starts
// reading the sheet.
func (w *workbookRecords) openSheet(p *pkg) error {
	fail := func(format string, args ...any) error { return fileProblem(w.file, format, args...) }
	damaged := func(why string, args ...any) error {
		return fail("the workbook is damaged (%s): %s", fmt.Sprintf(why, args...), resave)
	}
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
		return fail("%s", describeOtherZip(p))
	}
	if msg := describeContentType(p, book); msg != "" {
		return fail("%s", msg)
	}
	var sheets []sheetEntry
	_, err = p.decodeSmall(book, func(e xml.StartElement) {
		switch e.Name.Local {
		case "sheet":
			sheets = append(sheets, sheetEntry{name: attr(e, "name"), state: attr(e, "state"), id: attr(e, "id")})
		case "workbookPr":
			v := attr(e, "date1904")
			w.date1904 = v == "1" || v == "true"
		}
	})
	if err != nil {
		return err
	}
	rels, _, err := p.relationships(book)
	if err != nil {
		return err
	}
	if len(sheets) == 0 {
		return fail("the workbook has no sheets")
	}
	// The sheet: Answers, even hidden (with a warning); else the first visible sheet of
	// cells, and a word about any hidden one before it.
	isCells := func(e sheetEntry) bool { return rels[e.id].kind == "worksheet" }
	var chosen *sheetEntry
	for i, e := range sheets {
		if strings.EqualFold(e.name, AnswersSheet) {
			chosen = &sheets[i]
			if !isCells(e) {
				return fail("the sheet %s is a chart or a macro sheet, not a sheet of cells: put the answers in a sheet of cells", problem.Quote(e.name))
			}
			if e.hidden() {
				w.pending = append(w.pending, fmt.Sprintf("%s: the sheet %s is %s in the workbook: it is read, as it is named %s (show it to see what is scored)",
					w.file, problem.Quote(e.name), e.describeHidden(), AnswersSheet))
			}
			break
		}
	}
	if chosen == nil {
		for i, e := range sheets {
			if !e.hidden() && isCells(e) {
				chosen = &sheets[i]
				break
			}
		}
		if chosen == nil {
			for _, e := range sheets {
				if isCells(e) {
					return fail("every sheet of the workbook is hidden: show the sheet with the answers, or name it %s", AnswersSheet)
				}
			}
			return fail("the workbook has no sheet of cells (only charts or macro sheets)")
		}
		if first := sheets[0]; first.hidden() && isCells(first) {
			w.pending = append(w.pending, fmt.Sprintf("%s: the first sheet, %s, is %s: read %s, the first visible sheet, instead (a sheet named %s is read wherever it is)",
				w.file, problem.Quote(first.name), first.describeHidden(), problem.Quote(chosen.name), AnswersSheet))
		}
	}
	w.sheet = sheetLabel(chosen.name)
	part := p.find(rels[chosen.id].target)
	if part == nil {
		return damaged("its sheet %s is not in it", problem.Quote(chosen.name))
	}
	// The shared strings, as many as the workbook's sheets have cells for.
	var sheetXML uint64
	counted := map[*zip.File]bool{}
	for _, rel := range rels {
		if f := p.find(rel.target); f != nil && rel.kind == "worksheet" && !counted[f] {
			counted[f] = true
			sheetXML += min(f.UncompressedSize64, p.honest(f))
		}
	}
	cells := min(sheetXML, bombFloor+bombRatio*uint64(p.size)) / minCellBytes
	for _, rel := range rels {
		if rel.kind != "sharedStrings" {
			continue
		}
		f := p.find(rel.target)
		if f == nil {
			return damaged("its shared strings, %s, are not in it", problem.Quote(rel.target))
		}
		rc, err := p.openPart(f)
		if err != nil {
			return err
		}
		err = w.strings.load(rc, int(min(max(cells, minStrings), math.MaxInt32)))
		rc.Close()
		if err != nil {
			return fail("%v", err)
		}
		break
	}
	rc, err := p.openPart(part)
	if err != nil {
		return err
	}
	w.rc, w.ahead = rc, newReadAhead(rc)
	w.sc = newXMLScanner(w.ahead)
	return nil
}

// sheetLabel is a sheet's name as messages show it: as it is, unless it is longer than
// a sheet's name may be or holds what a message should not (then quoted and cut).
func sheetLabel(name string) string {
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
		return "a binary workbook (.xlsb) is not read: " + saveAsXLSX
	case strings.Contains(typ, "macroEnabled"):
		return "a macro-enabled workbook (.xlsm) is not read: " + saveAsXLSX
	}
	return ""
}

// describeOtherZip names a zip archive that holds no workbook.
func describeOtherZip(p *pkg) string {
	switch {
	case p.find("word/document.xml") != nil:
		return "a Word document, not a workbook: give the team sheet (.xlsx or .csv)"
	case p.find("ppt/presentation.xml") != nil:
		return "a PowerPoint presentation, not a workbook: give the team sheet (.xlsx or .csv)"
	case p.find("content.xml") != nil && p.find("mimetype") != nil:
		return "an OpenDocument file (.ods), which is not read: " + saveAsXLSX
	}
	return "a zip archive without a workbook in it: " + saveAsXLSX
}

// describeOLE2 names an Office 97–2003 compound file by the streams its directory
// lists: an .xls workbook, a password-protected workbook (any workbook with a password
// to open is stored so), or another Office file.
func describeOLE2(src *workbookSource) string {
	has := func(name string) bool {
		var u16 []byte
		for _, r := range name {
			u16 = binary.LittleEndian.AppendUint16(u16, uint16(r))
		}
		// The directory is near the start or the end of the file.
		for _, off := range []int64{0, max(0, src.size-1<<20)} {
			b := make([]byte, min(1<<20, src.size-off))
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
		return "an old Excel 97–2003 workbook (.xls), which is not read: " + saveAsXLSX
	}
	return "an Office 97–2003 file, not a workbook: " + saveAsXLSX
}

// describeNotZip names a file that is not a zip archive: text (CSV, a web page, an
// XML spreadsheet of 2003) or something else.
func describeNotZip(file string, head []byte) string {
	h := bytes.TrimPrefix(head, []byte("\ufeff"))
	if !utf8.Valid(trimPartialRune(h)) || bytes.IndexByte(h, 0) >= 0 {
		return "not an .xlsx workbook (not a zip archive, nor text): " + saveAsXLSX
	}
	start := bytes.ToLower(bytes.TrimSpace(h[:min(len(h), 1024)]))
	first, _, _ := bytes.Cut(bytes.TrimSpace(h), []byte("\n"))
	switch {
	case bytes.Contains(start, []byte("<html")) || bytes.Contains(start, []byte("<!doctype html")) || bytes.HasPrefix(start, []byte("<table")):
		return "a web page (HTML), not an .xlsx workbook: open it in the spreadsheet and " + saveAsXLSX
	case bytes.HasPrefix(start, []byte("<?xml")) && bytes.Contains(h, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return "an XML Spreadsheet 2003 file, not an .xlsx workbook: open it in the spreadsheet and " + saveAsXLSX
	case bytes.ContainsAny(first, ",;\t") && file != "stdin":
		base := filepath.Base(file)
		return fmt.Sprintf("this is CSV text, not an .xlsx workbook: name it %s and it is read as a CSV sheet",
			problem.Quote(strings.TrimSuffix(base, filepath.Ext(base))+".csv"))
	}
	return "this is text, not an .xlsx workbook: " + saveAsXLSX
}

// checkDirectory counts the files in the zip's central directory before archive/zip
// reads it into memory: more than maxParts is no workbook.
func checkDirectory(src *workbookSource) error {
	tail := make([]byte, min(src.size, 65535+22))
	n, _ := src.ReadAt(tail, src.size-int64(len(tail)))
	tail = tail[:n]
	end := bytes.LastIndex(tail, []byte("PK\x05\x06"))
	if end < 0 || len(tail)-end < 22 {
		return nil // archive/zip says what is wrong
	}
	endOff := src.size - int64(len(tail)) + int64(end)
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
		if count > maxParts {
			break
		}
		off += 46 + int64(binary.LittleEndian.Uint16(h[28:])) + int64(binary.LittleEndian.Uint16(h[30:])) + int64(binary.LittleEndian.Uint16(h[32:]))
	}
	if records > maxParts || count > maxParts {
		return fmt.Errorf("a zip archive of more than %d files, far more than any workbook has: not read", maxParts)
	}
	return nil
}
