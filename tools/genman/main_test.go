package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The man pages keep what the help shows in angle brackets (PMLADDER_<KEY>), which
// Markdown would take for a tag and drop.
func TestManPagesKeepAngleBrackets(t *testing.T) {
	dir := t.TempDir()
	if err := writePages(dir); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, "pmladder.1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "PMLADDER_<KEY>") {
		t.Errorf("pmladder.1 lost <KEY>:\n%s", page)
	}
	if strings.Contains(string(page), `\<`) {
		t.Errorf("an escape shows in the page")
	}
}
