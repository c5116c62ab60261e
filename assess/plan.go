package assess

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// PlanFormat is the format line of a development plan file.
const PlanFormat = "pmladder-plan/v1"

// MaxGoals is how many skills a plan focuses on: a plan of more is a wish list.
const MaxGoals = 3

// DefaultPlanDays is how far ahead a plan's goals are due unless told otherwise: a
// quarter, the rhythm of most review cycles.
const DefaultPlanDays = 90

// DayLayout is how a plan writes its dates: a day, not a moment.
const DayLayout = "2006-01-02"

// Plan is a person's development plan: one to three skills to grow by a date, made from
// an assessment, with the actions and certifications chosen for each.
type Plan struct {
	Person string
	// Created is when the plan was made; an assessment after it can show progress. A plan
	// file may give only a day (a person's edit): then the day's start.
	Created time.Time
	// From is the assessment the plan was made from (a file name), for the reader;
	// Assessor and Rater are whose it was: status holds the same rater's latest against it.
	From     string
	Assessor Assessor
	Rater    string
	// TargetRole is the role the plan works toward, "" when none.
	TargetRole string
	Rubric     RubricRef
	Goals      []Goal
}

// Goal is one skill of a plan.
type Goal struct {
	Skill string
	// From is the skill's score when the plan was made; nil when it was not assessed.
	From *float64
	// Target is the score to reach.
	Target float64
	Due    time.Time
	// Actions and Certifications are what the person chose to do.
	Actions        []string
	Certifications []string
}

// PlanChoices are what a person decides when a plan is made; zero values take the
// defaults (the top gaps, the target role's expectations, DefaultPlanDays).
type PlanChoices struct {
	// Skills are the skill ids to focus on, 1 to MaxGoals.
	Skills []string
	// Targets holds a target score by skill id.
	Targets map[string]float64
	// Due is the day the goals are due; zero gives each goal a quarter (DefaultPlanDays)
	// per whole step from its score to its target (docs/scoring.md, rule 15).
	Due time.Time
	// ToTarget aims each default goal at the target role's expectation rather than the
	// next step up (rule 15).
	ToTarget bool
	// Actions and Certifications hold, by skill id, what was chosen; a skill that is not
	// there gets every action of its next step and the first certification the report
	// recommends that builds it, if any: a plan of five courses per skill is not a plan.
	Actions        map[string][]string
	Certifications map[string][]string
}

// GoalOption is a skill a plan could focus on, with the defaults the plan would take.
type GoalOption struct {
	Skill *rubric.Skill
	// Score is the skill's score now, nil when unassessed; Target the default target.
	Score  *float64
	Target float64
	// Gap is the gap toward the target role, 0 when there is none, and Priority its
	// priority (docs/scoring.md, rule 5).
	Gap      float64
	Priority Priority
	// Actions are the skill's actions for the step up, Certifications the ids of the
	// certifications that build it, the ones toward the target's gaps first.
	Actions        []string
	Certifications []string
}

// PlanOptions lists the skills a plan can focus on: the gaps toward the target in
// priority order (the defaults, the first MaxGoals of them), then every other skill
// below the top of the scale in rubric order. A gap's default target is its next step
// (rule 15: one step a quarter), or with toTarget the target role's expectation.
func PlanOptions(res *Result, toTarget bool) []GoalOption {
	r := res.Rubric
	var out []GoalOption
	seen := map[string]bool{}
	for _, g := range res.Gaps {
		seen[g.Skill.ID] = true
		target := float64(g.Step())
		if toTarget {
			target = g.Expected
		}
		out = append(out, GoalOption{Skill: g.Skill, Score: res.Skills[skillPos(r, g.Skill.ID)].Score,
			Target: target, Gap: g.Gap, Priority: g.Priority, Actions: actionsUpTo(g.Skill, g.Score, target),
			Certifications: certsFor(res, g.Skill.ID)})
	}
	for i, sk := range r.Skills() {
		score := res.Skills[i].Score
		if seen[sk.ID] || (score != nil && *score >= float64(r.Scale.Max)) {
			continue
		}
		from := float64(r.Scale.Min)
		if score != nil {
			from = *score
		}
		step := min(int(math.Floor(from+eps))+1, r.Scale.Max)
		out = append(out, GoalOption{Skill: sk, Score: score, Target: float64(step),
			Actions: sk.ActionsFor(step), Certifications: certsFor(res, sk.ID)})
	}
	return out
}

// stepsUp counts the whole steps from a score to a target: 2.5 → 4 is two (to 3, to 4).
// Not assessed counts from below the scale.
func stepsUp(from *float64, target float64, r *rubric.Rubric) int {
	start := r.Scale.Min - 1
	if from != nil {
		start = int(math.Floor(*from + eps))
	}
	return max(1, rubric.MetAt(target)-start)
}

// actionsUpTo are a skill's actions for every step from score to the target, in order,
// each once: a goal two points up needs the second step's actions too.
func actionsUpTo(sk *rubric.Skill, score, target float64) []string {
	var out []string
	for step := int(math.Floor(score+eps)) + 1; step <= rubric.MetAt(target); step++ {
		for _, a := range sk.ActionsFor(step) {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// DefaultGoals is how many of the options a plan takes by default: the gaps, at most
// MaxGoals.
func DefaultGoals(res *Result) int { return min(len(res.Gaps), MaxGoals) }

func skillPos(r *rubric.Rubric, id string) int {
	return slices.IndexFunc(r.Skills(), func(s *rubric.Skill) bool { return s.ID == id })
}

// certsFor lists the certifications that build a skill: those that cover the target's
// gaps in their rank order, then the others that suit the target, in rubric order.
func certsFor(res *Result, skill string) []string {
	var out []string
	for _, c := range res.AllCertifications() {
		if slices.Contains(c.Covers, skill) && !res.Answers.Holds(c.Cert.ID) {
			out = append(out, c.Cert.ID)
		}
	}
	for i := range res.Rubric.Certifications {
		c := &res.Rubric.Certifications[i]
		if slices.Contains(c.Skills, skill) && !slices.Contains(out, c.ID) && !res.Answers.Holds(c.ID) &&
			(res.Target == nil || len(c.Roles) == 0 || slices.Contains(c.Roles, res.Target.Role.ID)) {
			out = append(out, c.ID)
		}
	}
	return out
}

// NewPlan makes a plan from a scored assessment and what the person chose. An error is
// something the person must change: a skill not in the rubric, too many skills, a target
// off the scale, a due day not after today.
func NewPlan(res *Result, source string, choices PlanChoices, now time.Time) (*Plan, error) {
	r := res.Rubric
	today := day(now)
	options := PlanOptions(res, choices.ToTarget)
	skills := choices.Skills
	if len(skills) == 0 {
		for _, o := range options[:DefaultGoals(res)] {
			skills = append(skills, o.Skill.ID)
		}
	}
	if len(skills) == 0 {
		return nil, &NoGoalsError{Target: res.Target}
	}
	if len(skills) > MaxGoals {
		return nil, fmt.Errorf("%d skills: a plan focuses on 1 to %d", len(skills), MaxGoals)
	}
	due := choices.Due
	if !due.IsZero() {
		if due = day(due); !due.After(today) {
			return nil, fmt.Errorf("due %s is not after today (%s): a plan needs time ahead", due.Format(DayLayout), today.Format(DayLayout))
		}
	}
	p := &Plan{Person: res.Answers.Person, Created: now.UTC().Truncate(time.Second), From: source,
		Assessor: res.Answers.Assessor, Rater: res.Answers.Rater,
		Rubric: RubricRef{Name: r.Name, Version: r.Version, SHA256: r.SHA256}}
	if res.Target != nil {
		p.TargetRole = res.Target.Role.ID
	}
	for _, id := range skills {
		i := slices.IndexFunc(options, func(o GoalOption) bool { return o.Skill.ID == id })
		if r.Skill(id) == nil {
			return nil, &UnknownSkillError{ID: id, Rubric: r}
		}
		if slices.ContainsFunc(p.Goals, func(g Goal) bool { return g.Skill == id }) {
			return nil, fmt.Errorf("skill %q is named twice", id)
		}
		if i < 0 {
			return nil, fmt.Errorf("%s is at the top of the scale already (%d): nothing to grow", r.Skill(id).Name, r.Scale.Max)
		}
		o := options[i]
		g := Goal{Skill: id, Target: o.Target, Due: due, Actions: o.Actions, Certifications: recommendedCert(res, o)}
		if o.Score != nil {
			from := round2(*o.Score)
			g.From = &from
		}
		if t, ok := choices.Targets[id]; ok {
			g.Target = t
		}
		if !r.Scale.Contains(g.Target) || (g.From != nil && g.Target <= *g.From) {
			return nil, fmt.Errorf("target %s for %s: want a score above %s, at most %d", strconv.FormatFloat(g.Target, 'f', -1, 64),
				r.Skill(id).Name, fromText(g.From, r), r.Scale.Max)
		}
		if g.Due.IsZero() {
			g.Due = today.AddDate(0, 0, DefaultPlanDays*stepsUp(o.Score, g.Target, r))
		}
		if a, ok := choices.Actions[id]; ok {
			g.Actions = a
		}
		if c, ok := choices.Certifications[id]; ok {
			g.Certifications = c
		}
		p.Goals = append(p.Goals, g)
	}
	return p, nil
}

// recommendedCert is the first of a goal's certifications that the report recommends
// (the ones that cover the most of the gaps), as a list of at most one.
func recommendedCert(res *Result, o GoalOption) []string {
	for _, id := range o.Certifications {
		if slices.ContainsFunc(res.Certifications, func(c CertValue) bool { return c.Cert.ID == id }) {
			return []string{id}
		}
	}
	return nil
}

func fromText(from *float64, r *rubric.Rubric) string {
	if from == nil {
		return strconv.Itoa(r.Scale.Min - 1)
	}
	return strconv.FormatFloat(*from, 'f', -1, 64)
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// day is the calendar day of t, as a UTC midnight: plans count in days.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// NoGoalsError is a plan asked for without skills when there is no gap toward the target.
type NoGoalsError struct{ Target *RoleFit }

func (e *NoGoalsError) Error() string {
	if e.Target == nil {
		return "no target role, so no gap to plan for: name the skills with --skills, or a target with --target"
	}
	return fmt.Sprintf("no gap toward %s to plan for: name the skills with --skills, or aim further with --target", e.Target.Role.Name)
}

// UnknownSkillError is a skill id the rubric does not have.
type UnknownSkillError struct {
	ID     string
	Rubric *rubric.Rubric
}

func (e *UnknownSkillError) Error() string {
	ids := make([]string, 0, len(e.Rubric.Skills()))
	for _, s := range e.Rubric.Skills() {
		ids = append(ids, s.ID)
	}
	return fmt.Sprintf("unknown skill %s: not in %s (skills: %s)", problem.Quote(e.ID), e.Rubric.Title(), strings.Join(ids, ", "))
}

// Goal statuses, from the best news to the worst.
const (
	GoalDone    = "done"
	GoalOnTrack = "on track"
	GoalStalled = "stalled"
	GoalOverdue = "overdue"
)

// GoalStatus is a goal held against an assessment.
type GoalStatus struct {
	Goal
	// Now is the skill's score in the assessment, nil when unassessed.
	Now    *float64
	Status string
}

// Status holds the plan against an assessment dated assessed: a goal is done when the
// score reaches its target; else overdue once its day has passed; else stalled when an
// assessment made after the plan shows no progress from the score it started at; else on track
// (progress, or no assessment since the plan to say otherwise).
func (p *Plan) Status(res *Result, assessed, today time.Time) []GoalStatus {
	since := !assessed.IsZero() && assessed.After(p.Created)
	out := make([]GoalStatus, 0, len(p.Goals))
	for _, g := range p.Goals {
		st := GoalStatus{Goal: g, Status: GoalOnTrack}
		if i := skillPos(res.Rubric, g.Skill); i >= 0 {
			if s := res.Skills[i].Score; s != nil {
				now := round2(*s)
				st.Now = &now
			}
		}
		progress := st.Now != nil && (g.From == nil || *st.Now > *g.From+eps)
		switch {
		case st.Now != nil && *st.Now >= g.Target-eps:
			st.Status = GoalDone
		case day(today).After(g.Due):
			st.Status = GoalOverdue
		case since && !progress:
			st.Status = GoalStalled
		}
		out = append(out, st)
	}
	return out
}
