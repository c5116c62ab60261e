package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/atomicfile"
	"github.com/pmladder/pmladder/rubric"
)

// A draft is locked while an interview holds it, so that two runs never continue the
// same draft at once (one would remove it while the other still writes it). The lock is
// drafts/.<draft>.lock, made 0600 and never through a link, holding the process id, the
// machine and the time. On Unix it is also held with flock(2), which the system lets go
// when the process ends however it ends (kill -9 included): a lock file left behind by a
// killed run is then recovered at once, with a warning. Where flock is missing the
// process id decides: a process that is no longer running holds nothing.

// DraftLock is an interview's hold on its draft. Release lets go of it.
type DraftLock struct {
	path string
	f    *os.File
	once sync.Once
}

// Holder is who holds, or held, a draft's lock.
type Holder struct {
	PID   int
	Host  string
	Since time.Time
}

// String says who: "process 4242 on build-7 (since 2026-11-22 10:04:05)".
func (h Holder) String() string {
	if h.PID == 0 {
		return "a process that did not say which"
	}
	s := "process " + strconv.Itoa(h.PID)
	if !h.local() {
		s += " on " + Shown(h.Host)
	}
	if !h.Since.IsZero() {
		s += " (since " + h.Since.Local().Format("2006-01-02 15:04:05") + ")"
	}
	return s
}

// local reports whether the holder ran on this machine (or did not say where).
func (h Holder) local() bool {
	host, _ := os.Hostname()
	return h.Host == "" || h.Host == host
}

// LockedError refuses a draft another running interview holds.
type LockedError struct {
	Draft  string
	Holder Holder
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is being continued by another pmladder, %s: finish or stop that interview first",
		ShownPath(e.Draft), e.Holder)
}

// lockPath is the lock file of a draft.
func lockPath(draft string) string {
	dir, base := filepath.Split(draft)
	return filepath.Join(dir, "."+base+".lock")
}

// LockDraft locks the draft at path for this process's interview: a *LockedError when a
// running interview holds it. stale, when not nil, is the holder of a lock left by a run
// that ended without letting go (killed), which this one took over.
func (s *Store) LockDraft(path string) (l *DraftLock, stale *Holder, err error) {
	s.open()
	if err := ownFolder(filepath.Dir(path)); err != nil {
		return nil, nil, err
	}
	lp := lockPath(path)
	f, old, err := acquire(lp)
	var locked *LockedError
	if errors.As(err, &locked) {
		locked.Draft = path
		return nil, nil, locked
	}
	if err != nil {
		return nil, nil, err
	}
	host, _ := os.Hostname()
	content := fmt.Sprintf("# pmladder: an interview holds this draft\npid: %d\nhost: %s\nsince: %s\n",
		os.Getpid(), host, time.Now().UTC().Format(time.RFC3339))
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(content), 0)
	}
	if old.PID != 0 {
		stale = &old
	}
	return &DraftLock{path: lp, f: f}, stale, nil
}

// Release lets go of the draft: the lock file is removed. Safe to call twice, and on nil.
func (l *DraftLock) Release() {
	if l == nil {
		return
	}
	l.once.Do(func() {
		os.Remove(l.path) // before closing: a run waiting on this file finds it gone and starts again
		l.f.Close()
	})
}

// readHolder reads who a lock file names.
func readHolder(data []byte) Holder {
	var h Holder
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "pid":
			h.PID, _ = strconv.Atoi(val)
		case "host":
			h.Host = val
		case "since":
			h.Since, _ = time.Parse(time.RFC3339, val)
		}
	}
	return h
}

// readLock reads a lock file already open, at most a few KiB.
func readLock(f *os.File) Holder {
	buf := make([]byte, 4096)
	n, _ := f.ReadAt(buf, 0)
	return readHolder(buf[:n])
}

// NewDraft writes the first draft of an interview under a new name (-2, -3… when one is
// taken) and locks it before anyone else can see it, so that no --resume elsewhere takes
// it up while this interview runs. Later saves go through SaveDraft.
func (s *Store) NewDraft(a *assess.Answers, r *rubric.Rubric, now time.Time) (string, *DraftLock, error) {
	if err := s.ensure(s.Drafts()); err != nil {
		return "", nil, err
	}
	data := input.MarshalYAML(a, r)
	name := NewName(a, now)
	base := strings.TrimSuffix(name, ".yaml")
	for n := 2; ; n++ {
		path := filepath.Join(s.Drafts(), name)
		name = fmt.Sprintf("%s-%d.yaml", base, n)
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		l, _, err := s.LockDraft(path)
		var locked *LockedError
		if errors.As(err, &locked) {
			continue // another interview is making a draft of that name
		}
		if err != nil {
			return "", nil, err
		}
		err = atomicfile.WriteFile(path, data, 0o600, atomicfile.Options{NoClobber: true, NoFollow: true})
		if errors.Is(err, atomicfile.ErrExists) {
			l.Release()
			continue
		}
		if err != nil {
			l.Release()
			return "", nil, err
		}
		return path, l, nil
	}
}

// removeStaleLocks removes the lock files of drafts that are gone and that no running
// interview holds.
func removeStaleLocks(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".yaml.lock") || !e.Type().IsRegular() {
			continue
		}
		draft := filepath.Join(dir, strings.TrimSuffix(strings.TrimPrefix(name, "."), ".lock"))
		if _, err := os.Lstat(draft); !errors.Is(err, fs.ErrNotExist) {
			continue // its draft is there: --resume recovers it, saying so
		}
		if fi, err := e.Info(); err != nil || now.Sub(fi.ModTime()) < atomicfile.StaleAge {
			continue
		}
		if f, _, err := acquire(filepath.Join(dir, name)); err == nil {
			(&DraftLock{path: filepath.Join(dir, name), f: f}).Release()
		}
	}
}
