package input

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input/xlsxtest"
	"github.com/pmladder/pmladder/assess/sheetgen"
	"github.com/pmladder/pmladder/rubric"
)

// BenchmarkSheetInput reads one team sheet three ways, side by side in one run: as CSV,
// as the same sheet in a workbook (xlsxtest.FromCSV: numbers, date cells, shared
// strings, as a spreadsheet saves it) with pmladder's reader, and that workbook with
// excelize's Rows iterator, the library the reader replaced (cells only, no scoring).
// 100,000 people, or PMLADDER_BENCH_PEOPLE.
func BenchmarkSheetInput(b *testing.B) {
	people := 100000
	if n, err := strconv.Atoi(os.Getenv("PMLADDER_BENCH_PEOPLE")); err == nil && n > 0 {
		people = n
	}
	r, err := rubric.Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var sheet bytes.Buffer
	if err := sheetgen.Write(&sheet, r, people, 1); err != nil {
		b.Fatal(err)
	}
	csvPath, xlsxPath := filepath.Join(dir, "team.csv"), filepath.Join(dir, "team.xlsx")
	if err := os.WriteFile(csvPath, sheet.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(xlsxPath)
	if err != nil {
		b.Fatal(err)
	}
	if err := xlsxtest.FromCSV(f, bytes.NewReader(sheet.Bytes())); err != nil {
		b.Fatal(err)
	}
	f.Close()
	readAll := func(b *testing.B, open func(string, io.Reader, *rubric.Rubric) (*SheetReader, error), path string) {
		defer perPerson(b, people)()
		for i := 0; i < b.N; i++ {
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			sr, err := open(path, f, r)
			if err != nil {
				b.Fatal(err)
			}
			a := assess.NewAnswers(r)
			n := 0
			for {
				_, err := sr.ReadInto(a)
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			sr.Close()
			f.Close()
			if n != people {
				b.Fatalf("read %d people, want %d", n, people)
			}
		}
	}
	b.Run("csv", func(b *testing.B) { readAll(b, NewSheetReader, csvPath) })
	b.Run("xlsx", func(b *testing.B) { readAll(b, NewWorkbookReader, xlsxPath) })
	b.Run("excelize-rows", func(b *testing.B) {
		defer perPerson(b, people)()
		for i := 0; i < b.N; i++ {
			wb, err := excelize.OpenFile(xlsxPath)
			if err != nil {
				b.Fatal(err)
			}
			rows, err := wb.Rows(AnswersSheet)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
					b.Fatal(err)
				}
				n++
			}
			rows.Close()
			wb.Close()
			if n != people+1 {
				b.Fatalf("read %d rows, want %d", n, people+1)
			}
		}
	})
}

// perPerson reports, when the function it returns is called, the wall time and the CPU
// time (user and system, of the whole process: on a shared, busy machine the steadier
// of the two) per person.
func perPerson(b *testing.B, people int) func() {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	start := cpu()
	return func() {
		n := float64(b.N * people)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/person")
		b.ReportMetric(float64((cpu()-start).Nanoseconds())/n, "cpu-ns/person")
	}
}
