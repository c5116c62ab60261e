package reports

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/internal/words"
)

// Format is an output format. docs/formats.md lists the formats of every command.
type Format string

// The formats, in the order every list of them is shown.
const (
	Table    Format = "table"
	Markdown Format = "markdown"
	CSV      Format = "csv"
	JSON     Format = "json"
	HTML     Format = "html"
	YAML     Format = "yaml"
	XLSX     Format = "xlsx"
)

// formatExtensions is every format with the file extensions that name it, the first of
// them the one lists show: the one table from which -o FILE takes a format.
func formatExtensions() []struct {
	format Format
	exts   []string
} {
	return []struct {
		format Format
		exts   []string
	}{
		{Table, []string{".txt"}},
		{Markdown, []string{".md", ".markdown"}},
		{CSV, []string{".csv"}},
		{JSON, []string{".json"}},
		{HTML, []string{".html", ".htm"}},
		{YAML, []string{".yaml", ".yml"}},
		{XLSX, []string{".xlsx"}},
	}
}

// AllFormats are every format, in order.
func AllFormats() []Format {
	var all []Format
	for _, fe := range formatExtensions() {
		all = append(all, fe.format)
	}
	return all
}

// ParseFormat returns the format named s (case does not matter), if there is one.
func ParseFormat(s string) (Format, bool) {
	for _, f := range AllFormats() {
		if strings.EqualFold(string(f), s) {
			return f, true
		}
	}
	return "", false
}

// FormatOfFile is the format a file's extension names: "" for a name without an
// extension (the command's default applies) and an error for an extension no format has.
func FormatOfFile(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return "", nil
	}
	for _, fe := range formatExtensions() {
		if slices.Contains(fe.exts, ext) {
			return fe.format, nil
		}
	}
	return "", &ExtensionError{Path: path}
}

// ExtensionError is an -o file whose extension names no format.
type ExtensionError struct{ Path string }

func (e *ExtensionError) Error() string {
	return fmt.Sprintf("cannot tell a format from %s: the extensions are %s", e.Path, Extensions(AllFormats()))
}

// Extensions lists the file extension of each format: ".txt, .md or .csv".
func Extensions(formats []Format) string {
	var exts []string
	for _, f := range formats {
		for _, fe := range formatExtensions() {
			if fe.format == f {
				exts = append(exts, fe.exts[0])
			}
		}
	}
	return words.Series(exts, "or")
}

// FormatList lists formats as a sentence ends: "table, markdown, csv, json or html".
func FormatList(formats []Format) string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return words.Series(names, "or")
}

// FormatError is a format that a report does not have: Formats are those it has.
type FormatError struct {
	Format  Format
	Formats []Format
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("this report is written as %s, not %s", FormatList(e.Formats), e.Format)
}

// A View is a report as every format shows it: one model that says its words once. The
// formats it has are the methods below that it implements (FormatsOf); Output.Write is
// the one place that picks the method for a format. A view without a format's method
// cannot be written in it: the command that shows it refuses that format before it
// writes anything (exit 2), and Write refuses it with a FormatError.
type View any

type (
	tableView interface {
		writeTable(w io.Writer, opt Options) error
	}
	markdownView interface{ writeMarkdown(w io.Writer) error }
	csvView      interface {
		writeCSV(w io.Writer, excel bool) error
	}
	jsonView interface{ writeJSON(w io.Writer) error }
	htmlView interface{ writeHTML(w io.Writer) error }
	yamlView interface{ writeYAML(w io.Writer) error }
	xlsxView interface{ writeXLSX(w io.Writer) error }
)

// writerFor is how v is written in format f with the output's settings, or nil when v
// has no such format.
func writerFor(v View, f Format, o Output) func(w io.Writer) error {
	switch f {
	case Table:
		if t, ok := v.(tableView); ok {
			// Tables pad their last column: a terminal's lines end without blanks.
			return func(w io.Writer) error {
				return trimmed(w, func(w io.Writer) error { return t.writeTable(w, o.Options) })
			}
		}
	case Markdown:
		if m, ok := v.(markdownView); ok {
			return m.writeMarkdown
		}
	case CSV:
		if c, ok := v.(csvView); ok {
			return func(w io.Writer) error { return c.writeCSV(w, o.Excel) }
		}
	case JSON:
		if j, ok := v.(jsonView); ok {
			return j.writeJSON
		}
	case HTML:
		if h, ok := v.(htmlView); ok {
			return h.writeHTML
		}
	case YAML:
		if y, ok := v.(yamlView); ok {
			return y.writeYAML
		}
	case XLSX:
		if x, ok := v.(xlsxView); ok {
			return x.writeXLSX
		}
	}
	return nil
}

// FormatsOf lists the formats view v is written in, in order; the first is the default.
func FormatsOf(v View) []Format {
	var out []Format
	for _, f := range AllFormats() {
		if writerFor(v, f, Output{}) != nil {
			out = append(out, f)
		}
	}
	return out
}

// Formats lists the formats of the view type V (a pointer type, such as *Person): what a
// command that shows it writes, known before there is a view to write.
func Formats[V View]() []Format {
	var v V
	return FormatsOf(v)
}
