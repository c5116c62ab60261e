package words

import "testing"

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "people", 1: "person", 2: "people"} {
		if got := Plural(n, "person", "people"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}
