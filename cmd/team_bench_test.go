package cmd

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// BenchmarkTeamCSV scores a sheet of 2,000 people to the long CSV format, as
// `pmladder team team.csv --format csv -o review.csv` does. ns/op ÷ 2,000 is the cost per
// person.
func BenchmarkTeamCSV(b *testing.B) {
	benchmarkTeam(b, "csv")
}

// BenchmarkTeamJSON is the same to the streamed JSON format.
func BenchmarkTeamJSON(b *testing.B) {
	benchmarkTeam(b, "json")
}

// BenchmarkTeamXLSX is the same to the workbook format.
func BenchmarkTeamXLSX(b *testing.B) {
	benchmarkTeam(b, "xlsx")
}

// BenchmarkTeamMarkdown, BenchmarkTeamTable and BenchmarkTeamHTML are the same to the
// formats that also draw a heatmap.
func BenchmarkTeamMarkdown(b *testing.B) { benchmarkTeam(b, "markdown") }

// BenchmarkTeamTable: see BenchmarkTeamMarkdown.
func BenchmarkTeamTable(b *testing.B) { benchmarkTeam(b, "table") }

// BenchmarkTeamHTML: see BenchmarkTeamMarkdown.
func BenchmarkTeamHTML(b *testing.B) { benchmarkTeam(b, "html") }

// BenchmarkTeamCalibration calibrates 8,000 ratings (2,000 people: self, manager and
// two peers each), as `pmladder team sheet.csv --calibration --format F` does, in each
// format: ns/op ÷ 8,000 is the cost per rating.
func BenchmarkTeamCalibration(b *testing.B) {
	for _, format := range []string{"table", "markdown", "csv", "json", "html"} {
		b.Run(format, func(b *testing.B) { benchmarkTeamSheet(b, format, true) })
	}
}

func benchmarkTeam(b *testing.B, format string) { benchmarkTeamSheet(b, format, false) }

func benchmarkTeamSheet(b *testing.B, format string, calibration bool) {
	r, err := rubric.Default()
	if err != nil {
		b.Fatal(err)
	}
	var sheet bytes.Buffer
	if calibration {
		err = sheetgen.WriteCalibration(&sheet, r, 2000, func(int) int { return 2 }, 1)
	} else {
		err = sheetgen.Write(&sheet, r, 2000, 1)
	}
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "team.csv")
	if err := os.WriteFile(in, sheet.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(sheet.Len()))
	b.ReportAllocs()
	for b.Loop() {
		opts := &TeamOptions{
			IO:          &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard},
			Rubric:      r,
			Paths:       []string{in},
			Calibration: calibration,
			MinPeers:    3,
		}
		opts.Roles.Certs = 3
		opts.Out.formats = reports.TeamFormats()
		opts.Output.Format = reports.Format(format)
		opts.Out.Output = filepath.Join(dir, "review."+format)
		if err := teamRun(opts); err != nil {
			b.Fatal(strings.SplitN(err.Error(), "\n", 2)[0])
		}
	}
}
