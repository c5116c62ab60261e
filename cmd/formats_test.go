package cmd

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestEveryCommandEveryFormat runs every command that writes a report in every format,
// by --format and by -o FILE's extension, and a format no command has: each run is that
// format (JSON parses, HTML is a page, XLSX a zip workbook, CSV rows of one width,
// Markdown headings or tables, YAML a document) or exit 2 naming the formats the command
// writes, with nothing on stdout and no file: never a table under another name.
func TestEveryCommandEveryFormat(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	ex := func(name string) string { return filepath.Join("..", "examples", name) }
	self, err := os.ReadFile(ex("ada-self.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	later := filepath.Join(dir, "ada-later.yaml")
	if err := os.WriteFile(later, bytes.Replace(self, []byte("date: 2026-11-22T10:04:05Z"), []byte("date: 2027-02-22T10:04:05Z"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	// A history of three assessments of Ada and a plan, for history, plan show and status.
	for _, f := range []string{ex("ada-self.yaml"), ex("ada-manager.yaml"), later} {
		if _, stderr, code := run(t, "--data-dir", data, "assess", "--answers", f, "--save", "--format", "json"); code != 0 {
			t.Fatalf("saving %s: %s", f, stderr)
		}
	}
	if _, stderr, code := run(t, "--data-dir", data, "plan", "new", "--from", ex("ada-self.yaml"), "--format", "json"); code != 0 {
		t.Fatalf("plan new: %s", stderr)
	}

	person := []string{"table", "markdown", "csv", "json", "html"}
	commands := []struct {
		// name is how a refusal names the command.
		name    string
		args    []string
		formats []string
	}{
		{"assess", []string{"assess", "--answers", ex("ada-self.yaml")}, person},
		{"report", []string{"report", ex("ada-self.yaml")}, person},
		{"compare", []string{"compare", ex("ada-self.yaml"), later}, person},
		{"compare", []string{"compare", ex("ada-self.yaml"), ex("ada-manager.yaml"), ex("ada-peer-1.yaml"), ex("ada-peer-2.yaml"), ex("ada-peer-3.yaml")}, person},
		{"team", []string{"team", ex("ada-self.yaml"), ex("ada-manager.yaml"), later}, append(slices.Clone(person), "xlsx")},
		{"team --calibration", []string{"team", "--calibration", ex("ada-self.yaml"), ex("ada-manager.yaml"), ex("ada-peer-1.yaml")}, person},
		{"history", []string{"history"}, []string{"table", "csv", "json"}},
		{"history --trend", []string{"history", "--trend", "--person", "Ada Lovelace"}, person},
		{"plan new", []string{"plan", "new", "--from", ex("ada-self.yaml"), "--force"}, person},
		{"plan show", []string{"plan", "show", "--person", "Ada Lovelace"}, person},
		{"plan status", []string{"plan", "status", "--person", "Ada Lovelace"}, person},
		{"rubric show", []string{"rubric", "show"}, person},
		{"rubric show", []string{"rubric", "show", "--role", "senior-pm"}, person},
		{"rubric diff", []string{"rubric", "diff", "pm", "senior-pm"}, person},
		{"template", []string{"template", "--people", "Ada,Grace"}, []string{"csv", "yaml", "xlsx"}},
	}
	extensions := map[string]string{"table": "txt", "markdown": "md", "csv": "csv", "json": "json", "html": "html", "yaml": "yaml", "xlsx": "xlsx"}
	every := []string{"table", "markdown", "csv", "json", "html", "yaml", "xlsx"}
	for _, c := range commands {
		writes := "pmladder: " + c.name + " writes " + orList(c.formats)
		for _, format := range append(slices.Clone(every), "pdf") {
			for _, byFile := range []bool{false, true} {
				name := strings.Join(c.args[:min(3, len(c.args))], " ") + "/--format " + format
				if byFile {
					name = strings.Join(c.args[:min(3, len(c.args))], " ") + "/-o ." + format
				}
				t.Run(name, func(t *testing.T) {
					args := append([]string{"--data-dir", data}, c.args...)
					var out string
					if byFile {
						ext := extensions[format]
						if ext == "" {
							ext = format
						}
						out = filepath.Join(t.TempDir(), "out."+ext)
						args = append(args, "-o", out)
					} else {
						args = append(args, "--format", format)
					}
					stdout, stderr, code := run(t, args...)
					got := []byte(stdout)
					if byFile && code == 0 {
						if got, err = os.ReadFile(out); err != nil {
							t.Fatalf("no file written: %v", err)
						}
					}
					first, _, _ := strings.Cut(stderr, "\n")
					switch {
					case slices.Contains(c.formats, format):
						if code != 0 {
							t.Fatalf("exit %d: %s", code, stderr)
						}
						checkFormat(t, format, got)
						return
					case format == "pdf" && byFile:
						want := "pmladder: cannot tell a format from " + out + ": " + c.name + " writes ." +
							strings.Join(extsOf(c.formats, extensions), ", .")
						want = regexp.MustCompile(`, (\.[a-z]+)$`).ReplaceAllString(want, " or $1") + " (or say which with --format)"
						if first != want {
							t.Errorf("stderr %q, want %q", first, want)
						}
					case format == "pdf":
						if want := `pmladder: unknown format "pdf": ` + c.name + " writes " + orList(c.formats); first != want {
							t.Errorf("stderr %q, want %q", first, want)
						}
					default:
						if first != writes {
							t.Errorf("stderr %q, want %q", first, writes)
						}
					}
					if code != 2 || stdout != "" {
						t.Errorf("exit %d, stdout %q: want 2 and nothing", code, stdout)
					}
					if byFile {
						if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
							t.Errorf("%s was written: %v", out, err)
						}
					}
				})
			}
		}
	}
}

func extsOf(formats []string, ext map[string]string) []string {
	var out []string
	for _, f := range formats {
		out = append(out, ext[f])
	}
	return out
}

func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// checkFormat checks that out is what format says it is, and not another format's.
func checkFormat(t *testing.T, format string, out []byte) {
	t.Helper()
	text := string(out)
	if len(bytes.TrimSpace(out)) == 0 {
		t.Fatal("empty output")
	}
	switch format {
	case "table":
		if json.Valid(out) || strings.HasPrefix(text, "<") || strings.HasPrefix(text, "PK") || strings.HasPrefix(text, "# ") {
			t.Errorf("not a table:\n%.200s", text)
		}
	case "markdown":
		if !regexp.MustCompile(`(?m)^(# |\| )`).MatchString(text) {
			t.Errorf("no Markdown heading or table:\n%.200s", text)
		}
	case "csv":
		r := csv.NewReader(bytes.NewReader(out))
		r.FieldsPerRecord = 0 // every row as wide as the first
		rows, err := r.ReadAll()
		if err != nil || len(rows) < 2 || len(rows[0]) < 2 {
			t.Errorf("not CSV rows of one width (%v, %d rows):\n%.200s", err, len(rows), text)
		}
	case "json":
		var doc map[string]any
		if err := json.Unmarshal(out, &doc); err != nil || doc["format"] == nil {
			t.Errorf("not a JSON document with a format (%v):\n%.200s", err, text)
		}
	case "html":
		if !strings.HasPrefix(text, "<!DOCTYPE html>") || !strings.HasSuffix(strings.TrimSpace(text), "</html>") {
			t.Errorf("not an HTML page:\n%.200s", text)
		}
	case "yaml":
		var doc map[string]any
		if err := yaml.NewDecoder(bytes.NewReader(out)).Decode(&doc); err != nil || doc["format"] == nil {
			t.Errorf("not a YAML document with a format (%v):\n%.200s", err, text)
		}
	case "xlsx":
		z, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
		if err != nil || !strings.HasPrefix(text, "PK") {
			t.Fatalf("not a zip archive: %v", err)
		}
		found := false
		for _, f := range z.File {
			if f.Name == "xl/workbook.xml" {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				found = bytes.Contains(b, []byte("<sheet "))
			}
		}
		if !found {
			t.Error("no workbook with sheets in the archive")
		}
	default:
		t.Fatalf("no check for %s", format)
	}
}
