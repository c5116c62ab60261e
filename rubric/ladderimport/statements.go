package ladderimport

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A cell of a ladder holds one statement or several: on separate lines, as bullets (•, -,
// *, ▪ …) or numbered (1. 2) a)), or as one paragraph of several sentences. statements
// splits a cell into them, keeping the organisation's words: bullets and numbers are
// dropped, a line that continues the one before it is joined to it, a lead-in that ends
// with a colon ("Is able to:") is kept in front of each statement it introduces, and a
// long paragraph is cut into its sentences.

// maxLeadIn is the most words a line ending with a colon has to be a lead-in kept in
// front of each bullet below it ("Is able to:", "In their area, they:"); a longer one is
// a statement of its own, which repeated before every bullet would make each option a
// paragraph.
const maxLeadIn = 8

// longStatement is the number of words past which a paragraph of several sentences is
// read as that many statements.
const longStatement = 30

var (
	bulletPattern = regexp.MustCompile(`^\s*(?:[•◦▪▫●○■□➢➤►▸‣⁃∙✓✔☐☑*+·–—-]+|\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|\(\d{1,2}\))\s+`)
	inlineBullets = regexp.MustCompile(`\s+[•◦▪●■➢➤►▸‣∙]\s+`)
	sentenceEnd   = regexp.MustCompile(`[.!?](?:["'”’)\]]*)\s+`)
	// Bold text pasted from a wiki or Markdown ("**Debugging**: finds root causes"):
	// its asterisks or underscores are not the organisation's words.
	markdownStrong   = regexp.MustCompile(`\*\*([^*\n]+)\*\*|__([^_\n]+)__`)
	markdownEmphasis = regexp.MustCompile(`(^|[\s(])\*([^*\s](?:[^*\n]*[^*\s])?)\*($|[\s).,;:!?])`)
	abbreviationEnd  = regexp.MustCompile(`(?i)(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|esp|resp|mr|mrs|ms|dr|st|no|nr|fig|p|pp|ca|z\.b|d\.h|bzw|usw|p\.ex|c\.-à-d|ex)|\b[A-Z]|\.\.)\.$`)
)

// statements splits a cell's text into its statements.
func statements(cell string) []string {
	cell = cleanText(cell)
	if cell == "" {
		return nil
	}
	var out []string
	var cur strings.Builder
	leadIn := ""
	bulleted := false
	blank := false
	// parent is the indent of a bullet that ends with a colon ("A list of activities:"),
	// -1 when the bullet before is not one: the bullets indented under it are its list,
	// part of it, not statements of their own ("Internal meetups" says nothing alone).
	parent, children := -1, 0
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	for _, line := range strings.Split(cell, "\n") {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		line = strings.TrimSpace(line)
		if line == "" {
			blank = true
			continue
		}
		if loc := bulletPattern.FindStringIndex(line); loc != nil && loc[1] < len(line) {
			body := strings.TrimSpace(line[loc[1]:])
			if parent >= 0 && indent > parent && cur.Len() > 0 {
				sep := "; "
				if children == 0 {
					sep = " "
				}
				cur.WriteString(sep + body)
				children++
				blank = false
				continue
			}
			flush()
			bulleted = true
			parent, children = -1, 0
			if strings.HasSuffix(body, ":") {
				parent = indent
			}
			if leadIn != "" {
				body = leadIn + " " + body
			}
			cur.WriteString(body)
			blank = false
			continue
		}
		parent = -1
		switch {
		case strings.HasSuffix(line, ":") && words(line) > maxLeadIn:
			// A sentence of its own before a list ("Works within established
			// architectures:"): a statement, not words to repeat before each bullet.
			flush()
			leadIn, bulleted = "", false
			cur.WriteString(strings.TrimSuffix(line, ":"))
			flush()
		case strings.HasSuffix(line, ":") && !bulleted:
			// A lead-in for the bullets that follow.
			flush()
			leadIn = line
		case bulleted && !blank && cur.Len() > 0:
			// A bullet's text that runs on to the next line.
			cur.WriteString(" " + line)
		default:
			flush()
			if bulleted && strings.HasSuffix(line, ":") {
				leadIn = line
				continue
			}
			leadIn = ""
			bulleted = false
			cur.WriteString(line)
		}
		blank = false
	}
	flush()
	if leadIn != "" && len(out) == 0 {
		out = append(out, strings.TrimSuffix(leadIn, ":"))
	}
	// Bullets within one line, when a spreadsheet lost the line ends.
	var split []string
	for _, s := range out {
		for _, part := range inlineBullets.Split(s, -1) {
			if part = strings.TrimSpace(part); part != "" {
				split = append(split, strings.TrimLeftFunc(part, func(r rune) bool { return strings.ContainsRune("•◦▪●■➢➤►▸‣∙", r) || r == ' ' }))
			}
		}
	}
	// A long paragraph: its sentences.
	out = out[:0]
	for _, s := range split {
		s = markdownStrong.ReplaceAllString(s, "$1$2")
		s = markdownEmphasis.ReplaceAllString(s, "$1$2$3")
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			continue
		}
		if words(s) > longStatement {
			out = append(out, sentences(s)...)
		} else {
			out = append(out, s)
		}
	}
	return out
}

// sentences cuts a paragraph at the end of each sentence: a full stop, ! or ? followed
// by a space and a capital letter, a digit or a bracket, not after an abbreviation (e.g.,
// i.e., etc., an initial).
func sentences(p string) []string {
	var out []string
	start := 0
	for _, loc := range sentenceEnd.FindAllStringIndex(p, -1) {
		end := loc[1]
		if end >= len(p) {
			break
		}
		next, _ := utf8.DecodeRuneInString(p[end:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '[' && next != '(' && next != '"' && next != '“' {
			continue
		}
		head := strings.TrimRightFunc(p[start:loc[0]+1], func(r rune) bool { return r == ' ' })
		if abbreviationEnd.MatchString(head) {
			continue
		}
		if s := strings.TrimSpace(p[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// words counts a text's words.
func words(s string) int { return len(strings.Fields(s)) }

// cleanText is a cell's text with line ends made \n, spaces made plain, control
// characters and invalid UTF-8 dropped, and spaces trimmed.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n", "\u00a0", " ", "\t", " ", "\u200b", "", "\ufeff", "").Replace(s)
	s = strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// join makes one option of several statements: as written when each ends a sentence,
// else separated by middle dots, each statement's capital kept.
func join(stmts []string) string {
	if len(stmts) == 1 {
		return stmts[0]
	}
	ended := true
	for _, s := range stmts {
		if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
			ended = false
		}
	}
	if ended {
		return strings.Join(stmts, " ")
	}
	return strings.Join(stmts, " · ")
}
