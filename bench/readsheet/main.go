// Command readsheet reads a team sheet, CSV or a workbook (.xlsx), with pmladder's
// readers and nothing else (no scoring, no review, no output but a count): what reading
// the input costs, in time and memory, apart from the review around it.
//
//	go run ./bench/readsheet SHEET.csv|SHEET.xlsx
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: readsheet SHEET")
		os.Exit(2)
	}
	n, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "readsheet:", err)
		os.Exit(1)
	}
	fmt.Println(n, "people")
}

func run(path string) (int, error) {
	r, err := rubric.Default()
	if err != nil {
		return 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	open := input.NewSheetReader
	if strings.HasSuffix(path, ".xlsx") {
		open = input.NewWorkbookReader
	}
	sr, err := open(path, f, r)
	if err != nil {
		return 0, err
	}
	defer sr.Close()
	a := assess.NewAnswers(r)
	n := 0
	for {
		_, err := sr.ReadInto(a)
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}
