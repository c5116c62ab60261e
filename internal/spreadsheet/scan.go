package spreadsheet

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// A workbook's sheet and its shared strings are read in one pass each by xmlScanner, a
// scanner of just the XML they use: tags with their attributes, and the text of the
// elements that hold values; comments, processing instructions and CDATA sections are
// understood, a document type declaration is refused (no workbook has one), and no
// entity but XML's own five and character references exists. It never holds more than
// one tag, or one value, at a time.

// Token kinds of xmlScanner.tag.
const (
	tagStart = iota + 1 // <name …>
	tagEmpty            // <name …/>
	tagEnd              // </name>
)

// errXML is a part that is not well-formed XML as far as the scanner reads it.
type errXML struct{ msg string }

func (e *errXML) Error() string { return e.msg }

// Sizes the scanner keeps to.
const (
	scanBuffer = 256 << 10 // what the scanner starts with (tests make it small)
	// maxTag is the longest tag (or comment, or processing instruction) read whole: far
	// beyond any a spreadsheet writes.
	maxTag = 1 << 20
	// MaxCellChars is the most characters a cell holds (Excel's limit), and
	// MaxValueBytes the most bytes they take in UTF-8.
	MaxCellChars  = 32767
	MaxValueBytes = 4 * MaxCellChars
)

var errValueTooLong = errors.New("a value longer than a cell holds (32,767 characters)")

type xmlScanner struct {
	src      io.Reader
	buf      []byte
	pos, end int
	srcErr   error // the source's error once it has ended (io.EOF) or failed
}

// newXMLScanner scans src with a buffer of size bytes to start with (scanBuffer when 0;
// the fuzz tests make it small to try every place a tag or a value may be cut by the
// buffer's end).
func newXMLScanner(src io.Reader, size int) *xmlScanner {
	if size <= 0 {
		size = scanBuffer
	}
	return &xmlScanner{src: src, buf: make([]byte, size)}
}

// more reads more of the source after buf[pos:end], keeping what is unread: it returns
// false when nothing more came (the source's error is then in srcErr).
func (s *xmlScanner) more() bool {
	if s.srcErr != nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxTag+MaxValueBytes {
			s.srcErr = &errXML{"a tag longer than " + strconv.Itoa(maxTag>>20) + " MiB"}
			return false
		}
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	for {
		n, err := s.src.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.srcErr = err
		}
		if n > 0 || err != nil {
			return n > 0
		}
	}
}

// fail is the error that ended the scan: the source's, or a part cut short.
func (s *xmlScanner) fail() error {
	if s.srcErr == nil || s.srcErr == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return s.srcErr
}

// tag skips text to the next element tag and returns it: its kind, its name (with any
// prefix) and its attributes, unparsed; both stay valid until the next call. At the end
// of the part it returns kind 0 and io.EOF.
func (s *xmlScanner) tag() (kind int, name, attrs []byte, err error) {
	for {
		i := 0 // tags mostly follow one another
		if s.pos >= s.end || s.buf[s.pos] != '<' {
			i = bytes.IndexByte(s.buf[s.pos:s.end], '<')
		}
		if i < 0 {
			s.pos = s.end
			if !s.more() {
				if s.srcErr == io.EOF {
					return 0, nil, nil, io.EOF
				}
				return 0, nil, nil, s.fail()
			}
			continue
		}
		s.pos += i
		kind, name, attrs, err = s.markup()
		if kind != 0 || err != nil {
			return kind, name, attrs, err
		}
	}
}

// markup reads the markup at buf[pos] ('<'): an element's tag, or a comment, a
// processing instruction or a CDATA section, which it skips (kind 0).
func (s *xmlScanner) markup() (kind int, name, attrs []byte, err error) {
	for {
		b := s.buf[s.pos:s.end]
		if len(b) >= 2 {
			switch b[1] {
			case '?':
				return 0, nil, nil, s.skipTo("?>")
			case '!':
				if len(b) < 9 && s.more() {
					continue
				}
				switch {
				case bytes.HasPrefix(b, []byte("<!--")):
					return 0, nil, nil, s.skipTo("-->")
				case bytes.HasPrefix(b, []byte("<![CDATA[")):
					return 0, nil, nil, s.skipTo("]]>")
				case bytes.HasPrefix(b, []byte("<!DOCTYPE")):
					return 0, nil, nil, &errXML{"a document type declaration, which no workbook has"}
				}
				return 0, nil, nil, &errXML{"a '<!' that starts no comment or CDATA section"}
			}
			// An element's tag: to its '>', outside quoted attribute values. Most tags
			// have no '>' in a value: their first '>' follows an even number of '"'.
			j := bytes.IndexByte(b, '>')
			if j > 0 && (bytes.IndexByte(b[:j], '\'') >= 0 || bytes.Count(b[:j], []byte{'"'})%2 != 0) {
				j = closeOfTag(b)
			}
			if j > 0 {
				tag := b[1:j]
				if bytes.IndexByte(tag, '<') >= 0 {
					return 0, nil, nil, &errXML{"a '<' inside a tag"}
				}
				s.pos += j + 1
				kind = tagStart
				if len(tag) > 0 && tag[0] == '/' {
					kind, tag = tagEnd, tag[1:]
				} else if len(tag) > 0 && tag[len(tag)-1] == '/' {
					kind, tag = tagEmpty, tag[:len(tag)-1]
				}
				n := 0
				for n < len(tag) && !isSpace(tag[n]) {
					n++
				}
				if n == 0 {
					return 0, nil, nil, &errXML{"a tag without a name"}
				}
				return kind, tag[:n], tag[n:], nil
			}
		}
		if !s.more() {
			return 0, nil, nil, s.fail()
		}
	}
}

// closeOfTag is where the tag starting b ends, its '>' outside quoted values; -1 when b
// does not hold all of it.
func closeOfTag(b []byte) int {
	for j := 1; j < len(b); j++ {
		switch c := b[j]; c {
		case '>':
			return j
		case '"', '\'':
			k := bytes.IndexByte(b[j+1:], c)
			if k < 0 {
				return -1
			}
			j += k + 1
		}
	}
	return -1
}

// quickCell reads a cell's start tag when it is in the buffer and in the common form:
// <c …> or <c …/>, attributes in double quotes without references. It returns its r and
// t attributes (valid until the next call) and whether it is empty; else it reads
// nothing.
func (s *xmlScanner) quickCell() (ref, typ []byte, empty, ok bool) {
	b := s.buf[s.pos:s.end]
	if len(b) < 3 || b[0] != '<' || b[1] != 'c' {
		return nil, nil, false, false
	}
	for i := 2; i < len(b); {
		switch b[i] {
		case ' ':
			i++
			continue
		case '>':
			s.pos += i + 1
			return ref, typ, false, true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				s.pos += i + 2
				return ref, typ, true, true
			}
			return nil, nil, false, false
		}
		if i == 2 { // <c followed by neither a space nor the tag's end: another element
			return nil, nil, false, false
		}
		// name="value"
		n := i
		for n < len(b) && b[n] >= 'a' && b[n] <= 'z' {
			n++
		}
		if n == i || n+1 >= len(b) || b[n] != '=' || b[n+1] != '"' {
			return nil, nil, false, false
		}
		v := n + 2
		e := v
		for e < len(b) && b[e] != '"' {
			if b[e] == '&' || b[e] == '<' || isSpace(b[e]) {
				return nil, nil, false, false
			}
			e++
		}
		if e == len(b) {
			return nil, nil, false, false
		}
		switch string(b[i:n]) {
		case "r":
			ref = b[v:e]
		case "t":
			typ = b[v:e]
		}
		i = e + 1
	}
	return nil, nil, false, false
}

// quickValue reads the rest of a cell when it is the common <v>value</v></c>, all of it
// in the buffer and the value without references: the value (valid until the next
// call), and true; else it reads nothing.
func (s *xmlScanner) quickValue() ([]byte, bool) {
	b := s.buf[s.pos:s.end]
	if len(b) < 3 || b[0] != '<' || b[1] != 'v' || b[2] != '>' {
		return nil, false
	}
	k := bytes.IndexByte(b[3:], '<')
	if k < 0 || len(b) < 3+k+8 || string(b[3+k:3+k+8]) != "</v></c>" {
		return nil, false
	}
	v := b[3 : 3+k]
	for _, c := range v {
		if c == '&' || c == '\r' {
			return nil, false
		}
	}
	s.pos += 3 + k + 8
	return v, true
}

// skipTo skips past the next end, from buf[pos].
func (s *xmlScanner) skipTo(end string) error {
	from := 2
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], []byte(end)); i >= 0 {
			s.pos += from + i + len(end)
			return nil
		}
		from = max(2, s.end-s.pos-len(end)+1)
		if !s.more() {
			return s.fail()
		}
	}
}

// text appends to dst the text up to the next element tag, with its entity and
// character references replaced and any CDATA section's content as it is; comments
// and processing instructions in it are skipped. dst may grow to most bytes, no more.
func (s *xmlScanner) text(dst []byte, most int) ([]byte, error) {
	for {
		b := s.buf[s.pos:s.end]
		i := bytes.IndexByte(b, '<')
		seg := b
		if i >= 0 {
			seg = b[:i]
		} else if amp := bytes.LastIndexByte(b, '&'); amp >= 0 && bytes.IndexByte(b[amp:], ';') < 0 && s.srcErr == nil {
			seg = b[:amp] // a reference cut by the end of the buffer: read on first
		}
		var err error
		if dst, err = appendText(dst, seg); err != nil {
			return dst, err
		}
		s.pos += len(seg)
		if len(dst) > most {
			return dst, errValueTooLong
		}
		if i < 0 {
			if !s.more() {
				return dst, s.fail()
			}
			continue
		}
		// A '<': a CDATA section is text; a comment or processing instruction is
		// skipped; anything else ends the text.
		if s.end-s.pos < 9 && s.more() {
			continue
		}
		b = s.buf[s.pos:s.end]
		switch {
		case bytes.HasPrefix(b, []byte("<![CDATA[")):
			// The section's content, as it is; more keeps it at pos when it reads on.
			for from := 9; ; {
				if i := bytes.Index(s.buf[s.pos+from:s.end], []byte("]]>")); i >= 0 {
					dst = append(dst, s.buf[s.pos+9:s.pos+from+i]...)
					s.pos += from + i + 3
					break
				}
				from = max(9, s.end-s.pos-2)
				if !s.more() {
					return dst, s.fail()
				}
			}
			if len(dst) > most {
				return dst, errValueTooLong
			}
		case bytes.HasPrefix(b, []byte("<!--")):
			if err := s.skipTo("-->"); err != nil {
				return dst, err
			}
		case bytes.HasPrefix(b, []byte("<?")):
			if err := s.skipTo("?>"); err != nil {
				return dst, err
			}
		default:
			return dst, nil
		}
	}
}

// appendText appends text, its references replaced, and line ends as XML reads them.
func appendText(dst, text []byte) ([]byte, error) {
	for len(text) > 0 {
		i := -1
		if len(text) > 32 {
			i = bytes.IndexAny(text, "&\r")
		} else {
			for k, c := range text {
				if c == '&' || c == '\r' {
					i = k
					break
				}
			}
		}
		if i < 0 {
			return append(dst, text...), nil
		}
		dst = append(dst, text[:i]...)
		text = text[i:]
		if text[0] == '\r' {
			dst = append(dst, '\n')
			text = text[1:]
			if len(text) > 0 && text[0] == '\n' {
				text = text[1:]
			}
			continue
		}
		end := bytes.IndexByte(text, ';')
		if end < 0 || end > 12 {
			return dst, &errXML{"a '&' that starts no reference"}
		}
		ref := text[1:end]
		text = text[end+1:]
		switch string(ref) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			if len(ref) < 2 || ref[0] != '#' {
				return dst, &errXML{"an entity reference other than XML's own, &" + strconv.QuoteToASCII(string(ref))[1:]}
			}
			base, digits := 10, ref[1:]
			if digits[0] == 'x' {
				base, digits = 16, digits[1:]
			}
			n, err := strconv.ParseUint(string(digits), base, 32)
			if err != nil || !utf8.ValidRune(rune(n)) || n == 0 {
				return dst, &errXML{"a character reference to no character"}
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
	}
	return dst, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// localName is name without its namespace prefix (as encoding/xml splits a name).
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// nextAttr reads the first attribute of attrs: its local name, its value (raw: the
// caller replaces references when it needs to) and the rest.
func nextAttr(attrs []byte) (name, value, rest []byte, ok bool) {
	i := 0
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	attrs = attrs[i:]
	eq := bytes.IndexByte(attrs, '=')
	if eq <= 0 {
		return nil, nil, nil, false
	}
	name = attrs[:eq]
	for len(name) > 0 && isSpace(name[len(name)-1]) {
		name = name[:len(name)-1]
	}
	rest = attrs[eq+1:]
	for len(rest) > 0 && isSpace(rest[0]) {
		rest = rest[1:]
	}
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return nil, nil, nil, false
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return nil, nil, nil, false
	}
	return localName(name), rest[1 : 1+end], rest[end+2:], true
}

// attrText is an attribute's value as the sheet's enumerations and references read it:
// its references replaced (a bad one leaves it as it is, which then reads as no valid
// value) and XML's spaces around it dropped.
func attrText(v []byte) []byte {
	if bytes.IndexByte(v, '&') >= 0 {
		if d, err := appendText(nil, v); err == nil {
			v = d
		}
	}
	for len(v) > 0 && isSpace(v[0]) {
		v = v[1:]
	}
	for len(v) > 0 && isSpace(v[len(v)-1]) {
		v = v[:len(v)-1]
	}
	return v
}

// UnescapeBSTR undoes the escapes of OOXML text (ST_Xstring): _xHHHH_ is the UTF-16
// unit HHHH, as spreadsheets write control characters; _x005F_ escapes an underscore.
func UnescapeBSTR(s []byte) []byte {
	if !bytes.Contains(s, []byte("_x")) {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(string(s[i+2:i+6]), 16, 16); err == nil {
				r := rune(n)
				if utf8.ValidRune(r) {
					out = utf8.AppendRune(out, r)
				} else {
					out = utf8.AppendRune(out, utf8.RuneError) // half a surrogate pair
				}
				i += 7
				continue
			}
		}
		out = append(out, s[i])
		i++
	}
	return out
}

// readAhead reads a source on a goroutine of its own, a few chunks ahead of its reader:
// unpacking a sheet then runs beside reading its XML, on another core. Close stops the
// goroutine and waits for it, so the source can be closed after.
type readAhead struct {
	full, free chan []byte
	stop, done chan struct{}
	cur, chunk []byte
	err        error // the source's, set before full is closed
}

const (
	readAheadChunk  = 64 << 10
	readAheadChunks = 4
)

func newReadAhead(src io.Reader) *readAhead {
	ra := &readAhead{full: make(chan []byte, readAheadChunks), free: make(chan []byte, readAheadChunks),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range readAheadChunks {
		ra.free <- make([]byte, readAheadChunk)
	}
	go func() {
		defer close(ra.done)
		defer close(ra.full)
		for {
			var buf []byte
			select {
			case buf = <-ra.free:
			case <-ra.stop:
				ra.err = io.ErrClosedPipe
				return
			}
			n := 0
			var err error
			for n < len(buf) && err == nil {
				var k int
				k, err = src.Read(buf[n:])
				n += k
			}
			if n > 0 {
				ra.full <- buf[:n]
			}
			if err != nil {
				ra.err = err
				return
			}
		}
	}()
	return ra
}

func (ra *readAhead) Read(p []byte) (int, error) {
	if len(ra.cur) == 0 {
		if ra.chunk != nil {
			ra.free <- ra.chunk[:cap(ra.chunk)]
			ra.chunk = nil
		}
		b, ok := <-ra.full
		if !ok {
			return 0, ra.err
		}
		ra.chunk, ra.cur = b, b
	}
	n := copy(p, ra.cur)
	ra.cur = ra.cur[n:]
	return n, nil
}

// Close stops reading ahead and waits until the source is no longer read.
func (ra *readAhead) Close() {
	close(ra.stop)
	for range ra.full { // let a chunk being handed over go, so the goroutine can see stop
	}
	<-ra.done
}
