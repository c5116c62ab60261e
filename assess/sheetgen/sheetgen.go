// Package sheetgen writes large, reproducible team sheets for benchmarks.
package sheetgen

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand"
	"strconv"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// Write writes a team sheet of people rows for the rubric, with random answers clustered
// around a level per person (as real teams answer), some na and some left empty.
func Write(w io.Writer, r *rubric.Rubric, people int, seed int64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	header, ladder := start(cw, r, assess.ProfileFields())
	rng := rand.New(rand.NewSource(seed))
	tracks := []string{""}
	for _, t := range r.Tracks {
		tracks = append(tracks, t.ID)
	}
	assessors := []string{"self", "manager", "peer"}
	row := make([]string, len(header))
	span := r.Scale.Max - r.Scale.Min
	for i := 0; i < people; i++ {
		row[0] = "Person " + strconv.Itoa(i+1)
		row[1] = assessors[rng.Intn(3)]
		row[2] = fmt.Sprintf("2025-%02d-%02d", 1+rng.Intn(12), 1+rng.Intn(28))
		row[3], row[4], row[5] = "", "", tracks[rng.Intn(len(tracks))]
		if rng.Intn(2) == 0 && len(ladder) > 0 {
			row[3] = ladder[rng.Intn(len(ladder))]
		}
		level := rng.Intn(span + 1)
		answer(row[6:], rng, r, level)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteCalibration writes a team sheet for a calibration: for each of people, a
// self-assessment, their manager's (a manager has eight reports, and some managers rate
// a point higher or lower than the rest) and peers(i) peers' ratings, with a rater
// column; every rating is clustered around the person's level as Write's are.
func WriteCalibration(w io.Writer, r *rubric.Rubric, people int, peers func(i int) int, seed int64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	header, ladder := start(cw, r, append(assess.ProfileFields(), assess.FieldRater))
	rng := rand.New(rand.NewSource(seed))
	row := make([]string, len(header))
	span := r.Scale.Max - r.Scale.Min
	const first = 7 // the first question's column
	rate := func(person, assessor, rater string, level int) error {
		row[0], row[1], row[6] = person, assessor, rater
		row[2] = fmt.Sprintf("2026-%02d-%02d", 1+rng.Intn(11), 1+rng.Intn(28))
		answer(row[first:], rng, r, level)
		return cw.Write(row)
	}
	for i := 0; i < people; i++ {
		person := "Person " + strconv.Itoa(i+1)
		level := rng.Intn(span + 1)
		row[3], row[4], row[5] = "", "", ""
		if len(ladder) > 0 {
			row[3] = ladder[rng.Intn(len(ladder))]
		}
		if err := rate(person, "self", "", level+rng.Intn(3)-1); err != nil {
			return err
		}
		manager := i / 8
		bias := []int{0, 0, 1, 0, -1}[manager%5]
		if err := rate(person, "manager", "Manager "+strconv.Itoa(manager+1), level+bias); err != nil {
			return err
		}
		for k := range peers(i) {
			if err := rate(person, "peer", "Peer "+strconv.Itoa((i+k+1)%people+1), level); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// start writes the header, the fields then a column per question, and returns it with the
// ids of the ladder roles a row's current role is drawn from.
func start(cw *csv.Writer, r *rubric.Rubric, fields []string) (header, ladder []string) {
	header = fields
	for _, q := range r.Questions() {
		header = append(header, q.ID)
	}
	cw.Write(header)
	for _, ro := range r.LadderRoles("") {
		ladder = append(ladder, ro.ID)
	}
	return header, ladder
}

// answer fills a row's answer cells as a person at level answers: mostly within a point of
// it, one in twenty na and one in twenty left empty.
func answer(cells []string, rng *rand.Rand, r *rubric.Rubric, level int) {
	span := r.Scale.Max - r.Scale.Min
	for j := range cells {
		switch v := rng.Intn(20); {
		case v == 0:
			cells[j] = "na"
		case v == 1:
			cells[j] = ""
		default:
			cells[j] = strconv.Itoa(r.Scale.Min + max(0, min(span, level+rng.Intn(3)-1)))
		}
	}
}
