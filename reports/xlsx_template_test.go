package reports

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// TestTemplateXLSXHeaderWhole reads the template back and finds every header cell's
// column wide enough for its text: the two questions of a skill
// (customer-insight.1, customer-insight.2) read apart, not both "customer-insigh".
func TestTemplateXLSXHeaderWhole(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := TemplateXLSX(&buf, r, []string{"Ada Lovelace"}, TemplateSheet{Assessor: assess.Manager, Rater: "Grace Hopper"}); err != nil {
		t.Fatal(err)
	}
	wb := openWorkbook(t, buf.Bytes())
	header, err := wb.GetRows("Answers")
	if err != nil || len(header) == 0 {
		t.Fatalf("no header: %v", err)
	}
	longest := ""
	for i, h := range header[0] {
		col, _ := excelize.ColumnNumberToName(i + 1)
		width, err := wb.GetColWidth("Answers", col)
		if err != nil {
			t.Fatal(err)
		}
		// A bold character is at most about 1.15 digits wide; the dropdown arrow needs 2.
		if need := float64(len(h))*1.15 + 2; width < need {
			t.Errorf("column %s %q is %.1f wide; its header needs %.1f", col, h, width, need)
		}
		if len(h) > len(longest) {
			longest = h
		}
	}
	if len(longest) < len("customer-insight.1") {
		t.Errorf("the longest header is %q: not the full question ids?", longest)
	}
}
