package assess

import (
	"errors"
	"io"

	"github.com/AlecAivazis/survey/v2"
	"github.com/AlecAivazis/survey/v2/terminal"
)

// SurveyPrompter asks with survey's arrow-key menus on a terminal. It is the only code
// that knows about survey.
type SurveyPrompter struct {
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
func NewSurveyPrompter(in, out Terminal) *SurveyPrompter {
	return &SurveyPrompter{in: in, out: out, err: out}
}

func (p *SurveyPrompter) opts() survey.AskOpt { return survey.WithStdio(p.in, p.out, p.err) }

// Input implements Prompter.
func (p *SurveyPrompter) Input(message, def string) (string, error) {
	var answer string
	err := survey.AskOne(&survey.Input{Message: message, Default: def}, &answer, p.opts())
	return answer, interrupted(err)
}

// Select implements Prompter.
func (p *SurveyPrompter) Select(message string, options []string, def int, help string) (int, error) {
	var index int
	q := &survey.Select{Message: message, Options: options, Help: help, PageSize: len(options)}
	if def >= 0 && def < len(options) {
		q.Default = def // by index: two options may read the same
	}
	err := survey.AskOne(q, &index, p.opts())
	return index, interrupted(err)
}

// MultiSelect implements Prompter.
func (p *SurveyPrompter) MultiSelect(message string, options []string, help string) ([]int, error) {
	var picked []int
	q := &survey.MultiSelect{Message: message, Options: options, Help: help, PageSize: min(len(options), 15)}
	err := survey.AskOne(q, &picked, p.opts())
	return picked, interrupted(err)
}

// interrupted maps Ctrl-C and the end of input to ErrInterrupted.
func interrupted(err error) error {
	if errors.Is(err, terminal.InterruptErr) || errors.Is(err, io.EOF) {
		return ErrInterrupted
	}
	return err
}
