package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/internal/words"
	"github.com/pmladder/pmladder/rubric"
)

// What-if (docs/scoring.md, rule 16) as reports show it: `report --what-if` adds it to a
// person's report and the packet shows it too, so the words live here, once. Every number
// comes from assess.WhatIfOf; this file only rounds and words them.

// WhatIfLine is one skill with a gap raised one step, as JSON has it: the target's
// readiness and whether it is held once the skill's answers below Step are raised to it.
type WhatIfLine struct {
	Skill     string  `json:"skill"`
	Step      int     `json:"step"`
	Readiness float64 `json:"readiness"`
	Holds     bool    `json:"holds"`
}

// StepMove is one of the fewest steps that make the target held: a skill's answers
// below Step raised to it.
type StepMove struct {
	Skill string `json:"skill"`
	Step  int    `json:"step"`
}

// WhatIf is a person's what-if toward their target: the JSON's two lists and the words
// every other format shows. Fewest is nil (null) when no steps can make the target held
// and empty ([]) when it is held already.
type WhatIf struct {
	Lines  []WhatIfLine `json:"what_if"`
	Fewest []StepMove   `json:"fewest_steps"`

	words whatIfWords
}

// whatIfWords are a what-if's phrases, worded once for every format (exported for the
// HTML template, which reads them through (*WhatIf).Words).
type whatIfWords struct {
	// Heading heads the section; Intro says what a line is and where readiness is now.
	Heading, Intro string
	// Lines are the lines in readiness order; NoLines stands for them when there are none.
	Lines   []whatIfItem
	NoLines string
	// RaisingHeading heads the moves that raise readiness most ("" when there are no
	// lines at all), Raising lists them, and NoRaising says why none does.
	RaisingHeading string
	Raising        []string
	NoRaising      string
	// RaisingTies names the moves that raise readiness as much as the last one listed
	// ("" for none): ties, not lesser moves.
	RaisingTies string
	// FewestHeading heads the fewest steps ("" without a target), FewestIntro counts them
	// or says that none are needed or none can do it, Fewest lists them in order, and
	// AnswerFirst names the skills to answer before any step can hold the target.
	FewestHeading, FewestIntro string
	Fewest                     []string
	AnswerFirst                string
}

// whatIfItem is a what-if line in words: "Customer insight" "2.5 → 3" and what the step
// does to the target, with the statements of the step (rule 10's next step).
type whatIfItem struct {
	Skill, Move, Outcome string
	// StepLabel introduces the statements: "At 3:".
	StepLabel  string
	Statements []string
}

// Words are the what-if's phrases.
func (v *WhatIf) Words() *whatIfWords { return &v.words }

// The what-if's fixed headings.
const (
	headingWhatIf  = "What if"
	headingRaising = "The moves that raise readiness most"
	// mostRaising is how many of the moves that raise readiness are named.
	mostRaising = 3
)

// whatIfVoice is who a what-if speaks of, and whose answers it raises.
type whatIfVoice struct {
	// Who is the person: "you" in their own report, else their name or "the person".
	Who string
	// Answers are the answers a step raises: "your answers", "the person's answers",
	// "the manager's ratings".
	Answers string
}

// reportVoice is the voice of a person's report: their own ("you"), or someone else's
// view of them.
func reportVoice(self bool) whatIfVoice {
	if self {
		return whatIfVoice{Who: "you", Answers: "your answers"}
	}
	return whatIfVoice{Who: "the person", Answers: "the person's answers"}
}

// meets is "you meet" or "Ada meets": the subject with its verb.
func (v whatIfVoice) meets() string {
	if v.Who == "you" {
		return "you meet"
	}
	return v.Who + " meets"
}

// newWhatIf words a person's what-if in a voice (reportVoice, or a name for a
// committee's document). nil in, nil out: a result without a target has no what-if.
func newWhatIf(wi *assess.WhatIfs, r *rubric.Rubric, voice whatIfVoice) *WhatIf {
	if wi == nil {
		return nil
	}
	target := wi.Target.Name
	now := Round(wi.Readiness)
	v := &WhatIf{Lines: make([]WhatIfLine, 0, len(wi.Lines))}
	w := &v.words
	w.Heading = headingWhatIf
	w.Intro = fmt.Sprintf("Which one step would move %s most toward %s? Each line takes one skill a step up (%s to it below the step, raised to it) and scores them again: the readiness that step alone gives. Readiness now: %s; the bar is %s%% with every core skill met.",
		voice.Who, target, voice.Answers, fmtPct(&now), num(r.Scoring.Pass))
	if wi.Holds {
		w.Intro = fmt.Sprintf("%s the bar for %s already (readiness %s). Each line takes one skill still below what it expects a step up (%s to it below the step, raised to it) and scores them again: the readiness that step alone gives.",
			capitalise(voice.meets()), target, fmtPct(&now), voice.Answers)
	}

	// from is where each skill's next step starts: its score, then the step before.
	from := map[string]float64{}
	closes := 0
	for _, l := range wi.Lines {
		ready := Round(l.Readiness)
		v.Lines = append(v.Lines, WhatIfLine{Skill: l.Skill.ID, Step: l.Step, Readiness: ready, Holds: l.Holds})
		g := gapOf(l.Gap)
		from[l.Skill.ID] = g.Score
		item := whatIfItem{Skill: l.Skill.Name, Move: stepMove(g.Score, l.Step), Statements: g.NextStep, StepLabel: stepLabel(g)}
		switch {
		case !l.Closes:
			item.Outcome = fmt.Sprintf("readiness stays at %s: it rises only when the skill reaches %s, what %s expects (the gap is more than one step)",
				fmtPct(&now), num(g.Expected), target)
		case wi.Holds:
			item.Outcome = fmt.Sprintf("readiness %s → %s", fmtPct(&now), fmtPct(&ready))
		case l.Holds:
			item.Outcome = fmt.Sprintf("readiness %s → %s: %s would then meet the bar for %s", fmtPct(&now), fmtPct(&ready), voice.Who, target)
		default:
			item.Outcome = fmt.Sprintf("readiness %s → %s, still below the bar for %s", fmtPct(&now), fmtPct(&ready), target)
		}
		if l.Closes {
			closes++
		}
		w.Lines = append(w.Lines, item)
	}
	if len(wi.Lines) == 0 {
		w.NoLines = fmt.Sprintf("No skill assessed falls short of what %s expects: there is no step to take on them.", target)
	} else {
		w.RaisingHeading = headingRaising
		raising := wi.Raising(len(wi.Lines))
		for i, l := range raising {
			ready := Round(l.Readiness)
			if i == mostRaising {
				// Moves that raise readiness as much as the last one named are ties, not
				// lesser moves: name them too.
				var ties []string
				for _, t := range raising[i:] {
					if Round(t.Readiness) == Round(raising[i-1].Readiness) {
						ties = append(ties, t.Skill.Name)
					}
				}
				if len(ties) > 0 {
					w.RaisingTies = fmt.Sprintf("As much, each: %s.", strings.Join(ties, "; "))
				}
				break
			}
			line := fmt.Sprintf("%s to %d: %s → %s", l.Skill.Name, l.Step, fmtPct(&now), fmtPct(&ready))
			if l.Holds && !wi.Holds {
				line += ", and " + voice.meets() + " the bar for " + target
			}
			w.Raising = append(w.Raising, line)
		}
		if len(w.Raising) == 0 {
			w.NoRaising = "None of these steps alone raises readiness."
			if closes == 0 {
				w.NoRaising = fmt.Sprintf("None of these steps alone raises readiness: each gap is more than one step, and readiness rises only when a skill reaches what %s expects. The fewest steps below take skills all the way.", target)
			}
		}
	}

	w.FewestHeading = "Fewest steps to the bar for " + target
	switch {
	case wi.Fewest == nil:
		w.FewestIntro = fmt.Sprintf("No steps on the skills assessed bring %s to the bar for %s.", voice.Who, target)
		if len(wi.Unassessed) > 0 {
			names := make([]string, len(wi.Unassessed))
			for i, s := range wi.Unassessed {
				names[i] = s.Name
			}
			w.FewestIntro = fmt.Sprintf("No steps on the skills assessed bring %s to the bar for %s: it expects skills with no answer yet.", voice.Who, target)
			// Joined by commas alone, as the report's list of them is: a skill's name may
			// hold an "and" of its own.
			w.AnswerFirst = "Answer these first: " + strings.Join(names, ", ") + "."
		}
	case len(wi.Fewest) == 0:
		v.Fewest = []StepMove{}
		w.FewestIntro = capitalise(voice.meets()) + " the bar for " + target + " already."
	default:
		skills := map[string]bool{}
		for _, m := range wi.Fewest {
			v.Fewest = append(v.Fewest, StepMove{Skill: m.Skill.ID, Step: m.Step})
			skills[m.Skill.ID] = true
			w.Fewest = append(w.Fewest, m.Skill.Name+": "+stepMove(from[m.Skill.ID], m.Step))
			from[m.Skill.ID] = float64(m.Step)
		}
		w.FewestIntro = fmt.Sprintf("%s on %s, in this order:", words.Count(len(wi.Fewest), "step", "steps"), words.Count(len(skills), "skill", "skills"))
	}
	return v
}

// stepMove is a step from a score: "2.5 → 3".
func stepMove(from float64, step int) string { return fmt.Sprintf("%s → %d", num(from), step) }

// markdown writes the what-if as a section whose heading is at level (2: "##"), its
// parts a level below: the person report and the packet place it at their own depth.
func (v *WhatIf) markdown(w io.Writer, level int) error {
	ew := &errWriter{w: w}
	words := &v.words
	h, sub := strings.Repeat("#", level), strings.Repeat("#", level+1)
	ew.printf("\n%s %s\n\n%s\n", h, mdEscape(words.Heading), mdEscape(words.Intro))
	if words.NoLines != "" {
		ew.printf("\n%s\n", mdEscape(words.NoLines))
	}
	if len(words.Lines) > 0 {
		ew.printf("\n")
	}
	for _, l := range words.Lines {
		ew.printf("- **%s** %s: %s\n", mdEscape(l.Skill), mdEscape(l.Move), mdEscape(l.Outcome))
		for _, st := range l.Statements {
			ew.printf("  - **%s** %s\n", l.StepLabel, mdEscape(st))
		}
	}
	if words.RaisingHeading != "" {
		ew.printf("\n%s %s\n\n", sub, mdEscape(words.RaisingHeading))
		if words.NoRaising != "" {
			ew.printf("%s\n", mdEscape(words.NoRaising))
		}
		for i, line := range words.Raising {
			ew.printf("%d. %s\n", i+1, mdEscape(line))
		}
		if words.RaisingTies != "" {
			ew.printf("\n%s\n", mdEscape(words.RaisingTies))
		}
	}
	if words.FewestHeading != "" {
		ew.printf("\n%s %s\n\n%s\n", sub, mdEscape(words.FewestHeading), mdEscape(words.FewestIntro))
		if len(words.Fewest) > 0 {
			ew.printf("\n")
		}
		for i, line := range words.Fewest {
			ew.printf("%d. %s\n", i+1, mdEscape(line))
		}
		if words.AnswerFirst != "" {
			ew.printf("\n%s\n", mdEscape(words.AnswerFirst))
		}
	}
	return ew.err
}

// table writes the what-if for a terminal, every line wrapped to width as the gaps above
// it are: each skill's step, then what it does to the target, then its statements.
func (v *WhatIf) table(ew *errWriter, opt Options, width int) {
	words := &v.words
	ew.printf("\n%s\n", opt.style(ansiBold, words.Heading))
	ew.printf("%s", textwrap.Wrap(words.Intro, width, "  ", "  "))
	if words.NoLines != "" {
		ew.printf("%s", textwrap.Wrap(words.NoLines, width, "  ", "  "))
	}
	for _, l := range words.Lines {
		// The outcome on a line of its own: "21% → 28%" is read whole, not cut at a wrap.
		ew.printf("%s", textwrap.Wrap(l.Skill+" "+l.Move, width, "  • ", "    "))
		ew.printf("%s", textwrap.Wrap(capitalise(l.Outcome), width, "    ", "    "))
		for k, st := range l.Statements {
			first := "      " + l.StepLabel + " "
			if k > 0 {
				first = strings.Repeat(" ", len(first))
			}
			ew.printf("%s", textwrap.Wrap(st, width, first, strings.Repeat(" ", len(first))))
		}
	}
	if words.RaisingHeading != "" {
		ew.printf("\n%s\n", opt.style(ansiBold, words.RaisingHeading))
		if words.NoRaising != "" {
			ew.printf("%s", textwrap.Wrap(words.NoRaising, width, "  ", "  "))
		}
		for i, line := range words.Raising {
			ew.printf("%s", textwrap.Wrap(line, width, fmt.Sprintf("  %d. ", i+1), "     "))
		}
		if words.RaisingTies != "" {
			ew.printf("%s", textwrap.Wrap(words.RaisingTies, width, "  ", "  "))
		}
	}
	if words.FewestHeading != "" {
		ew.printf("\n%s\n", opt.style(ansiBold, words.FewestHeading))
		ew.printf("%s", textwrap.Wrap(words.FewestIntro, width, "  ", "  "))
		for i, line := range words.Fewest {
			number := fmt.Sprintf("  %d. ", i+1)
			ew.printf("%s", textwrap.Wrap(line, width, number, strings.Repeat(" ", len(number))))
		}
		if words.AnswerFirst != "" {
			ew.printf("%s", textwrap.Wrap(words.AnswerFirst, width, "  ", "  "))
		}
	}
}

// htmlWhatIf is the HTML partial of a what-if, taking a *WhatIf: the person report and
// the packet draw it alike. It is part of htmlShared.
const htmlWhatIf = `{{define "whatif"}}{{with .Words}}
<h2>{{.Heading}}</h2>
<p class="note">{{.Intro}}</p>
{{- with .NoLines}}
<p>{{.}}</p>
{{- end}}
{{- with .Lines}}
<ol class="gaps">
{{- range .}}
<li><strong>{{.Skill}}</strong> {{.Move}}: {{.Outcome}}
{{- $step := .StepLabel}}{{range .Statements}}<p class="note">{{$step}} {{.}}</p>{{end}}</li>
{{- end}}
</ol>
{{- end}}
{{- with .RaisingHeading}}
<h3>{{.}}</h3>
{{- end}}
{{- with .NoRaising}}
<p>{{.}}</p>
{{- end}}
{{- with .Raising}}
<ol>{{range .}}<li>{{.}}</li>{{end}}</ol>
{{- end}}
{{- with .RaisingTies}}
<p>{{.}}</p>
{{- end}}
{{- if .FewestHeading}}
<h3>{{.FewestHeading}}</h3>
<p>{{.FewestIntro}}</p>
{{- end}}
{{- with .Fewest}}
<ol>{{range .}}<li>{{.}}</li>{{end}}</ol>
{{- end}}
{{- with .AnswerFirst}}
<p>{{.}}</p>
{{- end}}
{{- end}}
{{- end}}`
