package ladderimport

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The words organisations head their ladder's columns with, and what each column is.
// A header is matched lower-cased, accents dropped, punctuation made spaces, so that
// "Compétence", "Sub-competency" and "Competency:" all match.

// Kinds of column, besides the levels.
const (
	colNone        = ""
	colCompetency  = "competency"
	colCategory    = "category"
	colDescription = "description"
	colSub         = "sub-competency"
	colActions     = "actions"
	colNotes       = "notes"
	// Long rows only.
	colLevel     = "level"
	colStatement = "statement"
	colTrack     = "track"
)

// columnWords are the header words of each kind of column.
var columnWords = map[string][]string{
	colCompetency: {"competency", "competencies", "competence", "competences", "skill", "skills", "skill area",
		"capability", "capabilities", "attribute", "attributes", "dimension", "dimensions", "axis", "axes",
		"parameter", "parameters", "criterion", "criteria area", "expectation area", "area of expertise",
		"kompetenz", "kompetenzen", "competencia", "competencias", "competenza", "competenze", "competentie", "vaardigheid"},
	colCategory: {"category", "categories", "group", "competency group", "competency area", "area", "areas",
		"pillar", "pillars", "theme", "themes", "domain", "domains", "family", "cluster", "section", "focus area",
		"categorie", "kategorie", "categoria", "groupe", "domaine", "bereich", "thema", "themen"},
	colDescription: {"description", "definition", "what it means", "what it is", "meaning", "summary", "about",
		"why it matters", "objective", "purpose", "overview", "descriptif", "beschreibung", "descripcion", "definicion"},
	colSub: {"sub competency", "sub competencies", "subcompetency", "subcompetencies", "sub skill", "sub skills",
		"subskill", "aspect", "aspects", "behaviour area", "behavior area", "topic", "topics", "element", "elements",
		"sous competence", "facet", "facets"},
	colActions: {"actions", "action", "how to grow", "how to develop", "development", "development actions",
		"development ideas", "growth", "next steps", "to grow", "learning", "resources", "learning resources"},
	colNotes: {"notes", "note", "comments", "comment", "examples", "example", "links", "link", "owner", "source",
		"remarks", "remark", "evidence", "commentaires", "remarques", "anmerkungen", "notizen", "id", "ref", "reference", "#", "no", "nr"},
	colLevel: {"level", "levels", "grade", "grades", "band", "bands", "job level", "career level", "seniority",
		"title", "job title", "role", "position", "rung", "stage", "step", "milestone", "milestones", "tier", "tiers", "job grade", "level name", "palier", "echelon", "niveau", "niveaux", "stufe", "nivel", "livello", "grado"},
	colStatement: {"statement", "statements", "expectation", "expectations", "behaviour", "behaviours", "behavior",
		"behaviors", "text", "criteria", "criterion", "indicator", "indicators", "what it looks like", "what good looks like",
		"signal", "signals", "what we expect", "what is expected", "expected behaviour", "expected behaviours",
		"expected behavior", "expected behaviors", "descriptor", "descriptors", "level descriptor", "observable behaviour", "observable behavior", "attendu", "attendus", "erwartung", "erwartungen", "expectativa"},
	colTrack: {"track", "tracks", "path", "career path", "ladder", "stream", "career track", "filiere", "parcours", "laufbahn"},
}

// normal is a header or a name as the word lists are matched: lower case, Latin accents
// dropped, anything but letters and digits made a single space.
func normal(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		t := transliterate(r)
		for _, c := range t {
			if unicode.IsLetter(c) || unicode.IsDigit(c) || c == '#' {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteRune(c)
				space = false
			} else {
				space = true
			}
		}
	}
	return b.String()
}

// kindOf is the kind of column a header names, from the kinds allowed; colNone when it
// names none of them.
func kindOf(header string, allowed ...string) string {
	n := normal(header)
	for _, kind := range allowed {
		for _, w := range columnWords[kind] {
			if n == w {
				return kind
			}
		}
	}
	return colNone
}

// Meta rows: a row of a grid whose competency cell names one of these is not a
// competency but something said of every level.
const (
	metaTitle       = "title"
	metaScope       = "scope"
	metaDescription = "description"
	metaExperience  = "experience"
)

var metaWords = map[string][]string{
	metaTitle: {"title", "job title", "titles", "role title", "position", "role", "job", "name", "level name", "intitule", "titre", "jobtitel", "titulo"},
	metaScope: {"scope", "scope of work", "scope and impact", "scope of influence", "role scope", "perimetre", "umfang", "alcance"},
	metaDescription: {"summary", "level summary", "role summary", "overview", "description", "level description",
		"role description", "definition", "in a nutshell", "tldr", "tl dr", "resume", "synthese", "zusammenfassung", "resumen"},
	metaExperience: {"experience", "years of experience", "typical experience", "years", "experience years", "annees d experience", "berufserfahrung"},
}

// metaOf is the kind of meta row a competency cell names, "" for a competency.
func metaOf(name string) string {
	n := normal(name)
	for _, kind := range []string{metaTitle, metaScope, metaDescription, metaExperience} {
		for _, w := range metaWords[kind] {
			if n == w {
				return kind
			}
		}
	}
	return ""
}

// Tracks.
const (
	trackNone = ""
	trackIC   = "ic"
	trackMgmt = "management"
)

// trackOf is the track a level's name says it is on: IC wording (IC3, individual
// contributor) or a people manager's (M1, EM, engineering manager, director, head of,
// VP); none otherwise. "Manager" alone does not make a people manager: a product,
// programme or account manager manages no one.
func trackOf(name string) string {
	n := normal(name)
	words := strings.Fields(n)
	has := func(phrase string) bool { return strings.Contains(" "+n+" ", " "+phrase+" ") }
	for _, w := range words {
		switch {
		case codeIs(w, "ic"):
			return trackIC
		case codeIs(w, "m"), codeIs(w, "em"), codeIs(w, "mgr"):
			return trackMgmt
		}
	}
	for _, p := range []string{"individual contributor", "individual contributors", "contributeur individuel",
		"contributrice individuelle", "expert track", "technical track", "ic track"} {
		if has(p) {
			return trackIC
		}
	}
	for _, p := range []string{"people manager", "people managers", "people management", "people lead", "people leader",
		"management", "management track", "manager track", "manager of managers", "line manager", "director",
		"directors", "head", "vp", "vice president", "chief", "cto", "cpo", "cdo", "svp", "evp", "manageur",
		"fuhrungskraft", "encadrement", "responsable d equipe"} {
		if has(p) {
			return trackMgmt
		}
	}
	for i, w := range words {
		if w != "manager" && w != "managers" {
			continue
		}
		if i == 0 || i == 1 && (words[0] == "senior" || words[0] == "sr" || words[0] == "lead") {
			return trackMgmt // "Manager", "Manager II", "Senior Manager"
		}
		switch words[i-1] {
		case "engineering", "design", "data", "qa", "people", "team", "line", "development", "dev", "software",
			"delivery", "support", "operations", "research", "security", "general":
			return trackMgmt
		}
	}
	return trackNone
}

// codeIs reports whether a word is a level code of the given letters: "ic3", "m2", "em".
func codeIs(w, letters string) bool {
	rest, ok := strings.CutPrefix(w, letters)
	if !ok {
		return false
	}
	if rest == "" {
		return letters != "m" // "m" alone is no code
	}
	for _, c := range rest {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(rest) <= 2
}

// trackWordOf is the track a super-header cell (above the level columns) names, or that
// a long row's track cell names; "" when it names none.
func trackWordOf(cell string) string {
	if t := trackOf(cell); t != trackNone {
		return t
	}
	switch n := normal(cell); {
	case n == "manager" || n == "managers":
		return trackMgmt
	case n == "ic" || strings.HasPrefix(n, "individual") || n == "expert" || n == "specialist" || n == "technical" || n == "craft":
		return trackIC
	case strings.Contains(n, "manag") || n == "leadership" || n == "people" || n == "lead":
		return trackMgmt
	}
	return trackNone
}

// levelCode finds the code and number a level's name carries: "L3 Senior" is L3, 3;
// "IC4" is IC4, 4; "Level 2" is Level 2, 2; "Engineer II" is "", 2; "3" is 3, 3.
var (
	codePattern   = regexp.MustCompile(`^(?:[A-Za-z]{1,4}[ .-]?\d{1,3}|\d{1,3})(?:[^\pL\pN]|$)`)
	codeAnywhere  = regexp.MustCompile(`(?:^|[\s(\[/,–—-])((?:[A-Za-z]{1,4}[.-]?)?\d{1,3})(?:[\s)\]/,:–—-]|$)`)
	wordNumber    = regexp.MustCompile(`(?i)\b(?:level|niveau|stufe|nivel|grade|band|step|stage|livello)\s*(\d{1,3})\b`)
	romanPattern  = regexp.MustCompile(`\b(I{1,3}|IV|V|VI{0,3}|IX|X)\s*$`)
	digitsPattern = regexp.MustCompile(`\d{1,3}`)
)

// levelNumber is the number a level's name carries and the code that carries it (for a
// short name): -1 and "" when it carries none.
func levelNumber(name string) (num int, code string) {
	name = strings.TrimSpace(name)
	if m := wordNumber.FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[1])
		code = strings.TrimSpace(m[0])
		return n, code
	}
	if m := codePattern.FindString(name); m != "" {
		m = strings.TrimRightFunc(m, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		n, _ := strconv.Atoi(digitsPattern.FindString(m))
		return n, m
	}
	if m := codeAnywhere.FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(digitsPattern.FindString(m[1]))
		return n, m[1]
	}
	if m := romanPattern.FindStringSubmatch(name); m != nil {
		return romans[m[1]], ""
	}
	return -1, ""
}

var romans = map[string]int{"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}

// repeatWords are what a cell says when it means "the same as the level before".
var repeatWords = map[string]bool{
	"same": true, "same as above": true, "same as before": true, "same as previous": true, "same as previous level": true,
	"as above": true, "as before": true, "as previous": true, "ditto": true, "idem": true, "id": true, "unchanged": true,
	"no change": true, "same as left": true, "as left": true, "see left": true, "see previous": true, "see previous level": true,
	"see above": true, "refer above": true, "see previous column": true, "same as previous column": true, "as per previous level": true,
	"voir ci dessus": true, "idem ci dessus": true, "comme ci dessus": true, "siehe oben": true, "wie oben": true, "ver arriba": true,
	"comme avant": true, "identique": true, "pareil": true, "wie vorher": true, "gleich": true, "igual": true,
}

// isRepeat reports whether a cell means "the same as the level before": the words of
// repeatWords, "same as L3", or a mark (", 〃, ↑, ←).
func isRepeat(cell string) bool {
	s := strings.TrimSpace(cell)
	switch s {
	case "\"", "〃", "↑", "←", "<-", "^", "''", "=":
		return true
	}
	n := normal(s)
	if repeatWords[n] {
		return true
	}
	return strings.HasPrefix(n, "same as ") && len(n) < 30 || strings.HasPrefix(n, "as ") && len(n) < 12
}

// isNothing reports whether a cell says the level has nothing here: a dash, n/a, none.
func isNothing(cell string) bool {
	switch strings.TrimSpace(cell) {
	case "-", "–", "—", "--", "x", "X", "/", "...", "…", "?", "tbd", "TBD", "TBC":
		return true
	}
	switch normal(cell) {
	case "n a", "na", "none", "not applicable", "nothing", "n a yet", "not expected", "not required", "sans objet", "entfallt", "k a", "nicht zutreffend", "no aplica":
		return true
	}
	return false
}

// pitfallWords name rows that say what a level should not do (a ladder's "potential
// misalignments", "red flags"): they are not expectations, so they are not imported.
var pitfallWords = []string{"misalignment", "anti pattern", "antipattern", "red flag", "pitfall", "watch out",
	"watchout", "derailer", "warning sign", "common mistake", "what it is not", "what not to do", "anti behaviour",
	"anti behavior", "counter example", "point de vigilance", "points de vigilance", "ecueil"}

// isPitfalls reports whether a category's or a competency's name says its rows are
// pitfalls rather than expectations.
func isPitfalls(name string) bool {
	n := " " + normal(name) + " "
	for _, w := range pitfallWords {
		if strings.Contains(n, " "+w) {
			return true
		}
	}
	return false
}

// levelName is a level's name as a role and a label carry it: the cell's text without the
// emoji or symbols that decorate it in the sheet ("Junior 👶", "⭐ Staff"), which terminals
// draw at widths of their own and which say nothing of the level; kept when it is all
// symbols.
func levelName(cell string) string {
	name := clean(cell)
	decoration := func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
			r == '\u200d' || r >= 0xfe00 && r <= 0xfe0f || r >= 0x1f3fb && r <= 0x1f3ff
	}
	if trimmed := strings.TrimFunc(name, decoration); trimmed != "" {
		return trimmed
	}
	return name
}
