package store

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/internal/yamlnode"
	"github.com/pmladder/pmladder/rubric"
)

// planFile is a plan as its YAML file holds it.
type planFile struct {
	Format     string     `yaml:"format"`
	Person     string     `yaml:"person"`
	Created    string     `yaml:"created"`
	From       string     `yaml:"from,omitempty"`
	Assessor   string     `yaml:"assessor,omitempty"`
	Rater      string     `yaml:"rater,omitempty"`
	TargetRole string     `yaml:"target_role,omitempty"`
	Rubric     planRubric `yaml:"rubric,flow"`
	Goals      []planGoal `yaml:"goals"`
}

type planRubric struct {
	Name    string `yaml:"name"`
	Version string `yaml:"version"`
	SHA256  string `yaml:"sha256"`
}

type planGoal struct {
	Skill          string   `yaml:"skill"`
	From           *float64 `yaml:"from"`
	Target         float64  `yaml:"target"`
	Due            string   `yaml:"due"`
	Actions        []string `yaml:"actions"`
	Certifications []string `yaml:"certifications,flow"`
}

// MarshalPlan encodes a plan as its YAML file.
func MarshalPlan(p *assess.Plan) []byte {
	f := planFile{Format: assess.PlanFormat, Person: p.Person, Created: p.Created.UTC().Format(time.RFC3339), From: p.From,
		Assessor: string(p.Assessor), Rater: p.Rater,
		TargetRole: p.TargetRole, Rubric: planRubric{p.Rubric.Name, p.Rubric.Version, p.Rubric.SHA256}}
	for _, g := range p.Goals {
		f.Goals = append(f.Goals, planGoal{Skill: g.Skill, From: g.From, Target: g.Target, Due: g.Due.Format(assess.DayLayout),
			Actions: nonNil(g.Actions), Certifications: nonNil(g.Certifications)})
	}
	var buf bytes.Buffer
	buf.WriteString("# A development plan made by pmladder. Edit the actions as you like;\n# 'pmladder plan status' holds your latest assessment against it.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		panic(fmt.Sprintf("encoding a plan: %v", err)) // plain strings and numbers: a bug
	}
	enc.Close()
	return buf.Bytes()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ParsePlan reads a plan file, checking it against the rubric; every problem is
// reported as FILE:LINE.
func ParsePlan(file string, data []byte, r *rubric.Rubric) (*assess.Plan, error) {
	rd := yamlnode.Reader{File: file}
	root := rd.Parse(data, "plan")
	if root == nil {
		return nil, rd.Problems.Err()
	}
	f := rd.Mapping(root, "the plan", "format", "person", "created", "from", "assessor", "rater", "target_role", "rubric", "goals")
	if !rd.Format(root, f["format"], assess.PlanFormat, "a plan") {
		return nil, rd.Problems.Err()
	}
	p := &assess.Plan{Person: strings.TrimSpace(rd.String(f["person"].Value, "person")),
		From: rd.String(f["from"].Value, "from"), TargetRole: rd.String(f["target_role"].Value, "target_role"),
		Rater: strings.TrimSpace(rd.String(f["rater"].Value, "rater"))}
	switch who := rd.String(f["assessor"].Value, "assessor"); {
	case who == "":
		p.Assessor = assess.Self
	case !assess.IsAssessor(who):
		rd.Addf(f["assessor"].Value, "assessor %s: want %s", problem.Quote(who), assess.AssessorList)
	default:
		p.Assessor = assess.Assessor(who)
	}
	if p.Person == "" {
		rd.Addf(root, "missing person")
	}
	p.Created = planDate(&rd, f["created"], root, "created", true)
	if p.TargetRole != "" && r.Role(p.TargetRole) == nil {
		rd.Addf(f["target_role"].Value, "target_role %s is not a role of %s", problem.Quote(p.TargetRole), assess.Describe(r))
	}
	if v := f["rubric"].Value; !yamlnode.IsNull(v) {
		rf := rd.Mapping(v, "rubric", "name", "version", "sha256")
		p.Rubric = assess.RubricRef{Name: rd.String(rf["name"].Value, "rubric name"), Version: rd.String(rf["version"].Value, "rubric version"),
			SHA256: rd.String(rf["sha256"].Value, "rubric sha256")}
	}
	goals := rd.Seq(f["goals"].Value, "goals")
	if len(goals) == 0 && f["goals"].Key != nil {
		rd.Addf(f["goals"].Value, "no goals: want 1 to %d", assess.MaxGoals)
	} else if f["goals"].Key == nil {
		rd.Addf(root, "missing goals")
	}
	if len(goals) > assess.MaxGoals {
		rd.Addf(goals[assess.MaxGoals], "%d goals: a plan focuses on 1 to %d", len(goals), assess.MaxGoals)
	}
	for _, n := range goals {
		gf := rd.Mapping(n, "goal", "skill", "from", "target", "due", "actions", "certifications")
		g := assess.Goal{Skill: rd.String(gf["skill"].Value, "skill")}
		switch {
		case gf["skill"].Key == nil:
			rd.Addf(n, "goal without a skill")
		case r.Skill(g.Skill) == nil:
			rd.Addf(gf["skill"].Value, "%s", (&assess.UnknownSkillError{ID: g.Skill, Rubric: r}).Error())
		case slices.ContainsFunc(p.Goals, func(o assess.Goal) bool { return o.Skill == g.Skill }):
			rd.Addf(gf["skill"].Value, "skill %s has two goals", g.Skill)
		}
		if v := gf["from"].Value; !yamlnode.IsNull(v) {
			if from, ok := rd.Number(v, "from"); ok {
				g.From = &from
			}
		}
		if gf["target"].Key == nil {
			rd.Addf(n, "goal without a target score")
		} else if t, ok := rd.Number(gf["target"].Value, "target"); ok {
			if !r.Scale.Contains(t) {
				rd.Addf(gf["target"].Value, "target %s is off the scale (%d to %d)", strconv.FormatFloat(t, 'f', -1, 64), r.Scale.Min, r.Scale.Max)
			}
			g.Target = t
		}
		g.Due = planDate(&rd, gf["due"], n, "due", false)
		if v := gf["actions"].Value; !yamlnode.IsNull(v) {
			g.Actions, _ = rd.Strings(v, "actions")
		}
		if v := gf["certifications"].Value; !yamlnode.IsNull(v) {
			ids, nodes := rd.Strings(v, "certifications")
			for i, id := range ids {
				if r.Certification(id) == nil {
					rd.Addf(nodes[i], "certification %s is not in %s", problem.Quote(id), assess.Describe(r))
				}
			}
			g.Certifications = ids
		}
		p.Goals = append(p.Goals, g)
	}
	if err := rd.Problems.Err(); err != nil {
		return nil, err
	}
	return p, nil
}

// planDate reads a date field (2026-12-02) of a plan; with moment, a time
// (2026-12-02T09:30:00Z) too.
func planDate(rd *yamlnode.Reader, f yamlnode.Field, parent *yaml.Node, what string, moment bool) time.Time {
	if f.Key == nil {
		rd.Addf(parent, "missing %s (a date: 2026-12-31)", what)
		return time.Time{}
	}
	text := rd.String(f.Value, what)
	t, err := time.Parse(assess.DayLayout, text)
	if moment && err != nil {
		if m, merr := time.Parse(time.RFC3339, text); merr == nil {
			return m.UTC()
		}
	}
	if err != nil {
		rd.Addf(f.Value, "%s %s is not a date: want YYYY-MM-DD", what, problem.Quote(text))
	}
	return t
}
