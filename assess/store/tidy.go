package store

import (
	"time"

	"github.com/pmladder/pmladder/internal/atomicfile"
)

// open tidies the store the first time a run uses it: the temporary files a killed run
// left in its folders (atomicfile.RemoveStale: a minute old, or left by a process that has
// ended; a run writing beside this one keeps its own), and the lock files of drafts that
// are gone. Nothing else is touched, and a folder that is a link is not entered.
func (s *Store) open() {
	s.tidy.Do(func() {
		now := time.Now()
		for _, dir := range []string{s.Assessments(), s.Drafts(), s.Plans()} {
			if ownFolder(dir) != nil {
				continue
			}
			atomicfile.RemoveStale(dir, now)
		}
		if ownFolder(s.Drafts()) == nil {
			removeStaleLocks(s.Drafts(), now)
		}
	})
}
