package cmd

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a bar on stderr while a large team is scored: bytes read of the known
// total, and people so far. It is an input.TeamProgress, drawn only on a terminal and at
// most ten times a second.
type progress struct {
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
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(p.read)/float64(p.total))
	}
	filled := int(frac * width)
	fmt.Fprintf(p.out, "\r[%s%s] %3.0f%% %d people", strings.Repeat("#", filled), strings.Repeat(".", width-filled), frac*100, p.people)
	p.shown = true
}

// done clears the bar.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
}
