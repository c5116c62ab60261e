package cmd

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/internal/atomicfile"
	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/reports"
)

// outputFlags are the flags of every command that writes a report: --format, -o and,
// where CSV is a format, --excel. Which formats there are is the reports package's
// business: the formats of the view the command shows (reports.Formats[*reports.Person]
// and the like); the first is the default. A format the command does not write, named by
// --format or by -o FILE's extension, is refused before anything is read or written, as
// is an -o extension that names no format (docs/formats.md).
type outputFlags struct {
	Format  string
	Output  string
	Excel   bool
	formats []reports.Format
	// what names the command in a refusal ("compare", "team --calibration"); empty, the
	// command's path without the program's name.
	what string
	// inputs are the files the command reads: -o may not name one of them.
	inputs []string
	// cmdPath names the command for usage errors.
	cmdPath string
	// bySetting is true when the format setting chose the format: a flag that has no
	// place in it (report --what-if in CSV) takes the command's default instead.
	bySetting bool
}

// readsFrom records files the command reads, so that -o cannot overwrite one.
func (o *outputFlags) readsFrom(paths ...string) { o.inputs = append(o.inputs, paths...) }

// checkTarget refuses an -o that names one of the command's inputs (or the rubric): the
// output would destroy what it is made from.
func (o *outputFlags) checkTarget() error {
	out, err := os.Stat(o.Output)
	if err != nil || !out.Mode().IsRegular() {
		return nil // a new file, or a device written through
	}
	for _, in := range o.inputs {
		if fi, err := os.Stat(in); err == nil && os.SameFile(fi, out) {
			return usageErrorf(o.cmdPath, "-o %s is one of the command's inputs: write the output to another file", o.Output)
		}
	}
	return nil
}

func (o *outputFlags) register(c *cobra.Command, formats []reports.Format) {
	o.formats = formats
	names := formatNames(formats)
	c.Flags().StringVar(&o.Format, "format", "", "output `FORMAT`: "+strings.Join(names, ", ")+" (default "+names[0]+", or the -o file's extension)")
	c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (atomically, mode 0600) instead of stdout")
	if reports.WritesCSV(formats) {
		c.Flags().BoolVar(&o.Excel, "excel", false, "CSV for Excel: a UTF-8 byte-order mark and CRLF line ends")
	}
}

// writes says which formats the command writes in a mode of its own (history --trend,
// team --calibration), and how a refusal names that mode.
func (o *outputFlags) writes(what string, formats []reports.Format) {
	o.what, o.formats = what, formats
}

// formatNames are the formats' names, as flags and completion take them.
func formatNames(formats []reports.Format) []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return names
}

// resolve settles the output: the format flag, else the -o file's extension, else the
// format setting when this command writes it, else the command's default; colour and
// width when it goes to the terminal. A format the command does not write is refused
// (exit 2), never replaced by another.
func (o *outputFlags) resolve(f *Factory, cmd *cobra.Command) (reports.Output, error) {
	o.cmdPath = cmd.CommandPath()
	if o.what == "" {
		o.what = strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	}
	if f.Settings.Rubric != "" {
		o.readsFrom(f.Settings.Rubric)
	}
	out := reports.Output{Excel: o.Excel, Options: reports.Options{Location: f.location()}}
	writes := o.what + " writes " + reports.FormatList(o.formats)
	switch {
	case cmd.Flags().Changed("format"):
		name, hint := match.Value(o.Format, formatNames(o.formats))
		if ext, err := reports.FormatOfFile("x." + o.Format); name == "" && err == nil && slices.Contains(o.formats, ext) {
			name = string(ext) // a file's extension for its format: --format md, --format htm
		}
		if name == "" {
			if _, known := reports.ParseFormat(o.Format); known {
				return out, usageErrorf(cmd.CommandPath(), "%s", writes)
			}
			return out, usageErrorf(cmd.CommandPath(), "unknown format %q%s: %s", o.Format, hint, writes)
		}
		out.Format = reports.Format(name)
	case !o.toStdout():
		ext, err := reports.FormatOfFile(o.Output)
		if err != nil {
			return out, usageErrorf(cmd.CommandPath(), "cannot tell a format from %s: %s writes %s (or say which with --format)",
				o.Output, o.what, reports.Extensions(o.formats))
		}
		if ext != "" {
			if !slices.Contains(o.formats, ext) {
				return out, usageErrorf(cmd.CommandPath(), "%s", writes)
			}
			out.Format = ext
			break
		}
		fallthrough
	default:
		// The format setting when this command writes it, else the command's default.
		out.Format = o.formats[0]
		if s, ok := reports.ParseFormat(f.Settings.Format); ok && slices.Contains(o.formats, s) {
			out.Format, o.bySetting = s, true
		}
	}
	if err := out.Check(o.formats); err != nil {
		return out, &usageError{err: err, hint: cmd.CommandPath()}
	}
	if o.toStdout() {
		if out.Format == reports.XLSX && f.IO.OutTTY {
			// A workbook is a zip archive: on a terminal it is noise that can upset it.
			return out, usageErrorf(cmd.CommandPath(), "an xlsx workbook is not for the terminal: write it with -o FILE.xlsx (or pipe it)")
		}
		out.Options = f.terminal()
	}
	return out, nil
}

// toStdout reports whether output goes to standard output, where colour and width apply
// when it is a terminal (or colour is always wanted).
func (o *outputFlags) toStdout() bool {
	return o.Output == "" || o.Output == "-"
}

// write sends what render produces to the -o file, atomically and owner-only (reports
// are personal data), or to stdout, through a buffer either way.
func (o *outputFlags) write(streams *IOStreams, render func(w io.Writer) error) error {
	if o.toStdout() {
		return writeStdout(streams, render)
	}
	if err := o.checkTarget(); err != nil {
		return err
	}
	file, err := atomicfile.Create(o.Output, 0o600, atomicfile.Options{})
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Output, err)
	}
	defer file.Abort()
	bw := bufio.NewWriterSize(file, 256<<10)
	if err := render(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Output, err)
	}
	if err := file.Commit(); err != nil {
		return fmt.Errorf("cannot write %s: %w", o.Output, err)
	}
	if !file.WritesThrough() {
		infof(streams.ErrOut, "wrote %s", o.Output)
	}
	return nil
}

// writeStdout sends what render produces to standard output through a buffer, so that a
// failed write (a full disk, a closed pipe) is an error however the renderer writes.
func writeStdout(streams *IOStreams, render func(w io.Writer) error) error {
	if streams.Pager != "" { // a terminal: whole, to tell whether it is taller (pager.go)
		var b bytes.Buffer
		if err := render(&b); err != nil {
			return err
		}
		return pageBytes(streams, b.Bytes())
	}
	bw := bufio.NewWriterSize(streams.Out, 64<<10)
	if err := render(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// writeSpooled is write for output that may still fail after it has begun, such as a
// team review that finds a bad row late: standard output gets nothing unless the whole
// render succeeds, so it goes through a private temporary file first. (-o FILE is atomic
// anyway.)
func (o *outputFlags) writeSpooled(streams *IOStreams, render func(w io.Writer) error) error {
	if !o.toStdout() {
		return o.write(streams, render)
	}
	atomicfile.RemoveStaleTemp(os.TempDir(), "pmladder-", ".out", time.Now()) // what a killed review left
	spool, err := os.CreateTemp("", atomicfile.TempPattern("pmladder-", ".out"))
	if err != nil {
		return fmt.Errorf("cannot create a temporary file: %w", err)
	}
	defer os.Remove(spool.Name())
	defer spool.Close()
	buf := bufio.NewWriterSize(spool, 256<<10)
	if err := render(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("cannot write a temporary file: %w", err)
	}
	return page(streams, spool)
}
