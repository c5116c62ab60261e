// Command readmecheck runs the README's example commands in order, as a newcomer pastes
// them on a fresh clone, and prints "N run, M not run (interactive), K fail". `make
// readme-check` runs it with the pmladder it has just built.
//
// What it runs (the README's conventions; README.md says so in a comment at its top):
//   - Every line of a ```sh block is a command, run by bash with pipefail (so
//     `pmladder … | jq` fails when pmladder does); a line ending in `\` goes on with the
//     next; blank lines and lines that are only a comment are skipped.
//   - A line whose comment begins with "# interactive" waits for someone at the keyboard
//     (the interview): it is not run. In place of the interviews, before the first command,
//     the answers shipped in examples/ are saved to the history as they would have left it
//     (Ada Lovelace's two self-assessments and her manager's), so the lines after them
//     (report, history, compare latest, plan) find what they need.
//   - The sections "Quick start" and "Shell completion" are not run: the check builds
//     pmladder and puts it on the PATH itself (`make run` is the interview, `make test` is
//     CI's), and completion scripts go into system folders and other shells.
//
// Each command runs in one temporary folder holding a copy of examples/ (as a clone has
// it), with stdin empty, a fresh HOME, XDG_DATA_HOME and XDG_CONFIG_HOME inside it, no
// PMLADDER_* setting from the caller, NO_COLOR, and the folder of the given binary first
// on the PATH. A command fails when it exits non-zero or runs past a minute.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// skippedSections are the README's sections whose commands are not run (see above).
var skippedSections = []string{"Quick start", "Shell completion"}

// interactiveMark begins the comment of a line that waits for someone at the keyboard.
const interactiveMark = "# interactive"

// seed is what the interviews the README asks for would have saved: the shipped answers,
// saved to the history before the first command.
var seed = []string{
	"pmladder assess --answers examples/ada-self-2026-08.yaml --save",
	"pmladder assess --answers examples/ada-self.yaml --save",
	"pmladder assess --answers examples/ada-manager.yaml --save",
}

// command is one example command and where it stands in the README.
type command struct {
	line        int
	text        string
	interactive bool
}

func main() {
	bin := flag.String("bin", "bin/pmladder", "the pmladder binary to put on the PATH")
	examples := flag.String("examples", "examples", "the folder of example files to copy beside the commands")
	verbose := flag.Bool("v", false, "print each command as it runs")
	flag.Parse()
	readme := "README.md"
	if flag.NArg() > 0 {
		readme = flag.Arg(0)
	}
	if err := run(readme, *bin, *examples, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "readmecheck:", err)
		os.Exit(1)
	}
}

func run(readme, bin, examples string, verbose bool) error {
	data, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	cmds := extract(string(data))
	if len(cmds) == 0 {
		return fmt.Errorf("%s: no example commands (```sh blocks)", readme)
	}
	bin, err = filepath.Abs(bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("the pmladder binary: %w (make build)", err)
	}
	dir, err := os.MkdirTemp("", "readmecheck-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	work := filepath.Join(dir, "clone")
	if err := copyDir(examples, filepath.Join(work, "examples")); err != nil {
		return err
	}
	binDir := filepath.Join(dir, "bin")
	if err := os.MkdirAll(binDir, 0o755); err != nil {
		return err
	}
	if err := os.Symlink(bin, filepath.Join(binDir, "pmladder")); err != nil {
		return err
	}
	env := environment(filepath.Join(dir, "home"), binDir)
	for _, s := range seed {
		if out, err := runLine(work, env, s); err != nil {
			return fmt.Errorf("saving the shipped answers (%s): %v\n%s", s, err, out)
		}
	}
	ran, notRun, failed := 0, 0, 0
	for _, c := range cmds {
		if c.interactive {
			notRun++
			if verbose {
				fmt.Printf("%s:%d: not run (interactive): %s\n", readme, c.line, c.text)
			}
			continue
		}
		ran++
		start := time.Now()
		out, err := runLine(work, env, c.text)
		if verbose {
			fmt.Printf("%s:%d: %s (%.2f s)\n", readme, c.line, c.text, time.Since(start).Seconds())
		}
		if err != nil {
			failed++
			fmt.Printf("%s:%d: FAIL (%v): %s\n%s", readme, c.line, err, c.text, indent(tail(out, 12)))
		}
	}
	fmt.Printf("%d run, %d not run (interactive), %d fail\n", ran, notRun, failed)
	if failed > 0 {
		return fmt.Errorf("%d of the README's example commands failed", failed)
	}
	return nil
}

// extract returns the commands of the README's ```sh blocks, outside the skipped sections.
func extract(readme string) []command {
	var out []command
	inBlock, skip := false, false
	var pending strings.Builder
	pendingLine := 0
	sc := bufio.NewScanner(strings.NewReader(readme))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case !inBlock && strings.HasPrefix(line, "#"):
			heading := strings.TrimSpace(strings.TrimLeft(line, "#"))
			skip = false
			for _, s := range skippedSections {
				if strings.HasPrefix(heading, s) {
					skip = true
				}
			}
			continue
		case !inBlock && trimmed == "```sh":
			inBlock = true
			continue
		case inBlock && strings.HasPrefix(trimmed, "```"):
			inBlock = false
			continue
		case !inBlock || skip:
			continue
		}
		if pending.Len() == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "#")) {
			continue
		}
		if pending.Len() == 0 {
			pendingLine = n
		}
		if strings.HasSuffix(trimmed, `\`) {
			pending.WriteString(strings.TrimSuffix(trimmed, `\`) + " ")
			continue
		}
		pending.WriteString(trimmed)
		text := pending.String()
		pending.Reset()
		out = append(out, command{line: pendingLine, text: text, interactive: isInteractive(text)})
	}
	return out
}

// isInteractive reports whether a command's trailing comment begins with the mark.
func isInteractive(text string) bool {
	i := strings.Index(text, " #")
	return i >= 0 && strings.HasPrefix(strings.TrimSpace(text[i:]), interactiveMark)
}

// environment is the caller's environment without any pmladder setting, with a fresh
// home and the binary's folder first on the PATH.
func environment(home, binDir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "PMLADDER_"), k == "HOME", k == "PATH", k == "NO_COLOR",
			strings.HasPrefix(k, "XDG_"):
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "NO_COLOR=1",
		"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// runLine runs one command line with bash, stdin empty; it returns stdout and stderr.
func runLine(dir string, env []string, line string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-o", "pipefail", "-c", line)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		return out.Bytes(), errors.New("ran past a minute")
	}
	return out.Bytes(), err
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

func tail(b []byte, lines int) string {
	all := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}

func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ") + "\n"
}
