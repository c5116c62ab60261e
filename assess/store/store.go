// Package store keeps a person's data on disk: saved assessments, unfinished interviews
// (drafts) and development plans, in owner-only files written atomically
// (docs/cli.md, "Files").
//
// The store reads and writes only regular files of its own: a symbolic link, a FIFO or a
// device where one of its folders or files should be is an *UnsafeFileError naming the
// path, never followed, read, written through or waited on. The data directory itself
// may be a link (where it lives is the user's choice); nothing inside it may.
package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/atomicfile"
	"github.com/pmladder/pmladder/internal/inputfile"
	"github.com/pmladder/pmladder/rubric"
)

// ErrNoDraft is returned by LatestDraft when no interview is waiting to be resumed.
var ErrNoDraft = errors.New("no unfinished interview")

// ErrNoAssessment is returned by Latest when nothing has been saved yet.
var ErrNoAssessment = errors.New("no saved assessment")

// Store keeps saved assessments and drafts of unfinished interviews in a data directory:
// assessments/<UTC time>_<person>_<assessor>.yaml and drafts/…. This is personal data:
// directories are 0700, files 0600, and every file is written atomically.
type Store struct {
	Dir string

	// tidy removes, once, what killed runs left behind (tidy.go).
	tidy sync.Once

	// chosen, in tests, runs between Latest's choice of a file and its reading: the
	// moment a link could be swapped in.
	chosen func(path string)
}

// Assessments is the folder of saved assessments.
func (s *Store) Assessments() string { return filepath.Join(s.Dir, "assessments") }

// Drafts is the folder of unfinished interviews.
func (s *Store) Drafts() string { return filepath.Join(s.Dir, "drafts") }

// ensure creates dir and the data directory when they are missing, owner-only (0700). A
// directory that exists is left as it is: the tool never changes the mode of a directory
// it did not create (a shared or sticky folder keeps its mode). dir, one of the store's
// own folders, must be a folder, not a link to one.
func (s *Store) ensure(dir string) error {
	s.open()
	if _, err := os.Stat(s.Dir); err != nil {
		if err := os.MkdirAll(s.Dir, 0o700); errors.Is(err, syscall.ENOTDIR) {
			return &DataDirError{Dir: s.Dir}
		} else if err != nil {
			return err
		}
		if err := os.Chmod(s.Dir, 0o700); err != nil { // whatever the umask
			return err
		}
	}
	if err := ownFolder(dir); !errors.Is(err, fs.ErrNotExist) {
		return err // there (nil), or not a folder of the store's
	}
	if err := os.Mkdir(dir, 0o700); err == nil {
		if err := os.Chmod(dir, 0o700); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrExist) { // made by a run beside this one: checked below
		return err
	}
	return ownFolder(dir)
}

// ownFolder checks that dir, one of the store's folders, is a folder and not a link:
// fs.ErrNotExist when it is missing, an *UnsafeFileError when it is something else.
func ownFolder(dir string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, syscall.ENOTDIR) {
		return &DataDirError{Dir: filepath.Dir(dir)}
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &UnsafeFileError{Path: dir, Mode: fi.Mode(), Folder: true}
	}
	return nil
}

// DataDirError is a data directory that is not a folder: a file, or in a file.
type DataDirError struct{ Dir string }

func (e *DataDirError) Error() string {
	return fmt.Sprintf("cannot use the data directory %s: it is not a folder (set --data-dir, PMLADDER_DATA_DIR or data_dir to a folder)", ShownPath(e.Dir))
}

// NewName returns a new file name for answers: the UTC time, the person and the
// assessor, so that names sort by time and say whose they are.
func NewName(a *assess.Answers, now time.Time) string {
	return fmt.Sprintf("%s_%s_%s.yaml", now.UTC().Format("20060102T150405Z"), Slug(a.Person), Slug(string(a.Assessor)))
}

// Slug makes a name safe for a file name: lower-case letters and digits joined by dashes.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "anonymous"
	}
	return b.String()
}

// write saves answers atomically in dir under name, adding -2, -3… if the name is taken
// (two saves in the same second), and returns the path. With keepSame, a file there that
// already holds exactly these answers is kept instead, and its path returned with same set.
func (s *Store) write(dir, name string, a *assess.Answers, r *rubric.Rubric, keepSame bool) (path string, same bool, err error) {
	if err := s.ensure(dir); err != nil {
		return "", false, err
	}
	data := input.MarshalYAML(a, r)
	base := strings.TrimSuffix(name, ".yaml")
	for n := 1; ; n++ {
		path := filepath.Join(dir, name)
		err := atomicfile.WriteFile(path, data, 0o600, atomicfile.Options{NoClobber: true, NoFollow: true})
		if !errors.Is(err, atomicfile.ErrExists) {
			return path, false, err
		}
		if keepSame {
			// Never through a link: what is not a regular file is not the same answers.
			if old, err := inputfile.ReadFileNoFollow(path); err == nil && bytes.Equal(old, data) {
				return path, true, nil
			}
		}
		name = fmt.Sprintf("%s-%d.yaml", base, n+1)
	}
}

// SaveAssessment records finished answers in the history and returns the file's path.
// The file is named for the answers' date, so the history sorts by when people answered.
// Answers the history already holds (the same file saved twice) are not recorded again:
// the path of the earlier file is returned, with already set.
func (s *Store) SaveAssessment(a *assess.Answers, r *rubric.Rubric, now time.Time) (path string, already bool, err error) {
	when := a.Date
	if when.IsZero() {
		when = now
	}
	return s.write(s.Assessments(), NewName(a, when), a, r, true)
}

// SaveDraft writes an unfinished interview. The first call (path "") creates a draft and
// returns its path; later calls replace that file, which must be a regular file: a link
// or anything else put in its place is an *UnsafeFileError, and is never written through.
// An interview that may run while others do creates its draft with NewDraft, which locks
// it.
func (s *Store) SaveDraft(path string, a *assess.Answers, r *rubric.Rubric, now time.Time) (string, error) {
	if path == "" {
		path, _, err := s.write(s.Drafts(), NewName(a, now), a, r, false)
		return path, err
	}
	if err := s.ensure(s.Drafts()); err != nil {
		return "", err
	}
	return path, s.writeOwn(path, input.MarshalYAML(a, r), atomicfile.Options{})
}

// writeOwn replaces one of the store's files atomically, 0600, never through a link: an
// *UnsafeFileError when what is there is not a regular file.
func (s *Store) writeOwn(path string, data []byte, opts atomicfile.Options) error {
	opts.NoFollow = true
	err := atomicfile.WriteFile(path, data, 0o600, opts)
	if errors.Is(err, atomicfile.ErrNotRegular) {
		return unsafeFile(path, err)
	}
	return err
}

// list returns the .yaml files of dir, oldest first by name (names start with the time).
// One that is not a regular file is listed too: reading it is an *UnsafeFileError that
// names it, so it is not silently passed over. dir itself must not be a link.
func list(dir string) ([]string, error) {
	if err := ownFolder(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") && !strings.HasPrefix(e.Name(), ".") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	sort.SliceStable(paths, func(i, j int) bool {
		bi, ni := saveOrder(paths[i])
		bj, nj := saveOrder(paths[j])
		if bi != bj {
			return bi < bj
		}
		return ni < nj
	})
	return paths, nil
}

// saveOrder splits a saved file's name into its base and its number among files saved in
// the same second (name.yaml is 1, name-2.yaml 2…), so that the history sorts as saved.
func saveOrder(path string) (string, int) {
	base := strings.TrimSuffix(filepath.Base(path), ".yaml")
	if i := strings.LastIndexByte(base, '-'); i > 0 {
		if n, err := strconv.Atoi(base[i+1:]); err == nil && n > 1 && !strings.Contains(base[i:], "_") {
			return base[:i], n
		}
	}
	return base, 1
}

// Resolve names a saved assessment by the file name history shows: a name that is not a
// file here (nor a link) but is one in the store's assessments (or drafts) is that file,
// with own set. Whatever is there under that name is the store's, a link too: it is
// read with ReadOwn, which refuses a link, never followed. A path into the store's
// folders is the store's too.
func (s *Store) Resolve(name string) (path string, own bool) {
	if _, err := os.Lstat(name); err == nil || strings.ContainsRune(name, filepath.Separator) || name == "-" {
		return name, s.Owns(name)
	}
	for _, dir := range []string{s.Assessments(), s.Drafts()} {
		if p := filepath.Join(dir, name); entryExists(p) {
			return p, true
		}
	}
	return name, false
}

// Owns reports whether path is in one of the store's folders of answers (assessments,
// drafts): a file to read with ReadOwn.
func (s *Store) Owns(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	dir := filepath.Dir(abs)
	for _, own := range []string{s.Assessments(), s.Drafts()} {
		if o, err := filepath.Abs(own); err == nil && o == dir {
			return true
		}
	}
	return false
}

// entryExists reports whether there is anything at p (a link too) in a folder of the
// store's own.
func entryExists(p string) bool {
	if ownFolder(filepath.Dir(p)) != nil {
		return false
	}
	_, err := os.Lstat(p)
	return err == nil
}

// ReadOwn reads one of the store's files (Resolve's own, Owns): a regular file, never
// through a link; a link or a FIFO there is an *UnsafeFileError naming it.
func (s *Store) ReadOwn(path string) ([]byte, error) {
	data, err := readOwn(path)
	if err != nil {
		return nil, readError(path, err)
	}
	return data, nil
}

// List returns the saved assessments, oldest first.
func (s *Store) List() ([]string, error) { s.open(); return list(s.Assessments()) }

// DraftPaths returns the drafts of unfinished interviews, oldest first.
func (s *Store) DraftPaths() ([]string, error) { s.open(); return list(s.Drafts()) }

// Draft is an unfinished interview as the store keeps it.
type Draft struct {
	Path   string
	Person string
	// Assessor is who made it (self when the file does not say) and Rater, for a manager
	// or a peer, their name.
	Assessor assess.Assessor
	Rater    string
	// Rubric is the rubric the interview was started with: its source (a path, or
	// "built-in") lets a resumed interview carry on with the same questions.
	Rubric assess.RubricRef
}

// listFiles peeks at every answers file of dir, oldest first.
func listFiles(dir string) ([]Draft, error) {
	paths, err := list(dir)
	if err != nil {
		return nil, err
	}
	var out []Draft
	for _, p := range paths {
		d, err := peekDraft(p)
		var unsafe *UnsafeFileError
		if errors.As(err, &unsafe) {
			return nil, err // a link or a FIFO among the store's files: say so, never skip it
		}
		if err != nil {
			continue // not a file of ours
		}
		out = append(out, d)
	}
	return out, nil
}

// DraftOf returns the latest draft of the named person (case and spacing ignored); with
// no name, the only person's latest draft. Several people with drafts and no name is an
// AmbiguousDraftsError; none is ErrNoDraft.
func (s *Store) DraftOf(person string) (Draft, error) {
	s.open()
	d, err := latestOf(s.Drafts(), person, "")
	if errors.Is(err, errNone) {
		if person != "" {
			return Draft{}, fmt.Errorf("%w of %s in %s", ErrNoDraft, person, s.Drafts())
		}
		return Draft{}, fmt.Errorf("%w in %s", ErrNoDraft, s.Drafts())
	}
	return d, err
}

// LatestOf returns the latest saved assessment of the named person by one kind of
// assessor (self, or manager); with no name, of the only person the history has such
// assessments of. A peer's assessment is never anyone's latest: peers are heard as a
// group, in a calibration. Several people and no name is an AmbiguousDraftsError (naming
// them); none is ErrNoAssessment. To read it, use Latest: the file may change between
// the choice and the reading.
func (s *Store) LatestOf(person string, assessor assess.Assessor) (string, error) {
	d, err := s.latest(person, assessor)
	return d.Path, err
}

// Latest is LatestOf, read: the chosen file's path and content, read once from a
// descriptor opened without following a link, so that a link swapped in after the choice
// is refused (an *UnsafeFileError), never followed, and checked again to be an
// assessment of the person by the assessor that was chosen.
func (s *Store) Latest(person string, assessor assess.Assessor) (path string, data []byte, err error) {
	d, err := s.latest(person, assessor)
	if err != nil {
		return "", nil, err
	}
	if s.chosen != nil {
		s.chosen(d.Path)
	}
	if data, err = s.ReadOwn(d.Path); err != nil {
		return d.Path, nil, err
	}
	now, err := peekData(d.Path, data)
	if err != nil || now.Assessor != d.Assessor || assess.PersonKey(now.Person) != assess.PersonKey(d.Person) {
		return d.Path, nil, fmt.Errorf("%s changed while pmladder read it: run the command again", ShownPath(d.Path))
	}
	return d.Path, data, nil
}

func (s *Store) latest(person string, assessor assess.Assessor) (Draft, error) {
	if assessor == assess.Peer {
		return Draft{}, ErrPeerLatest
	}
	s.open()
	d, err := latestOf(s.Assessments(), person, assessor)
	if errors.Is(err, errNone) {
		by := ""
		if assessor != assess.Self {
			by = " by a " + string(assessor)
		}
		if person != "" {
			return Draft{}, fmt.Errorf("%w%s of %s in %s", ErrNoAssessment, by, person, s.Assessments())
		}
		return Draft{}, fmt.Errorf("%w%s in %s", ErrNoAssessment, by, s.Assessments())
	}
	return d, err
}

// ErrPeerLatest refuses a peer's assessment as someone's latest.
var ErrPeerLatest = errors.New("a peer's assessment is never anyone's latest: name the file, or compare the peers' files with the person's own")

// errNone is latestOf's "nothing of that person".
var errNone = errors.New("none")

// latestOf finds the latest file of dir for a person (or the only person), made by the
// assessor ("" is any).
func latestOf(dir, person string, assessor assess.Assessor) (Draft, error) {
	files, err := listFiles(dir)
	if err != nil {
		return Draft{}, err
	}
	var found *Draft
	people := map[string]bool{}
	var names []string
	for i := range files {
		d := &files[i]
		if assessor != "" && d.Assessor != assessor {
			continue
		}
		key := assess.PersonKey(d.Person)
		if !people[key] {
			people[key] = true
			names = append(names, d.Person)
		}
		if person == "" || key == assess.PersonKey(person) {
			found = d
		}
	}
	switch {
	case person == "" && len(people) > 1:
		return Draft{}, &AmbiguousDraftsError{People: names}
	case found == nil:
		return Draft{}, errNone
	}
	return *found, nil
}

// AmbiguousDraftsError says that several people have unfinished interviews and none was
// named.
type AmbiguousDraftsError struct{ People []string }

func (e *AmbiguousDraftsError) Error() string {
	return fmt.Sprintf("files of %d people (%s): say whose", len(e.People), e.Names())
}

// Names lists the people, each name as Shown, separated by commas.
func (e *AmbiguousDraftsError) Names() string {
	names := make([]string, len(e.People))
	for i, p := range e.People {
		names[i] = Shown(p)
	}
	return strings.Join(names, ", ")
}

// peekDraft reads the person and the rubric of a draft without checking its answers.
func peekDraft(path string) (Draft, error) {
	data, err := readOwn(path)
	if err != nil {
		return Draft{}, err
	}
	return peekData(path, data)
}

// peekData reads the person, the assessor and the rubric of a draft or assessment read
// from path.
func peekData(path string, data []byte) (Draft, error) {
	var doc struct {
		Format   string `yaml:"format"`
		Person   string `yaml:"person"`
		Assessor string `yaml:"assessor"`
		Rater    string `yaml:"rater"`
		Rubric   struct {
			Name, Version, SHA256, Source string
		} `yaml:"rubric"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil || doc.Format != assess.AnswersFormat {
		return Draft{}, fmt.Errorf("%s is not a draft", path)
	}
	r := doc.Rubric
	if doc.Assessor == "" {
		doc.Assessor = string(assess.Self)
	}
	return Draft{Path: path, Person: doc.Person, Assessor: assess.Assessor(doc.Assessor), Rater: doc.Rater, Rubric: assess.RubricRef{Name: r.Name, Version: r.Version, SHA256: r.SHA256, Source: r.Source}}, nil
}

// Load reads a saved assessment or draft, checked against the rubric; warnings are as
// ParseAnswers gives them. The file is one of the store's: a link or anything but a
// regular file there is an *UnsafeFileError, never read through.
func (s *Store) Load(path string, r *rubric.Rubric) (*assess.Answers, []string, error) {
	data, err := readOwn(path)
	if err != nil {
		return nil, nil, readError(path, err)
	}
	return input.ParseAnswers(path, data, r)
}

// readError says that one of the store's files cannot be read, naming it once.
func readError(path string, err error) error {
	var unsafe *UnsafeFileError
	if errors.As(err, &unsafe) {
		return err
	}
	if inner := errors.Unwrap(err); inner != nil {
		err = inner
	}
	return fmt.Errorf("cannot read %s: %w", ShownPath(path), err)
}

// FinishDraft removes the draft at path, once its interview has been saved as an
// assessment or is not to be kept. A draft already gone is fine; "" is no draft.
func (s *Store) FinishDraft(path string) error {
	if path == "" {
		return nil
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// ErrNoPlan is returned by LoadPlan when the person has no plan.
var ErrNoPlan = errors.New("no plan")

// Plans is the folder of development plans, one per person.
func (s *Store) Plans() string { return filepath.Join(s.Dir, "plans") }

// PlanPath is where a person's plan lives: plans/<person-slug>.yaml.
func (s *Store) PlanPath(person string) string {
	return filepath.Join(s.Plans(), Slug(person)+".yaml")
}

// LoadPlan reads a person's plan, checked against the rubric; ErrNoPlan when there is none.
// A link, a FIFO or anything else that is not a regular file where the plan should be is
// an *UnsafeFileError: never followed, never waited on.
func (s *Store) LoadPlan(person string, r *rubric.Rubric) (*assess.Plan, string, error) {
	s.open()
	path := s.PlanPath(person)
	if err := ownFolder(s.Plans()); errors.Is(err, fs.ErrNotExist) {
		return nil, path, ErrNoPlan
	} else if err != nil {
		return nil, path, err
	}
	data, err := readOwn(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, path, ErrNoPlan
	}
	if err != nil {
		return nil, path, readError(path, err)
	}
	p, err := ParsePlan(path, data, r)
	return p, path, err
}

// SavePlan writes a person's plan, 0600 and atomically. A plan already there is first
// kept as plans/<slug>.<the day it was made>.yaml (-2, -3… when that is taken), whose
// path is returned as kept: replacing a plan never loses the old one. What is there must
// be a regular file: a link or a FIFO is an *UnsafeFileError, and neither it nor what it
// names is read, kept or replaced.
func (s *Store) SavePlan(p *assess.Plan, old *assess.Plan) (path, kept string, err error) {
	if err := s.ensure(s.Plans()); err != nil {
		return "", "", err
	}
	path = s.PlanPath(p.Person)
	if data, err := readOwn(path); err == nil {
		made := "old"
		if old != nil {
			made = old.Created.Format(assess.DayLayout)
		}
		base := strings.TrimSuffix(path, ".yaml") + "." + made
		kept = base + ".yaml"
		for n := 2; ; n++ {
			err := s.writeOwn(kept, data, atomicfile.Options{NoClobber: true})
			if err == nil {
				break
			}
			if !errors.Is(err, atomicfile.ErrExists) {
				return "", "", fmt.Errorf("cannot keep the old plan: %w", err)
			}
			kept = fmt.Sprintf("%s-%d.yaml", base, n)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", "", readError(path, err)
	}
	if err := s.writeOwn(path, MarshalPlan(p), atomicfile.Options{}); err != nil {
		return "", kept, err
	}
	return path, kept, nil
}
