package cmd

import (
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
		"sheet-column.csv":     "person,colour\nA,red\n",
		"sheet-short.csv":      "person,data-fluency.1\nA\n",
		"sheet-quote.csv":      "person,data-fluency.1\n\"A,3\n",
		"sheet-role.csv":       "person,current_role\nA,wizard\n",
		"sheet-date.csv":       "person,date\nA,yesterday\n",
		"config-bad.yaml":      "colour: red\n",
		"config-value.yaml":    "accessible: perhaps\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	cases := []struct {
		name string
		args []string
		code int
		msg  string // a regexp the first line of stderr must match after "pmladder: "
	}{
		{"rubric unknown key", []string{"rubric", "validate", p("rubric-unknown-key.yaml")}, 2, `rubric-unknown-key.yaml:4: unknown key "extra" in the rubric`},
		{"rubric bad scale", []string{"rubric", "validate", p("rubric-bad-scale.yaml")}, 2, `rubric-bad-scale.yaml:3: scale max 1 must be above min 3`},
		{"rubric dangling next", []string{"rubric", "validate", p("rubric-dangling.yaml")}, 2, `rubric-dangling.yaml:5: role "r" next names unknown role "nobody"`},
		{"rubric skill without question", []string{"rubric", "validate", p("rubric-no-question.yaml")}, 2, `rubric-no-question.yaml:4: skill "s" has no questions`},
		{"rubric empty", []string{"rubric", "validate", p("empty.yaml")}, 2, `empty.yaml:1: empty file: want a rubric`},
		{"rubric binary", []string{"rubric", "validate", p("garbage.bin")}, 2, `garbage.bin:1: `},
		{"rubric not yaml", []string{"rubric", "validate", p("not-yaml.yaml")}, 2, `not-yaml.yaml:2: not valid YAML: `},
		{"rubric missing file", []string{"rubric", "validate", p("nope.yaml")}, 1, `cannot read rubric: open .*nope.yaml: no such file or directory`},
		{"--rubric invalid", []string{"--rubric", p("rubric-bad-scale.yaml"), "rubric", "show"}, 2, `rubric-bad-scale.yaml:3: scale max 1`},
		{"answers off the scale", []string{"assess", "--answers", p("answers-score.yaml")}, 2, `answers-score.yaml:3: question "data-fluency.1": score 6 is outside the scale 0–5`},
		{"answers not a whole number", []string{"assess", "--answers", p("answers-float.yaml")}, 2, `answers-float.yaml:3: question "data-fluency.1": "2.5" is not a score \(0–5 or na\)`},
		{"answers unknown question", []string{"report", p("answers-unknown.yaml")}, 2, `answers-unknown.yaml:3: unknown question "telepathy.1"`},
		{"answers unknown role", []string{"assess", "--answers", p("answers-role.yaml")}, 2, `answers-role.yaml:2: target_role "astronaut" is not a role`},
		{"answers unknown track", []string{"assess", "--answers", p("answers-track.yaml")}, 2, `answers-track.yaml:2: track "sideways" is not a track`},
		{"answers unknown assessor", []string{"assess", "--answers", p("answers-who.yaml")}, 2, `answers-who.yaml:2: assessor "boss" is not self, manager or peer`},
		{"answers bad date", []string{"assess", "--answers", p("answers-date.yaml")}, 2, `answers-date.yaml:2: date "soon" is not a date`},
		{"answers wrong format", []string{"assess", "--answers", p("answers-format.yaml")}, 2, `answers-format.yaml:1: format "something-else/v9" is not pmladder-answers/v1`},
		{"answers a list", []string{"assess", "--answers", p("answers-list.yaml")}, 2, `answers-list.yaml:1: want answers \(pmladder-answers/v1\) \(a mapping of keys to values\), found a list`},
		{"answers empty", []string{"compare", p("empty.yaml"), p("empty.yaml")}, 2, `empty.yaml:1: empty file: want answers`},
		{"answers binary", []string{"assess", "--answers", p("garbage.bin")}, 2, `garbage.bin:1: `},
		{"answers missing", []string{"assess", "--answers", p("nope.yaml")}, 1, `cannot read answers: open .*nope.yaml: no such file or directory`},
		{"sheet bad cell", []string{"team", p("sheet-cell.csv")}, 2, `sheet-cell.csv:4: column "data-fluency.2": "seven" is not a score \(0–5 or na\)`},
		{"sheet unknown column", []string{"team", p("sheet-column.csv")}, 2, `sheet-column.csv:1: unknown column "colour"`},
		{"sheet short row", []string{"team", p("sheet-short.csv")}, 2, `sheet-short.csv:2: row has 1 cells, the header has 2`},
		{"sheet broken quote", []string{"team", p("sheet-quote.csv")}, 2, `sheet-quote.csv:2: not valid CSV: `},
		{"sheet unknown role", []string{"team", p("sheet-role.csv")}, 2, `sheet-role.csv:2: column "current_role": "wizard" is not a role`},
		{"sheet bad date", []string{"team", p("sheet-date.csv")}, 2, `sheet-date.csv:2: column "date": "yesterday" is not a date`},
		{"sheet empty", []string{"team", p("empty.yaml")}, 2, `empty.yaml:1: empty file: want answers`},
		{"team missing path", []string{"team", p("nope.csv")}, 1, `cannot read .*nope.csv: no such file or directory`},
		{"config unknown key", []string{"--config", p("config-bad.yaml"), "rubric", "roles"}, 2, `config-bad.yaml:1: unknown key "colour" in the config file`},
		{"config bad value", []string{"--config", p("config-value.yaml"), "rubric", "roles"}, 2, `config-value.yaml:1: accessible must be true or false, found "perhaps"`},
		{"config missing", []string{"--config", p("nope.yaml"), "rubric", "roles"}, 1, `cannot read config: open .*nope.yaml: no such file or directory`},
		{"unknown command", []string{"asses"}, 2, `unknown command "asses" for "pmladder" \(did you mean assess\?\)`},
		{"unknown flag", []string{"assess", "--tagret", "pm"}, 2, `unknown flag: --tagret`},
		{"bad flag value", []string{"assess", "--certs", "many"}, 2, `invalid argument "many" for "--certs" flag`},
		{"unknown role flag", []string{"team", p("sheet-cell.csv"), "--target", "astronaut"}, 2, `--target "astronaut" is not a role`},
		{"unknown track flag", []string{"assess", "--answers", p("answers-score.yaml"), "--track", "x"}, 2, `--track "x" is not a track`},
		{"unknown format", []string{"report", "--format", "pdf"}, 2, `unknown format "pdf": want table, markdown, csv, json, html`},
		{"excel without csv", []string{"team", p("sheet-cell.csv"), "--excel"}, 2, `--excel applies to --format csv`},
		{"unknown role to show", []string{"rubric", "show", "--role", "astronaut"}, 2, `unknown role "astronaut"`},
		{"too many arguments", []string{"compare", "a", "b", "c"}, 2, `accepts 2 arg\(s\), received 3`},
		{"no arguments", []string{"team"}, 2, `requires at least 1 arg\(s\), only received 0`},
		{"contradicting flags", []string{"assess", "--answers", p("answers-score.yaml"), "--save", "--no-save"}, 2, `--save and --no-save contradict each other`},
		{"bad assessor flag", []string{"template", "--assessor", "boss"}, 2, `--assessor "boss": want self, manager or peer`},
		{"nothing to resume", []string{"assess", "--resume"}, 1, `no unfinished interview in `},
		{"nothing saved", []string{"report"}, 1, `no saved assessment in `},
		{"init over a file", []string{"rubric", "init", p("good-rubric.yaml")}, 1, `good-rubric.yaml already exists; use --force to overwrite it`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := run(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout not empty:\n%s", stdout)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			if !regexp.MustCompile(`^pmladder: (.*/)?` + tc.msg).MatchString(first) {
				t.Errorf("first line of stderr:\n  %s\nwant it to match:\n  pmladder: %s", first, tc.msg)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("a stack trace:\n%s", stderr)
			}
		})
	}
}
