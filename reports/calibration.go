package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/assess/input"
	"github.com/pmladder/pmladder/internal/printable"
	"github.com/pmladder/pmladder/internal/textwrap"
	"github.com/pmladder/pmladder/rubric"
)

// CalibrationFormat is the format tag of the JSON team calibration.
const CalibrationFormat = "pmladder-calibration/v1"

// Calibration is a team calibration as every format shows it (docs/formats.md): its
// format tag, people, raters and then its outliers (CalibrationOutlier), which are worded
// one at a time as they are written (outliers), not held: a team of 25,000 people can
// have a hundred thousand of them.
type Calibration struct {
	Format string              `json:"format"`
	People []CalibrationPerson `json:"people"`
	Raters []CalibrationRater  `json:"raters"`

	tc *assess.TeamCalibration

	skillNames map[string]string
	// minPeers is the fewest peers whose ratings of a person's skill count.
	minPeers int
	// authorSheets are the sheets without a rater column whose managers' rows were taken
	// as one manager's, the sheet's author's.
	authorSheets []string
}

// CalibrationPerson is one person's self against their managers.
type CalibrationPerson struct {
	Person      string   `json:"person"`
	Raters      int      `json:"raters"`
	SelfMean    *float64 `json:"self_mean"`
	ManagerMean *float64 `json:"manager_mean"`
	Difference  *float64 `json:"difference"`
}

// CalibrationRater is one manager across the people they rated.
type CalibrationRater struct {
	Rater     string         `json:"rater"`
	Assessor  string         `json:"assessor"`
	People    int            `json:"people"`
	Offset    *float64       `json:"offset"`
	Readiness ReadinessRange `json:"readiness"`
}

// ReadinessRange is the readiness of the people a manager rated.
type ReadinessRange struct {
	Min    *float64 `json:"min"`
	Median *float64 `json:"median"`
	Max    *float64 `json:"max"`
}

// CalibrationOutlier is a thing to discuss: a person and skill, or a manager.
type CalibrationOutlier struct {
	Person *string `json:"person"`
	Skill  *string `json:"skill"`
	Rater  *string `json:"rater"`
	Reason string  `json:"reason"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// NewCalibration builds the report of a team calibration.
func NewCalibration(tc *assess.TeamCalibration, r *rubric.Rubric) *Calibration {
	c := &Calibration{Format: CalibrationFormat, People: make([]CalibrationPerson, 0, len(tc.People)),
		Raters: make([]CalibrationRater, 0, len(tc.Raters)), tc: tc, skillNames: map[string]string{}, minPeers: tc.MinPeers}
	for _, sk := range r.Skills() {
		c.skillNames[sk.ID] = sk.Name
	}
	for _, p := range tc.People {
		c.People = append(c.People, CalibrationPerson{Person: p.Person, Raters: p.Raters, SelfMean: roundPtr(p.SelfMean),
			ManagerMean: roundPtr(p.ManagerMean), Difference: roundPtr(p.Difference)})
	}
	for _, rc := range tc.Raters {
		if rc.Sheet != "" {
			c.authorSheets = append(c.authorSheets, rc.Sheet)
		}
		c.Raters = append(c.Raters, CalibrationRater{Rater: raterName(rc.Rater, rc.Of, rc.Sheet), Assessor: string(rc.Assessor), People: rc.People, Offset: roundPtr(rc.Offset),
			Readiness: ReadinessRange{Min: roundPtr(rc.ReadinessMin), Median: roundPtr(rc.ReadinessMedian), Max: roundPtr(rc.ReadinessMax)}})
	}
	return c
}

// outliers are the things to discuss, in order, each worded as it is asked for.
func (c *Calibration) outliers() iter.Seq[CalibrationOutlier] {
	return func(yield func(CalibrationOutlier) bool) {
		for i := range c.tc.NumOutliers() {
			o := c.tc.Outlier(i)
			co := CalibrationOutlier{Person: optional(o.Person), Skill: optional(o.Skill), Reason: outlierReason(o)}
			if o.Kind != assess.RatersApart {
				co.Rater = optional(raterName(o.Rater, o.Of, o.Sheet))
			}
			if !yield(co) {
				return
			}
		}
	}
}

// outlierTexts are what each outlier is about (outlierText), in order.
func (c *Calibration) outlierTexts() iter.Seq[string] {
	return func(yield func(string) bool) {
		for o := range c.outliers() {
			if !yield(c.outlierText(o)) {
				return
			}
		}
	}
}

// raterName names a manager: by their name; when none is given, as the author of the
// sheet without a rater column that they filled, or by the person they rated in their
// own file.
func raterName(name, of, sheet string) string {
	switch {
	case name == "" && sheet != "":
		return fmt.Sprintf("(the manager who filled %s)", sheet)
	case name == "" && of != "":
		return fmt.Sprintf("(unnamed manager of %s)", of)
	}
	return name
}

// outlierReason says why an outlier is to be discussed, in every format: "raters 1.5
// apart (self 4, Morgan Reyes 2.5, 3 peers 2–4)", or how a manager's offset stands.
// Peers are there only as a group of at least the threshold; fewer are left out of the
// outlier altogether, not even counted (docs/formats.md, "Anonymity").
func outlierReason(o assess.Outlier) string {
	if o.Kind != assess.RatersApart {
		way := "more lenient"
		if o.Kind == assess.StricterManager {
			way = "stricter"
		}
		return fmt.Sprintf("%s than the other managers: rates %s against the other raters of the same people (managers' mean %s, standard deviation %s)",
			way, fmtChange(roundPtr(&o.Offset)), fmtChange(roundPtr(&o.Mean)), num(Round(o.SD)))
	}
	var who []string
	for _, s := range o.Scores {
		name := string(s.Assessor)
		if s.Assessor == assess.Manager && s.Rater != "" {
			name = s.Rater
		}
		who = append(who, name+" "+num(Round(s.Score)))
	}
	if p := o.Peers; p.N > 0 { // as a group, as compare shows them
		who = append(who, fmt.Sprintf("%d peers %s–%s", p.N, num(Round(p.Min)), num(Round(p.Max))))
	}
	return fmt.Sprintf("raters %s apart (%s)", num(Round(o.Spread)), strings.Join(who, ", "))
}

// paired counts the people with a self-assessment and a manager's.
func (c *Calibration) paired() int {
	n := 0
	for _, p := range c.People {
		if p.Difference != nil {
			n++
		}
	}
	return n
}

func (c *Calibration) headline() string {
	return fmt.Sprintf("Calibration: %d people, %d with a self-assessment and a manager's; %d %s",
		len(c.People), c.paired(), len(c.Raters), map[bool]string{true: "manager", false: "managers"}[len(c.Raters) == 1])
}

// nothing says why there is nothing to discuss.
func (c *Calibration) nothing() string {
	switch {
	case c.paired() == 0 && len(c.Raters) == 0:
		return "Nothing to calibrate: no one here has a manager's assessment. Give each person's manager's file (assessor: manager, rater: NAME) beside their self-assessment."
	case c.paired() == 0:
		return "Nothing to set side by side: no one here has both a self-assessment and a manager's. Give each person's self-assessment beside their manager's."
	}
	return fmt.Sprintf("Nothing stands out: no person's raters differ by %s or more on a skill, and no manager's offset is far from the others'.", num(assess.OutlierSpread))
}

// outlierText says what an outlier is about.
func (c *Calibration) outlierText(o CalibrationOutlier) string {
	switch {
	case o.Person != nil && o.Skill != nil:
		name := c.skillNames[*o.Skill]
		if name == "" {
			name = *o.Skill
		}
		return fmt.Sprintf("%s, %s: %s", *o.Person, name, o.Reason)
	case o.Rater != nil:
		return *o.Rater + ": " + o.Reason
	}
	return o.Reason
}

func readinessText(r ReadinessRange) string {
	if r.Median == nil {
		return "–"
	}
	return fmt.Sprintf("%s / %s / %s", fmtPct(r.Min), fmtPct(r.Median), fmtPct(r.Max))
}

func (c *Calibration) peopleRows() [][]string {
	var rows [][]string
	for _, p := range c.People {
		if p.Difference == nil {
			continue
		}
		rows = append(rows, []string{p.Person, fmt.Sprint(p.Raters), fmtNum(p.SelfMean), fmtNum(p.ManagerMean), fmtChange(p.Difference)})
	}
	return rows
}

func (c *Calibration) raterRows() [][]string {
	var rows [][]string
	for _, r := range c.Raters {
		rows = append(rows, []string{r.Rater, fmt.Sprint(r.People), fmtChange(r.Offset), readinessText(r.Readiness)})
	}
	return rows
}

var (
	calibrationPeopleHeader = []string{"Person", "Raters", "Self mean", "Manager mean", "Difference"}
	calibrationRaterHeader  = []string{"Manager", "People", "Offset", "Readiness (min / median / max)"}
)

// notes say how to read the numbers, in every format.
func (c *Calibration) notes() string {
	return fmt.Sprintf("Difference is the self-rating's mean minus the manager's (the managers' mean, for several), over the skills both rated. "+
		"A manager's offset is the mean of their scores minus the other raters' mean for the same people and skills: a lenient manager is positive. "+
		"Peers count among the other raters, never named, and only on a person's skill that at least %d peers rated; "+
		"where fewer did, their ratings are left out of every number, so that none can be worked out.%s", c.minPeers, c.authorNote())
}

// authorNote says, for each sheet without a rater column, that its managers' rows were
// taken as one manager's.
func (c *Calibration) authorNote() string {
	var b strings.Builder
	for _, sheet := range c.authorSheets {
		fmt.Fprintf(&b, " %s has no rater column: its managers' rows are taken as one manager's, the one who filled it.", printable.String(sheet))
	}
	return b.String()
}

// writeTable writes a team calibration for the terminal.
func (c *Calibration) writeTable(w io.Writer, opt Options) error {
	ew := &errWriter{w: w}
	width := opt.width()
	ew.printf("%s", textwrap.Wrap(opt.style(ansiBold, c.headline()), width, "", ""))
	ew.printf("%s\n", textwrap.Wrap(c.notes(), width, "", ""))
	for _, part := range []struct {
		header []string
		rows   [][]string
	}{{calibrationPeopleHeader, c.peopleRows()}, {calibrationRaterHeader, c.raterRows()}} {
		if len(part.rows) == 0 {
			continue
		}
		for _, row := range part.rows {
			for i := range row {
				row[i] = printable.String(row[i])
			}
		}
		ew.printf("%s\n", appendTable(nil, part.header, part.rows, "l"+strings.Repeat("r", len(part.header)-1)))
	}
	ew.printf("%s\n", opt.style(ansiBold, "To discuss"))
	if c.tc.NumOutliers() == 0 {
		ew.printf("%s", textwrap.Wrap(c.nothing(), width, "  ", "  "))
	}
	for text := range c.outlierTexts() {
		ew.printf("%s", textwrap.Wrap(printable.String(text), width, "  • ", "    "))
	}
	return ew.err
}

// writeMarkdown writes a team calibration as Markdown.
func (c *Calibration) writeMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(c.headline()), mdEscape(c.notes()))
	for _, part := range []struct {
		title  string
		header []string
		rows   [][]string
	}{{"People", calibrationPeopleHeader, c.peopleRows()}, {"Managers", calibrationRaterHeader, c.raterRows()}} {
		if len(part.rows) == 0 {
			continue
		}
		for _, row := range part.rows {
			for i := range row {
				row[i] = mdEscape(row[i])
			}
		}
		ew.printf("\n## %s\n\n", part.title)
		mdTable(ew, "l"+strings.Repeat("r", len(part.header)-1), part.header, part.rows)
	}
	ew.printf("\n## To discuss\n\n")
	if c.tc.NumOutliers() == 0 {
		ew.printf("%s\n", mdEscape(c.nothing()))
	}
	for text := range c.outlierTexts() {
		ew.printf("- %s\n", mdEscape(text))
	}
	return ew.err
}

// writeCSV writes one row per person, manager and outlier; kind says which.
func (c *Calibration) writeCSV(w io.Writer, excel bool) error {
	cw, err := NewCSVWriter(w, excel)
	if err != nil {
		return err
	}
	if err := cw.Header("kind", "person", "rater", "skill", "raters", "self_mean", "manager_mean", "difference",
		"people", "offset", "readiness_min", "readiness_median", "readiness_max", "reason"); err != nil {
		return err
	}
	row := func(kind, person, rater, skill string, nums []*float64, reason string) error {
		cw.Text(kind)
		cw.Text(person)
		cw.Text(rater)
		cw.Text(skill)
		for _, n := range nums {
			cw.Number(n)
		}
		cw.Text(reason)
		return cw.EndRow()
	}
	f := func(n int) *float64 { v := float64(n); return &v }
	for _, p := range c.People {
		if err := row("person", p.Person, "", "", []*float64{f(p.Raters), p.SelfMean, p.ManagerMean, p.Difference, nil, nil, nil, nil, nil}, ""); err != nil {
			return err
		}
	}
	for _, r := range c.Raters {
		if err := row("rater", "", r.Rater, "", []*float64{nil, nil, nil, nil, f(r.People), r.Offset, r.Readiness.Min, r.Readiness.Median, r.Readiness.Max}, ""); err != nil {
			return err
		}
	}
	for o := range c.outliers() {
		if err := row("outlier", deref(o.Person), deref(o.Rater), deref(o.Skill), make([]*float64, 9), o.Reason); err != nil {
			return err
		}
	}
	return cw.Flush()
}

const calibrationBody = `<header>
<h1>{{.Headline}}</h1>
<p class="meta">{{.Notes}}</p>
</header>
{{- range .Parts}}{{if .Rows}}
<h2>{{.Title}}</h2>
<table>
<thead><tr>{{range $i, $h := .Header}}<th{{if $i}} class="num"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range $i, $c := .}}<td{{if $i}} class="num"{{end}}>{{$c}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}{{end}}
<h2>To discuss</h2>
{{- if .AnyOutliers}}
<ul>{{range .Outliers}}<li>{{.}}</li>{{end}}</ul>
{{- else}}
<p>{{.Nothing}}</p>
{{- end}}`

// writeJSON writes a team calibration as WriteJSON would write it whole, with its
// outliers worded one at a time (TestCalibrationJSONMatchesEncodingJSON).
func (c *Calibration) writeJSON(w io.Writer) error {
	ew := &errWriter{w: w}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// Elements of the document's lists are two levels in.
	enc.SetIndent("    ", "  ")
	encode := func(v any) {
		buf.Reset()
		if err := enc.Encode(v); err != nil && ew.err == nil {
			ew.err = err
		}
		ew.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	ew.printf("{\n  \"format\": ")
	encode(c.Format)
	list := func(name string, elems iter.Seq[any]) {
		ew.printf(",\n  %q: [", name)
		n := 0
		for v := range elems {
			if n > 0 {
				ew.printf(",")
			}
			ew.printf("\n    ")
			encode(v)
			n++
		}
		if n > 0 {
			ew.printf("\n  ")
		}
		ew.printf("]")
	}
	list("people", anySeq(slices.Values(c.People)))
	list("raters", anySeq(slices.Values(c.Raters)))
	list("outliers", anySeq(c.outliers()))
	ew.printf("\n}\n")
	return ew.err
}

func anySeq[T any](seq iter.Seq[T]) iter.Seq[any] {
	return func(yield func(any) bool) {
		for v := range seq {
			if !yield(v) {
				return
			}
		}
	}
}

// writeHTML writes a team calibration as one self-contained page.
func (c *Calibration) writeHTML(w io.Writer) error {
	type part struct {
		Title  string
		Header []string
		Rows   [][]string
	}
	view := struct {
		Title, Headline, Notes, Nothing string
		Parts                           []part
		AnyOutliers                     bool
		Outliers                        iter.Seq[string]
	}{Title: c.headline(), Headline: c.headline(), Notes: c.notes(), Nothing: c.nothing(),
		Parts:       []part{{"People", calibrationPeopleHeader, c.peopleRows()}, {"Managers", calibrationRaterHeader, c.raterRows()}},
		AnyOutliers: c.tc.NumOutliers() > 0, Outliers: c.outlierTexts()}
	return htmlPage(calibrationBody).Execute(w, view)
}

// calibrationSink collects a team's ratings and writes the calibration at Close.
type calibrationSink struct {
	w    *bufio.Writer
	r    *rubric.Rubric
	out  Output
	rows []assess.Rating
	// minPeers is the fewest peers of a person's skill that count (docs/formats.md,
	// "Anonymity").
	minPeers int
}

type calibrationBatch struct{ rows []assess.Rating }

func (b *calibrationBatch) Add(sc *assess.Scorer, a *assess.Answers) error {
	b.rows = append(b.rows, assess.RatingOf(sc.Standing(a)))
	return nil
}
func (b *calibrationBatch) Seal() error { return nil }
func (b *calibrationBatch) Reset()      { b.rows = b.rows[:0] }

func (s *calibrationSink) NewBatch() input.TeamBatch { return &calibrationBatch{} }

func (s *calibrationSink) Commit(tb input.TeamBatch) error {
	for _, rt := range tb.(*calibrationBatch).rows {
		// A person's ratings mostly come one after another: they share one copy of the name.
		if n := len(s.rows); n > 0 && s.rows[n-1].Person == rt.Person {
			rt.Person = s.rows[n-1].Person
		}
		s.rows = append(s.rows, rt)
	}
	return nil
}

func (s *calibrationSink) Abort() {}

func (s *calibrationSink) Close() error {
	var skills []string
	for _, sk := range s.r.Skills() {
		skills = append(skills, sk.ID)
	}
	// The calibration keeps the ratings, to word its outliers from as they are written.
	tc := assess.CalibrateOwned(s.rows, skills, s.minPeers)
	s.rows = nil
	c := NewCalibration(tc, s.r)
	if err := s.out.Write(s.w, c); err != nil {
		return err
	}
	return s.w.Flush()
}

// NewCalibrationSink returns the sink of `team --calibration`: it keeps each rating's
// skill scores (a few hundred bytes a person) and writes the calibration at the end;
// peers count on a person's skill only when at least minPeers rated it (0: the default).
// A format the calibration is not written in (Formats[*Calibration]) is a FormatError,
// before anything is read.
func (o Output) NewCalibrationSink(w io.Writer, r *rubric.Rubric, minPeers int) (input.TeamSink, error) {
	if err := o.Check(Formats[*Calibration]()); err != nil {
		return nil, err
	}
	return &calibrationSink{w: bufio.NewWriterSize(w, 64<<10), r: r, out: o, minPeers: minPeers}, nil
}
