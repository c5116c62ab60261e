// Package prompttest provides a scripted assess.Prompter for tests: it answers each
// question from a list and records what was asked.
package prompttest

import (
	"fmt"
	"strings"

	"github.com/pmladder/pmladder/assess"
)

// Interrupt, as a scripted answer, makes the prompter return assess.ErrInterrupted, as
// Ctrl-C would.
const Interrupt = "<interrupt>"

// Prompter answers from Answers in order: an int chooses that option index of a Select
// (a negative one is Enter alone: the default, or with none the question asked again),
// a string answers an Input ("" takes the default), a []int the options of a
// MultiSelect, Interrupt stops the interview. When
// the script runs out it interrupts, as the end of input does.
type Prompter struct {
	Answers []any
	// Asked records each question asked, as "select: message [options]" or "input: message".
	Asked []string
	// Options records the options of each Select, in order.
	Options [][]string
}

func (p *Prompter) next() (any, error) {
	if len(p.Answers) == 0 {
		return nil, assess.ErrInterrupted
	}
	a := p.Answers[0]
	p.Answers = p.Answers[1:]
	if a == Interrupt {
		return nil, assess.ErrInterrupted
	}
	return a, nil
}

// Input implements assess.Prompter.
func (p *Prompter) Input(message, def string) (string, error) {
	p.Asked = append(p.Asked, "input: "+message)
	a, err := p.next()
	if err != nil {
		return "", err
	}
	s, ok := a.(string)
	if !ok {
		return "", fmt.Errorf("script: input %q answered with %v", message, a)
	}
	if s == "" {
		return def, nil
	}
	return s, nil
}

// Select implements assess.Prompter.
func (p *Prompter) Select(message string, options []string, def int, help string) (int, error) {
	p.Asked = append(p.Asked, fmt.Sprintf("select: %s [%s]", message, strings.Join(options, " | ")))
	p.Options = append(p.Options, options)
	a, err := p.next()
	if err != nil {
		return 0, err
	}
	// Enter on a question with no default (NoDefault) asks it again, as the prompters do.
	for v, ok := a.(int); ok && v < 0 && (def < 0 || def >= len(options)); v, ok = a.(int) {
		if a, err = p.next(); err != nil {
			return 0, err
		}
	}
	switch v := a.(type) {
	case int:
		if v < 0 {
			return def, nil
		}
		if v >= len(options) {
			return 0, fmt.Errorf("script: option %d of %d for %q", v, len(options), message)
		}
		return v, nil
	default:
		return 0, fmt.Errorf("script: select %q answered with %v", message, a)
	}
}

// MultiSelect implements assess.Prompter.
func (p *Prompter) MultiSelect(message string, options []string, help string) ([]int, error) {
	p.Asked = append(p.Asked, fmt.Sprintf("multiselect: %s [%s]", message, strings.Join(options, " | ")))
	p.Options = append(p.Options, options)
	a, err := p.next()
	if err != nil {
		return nil, err
	}
	picked, ok := a.([]int)
	if !ok {
		return nil, fmt.Errorf("script: multiselect %q answered with %v", message, a)
	}
	for _, i := range picked {
		if i < 0 || i >= len(options) {
			return nil, fmt.Errorf("script: option %d of %d for %q", i, len(options), message)
		}
	}
	return picked, nil
}
