// Command pmladder is a career self-assessment for product managers; see the cmd package.
package main

import (
	"os"
	// The zone database inside the binary, so that TZ=Europe/Berlin works where the system
	// has none (Windows, minimal containers); history shows dates in the reader's zone.
	_ "time/tzdata"

	"github.com/pmladder/pmladder/cmd"
)

func main() { os.Exit(cmd.Execute()) }
