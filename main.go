// Command pmladder is a career self-assessment for product managers; see the cmd package.
package main

import (
	"os"

	"github.com/pmladder/pmladder/cmd"
)

func main() { os.Exit(cmd.Execute()) }
