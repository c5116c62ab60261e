package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// maxTeamProblems is how many problems a failed team review lists before it sums up.
const maxTeamProblems = 100

// progressThreshold is the input size from which a progress bar is worth drawing.
const progressThreshold = 2 << 20

// TeamOptions are the inputs of `team`.
type TeamOptions struct {
	IO          *IOStreams
	Rubric      *rubric.Rubric
	Paths       []string
	SkipInvalid bool
	Roles       roleFlags
	Out         outputFlags
	Report      reports.Options
}

// NewCmdTeam scores many people at once.
func NewCmdTeam(f *Factory) *cobra.Command {
	opts := &TeamOptions{IO: f.IO}
	c := &cobra.Command{
		Use:   "team PATH...",
		Short: "Review a team: score many people from answer files, folders and team sheets",
		Long: `Score many people with the same rules as 'pmladder assess': any mix of answers files (YAML
or JSON; a YAML file may hold several people as documents separated by ---), folders of them
(searched recursively for .yaml, .yml, .json and .csv), and team sheets (CSV as spreadsheets
save them; start one with 'pmladder template'). - reads a sheet or answers from stdin.

Every problem is reported as FILE:LINE (with the column for sheets) and nothing is written;
with --skip-invalid, bad rows and files are reported on stderr and everyone else is scored.
CSV and JSON output stream, so a team of any size fits in memory.`,
		Example: `  pmladder template --people "Ada Lovelace,Grace Hopper" > team.csv
  pmladder team team.csv
  pmladder team team.csv --format csv -o review.csv
  pmladder team reviews/ --target senior-pm --format html -o promotion-round.html`,
		Args: usageArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.Rubric, opts.Report, err = f.reportSetup(cmd, &opts.Out); err != nil {
				return err
			}
			opts.Paths = args
			return teamRun(opts, cmd.CommandPath())
		},
	}
	c.Flags().BoolVar(&opts.SkipInvalid, "skip-invalid", false, "report bad rows and files on stderr and score everyone else")
	opts.Roles.register(c)
	opts.Out.register(c, reportFormats()...)
	return c
}

// teamInput is one file (or stdin) to read people from.
type teamInput struct {
	path  string
	sheet bool
	size  int64
}

// teamInputs expands the paths: folders are searched for answers files and sheets.
func teamInputs(paths []string, cmdPath string) ([]teamInput, error) {
	var inputs []teamInput
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, teamInput{path: p})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, errors.Unwrap(err))
		}
		if !fi.IsDir() {
			inputs = append(inputs, teamInput{path: p, sheet: isSheet(p), size: fi.Size()})
			continue
		}
		found := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			if d.IsDir() || (ext != ".yaml" && ext != ".yml" && ext != ".json" && ext != ".csv") {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			found++
			inputs = append(inputs, teamInput{path: path, sheet: ext == ".csv", size: info.Size()})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}
		if found == 0 {
			return nil, usageErrorf(cmdPath, "%s holds no answers files or team sheets (.yaml, .yml, .json, .csv)", p)
		}
	}
	return inputs, nil
}

func isSheet(path string) bool { return strings.EqualFold(filepath.Ext(path), ".csv") }

// teamReview scores people as they are read and feeds them to the writer.
type teamReview struct {
	opts     *TeamOptions
	totals   *reports.TeamTotals
	writer   reports.TeamWriter
	problems problem.List
	extra    int // problems past maxTeamProblems
	progress *progress
	// parallel, when set, is where sheets are scored on every core (the long CSV, which
	// needs no summary): rows go out in order, straight to this writer.
	parallel io.Writer
}

func teamRun(opts *TeamOptions, cmdPath string) error {
	if err := opts.Roles.check(cmdPath, opts.Rubric); err != nil {
		return err
	}
	inputs, err := teamInputs(opts.Paths, cmdPath)
	if err != nil {
		return err
	}
	tr := &teamReview{opts: opts, totals: reports.NewTeamTotals(opts.Rubric)}
	// A review holds little memory (it streams and reuses its buffers) and makes much
	// garbage only for the formats that hold everyone anyway, so the collector may wait
	// longer than usual, within a cap that keeps a team of any size well under 64 MB.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(48 << 20))
	var total int64
	for _, in := range inputs {
		total += in.size
	}
	if opts.IO.ErrTTY && total >= progressThreshold {
		tr.progress = &progress{out: opts.IO.ErrOut, total: total}
		defer tr.progress.done()
	}
	return opts.Out.writeSpooled(opts.IO, func(w io.Writer) error {
		if tr.writer, err = reports.NewTeamWriter(opts.Out.Format, w, opts.Rubric, opts.Report, opts.Out.Excel); err != nil {
			return err
		}
		if reports.TeamBrief(opts.Out.Format) {
			tr.parallel = w
		}
		for _, in := range inputs {
			if err := tr.read(in); err != nil {
				return err
			}
		}
		if len(tr.problems) > 0 {
			if tr.extra > 0 {
				tr.problems.Add("", 0, "… and %d more problems", tr.extra)
			}
			return tr.problems
		}
		return tr.writer.Close(tr.totals.Summary(opts.Roles.Certs))
	})
}

// invalid records a problem, or with --skip-invalid reports the skipped row or file.
func (tr *teamReview) invalid(err error) error {
	var list problem.List
	if !errors.As(err, &list) {
		return err // not a problem with the input: I/O, say
	}
	if tr.opts.SkipInvalid {
		for _, p := range list {
			fmt.Fprintf(tr.opts.IO.ErrOut, "pmladder: skipped: %s\n", p.Error())
		}
		return nil
	}
	for _, p := range list {
		if len(tr.problems) < maxTeamProblems {
			tr.problems = append(tr.problems, p)
		} else {
			tr.extra++
		}
	}
	return nil
}

// add scores one person. Once a problem is found (without --skip-invalid) nothing more is
// rendered, but reading goes on to report every problem.
func (tr *teamReview) add(a *assess.Answers) error {
	tr.progress.person()
	if len(tr.problems) > 0 {
		return nil
	}
	so := tr.opts.Roles.scoreOptions()
	so.Brief = reports.TeamBrief(tr.opts.Out.Format)
	res := assess.Score(tr.opts.Rubric, a, so)
	if !so.Brief {
		tr.totals.Add(res)
	}
	return tr.writer.Add(res)
}

func (tr *teamReview) read(in teamInput) error {
	var (
		r    io.Reader
		name = in.path
	)
	if in.path == "-" {
		name = "stdin"
		br := bufio.NewReader(tr.opts.IO.In)
		in.sheet = sniffSheet(br)
		r = br
	} else {
		f, err := os.Open(in.path)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", in.path, errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	if tr.progress != nil {
		r = countingReader{r: r, p: tr.progress}
	}
	if !in.sheet {
		data, err := io.ReadAll(r)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", name, err)
		}
		docs, err := assess.ParseAnswersAll(name, data, tr.opts.Rubric)
		for _, d := range docs {
			for _, w := range d.Warnings {
				fmt.Fprintf(tr.opts.IO.ErrOut, "pmladder: warning: %s\n", w)
			}
			if d.Err != nil {
				if err := tr.invalid(d.Err); err != nil {
					return err
				}
				continue
			}
			if err := tr.add(d.Answers); err != nil {
				return err
			}
		}
		if err != nil {
			return tr.invalid(err)
		}
		return nil
	}
	sheet, err := assess.NewSheetReader(name, r, tr.opts.Rubric)
	if err != nil {
		return tr.invalid(err)
	}
	if tr.parallel != nil {
		// What the writer holds (the header, earlier people) goes out before the rows
		// the workers write straight to the output.
		if err := tr.writer.Flush(); err != nil {
			return err
		}
		return tr.readSheetParallel(sheet)
	}
	for {
		a, _, err := sheet.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if err := tr.invalid(err); err != nil {
				return err
			}
			continue
		}
		if err := tr.add(a); err != nil {
			return err
		}
	}
}

// sniffSheet tells a team sheet from answers on stdin: answers start with a YAML key, a
// document marker, a comment or a JSON object.
func sniffSheet(br *bufio.Reader) bool {
	head, _ := br.Peek(512)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("{")), bytes.HasPrefix(head, []byte("---")), bytes.HasPrefix(head, []byte("#")),
		bytes.HasPrefix(head, []byte("format:")):
		return false
	}
	return true
}

// sheetBatch is a run of people read from a sheet, scored and formatted by one worker.
type sheetBatch struct {
	seq    int
	people []*assess.Answers
	n      int
	out    []byte
}

// batchSize is how many people a worker takes at a time: enough to make handing over
// cheap, few enough to keep memory flat.
const batchSize = 256

// readSheetParallel reads a sheet in one goroutine, scores and formats its people in one
// worker per core, and writes the batches in their order, so the output is the same as
// scoring one by one. Problems are handled by the reading goroutine, in sheet order.
func (tr *teamReview) readSheetParallel(sheet *assess.SheetReader) error {
	workers := max(1, runtime.GOMAXPROCS(0))
	inFlight := 4 * workers
	free := make(chan *sheetBatch, inFlight)
	work := make(chan *sheetBatch, inFlight)
	done := make(chan *sheetBatch, inFlight)
	for i := 0; i < inFlight; i++ {
		b := &sheetBatch{people: make([]*assess.Answers, batchSize)}
		for k := range b.people {
			b.people[k] = assess.NewAnswers()
		}
		free <- b
	}
	so := tr.opts.Roles.scoreOptions()
	so.Brief = true
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rows := reports.NewReportCSVRows(tr.opts.Out.Excel)
			scorer := assess.Scorer{Rubric: tr.opts.Rubric, Options: so}
			for b := range work {
				for k := 0; k < b.n; k++ {
					rows.WriteResult(scorer.Score(b.people[k])) // rows kept in memory: no error
				}
				b.out = rows.Take(b.out)
				done <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	// Read: fill batches and hand them to the workers.
	readErr := make(chan error, 1)
	go func() {
		defer close(work)
		seq := 0
		b := <-free
		scratch := assess.NewAnswers()
		for {
			into := scratch
			if len(tr.problems) == 0 {
				into = b.people[b.n]
			}
			_, err := sheet.ReadInto(into)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				if err := tr.invalid(err); err != nil {
					readErr <- err
					return
				}
				continue
			}
			tr.progress.person()
			if into == scratch {
				continue // a problem was found: only checking the rest now
			}
			if b.n++; b.n == batchSize {
				b.seq, seq = seq, seq+1
				work <- b
				b = <-free
				b.n = 0
			}
		}
		if b.n > 0 && len(tr.problems) == 0 {
			b.seq = seq
			work <- b
		}
		readErr <- nil
	}()

	// Write the batches in order as they come back.
	pending := map[int]*sheetBatch{}
	next := 0
	var writeErr error
	for b := range done {
		pending[b.seq] = b
		for pb := pending[next]; pb != nil; pb = pending[next] {
			delete(pending, next)
			if writeErr == nil {
				_, writeErr = tr.parallel.Write(pb.out)
			}
			next++
			pb.n = 0
			free <- pb
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	return writeErr
}
