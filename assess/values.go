package assess

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pmladder/pmladder/internal/problem"
	"github.com/pmladder/pmladder/rubric"
)

// ParseScore reads one answer as written in a file or a sheet cell: a whole number on the
// scale, or "na". The error says what is wrong in words a user can act on.
func ParseScore(s string, scale rubric.Scale) (Answer, error) {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' { // the common case, quickly
		if v := int(s[0] - '0'); v >= scale.Min && v <= scale.Max {
			return Answer{Score: v}, nil
		}
	}
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "na") {
		return Answer{NA: true}, nil
	}
	// A whole number, optionally written with a zero fraction as spreadsheets may ("3.0");
	// nothing that only Go's number syntax would read ("0x1p1", "0_3", "3.").
	whole, frac, hasFrac := strings.Cut(t, ".")
	v, err := strconv.Atoi(whole)
	if err != nil || strings.ContainsAny(whole, "_") || whole == "" || strings.HasPrefix(whole, "+") ||
		(hasFrac && (frac == "" || strings.Trim(frac, "0") != "")) {
		return Answer{}, fmt.Errorf("%s is not a score (%d–%d or na)", problem.Quote(s), scale.Min, scale.Max)
	}
	if v < scale.Min || v > scale.Max {
		return Answer{}, fmt.Errorf("score %d is outside the scale %d–%d", v, scale.Min, scale.Max)
	}
	return Answer{Score: v}, nil
}

// DateOrder is how a numeric day written with slashes and the year last is read: month
// first (11/22/2026, as US spreadsheets write it) or day first (22/11/2026, most of the
// world). The empty order reads only what cannot be misread.
type DateOrder string

// The orders of a slash date.
const (
	MonthFirst DateOrder = "mdy"
	DayFirst   DateOrder = "dmy"
)

// DateOrders lists the orders as a setting names them.
func DateOrders() []string { return []string{string(MonthFirst), string(DayFirst)} }

// Describe says the order in words: "mdy (month first)".
func (o DateOrder) Describe() string {
	if o == MonthFirst {
		return "mdy (month first)"
	}
	return "dmy (day first)"
}

// ParseDate reads a date as RFC 3339 (2026-11-22T10:04:05Z), a calendar day (2026-11-22,
// 2026/11/22) or a day as spreadsheets export it in the writer's locale: 22/11/2026, 11/22/2026,
// 22.11.2026 (dots are always day first), with or without leading zeros. A slash date whose day
// and month could be swapped (03/04/2026) is refused rather than guessed, because a wrong guess
// would silently move an assessment by months; the error says how to write it.
func ParseDate(s string) (time.Time, error) { return ParseDateIn(s, "") }

// ParseDateIn is ParseDate with the order of slash dates known (a sheet's column, or the
// user's --date-order): 03/04/2026 is then one day. A date the order cannot read
// (13/01/2026 month first) is an error; the empty order is ParseDate.
func ParseDateIn(s string, order DateOrder) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) == len("2006-01-02") {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if t, ok, err := parseLocaleDay(s, order); ok {
		return t, err
	}
	return time.Time{}, fmt.Errorf("%s is not a date (2026-11-22, 22/11/2026 or 2026-11-22T10:04:05Z)", problem.Quote(s))
}

// slashDay is a day written with slashes or dots: its three numbers as written, and
// whether the separator is a dot.
type slashDay struct {
	n      [3]int
	widths [3]int
	dots   bool
}

// splitLocaleDay reads the numeric day forms with / or . as separator; ok is false when s
// has none of those shapes.
func splitLocaleDay(s string) (d slashDay, ok bool) {
	sep := "/"
	if strings.Count(s, ".") == 2 {
		sep, d.dots = ".", true
	}
	parts := strings.Split(s, sep)
	if len(parts) != 3 {
		return d, false
	}
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return d, false
		}
		d.n[i], _ = strconv.Atoi(p)
		d.widths[i] = len(p)
	}
	return d, true
}

// SlashDateOrder says what a date written with slashes and the year last shows of its
// order: MonthFirst when its second number is above 12 (11/22/2026), DayFirst when its
// first is (22/11/2026), "" otherwise; ambiguous is true when it reads as two different
// days (03/04/2026). Anything else (2026-11-22, 22.11.2026, 05/05/2026) shows nothing
// and is not ambiguous.
func SlashDateOrder(s string) (order DateOrder, ambiguous bool) {
	d, ok := splitLocaleDay(strings.TrimSpace(s))
	if !ok || d.dots || d.widths[0] == 4 || d.widths[2] != 4 {
		return "", false
	}
	switch {
	case d.n[0] > 12 && d.n[1] >= 1 && d.n[1] <= 12:
		return DayFirst, false
	case d.n[1] > 12 && d.n[0] >= 1 && d.n[0] <= 12:
		return MonthFirst, false
	case d.n[0] >= 1 && d.n[1] >= 1 && d.n[0] <= 12 && d.n[1] <= 12 && d.n[0] != d.n[1]:
		return "", true
	}
	return "", false
}

// parseLocaleDay reads the numeric day forms with / or . as separator in the given order
// of slash dates ("": only what cannot be misread); ok is false when s has none of those
// shapes.
func parseLocaleDay(s string, order DateOrder) (t time.Time, ok bool, err error) {
	d, ok := splitLocaleDay(s)
	if !ok {
		return time.Time{}, false, nil
	}
	n := d.n
	day := func(y, m, dd int) (time.Time, bool, error) {
		t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || dd < 1 || t.Day() != dd {
			if order != "" && !d.dots {
				return time.Time{}, true, fmt.Errorf("%s is not a day of the calendar read %s", problem.Quote(s), order.Describe())
			}
			return time.Time{}, true, fmt.Errorf("%s is not a day of the calendar", problem.Quote(s))
		}
		return t, true, nil
	}
	switch {
	case d.widths[0] == 4: // 2026/11/22
		return day(n[0], n[1], n[2])
	case d.widths[2] != 4:
		return time.Time{}, true, fmt.Errorf("%s: write the year with four digits (2026-11-22)", problem.Quote(s))
	case d.dots: // 22.11.2026
		return day(n[2], n[1], n[0])
	case order == DayFirst:
		return day(n[2], n[1], n[0])
	case order == MonthFirst:
		return day(n[2], n[0], n[1])
	case n[0] > 12: // 22/11/2026
		return day(n[2], n[1], n[0])
	case n[1] > 12: // 11/22/2026
		return day(n[2], n[0], n[1])
	case n[0] == n[1]: // 05/05/2026 reads the same either way
		return day(n[2], n[0], n[1])
	default:
		return time.Time{}, true, fmt.Errorf("%s could be %s; write it as YYYY-MM-DD", problem.Quote(s), EitherDay(s))
	}
}

// EitherDay names the two days an ambiguous slash date could be, day first then month
// first: "2026-04-03 or 2026-03-04".
func EitherDay(s string) string {
	d, _ := splitLocaleDay(strings.TrimSpace(s))
	n := d.n
	return fmt.Sprintf("%04d-%02d-%02d or %04d-%02d-%02d", n[2], n[1], n[0], n[2], n[0], n[1])
}

// RefTo is the reference to r that answers and plans record.
func RefTo(r *rubric.Rubric) RubricRef {
	return RubricRef{Name: r.Name, Version: r.Version, SHA256: r.SHA256}
}

// Describe names the rubric for a message: its name, version and the start of its hash.
func (ref RubricRef) Describe() string {
	d := ref.Name
	if d == "" {
		d = "another rubric"
	}
	if ref.Version != "" {
		d += " " + ref.Version
	}
	if len(ref.SHA256) >= 12 {
		d += " (" + ref.SHA256[:12] + ")"
	}
	return d
}

// Describe names r for a message, as RubricRef.Describe does.
func Describe(r *rubric.Rubric) string { return RefTo(r).Describe() }
