package input

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/cellsafe"
	"github.com/pmladder/pmladder/internal/match"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/spreadsheet"
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

// ignoredField marks a column that is none of pmladder's.
const ignoredField = "ignored"

// questionIDs lists the rubric's question ids, for suggestions.
func questionIDs(r *rubric.Rubric) []string {
	ids := make([]string, len(r.Questions()))
	for i, q := range r.Questions() {
		ids[i] = q.ID
	}
	return ids
}

// SheetReader reads a team sheet (CSV, one person per row) as spreadsheets save it: a
// UTF-8 byte-order mark, CRLF line ends and quoted fields are all fine. Columns may come
// in any order; question columns may be left out (unanswered).
type SheetReader struct {
	file string
	r    *rubric.Rubric
	src  records
	cols []sheetColumn
	// fatal is set once the file itself is broken: no further row can be read.
	fatal bool
	// trailing counts the empty header cells after the last column; rows may have as
	// many empty cells there.
	trailing int
	// Warnings are things about the header worth telling (ignored columns).
	Warnings []string
	// dates is the order of the sheet's slash dates; held are the rows read while it is
	// unknown, ready those to hand on now that it is known, and waiting the date of the
	// row just read (at waitingAt) when it waits for it (sheetdates.go).
	dates     sheetDates
	held      []heldRow
	ready     []heldRow
	waiting   string
	waitingAt problem.Place
}

// saveAsUTF8 is how to fix a sheet saved in a form pmladder does not read.
const saveAsUTF8 = spreadsheet.SaveAsUTF8

// records is where a sheet's rows come from: a CSV file, or a workbook's sheet.
type records interface {
	// next returns the next row's cells and its number (the CSV line, the sheet's row),
	// io.EOF after the last; any other error is a located problem after which nothing
	// more can be read.
	next() ([]string, int, error)
	// where is the place of cell col's column: the file, or the file, sheet and column
	// of a workbook ("team.csv:7", "team.xlsx:Answers!D7" at row 7).
	where(col int) problem.Place
	// kind is what the rows are in: "file", "sheet".
	kind() string
	// short reports whether a row may stop before the header's last column: a workbook
	// stores no empty cells at the end of a row.
	short() bool
	// odd says what is wrong with cell col of row when its value cannot be read as typed
	// (a workbook's TRUE/FALSE cell, a formula without a stored result), else "".
	odd(col, row int) string
	// date is the value a spreadsheet stored in a date column (a day count for a date
	// cell), as the date it is, or the text as it is.
	date(cell string) string
	Close() error
}

// csvRecords reads the rows of a CSV sheet.
type csvRecords struct {
	file string
	cr   *csv.Reader
}

func (c *csvRecords) next() ([]string, int, error) {
	record, err := c.cr.Read()
	if err != nil && !errors.Is(err, io.EOF) {
		var probs problem.List
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			probs.Add(c.file, pe.Line, "not valid CSV: %v", pe.Err)
		} else {
			probs.Add(c.file, 0, "cannot read: %v", err)
		}
		return nil, 0, probs.Err()
	}
	if err != nil {
		return nil, 0, err
	}
	line, _ := c.cr.FieldPos(0)
	return record, line, nil
}

func (c *csvRecords) where(int) problem.Place { return problem.Place{File: c.file} }
func (c *csvRecords) kind() string            { return "file" }
func (c *csvRecords) odd(int, int) string     { return "" }
func (c *csvRecords) short() bool             { return false }
func (c *csvRecords) date(cell string) string { return cell }
func (c *csvRecords) Close() error            { return nil }

// NewSheetReader reads the header of a CSV sheet. Problems with it come back as a
// problem.List.
func NewSheetReader(file string, in io.Reader, r *rubric.Rubric) (*SheetReader, error) {
	br := bufio.NewReaderSize(in, 64*1024)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	head, _ := br.Peek(8 * 1024)
	if msg := spreadsheet.SavedWrongly(head); msg != "" {
		var probs problem.List
		probs.Add(file, 1, "%s", msg)
		return nil, probs.Err()
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return newSheetReader(file, &csvRecords{file: file, cr: cr}, r)
}

// newSheetReader reads the header from src: the same rules for every kind of sheet.
func newSheetReader(file string, src records, r *rubric.Rubric) (*SheetReader, error) {
	s := &SheetReader{file: file, r: r, src: src}
	var probs problem.List
	header, line, err := src.next()
	if errors.Is(err, io.EOF) {
		probs.AddAt(src.where(0), 1, "empty %s: want a team sheet whose header starts %s", src.kind(), strings.Join(assess.ProfileFields(), ","))
		return nil, probs.Err()
	}
	if err != nil {
		return nil, err
	}
	fields := assess.ProfileFields()
	optional := []string{assess.FieldRater, assess.FieldCertifications}
	// Spreadsheets often save empty cells after the last column: they are no columns.
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
		s.trailing++
	}
	seen := map[string]int{}
	for i, raw := range header {
		name := strings.TrimSpace(raw)
		if first, dup := seen[name]; dup {
			probs.AddAt(src.where(i), line, "column %d %q repeats column %d", i+1, name, first+1)
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
			probs.AddAt(src.where(i), line, "column %d has no name", i+1)
		default:
			// A column of the spreadsheet's own (notes, a manager's comments) is ignored;
			// one that looks like a typo of a known column is an error, with the fix.
			known := append(append(fields[:len(fields):len(fields)], optional...), questionIDs(r)...)
			if _, hint := match.Value(name, known); hint != "" {
				probs.AddAt(src.where(i), line, "unknown column %q%s", name, hint)
				continue
			}
			s.Warnings = append(s.Warnings, fmt.Sprintf("%s: column %s is neither a field (%s) nor a question of %s: ignored",
				src.where(i).At(line), problem.Quote(name), strings.Join(append(fields[:len(fields):len(fields)], optional...), ", "), assess.Describe(r)))
			s.cols = append(s.cols, sheetColumn{field: ignoredField, name: name})
		}
	}
	if _, ok := seen[assess.FieldPerson]; !ok && len(probs) == 0 {
		probs.AddAt(src.where(0), line, "no person column: the header starts %s", strings.Join(fields, ","))
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// Where is the place of the rows: the file, or the first column of a workbook's sheet.
func (s *SheetReader) Where() problem.Place { return s.src.where(0) }

// Close releases what reading the sheet holds (a workbook's temporary files).
func (s *SheetReader) Close() error { return s.src.Close() }

// ReadInto reads the next person into a (made by NewAnswers, or read into before; its
// memory is reused) and returns the row's line, or io.EOF after the last row. A row with
// problems comes back as a problem.List, and reading can go on with the next row, unless
// the CSV itself is broken, after which ReadInto returns io.EOF. Rows with no cells
// filled in are skipped, as spreadsheets leave them at the end. Rows come in sheet order,
// though some may be held back until the order of the column's dates is known
// (sheetdates.go).
func (s *SheetReader) ReadInto(a *assess.Answers) (int, error) { return s.next(a) }

// readRow reads the next row of the sheet into a, as ReadInto.
func (s *SheetReader) readRow(a *assess.Answers) (int, error) {
	if s.fatal {
		return 0, io.EOF
	}
	for {
		record, line, err := s.src.next()
		if errors.Is(err, io.EOF) {
			return 0, io.EOF
		}
		if err != nil {
			s.fatal = true
			return 0, err
		}
		if blank(record) || strings.HasPrefix(strings.TrimSpace(record[0]), "#") {
			continue // an empty row, or a comment such as the template's row of questions
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
func (s *SheetReader) row(record []string, line int, a *assess.Answers) error {
	var probs problem.List
	if n := len(s.cols); len(record) > n && len(record) <= n+s.trailing && blank(record[n:]) {
		record = record[:n] // the empty cells under the empty header cells
	}
	for len(record) < len(s.cols) && s.src.short() {
		record = append(record, "")
	}
	if len(record) != len(s.cols) {
		probs.AddAt(s.src.where(0), line, "row has %d cells, the header has %d", len(record), len(s.cols))
		return probs.Err()
	}
	a.Reset(s.r)
	for i, col := range s.cols {
		cell := strings.TrimSpace(record[i])
		if !utf8.ValidString(cell) {
			probs.AddAt(s.src.where(i), line, "column %q: not UTF-8 text: %s", col.name, saveAsUTF8)
			continue
		}
		if col.field != ignoredField {
			if msg := s.src.odd(i, line); msg != "" {
				probs.AddAt(s.src.where(i), line, "column %q: %s", col.name, msg)
				continue
			}
		}
		if col.field != "" {
			cell = cellsafe.Restore(cell) // a sheet pmladder wrote guards text that looks like a formula
		}
		switch col.field {
		case ignoredField:
			continue
		case evidenceField:
			a.SetEvidence(col.skill, cell)
			continue
		}
		if col.field != "" {
			var msg string
			if col.field == assess.FieldDate {
				msg = s.readDate(a, s.src.date(cell), s.src.where(i), line)
			} else {
				msg = a.SetProfile(s.r, col.field, cell)
			}
			if msg != "" {
				probs.AddAt(s.src.where(i), line, "column %q: %s", col.name, msg)
			}
			continue
		}
		if cell == "" {
			continue
		}
		v, err := assess.ParseScore(cell, s.r.Scale)
		if err != nil {
			probs.AddAt(s.src.where(i), line, "column %q: %v", col.name, err)
			continue
		}
		a.SetAt(col.pos, v)
	}
	return probs.Err()
}
