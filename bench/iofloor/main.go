// Command iofloor is the I/O floor of the team benchmark: it parses a team sheet with
// encoding/csv and writes as many CSV rows as `pmladder team --format csv` would (one per
// person × skill, twelve columns), copying cells instead of scoring. No program that reads
// and writes the same data this way can be much faster; pmladder's target is to stay
// within 2× of it.
//
//	go run ./bench/iofloor SHEET.csv OUT.csv SKILLS
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: iofloor SHEET.csv OUT.csv SKILLS")
		os.Exit(2)
	}
	skills, err := strconv.Atoi(os.Args[3])
	if err == nil {
		err = run(os.Args[1], os.Args[2], skills)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "iofloor:", err)
		os.Exit(1)
	}
}

func run(in, out string, skills int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	defer o.Close()
	bw := bufio.NewWriterSize(o, 1<<20)
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
	r.ReuseRecord = true
	w := csv.NewWriter(bw)
	header, err := r.Read()
	if err != nil {
		return err
	}
	w.Write([]string{"person", "assessor", "date", "current_role", "target_role", "target_readiness",
		"category", "skill", "score", "expected_target", "gap", "priority"})
	// Rows of the same shape and size as pmladder's: the person's cells, a full date, a
	// readiness, a category, a skill id, three numbers and a priority.
	categories := []string{"analytical", "communication", "leadership", "technical"}
	row := make([]string, 12)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		for s := 0; s < skills; s++ {
			q := 6 + s%(len(rec)-6)
			copy(row, rec[:5])
			row[2] = rec[2] + "T00:00:00Z"
			row[4] = "senior-pm"
			row[5] = "57.14"
			row[6] = categories[s*len(categories)/skills]
			row[7] = strings.TrimSuffix(header[q], ".1")
			row[8], row[9], row[10], row[11] = rec[q], "3", "0.5", "medium"
			if err := w.Write(row); err != nil {
				return err
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return o.Sync()
}
