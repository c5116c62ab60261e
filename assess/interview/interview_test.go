package interview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/assesstest"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/assess/interview/prompttest"
	"github.com/pmladder/pmladder/rubric"
)

// def, in a script, takes a Select's default.
const def = -1

func newInterview(t *testing.T, script ...any) (*Interview, *prompttest.Prompter, *[]string) {
	t.Helper()
	r, err := rubric.Parse("mini.yaml", []byte(assesstest.Mini))
	if err != nil {
		t.Fatal(err)
	}
	p := &prompttest.Prompter{Answers: script}
	var saved []string
	iv := &Interview{Rubric: r, Prompter: p, Out: io.Discard, DefaultName: "login",
		Checkpoint: func(a *assess.Answers) error {
			saved = append(saved, string(input.MarshalYAML(a, r)))
			return nil
		}}
	return iv, p, &saved
}

func TestInterviewProfileAndQuestions(t *testing.T) {
	// Name (default), current: Junior, track: IC, target: Senior (the only next role on
	// IC plus "decide"), then the three questions.
	iv, p, saved := newInterview(t, "", 0, 0, 0, 1, 2, 3)
	a := assess.NewAnswers(iv.Rubric)
	if err := iv.AskProfile(a, true); err != nil {
		t.Fatal(err)
	}
	if err := iv.askQuestions(a, false); err != nil {
		t.Fatal(err)
	}
	if a.Person != "login" || a.CurrentRole != "jr" || a.Track != "ic" || a.TargetRole != "sr" {
		t.Errorf("profile %+v", a)
	}
	// Options are offered lowest score first: bottom(1), middle(2), top(3); index 1 is 2.
	if get(a, "a.1").Score != 2 || get(a, "a.2").Score != 3 || get(a, "b.1").NA != true {
		t.Errorf("values %v", a)
	}
	if got := strings.Join(p.Options[2], "|"); got != "Senior|Decide for me" {
		t.Errorf("target choices on the ic track: %s", got)
	}
	if got := strings.Join(p.Options[3], "|"); got != "bottom|middle|top|Not applicable / skip" {
		t.Errorf("first question has no back: %s", got)
	}
	// A plain rating offers the scale's points with their labels.
	if got := strings.Join(p.Options[4], "|"); got != "1 Low|2 Mid|3 High|Not applicable / skip|Back to the previous question" {
		t.Errorf("plain rating: %s", got)
	}
	if len(*saved) != 7 {
		t.Errorf("a checkpoint after every answer: %d", len(*saved))
	}
	for _, q := range p.Asked {
		if strings.Contains(q, "expect") {
			t.Errorf("expected levels must not be shown while answering: %s", q)
		}
	}
}

func TestInterviewDefaultsEverywhere(t *testing.T) {
	iv, p, _ := newInterview(t, "", def, def, def, def, def, 0, def, 1, 0)
	a := assess.NewAnswers(iv.Rubric)
	if err := iv.AskProfile(a, true); err != nil {
		t.Fatal(err)
	}
	if err := iv.askQuestions(a, false); err != nil {
		t.Fatal(err)
	}
	// Enter on the profile: not sure, undecided, decide for me. Enter on a question with
	// no answer yet picks no score: it is asked again.
	if a.CurrentRole != "" || a.Track != "" || a.TargetRole != "" || a.Count(iv.Rubric.Questions()) != 3 || get(a, "a.1").Score != 1 {
		t.Errorf("%+v", a)
	}
	if n := len(p.Answers); n != 0 {
		t.Errorf("%d answers left over", n)
	}
}

func TestInterviewBack(t *testing.T) {
	// a.1 → bottom; a.2 (a plain rating: three points, skip, back) → back; a.1 again →
	// top; a.2 → 2; b.1 → 1.
	iv, p, _ := newInterview(t, 0, 4, 2, 1, 0)
	a := assess.NewAnswers(iv.Rubric)
	if err := iv.askQuestions(a, false); err != nil {
		t.Fatal(err)
	}
	if get(a, "a.1").Score != 3 || get(a, "a.2").Score != 2 || get(a, "b.1").Score != 1 {
		t.Errorf("values %v", a)
	}
	if len(p.Asked) != 5 {
		t.Errorf("asked %d", len(p.Asked))
	}
}

func TestInterviewResumeAndInterrupt(t *testing.T) {
	iv, _, saved := newInterview(t, 2, prompttest.Interrupt)
	a := assess.NewAnswers(iv.Rubric)
	err := iv.askQuestions(a, false)
	if !errors.Is(err, assess.ErrInterrupted) {
		t.Fatalf("want interrupted, got %v", err)
	}
	if len(*saved) != 1 || get(a, "a.1").Score != 3 {
		t.Fatalf("the answer before the interruption is kept: %v", a)
	}
	// Resume starts at the first unanswered question.
	iv2, p2, _ := newInterview(t, 0, 0)
	if err := iv2.askQuestions(a, false); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p2.Asked[0], "select: Alpha two?") || a.Count(iv.Rubric.Questions()) != 3 {
		t.Errorf("resumed at %q, values %v", p2.Asked[0], a)
	}
}

func TestInterviewQuickAndIntro(t *testing.T) {
	iv, _, _ := newInterview(t)
	iv.Quick = true
	if n := len(iv.Questions()); n != 2 {
		t.Errorf("--quick asks the first question of each skill: %d", n)
	}
	intro := iv.Intro()
	if !strings.Contains(intro, "Mini: 2 questions in 1 category, about 1 minute.") {
		t.Errorf("intro %q", intro)
	}
	if !strings.Contains(intro, "pmladder assess --resume") {
		t.Errorf("the intro says how to pause: %q", intro)
	}
}

func TestInterviewOneTrackRoleSetsTrack(t *testing.T) {
	iv, p, _ := newInterview(t, "Ada", 2, def)
	a := assess.NewAnswers(iv.Rubric)
	if err := iv.AskProfile(a, true); err != nil {
		t.Fatal(err)
	}
	// Lead is on the management track only: no track question; Lead has no next role on
	// it, so no target question either.
	if a.CurrentRole != "lead" || a.Track != "mgmt" || len(p.Asked) != 2 {
		t.Errorf("%+v asked %v", a, p.Asked)
	}
}

// The plain prompter, through a pipe: numbered options, re-asking on bad input, help on
// "?", and the end of input as an interruption.
func TestPlainPrompter(t *testing.T) {
	var out bytes.Buffer
	in := strings.NewReader("9\nx\n?\n2\n\nAda\n")
	p := NewPlainPrompter(context.Background(), in, &out)
	i, err := p.Select("Pick one", []string{"first", "second"}, 0, "Some help.")
	if err != nil || i != 1 {
		t.Fatalf("got %d %v", i, err)
	}
	if got := out.String(); !strings.Contains(got, "  1) first\n  2) second\n") || strings.Count(got, "Please answer with a number from 1 to 2.") != 2 ||
		!strings.Contains(got, "Some help.") {
		t.Errorf("output:\n%s", got)
	}
	if i, err := p.Select("Again", []string{"a", "b", "c"}, 2, ""); err != nil || i != 2 {
		t.Errorf("empty line takes the default: %d %v", i, err)
	}
	out.Reset()
	p = NewPlainPrompter(context.Background(), strings.NewReader("\n\n3\n"), &out)
	if i, err := p.Select("A score", []string{"0 Not yet", "1 Aware", "2 Working"}, NoDefault, ""); err != nil || i != 2 {
		t.Errorf("no default: %d %v", i, err)
	}
	if got := out.String(); strings.Contains(got, "[") || strings.Count(got, "Please answer with a number from 1 to 3: this question has no default.") != 2 {
		t.Errorf("an empty line with no default asks again, and the prompt shows none:\n%s", got)
	}
	p = NewPlainPrompter(context.Background(), strings.NewReader("Ada\n"), &out)
	if s, err := p.Input("Name", "x"); err != nil || s != "Ada" {
		t.Errorf("input %q %v", s, err)
	}
	if _, err := p.Select("More", []string{"a"}, 0, ""); !errors.Is(err, assess.ErrInterrupted) {
		t.Errorf("end of input: %v", err)
	}
}

func TestPlainPrompterCancel(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	p := NewPlainPrompter(ctx, r, io.Discard)
	cancel()
	if _, err := p.Input("Name", ""); !errors.Is(err, assess.ErrInterrupted) {
		t.Errorf("a cancelled context (Ctrl-C) interrupts a waiting question: %v", err)
	}
}

func TestInterviewBackKeepsThePreviousAnswerAsDefault(t *testing.T) {
	iv, _, _ := newInterview(t, 1, 4, def, 0, 0)
	a := assess.NewAnswers(iv.Rubric)
	if err := iv.askQuestions(a, false); err != nil {
		t.Fatal(err)
	}
	if get(a, "a.1").Score != 2 {
		t.Errorf("Enter on a revisited question keeps its answer: %v", get(a, "a.1"))
	}
}

func TestPlainPrompterEchoesPipedAnswers(t *testing.T) {
	var out bytes.Buffer
	p := NewPlainPrompter(context.Background(), strings.NewReader("2\nAda\n"), &out)
	p.Echo = true
	p.Select("Pick", []string{"a", "b"}, 0, "")
	p.Input("Name", "")
	if got := out.String(); !strings.Contains(got, "Choose 1-2 [1]: 2\n") || !strings.HasSuffix(got, "Name: Ada\n") {
		t.Errorf("a scripted interview's log shows each answer after its prompt:\n%s", got)
	}
}

// On a terminal of known width (--accessible), a long question and long options are
// wrapped at words, each option's lines under its text; piped, each is one line.
func TestPlainPrompterWrapsToTheTerminal(t *testing.T) {
	long := "Joins customer calls and writes up what was said; asks why before proposing a solution; shares the notes with the team"
	for _, width := range []int{0, 40} {
		var out bytes.Buffer
		p := NewPlainPrompter(context.Background(), strings.NewReader("1\n"), &out)
		p.Width = width
		if _, err := p.Select("Customer insight: which is the highest of these you already do?", []string{"None of these yet", long}, 0, ""); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		for _, line := range lines {
			if width > 0 && len(line) >= width && !strings.HasPrefix(line, "Choose") {
				t.Errorf("width %d: a line of %d columns: %q", width, len(line), line)
			}
		}
		switch {
		case width == 0 && !strings.Contains(out.String(), "  2) "+long+"\n"):
			t.Errorf("piped, an option is one line:\n%s", out.String())
		case width > 0 && !strings.Contains(out.String(), "  2) Joins customer calls and writes up\n     what was said;"):
			t.Errorf("at %d columns, an option's lines go under its text:\n%s", width, out.String())
		}
	}
}

// get returns the answer to a question, or the zero Answer.
func get(a *assess.Answers, id string) assess.Answer {
	v, _ := a.Get(id)
	return v
}

func TestPlainMultiSelect(t *testing.T) {
	var out bytes.Buffer
	p := NewPlainPrompter(context.Background(), strings.NewReader("4\n3, 1 3\n\n"), &out)
	if picked, err := p.MultiSelect("Held?", []string{"a", "b", "c"}, ""); err != nil || fmt.Sprint(picked) != "[0 2]" {
		t.Fatalf("%v %v", picked, err)
	}
	// "4" is off the list: asked again; then 3, 1 and 3 again are c and a, once each.
	if !strings.Contains(out.String(), "Please answer with numbers from 1 to 3") {
		t.Errorf("prompt:\n%s", out.String())
	}
	picked, err := p.MultiSelect("Held?", []string{"a", "b", "c"}, "")
	if err != nil || len(picked) != 0 {
		t.Errorf("an empty line picks none: %v %v", picked, err)
	}
}

// From the first question, "back" returns to the role, track and target questions, which
// are asked again from what the flags gave; the name is kept.
func TestInterviewBackToProfile(t *testing.T) {
	iv, p, _ := newInterview(t, "Ada", 0, 0, 0, 4, 0, 1, 0, 1, 2, 3)
	a := assess.NewAnswers(iv.Rubric)
	if err := iv.Run(a, true); err != nil {
		t.Fatal(err)
	}
	if got := p.Options[3][4]; got != "Back to the role, track and target questions" {
		t.Errorf("first question's last choice: %q", got)
	}
	if a.Person != "Ada" || a.CurrentRole != "jr" || a.Track != "mgmt" || a.TargetRole != "lead" {
		t.Errorf("the second profile holds: %+v", a)
	}
	if get(a, "a.1").Score != 2 || get(a, "b.1").NA != true {
		t.Errorf("answers after going back: %v", a)
	}
	// Asked again, each question offers the earlier answer: Enter keeps it.
	iv, _, _ = newInterview(t, "Ada", 0, 0, 0, 4, def, def, def, 1, 2, 3)
	c := assess.NewAnswers(iv.Rubric)
	if err := iv.Run(c, true); err != nil {
		t.Fatal(err)
	}
	if c.CurrentRole != "jr" || c.Track != "ic" || c.TargetRole != "sr" {
		t.Errorf("Enter on the profile asked again keeps the earlier choices: %+v", c)
	}
	// Resumed with the profile complete, there is nothing to go back to.
	iv, p, _ = newInterview(t, 1, 2, 3)
	b := assess.NewAnswers(iv.Rubric)
	b.Person, b.CurrentRole, b.Track, b.TargetRole = "Ada", "jr", "ic", "sr"
	if err := iv.Run(b, false); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Options[0], "|"); strings.Contains(got, "Back") {
		t.Errorf("no back on a resumed first question: %s", got)
	}
}

// TestInterviewEvidence: the example is asked once a skill's last question is answered,
// not for a skill whose every question was skipped; going back asks it again with the
// example given as the default, which Enter keeps and "-" removes.
func TestInterviewEvidence(t *testing.T) {
	t.Run("asked after each rated skill", func(t *testing.T) {
		iv, p, _ := newInterview(t, 1, 2, "Led the churn review", 3)
		iv.Evidence = true
		a := assess.NewAnswers(iv.Rubric)
		if err := iv.askQuestions(a, false); err != nil {
			t.Fatal(err)
		}
		var inputs []string
		for _, q := range p.Asked {
			if strings.HasPrefix(q, "input: ") {
				inputs = append(inputs, q)
			}
		}
		if want := []string{"input: Alpha: an example of your work that shows it (one line; Enter skips)"}; fmt.Sprint(inputs) != fmt.Sprint(want) {
			t.Errorf("asked %q, want %q (Beta was skipped: nothing to back)", inputs, want)
		}
		if e := a.EvidenceFor("a"); e == nil || *e != "Led the churn review" || a.EvidenceFor("b") != nil {
			t.Errorf("evidence %v", a.Evidence)
		}
	})
	t.Run("back keeps or removes it", func(t *testing.T) {
		for _, tc := range []struct{ again, want string }{{"", "Led the churn review"}, {"-", ""}, {"Ran the  pricing\ttest", "Ran the pricing test"}} {
			iv, p, saved := newInterview(t, 1, 2, "Led the churn review", 4 /* back */, def, tc.again, 0, "")
			iv.Evidence = true
			a := assess.NewAnswers(iv.Rubric)
			if err := iv.askQuestions(a, false); err != nil {
				t.Fatal(err)
			}
			got := ""
			if e := a.EvidenceFor("a"); e != nil {
				got = *e
			}
			if got != tc.want {
				t.Errorf("typed %q again: evidence %q, want %q", tc.again, got, tc.want)
			}
			if !strings.Contains(strings.Join(p.Asked, "\n"), "input: Alpha: an example of your work that shows it (Enter keeps it; - removes it)") {
				t.Errorf("the second time, the question says how to keep or remove the example:\n%s", strings.Join(p.Asked, "\n"))
			}
			if last := (*saved)[len(*saved)-1]; !strings.Contains(last, "a: "+tc.want) && tc.want != "" {
				t.Errorf("the draft does not hold the example:\n%s", last)
			}
		}
	})
	t.Run("of someone else", func(t *testing.T) {
		iv, p, _ := newInterview(t, 1, 2, "", 0, "")
		iv.Evidence, iv.OfSomeoneElse = true, true
		if err := iv.askQuestions(assess.NewAnswers(iv.Rubric), false); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(p.Asked, "\n"), "input: Alpha: an example of their work that shows it") {
			t.Errorf("a manager is asked about their work:\n%s", strings.Join(p.Asked, "\n"))
		}
	})
}

// On a terminal of a known width the plain prompts wrap at word boundaries, each
// option's lines hanging under its text, not under its number.
func TestPlainPrompterWrapsWithHangingIndent(t *testing.T) {
	var out bytes.Buffer
	p := NewPlainPrompter(context.Background(), strings.NewReader("1\n"), &out)
	p.Width = 40
	long := "I set success metrics before we build and check them after launch."
	if _, err := p.Select("How do you use metrics in your product work?", []string{long, "No"}, NoDefault, ""); err != nil {
		t.Fatal(err)
	}
	want := "How do you use metrics in your product\nwork?\n" +
		"  1) I set success metrics before we\n" +
		"     build and check them after launch.\n" +
		"  2) No\n"
	if got := out.String(); !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
