package reports

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// Output says how a command's result is written: Write is the one place that dispatches
// on the format. Commands fill it from their flags and hand it views; they never name a
// format themselves.
type Output struct {
	// Format is one of the formats of what is written (FormatsOf, TeamFormats).
	Format Format
	// Excel makes CSV open cleanly in Excel: a UTF-8 byte-order mark and CRLF line ends.
	Excel bool
	// Options are for the table on a terminal: colour and width are off for files and pipes;
	// the zone applies wherever a person reads the dates.
	Options
}

// Write writes view v in the output's format; a format the view does not have is a
// FormatError, with nothing written.
func (o Output) Write(w io.Writer, v View) error {
	render := writerFor(v, o.Format, o)
	if render == nil {
		return &FormatError{Format: o.Format, Formats: FormatsOf(v)}
	}
	return render(w)
}

// Check reports what is wrong with the output settings for something written in
// formats, or nil.
func (o Output) Check(formats []Format) error {
	if !slices.Contains(formats, o.Format) {
		return &FormatError{Format: o.Format, Formats: formats}
	}
	if o.Excel && o.Format != CSV {
		return fmt.Errorf("--excel applies to --format csv")
	}
	return nil
}

// WritesCSV reports whether something written in these formats can be CSV (and so takes
// --excel).
func WritesCSV(formats []Format) bool { return slices.Contains(formats, CSV) }

// teamFormatOf is how a team review is written in format f, streamed, or nil when it is
// not written in f: the one statement of the team review's formats.
func teamFormatOf(f Format) teamFormat {
	switch f {
	case Table:
		return teamTable{}
	case Markdown:
		return teamMarkdown{}
	case CSV:
		return teamCSV{}
	case JSON:
		return teamJSON{}
	case HTML:
		return teamHTML{}
	case XLSX:
		return &teamXLSX{}
	}
	return nil
}

// TeamFormats are the formats of a team review, in order; the first is the default.
func TeamFormats() []Format {
	var out []Format
	for _, f := range AllFormats() {
		if teamFormatOf(f) != nil {
			out = append(out, f)
		}
	}
	return out
}

// NewTeamSink returns the sink that writes a team review in the format, recommending up
// to certs certifications in the summary. It buffers its writes; every format streams.
// A format the review is not written in is a FormatError.
func (o Output) NewTeamSink(w io.Writer, r *rubric.Rubric, certs int) (input.TeamSink, error) {
	format := teamFormatOf(o.Format)
	if format == nil {
		return nil, &FormatError{Format: o.Format, Formats: TeamFormats()}
	}
	s := &teamSink{w: bufio.NewWriterSize(w, 256<<10), r: r, certs: certs, opt: o.Options,
		excel: o.Excel, totals: NewTeamTotals(r), format: format}
	if err := s.format.begin(s); err != nil {
		return nil, err
	}
	return s, nil
}
