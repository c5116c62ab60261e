// Package xlsxtest writes workbooks for tests and benchmarks, part by part: the ordinary
// parts of a one-sheet (or many-sheet) workbook around sheet XML the test writes, hostile
// archives (parts that unpack to gigabytes from a few kilobytes, made without compressing
// the gigabytes), and a streaming converter from a CSV team sheet to the workbook a
// spreadsheet would save (numbers as numbers, dates as date cells, text as shared strings).
package xlsxtest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// Part is one file of the archive.
type Part struct {
	Name string
	Body string
	// Stored writes the part without compression.
	Stored bool
	// Repeat, when set, is the body of a huge part made cheaply: Head, then Chunk Times
	// times, then Tail, compressed once (see Repeated).
	Repeat *Repeated
}

// Repeated is a part's body of Head, Chunk repeated Times times and Tail: a worksheet
// with a million rows, a shared-strings table with millions of strings, a zip bomb.
type Repeated struct {
	Head, Chunk, Tail string
	Times             int
}

// Zip writes the parts, in order, as a zip archive.
func Zip(parts ...Part) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		if p.Repeat != nil {
			if err := writeRepeated(zw, p.Name, *p.Repeat); err != nil {
				panic(err)
			}
			continue
		}
		method := zip.Deflate
		if p.Stored {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: method})
		if err != nil {
			panic(err)
		}
		io.WriteString(w, p.Body)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// writeRepeated writes a part whose body repeats a chunk: the chunk is compressed once
// into self-contained deflate blocks (a fresh compressor, flushed), which are copied
// Times times, so a gigabyte of XML costs the time of copying its compressed form.
func writeRepeated(zw *zip.Writer, name string, r Repeated) error {
	deflate := func(s string) []byte {
		var b bytes.Buffer
		fw, _ := flate.NewWriter(&b, flate.BestCompression)
		io.WriteString(fw, s)
		fw.Flush()
		return b.Bytes()
	}
	head, tail := deflate(r.Head), deflate(r.Tail)
	// A chunk compressed alone repeats poorly when it is short: compress many copies.
	unit := r.Chunk
	per := 1
	for len(unit) < 1<<16 && per*2 <= r.Times {
		unit += unit
		per *= 2
	}
	chunk := deflate(unit)
	crc := crc32.NewIEEE()
	io.WriteString(crc, r.Head)
	size := uint64(len(r.Head)) + uint64(len(r.Tail)) + uint64(len(r.Chunk))*uint64(r.Times)
	var body bytes.Buffer
	body.Write(head)
	n := 0
	for ; n+per <= r.Times; n += per {
		crc.Write([]byte(unit))
		body.Write(chunk)
	}
	if rest := strings.Repeat(r.Chunk, r.Times-n); rest != "" {
		crc.Write([]byte(rest))
		body.Write(deflate(rest))
	}
	crc.Write([]byte(r.Tail))
	body.Write(tail)
	body.Write([]byte{0x03, 0x00}) // an empty final block
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: size})
	if err != nil {
		return err
	}
	_, err = w.Write(body.Bytes())
	return err
}

// The namespaces and relationship types of a workbook.
const (
	NSMain  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	NSRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	RelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	// XMLHead starts every part.
	XMLHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	// SheetHead and SheetTail wrap a worksheet's rows.
	SheetHead = XMLHead + `<worksheet xmlns="` + NSMain + `" xmlns:r="` + NSRel + `"><sheetData>`
	SheetTail = `</sheetData></worksheet>`
)

// Sheet is one sheet of a Book.
type Sheet struct {
	Name string
	// State is "", "hidden" or "veryHidden".
	State string
	// XML is the whole worksheet part; Rows, when XML is empty, the rows inside
	// SheetHead and SheetTail.
	XML, Rows string
	// Target is the relationship's target for the sheet; default "worksheets/sheetN.xml".
	// Path is the part's name in the archive; default the target resolved from xl/.
	Target, Path string
	// Type is the relationship type's last word; default "worksheet".
	Type string
	// Repeat makes the sheet part huge cheaply (Rows and XML are then unused).
	Repeat *Repeated
}

// Book describes a workbook: its sheets and shared strings, and the forms its parts may
// take.
type Book struct {
	Sheets []Sheet
	// Strings is the shared-strings table's items (each a whole <si>…</si>, or plain text
	// to be put in one); StringsRepeat makes it huge cheaply.
	Strings       []string
	StringsRepeat *Repeated
	// StringsXML, when set, is the whole shared-strings part.
	StringsXML string
	// StringsTarget is the relationship's target for the strings; default
	// "sharedStrings.xml".
	StringsTarget string
	Date1904      bool
	// WorkbookType is the workbook part's content type; default an .xlsx workbook's.
	WorkbookType string
	// Extra parts are added at the end.
	Extra []Part
	// Workbook, when set, is the whole workbook part.
	Workbook string
	// Stored writes every part without compression (for fuzzing: a change to the
	// archive's bytes is a change to a part's XML).
	Stored bool
}

// Bytes writes the workbook.
func (b Book) Bytes() []byte {
	wbType := b.WorkbookType
	if wbType == "" {
		wbType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	}
	var parts []Part
	types := XMLHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + wbType + `"/></Types>`
	parts = append(parts,
		Part{Name: "[Content_Types].xml", Body: types},
		Part{Name: "_rels/.rels", Body: XMLHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + RelType + `officeDocument" Target="xl/workbook.xml"/></Relationships>`})
	var sheets, rels strings.Builder
	for i, s := range b.Sheets {
		id := fmt.Sprintf("rId%d", i+1)
		state := ""
		if s.State != "" {
			state = ` state="` + s.State + `"`
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="%s"/>`, escape(s.Name), i+1, state, id)
		target, path, typ := s.Target, s.Path, s.Type
		if target == "" {
			target = fmt.Sprintf("worksheets/sheet%d.xml", i+1)
		}
		if path == "" {
			path = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
		if typ == "" {
			typ = "worksheet"
		}
		fmt.Fprintf(&rels, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, id, RelType, typ, escape(target))
		switch {
		case s.Repeat != nil:
			parts = append(parts, Part{Name: path, Repeat: s.Repeat})
		case s.XML != "":
			parts = append(parts, Part{Name: path, Body: s.XML})
		default:
			parts = append(parts, Part{Name: path, Body: SheetHead + s.Rows + SheetTail})
		}
	}
	if b.Strings != nil || b.StringsRepeat != nil || b.StringsXML != "" {
		target := b.StringsTarget
		if target == "" {
			target = "sharedStrings.xml"
		}
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%ssharedStrings" Target="%s"/>`, RelType, escape(target))
		if b.StringsRepeat != nil {
			parts = append(parts, Part{Name: "xl/sharedStrings.xml", Repeat: b.StringsRepeat})
		} else if b.StringsXML != "" {
			parts = append(parts, Part{Name: "xl/sharedStrings.xml", Body: b.StringsXML})
		} else {
			var sst strings.Builder
			fmt.Fprintf(&sst, `%s<sst xmlns="%s" count="%d" uniqueCount="%d">`, XMLHead, NSMain, len(b.Strings), len(b.Strings))
			for _, s := range b.Strings {
				if strings.HasPrefix(s, "<si>") {
					sst.WriteString(s)
				} else {
					sst.WriteString("<si><t xml:space=\"preserve\">" + escape(s) + "</t></si>")
				}
			}
			sst.WriteString("</sst>")
			parts = append(parts, Part{Name: "xl/sharedStrings.xml", Body: sst.String()})
		}
	}
	wb := b.Workbook
	if wb == "" {
		pr := ""
		if b.Date1904 {
			pr = `<workbookPr date1904="1"/>`
		}
		wb = XMLHead + `<workbook xmlns="` + NSMain + `" xmlns:r="` + NSRel + `">` + pr + `<sheets>` + sheets.String() + `</sheets></workbook>`
	}
	parts = append(parts,
		Part{Name: "xl/workbook.xml", Body: wb},
		Part{Name: "xl/_rels/workbook.xml.rels", Body: XMLHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			rels.String() + `</Relationships>`})
	parts = append(parts, b.Extra...)
	if b.Stored {
		for i := range parts {
			parts[i].Stored = true
		}
	}
	return Zip(parts...)
}

// OneSheet is a workbook of one sheet, Answers, holding rows (the XML inside sheetData)
// and the shared strings.
func OneSheet(rows string, strings ...string) []byte {
	return Book{Sheets: []Sheet{{Name: "Answers", Rows: rows}}, Strings: strings}.Bytes()
}

// escape escapes text for XML.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Escape escapes text for XML, for tests that write cells.
func Escape(s string) string { return escape(s) }

// OLE2 is the start of an Office 97–2003 file (a compound file): an old .xls when its
// directory holds a "Workbook" stream, a password-protected .xlsx when it holds
// "EncryptedPackage".
func OLE2(stream string) []byte {
	b := make([]byte, 512*3)
	copy(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	binary.LittleEndian.PutUint16(b[0x1a:], 3) // major version 3: 512-byte sectors
	binary.LittleEndian.PutUint16(b[0x1e:], 9) // sector shift
	binary.LittleEndian.PutUint32(b[0x30:], 0) // the directory's first sector
	dir := b[512:]                             // sector 0
	putName := func(entry []byte, name string) {
		for i, r := range name {
			binary.LittleEndian.PutUint16(entry[2*i:], uint16(r))
		}
		binary.LittleEndian.PutUint16(entry[64:], uint16(2*(len(name)+1)))
	}
	putName(dir[0:128], "Root Entry")
	dir[66] = 5
	putName(dir[128:256], stream)
	dir[128+66] = 2
	return b
}
