package cmd

import (
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"

	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/rubric"
)

// TestMain lets testscript run the real command line as the "pmladder" program.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pmladder": func() { os.Exit(Execute()) },
	})
}

// TestScripts runs every testdata/script/*.txtar against the real command line.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// A clean, known environment: no user config, data under the work dir.
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/.config")
			env.Setenv("XDG_DATA_HOME", env.WorkDir+"/.data")
			env.Setenv("NO_COLOR", "")
			// The examples docs/ walks through, read where they are kept.
			examples, err := filepath.Abs(filepath.Join("..", "examples"))
			env.Setenv("EXAMPLES", examples)
			return err
		},
		// PMLADDER_UPDATE_GOLDEN=1 go test ./cmd rewrites the expected outputs that cmp
		// compares against, for review with git diff.
		UpdateScripts: os.Getenv("PMLADDER_UPDATE_GOLDEN") != "",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":   cmdStatus,
			"width":    cmdWidth,
			"fixture":  cmdFixture,
			"workbook": cmdWorkbook,
			"fill":     cmdFill,
		},
	})
}

// cmdStatus runs a program and checks its exit status: `status 2 pmladder rubric validate x`.
// stdout and stderr are kept for the assertions that follow, as with exec.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %q is not an exit code", args[0])
	}
	got := 0
	var exitErr *exec.ExitError
	if err := ts.Exec(args[1], args[2:]...); errors.As(err, &exitErr) {
		got = exitErr.ExitCode()
	} else if err != nil {
		ts.Fatalf("status: %v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdFixture copies binary fixtures that a txtar cannot hold (workbooks, made by
// tools/xlsxfixture and LibreOffice: make fixtures) from testdata/xlsx into the work
// directory: `fixture team-filled.xlsx`.
func cmdFixture(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: fixture NAME...")
	}
	for _, name := range args {
		data, err := os.ReadFile(filepath.Join("testdata", "xlsx", name))
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(name), data, 0o644))
	}
}

// cmdWorkbook writes a workbook as a spreadsheet saves one, from CSV files in the script,
// so that a test's sheet is read in the script itself: `workbook ladder.xlsx Ladder=grid.csv
// Notes=notes.csv merge=Ladder!C1:E1`. Each NAME=FILE.csv is a sheet, in order; a cell's
// lines stay lines (a cell typed with Alt+Enter); merge=SHEET!FROM:TO merges cells.
func cmdWorkbook(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: workbook OUT.xlsx SHEET=FILE.csv... [merge=SHEET!A1:B2...]")
	}
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for _, arg := range args[1:] {
		key, value, ok := strings.Cut(arg, "=")
		if !ok {
			ts.Fatalf("workbook: %q is not NAME=FILE.csv or merge=SHEET!A1:B2", arg)
		}
		if key == "merge" {
			sheet, cells, _ := strings.Cut(value, "!")
			from, to, _ := strings.Cut(cells, ":")
			ts.Check(f.MergeCell(sheet, from, to))
			continue
		}
		if first {
			ts.Check(f.SetSheetName("Sheet1", key))
			first = false
		} else if _, err := f.NewSheet(key); err != nil {
			ts.Fatalf("workbook: %v", err)
		}
		cr := csv.NewReader(strings.NewReader(ts.ReadFile(value)))
		cr.FieldsPerRecord = -1
		rows, err := cr.ReadAll()
		ts.Check(err)
		for i, row := range rows {
			for j, v := range row {
				if v == "" {
					continue
				}
				cell, err := excelize.CoordinatesToCellName(j+1, i+1)
				ts.Check(err)
				ts.Check(f.SetCellStr(key, cell, v))
			}
		}
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[0])))
}

// cmdWidth checks that no line of a file is wider than N characters: `width 80 stdout`.
// Every character pmladder draws (box lines, bars, letters) is one column wide.
func cmdWidth(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: width N FILE")
	}
	limit, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("width: %q is not a number", args[0])
	}
	text := ts.ReadFile(args[1])
	for i, line := range strings.Split(text, "\n") {
		if n := utf8.RuneCountInString(line); n > limit {
			ts.Fatalf("line %d is %d characters wide, more than %d: %q", i+1, n, limit, line)
		}
	}
}

// cmdFill fills a person's row of a workbook made by `pmladder template` as a manager
// would in a spreadsheet: every question of the built-in ladder gets the score, as a
// number. `fill team.xlsx "Ada Lovelace" 4`.
func cmdFill(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: fill WORKBOOK PERSON SCORE")
	}
	score, err := strconv.Atoi(args[2])
	ts.Check(err)
	r, err := rubric.Default()
	ts.Check(err)
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	rows, err := f.GetRows(input.AnswersSheet)
	ts.Check(err)
	filled := false
	for y, row := range rows {
		if len(row) == 0 || row[0] != args[1] {
			continue
		}
		for x, id := range rows[0] {
			if r.Question(id) == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(x+1, y+1)
			ts.Check(err)
			ts.Check(f.SetCellInt(input.AnswersSheet, cell, int64(score)))
		}
		filled = true
	}
	if !filled {
		ts.Fatalf("fill: no row of %s in %s", args[1], args[0])
	}
	ts.Check(f.Save())
}
