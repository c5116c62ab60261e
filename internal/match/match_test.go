package match

import "testing"

func TestValue(t *testing.T) {
	known := []string{"senior-pm", "pm", "principal-pm", "json", "csv"}
	for in, want := range map[string][2]string{
		"Senior_PM":  {"senior-pm", ""},
		"senior pm":  {"senior-pm", ""},
		"JSON":       {"json", ""},
		"senoir-pm":  {"", " (did you mean senior-pm?)"},
		"jsno":       {"", " (did you mean json?)"},
		"princ":      {"", " (did you mean principal-pm?)"},
		"z":          {"", ""},
		"wizard":     {"", ""},
		"senior-pm ": {"senior-pm", ""},
	} {
		got, hint := Value(in, known)
		if got != want[0] || hint != want[1] {
			t.Errorf("%q: %q %q, want %q %q", in, got, hint, want[0], want[1])
		}
	}
}
