package match

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

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

// TestValueLongInput: a value far longer than every known one (a 2 MB column name) is
// no typo of them, and is not compared edit by edit (which took half a minute).
func TestValueLongInput(t *testing.T) {
	long := strings.Repeat("x", 2<<20)
	known := make([]string, 200)
	for i := range known {
		known[i] = fmt.Sprintf("skill-%d.1", i)
	}
	start := time.Now()
	if got, hint := Value(long, known); got != "" || hint != "" {
		t.Errorf("%q %q", got, hint)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("took %v", took)
	}
}
