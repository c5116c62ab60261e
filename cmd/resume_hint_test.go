package cmd

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/internal/printable"
)

// The hints to resume name pmladder as the user ran it, so that they can be pasted.
func TestResumeHintAsInvoked(t *testing.T) {
	for argv0, want := range map[string]string{
		"pmladder":                            "pmladder",
		"./bin/pmladder":                      "./bin/pmladder",
		"bin/pmladder":                        "bin/pmladder",
		"/opt/my tools/pmladder":              `"/opt/my tools/pmladder"`,
		"/tmp/go-build1234/b001/exe/pmladder": "pmladder",
	} {
		if got := invokedAs(argv0); got != want {
			t.Errorf("invokedAs(%q) = %q, want %q", argv0, got, want)
		}
	}
	home := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "HOME": home, "PMLADDER_EVIDENCE": "false"}
	pause := func(name string) string {
		var out, errOut bytes.Buffer
		streams := &IOStreams{In: strings.NewReader("3\n"), Out: &out, ErrOut: &errOut}
		if code := runAs("./bin/pmladder", []string{"assess", "--name", name, "--current", "pm", "--track", "ic", "--target", "senior-pm", "--quick"},
			streams, func(k string) string { return env[k] }); code != ExitInterrupted {
			t.Fatalf("status %d: %s", code, errOut.String())
		}
		return errOut.String()
	}
	if got := pause("Ada"); !strings.Contains(got, "'./bin/pmladder assess --resume' continues") ||
		!strings.HasSuffix(got, "\npmladder: continue with: ./bin/pmladder assess --resume\n") {
		t.Errorf("one draft:\n%s", got)
	}
	if got := pause("Grace O'Neil"); !strings.HasSuffix(got, "\npmladder: continue with: ./bin/pmladder assess --resume --name \"Grace O'Neil\"\n") {
		t.Errorf("a second draft:\n%s", got)
	}
	for in, want := range map[string]string{"Ada": "Ada", "Ada Lovelace": `"Ada Lovelace"`, `say "hi"`: `'say "hi"'`, "it's $x": `'it'\''s $x'`} {
		if got := printable.ShellWord(in); got != want {
			t.Errorf("printable.ShellWord(%q) = %s, want %s", in, got, want)
		}
	}
}
