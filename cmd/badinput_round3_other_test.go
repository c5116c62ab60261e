//go:build !unix

package cmd

import "testing"

// The third round's cases need links, /dev/full and /etc/passwd: Unix only.
func round3Files(t *testing.T, dir string) {}

func round3Cases(dir string) []badCase { return nil }
