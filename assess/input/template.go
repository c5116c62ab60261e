package input

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// yamlScalar quotes s as YAML would.
func yamlScalar(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(b), "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// TemplateYAML writes a blank answers document for one person, with each question's text
// and its anchored statements as comments, to fill in an editor. Several documents may be
// joined with --- into one file; a team review reads them all.
func TemplateYAML(r *rubric.Rubric, person string, assessor assess.Assessor, rater string, quick bool) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Answers for %s. Put a score (%d-%d) or na after each question id; leave it empty\n",
		oneLine(r.Title()), r.Scale.Min, r.Scale.Max)
	b.WriteString("# to skip it. Score it with: pmladder assess --answers FILE (a file of several people,\n")
	b.WriteString("# separated by ---: pmladder team FILE)\n")
	if assessor != assess.Self {
		b.WriteString("# Each statement below describes the person rated, in their words (\"I ...\"): pick what they do.\n")
	}
	fmt.Fprintf(&b, "format: %s\n", assess.AnswersFormat)
	fmt.Fprintf(&b, "person: %s\n", yamlScalar(person))
	fmt.Fprintf(&b, "assessor: %s  # self, manager or peer\n", assessor)
	if rater != "" {
		fmt.Fprintf(&b, "rater: %s  # who rates\n", yamlScalar(rater))
	}
	b.WriteString("date:          # e.g. 2026-11-22\n")
	fmt.Fprintf(&b, "current_role:  # optional: %s\n", r.RoleList())
	b.WriteString("target_role:   # optional, one of the same\n")
	if len(r.Tracks) > 0 {
		ids := make([]string, len(r.Tracks))
		for i := range r.Tracks {
			ids[i] = r.Tracks[i].ID
		}
		fmt.Fprintf(&b, "track:         # optional: %s\n", strings.Join(ids, ", "))
	}
	if len(r.Certifications) > 0 {
		fmt.Fprintf(&b, "certifications: []  # optional, those held (never recommended): %s\n", r.CertificationList())
	}
	b.WriteString("answers:\n")
	category := ""
	for _, q := range assess.QuestionsAsked(r, quick) {
		skill := r.Skill(q.Skill)
		if skill.Category != category {
			category = skill.Category
			fmt.Fprintf(&b, "\n  # ── %s ──\n", oneLine(r.Category(category).Name))
		}
		fmt.Fprintf(&b, "\n  # %s: %s\n", oneLine(skill.Name), oneLine(q.Text))
		if len(q.Options) > 0 {
			texts, scores := r.Choices(q)
			for i, t := range texts {
				fmt.Fprintf(&b, "  #   %d  %s\n", scores[i], oneLine(t))
			}
		} else {
			var points []string
			for v := r.Scale.Min; v <= r.Scale.Max; v++ {
				p := fmt.Sprint(v)
				if l := r.Scale.Label(v); l != "" {
					p += " " + l
				}
				points = append(points, p)
			}
			fmt.Fprintf(&b, "  #   rate it: %s\n", strings.Join(points, " · "))
		}
		fmt.Fprintf(&b, "  %s:\n", q.ID)
	}
	return []byte(b.String())
}
