// Command gensheet writes a large team sheet for the built-in rubric (or -rubric FILE),
// with random but reproducible answers, for benchmarks: go run ./bench/gensheet -people 20000.
// With -peers N, a sheet for a calibration instead: each person's self-assessment, their
// manager's and N peers' ratings, with a rater column (-people 25000 -peers 2: 100,000
// ratings).
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
	peers := flag.Int("peers", 0, "write a calibration sheet: self, manager and `N` peers per person")
	flag.Parse()
	if err := run(*people, *peers, *out, *rubricPath, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gensheet:", err)
		os.Exit(1)
	}
}

func run(people, peers int, out, rubricPath string, seed int64) error {
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
	write := func() error { return sheetgen.Write(f, r, people, seed) }
	if peers > 0 {
		write = func() error { return sheetgen.WriteCalibration(f, r, people, func(int) int { return peers }, seed) }
	}
	if err := write(); err != nil {
		return err
	}
	return f.Sync()
}
