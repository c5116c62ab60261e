package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
)

// A report written to a terminal that is taller than the terminal is shown through a
// pager, as gh and git do: the pager setting (PMLADDER_PAGER, pager in the config), else
// PAGER, else less; "cat" or --no-pager turns it off. Output to a pipe or a file is never
// paged. less runs with LESS=FRX unless LESS is set: it quits at once when the report
// fits after all, keeps colours, and leaves the report on the screen when it ends.

// pagerCommand resolves the pager for a terminal: the setting, else PAGER, else less
// when it is installed; "" for none.
func (f *Factory) pagerCommand(setting string, off bool) (string, []string) {
	if off || !f.IO.OutTTY {
		return "", nil
	}
	pager := setting
	if pager == "" {
		pager = f.Getenv("PAGER")
	}
	if pager == "" {
		if _, err := exec.LookPath("less"); err != nil {
			return "", nil
		}
		pager = "less"
	}
	if strings.TrimSpace(pager) == "cat" {
		return "", nil
	}
	env := os.Environ()
	if f.Getenv("LESS") == "" {
		env = append(env, "LESS=FRX")
	}
	if f.Getenv("LESSCHARSET") == "" {
		env = append(env, "LESSCHARSET=utf-8") // what pmladder writes, whatever the locale says
	}
	if f.Getenv("LV") == "" {
		env = append(env, "LV=-c")
	}
	return pager, env
}

// taller reports whether r holds more lines than fit the terminal (less one for the
// shell's prompt after it); it reads at most that many.
func taller(r io.Reader, height int) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 0; sc.Scan(); n++ {
		if n >= height-1 {
			return true
		}
	}
	return false
}

// page shows what data holds through the pager when it is taller than the terminal, else
// writes it to stdout. While the pager runs, Ctrl-C is its own (less uses it to stop a
// search): pmladder waits for it instead of ending under it.
func page(streams *IOStreams, data io.ReadSeeker) error {
	if streams.Pager == "" || streams.Height <= 0 || !taller(data, streams.Height) {
		if _, err := data.Seek(0, io.SeekStart); err != nil {
			return err
		}
		_, err := io.Copy(streams.Out, data)
		return err
	}
	if _, err := data.Seek(0, io.SeekStart); err != nil {
		return err
	}
	out := streams.Out
	if w, ok := out.(interface{ terminal() io.Writer }); ok {
		out = w.terminal() // the terminal under a progress bar's writer: less draws on it
	}
	cmd := exec.Command("sh", "-c", streams.Pager)
	cmd.Stdin, cmd.Stdout, cmd.Stderr, cmd.Env = data, out, streams.ErrOut, streams.PagerEnv
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	var exit *exec.ExitError
	if err := cmd.Run(); err != nil && !errors.As(err, &exit) {
		return err // it did not start; its own exit status (quit early, or failed and said why) is its own
	}
	return nil
}

// pageBytes is page for a report rendered in memory.
func pageBytes(streams *IOStreams, b []byte) error { return page(streams, bytes.NewReader(b)) }
