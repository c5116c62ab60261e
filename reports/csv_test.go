package reports

import (
	"bytes"
	"encoding/csv"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

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
