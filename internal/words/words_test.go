package words

import "testing"

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "people", 1: "person", 2: "people"} {
		if got := Plural(n, "person", "people"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSeries(t *testing.T) {
	for _, tc := range []struct {
		items []string
		want  string
	}{{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a or b"}, {[]string{"a", "b", "c"}, "a, b or c"}} {
		if got := Series(tc.items, "or"); got != tc.want {
			t.Errorf("Series(%q) = %q, want %q", tc.items, got, tc.want)
		}
	}
}
