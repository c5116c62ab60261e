package assess

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// sheetColumn is a column of a team sheet: a profile field, a skill's evidence
// ("evidence:<skill-id>", field evidenceField), or a question (field "").
type sheetColumn struct {
	field string
	name  string
	pos   int    // a question's position in Rubric.Questions
	skill string // the skill of an evidence column
}

// evidencePrefix starts the name of a column of evidence for a skill.
const evidencePrefix = "evidence:"

const evidenceField = "evidence"

// SheetReader reads a team sheet (CSV, one person per row) as spreadsheets save it: a
// UTF-8 byte-order mark, CRLF line ends and quoted fields are all fine. Columns may come
// in any order; question columns may be left out (unanswered).
type SheetReader struct {
	file  string
	r     *rubric.Rubric
	cr    *csv.Reader
	cols  []sheetColumn
	fatal bool
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
		probs.Add(file, 1, "empty file: want a team sheet whose header starts %s", strings.Join(ProfileFields(), ","))
		return nil, probs.Err()
	}
	if err != nil {
		return nil, s.csvProblem(err)
	}
	fields := ProfileFields()
	optional := []string{FieldRater, FieldCertifications}
	seen := map[string]int{}
	for i, raw := range header {
		name := strings.TrimSpace(raw)
		if first, dup := seen[name]; dup {
			probs.Add(file, 1, "column %d %q repeats column %d", i+1, name, first+1)
			continue
		}
		seen[name] = i
		pos, isQuestion := r.QuestionPos(name)
		skill, isEvidence := strings.CutPrefix(name, evidencePrefix)
		switch {
		case slices.Contains(fields, name) || slices.Contains(optional, name):
			s.cols = append(s.cols, sheetColumn{field: name, name: name})
		case isEvidence && r.Skill(skill) != nil:
			s.cols = append(s.cols, sheetColumn{field: evidenceField, name: name, skill: skill})
		case isQuestion:
			s.cols = append(s.cols, sheetColumn{name: name, pos: pos})
		case name == "":
			probs.Add(file, 1, "column %d has no name", i+1)
		default:
			probs.Add(file, 1, "unknown column %q: neither one of %s nor a question of %s", name,
				strings.Join(fields, ", "), describeRubric(r))
		}
	}
	if _, ok := seen[FieldPerson]; !ok && len(probs) == 0 {
		probs.Add(file, 1, "no person column: the header starts %s", strings.Join(fields, ","))
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

// ReadInto reads the next person into a (made by NewAnswers, or read into before; its
// memory is reused) and returns the row's line, or io.EOF after the last row. A row with
// problems comes back as a problem.List, and reading can go on with the next row, unless
// the CSV itself is broken, after which ReadInto returns io.EOF. Rows with no cells
// filled in are skipped, as spreadsheets leave them at the end.
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
	a.reset(s.r)
	for i, col := range s.cols {
		cell := strings.TrimSpace(record[i])
		if col.field == evidenceField {
			a.SetEvidence(col.skill, cell)
			continue
		}
		if col.field != "" {
			if msg := a.setProfile(s.r, col.field, cell); msg != "" {
				probs.Add(s.file, line, "column %q: %s", col.name, msg)
			}
			continue
		}
		if cell == "" {
			continue
		}
		v, err := ParseScore(cell, s.r.Scale)
		if err != nil {
			probs.Add(s.file, line, "column %q: %v", col.name, err)
			continue
		}
		a.setAt(col.pos, v)
	}
	return probs.Err()
}
