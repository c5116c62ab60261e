package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
)

func TestStoreIsPrivate(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	shared := filepath.Join(t.TempDir(), "shared")
	os.MkdirAll(shared, 0o755)
	os.Chmod(shared, 0o777|os.ModeSticky) // a shared, sticky folder such as /tmp
	dir := filepath.Join(shared, "data")
	s := &Store{Dir: dir}
	a := assess.NewAnswers(r)
	a.Set("s1.1", assess.Answer{Score: 2})
	a.Person = "Zoë O'Brien / QA"
	now := time.Date(2026, 11, 22, 10, 4, 5, 0, time.UTC)
	draft, err := s.SaveDraft("", a, r, now)
	if err != nil {
		t.Fatal(err)
	}
	saved, already, err := s.SaveAssessment(a, r, now)
	if err != nil || already {
		t.Fatal(err, already)
	}
	// The same answers again are the file already there; other answers in the same second
	// get a name of their own.
	if same, already, _ := s.SaveAssessment(a, r, now); same != saved || !already {
		t.Errorf("the same answers saved twice: %s (already %v), want %s kept", same, already, saved)
	}
	a.Certifications = []string{"cspo"}
	again, already, _ := s.SaveAssessment(a, r, now)
	if filepath.Base(saved) != "20261122T100405Z_zoë-o-brien-qa_self.yaml" || !strings.HasSuffix(again, "_self-2.yaml") || already {
		t.Errorf("names %s, %s", saved, again)
	}
	for _, p := range []string{dir, s.Assessments(), s.Drafts()} {
		if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o700 {
			t.Errorf("%s is %v, want 0700", p, fi.Mode().Perm())
		}
	}
	// A directory the store did not create keeps its mode, sticky bit included.
	if fi, _ := os.Stat(shared); fi.Mode()&(os.ModePerm|os.ModeSticky) != 0o777|os.ModeSticky {
		t.Errorf("the existing folder was changed to %v", fi.Mode())
	}
	s2 := &Store{Dir: shared}
	if _, err := s2.SaveDraft("", a, r, now); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(shared); fi.Mode()&(os.ModePerm|os.ModeSticky) != 0o777|os.ModeSticky {
		t.Errorf("--data-dir on an existing folder changed it to %v", fi.Mode())
	}
	for _, p := range []string{draft, saved, again} {
		if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", p, fi.Mode().Perm())
		}
	}
	if latest, _ := s.LatestOf("", "self"); latest != again {
		t.Errorf("latest %s", latest)
	}
	if d, _ := s.DraftOf(""); d.Path != draft {
		t.Errorf("latest draft %s", d.Path)
	}
	if _, err := (&Store{Dir: t.TempDir()}).DraftOf(""); !errors.Is(err, ErrNoDraft) {
		t.Errorf("no draft: %v", err)
	}
	if Slug("  ") != "anonymous" || Slug("Ada  Lovelace!") != "ada-lovelace" {
		t.Errorf("slugs %q %q", Slug("  "), Slug("Ada  Lovelace!"))
	}
}

// TestLatestByAssessor: personal commands take the person's own latest self-assessment
// unless told another kind of assessor; a peer's assessment is never anyone's latest,
// and a manager's files of other people do not make the history ambiguous for self.
func TestLatestByAssessor(t *testing.T) {
	r := assesstest.Rubric(t, assesstest.Hand)
	s := &Store{Dir: t.TempDir()}
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	save := func(person string, assessor assess.Assessor, rater string, days int) string {
		t.Helper()
		a := assess.NewAnswers(r)
		a.Person, a.Assessor, a.Rater = person, assessor, rater
		a.Set("s1.1", assess.Answer{Score: 2})
		path, _, err := s.SaveAssessment(a, r, day.AddDate(0, 0, days))
		if err != nil {
			t.Fatal(err)
		}
		return path
	}
	self := save("Ada", "self", "", 0)
	manager := save("Ada", "manager", "Grace", 1)
	save("Ada", "peer", "Linus", 2)
	if got, err := s.LatestOf("Ada", "self"); err != nil || got != self {
		t.Errorf("Ada's latest self-assessment: %s, %v; want %s (not the later manager's or peer's)", got, err, self)
	}
	if got, err := s.LatestOf("ada", "manager"); err != nil || got != manager {
		t.Errorf("Ada's latest by a manager: %s, %v; want %s", got, err, manager)
	}
	if _, err := s.LatestOf("Ada", "peer"); !errors.Is(err, ErrPeerLatest) {
		t.Errorf("a peer's latest: %v, want ErrPeerLatest", err)
	}
	// Grace rates Alan too; her own self-assessment is the only one: she needs no name.
	save("Alan", "manager", "Grace", 3)
	grace := save("Grace", "self", "", 4)
	save("Alan", "manager", "Grace", 5)
	var several *AmbiguousDraftsError
	if _, err := s.LatestOf("", "self"); !errors.As(err, &several) || len(several.People) != 2 {
		t.Errorf("Ada and Grace both assessed themselves: %v, want the two named", err)
	}
	if _, err := s.LatestOf("Linus", "self"); !errors.Is(err, ErrNoAssessment) {
		t.Errorf("no self-assessment of Linus: %v", err)
	}
	if got, _ := s.LatestOf("Grace", "self"); got != grace {
		t.Errorf("Grace's latest: %s, want %s", got, grace)
	}
}
