package assess

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// SheetColumns are the fixed columns a team sheet starts with; the questions follow.
func SheetColumns() []string {
	return []string{"person", "assessor", "date", "current_role", "target_role", "track"}
}

// column kinds of a team sheet; a question column holds its question's id.
const (
	colPerson = iota
	colAssessor
	colDate
	colCurrent
	colTarget
	colTrack
	colQuestion
)

type sheetColumn struct {
	kind int
	name string
	pos  int // a question's position in Rubric.Questions
}

// SheetReader reads a team sheet (CSV, one person per row) as spreadsheets save it: a
// UTF-8 byte-order mark, CRLF line ends and quoted fields are all fine. Columns may come
// in any order; question columns may be left out (unanswered).
type SheetReader struct {
	file  string
	r     *rubric.Rubric
	cr    *csv.Reader
	cols  []sheetColumn
	fatal bool
	// reuse is the Answers each row is read into: a team review scores a row before it
	// reads the next, and a sheet of many thousand people then allocates almost nothing.
	reuse *Answers
}

// NewSheetReader reads the header. Problems with it come back as a problem.List.
func NewSheetReader(file string, in io.Reader, r *rubric.Rubric) (*SheetReader, error) {
	br := bufio.NewReaderSize(in, 64*1024)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	s := &SheetReader{file: file, r: r, cr: cr}
	var probs problem.List
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		probs.Add(file, 1, "empty file: want a team sheet whose header starts %s", strings.Join(SheetColumns(), ","))
		return nil, probs.Err()
	}
	if err != nil {
		return nil, s.csvProblem(err)
	}
	fixed := map[string]int{}
	for i, name := range SheetColumns() {
		fixed[name] = i
	}
	positions := map[string]int{}
	for i, q := range r.Questions() {
		positions[q.ID] = i
	}
	seen := map[string]int{}
	for i, raw := range header {
		name := strings.TrimSpace(raw)
		if first, dup := seen[name]; dup {
			probs.Add(file, 1, "column %d %q repeats column %d", i+1, name, first+1)
			continue
		}
		seen[name] = i
		switch kind, ok := fixed[name]; {
		case ok:
			s.cols = append(s.cols, sheetColumn{kind: kind, name: name})
		case r.Question(name) != nil:
			s.cols = append(s.cols, sheetColumn{kind: colQuestion, name: name, pos: positions[name]})
		case name == "":
			probs.Add(file, 1, "column %d has no name", i+1)
		default:
			probs.Add(file, 1, "unknown column %q: neither one of %s nor a question of %s", name,
				strings.Join(SheetColumns(), ", "), describeRubric(r))
		}
	}
	if _, ok := seen["person"]; !ok && len(probs) == 0 {
		probs.Add(file, 1, "no person column: the header starts %s", strings.Join(SheetColumns(), ","))
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// csvProblem turns the CSV parser's error into a located problem.
func (s *SheetReader) csvProblem(err error) error {
	var probs problem.List
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		probs.Add(s.file, pe.Line, "not valid CSV: %v", pe.Err)
	} else {
		probs.Add(s.file, 0, "cannot read: %v", err)
	}
	return probs.Err()
}

// Next returns the next person's answers and the row's line; the answers are valid until
// the next call, which reads into them again. It returns io.EOF after the last row.
func (s *SheetReader) Next() (*Answers, int, error) {
	if s.reuse == nil {
		s.reuse = NewAnswers()
	}
	line, err := s.ReadInto(s.reuse)
	if err != nil {
		return nil, line, err
	}
	return s.reuse, line, nil
}

// ReadInto reads the next person into a, as Next does, for callers that keep several
// people at once. a must have been made by NewAnswers (or read into before). A row with problems comes back as a problem.List, and reading can go on with
// the next row, unless the CSV itself is broken, after which Next returns io.EOF.
// Rows with no cells filled in are skipped, as spreadsheets leave them at the end.
func (s *SheetReader) ReadInto(a *Answers) (int, error) {
	if s.fatal {
		return 0, io.EOF
	}
	for {
		record, err := s.cr.Read()
		if errors.Is(err, io.EOF) {
			return 0, io.EOF
		}
		if err != nil {
			s.fatal = true
			return 0, s.csvProblem(err)
		}
		line, _ := s.cr.FieldPos(0)
		if blank(record) {
			continue
		}
		return line, s.row(record, line, a)
	}
}

func blank(record []string) bool {
	for _, c := range record {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// row checks and reads one row into a.
func (s *SheetReader) row(record []string, line int, a *Answers) error {
	var probs problem.List
	if len(record) != len(s.cols) {
		probs.Add(s.file, line, "row has %d cells, the header has %d", len(record), len(s.cols))
		return probs.Err()
	}
	n := len(s.r.Questions())
	byPos, given := a.byPos, a.given
	if len(byPos) != n {
		byPos, given = make([]Answer, n), make([]bool, n)
	}
	clear(given)
	*a = Answers{Assessor: "self", Complete: true, byPos: byPos, given: given}
	for i, col := range s.cols {
		cell := strings.TrimSpace(record[i])
		bad := func(format string, args ...any) {
			probs.Add(s.file, line, "column %q: %s", col.name, fmt.Sprintf(format, args...))
		}
		switch col.kind {
		case colQuestion:
			if cell == "" {
				continue
			}
			v, err := ParseScore(cell, s.r.Scale)
			if err != nil {
				bad("%v", err)
				continue
			}
			a.byPos[col.pos], a.given[col.pos] = v, true
		case colPerson:
			a.Person = cell
			if cell == "" {
				bad("no name")
			}
		case colAssessor:
			if cell != "" {
				a.Assessor = cell
				if !IsAssessor(cell) {
					bad("%q is not %s", cell, AssessorList)
				}
			}
		case colDate:
			if cell != "" {
				t, ok := ParseDate(cell)
				if !ok {
					bad("%q is not a date (2026-11-22 or 2026-11-22T10:04:05Z)", cell)
				}
				a.Date = t
			}
		case colCurrent, colTarget:
			if cell != "" && s.r.Role(cell) == nil {
				bad("%q is not a role of %s (roles: %s)", cell, s.r.Name, roleList(s.r))
			}
			if col.kind == colCurrent {
				a.CurrentRole = cell
			} else {
				a.TargetRole = cell
			}
		case colTrack:
			if cell != "" && s.r.Track(cell) == nil {
				bad("%q is not a track of %s (%s)", cell, s.r.Name, trackList(s.r))
			}
			a.Track = cell
		}
	}
	return probs.Err()
}
