package assess

import (
	"context"
	"errors"
	"io"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
	"golang.org/x/term"
)

// SurveyPrompter asks with survey's arrow-key menus on a terminal. It is the only code
// that knows about survey.
type SurveyPrompter struct {
	ctx context.Context
	in  terminal.FileReader
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
	return &SurveyPrompter{ctx: ctx, in: endOfInput{in}, out: out, err: out}
}

func (p *SurveyPrompter) opts() survey.AskOpt { return survey.WithStdio(p.in, p.out, p.err) }

// endOfInput turns Ctrl-D (end of transmission) into Ctrl-C, so that it ends the
// interview, as the end of input does everywhere else, instead of choosing the
// highlighted option.
type endOfInput struct{ Terminal }

func (e endOfInput) Read(b []byte) (int, error) {
	n, err := e.Terminal.Read(b)
	for i := range b[:n] {
		if b[i] == 0x04 {
			b[i] = 0x03
		}
	}
	return n, err
}

// ask runs one survey question until it is answered or the context is cancelled; then
// the terminal is put back as it was (survey left it raw, the cursor hidden) and the
// question is abandoned.
func (p *SurveyPrompter) ask(q survey.Prompt, answer any) error {
	fd := int(p.in.Fd())
	state, stateErr := term.GetState(fd)
	done := make(chan error, 1)
	go func() { done <- survey.AskOne(q, answer, p.opts()) }()
	select {
	case err := <-done:
		return interrupted(err)
	case <-p.ctx.Done():
		if stateErr == nil {
			term.Restore(fd, state)
		}
		io.WriteString(p.out, "\x1b[?25h\n") // show the cursor again
		return ErrInterrupted
	}
}

// Input implements Prompter.
func (p *SurveyPrompter) Input(message, def string) (string, error) {
	var answer string
	err := p.ask(&survey.Input{Message: message, Default: def}, &answer)
	return answer, err
}

// Select implements Prompter.
func (p *SurveyPrompter) Select(message string, options []string, def int, help string) (int, error) {
	var index int
	q := &survey.Select{Message: message, Options: options, Help: help, PageSize: len(options)}
	if def >= 0 && def < len(options) {
		q.Default = def // by index: two options may read the same
	}
	err := p.ask(q, &index)
	return index, err
}

// MultiSelect implements Prompter.
func (p *SurveyPrompter) MultiSelect(message string, options []string, help string) ([]int, error) {
	var picked []int
	q := &survey.MultiSelect{Message: message, Options: options, Help: help, PageSize: min(len(options), 15)}
	err := p.ask(q, &picked)
	return picked, err
}

// interrupted maps Ctrl-C and the end of input to ErrInterrupted.
func interrupted(err error) error {
	if errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF) {
		return ErrInterrupted
	}
	return err
}
