package cmd

import (
	"strings"
	"testing"
)

// Text written while the bar is shown starts a line of its own: the bar's line is cleared
// first ("98% 48896 people" is never followed by "pmladder: wrote …" on one line), and
// the bar is drawn again after it.
func TestProgressLineEndsBeforeMessages(t *testing.T) {
	var screen, stdout strings.Builder
	bar := &progress{out: &screen, total: 100}
	bar.Read(98)
	bar.people = 48896
	bar.draw()
	warnf(bar, "a warning")
	bar.draw()
	bar.before(&stdout).Write([]byte("the report\n"))
	bar.draw()
	infof(bar, "wrote review.csv")
	bar.done()
	want := "\r[#############################.]  98% 48896 people\r\x1b[Kpmladder: warning: a warning\n" +
		"\r[#############################.]  98% 48896 people\r\x1b[K" +
		"\r[#############################.]  98% 48896 people\r\x1b[Kpmladder: wrote review.csv\n"
	if got := screen.String(); got != want {
		t.Errorf("stderr:\n%q\nwant\n%q", got, want)
	}
	if stdout.String() != "the report\n" {
		t.Errorf("stdout %q", stdout.String())
	}
}
