// Command genman writes pmladder's man pages, one per command, with cobra's doc package:
// go run ./tools/genman -dir man (make man).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/spf13/cobra/doc"

	"github.com/pmladder/pmladder/cmd"
)

func main() {
	dir := flag.String("dir", "man", "write the pages into `DIR`")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
	root := cmd.NewCmdRoot(cmd.NewFactory(cmd.SystemIO(), os.Getenv))
	root.DisableAutoGenTag = true // no date in the pages: the same source gives the same pages
	header := &doc.GenManHeader{Title: "PMLADDER", Section: "1", Source: "pmladder", Manual: "pmladder manual"}
	if err := doc.GenManTree(root, header, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
}
