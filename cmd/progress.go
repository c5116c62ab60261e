package cmd

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
)

// progress draws a bar on stderr while a large team is scored: bytes read of the known
// total, and people so far. It draws only on a terminal and at most ten times a second.
type progress struct {
	out    io.Writer
	total  int64
	read   atomic.Int64
	people int
	last   time.Time
	shown  bool
}

// countingReader counts the bytes read through it for the progress bar.
type countingReader struct {
	r io.Reader
	p *progress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.read.Add(int64(n))
	return n, err
}

// person counts one more person and redraws when it is time.
func (p *progress) person() {
	if p == nil {
		return
	}
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
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(p.read.Load())/float64(p.total))
	}
	filled := int(frac * width)
	fmt.Fprintf(p.out, "\r[%s%s] %3.0f%% %d people", strings.Repeat("#", filled), strings.Repeat(".", width-filled), frac*100, p.people)
	p.shown = true
}

// done clears the bar.
func (p *progress) done() {
	if p != nil && p.shown {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
}
