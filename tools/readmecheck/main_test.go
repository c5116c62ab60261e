package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestExtract: the commands of ```sh blocks in order, with their line; comment lines,
// blank lines, other blocks and the skipped sections left out; interactive lines marked;
// a line ending in \ joined with the next.
func TestExtract(t *testing.T) {
	readme := "# tool\n\n## Quick start (fresh machine)\n\n```sh\nmake run\n```\n\n## Workflows\n\n" +
		"```sh\npmladder assess          # interactive: the interview\n# a comment\n\npmladder report   # the report\n" +
		"pmladder team a.csv \\\n  --format csv\n```\n\n```yaml\nname: Ada\n```\n\n" +
		"## Shell completion\n\n```sh\npmladder completion bash > /etc/x\n```\n\n## More\n\n```sh\npmladder history\n```\n"
	var got []string
	for _, c := range extract(readme) {
		got = append(got, strings.Join([]string{strconv.Itoa(c.line), c.text, map[bool]string{true: "interactive"}[c.interactive]}, "|"))
	}
	want := []string{
		"12|pmladder assess          # interactive: the interview|interactive",
		"15|pmladder report   # the report|",
		"16|pmladder team a.csv  --format csv|",
		"33|pmladder history|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestREADMEHasExamples: the README's examples are found, and every interview line is
// marked interactive (an unmarked one would wait for input that never comes).
func TestREADMEHasExamples(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	cmds := extract(string(data))
	if len(cmds) < 40 {
		t.Fatalf("%d example commands in the README", len(cmds))
	}
	for _, c := range cmds {
		f := strings.Fields(c.text)
		if len(f) >= 2 && f[0] == "pmladder" && f[1] == "assess" && !strings.Contains(c.text, "--answers") && !c.interactive {
			t.Errorf("README.md:%d: an interview not marked %q: %s", c.line, interactiveMark, c.text)
		}
	}
}
