package cmd

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBadInput is one table of every kind of invalid input, across rubrics, answers,
// team sheets, config and flags: each must exit with its documented status and say what
// is wrong in one located line, with nothing on stdout and no stack trace.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"good-rubric.yaml": "format: pmladder-rubric/v1\nname: G\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]\nroles: [{id: r, name: R, level: 1, expects: {s: 1}}]\n",
		"rubric-unknown-key.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\nextra: 1\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n",
		"rubric-bad-scale.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 3, max: 1}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n",
		"rubric-dangling.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}, next: [nobody]}]\n",
		"rubric-no-question.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n",
		"empty.yaml":           "",
		"garbage.bin":          "\x00\x01\x02\xff\xfe",
		"not-yaml.yaml":        "a: [\n",
		"answers-score.yaml":   "format: pmladder-answers/v1\nanswers:\n  data-fluency.1: 6\n",
		"answers-float.yaml":   "format: pmladder-answers/v1\nanswers:\n  data-fluency.1: 2.5\n",
		"answers-unknown.yaml": "format: pmladder-answers/v1\nanswers:\n  telepathy.1: 3\n",
		"answers-role.yaml":    "format: pmladder-answers/v1\ntarget_role: astronaut\n",
		"answers-track.yaml":   "format: pmladder-answers/v1\ntrack: sideways\n",
		"answers-who.yaml":     "format: pmladder-answers/v1\nassessor: boss\n",
		"answers-date.yaml":    "format: pmladder-answers/v1\ndate: soon\n",
		"answers-format.yaml":  "format: something-else/v9\n",
		"answers-list.yaml":    "- 1\n- 2\n",
		"sheet-cell.csv":       "person,data-fluency.1,data-fluency.2\nA,3,3\nB,2,2\nC,1,seven\n",
		"sheet-column.csv":     "person,data-fluncy.1\nA,3\n",
		"sheet-short.csv":      "person,data-fluency.1\nA\n",
		"sheet-quote.csv":      "person,data-fluency.1\n\"A,3\n",
		"sheet-role.csv":       "person,current_role\nA,wizard\n",
		"sheet-date.csv":       "person,date\nA,yesterday\n",
		"config-bad.yaml":      "colour: red\n",
		"config-value.yaml":    "accessible: perhaps\n",
		// The second round of bad inputs.
		"config-format.yaml":     "format: jsno\n",
		"sheet-1252.csv":         "person,data-fluency.1\nJos\xe9,3\n",
		"sheet-utf16.csv":        "\xff\xfep\x00e\x00r\x00s\x00o\x00n\x00",
		"sheet-semicolon.csv":    "person;data-fluency.1\nAda;3\n",
		"sheet-cr.csv":           "person,data-fluency.1\rAda,3\r",
		"sheet-empty.csv":        "person,data-fluency.1\n,\n",
		"sheet-big-cell.csv":     "person,data-fluency.1\nAda," + strings.Repeat("9", 1<<20) + "\n",
		"answers-hex.yaml":       "format: pmladder-answers/v1\nanswers:\n  data-fluency.1: 0x1p1\n",
		"answers-underscore.csv": "person,data-fluency.1\nAda,0_3\n",
		"answers-dot.csv":        "person,data-fluency.1\nAda,3.\n",
		"answers-binary.yaml":    "format: pmladder-answers/v1\nperson: !!binary QWRh\n",
		"answers-cert.yaml":      "format: pmladder-answers/v1\ncertifications: [cspo, astrology]\n",
		"answers-evidence.yaml":  "format: pmladder-answers/v1\nevidence: {telepathy: read minds}\n",
		"ada.yaml":               "format: pmladder-answers/v1\nperson: Ada\nanswers: {data-fluency.1: 3}\n",
		"grace.yaml":             "format: pmladder-answers/v1\nperson: Grace\nanswers: {data-fluency.1: 3}\n",
		"rubric-weight.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, weight: 1e17, questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n",
		"rubric-nan.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, weight: .nan, questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n",
		"rubric-requires.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n" +
			"certifications: [{id: k, name: K, issuer: I, skills: [s], requires: [ghost]}]\n",
		"rubric-next-twice.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, questions: [q]}]}]\n" +
			"roles: [{id: r, name: R, level: 1, expects: {s: 1}, next: [t, t]}, {id: t, name: T, expects: {s: 2}}]\n",
		"rubric-action-level.yaml": "format: pmladder-rubric/v1\nname: x\nscale: {min: 0, max: 2}\n" +
			"categories: [{id: c, name: C, skills: [{id: s, name: S, actions: [{level: 9, text: t}], questions: [q]}]}]\nroles: [{id: r, name: R, expects: {s: 1}}]\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	cases := []badCase{
		{"rubric unknown key", []string{"rubric", "validate", p("rubric-unknown-key.yaml")}, 2, `rubric-unknown-key.yaml:4: unknown key "extra" in the rubric`, nil},
		{"rubric bad scale", []string{"rubric", "validate", p("rubric-bad-scale.yaml")}, 2, `rubric-bad-scale.yaml:3: scale max 1 must be above min 3`, nil},
		{"rubric dangling next", []string{"rubric", "validate", p("rubric-dangling.yaml")}, 2, `rubric-dangling.yaml:5: role "r" next names unknown role "nobody"`, nil},
		{"rubric skill without question", []string{"rubric", "validate", p("rubric-no-question.yaml")}, 2, `rubric-no-question.yaml:4: skill "s" has no questions`, nil},
		{"rubric empty", []string{"rubric", "validate", p("empty.yaml")}, 2, `empty.yaml:1: empty file: want a rubric`, nil},
		{"rubric binary", []string{"rubric", "validate", p("garbage.bin")}, 2, `garbage.bin:1: `, nil},
		{"rubric not yaml", []string{"rubric", "validate", p("not-yaml.yaml")}, 2, `not-yaml.yaml:2: not valid YAML: `, nil},
		{"rubric missing file", []string{"rubric", "validate", p("nope.yaml")}, 1, `cannot read rubric: open .*nope.yaml: no such file or directory`, nil},
		{"--rubric invalid", []string{"--rubric", p("rubric-bad-scale.yaml"), "rubric", "show"}, 2, `rubric-bad-scale.yaml:3: scale max 1`, nil},
		{"answers off the scale", []string{"assess", "--answers", p("answers-score.yaml")}, 2, `answers-score.yaml:3: question "data-fluency.1": score 6 is outside the scale 0–5`, nil},
		{"answers not a whole number", []string{"assess", "--answers", p("answers-float.yaml")}, 2, `answers-float.yaml:3: question "data-fluency.1": "2.5" is not a score \(0–5 or na\)`, nil},
		{"answers unknown question", []string{"report", p("answers-unknown.yaml")}, 2, `answers-unknown.yaml:3: unknown question "telepathy.1"`, nil},
		{"answers unknown role", []string{"assess", "--answers", p("answers-role.yaml")}, 2, `answers-role.yaml:2: target_role "astronaut" is not a role`, nil},
		{"answers unknown track", []string{"assess", "--answers", p("answers-track.yaml")}, 2, `answers-track.yaml:2: track "sideways" is not a track`, nil},
		{"answers unknown assessor", []string{"assess", "--answers", p("answers-who.yaml")}, 2, `answers-who.yaml:2: assessor "boss" is not self, manager or peer`, nil},
		{"answers bad date", []string{"assess", "--answers", p("answers-date.yaml")}, 2, `answers-date.yaml:2: date "soon" is not a date`, nil},
		{"answers wrong format", []string{"assess", "--answers", p("answers-format.yaml")}, 2, `answers-format.yaml:1: format "something-else/v9" is not pmladder-answers/v1`, nil},
		{"answers a list", []string{"assess", "--answers", p("answers-list.yaml")}, 2, `answers-list.yaml:1: want answers \(pmladder-answers/v1\) \(a mapping of keys to values\), found a list`, nil},
		{"answers empty", []string{"compare", p("empty.yaml"), p("empty.yaml")}, 2, `empty.yaml:1: empty file: want answers`, nil},
		{"answers binary", []string{"assess", "--answers", p("garbage.bin")}, 2, `garbage.bin:1: `, nil},
		{"answers missing", []string{"assess", "--answers", p("nope.yaml")}, 1, `cannot read answers: open .*nope.yaml: no such file or directory`, nil},
		{"sheet bad cell", []string{"team", p("sheet-cell.csv")}, 2, `sheet-cell.csv:4: column "data-fluency.2": "seven" is not a score \(0–5 or na\)`, nil},
		{"sheet column typo", []string{"team", p("sheet-column.csv")}, 2, `sheet-column.csv:1: unknown column "data-fluncy.1" \(did you mean data-fluency.1\?\)`, nil},
		{"sheet short row", []string{"team", p("sheet-short.csv")}, 2, `sheet-short.csv:2: row has 1 cells, the header has 2`, nil},
		{"sheet broken quote", []string{"team", p("sheet-quote.csv")}, 2, `sheet-quote.csv:2: not valid CSV: `, nil},
		{"sheet unknown role", []string{"team", p("sheet-role.csv")}, 2, `sheet-role.csv:2: column "current_role": "wizard" is not a role`, nil},
		{"sheet bad date", []string{"team", p("sheet-date.csv")}, 2, `sheet-date.csv:2: column "date": "yesterday" is not a date`, nil},
		{"sheet empty", []string{"team", p("empty.yaml")}, 2, `empty.yaml:1: empty file: want answers`, nil},
		{"team missing path", []string{"team", p("nope.csv")}, 1, `cannot read .*nope.csv: no such file or directory`, nil},
		{"config unknown key", []string{"--config", p("config-bad.yaml"), "rubric", "roles"}, 2, `config-bad.yaml:1: unknown key "colour" in the config file`, nil},
		{"config bad value", []string{"--config", p("config-value.yaml"), "rubric", "roles"}, 2, `config-value.yaml:1: accessible must be true or false, found "perhaps"`, nil},
		{"config missing", []string{"--config", p("nope.yaml"), "rubric", "roles"}, 1, `cannot read config: open .*nope.yaml: no such file or directory`, nil},
		{"unknown command", []string{"asses"}, 2, `unknown command "asses" for "pmladder" \(did you mean assess\?\)`, nil},
		{"unknown flag", []string{"assess", "--tagret", "pm"}, 2, `unknown flag --tagret \(did you mean --target\?\)`, nil},
		{"bad flag value", []string{"assess", "--certs", "many"}, 2, `invalid argument "many" for --certs: want a whole number`, nil},
		{"unknown role flag", []string{"team", p("sheet-cell.csv"), "--target", "astronaut"}, 2, `--target "astronaut" is not a role`, nil},
		{"unknown track flag", []string{"assess", "--answers", p("answers-score.yaml"), "--track", "x"}, 2, `--track "x" is not a track`, nil},
		{"unknown format", []string{"report", "--format", "pdf"}, 2, `unknown format "pdf": report writes table, markdown, csv, json or html`, nil},
		{"excel without csv", []string{"team", p("sheet-cell.csv"), "--excel"}, 2, `--excel applies to --format csv`, nil},
		{"unknown role to show", []string{"rubric", "show", "--role", "astronaut"}, 2, `unknown role "astronaut"`, nil},
		{"too few arguments", []string{"compare", "a"}, 2, `requires at least 2 arg\(s\), only received 1`, nil},
		{"no arguments", []string{"team"}, 2, `requires at least 1 arg\(s\), only received 0`, nil},
		{"contradicting flags", []string{"assess", "--answers", p("answers-score.yaml"), "--save", "--no-save"}, 2, `--save and --no-save contradict each other`, nil},
		{"bad assessor flag", []string{"template", "--assessor", "boss"}, 2, `--assessor "boss": want self, manager or peer`, nil},
		{"nothing to resume", []string{"assess", "--resume"}, 1, `no unfinished interview in `, nil},
		{"nothing saved", []string{"report"}, 1, `no saved assessment in `, nil},
		{"init over a file", []string{"rubric", "init", p("good-rubric.yaml")}, 1, `good-rubric.yaml already exists; use --force to overwrite it`, nil},
		// The second round of bad inputs.
		{"config format", []string{"--config", p("config-format.yaml"), "rubric", "roles"}, 2, `config-format.yaml:1: format "jsno" \(did you mean json\?\) is not one of table, markdown`, nil},
		{"sheet Windows-1252", []string{"team", p("sheet-1252.csv")}, 2, `sheet-1252.csv:1: this is not UTF-8 text \(Excel's plain "CSV" is Windows-1252\): save it from the spreadsheet as "CSV UTF-8`, nil},
		{"sheet UTF-16", []string{"team", p("sheet-utf16.csv")}, 2, `sheet-utf16.csv:1: this is UTF-16 text`, nil},
		{"sheet semicolons", []string{"team", p("sheet-semicolon.csv")}, 2, `sheet-semicolon.csv:1: cells are separated by semicolons`, nil},
		{"sheet CR line ends", []string{"team", p("sheet-cr.csv")}, 2, `sheet-cr.csv:1: lines end with CR alone`, nil},
		{"sheet nobody", []string{"team", p("sheet-empty.csv")}, 2, `no one to review: every row and file was empty or skipped`, nil},
		{"sheet all skipped", []string{"team", p("sheet-role.csv"), p("sheet-date.csv"), "--skip-invalid"}, 2, `skipped: .*sheet-role.csv:2: column "current_role": "wizard" is not a role`, nil},
		{"sheet 1 MiB cell", []string{"team", p("sheet-big-cell.csv")}, 2, `sheet-big-cell.csv:2: column "data-fluency.1": "9{40}"… is not a score \(0–5 or na\)$`, nil},
		{"score in hex", []string{"assess", "--answers", p("answers-hex.yaml")}, 2, `answers-hex.yaml:3: question "data-fluency.1": "0x1p1" is not a score`, nil},
		{"score with underscore", []string{"team", p("answers-underscore.csv")}, 2, `answers-underscore.csv:2: column "data-fluency.1": "0_3" is not a score`, nil},
		{"score with a bare dot", []string{"team", p("answers-dot.csv")}, 2, `answers-dot.csv:2: column "data-fluency.1": "3." is not a score`, nil},
		{"binary text", []string{"assess", "--answers", p("answers-binary.yaml")}, 2, `answers-binary.yaml:2: person must be text`, nil},
		{"unknown certification held", []string{"assess", "--answers", p("answers-cert.yaml")}, 2, `answers-cert.yaml:2: certifications: "astrology" is not a certification of`, nil},
		{"evidence for an unknown skill", []string{"assess", "--answers", p("answers-evidence.yaml")}, 2, `answers-evidence.yaml:2: evidence for unknown skill "telepathy"`, nil},
		{"answers from a device", []string{"assess", "--answers", "/dev/zero"}, 1, `cannot read answers: read /dev/zero: not a regular file`, nil},
		{"rubric from a device", []string{"--rubric", "/dev/zero", "rubric", "roles"}, 1, `cannot read rubric: read /dev/zero: not a regular file`, nil},
		{"weight too large", []string{"rubric", "validate", p("rubric-weight.yaml")}, 2, `rubric-weight.yaml:4: skill "s" weight 100000000000000000 must be above 0 and at most 1000`, nil},
		{"weight not a number", []string{"rubric", "validate", p("rubric-nan.yaml")}, 2, `rubric-nan.yaml:4: skill "s" weight`, nil},
		{"requires nothing known", []string{"rubric", "validate", p("rubric-requires.yaml")}, 2, `rubric-requires.yaml:6: certification "k" requires names unknown certification "ghost"`, nil},
		{"next listed twice", []string{"rubric", "validate", p("rubric-next-twice.yaml")}, 2, `rubric-next-twice.yaml:5: role "r" next: "t" is listed twice`, nil},
		{"action level off the scale", []string{"rubric", "validate", p("rubric-action-level.yaml")}, 2, `rubric-action-level.yaml:4: skill "s" action 1: level 9 is outside the steps of the scale \(1–2\)`, nil},
		{"-o onto the input", []string{"assess", "--answers", p("ada.yaml"), "--format", "json", "-o", p("ada.yaml")}, 2, `-o .*ada.yaml is one of the command's inputs`, nil},
		{"two people compared", []string{"compare", p("ada.yaml"), p("grace.yaml")}, 2, `.*ada.yaml is of "Ada" and .*grace.yaml of "Grace": a comparison is of one person`, nil},
		{"name not UTF-8", []string{"assess", "--answers", p("ada.yaml"), "--name", "Jos\xe9"}, 2, `--name "Jos\\xe9" is not UTF-8 text`, nil},
	}
	round3Files(t, dir)
	cases = append(cases, round3Cases(dir)...)
	before := snapshot(t, dir)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // none writes: each checks that nothing changed
			stdout, stderr, code := runEnv(t, tc.env, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, cut(stderr))
			}
			if stdout != "" {
				t.Errorf("stdout not empty:\n%s", cut(stdout))
			}
			first, _, _ := strings.Cut(stderr, "\n")
			if len(first) > 1000 {
				t.Errorf("a line of %d bytes: a message is bounded", len(first))
			}
			if strings.Contains(stderr, "root:x:0:0") {
				t.Errorf("a file outside the store printed:\n%s", cut(stderr))
			}
			if !regexp.MustCompile(`^pmladder: (.*/)?` + tc.msg).MatchString(first) {
				t.Errorf("first line of stderr:\n  %s\nwant it to match:\n  pmladder: %s", cut(first), tc.msg)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") || strings.Contains(stderr, "internal error") {
				t.Errorf("a stack trace or an internal error:\n%s", stderr)
			}
			if regexp.MustCompile(`\.tmp-\d|pmladder-\d+\.out`).MatchString(stderr) {
				t.Errorf("a message names a temporary file:\n%s", stderr)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("the inputs changed or a file was left behind:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// cut is output as a failing test prints it: at most 600 bytes.
func cut(s string) string {
	if len(s) > 600 {
		return s[:600] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

// badCase is one bad input: the arguments (and environment) of a run, its exit status
// and what the first line of stderr says.
type badCase struct {
	name string
	args []string
	code int
	msg  string // a regexp the first line of stderr must match after "pmladder: "
	env  map[string]string
}

// runEnv is run with more environment variables.
func runEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	home := t.TempDir()
	all := map[string]string{"XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "HOME": home}
	maps.Copy(all, env)
	code := Run(args, streams, func(k string) string { return all[k] })
	return out.String(), errOut.String(), code
}

// snapshot describes everything under dir, names, kinds, link targets, sizes and times
// of the last change, to tell that a bad input changed nothing and left nothing behind.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(path)
			fmt.Fprintf(&b, "%s->%s ", rel, target)
		case e.Type().IsRegular():
			info, _ := e.Info() // a write changes the time of the last change, to the nanosecond
			fmt.Fprintf(&b, "%s:%v:%d:%d ", rel, info.Mode(), info.Size(), info.ModTime().UnixNano())
		default:
			fmt.Fprintf(&b, "%s:%v ", rel, e.Type())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
