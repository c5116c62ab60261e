package reports

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/sheetgen"
	"github.com/pmladder/pmladder/rubric"
)

// TestFastCSVMatchesReports checks the fast path of a team review (brief scoring,
// WriteResult, rows kept in memory) against the plain one (full scoring, a Report, Write)
// on a generated sheet with odd names.
func TestFastCSVMatchesReports(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	var sheet bytes.Buffer
	if err := sheetgen.Write(&sheet, r, 500, 3); err != nil {
		t.Fatal(err)
	}
	names := []string{"=cmd", "Hopper, Grace", `Say "hi"`, " padded", "-1", "Zoë\nNewline", ""}
	text := sheet.String()
	for i, n := range names {
		text = strings.Replace(text, "Person "+strconv.Itoa(i+1)+",", csvQuote(n)+",", 1)
	}
	for _, excel := range []bool{false, true} {
		sr, err := assess.NewSheetReader("team.csv", strings.NewReader(text), r)
		if err != nil {
			t.Fatal(err)
		}
		var plain bytes.Buffer
		slow, _ := NewReportCSV(&plain, excel)
		fast := NewReportCSVRows(excel)
		scorer := assess.Scorer{Rubric: r, Options: assess.ScoreOptions{Brief: true}}
		people := 0
		for {
			a, _, err := sr.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				continue // the empty name: a problem, as it should be
			}
			people++
			if err := slow.Write(NewReport(assess.Score(r, a, assess.ScoreOptions{}))); err != nil {
				t.Fatal(err)
			}
			fast.WriteResult(scorer.Score(a))
		}
		slow.Flush()
		if people != 499 {
			t.Fatalf("%d people scored, want 499 (all but the empty name)", people)
		}
		header, _, _ := bytes.Cut(plain.Bytes(), []byte("\n"))
		want := plain.Bytes()[len(header)+1:]
		got := fast.Take(nil)
		if !bytes.Equal(got, want) {
			t.Fatalf("excel=%v: fast rows differ:\n%s\nwant:\n%s", excel, firstDiff(got, want), firstDiff(want, got))
		}
		if _, err := csv.NewReader(bytes.NewReader(plain.Bytes())).ReadAll(); err != nil && !excel {
			t.Fatalf("not valid CSV: %v", err)
		}
	}
}

func csvQuote(s string) string {
	if strings.ContainsAny(s, ",\"\n") || strings.HasPrefix(s, " ") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-80)
	return string(a[start:min(len(a), i+80)])
}

// TestCSVQuotingMatchesEncodingCSV compares the fast cell encoder with encoding/csv.
func TestCSVQuotingMatchesEncodingCSV(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	alphabet := []string{"a", " ", ",", `"`, "\n", "\r", "\t", "é", "日", "=", "\\", ".", "-"}
	for _, crlf := range []bool{false, true} {
		for i := 0; i < 2000; i++ {
			var cell strings.Builder
			for n := rng.Intn(6); n > 0; n-- {
				cell.WriteString(alphabet[rng.Intn(len(alphabet))])
			}
			s := cell.String()
			if i == 0 {
				s = `\.`
			}
			var want bytes.Buffer
			w := csv.NewWriter(&want)
			w.UseCRLF = crlf
			w.Write([]string{s, "x"})
			w.Flush()
			c := newRowBuffer(crlf)
			c.sep()
			c.line = c.appendField(c.line, s)
			c.Text("x")
			c.EndRow()
			if got := string(c.line); got != want.String() {
				t.Fatalf("crlf=%v %q: got %q want %q", crlf, s, got, want.String())
			}
		}
	}
}

// TestAppendNumMatchesRound compares the fast number cells with Round and FormatFloat.
func TestAppendNumMatchesRound(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	values := []float64{0, -0.004, 1.005, 2.675, 99.995, 100, 28.571428571428573, -1.5, 1e7 + 0.125, 0.3}
	for i := 0; i < 20000; i++ {
		values = append(values, float64(rng.Intn(2000000)-1000000)/float64(1+rng.Intn(999)))
	}
	for _, v := range values {
		want := strconv.FormatFloat(Round(v), 'f', -1, 64)
		if want == "-0" {
			want = "0"
		}
		if got := string(appendNum(nil, v)); got != want {
			t.Fatalf("appendNum(%v) = %s, want %s", v, got, want)
		}
		if Round(v) != float64(centsOfDecimal(v))/100 {
			t.Fatalf("Round(%v) = %v, the decimal form gives %v", v, Round(v), float64(centsOfDecimal(v))/100)
		}
	}
}
