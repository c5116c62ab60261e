package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/interview/prompttest"
	"github.com/pmladder/pmladder/assess/store"
	"github.com/pmladder/pmladder/reports"
	"github.com/pmladder/pmladder/rubric"
)

// newAssessOptions returns options for assessRun over buffers, a temporary data
// directory, the built-in rubric and a scripted prompter.
func newAssessOptions(t *testing.T, script ...any) (*AssessOptions, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	opts := &AssessOptions{
		IO:          &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		Rubric:      r,
		Store:       &store.Store{Dir: t.TempDir()},
		Prompter:    &prompttest.Prompter{Answers: script},
		Now:         func() time.Time { return time.Date(2026, 11, 22, 10, 4, 5, 0, time.UTC) },
		Assessor:    "self",
		DefaultName: "login",
		Quick:       true,
	}
	opts.Roles.Certs = assess.DefaultCerts
	opts.Out.formats = []reports.Format{reports.Table, reports.JSON}
	opts.Output.Format = "json"
	opts.cmdPath = "pmladder assess"
	return opts, &out, &errOut
}

func TestAssessRunInterviewSavesAndReports(t *testing.T) {
	// Name, current role: Product Manager, track: undecided, target: decide, then 19 answers (the quick set: one per skill).
	script := []any{"Ada", 1, 2, -1, []int{}}
	for i := 0; i < 19; i++ {
		script = append(script, 3)
	}
	opts, out, errOut := newAssessOptions(t, script...)
	if err := assessRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Person      string `json:"person"`
		CurrentRole struct {
			ID string `json:"id"`
		} `json:"current_role"`
		TargetRole struct {
			ID string `json:"id"`
		} `json:"target_role"`
		Answered int `json:"answered"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if rep.Person != "Ada" || rep.CurrentRole.ID != "pm" || rep.TargetRole.ID != "senior-pm" || rep.Answered != 19 {
		t.Errorf("report %+v", rep)
	}
	saved, _ := filepath.Glob(filepath.Join(opts.Store.Assessments(), "*.yaml"))
	if len(saved) != 1 || filepath.Base(saved[0]) != "20261122T100405Z_ada_self.yaml" {
		t.Fatalf("saved %v", saved)
	}
	if fi, _ := os.Stat(saved[0]); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if drafts, _ := filepath.Glob(filepath.Join(opts.Store.Drafts(), "*")); len(drafts) != 0 {
		t.Errorf("draft left behind: %v", drafts)
	}
	if !strings.Contains(errOut.String(), "saved to "+saved[0]) {
		t.Errorf("stderr:\n%s", errOut)
	}
}

func TestAssessRunInterruptedKeepsTheDraft(t *testing.T) {
	opts, out, _ := newAssessOptions(t, "Ada", 1, 2, -1, []int{0, 3}, 3, 4, prompttest.Interrupt)
	err := assessRun(context.Background(), opts)
	var intr *interruptedError
	if !errors.As(err, &intr) || exitCode(err) != ExitInterrupted {
		t.Fatalf("want an interruption (130), got %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("no report for an unfinished interview: %s", out)
	}
	d, err := opts.Store.DraftOf("")
	if err != nil {
		t.Fatal(err)
	}
	draft := d.Path
	if !strings.Contains(intr.msg, draft) || !strings.Contains(intr.msg, "pmladder assess --resume") {
		t.Errorf("message %q", intr.msg)
	}
	data, _ := os.ReadFile(draft)
	if !strings.Contains(string(data), "complete: false") || !strings.Contains(string(data), "customer-insight.1: 4") ||
		!strings.Contains(string(data), "certifications: [cspo, pspo-1]") {
		t.Errorf("draft (the certifications held are kept too):\n%s", data)
	}

	// Resume with the rest: 17 more answers.
	var rest []any
	for i := 0; i < 17; i++ {
		rest = append(rest, 2)
	}
	opts2, out2, _ := newAssessOptions(t, rest...)
	opts2.Store = opts.Store
	opts2.Resume = true
	if err := assessRun(context.Background(), opts2); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out2.String(), `"answered": 19`) {
		t.Errorf("resumed report:\n%s", out2)
	}
	// What she holds is never recommended.
	if strings.Contains(out2.String(), `"id": "cspo"`) || strings.Contains(out2.String(), `"id": "pspo-1"`) {
		t.Errorf("a certification she holds is recommended:\n%s", out2)
	}
}

func TestAssessRunRejectsBadFlags(t *testing.T) {
	for name, mutate := range map[string]func(*AssessOptions){
		"assessor": func(o *AssessOptions) { o.Assessor = "boss" },
		"target":   func(o *AssessOptions) { o.Roles.Target = "wizard" },
		"current":  func(o *AssessOptions) { o.Roles.Current = "wizard" },
		"track":    func(o *AssessOptions) { o.Roles.Track = "sideways" },
		"save":     func(o *AssessOptions) { o.Save, o.NoSave = true, true },
	} {
		opts, _, _ := newAssessOptions(t)
		mutate(opts)
		if err := assessRun(context.Background(), opts); exitCode(err) != ExitInvalid {
			t.Errorf("%s: want invalid usage, got %v", name, err)
		}
	}
}
