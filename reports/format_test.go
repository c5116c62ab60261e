package reports

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// TestFormatsOfEveryView: each view's formats follow from the methods it has, in one
// order, and a format it lacks is refused with nothing written.
func TestFormatsOfEveryView(t *testing.T) {
	person := []Format{Table, Markdown, CSV, JSON, HTML}
	for name, c := range map[string]struct {
		got, want []Format
	}{
		"person":      {Formats[*Person](), person},
		"compare":     {Formats[*Compare](), person},
		"calibration": {Formats[*Calibration](), person},
		"trend":       {Formats[*Trend](), person},
		"plan":        {Formats[*PlanView](), person},
		"rubric show": {Formats[*RubricShow](), person},
		"rubric diff": {Formats[*RubricDiff](), person},
		"history":     {Formats[*History](), []Format{Table, CSV, JSON}},
		"template":    {Formats[*Template](), []Format{CSV, YAML, XLSX}},
		"team":        {TeamFormats(), []Format{Table, Markdown, CSV, JSON, HTML, XLSX}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: %v, want %v", name, c.got, c.want)
		}
	}
	var buf bytes.Buffer
	err := (Output{Format: XLSX}).Write(&buf, &History{})
	var fe *FormatError
	if !errors.As(err, &fe) || fe.Format != XLSX || !slices.Equal(fe.Formats, []Format{Table, CSV, JSON}) || buf.Len() != 0 {
		t.Errorf("history as xlsx: %v, wrote %d bytes", err, buf.Len())
	}
	if _, err := (Output{Format: XLSX}).NewCalibrationSink(&buf, nil, 0); !errors.As(err, &fe) {
		t.Errorf("a calibration as xlsx: %v", err)
	}
	if _, err := (Output{Format: YAML}).NewTeamSink(&buf, nil, 3); !errors.As(err, &fe) {
		t.Errorf("a team review as yaml: %v", err)
	}
}

func TestFormatOfFile(t *testing.T) {
	for path, want := range map[string]Format{
		"r.txt": Table, "r.md": Markdown, "R.MARKDOWN": Markdown, "r.csv": CSV, "r.json": JSON, "r.html": HTML,
		"r.htm": HTML, "r.yaml": YAML, "r.yml": YAML, "r.xlsx": XLSX, "report": "", "dir.d/report": "",
	} {
		if got, err := FormatOfFile(path); got != want || err != nil {
			t.Errorf("%s: %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"r.pdf", "r.docx", "r.log", "ada.lovelace"} {
		var ee *ExtensionError
		if _, err := FormatOfFile(path); !errors.As(err, &ee) {
			t.Errorf("%s: %v, want an ExtensionError", path, err)
		}
	}
	if got := FormatList(Formats[*History]()); got != "table, csv or json" {
		t.Errorf("FormatList: %q", got)
	}
	if got := Extensions(Formats[*Template]()); got != ".csv, .yaml or .xlsx" {
		t.Errorf("Extensions: %q", got)
	}
}
