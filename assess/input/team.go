package input

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// A team review scores many people with the rules of one assessment: one read loop over
// every input (answers files, folders of them, team sheets, stdin), one policy for bad
// rows and files, and workers that score people in batches whose output is committed in
// input order, so the result is the same with one worker or many. What is written is
// the sink's business: reports implements one per format.

// TeamInput is one file, or stdin ("-"), that a team review reads people from.
type TeamInput struct {
	Path string
	// Sheet is true for a team sheet (CSV or, with Workbook, XLSX); else the file holds
	// answers documents.
	Sheet, Workbook bool
	// Size is the file's size in bytes, 0 for stdin.
	Size int64
}

// teamFiles names the files a folder is searched for; isTeamFile tells them.
const teamFiles = ".yaml, .yml, .json, .csv, .xlsx"

func isTeamFile(ext string) bool {
	switch ext {
	case ".yaml", ".yml", ".json", ".csv", ".xlsx":
		return true
	}
	return false
}

// EmptyFolderError is returned by FindTeamInputs for a folder with nothing to review.
type EmptyFolderError struct{ Path string }

func (e *EmptyFolderError) Error() string {
	return fmt.Sprintf("%s holds no answers files or team sheets (%s)", e.Path, teamFiles)
}

// FindTeamInputs expands paths into inputs: a folder is searched recursively for answers
// files and team sheets, skipping hidden files and folders, and (with a warning) anything
// that is not a regular file, such as a link to a device; "-" is stdin.
func FindTeamInputs(paths []string, warn func(string)) ([]TeamInput, error) {
	var inputs []TeamInput
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, TeamInput{Path: p})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, errors.Unwrap(err))
		}
		if !fi.IsDir() {
			inputs = append(inputs, teamInput(p, fi.Size()))
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
			if msg := unreadWorkbooks[ext]; msg != "" && !d.IsDir() && warn != nil {
				warn(fmt.Sprintf("skipping %s: %s", path, msg))
			}
			if d.IsDir() || !isTeamFile(ext) {
				return nil
			}
			info, err := os.Stat(path) // through a link, to what will be read
			if err != nil || !info.Mode().IsRegular() {
				if warn != nil {
					warn(fmt.Sprintf("skipping %s: not a regular file", path))
				}
				return nil
			}
			found++
			inputs = append(inputs, teamInput(path, info.Size()))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}
		if found == 0 {
			return nil, &EmptyFolderError{Path: p}
		}
	}
	return inputs, nil
}

// unreadWorkbooks are the spreadsheet files a folder may hold that are not read, and
// why: a folder skips them with this word; named, the workbook reader says what each
// one is.
var unreadWorkbooks = map[string]string{
	".xls":  "an old Excel 97–2003 workbook is not read: " + saveAsXLSX,
	".xlsm": "a macro-enabled workbook is not read: " + saveAsXLSX,
	".xlsb": "a binary workbook is not read: " + saveAsXLSX,
	".ods":  "an OpenDocument spreadsheet is not read: " + saveAsXLSX,
}

// teamInput is a file to read, its kind told by its extension: .csv and .xlsx are team
// sheets (and the other spreadsheets' files, which the workbook reader names), the rest
// answers files.
func teamInput(path string, size int64) TeamInput {
	ext := strings.ToLower(filepath.Ext(path))
	workbook := ext == ".xlsx" || unreadWorkbooks[ext] != ""
	return TeamInput{Path: path, Sheet: ext == ".csv" || workbook, Workbook: workbook, Size: size}
}

// TeamSink receives a team review. The loop makes a pool of batches with NewBatch; a
// worker adds a run of people to one batch at a time; the loop hands the batches to
// Commit in input order, on one goroutine; Close follows the last Commit when the review
// found no problem, Abort otherwise (it releases what the sink holds, such as temporary
// files). A batch is reused after Reset.
type TeamSink interface {
	NewBatch() TeamBatch
	Commit(TeamBatch) error
	Close() error
	Abort()
}

// TeamBatch is a sink's part of a run of people. Add is called on a worker's goroutine,
// with that worker's own Scorer: it scores the person with the entry it needs
// (Scorer.Standing or Scorer.Result) and keeps what Commit will write. Seal follows the
// batch's last Add on the same worker, for work on the whole batch (compressing it).
type TeamBatch interface {
	Add(sc *assess.Scorer, a *assess.Answers) error
	Seal() error
	Reset()
}

// TeamProgress is told how the reading goes, for a progress bar. Its methods are called
// from one goroutine.
type TeamProgress interface {
	// Read counts bytes read from the inputs.
	Read(n int)
	// Person counts one more person read.
	Person()
}

// Review is one team review's settings.
type Review struct {
	Rubric  *rubric.Rubric
	Options assess.ScoreOptions
	// SkipInvalid reports bad rows and files through Warn and scores everyone else;
	// without it any problem fails the review, after every problem has been found.
	SkipInvalid bool
	// DateOrder reads the slash dates of every sheet in one order; "" settles each
	// sheet's from its own dates (sheetdates.go).
	DateOrder assess.DateOrder
	// Workers is how many goroutines score; 0 means one per CPU, 1 scores on the
	// reading goroutine.
	Workers int
	// Stdin is what the path "-" reads.
	Stdin io.Reader
	// Warn receives each warning (answers given against another rubric, say) and, with
	// SkipInvalid, Skipped each problem skipped: messages for people, without a prefix.
	Warn, Skipped func(msg string)
	// Progress, when set, follows the reading.
	Progress TeamProgress
	// Context, when set, stops the review when it is cancelled (Ctrl-C, SIGTERM): Run
	// then returns assess.ErrInterrupted, and the sink is not closed.
	Context context.Context
}

// stopped reports whether the review's context was cancelled.
func (rv *Review) stopped() bool { return rv.Context != nil && rv.Context.Err() != nil }

// MaxTeamProblems is how many problems a failed review lists before it sums up the rest.
const MaxTeamProblems = 100

// teamBatchSize is how many people a worker takes at a time: enough to make handing
// over cheap (a channel send per batch), few enough to keep memory flat (a batch of
// JSON reports is about half a megabyte).
const teamBatchSize = 64

// batch is a run of people read in input order, with the sink's part of them.
type batch struct {
	seq    int
	people []*assess.Answers
	n      int
	sink   TeamBatch
	err    error
}

// teamRun is the state of one review while it runs.
type teamRun struct {
	rv       *Review
	problems problem.List
	extra    int // problems past MaxTeamProblems
	// failed is set when a batch could not be added or committed: reading stops.
	failed atomic.Bool
	// emit hands a full batch on; next returns an empty one.
	emit func(*batch)
	next func() *batch
	cur  *batch
	seq  int
	// people counts those handed on to be scored.
	people int
	// seen locates the first row of each person, assessor and rater, for the warning on
	// a repeat; key is scratch space for its keys; notices counts the warnings of this
	// kind given, to cap them.
	seen    *rowSet
	key     []byte
	notices int
	// rubricWarned is set once answers given against another rubric were warned about.
	rubricWarned bool
}

// maxNotices caps the warnings about rows (repeats, future dates) a review prints.
const maxNotices = 20

// notice warns about a row, up to maxNotices times.
func (tr *teamRun) notice(format string, args ...any) {
	if tr.notices++; tr.notices <= maxNotices {
		tr.warn(fmt.Sprintf(format, args...))
	} else if tr.notices == maxNotices+1 {
		tr.warn("… more warnings like these are not shown")
	}
}

// Run reads every input, scores everyone and feeds the sink. Problems with the input
// come back together as a problem.List (at most MaxTeamProblems of them, then a line
// that counts the rest), and then nothing more reached the sink after the first
// problem and Close was not called; other errors (I/O) come back as they are.
func (rv *Review) Run(inputs []TeamInput, sink TeamSink) error {
	workers := rv.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	tr := &teamRun{rv: rv}
	defer func() {
		if tr.seen != nil {
			tr.seen.free()
		}
	}()
	var err error
	if workers == 1 {
		err = tr.serial(inputs, sink)
	} else {
		err = tr.parallel(inputs, sink, workers)
	}
	if err != nil {
		sink.Abort()
		return err
	}
	if rv.stopped() {
		sink.Abort()
		return assess.ErrInterrupted
	}
	if len(tr.problems) == 0 && tr.people == 0 {
		tr.problems.Add("", 0, "no one to review: every row and file was empty or skipped")
	}
	if len(tr.problems) > 0 {
		if tr.extra > 0 {
			tr.problems.Add("", 0, "… and %d more problems", tr.extra)
		}
		sink.Abort()
		return tr.problems
	}
	return sink.Close()
}

func newBatch(r *rubric.Rubric, sink TeamSink) *batch {
	b := &batch{people: make([]*assess.Answers, teamBatchSize), sink: sink.NewBatch()}
	for i := range b.people {
		b.people[i] = assess.NewAnswers(r)
	}
	return b
}

// fill adds the batch's people to the sink's batch with the scorer.
func (b *batch) fill(sc *assess.Scorer) {
	for k := 0; k < b.n && b.err == nil; k++ {
		b.err = b.sink.Add(sc, b.people[k])
	}
	if b.err == nil {
		b.err = b.sink.Seal()
	}
}

// serial reads, scores and commits on this goroutine, in the same batches as parallel.
func (tr *teamRun) serial(inputs []TeamInput, sink TeamSink) error {
	sc := &assess.Scorer{Rubric: tr.rv.Rubric, Options: tr.rv.Options}
	b := newBatch(tr.rv.Rubric, sink)
	var commitErr error
	tr.next = func() *batch { return b }
	tr.emit = func(b *batch) {
		b.fill(sc)
		tr.commit(sink, b, &commitErr)
	}
	if err := tr.readAll(inputs); err != nil {
		return err
	}
	return commitErr
}

// parallel reads on a goroutine of its own, scores on workers and commits the batches on
// this goroutine as they come back, in their order.
func (tr *teamRun) parallel(inputs []TeamInput, sink TeamSink, workers int) error {
	inFlight := 4 * workers
	free := make(chan *batch, inFlight)
	work := make(chan *batch, inFlight)
	done := make(chan *batch, inFlight)
	for i := 0; i < inFlight; i++ {
		free <- newBatch(tr.rv.Rubric, sink)
	}
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &assess.Scorer{Rubric: tr.rv.Rubric, Options: tr.rv.Options}
			for b := range work {
				b.fill(sc)
				done <- b
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	tr.next = func() *batch { return <-free }
	tr.emit = func(b *batch) { work <- b }
	readErr := make(chan error, 1)
	go func() {
		defer close(work)
		readErr <- tr.readAll(inputs)
	}()

	pending := map[int]*batch{}
	next := 0
	var commitErr error
	for b := range done {
		pending[b.seq] = b
		for pb := pending[next]; pb != nil; pb = pending[next] {
			delete(pending, next)
			tr.commit(sink, pb, &commitErr)
			next++
			free <- pb
		}
	}
	if err := <-readErr; err != nil {
		return err
	}
	return commitErr
}

// commit hands a filled batch to the sink, unless an earlier batch failed (the first
// error is kept in *failed and stops the reading), and empties it for reuse.
func (tr *teamRun) commit(sink TeamSink, b *batch, failed *error) {
	if *failed == nil {
		*failed = b.err
	}
	if *failed == nil {
		*failed = sink.Commit(b.sink)
	}
	if *failed != nil {
		tr.failed.Store(true)
	}
	b.n, b.err = 0, nil
	b.sink.Reset()
}

// readAll reads every input in order; full batches go to emit, and the last, partial
// one too unless a problem was found.
func (tr *teamRun) readAll(inputs []TeamInput) error {
	tr.cur = tr.next()
	for _, in := range inputs {
		if err := tr.read(in); err != nil {
			var unreadable *unreadableError
			if tr.rv.SkipInvalid && errors.As(err, &unreadable) && tr.rv.Skipped != nil {
				tr.rv.Skipped(err.Error()) // an unreadable file is skipped like a bad one
				continue
			}
			return err
		}
		if tr.failed.Load() || tr.rv.stopped() {
			return nil
		}
	}
	if tr.cur.n > 0 && len(tr.problems) == 0 {
		tr.cur.seq = tr.seq
		tr.emit(tr.cur)
	}
	return nil
}

// slot returns where the next person is read: the current batch's next place, or once
// a problem has been found (nothing more is scored) a scratch place in the same batch.
func (tr *teamRun) slot() *assess.Answers {
	if len(tr.problems) > 0 {
		return tr.cur.people[0]
	}
	return tr.cur.people[tr.cur.n]
}

// add counts the person just read into slot and hands on a full batch.
func (tr *teamRun) add(pl problem.Place, line int, a *assess.Answers) {
	at := func() string { return pl.At(line) }
	if p := tr.rv.Progress; p != nil {
		p.Person()
	}
	if a.Person == "" && !a.AnyAnswer() {
		// A template row left blank (the template fills in the assessor): not a person.
		tr.notice("%s: a row with no person and no answers: skipped (an unfilled row is not a person)", at())
		return
	}
	if a.Person == "" {
		var list problem.List
		list.AddAt(pl, line, "no person: everyone in a team review needs a name")
		tr.invalid(list)
		return
	}
	if !a.AnyAnswer() {
		tr.notice("%s: %s has no answers: skipped (an unfilled row is not a person)", at(), problem.Quote(a.Person))
		return
	}
	// The people seen are kept compactly (rowSet): a million cost some 30 MB.
	if tr.seen == nil {
		tr.seen = newRowSet()
	}
	key := append(assess.AppendPersonKey(tr.key[:0], a.Person), 0)
	key = append(appendAssessorKey(key, a.Assessor), 0)
	tr.key = assess.AppendPersonKey(key, a.Rater)
	// Unnamed peers are several people: their rows are not repeats of each other.
	if first, dup := tr.seen.add(tr.key, pl, line); dup && !(a.Assessor == assess.Peer && a.Rater == "") {
		tr.notice("%s: %s (%s) is listed again (first at %s): both are scored", at(), problem.Quote(a.Person), a.Assessor, first.place.At(first.line))
	}
	if assess.FutureDate(a.Date) {
		tr.notice("%s: the date %s is in the future", at(), a.Date.Format("2006-01-02"))
	}
	if len(tr.problems) > 0 {
		return // a problem was found: only checking the rest now
	}
	tr.cur.people[tr.cur.n] = a
	tr.people++
	if tr.cur.n++; tr.cur.n == teamBatchSize {
		tr.cur.seq, tr.seq = tr.seq, tr.seq+1
		tr.emit(tr.cur)
		tr.cur = tr.next()
	}
}

// appendAssessorKey appends the assessor to a key of the duplicate check, in a byte for
// each kind there is (a million people's keys are millions of bytes shorter).
func appendAssessorKey(key []byte, a assess.Assessor) []byte {
	switch a {
	case assess.Self:
		return append(key, 's')
	case assess.Manager:
		return append(key, 'm')
	case assess.Peer:
		return append(key, 'p')
	}
	return append(key, a...)
}

// invalid records a problem with the input, or with SkipInvalid reports it as skipped;
// it returns err when err is not a problem with the input (I/O, say).
func (tr *teamRun) invalid(err error) error {
	var list problem.List
	if !errors.As(err, &list) {
		return err
	}
	for _, p := range list {
		switch {
		case tr.rv.SkipInvalid:
			if tr.rv.Skipped != nil {
				tr.rv.Skipped(p.Error())
			}
		case len(tr.problems) < MaxTeamProblems:
			tr.problems = append(tr.problems, p)
		default:
			tr.extra++
		}
	}
	return nil
}

func (tr *teamRun) warn(msg string) {
	if tr.rv.Warn != nil {
		tr.rv.Warn(msg)
	}
}

// read reads one input.
func (tr *teamRun) read(in TeamInput) error {
	var (
		r    io.Reader
		name = in.Path
	)
	if in.Path == "-" {
		name = "stdin"
		br := bufio.NewReader(tr.rv.Stdin)
		head, _ := br.Peek(4)
		in.Workbook = IsWorkbook(head)
		in.Sheet = in.Workbook || sniffSheet(br)
		r = br
	} else {
		f, err := inputfile.Open(in.Path)
		if err != nil {
			return &unreadableError{fmt.Errorf("cannot read %s: %w", in.Path, errors.Unwrap(err))}
		}
		defer f.Close()
		r = f
		if in.Sheet && !in.Workbook {
			// A workbook saved under a .csv name is read as the workbook it is.
			var head [4]byte
			n, _ := f.ReadAt(head[:], 0)
			in.Workbook = IsWorkbook(head[:n])
		}
	}
	if tr.rv.Progress != nil {
		r = countingReader{r: r, p: tr.rv.Progress}
	}
	if in.Sheet {
		return tr.readSheet(name, r, in.Workbook)
	}
	return tr.readDocuments(name, r)
}

// readDocuments reads a file of answers documents, one person each.
func (tr *teamRun) readDocuments(name string, r io.Reader) error {
	data, err := inputfile.ReadAll(r)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", name, err)
	}
	var ioErr error
	err = EachAnswers(name, data, tr.rv.Rubric, func(d AnswersDoc) {
		if ioErr != nil {
			return
		}
		for _, w := range d.Warnings {
			if strings.Contains(w, rubricChanged) {
				// Once for the review: a folder of last year's files would repeat it for each.
				if tr.rubricWarned {
					continue
				}
				tr.rubricWarned = true
				w += " (said once for the whole review)"
			}
			tr.warn(w)
		}
		if d.Err != nil {
			ioErr = tr.invalid(d.Err)
			return
		}
		tr.add(problem.Place{File: name}, d.Line, d.Answers)
	})
	if ioErr != nil {
		return ioErr
	}
	if err != nil {
		return tr.invalid(err)
	}
	return nil
}

// readSheet reads a team sheet, CSV or a workbook, one person per row.
func (tr *teamRun) readSheet(name string, r io.Reader, workbook bool) error {
	open := NewSheetReader
	if workbook {
		open = NewWorkbookReader
	}
	sheet, err := open(name, r, tr.rv.Rubric)
	if err != nil {
		return tr.invalid(err)
	}
	defer sheet.Close()
	sheet.SetDateOrder(tr.rv.DateOrder)
	warned := 0
	warnings := func() { // the header's, then those found reading (a workbook's hidden rows)
		for ; warned < len(sheet.Warnings); warned++ {
			tr.warn(sheet.Warnings[warned])
		}
	}
	warnings()
	// A sheet without a rater column is one rater's for each assessor: its author's.
	author := ""
	if !sheet.hasColumn(assess.FieldRater) {
		author = name
	}
	for !tr.failed.Load() && !tr.rv.stopped() {
		a := tr.slot()
		line, err := sheet.ReadInto(a)
		a.RaterSheet = author
		if len(sheet.Warnings) > warned {
			warnings()
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			if err := tr.invalid(err); err != nil {
				return err
			}
			continue
		}
		tr.add(sheet.Where(), line, a)
	}
	return nil
}

// hasColumn reports whether the sheet has the field's column.
func (s *SheetReader) hasColumn(field string) bool {
	for _, c := range s.cols {
		if c.field == field {
			return true
		}
	}
	return false
}

// unreadableError is an input that could not be opened: --skip-invalid skips it.
type unreadableError struct{ error }

func (e *unreadableError) Unwrap() error { return e.error }

// sniffSheet tells a team sheet from answers on stdin by the first line that is not
// empty or a comment: a sheet's header separates its columns with commas before any
// colon; answers start with a YAML key ("format:", "person: Ada"), a document marker or
// a JSON object.
func sniffSheet(br *bufio.Reader) bool {
	head, _ := br.Peek(4096)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	for len(head) > 0 {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		head = rest
		line = bytes.TrimSpace(line)
		switch {
		case len(line) == 0 || line[0] == '#':
			continue
		case line[0] == '{' || bytes.HasPrefix(line, []byte("---")):
			return false
		}
		comma, colon := bytes.IndexByte(line, ','), bytes.IndexByte(line, ':')
		return colon < 0 || (comma >= 0 && comma < colon)
	}
	return true
}

// countingReader tells the progress how many bytes were read through it.
type countingReader struct {
	r io.Reader
	p TeamProgress
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.Read(n)
	return n, err
}
