package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// TestTeamXLSXAgreesWithCSV reads the review workbook back and finds, on its Rows sheet,
// the long CSV's rows cell for cell (numbers as numbers, dates as date cells, names
// neutralised as in CSV), with one worker and several; the heatmap's scores are numbers,
// marked below target and shaded by conditional formatting.
func TestTeamXLSXAgreesWithCSV(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	sheet := filepath.Join("testdata", "team-odd.csv")
	want, err := csv.NewReader(bytes.NewReader(teamOutput(t, r, Output{Format: "csv"}, 1, sheet))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		wb := openWorkbook(t, teamOutput(t, r, Output{Format: "xlsx"}, workers, sheet))
		if got := strings.Join(wb.GetSheetList(), ","); got != "People,Heatmap,Rows,Gaps,Certifications" {
			t.Fatalf("sheets %s", got)
		}
		rows, err := wb.GetRows("Rows", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(want) {
			t.Fatalf("%d workers: %d rows, the CSV has %d", workers, len(rows), len(want))
		}
		for i := range want {
			for j, w := range want[i] {
				g := ""
				if j < len(rows[i]) {
					g = rows[i][j]
				}
				if j == 2 && i > 0 && w != "" { // the date: a day count in the workbook
					g = serialToRFC3339(t, g)
				}
				if g != w {
					t.Fatalf("%d workers: Rows!%s%d is %q, the CSV has %q", workers, colName(j+1), i+1, g, w)
				}
			}
		}
		checkHeatmap(t, wb, r)
		wb.Close()
	}
}

func serialToRFC3339(t *testing.T, v string) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("date cell %q is not a number", v)
	}
	tm, err := excelize.ExcelDateToTime(f, false)
	if err != nil {
		t.Fatal(err)
	}
	return tm.UTC().Round(1e9).Format("2006-01-02T15:04:05Z07:00")
}

func openWorkbook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	return wb
}

// checkHeatmap: a score below target carries the ▼ number format; the sheet has the
// three conditional shading rules over every score.
func checkHeatmap(t *testing.T, wb *excelize.File, r *rubric.Rubric) {
	t.Helper()
	rows, err := wb.GetRows("Heatmap", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n := len(r.Skills())
	marked := 0
	for row := 2; row <= len(rows); row++ {
		for k := range n {
			score, expect := rows[row-1][2+k], ""
			if 2+n+k < len(rows[row-1]) {
				expect = rows[row-1][2+n+k]
			}
			s, e := parse(score), parse(expect)
			style, _ := wb.GetCellStyle("Heatmap", cellName(3+k, row))
			below := s != nil && e != nil && *s < *e-1e-9
			if below != (style == styleBelow) {
				t.Fatalf("Heatmap!%s: score %q, expected %q: style %d", cellName(3+k, row), score, expect, style)
			}
			if below {
				marked++
			}
		}
	}
	if marked == 0 {
		t.Fatal("no score below target in the heatmap: the test reads nothing")
	}
	cf, err := wb.GetConditionalFormats("Heatmap")
	if err != nil {
		t.Fatal(err)
	}
	ref := "C2:" + cellName(2+n, len(rows))
	if len(cf[ref]) != 3 {
		t.Fatalf("conditional formats %v, want three rules over %s", cf, ref)
	}
}

func parse(s string) *float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &v
}

// TestTeamXLSXRowsSheetsSplit: past a sheet's row limit, the Rows go on in "Rows 2",
// a person's rows never split between two sheets, and none is lost.
func TestTeamXLSXRowsSheetsSplit(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	sink, err := Output{Format: "xlsx"}.NewTeamSink(&buf, r, 3)
	if err != nil {
		t.Fatal(err)
	}
	sink.(*teamSink).format.(*teamXLSX).abort()
	x := &teamXLSX{maxRows: 2*len(r.Skills()) + 1} // two people a sheet
	sink.(*teamSink).format = x
	if err := x.begin(sink.(*teamSink)); err != nil {
		t.Fatal(err)
	}
	tmp := x.dir
	rv := &input.Review{Rubric: r, Options: assess.ScoreOptions{Certs: 3}, Workers: 2}
	if err := rv.Run([]input.TeamInput{{Path: filepath.Join("testdata", "team-odd.csv"), Sheet: true}}, sink); err != nil {
		t.Fatal(err)
	}
	wb := openWorkbook(t, buf.Bytes())
	defer wb.Close()
	people, _ := wb.GetRows("People")
	total := 0
	for _, name := range wb.GetSheetList() {
		if !strings.HasPrefix(name, "Rows") {
			continue
		}
		rows, _ := wb.GetRows(name)
		if len(rows)-1 > 2*len(r.Skills()) || (len(rows)-1)%len(r.Skills()) != 0 {
			t.Errorf("%s has %d rows", name, len(rows)-1)
		}
		total += len(rows) - 1
	}
	if total != (len(people)-1)*len(r.Skills()) || len(people) < 4 {
		t.Errorf("%d long rows for %d people", total, len(people)-1)
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("the temporary sheets were left in %s", tmp)
	}
}

// TestTeamXLSXPrintSetup reads the review workbook back: every sheet prints landscape,
// fitted to one page wide (and as many long as it takes), with its header row repeated on
// each printed page, so no column is cut at the page edge.
func TestTeamXLSXPrintSetup(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	wb := openWorkbook(t, teamOutput(t, r, Output{Format: "xlsx"}, 1, filepath.Join("testdata", "team-odd.csv")))
	defer wb.Close()
	titles := map[string]string{}
	for _, dn := range wb.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sheet := range wb.GetSheetList() {
		layout, err := wb.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Errorf("%s: orientation %v, want landscape", sheet, layout.Orientation)
		}
		if layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
			t.Errorf("%s: fit to width %v, height %v; want 1 page wide, any number long", sheet, layout.FitToWidth, layout.FitToHeight)
		}
		props, err := wb.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fitToPage is not set, so the fit is ignored", sheet)
		}
		if want := "'" + sheet + "'!$1:$1"; titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q (the header row on every page)", sheet, titles[sheet], want)
		}
	}
}

// TestAppendRoundedIsShortestFloat: a workbook's numbers are Round's, as strconv writes
// them at their shortest; the fast path for small numbers writes the same, and so does
// a date's for whole days.
func TestAppendRoundedIsShortestFloat(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), -0.004, 0.005, 0.015, 2.675, 1.005, 3, 2.5, 83.333, -0.33, -1.235,
		0.1 + 0.2, 99.995, 999999.994, 999999.995, 1e6, 1e6 + 0.125, 123456789.125, 1e15, 1e20, 1e-7,
		math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, math.SmallestNonzeroFloat64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		values = append(values, (rng.Float64()-0.5)*200, float64(rng.IntN(2000001)-1000000)/1000, rng.NormFloat64()*1e7)
	}
	for _, v := range values {
		if got, want := string(appendRounded(nil, v)), strconv.FormatFloat(Round(v), 'f', -1, 64); got != want {
			t.Errorf("%v: %s, want %s", v, got, want)
		}
	}
	for _, d := range []time.Time{excelEpoch, time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 3, 9, 13, 30, 0, 0, time.UTC), time.Date(2026, 3, 9, 0, 0, 0, 0, time.FixedZone("", 3600))} {
		days := d.UTC().Sub(excelEpoch).Hours() / 24
		want := `<c s="2"><v>` + strconv.FormatFloat(float64(int64(days*86400))/86400, 'f', -1, 64) + "</v></c>"
		if got := string(appendDate(nil, d)); got != want {
			t.Errorf("%v: %s, want %s", d, got, want)
		}
	}
}
