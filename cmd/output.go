package cmd

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/atomicfile"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// outputFlags are the flags of every command that writes a report.
type outputFlags struct {
	Format string
	Output string
	// Excel makes CSV open cleanly in Excel: a UTF-8 byte-order mark and CRLF line ends.
	Excel bool
	// formats lists the formats the command can write; the first is the default.
	formats []string
}

func (o *outputFlags) register(c *cobra.Command, formats ...string) {
	o.formats = formats
	c.Flags().StringVar(&o.Format, "format", "", "output `FORMAT`: "+strings.Join(formats, ", ")+" (default "+formats[0]+")")
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (atomically, mode 0600) instead of stdout")
	if contains(formats, "csv") {
		c.Flags().BoolVar(&o.Excel, "excel", false, "CSV for Excel: a UTF-8 byte-order mark and CRLF line ends")
	}
}

// resolve settles the format: the flag, else PMLADDER_FORMAT or the config's format when
// this command can write it, else the command's default.
func (o *outputFlags) resolve(f *Factory, cmd *cobra.Command) error {
	format := o.Format
	if !cmd.Flags().Changed("format") {
		format = f.v.GetString("format")
		if !contains(o.formats, format) {
			format = o.formats[0]
		}
	}
	if !contains(o.formats, format) {
		return usageErrorf(cmd.CommandPath(), "unknown format %q: want %s", format, strings.Join(o.formats, ", "))
	}
	if o.Excel && format != "csv" {
		return usageErrorf(cmd.CommandPath(), "--excel applies to --format csv")
	}
	o.Format = format
	return nil
}

// write sends what render produces to the -o file, atomically and owner-only (reports
// are personal data), or to stdout.
func (o *outputFlags) write(streams *IOStreams, render func(w io.Writer) error) error {
	if o.Output == "" || o.Output == "-" {
		return render(streams.Out)
	}
	file, err := atomicfile.Create(o.Output, 0o600, atomicfile.Options{})
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Output, err)
	}
	defer file.Abort()
	if err := render(file); err != nil {
		return err
	}
	if err := file.Commit(); err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Output, err)
	}
	return nil
}

// writeSpooled is write for output that may still fail after it has begun, such as a
// team review that finds a bad row late: standard output gets nothing unless the whole
// render succeeds, so it goes through a private temporary file first. (-o FILE is atomic
// anyway.)
func (o *outputFlags) writeSpooled(streams *IOStreams, render func(w io.Writer) error) error {
	if o.Output != "" && o.Output != "-" {
		return o.write(streams, render)
	}
	spool, err := os.CreateTemp("", "pmladder-*.out")
	if err != nil {
		return fmt.Errorf("cannot create a temporary file: %w", err)
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	buf := bufio.NewWriterSize(spool, 256*1024)
	if err := render(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("cannot write a temporary file: %w", err)
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(streams.Out, spool)
	return err
}

// toTerminal reports whether output goes to a terminal (so colour and width apply).
func (o *outputFlags) toTerminal(streams *IOStreams) bool {
	return (o.Output == "" || o.Output == "-") && streams.OutTTY
}

// renderReport writes one person's report in the chosen format.
func renderReport(o *outputFlags, streams *IOStreams, r *rubric.Rubric, rep *reports.Report, opt reports.Options) error {
	return o.write(streams, func(w io.Writer) error {
		switch o.Format {
		case "json":
			return reports.WriteJSON(w, rep)
		case "markdown":
			return reports.Markdown(w, rep, r)
		case "csv":
			return reports.CSV(w, rep, o.Excel)
		case "html":
			return reports.HTML(w, rep, r)
		default:
			return reports.Table(w, rep, r, opt)
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// reportFormats are the formats a person's report can be written in; table is the default.
func reportFormats() []string { return []string{"table", "markdown", "csv", "json", "html"} }
