package problem

import (
	"errors"
	"testing"
)

func TestFormatAndOrder(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("an empty list is no error")
	}
	l.Add("b.yaml", 3, "third %s", "thing")
	l.Add("a.yaml", 9, "second")
	l.Add("a.yaml", 2, "first")
	l.Add("a.yaml", 0, "whole file")
	err := l.Err()
	want := "a.yaml: whole file\na.yaml:2: first\na.yaml:9: second\nb.yaml:3: third thing"
	if err.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", err, want)
	}
	var list List
	if !errors.As(err, &list) || len(list) != 4 {
		t.Error("errors.As must find the list")
	}
	if (&Problem{Msg: "bare"}).Error() != "bare" {
		t.Error("a problem without a file is just its message")
	}
}
