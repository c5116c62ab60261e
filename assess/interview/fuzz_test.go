package interview

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
)

// FuzzPlainPrompter feeds any input to the plain prompter: it must never panic or hang,
// every answer it returns must be one of the options or a line of the input, and the end
// of the input must end the interview (assess.ErrInterrupted).
func FuzzPlainPrompter(f *testing.F) {
	f.Add([]byte("2\n"))
	f.Add([]byte("9\n?\n3\n"))
	f.Add([]byte("\ufeffAda\r\n1 3,2\n"))
	f.Add([]byte(strings.Repeat("x", 70000) + "\n1\n"))
	f.Add([]byte("\x00\xff\n"))
	f.Add([]byte("\n\n\n\n\n2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := NewPlainPrompter(context.Background(), bytes.NewReader(data), io.Discard)
		options := []string{"one", "two", "three"}
		for i := 0; i < 200; i++ {
			var err error
			switch i % 4 {
			case 3:
				var n int
				n, err = p.Select("Score", options, NoDefault, "")
				if err == nil && (n < 0 || n >= len(options)) {
					t.Fatalf("select with no default returned %d", n)
				}
			case 0:
				var n int
				n, err = p.Select("Pick", options, 1, "help")
				if err == nil && (n < 0 || n >= len(options)) {
					t.Fatalf("select returned %d", n)
				}
			case 1:
				var s string
				s, err = p.Input("Name", "def")
				if err == nil && s != "def" && !bytes.Contains(data, []byte(s)) {
					t.Fatalf("input returned %q, not in the input", s)
				}
			default:
				var picked []int
				picked, err = p.MultiSelect("Held", options, "")
				for k, n := range picked {
					if n < 0 || n >= len(options) || (k > 0 && picked[k-1] >= n) {
						t.Fatalf("multiselect returned %v", picked)
					}
				}
			}
			if errors.Is(err, assess.ErrInterrupted) {
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
		}
		t.Fatal("200 questions answered from the input: it never ended")
	})
}
