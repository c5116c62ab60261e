package cellsafe

import "testing"

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{"-Ada Smith", "=cmd", "+Sam", "@x", "\tTab", "Ada", "'quoted", "", "'"} {
		if got := Restore(Neutralise(s)); got != s {
			t.Errorf("%q came back as %q", s, got)
		}
	}
	if Neutralise("=1+1") != "'=1+1" || Restore("'Ada") != "'Ada" {
		t.Error("only a formula's first character is guarded, and only that guard is removed")
	}
}
