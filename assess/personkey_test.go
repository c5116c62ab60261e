package assess

import (
	"strings"
	"testing"
)

// FuzzPersonKey holds PersonKey to its rule as the standard library words it: the
// fields of the name, joined by one space, lower-cased.
func FuzzPersonKey(f *testing.F) {
	for _, s := range []string{"  Ada  LOVELACE\t x", "\xff\u00a0É Ü\u2003z", "", " ", "Grace\u0085Hopper", "ǅ İ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		want := strings.ToLower(strings.Join(strings.Fields(name), " "))
		if got := PersonKey(name); got != want {
			t.Fatalf("PersonKey(%q) = %q, want %q", name, got, want)
		}
	})
}
