package interview

import (
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/textwrap"
)

// SurveyPrompter asks with survey's arrow-key menus on a terminal. It is the only code
// that knows about survey.
type SurveyPrompter struct {
	ctx context.Context
	in  *keyInput
	out terminal.FileWriter
	err io.Writer
}

// Terminal is a file that may be a terminal, such as os.Stdin or os.Stderr.
type Terminal interface {
	io.ReadWriter
	Fd() uintptr
}

// NewSurveyPrompter reads keys from in and draws on out; both must be terminals.
// Cancelling ctx (SIGTERM, say) interrupts a question waiting for its answer.
func NewSurveyPrompter(ctx context.Context, in, out Terminal) *SurveyPrompter {
	return &SurveyPrompter{ctx: ctx, in: &keyInput{Terminal: in}, out: out, err: out}
}

func (p *SurveyPrompter) opts() survey.AskOpt { return survey.WithStdio(p.in, p.out, p.err) }

// keyInput is the terminal's keys as survey reads them. Ctrl-D (end of transmission)
// becomes Ctrl-C, so that it ends the interview, as the end of input does everywhere
// else, instead of choosing the highlighted option. After the terminal was resized, the
// open question is fitted again to the new width (refit) before the key read is handled:
// survey then redraws it with words whole. (Survey redraws on a key, so the question
// takes the new width at the first key after the resize.) Read runs on survey's
// goroutine, which is the one that draws, so refit changes the question between draws.
type keyInput struct {
	Terminal
	resized atomic.Bool
	refit   atomic.Pointer[func()]
}

func (k *keyInput) Read(b []byte) (int, error) {
	n, err := k.Terminal.Read(b)
	for i := range b[:n] {
		if b[i] == 0x04 {
			b[i] = 0x03
		}
	}
	if k.resized.Swap(false) {
		if refit := k.refit.Load(); refit != nil {
			(*refit)()
		}
	}
	return n, err
}

// ask runs one survey question until it is answered or the context is cancelled; then
// the terminal is put back as it was (survey left it raw, the cursor hidden) and the
// question is abandoned.
func (p *SurveyPrompter) ask(q survey.Prompt, answer any, extra ...survey.AskOpt) error {
	fd := int(p.in.Fd())
	state, stateErr := term.GetState(fd)
	stopWatching := watchResize(func() { p.in.resized.Store(true) })
	defer stopWatching()
	done := make(chan error, 1)
	go func() { done <- survey.AskOne(q, answer, append(extra, p.opts())...) }()
	select {
	case err := <-done:
		return interrupted(err)
	case <-p.ctx.Done():
		if stateErr == nil {
			term.Restore(fd, state)
		}
		io.WriteString(p.out, "\x1b[?25h\n") // show the cursor again
		return assess.ErrInterrupted
	}
}

// inputRoom is how many columns an answer typed after a message gets on its line.
const inputRoom = 40

// Input implements Prompter.
func (p *SurveyPrompter) Input(message, def string) (string, error) {
	var answer string
	// Room for an answer of a few words after the message, else it starts a line of its own.
	q := &survey.Input{Default: def}
	fit := func() { q.Message, _, _ = p.fit(message, nil, 0, "", max(inputRoom, len(" ()")+len(def))) }
	fit()
	p.in.refit.Store(&fit)
	err := p.ask(q, &answer)
	return answer, err
}

// fit wraps the message, options and help of a question at word boundaries to the
// terminal's width as it is now, so that the terminal never breaks a word: survey draws
// "? " before the message and the help, and a cursor (and a check box) before each option;
// continuation lines are indented to match. Survey's key hint (hint columns wide), then the
// answer chosen, go after the message; when they would not fit on its last line they get a
// line of their own. Without a width the text is left as is.
func (p *SurveyPrompter) fit(message string, options []string, optionIndent int, help string, hint int) (string, []string, string) {
	cols, _, err := term.GetSize(int(p.out.Fd()))
	if err != nil || cols < 20 {
		return message, options, help
	}
	// Wrapped as if the first line had the indent survey gives it, which it then loses
	// (survey draws its own), and the lines after it hang under the text.
	hang := func(s string, indent, rest int) string {
		pad := strings.Repeat(" ", indent)
		return strings.TrimSuffix(strings.TrimPrefix(textwrap.Wrap(s, cols-1, pad, strings.Repeat(" ", rest)), pad), "\n")
	}
	wrap := func(s string, indent int) string { return hang(s, indent, indent) }
	fitted := make([]string, len(options))
	for i, o := range options {
		fitted[i] = hang(o, optionIndent, optionIndent+numberWidth(o))
	}
	if help != "" {
		var lines []string
		for _, line := range strings.Split(strings.TrimRight(help, "\n"), "\n") {
			lines = append(lines, wrap(line, 2))
		}
		help = strings.Join(lines, "\n")
	}
	// After the message come the key hint while the question is open, then the answer
	// chosen ("? message answer"): either goes below when it would not fit after it.
	after := hint
	for _, o := range fitted {
		first, _, _ := strings.Cut(o, "\n")
		after = max(after, 1+textwrap.Width(first))
	}
	message = wrap(message, 2)
	if last := message[strings.LastIndex(message, "\n")+1:]; 2+textwrap.Width(last)+after > cols {
		message += "\n"
	}
	return message, fitted, help
}

// numberWidth is the width of the number an option starts with as Select numbers them
// ("12." and the space after it), where its wrapped lines hang; 0 for other options.
func numberWidth(option string) int {
	num, _, ok := strings.Cut(option, textwrap.NBSP)
	if !ok || !strings.HasSuffix(num, ".") || strings.Trim(num, "0123456789") != "." {
		return 0
	}
	return len(num) + 1
}

// The width of survey's key hints after a question, with the help offer when there is help.
func selectHint(help string) int {
	return len("  [Use arrows to move, type to filter]") + helpHint(help)
}
func multiSelectHint(help string) int {
	return len("  [Use arrows to move, space to select, type to filter]") + helpHint(help)
}
func helpHint(help string) int {
	if help == "" {
		return 0
	}
	return len(", ? for more help")
}

// Select implements Prompter.
// Options are numbered, and typing a number keeps only that option (Enter then picks it),
// unless they begin with numbers of their own (a rating scale: "3 High"), which typing
// then finds. Other text typed filters by the words of the options as written.
func (p *SurveyPrompter) Select(message string, options []string, def int, help string) (int, error) {
	var index int
	plain, numbered := options, !slices.ContainsFunc(options, startsWithDigit)
	if numbered {
		options = make([]string, len(plain))
		for i, o := range plain {
			options[i] = strconv.Itoa(i+1) + "." + textwrap.NBSP + o
		}
	}
	q := &survey.Select{}
	fit := func() {
		q.Message, q.Options, q.Help = p.fit(message, options, len("> "), help, selectHint(help))
		q.PageSize = p.pageSize(q.Message, q.Options)
	}
	fit()
	p.in.refit.Store(&fit)
	q.Filter = func(filter, _ string, i int) bool {
		if n, err := strconv.Atoi(filter); err == nil && numbered {
			return n == i+1
		}
		return strings.Contains(strings.ToLower(plain[i]), strings.ToLower(filter))
	}
	if def >= 0 && def < len(q.Options) {
		q.Default = def // by index: two options may read the same
	}
	err := p.ask(q, &index)
	return index, err
}

// pageSize is how many options survey shows at once: all of them when they fit below the
// question on the terminal, else as many of the tallest as fit (at least three), so that
// the question never scrolls out of view.
func (p *SurveyPrompter) pageSize(message string, options []string) int {
	_, rows, err := term.GetSize(int(p.out.Fd()))
	if err != nil || rows <= 0 {
		return len(options)
	}
	room := rows - strings.Count(message, "\n") - 3 // the question, the key hint, the cursor line
	tallest, lines := 1, 0
	for _, o := range options {
		n := strings.Count(o, "\n") + 1
		tallest, lines = max(tallest, n), lines+n
	}
	if lines <= room {
		return len(options)
	}
	return max(3, min(len(options), room/tallest))
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// MultiSelect implements Prompter.
func (p *SurveyPrompter) MultiSelect(message string, options []string, help string) ([]int, error) {
	var picked []int
	q := &survey.MultiSelect{}
	fit := func() {
		q.Message, q.Options, q.Help = p.fit(message, options, len("> [ ]  "), help, multiSelectHint(help))
		q.PageSize = p.pageSize(q.Message, q.Options)
	}
	fit()
	p.in.refit.Store(&fit)
	// No "select all" or "none" keys: nobody holds every certification, and Enter with
	// none picked already means none; the shorter key hint fits narrow terminals.
	err := p.ask(q, &picked, survey.WithRemoveSelectAll(), survey.WithRemoveSelectNone())
	return picked, err
}

// interrupted maps Ctrl-C and the end of input to assess.ErrInterrupted.
func interrupted(err error) error {
	if errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF) {
		return assess.ErrInterrupted
	}
	return err
}
