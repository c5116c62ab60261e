package yamlnode

import (
	"testing"
)

func TestSyntaxErrorLines(t *testing.T) {
	cases := []struct {
		src  string
		line int
	}{
		{"a: b\nc: [1, 2\n", 2},            // parser error: unclosed flow sequence
		{"a: b\nc: {x: 1\n", 2},            // parser error: unclosed flow mapping
		{"a: b\n  c: d\n", 2},              // scanner error: mapping values not allowed
		{"a: b\nc: \"open\n", 2},           // scanner error: unclosed quote
		{"a: 1\n\tb: 2\n", 2},              // tab indentation
		{"- a\nb: c\n", 2},                 // parser error: block sequence then mapping
		{"a: [1]\nb: 2\nc: [3\nd: 4\n", 3}, // unclosed flow sequence in the middle
	}
	for _, tc := range cases {
		rd := Reader{File: "f.yaml"}
		if root := rd.Parse([]byte(tc.src), "a test"); root != nil {
			t.Errorf("%q: parsed", tc.src)
			continue
		}
		if len(rd.Problems) != 1 || rd.Problems[0].Line != tc.line {
			t.Errorf("%q: want one problem on line %d, got %v", tc.src, tc.line, rd.Problems)
		}
	}
}

func TestTypedValues(t *testing.T) {
	rd := Reader{File: "f.yaml"}
	root := rd.Parse([]byte("i: 3\nf: 2.5\nw: 3.0\nb: true\ns: text\nl: [a, b]\nbad: .inf\nhex: 0x10\n"), "a test")
	f := rd.Mapping(root, "test", "i", "f", "w", "b", "s", "l", "bad", "hex")
	if v, ok := rd.Int(f["i"].Value, "i"); !ok || v != 3 {
		t.Errorf("i = %v %v", v, ok)
	}
	if v, ok := rd.Int(f["w"].Value, "w"); !ok || v != 3 {
		t.Errorf("w = %v %v", v, ok)
	}
	if v, ok := rd.Int(f["hex"].Value, "hex"); !ok || v != 16 {
		t.Errorf("hex = %v %v", v, ok)
	}
	if v, ok := rd.Number(f["f"].Value, "f"); !ok || v != 2.5 {
		t.Errorf("f = %v %v", v, ok)
	}
	if !rd.Bool(f["b"].Value, "b") || rd.String(f["s"].Value, "s") != "text" {
		t.Error("bool or string")
	}
	if vals, _ := rd.Strings(f["l"].Value, "l"); len(vals) != 2 {
		t.Errorf("list %v", vals)
	}
	if len(rd.Problems) != 0 {
		t.Fatalf("unexpected problems: %v", rd.Problems)
	}
	if _, ok := rd.Int(f["f"].Value, "f"); ok {
		t.Error("2.5 is not a whole number")
	}
	if _, ok := rd.Number(f["bad"].Value, "bad"); ok {
		t.Error(".inf is not a finite number")
	}
	if _, ok := rd.Int(f["s"].Value, "s"); ok {
		t.Error("text is not a number")
	}
	rd.Bool(f["s"].Value, "s")
	rd.String(f["l"].Value, "l")
	if len(rd.Problems) != 5 {
		t.Errorf("want 5 problems, got %v", rd.Problems)
	}
}
