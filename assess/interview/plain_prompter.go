package interview

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/textwrap"
)

// PlainPrompter asks with plain numbered prompts, one line per answer and no cursor
// movement: for pipes, scripts and screen readers (--accessible). Invalid input is
// explained and the question asked again.
type PlainPrompter struct {
	ctx   context.Context
	out   io.Writer
	lines chan inputLine
	// Echo writes each answer after its prompt, for input that is not typed on a terminal
	// (which echoes it): a log of a scripted interview then reads as one.
	Echo bool
	// Width, when it is a terminal's (20 columns or more), wraps each option at a word,
	// under its number, so that the terminal never breaks a word; 0 (a pipe) writes each
	// option on one line.
	Width int
}

// inputLine is one line of input; tooLong marks a line past maxAnswer, whose text is
// dropped.
type inputLine struct {
	text    string
	tooLong bool
}

// maxAnswer is the longest answer line kept: a name or a choice is a few words.
const maxAnswer = 64 << 10

// NewPlainPrompter reads answers from in and writes prompts to out. Cancelling ctx (on
// Ctrl-C) interrupts a question waiting for its answer.
func NewPlainPrompter(ctx context.Context, in io.Reader, out io.Writer) *PlainPrompter {
	p := &PlainPrompter{ctx: ctx, out: out, lines: make(chan inputLine)}
	go func() {
		defer close(p.lines)
		br := bufio.NewReaderSize(in, 16<<10)
		for {
			line, err := readLine(br)
			if err != nil && line.text == "" && !line.tooLong {
				return // the end of the input
			}
			select {
			case p.lines <- line:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

// readLine reads up to the next line break, keeping at most maxAnswer bytes: a line of
// any length is read to its end, so the next answer is the next line.
func readLine(br *bufio.Reader) (inputLine, error) {
	var line []byte
	var tooLong bool
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > maxAnswer {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		text := strings.TrimRight(string(line), "\r\n")
		return inputLine{text: text, tooLong: tooLong}, err
	}
}

// readLine returns the next line of input, or assess.ErrInterrupted at the end of the input or
// when the context is cancelled.
func (p *PlainPrompter) readLine() (string, error) {
	for {
		select {
		case in, ok := <-p.lines:
			if !ok {
				return "", assess.ErrInterrupted
			}
			if in.tooLong {
				fmt.Fprintf(p.out, "\nThat answer is longer than %d KiB; please answer again: ", maxAnswer>>10)
				continue
			}
			return p.answer(in.text), nil
		case <-p.ctx.Done():
			return "", assess.ErrInterrupted
		}
	}
}

// answer trims an answer line and echoes it when the input is not a terminal.
func (p *PlainPrompter) answer(line string) string {
	line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
	if p.Echo {
		fmt.Fprintln(p.out, strings.ToValidUTF8(line, "\uFFFD"))
	}
	return line
}

// Input implements Prompter.
func (p *PlainPrompter) Input(message, def string) (string, error) {
	if def != "" {
		fmt.Fprintf(p.out, "%s [%s]: ", message, def)
	} else {
		fmt.Fprintf(p.out, "%s: ", message)
	}
	line, err := p.readLine()
	if err != nil {
		return "", err
	}
	if line == "" {
		return def, nil
	}
	return line, nil
}

// Select implements Prompter.
func (p *PlainPrompter) Select(message string, options []string, def int, help string) (int, error) {
	hint := p.listOptions(message, options, help)
	for {
		fmt.Fprintf(p.out, "Choose 1-%d [%d]%s: ", len(options), def+1, hint)
		line, err := p.readLine()
		if err != nil {
			return 0, err
		}
		switch n, convErr := strconv.Atoi(strings.TrimSuffix(line, ")")); {
		case line == "":
			return def, nil
		case line == "?" && help != "":
			fmt.Fprintln(p.out, help)
		case convErr == nil && n >= 1 && n <= len(options):
			return n - 1, nil
		default:
			fmt.Fprintf(p.out, "Please answer with a number from 1 to %d.\n", len(options))
		}
	}
}

// MultiSelect implements Prompter: the numbers of the chosen options on one line,
// separated by spaces or commas; an empty line chooses none.
func (p *PlainPrompter) MultiSelect(message string, options []string, help string) ([]int, error) {
	hint := p.listOptions(message, options, help)
	for {
		fmt.Fprintf(p.out, "Choose any of 1-%d, separated by spaces [none]%s: ", len(options), hint)
		line, err := p.readLine()
		if err != nil {
			return nil, err
		}
		if line == "?" && help != "" {
			fmt.Fprintln(p.out, help)
			continue
		}
		picked, ok := pickNumbers(line, len(options))
		if ok {
			return picked, nil
		}
		fmt.Fprintf(p.out, "Please answer with numbers from 1 to %d, or press Enter for none.\n", len(options))
	}
}

// pickNumbers reads "2 5,7" as the indexes 1, 4 and 6, each once and in order; ok is false
// for anything else.
func pickNumbers(line string, n int) (picked []int, ok bool) {
	seen := map[int]bool{}
	for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		k, err := strconv.Atoi(strings.TrimSuffix(f, ")"))
		if err != nil || k < 1 || k > n {
			return nil, false
		}
		if !seen[k-1] {
			seen[k-1] = true
			picked = append(picked, k-1)
		}
	}
	slices.Sort(picked)
	return picked, true
}

// listOptions writes a question and its numbered options, and returns the hint to add to
// the prompt when there is help to show.
func (p *PlainPrompter) listOptions(message string, options []string, help string) string {
	if p.Width >= 20 {
		fmt.Fprint(p.out, textwrap.Wrap(message, p.Width-1, "", ""))
	} else {
		fmt.Fprintln(p.out, message)
	}
	for i, o := range options {
		num := fmt.Sprintf("  %d) ", i+1)
		if p.Width >= 20 {
			fmt.Fprint(p.out, textwrap.Wrap(o, p.Width-1, num, strings.Repeat(" ", len(num))))
			continue
		}
		fmt.Fprintf(p.out, "%s%s\n", num, o)
	}
	if help != "" {
		return ", ? for help"
	}
	return ""
}
