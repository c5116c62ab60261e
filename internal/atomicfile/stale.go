package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// StaleAge is how old a temporary file must be to be left over whoever wrote it: writing
// one of a program's own small files takes milliseconds, so one a minute old was left by a
// writer that was killed (kill -9, a power cut) before it could remove it.
const StaleAge = time.Minute

// deadGrace is how old a temporary file whose writer has ended must be before it is
// removed: a moment, so that a writer on another machine sharing the folder, whose
// process id means nothing here, has finished.
const deadGrace = 5 * time.Second

// RemoveStale removes from dir the temporary files that killed writers left behind: those
// older than StaleAge, and those whose writer (the process id in the name) has ended. A
// temporary file being written by a running process is left alone, as is anything that is
// not a regular file named as Create names them. It returns the names removed; a folder
// that does not exist has none.
func RemoveStale(dir string, now time.Time) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return removeStale(dir, entries, "", now), nil
}

// removeStaleOf removes the temporary files of the target named base in dir that killed
// writers left (as RemoveStale does, only those of this one target): writing a file
// where a run killed while writing it left its temporary file (an -o FILE beside the
// user's files, where no store tidies) removes that file.
func removeStaleOf(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	removeStale(dir, entries, tempPrefix(base), now)
}

// removeStale removes the stale temporary files among entries whose names start with
// prefix, and returns their names.
func removeStale(dir string, entries []fs.DirEntry, prefix string, now time.Time) []string {
	var removed []string
	for _, e := range entries {
		pid, ok := tempName(e.Name())
		if !ok || !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // gone already: its writer renamed or removed it
		}
		age := now.Sub(fi.ModTime())
		if age < StaleAge && (pid <= 0 || age < deadGrace || processAlive(pid)) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// tempName reports whether name is a temporary file of Create's (.NAME.tmp-PID-RANDOM, or
// .NAME.tmp-RANDOM from before the process id was added, whose pid is 0).
func tempName(name string) (pid int, ok bool) {
	i := strings.LastIndex(name, ".tmp-")
	if !strings.HasPrefix(name, ".") || i < 2 {
		return 0, false
	}
	parts := strings.Split(name[i+len(".tmp-"):], "-")
	for _, p := range parts {
		if _, err := strconv.ParseUint(p, 10, 64); err != nil {
			return 0, false
		}
	}
	switch len(parts) {
	case 1:
		return 0, true
	case 2:
		pid, _ := strconv.Atoi(parts[0])
		return pid, true
	}
	return 0, false
}

// TempPattern is a pattern for os.CreateTemp or os.MkdirTemp in a folder others share
// ($TMPDIR): prefix, this process's id, a dash, the random part, suffix; so that
// RemoveStaleTemp can tell what a killed run left there from what a running one writes.
func TempPattern(prefix, suffix string) string {
	return prefix + strconv.Itoa(os.Getpid()) + "-*" + suffix
}

// RemoveStaleTemp removes from dir what killed runs left there as TempPattern(prefix,
// suffix) names it (prefix, a process id, a dash, digits, suffix; nothing else): a file or
// a folder (with what it holds) whose process has ended, a few seconds old. What a running
// process writes is left to it; anything else, and a link, is not touched. It returns the
// names removed.
func RemoveStaleTemp(dir, prefix, suffix string, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		rest, ok2 := strings.CutSuffix(rest, suffix)
		id, random, dash := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(id)
		if !ok || !ok2 || !dash || err != nil || pid <= 0 || !digits(random) || (!e.Type().IsRegular() && !e.IsDir()) {
			continue
		}
		fi, err := e.Info()
		if err != nil || now.Sub(fi.ModTime()) < deadGrace || processAlive(pid) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
