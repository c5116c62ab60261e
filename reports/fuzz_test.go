package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzCSVWriter writes text and number cells and reads them back with encoding/csv: text
// comes back as written (neutralised when it starts like a formula), numbers as their
// rounded value, and a number that cannot be shown (NaN, the infinities) as an empty cell.
func FuzzCSVWriter(f *testing.F) {
	f.Add("Ada", 2.5, false)
	f.Add("=1+1", -0.005, true)
	f.Add("\"quoted, \r\nline\"", 1e300, false)
	f.Add(" padded", math.Inf(1), true)
	f.Add("\\.", math.NaN(), false)
	f.Fuzz(func(t *testing.T, text string, num float64, excel bool) {
		var buf bytes.Buffer
		cw, err := NewCSVWriter(&buf, excel)
		if err != nil {
			t.Fatal(err)
		}
		cw.Text(text)
		cw.Number(&num)
		cw.Text(text)
		if err := cw.EndRow(); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		out := bytes.TrimPrefix(buf.Bytes(), []byte(byteOrderMark))
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("not valid CSV: %v\n%q", err, out)
		}
		if len(rows) != 1 || len(rows[0]) != 3 {
			t.Fatalf("%d rows: %q", len(rows), out)
		}
		// encoding/csv reads a quoted CRLF as LF; the Excel form writes every line break
		// as CRLF and drops a lone CR.
		want := strings.ReplaceAll(SafeText(text), "\r\n", "\n")
		if excel {
			want = strings.ReplaceAll(want, "\r", "")
		}
		if got := rows[0][0]; got != want || rows[0][2] != want {
			t.Fatalf("text %q came back as %q", text, got)
		}
		cell := rows[0][1]
		switch {
		case math.IsNaN(num) || math.IsInf(num, 0):
			if cell != "" {
				t.Fatalf("%v written as %q", num, cell)
			}
		default:
			v, err := strconv.ParseFloat(cell, 64)
			if err != nil {
				t.Fatalf("number %v written as %q", num, cell)
			}
			if r := Round(num); math.Abs(v-r) > math.Abs(r)*1e-12+1e-9 {
				t.Fatalf("number %v written as %q, want %v", num, cell, r)
			}
		}
	})
}
