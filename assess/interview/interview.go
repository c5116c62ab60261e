// Package interview asks a person the rubric's questions through a Prompter: the survey
// prompter on a terminal, numbered plain prompts elsewhere (or with --accessible), or a
// script in tests (interview/prompttest). Only survey_prompter.go imports the terminal
// libraries.
package interview

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// Choices the interview adds to a question's anchored statements.
const (
	choiceSkip = "Not applicable / skip"
	choiceBack = "Back to the previous question"
	// choiceProfile is "back" on the first question when the profile was asked just before.
	choiceProfile = "Back to the role, track and target questions"
)

// Interview collects answers through a Prompter: who is answering, their current and
// target roles and track, then every question by category. Expected levels are never
// shown while answering, so they cannot steer the answers.
type Interview struct {
	Rubric   *rubric.Rubric
	Prompter Prompter
	// Out receives the interview's text between prompts (stderr).
	Out io.Writer
	// Width is Out's width in columns when it is a terminal: the text written there is
	// wrapped at word boundaries to fit. 0 leaves lines as they are.
	Width int
	// Quick asks only the first question of each skill.
	Quick bool
	// OfSomeoneElse is set when a manager or a peer answers about the person: the
	// profile questions are worded about them.
	OfSomeoneElse bool
	// DefaultName is offered when asking for the person's name.
	DefaultName string
	// ResumeCommand is the command the intro says continues a paused interview;
	// "" is pmladder assess --resume.
	ResumeCommand string

	earlier earlierProfile
	// Evidence asks, after each skill's last question, for an example that backs the
	// rating: one line, Enter to skip (the evidence setting, on by default).
	Evidence bool
	// Checkpoint is called after every answer, so that a draft survives an interruption.
	Checkpoint func(*assess.Answers) error
}

// Questions returns the questions an interview asks, in order.
func (iv *Interview) Questions() []*rubric.Question {
	return assess.QuestionsAsked(iv.Rubric, iv.Quick)
}

// Reading speed and choosing time behind the interview's time estimate: 238 words a minute
// is the average silent reading rate of adults for non-fiction (Brysbaert, 2019), and a
// person takes a few seconds more to settle on a statement once it is read.
const (
	readingWordsPerMinute = 238
	secondsToChoose       = 5
)

// Minutes estimates how long the interview takes: every question and statement read once,
// then a choice. The statements are most of it: the built-in ladder's 38 questions are
// about 3,000 words.
func (iv *Interview) Minutes() int {
	qs := iv.Questions()
	words := 0
	for _, q := range qs {
		words += len(strings.Fields(q.Text))
		for _, o := range q.Options {
			words += len(strings.Fields(o.Text))
		}
	}
	seconds := words*60/readingWordsPerMinute + len(qs)*secondsToChoose
	return max(1, (seconds+30)/60)
}

// Intro describes the interview before it starts.
func (iv *Interview) Intro() string {
	qs := iv.Questions()
	resume := iv.ResumeCommand
	if resume == "" {
		resume = "pmladder assess --resume"
	}
	what := "Answer with what you do today, not what you could do."
	if iv.OfSomeoneElse {
		what = "Answer with what they do today, as you have seen it: each statement is theirs."
	}
	return iv.fit(fmt.Sprintf(`%s: %s in %s, about %s.
%s Your answers stay on this machine.
%sCtrl-C pauses at any time: your answers are kept and '%s' continues.
`, iv.Rubric.Title(), words.Count(len(qs), "question", "questions"), words.Count(len(iv.Rubric.Categories), "category", "categories"), words.Count(iv.Minutes(), "minute", "minutes"), what, iv.evidenceIntro(), resume))
}

// evidenceIntro tells, when evidence is asked, what it is for.
func (iv *Interview) evidenceIntro() string {
	if !iv.Evidence {
		return ""
	}
	return iv.words("After each skill you may type an example of your work that backs your answers: it goes into the promotion case of the report. Enter skips it.\n",
		"After each skill you may type an example of their work that backs your answers: it goes into the promotion case of the report. Enter skips it.\n")
}

// fit wraps each line of text to the width of Out; blank lines stay as they are.
func (iv *Interview) fit(text string) string {
	if iv.Width < 20 {
		return text
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.TrimSpace(line) == "" {
			b.WriteString(line)
		} else {
			b.WriteString(textwrap.Wrap(line, iv.Width-1, "", "")) // ends with a newline
		}
	}
	if !strings.HasSuffix(text, "\n") {
		return strings.TrimSuffix(b.String(), "\n")
	}
	return b.String()
}

// words are the profile questions, asked of the person or, by a manager or a peer,
// about them.
func (iv *Interview) words(self, other string) string {
	if iv.OfSomeoneElse {
		return other
	}
	return self
}

// earlierProfile holds the role questions' answers when they are asked again (back from
// the first question): each is the default the second time. "" is "not sure",
// "undecided", "decide for me".
type earlierProfile struct{ current, track, target string }

// choiceOr is the index of id among ids, for a question's default, or other when id is
// not among them.
func choiceOr(ids []string, id string, other int) int {
	if i := slices.Index(ids, id); i >= 0 && id != "" {
		return i
	}
	return other
}

// AskProfile asks for what the answers do not already hold: the person's name, current
// role, track and target. Flags fill these beforehand to skip the questions.
func (iv *Interview) AskProfile(a *assess.Answers, askRoles bool) error {
	for a.Person == "" {
		name, err := iv.Prompter.Input(iv.words("Your name", "The name of the person you assess"), iv.DefaultName)
		if err != nil {
			return err
		}
		if !utf8.ValidString(name) {
			fmt.Fprint(iv.Out, iv.fit("That name is not UTF-8 text (check the terminal's encoding); please type it again.\n"))
			continue
		}
		a.Person = strings.TrimSpace(name)
		if err := iv.checkpoint(a); err != nil {
			return err
		}
	}
	if !askRoles {
		return nil
	}
	r := iv.Rubric
	if a.CurrentRole == "" {
		roles := r.LadderRoles(a.Track)
		opts := make([]string, 0, len(roles)+1)
		for _, ro := range roles {
			opts = append(opts, ro.Name)
		}
		opts = append(opts, "Not sure: estimate it from my answers")
		i, err := iv.Prompter.Select(iv.words("Your current role", "Their current role"), opts, choiceOr(roleIDs(roles), iv.earlier.current, len(roles)), "")
		if err != nil {
			return err
		}
		if i < len(roles) {
			a.CurrentRole = roles[i].ID
		}
		if err := iv.checkpoint(a); err != nil {
			return err
		}
	}
	if a.Track == "" && len(r.Tracks) > 0 {
		if ro := r.Role(a.CurrentRole); ro != nil && len(ro.Tracks) == 1 {
			a.Track = ro.Tracks[0] // the role is on one track only
		} else {
			opts := make([]string, 0, len(r.Tracks)+1)
			for _, t := range r.Tracks {
				opts = append(opts, t.Name)
			}
			opts = append(opts, "Undecided: consider every track")
			i, err := iv.Prompter.Select(iv.words("Which track do you want to grow on?", "Which track do they want to grow on?"), opts, choiceOr(r.TrackIDs(), iv.earlier.track, len(r.Tracks)), trackHelp(r))
			if err != nil {
				return err
			}
			if i < len(r.Tracks) {
				a.Track = r.Tracks[i].ID
			}
		}
		if err := iv.checkpoint(a); err != nil {
			return err
		}
	}
	if a.TargetRole == "" {
		roles := targetChoices(r, a.CurrentRole, a.Track)
		if len(roles) > 0 {
			opts := make([]string, 0, len(roles)+1)
			for _, ro := range roles {
				opts = append(opts, ro.Name)
			}
			opts = append(opts, "Decide for me")
			i, err := iv.Prompter.Select(iv.words("Which role are you aiming for?", "Which role are they aiming for?"), opts, choiceOr(roleIDs(roles), iv.earlier.target, len(roles)), "")
			if err != nil {
				return err
			}
			if i < len(roles) {
				a.TargetRole = roles[i].ID
			}
			if err := iv.checkpoint(a); err != nil {
				return err
			}
		}
	}
	return iv.askCertifications(a)
}

// targetChoices are the roles the target question offers: the current role's next roles on
// the track first (the usual aim), then every other role a person could aim for: ladder
// roles on the track above the current level, in rubric order, and the lateral roles. With
// no current role, every ladder role on the track and the lateral roles.
func targetChoices(r *rubric.Rubric, current, track string) []*rubric.Role {
	var roles []*rubric.Role
	listed := map[string]bool{current: true}
	level := 0
	if cur := r.Role(current); cur != nil {
		level = cur.Level
		for _, id := range cur.Next {
			if ro := r.Role(id); ro.OnTrack(track) && !listed[id] {
				roles, listed[id] = append(roles, ro), true
			}
		}
	}
	for _, ladder := range []bool{true, false} { // up the ladder, then across
		for i := range r.Roles {
			ro := &r.Roles[i]
			if ro.IsLadder() != ladder || listed[ro.ID] || !ro.OnTrack(track) || (ladder && ro.Level <= level) {
				continue
			}
			roles, listed[ro.ID] = append(roles, ro), true
		}
	}
	return roles
}

// askCertifications asks once which of the rubric's certifications the person holds, so
// that none of them is recommended; Enter skips it.
func (iv *Interview) askCertifications(a *assess.Answers) error {
	certs := iv.Rubric.Certifications
	if len(certs) == 0 || len(a.Certifications) > 0 {
		return nil
	}
	opts := make([]string, len(certs))
	for i, c := range certs {
		opts[i] = c.Name
	}
	picked, err := iv.Prompter.MultiSelect(iv.words("Which of these do you hold already? (none is fine)", "Which of these do they hold already? (none is fine)"), opts,
		"Certifications you hold are never recommended, and those that require one you hold become open to you.")
	if err != nil {
		return err
	}
	for _, i := range picked {
		a.Certifications = append(a.Certifications, certs[i].ID)
	}
	return iv.checkpoint(a)
}

// roleIDs are the ids of roles, in order.
func roleIDs(roles []*rubric.Role) []string {
	ids := make([]string, len(roles))
	for i, ro := range roles {
		ids[i] = ro.ID
	}
	return ids
}

func trackHelp(r *rubric.Rubric) string {
	var b strings.Builder
	for _, t := range r.Tracks {
		fmt.Fprintf(&b, "%s: %s\n", t.Name, strings.TrimSpace(t.Description))
	}
	return strings.TrimSpace(b.String())
}

// Run asks the profile (AskProfile) and then the questions. When it asked
// any of the role, track, target or certification questions, the first question offers
// "back" to them: they are cleared to what the flags or the draft gave and asked again. The
// name is not asked again: the draft is filed under it.
func (iv *Interview) Run(a *assess.Answers, askRoles bool) error {
	type profile struct{ current, track, target, certs string }
	of := func(a *assess.Answers) profile {
		return profile{a.CurrentRole, a.Track, a.TargetRole, strings.Join(a.Certifications, ";")}
	}
	for {
		before, certs := of(a), slices.Clone(a.Certifications)
		if err := iv.AskProfile(a, askRoles); err != nil {
			return err
		}
		err := iv.askQuestions(a, of(a) != before)
		if !errors.Is(err, errBackToProfile) {
			return err
		}
		// Asked again, each question offers the answer given as its default.
		iv.earlier = earlierProfile{current: a.CurrentRole, track: a.Track, target: a.TargetRole}
		a.CurrentRole, a.Track, a.TargetRole, a.Certifications = before.current, before.track, before.target, certs
	}
}

// errBackToProfile is how the first question asks Run for the profile questions again.
var errBackToProfile = errors.New("back to the profile questions")

// askQuestions asks every question not yet answered, starting at the first unanswered
// one. "Back" returns to the previous question, whose answer becomes the default; from the
// first question, when backToProfile, it returns errBackToProfile.
func (iv *Interview) askQuestions(a *assess.Answers, backToProfile bool) error {
	qs := iv.Questions()
	i := 0
	for i < len(qs) {
		if _, done := a.Get(qs[i].ID); !done {
			break
		}
		i++
	}
	for i < len(qs) {
		q := qs[i]
		skill := iv.Rubric.Skill(q.Skill)
		cat := iv.Rubric.Category(skill.Category)
		fmt.Fprint(iv.Out, iv.fit(fmt.Sprintf("\n%s · %d of %d · %s\n", cat.Name, i+1, len(qs), skill.Name)))

		opts, scores := iv.Rubric.Choices(q)
		skipAt := len(opts)
		opts = append(opts, choiceSkip)
		if i > 0 {
			opts = append(opts, choiceBack)
		} else if backToProfile {
			opts = append(opts, choiceProfile)
		}
		def := NoDefault // Enter alone never picks a score; an earlier answer is kept by it
		if prev, ok := a.Get(q.ID); ok {
			def = skipAt
			for j, s := range scores {
				if !prev.NA && s == prev.Score {
					def = j
				}
			}
		}
		choice, err := iv.Prompter.Select(q.Text, opts, def, strings.TrimSpace(skill.Description))
		if err != nil {
			return err
		}
		switch {
		case choice == skipAt:
			a.Set(q.ID, assess.Answer{NA: true})
		case choice > skipAt && i == 0:
			return errBackToProfile
		case choice > skipAt:
			i--
			continue
		default:
			a.Set(q.ID, assess.Answer{Score: scores[choice]})
		}
		if err := iv.checkpoint(a); err != nil {
			return err
		}
		if iv.Evidence && (i == len(qs)-1 || qs[i+1].Skill != q.Skill) {
			if err := iv.askEvidence(a, skill, qs[:i+1]); err != nil {
				return err
			}
		}
		i++
	}
	return nil
}

// evidenceClear, typed where evidence was given before, removes it: Enter keeps it.
const evidenceClear = "-"

// askEvidence asks for an example that backs the answers to a skill's questions, once
// they are answered; a skill whose every question was skipped has no rating to back.
func (iv *Interview) askEvidence(a *assess.Answers, skill *rubric.Skill, asked []*rubric.Question) error {
	rated := false
	for _, q := range asked {
		if ans, ok := a.Get(q.ID); ok && q.Skill == skill.ID && !ans.NA {
			rated = true
		}
	}
	if !rated {
		return nil
	}
	prev := ""
	if e := a.EvidenceFor(skill.ID); e != nil {
		prev = *e
	}
	how := "one line; Enter skips"
	if prev != "" {
		how = "Enter keeps it; " + evidenceClear + " removes it"
	}
	msg := fmt.Sprintf("%s: %s (%s)", skill.Name, iv.words("an example of your work that shows it", "an example of their work that shows it"), how)
	text, err := iv.Prompter.Input(msg, prev)
	if err != nil {
		return err
	}
	text = strings.Join(strings.Fields(text), " ") // one line, whatever was pasted
	if text == evidenceClear {
		text = ""
	}
	if text == prev {
		return nil
	}
	a.SetEvidence(skill.ID, text)
	return iv.checkpoint(a)
}

func (iv *Interview) checkpoint(a *assess.Answers) error {
	if iv.Checkpoint == nil {
		return nil
	}
	return iv.Checkpoint(a)
}
