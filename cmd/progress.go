package cmd

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a bar on stderr while a large team is scored: bytes read of the known
// total, and people so far. It is an input.TeamProgress, drawn only on a terminal and at
// most ten times a second. Everything else the review writes on stderr goes through it
// (Write): the bar's line is cleared first, so a warning or "wrote FILE" starts a line of
// its own instead of being glued to "98% 48896 people".
type progress struct {
	mu     sync.Mutex
	out    io.Writer
	total  int64
	read   int64
	people int
	last   time.Time
	shown  bool
}

// Read counts bytes read.
func (p *progress) Read(n int) { p.read += int64(n) }

// Person counts one more person and redraws when it is time.
func (p *progress) Person() {
	p.people++
	if p.people%256 != 0 {
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond {
		p.last = now
		p.draw()
	}
}

func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(p.read)/float64(p.total))
	}
	filled := int(frac * width)
	fmt.Fprintf(p.out, "\r[%s%s] %3.0f%% %d people", strings.Repeat("#", filled), strings.Repeat(".", width-filled), frac*100, p.people)
	p.shown = true
}

// Write writes text for the user on stderr, on a line of its own: the bar's line is
// cleared first, and the bar drawn again below it next time.
func (p *progress) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	return p.out.Write(b)
}

// before returns a writer to w (standard output on the same terminal) that clears the
// bar first, so that the report starts on a line of its own too.
func (p *progress) before(w io.Writer) io.Writer { return clearingWriter{p, w} }

type clearingWriter struct {
	p *progress
	w io.Writer
}

func (c clearingWriter) Write(b []byte) (int, error) {
	c.p.done()
	return c.w.Write(b)
}

// terminal clears the bar and returns the terminal itself, for a pager, which must draw
// on the terminal, not on a pipe (pager.go).
func (c clearingWriter) terminal() io.Writer {
	c.p.done()
	return c.w
}

// clear clears the bar's line, when the bar is on it; p.mu is held.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.out, "\r\x1b[K")
		p.shown = false
	}
}

// done clears the bar.
func (p *progress) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}
