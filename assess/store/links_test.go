//go:build unix

package store

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/rubric"
)

// secret is what the file outside the store holds: no error may print it.
const secret = "root:x:0:0:the secret outside the store\n"

// outside makes a file outside the store that a link in the store will name, 0640 so
// that a change to 0600 shows.
func outside(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(p, []byte(secret), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, 0o640)
	return p
}

// untouched checks that the file outside still holds what it held, with its mode.
func untouched(t *testing.T, p string) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil || string(data) != secret {
		t.Errorf("the file outside the store changed: %q %v", data, err)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("the file outside the store changed mode: %v %v", fi.Mode(), err)
	}
}

// unsafeAt checks that err refuses path as a link (or a FIFO), naming it on one line and
// printing nothing of what the link names.
func unsafeAt(t *testing.T, err error, path, kind string) {
	t.Helper()
	var unsafe *UnsafeFileError
	if !errors.As(err, &unsafe) || unsafe.Path != path {
		t.Fatalf("error %v, want an *UnsafeFileError naming %s", err, path)
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, kind) || strings.Contains(msg, "secret") || strings.Contains(msg, "\n") {
		t.Errorf("message %q: want one line naming %s as %s and nothing of its content", msg, path, kind)
	}
}

func answers(r *rubric.Rubric, person string) *assess.Answers {
	a := assess.NewAnswers(r)
	a.Person = person
	a.Set("s1.1", assess.Answer{Score: 2})
	return a
}

func plan(person string) *assess.Plan {
	return &assess.Plan{Person: person, Created: day("2026-12-01"), Assessor: assess.Self,
		Goals: []assess.Goal{{Skill: "s1", Target: 3, Due: day("2027-03-01")}}}
}

// within runs f and fails the test if it has not returned in 10 seconds: a FIFO must
// never make the store wait.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: still waiting after 10 seconds (on a FIFO?)", what)
	}
}

// TestStoreNeverFollowsALink: a plan, a draft, an assessment or the old plan kept aside,
// each a symbolic link to a file outside the store, is never read, written through or
// copied: the file outside keeps its content and mode, and the error names the link.
func TestStoreNeverFollowsALink(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	now := time.Date(2026, 11, 22, 10, 4, 5, 0, time.UTC)

	t.Run("plan", func(t *testing.T) {
		s, target := &Store{Dir: t.TempDir()}, outside(t)
		os.MkdirAll(s.Plans(), 0o700)
		link := s.PlanPath("Ada")
		os.Symlink(target, link)
		_, _, err := s.LoadPlan("Ada", r)
		unsafeAt(t, err, link, "a symbolic link")
		_, _, err = s.SavePlan(plan("Ada"), nil) // plan new --force
		unsafeAt(t, err, link, "a symbolic link")
		untouched(t, target)
		if entries, _ := os.ReadDir(s.Plans()); len(entries) != 1 {
			t.Errorf("the plans folder holds %d files, want the link alone (nothing copied from it)", len(entries))
		}
	})

	t.Run("old plan kept", func(t *testing.T) {
		s, target := &Store{Dir: t.TempDir()}, outside(t)
		if _, _, err := s.SavePlan(plan("Ada"), nil); err != nil {
			t.Fatal(err)
		}
		keep := filepath.Join(s.Plans(), "ada.2026-12-01.yaml")
		os.Symlink(target, keep)
		_, kept, err := s.SavePlan(plan("Ada"), plan("Ada"))
		if err != nil || kept != filepath.Join(s.Plans(), "ada.2026-12-01-2.yaml") {
			t.Fatalf("kept %s, %v: want the old plan kept beside the link, as -2", kept, err)
		}
		untouched(t, target)
		if fi, err := os.Lstat(keep); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced: %v %v", fi, err)
		}
	})

	t.Run("draft", func(t *testing.T) {
		s, target := &Store{Dir: t.TempDir()}, outside(t)
		path, err := s.SaveDraft("", answers(r, "Ada"), r, now)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(path)
		os.Symlink(target, path)
		_, err = s.DraftOf("Ada") // assess --resume
		unsafeAt(t, err, path, "a symbolic link")
		_, _, err = s.Load(path, r)
		unsafeAt(t, err, path, "a symbolic link")
		_, err = s.SaveDraft(path, answers(r, "Ada"), r, now) // the checkpoint of a resumed interview
		unsafeAt(t, err, path, "a symbolic link")
		_, _, err = s.LockDraft(path)
		if err != nil {
			t.Errorf("locking beside a link: %v", err)
		}
		untouched(t, target)
	})

	t.Run("assessment", func(t *testing.T) {
		s, target := &Store{Dir: t.TempDir()}, outside(t)
		os.MkdirAll(s.Assessments(), 0o700)
		a := answers(r, "Ada")
		link := filepath.Join(s.Assessments(), NewName(a, now))
		os.Symlink(target, link)
		_, err := s.LatestOf("Ada", assess.Self) // report latest, plan new
		unsafeAt(t, err, link, "a symbolic link")
		_, _, err = s.Load(link, r) // history
		unsafeAt(t, err, link, "a symbolic link")
		saved, already, err := s.SaveAssessment(a, r, now) // its name is taken: the next one
		if err != nil || already || saved == link || !strings.HasSuffix(saved, "_self-2.yaml") {
			t.Errorf("saved %s (already %v), %v: want a file of its own beside the link", saved, already, err)
		}
		// A name from history is the store's, a link too: resolved to it and refused
		// when read, never "no such file" and never followed.
		if got, own := s.Resolve(filepath.Base(link)); got != link || !own {
			t.Errorf("Resolve(%s) = %s, %v: want the link in the store, own", filepath.Base(link), got, own)
		}
		_, err = s.ReadOwn(link)
		unsafeAt(t, err, link, "a symbolic link")
		untouched(t, target)
	})

	t.Run("lock", func(t *testing.T) {
		s, target := &Store{Dir: t.TempDir()}, outside(t)
		path := filepath.Join(s.Drafts(), "20261122T100405Z_ada_self.yaml")
		os.MkdirAll(s.Drafts(), 0o700)
		os.Symlink(target, lockPath(path))
		_, _, err := s.LockDraft(path)
		unsafeAt(t, err, lockPath(path), "a symbolic link")
		untouched(t, target)
	})

	t.Run("folder", func(t *testing.T) {
		s := &Store{Dir: t.TempDir()}
		elsewhere := t.TempDir()
		os.Symlink(elsewhere, s.Assessments())
		_, _, err := s.SaveAssessment(answers(r, "Ada"), r, now)
		unsafeAt(t, err, s.Assessments(), "a symbolic link")
		_, err = s.List()
		unsafeAt(t, err, s.Assessments(), "a symbolic link")
		if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
			t.Errorf("written into the folder the link names: %v", entries)
		}
	})
}

// TestStoreNeverWaitsOnAFIFO: a FIFO where a plan, a draft, an assessment or the old
// plan kept aside should be is refused at once, never opened for a wait.
func TestStoreNeverWaitsOnAFIFO(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	now := time.Date(2026, 11, 22, 10, 4, 5, 0, time.UTC)
	fifo := func(t *testing.T, path string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Skipf("no FIFO here: %v", err)
		}
	}
	const kind = "a FIFO"

	t.Run("plan", func(t *testing.T) {
		s := &Store{Dir: t.TempDir()}
		path := s.PlanPath("Ada")
		fifo(t, path)
		within(t, "LoadPlan", func() { _, _, err := s.LoadPlan("Ada", r); unsafeAt(t, err, path, kind) })
		within(t, "SavePlan", func() { _, _, err := s.SavePlan(plan("Ada"), nil); unsafeAt(t, err, path, kind) })
	})
	t.Run("old plan kept", func(t *testing.T) {
		s := &Store{Dir: t.TempDir()}
		s.SavePlan(plan("Ada"), nil)
		fifo(t, filepath.Join(s.Plans(), "ada.2026-12-01.yaml"))
		within(t, "SavePlan", func() {
			if _, kept, err := s.SavePlan(plan("Ada"), plan("Ada")); err != nil || !strings.HasSuffix(kept, "-2.yaml") {
				t.Errorf("kept %s, %v", kept, err)
			}
		})
	})
	t.Run("draft", func(t *testing.T) {
		s := &Store{Dir: t.TempDir()}
		path := filepath.Join(s.Drafts(), "20261122T100405Z_ada_self.yaml")
		fifo(t, path)
		within(t, "DraftOf", func() { _, err := s.DraftOf("Ada"); unsafeAt(t, err, path, kind) })
		within(t, "SaveDraft", func() { _, err := s.SaveDraft(path, answers(r, "Ada"), r, now); unsafeAt(t, err, path, kind) })
	})
	t.Run("assessment", func(t *testing.T) {
		s := &Store{Dir: t.TempDir()}
		path := filepath.Join(s.Assessments(), NewName(answers(r, "Ada"), now))
		fifo(t, path)
		within(t, "LatestOf", func() { _, err := s.LatestOf("", assess.Self); unsafeAt(t, err, path, kind) })
		within(t, "SaveAssessment", func() {
			if saved, _, err := s.SaveAssessment(answers(r, "Ada"), r, now); err != nil || !strings.HasSuffix(saved, "-2.yaml") {
				t.Errorf("saved %s, %v", saved, err)
			}
		})
	})
	t.Run("lock", func(t *testing.T) {
		s := &Store{Dir: t.TempDir()}
		path := filepath.Join(s.Drafts(), "20261122T100405Z_ada_self.yaml")
		fifo(t, lockPath(path))
		within(t, "LockDraft", func() { _, _, err := s.LockDraft(path); unsafeAt(t, err, lockPath(path), kind) })
	})
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a process: %v", err)
	}
	return cmd.Process.Pid
}

// TestDraftLock: a draft held by an interview is refused to another, naming the holder;
// released, it is free and the lock file gone; a lock left by a process that has ended is
// taken over, naming that process.
func TestDraftLock(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	s := &Store{Dir: t.TempDir()}
	path, held, err := s.NewDraft(answers(r, "Ada"), r, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// flock is held per open file: a second open, even in this process, is refused.
	_, _, err = s.LockDraft(path)
	var locked *LockedError
	if !errors.As(err, &locked) || locked.Holder.PID != os.Getpid() || locked.Draft != path {
		t.Fatalf("a held draft: %v, want a *LockedError naming process %d", err, os.Getpid())
	}
	if msg := err.Error(); !strings.Contains(msg, "process "+strconv.Itoa(os.Getpid())) || !strings.Contains(msg, path) {
		t.Errorf("message %q", msg)
	}
	// A new draft of the same second gets a name of its own.
	if other, l, err := s.NewDraft(answers(r, "Ada"), r, time.Now()); err != nil || other == path {
		t.Errorf("a second new draft: %s %v", other, err)
	} else {
		l.Release()
	}
	held.Release()
	held.Release() // safe twice
	if _, err := os.Lstat(lockPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock file is left after release: %v", err)
	}
	l, stale, err := s.LockDraft(path)
	if err != nil || stale != nil {
		t.Fatalf("a released draft: %v, stale %v", err, stale)
	}
	l.Release()

	// kill -9 leaves the lock file; its process is gone.
	dead := deadPID(t)
	os.WriteFile(lockPath(path), []byte("pid: "+strconv.Itoa(dead)+"\nsince: 2026-11-22T10:04:05Z\n"), 0o600)
	l, stale, err = s.LockDraft(path)
	if err != nil || stale == nil || stale.PID != dead {
		t.Fatalf("a lock left by process %d, which ended: %v, stale %v; want it taken over", dead, err, stale)
	}
	if !strings.Contains(stale.String(), "process "+strconv.Itoa(dead)) {
		t.Errorf("holder %q", stale)
	}
	if data, _ := os.ReadFile(lockPath(path)); !strings.Contains(string(data), "pid: "+strconv.Itoa(os.Getpid())) {
		t.Errorf("the lock does not name this process: %q", data)
	}
	l.Release()
}

// TestStaleTemporaryFilesRemoved: temporary files a killed run left in drafts/,
// assessments/ and plans/ are removed by the next run that opens the store; one a
// running writer is still writing is not, nor anything else.
func TestStaleTemporaryFilesRemoved(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	dead, live := deadPID(t), os.Getpid()
	old := time.Now().Add(-2 * time.Minute)
	recent := time.Now().Add(-10 * time.Second)
	type file struct {
		name string
		mod  time.Time
		gone bool
	}
	files := []file{
		{".20261122T100405Z_ada_self.yaml.tmp-" + strconv.Itoa(dead) + "-123", recent, true},  // its writer ended
		{".20261122T100405Z_ada_self.yaml.tmp-" + strconv.Itoa(live) + "-124", recent, false}, // being written
		{".20261122T100405Z_ada_self.yaml.tmp-" + strconv.Itoa(live) + "-125", old, true},     // a minute is far too long
		{".ada.yaml.tmp-98765", old, true},                                                    // named before the process id was
		{".ada.yaml.tmp-98766", recent, false},                                                // that, being written
		{"ada.yaml", old, false},                                                              // not a temporary file
		{".notes.tmp-draft", old, false},                                                      // not one of ours
		{".ada.yaml.lock.tmp-1-x", old, false},                                                // nor this
		{"20261122T100405Z_ada_self.yaml", old, false},
	}
	for _, dir := range []string{s.Drafts(), s.Assessments(), s.Plans()} {
		os.MkdirAll(dir, 0o700)
		for _, f := range files {
			p := filepath.Join(dir, f.name)
			os.WriteFile(p, []byte("half"), 0o600)
			os.Chtimes(p, f.mod, f.mod)
		}
	}
	// A stale lock of a draft that is gone goes too; one of a draft that is there stays,
	// for --resume to recover with a warning.
	gone, there := filepath.Join(s.Drafts(), ".gone.yaml.lock"), filepath.Join(s.Drafts(), ".20261122T100405Z_ada_self.yaml.lock")
	for _, p := range []string{gone, there} {
		os.WriteFile(p, []byte("pid: "+strconv.Itoa(dead)+"\n"), 0o600)
		os.Chtimes(p, old, old)
	}
	if _, err := s.List(); err != nil { // any use of the store
		t.Fatal(err)
	}
	for _, dir := range []string{s.Drafts(), s.Assessments(), s.Plans()} {
		for _, f := range files {
			_, err := os.Lstat(filepath.Join(dir, f.name))
			if f.gone != errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%s: removed %v, want %v", filepath.Join(filepath.Base(dir), f.name), !f.gone, f.gone)
			}
		}
	}
	if _, err := os.Lstat(gone); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock of a draft that is gone is left")
	}
	if _, err := os.Lstat(there); err != nil {
		t.Errorf("the lock of a draft that is there was removed: %v", err)
	}
}

// TestShown: names and paths from files are printed with control characters escaped, a
// name cut after 40 characters.
func TestShown(t *testing.T) {
	for in, want := range map[string]string{
		"Ada Lovelace":          "Ada Lovelace",
		"Ada\x1b]0;pwned\x07":   `Ada\x1b]0;pwned\a`,
		"Ada\nGrace":            `Ada\nGrace`,
		"\u202eecalevoL":        `\u202eecalevoL`,
		"bad\xffbyte":           `bad\xffbyte`,
		strings.Repeat("a", 50): strings.Repeat("a", 40) + "…",
	} {
		if got := Shown(in); got != want {
			t.Errorf("Shown(%q) = %q, want %q", in, got, want)
		}
	}
	long := "/data/" + strings.Repeat("d", 60) + "/x\n.yaml"
	if got := ShownPath(long); got != "/data/"+strings.Repeat("d", 60)+`/x\n.yaml` {
		t.Errorf("ShownPath cut or did not escape: %q", got)
	}
}

// TestLatestNeverFollowsALinkSwappedIn: between Latest's choice of a file and its
// reading, the file is swapped for a link to a file outside, a FIFO, another person's
// assessment, or its folder for a link to another folder (the test hook runs at that
// moment, no timing involved). The link is refused, never followed; the FIFO is not
// waited on; the other file is not taken for the chosen one.
func TestLatestNeverFollowsALinkSwappedIn(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	setup := func(t *testing.T) (*Store, string) {
		s := &Store{Dir: t.TempDir()}
		path, _, err := s.SaveAssessment(answers(r, "Ada"), r, now)
		if err != nil {
			t.Fatal(err)
		}
		return s, path
	}
	t.Run("a link", func(t *testing.T) {
		s, path := setup(t)
		target := outside(t)
		s.chosen = func(p string) {
			if p != path {
				t.Errorf("chose %s, want %s", p, path)
			}
			os.Remove(p)
			os.Symlink(target, p)
		}
		got, data, err := s.Latest("Ada", assess.Self)
		unsafeAt(t, err, path, "a symbolic link")
		if data != nil || got != path {
			t.Errorf("read %q from %s", data, got)
		}
		untouched(t, target)
	})
	t.Run("a FIFO", func(t *testing.T) {
		s, path := setup(t)
		s.chosen = func(p string) {
			os.Remove(p)
			if err := syscall.Mkfifo(p, 0o600); err != nil {
				t.Skip(err)
			}
		}
		within(t, "Latest", func() {
			_, _, err := s.Latest("Ada", assess.Self)
			unsafeAt(t, err, path, "a FIFO")
		})
	})
	t.Run("the folder a link", func(t *testing.T) {
		s, _ := setup(t)
		elsewhere := filepath.Join(t.TempDir(), "elsewhere")
		s.chosen = func(p string) {
			// The same names in a folder outside, the store's folder a link to it.
			os.Rename(s.Assessments(), elsewhere)
			os.Symlink(elsewhere, s.Assessments())
		}
		_, data, err := s.Latest("Ada", assess.Self)
		var unsafe *UnsafeFileError
		if !errors.As(err, &unsafe) || unsafe.Path != s.Assessments() || !unsafe.Folder || data != nil {
			t.Errorf("error %v, data %q: want the folder refused as a link", err, data)
		}
	})
	t.Run("another person's file", func(t *testing.T) {
		s, path := setup(t)
		s.chosen = func(p string) {
			other := &Store{Dir: t.TempDir()}
			grace, _, _ := other.SaveAssessment(answers(r, "Grace"), r, now)
			os.Rename(grace, p)
		}
		_, data, err := s.Latest("Ada", assess.Self)
		if err == nil || !strings.Contains(err.Error(), path+" changed while pmladder read it") || data != nil {
			t.Errorf("error %v, data %q: want the change named", err, data)
		}
	})
	t.Run("unchanged", func(t *testing.T) {
		s, path := setup(t)
		got, data, err := s.Latest("ada", assess.Self)
		if err != nil || got != path || !strings.Contains(string(data), "person: Ada") {
			t.Errorf("%s %q %v", got, data, err)
		}
	})
}
