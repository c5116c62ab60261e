package reports

import (
	"io"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

func BenchmarkProfJSON(b *testing.B) {
	r, _ := rubric.Default()
	for b.Loop() {
		sink, _ := (Output{Format: "json"}).NewTeamSink(io.Discard, r, 3)
		rv := &assess.Review{Rubric: r, Options: assess.ScoreOptions{Certs: 3}}
		if err := rv.Run([]assess.TeamInput{{Path: "/work/bench-before/bench/out/team-20000.csv", Sheet: true}}, sink); err != nil {
			b.Fatal(err)
		}
	}
}
