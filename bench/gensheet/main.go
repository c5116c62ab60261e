// Command gensheet writes a large team sheet for the built-in rubric (or -rubric FILE),
// with random but reproducible answers, for benchmarks: go run ./bench/gensheet -people 20000.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/rubric"
)

func main() {
	people := flag.Int("people", 20000, "rows to write")
	out := flag.String("o", "", "write to `FILE` instead of stdout")
	rubricPath := flag.String("rubric", "", "a rubric `FILE` (default: the built-in one)")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if err := run(*people, *out, *rubricPath, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gensheet:", err)
		os.Exit(1)
	}
}

func run(people int, out, rubricPath string, seed int64) error {
	r, err := rubric.Default()
	if rubricPath != "" {
		r, err = rubric.Load(rubricPath)
	}
	if err != nil {
		return err
	}
	f := os.Stdout
	if out != "" {
		if f, err = os.Create(out); err != nil {
			return err
		}
		defer f.Close()
	}
	if err := sheetgen.Write(f, r, people, seed); err != nil {
		return err
	}
	return f.Sync()
}
