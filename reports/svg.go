package reports

import (
	"fmt"
	"html"
	"math"
	"strings"

	"github.com/pmladder/pmladder/internal/textwrap"
)

// chartSeries is one polygon (or set of bars) of a chart: a value per axis, nil where
// there is none.
type chartSeries struct {
	Name   string
	Class  string
	Values []*float64
}

// chart is a radar chart over three or more axes, or a bar chart for fewer, drawn as
// inline SVG so that a report needs no script and no network.
type chart struct {
	Title    string
	Axes     []string
	Min, Max float64
	Series   []chartSeries
}

// svgText escapes text for SVG inside HTML.
func svgText(s string) string { return html.EscapeString(s) }

// SVG draws the chart.
func (c chart) SVG() string {
	if len(c.Axes) >= 3 {
		return c.radar()
	}
	return c.bars()
}

// The radar's axis labels: characters per line (the room beside the circle at the font
// size of the page) and the distance between their lines.
const (
	axisLabelWidth = 26
	axisLineHeight = 12.0
)

// radar draws one spoke per axis, a ring per scale point and a polygon per series.
func (c chart) radar() string {
	const (
		w, h   = 760.0, 520.0
		cx, cy = w / 2, h/2 + 10
		radius = 190.0
	)
	n := len(c.Axes)
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	point := func(i int, v float64) (float64, float64) {
		r := 0.0
		if c.Max > c.Min {
			r = math.Max(0, math.Min(1, (v-c.Min)/(c.Max-c.Min))) * radius
		}
		return cx + r*math.Cos(angle(i)), cy + r*math.Sin(angle(i))
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`, w, h)
	fmt.Fprintf(&b, `<title id="chart-title">%s</title>`, svgText(c.Title))
	// Rings at every scale point, labelled on the first spoke.
	for v := c.Min; v <= c.Max; v++ {
		var pts []string
		for i := 0; i < n; i++ {
			x, y := point(i, v)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		fmt.Fprintf(&b, `<polygon class="ring" points="%s"/>`, strings.Join(pts, " "))
		x, y := point(0, v)
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f">%g</text>`, x+4, y-2, v)
	}
	for i, label := range c.Axes {
		x, y := point(i, c.Max)
		fmt.Fprintf(&b, `<line class="spoke" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, cx, cy, x, y)
		lx, ly := cx+(radius+14)*math.Cos(angle(i)), cy+(radius+14)*math.Sin(angle(i))
		anchor := "middle"
		// Only a label straight above or below the centre is centred: two labels either
		// side of the bottom would run into each other.
		switch {
		case math.Cos(angle(i)) > 0.05:
			anchor = "start"
		case math.Cos(angle(i)) < -0.05:
			anchor = "end"
		}
		// A long name goes on two lines, broken between words, rather than cut; only a
		// name longer than two lines is shortened. Labels above the centre grow upwards.
		// A centred label (straight above or below) is narrower: its neighbours come close.
		width := axisLabelWidth
		if anchor == "middle" {
			width = axisLabelWidth * 2 / 3
		}
		lines := strings.Split(strings.TrimSuffix(textwrap.Wrap(label, width, "", ""), "\n"), "\n")
		if len(lines) > 2 {
			lines = []string{lines[0], truncate(strings.Join(lines[1:], " "), width)}
		}
		switch sin := math.Sin(angle(i)); {
		case sin > 0.5:
			ly += 10
		case sin < -0.3:
			ly -= axisLineHeight * float64(len(lines)-1)
		}
		fmt.Fprintf(&b, `<text class="axis" x="%.1f" y="%.1f" text-anchor="%s"><title>%s</title>`, lx, ly, anchor, svgText(label))
		for j, line := range lines {
			dy := 0.0
			if j > 0 {
				dy = axisLineHeight
			}
			fmt.Fprintf(&b, `<tspan x="%.1f" dy="%g">%s</tspan>`, lx, dy, svgText(line))
		}
		b.WriteString(`</text>`)
		if len(c.Series) > 0 && c.Series[0].Class == "score" && i < len(c.Series[0].Values) && c.Series[0].Values[i] == nil {
			fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="%s">not assessed</text>`, lx, ly+12+axisLineHeight*float64(len(lines)-1), anchor)
		}
	}
	for _, s := range c.Series {
		// A value that is missing (not assessed, or not expected) is a gap in the line,
		// never a point at zero: the line runs through the runs of values on either side.
		for _, run := range valueRuns(s.Values) {
			var pts []string
			for _, i := range run {
				x, y := point(i, *s.Values[i])
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
			}
			shape := "polyline"
			if len(run) == len(s.Values) {
				shape = "polygon"
			}
			fmt.Fprintf(&b, `<%s class="%s" points="%s"><title>%s</title></%s>`, shape, s.Class, strings.Join(pts, " "), svgText(s.Name), shape)
		}
		for i, v := range s.Values {
			if v != nil {
				x, y := point(i, *v)
				fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%.1f" r="3"><title>%s: %s %s</title></circle>`,
					s.Class, x, y, svgText(c.Axes[i]), svgText(s.Name), num(*v))
			}
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// valueRuns splits the positions of a series around a circle into runs of values with no
// missing one between them; with none missing, one run of all.
func valueRuns(values []*float64) [][]int {
	n := len(values)
	start := -1
	for i := range values {
		if values[i] == nil {
			start = i
			break
		}
	}
	if start < 0 {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		return [][]int{all}
	}
	var runs [][]int
	var run []int
	for k := 1; k <= n; k++ {
		i := (start + k) % n
		if values[i] == nil {
			if len(run) > 0 {
				runs = append(runs, run)
			}
			run = nil
			continue
		}
		run = append(run, i)
	}
	return runs
}

// bars draws a horizontal bar per axis and series, for charts with too few axes for a
// radar.
func (c chart) bars() string {
	const (
		w      = 760.0
		left   = 220.0
		barH   = 16.0
		gap    = 10.0
		labelW = 60.0
	)
	rows := len(c.Axes) * len(c.Series)
	h := float64(rows)*barH + float64(len(c.Axes))*gap + 40
	span := w - left - labelW
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %g %g" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`, w, h)
	fmt.Fprintf(&b, `<title id="chart-title">%s</title>`, svgText(c.Title))
	y := 20.0
	for i, label := range c.Axes {
		fmt.Fprintf(&b, `<text class="axis" x="%g" y="%.1f" text-anchor="end">%s</text>`, left-8, y+barH, svgText(label))
		for _, s := range c.Series {
			v := c.Min
			if s.Values[i] != nil {
				v = *s.Values[i]
			}
			frac := 0.0
			if c.Max > c.Min {
				frac = math.Max(0, math.Min(1, (v-c.Min)/(c.Max-c.Min)))
			}
			fmt.Fprintf(&b, `<rect class="%s" x="%g" y="%.1f" width="%.1f" height="%g"><title>%s: %s</title></rect>`,
				s.Class, left, y, frac*span, barH-2, svgText(s.Name), num(v))
			fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f">%s</text>`, left+frac*span+4, y+barH-4, num(v))
			y += barH
		}
		y += gap
	}
	b.WriteString(`</svg>`)
	return b.String()
}
