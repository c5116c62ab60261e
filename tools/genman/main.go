// Command genman writes pmladder's man pages, one per command, with cobra's doc package:
// go run ./tools/genman -dir man (make man).
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
	"github.com/spf13/pflag"

	"github.com/pmladder/pmladder/cmd"
)

func main() {
	dir := flag.String("dir", "man", "write the pages into `DIR`")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
	if err := writePages(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "genman:", err)
		os.Exit(1)
	}
}

// writePages writes a page per command into dir.
func writePages(dir string) error {
	root := cmd.NewCmdRoot(cmd.NewFactory(cmd.SystemIO(), os.Getenv))
	root.DisableAutoGenTag = true // no date in the pages: the same source gives the same pages
	escapeForMan(root, map[*pflag.Flag]bool{})
	header := &doc.GenManHeader{Title: "PMLADDER", Section: "1", Source: "pmladder", Manual: "pmladder manual"}
	return doc.GenManTree(root, header, dir)
}

// markdownAngles escapes angle brackets: cobra's man pages read the help as Markdown, where
// <KEY> (PMLADDER_<KEY>, evidence:<skill-id>) is an HTML tag and would vanish.
var markdownAngles = strings.NewReplacer("<", `\<`, ">", `\>`)

// escapeForMan prepares the help texts of c and its commands for the man pages: the
// descriptions and the flags' usages (the examples are code blocks, printed as written).
// A flag shared by several commands is escaped once (done).
func escapeForMan(c *cobra.Command, done map[*pflag.Flag]bool) {
	c.Short = markdownAngles.Replace(c.Short)
	c.Long = markdownAngles.Replace(c.Long)
	for _, set := range []*pflag.FlagSet{c.LocalFlags(), c.PersistentFlags()} {
		set.VisitAll(func(fl *pflag.Flag) {
			if !done[fl] {
				done[fl] = true
				fl.Usage = markdownAngles.Replace(fl.Usage)
			}
		})
	}
	for _, sub := range c.Commands() {
		escapeForMan(sub, done)
	}
}
