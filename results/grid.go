package results

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// MaxPoints is the most points a sweep's grid may have. Each point is a
// whole run, so a grid larger than this is almost surely a mistyped range
// (0..1000000 for 0..100), and is refused before anything is loaded.
const MaxPoints = 10000

// Vary is one varied key of a sweep and its values, as text that an
// override (--set KEY=VALUE) takes: "12", "0.25", "5m".
type Vary struct {
	Key    string
	Values []string
}

// Grid is the points of a sweep: every combination of the values of its
// keys, the first key varying slowest.
type Grid struct {
	Vary []Vary
}

// Point is one point of a grid: a value for each of the grid's keys, in
// the grid's order.
type Point struct {
	Keys   []string
	Values []string
}

// Sets are the point's overrides, as --set takes them: "KEY=VALUE".
func (p Point) Sets() []string {
	out := make([]string, len(p.Keys))
	for i, k := range p.Keys {
		out[i] = k + "=" + p.Values[i]
	}
	return out
}

// Label names the point in messages: "pools.nurse.staff=3" or, with two
// keys, "pools.nurse.staff=3 run.days=5".
func (p Point) Label() string { return strings.Join(p.Sets(), " ") }

// ParseGrid reads --vary specs, "KEY=LIST" or "KEY=FROM..TO[:STEP]", into a
// grid. Every problem with every spec is returned at once; a key given
// twice, or a grid of more than MaxPoints points, is refused.
func ParseGrid(specs []string) (*Grid, error) {
	if len(specs) == 0 {
		return nil, errors.New("--vary: give at least one key to vary, as KEY=LIST or KEY=FROM..TO[:STEP]")
	}
	g := &Grid{}
	var errs []error
	seen := map[string]bool{}
	for _, spec := range specs {
		v, err := ParseVary(spec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if seen[v.Key] {
			errs = append(errs, fmt.Errorf("--vary %s: %s is varied twice; give all its values in one --vary", spec, v.Key))
			continue
		}
		seen[v.Key] = true
		g.Vary = append(g.Vary, v)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if n := g.size(); n > MaxPoints {
		return nil, fmt.Errorf("--vary: the grid has %s points, over the limit of %d; each point is a whole run, so sweep fewer values or coarser steps", g.count(), MaxPoints)
	}
	return g, nil
}

// size is the number of points, or more than MaxPoints (never an
// overflow) when there are more.
func (g *Grid) size() int {
	n := 1
	for _, v := range g.Vary {
		n *= len(v.Values)
		if n > MaxPoints {
			return MaxPoints + 1
		}
	}
	return n
}

// count says how many points the grid has, exactly while that fits in an
// int.
func (g *Grid) count() string {
	n := 1
	for _, v := range g.Vary {
		if n > math.MaxInt/len(v.Values) {
			return "more than " + strconv.Itoa(math.MaxInt)
		}
		n *= len(v.Values)
	}
	return strconv.Itoa(n)
}

// Keys are the varied keys, in the order given.
func (g *Grid) Keys() []string {
	out := make([]string, len(g.Vary))
	for i, v := range g.Vary {
		out[i] = v.Key
	}
	return out
}

// Points lists every combination of the keys' values, the first key
// varying slowest (as nested loops with the first key outermost).
func (g *Grid) Points() []Point {
	keys := g.Keys()
	n := g.size()
	out := make([]Point, n)
	for i := range out {
		vals := make([]string, len(g.Vary))
		rest := i
		for k := len(g.Vary) - 1; k >= 0; k-- {
			m := len(g.Vary[k].Values)
			vals[k] = g.Vary[k].Values[rest%m]
			rest /= m
		}
		out[i] = Point{Keys: keys, Values: vals}
	}
	return out
}

// plainNumber is a number as a range takes it: digits with an optional
// sign and decimal point, no exponent, so that the values a range makes
// can be written with as many decimals as its ends and step have.
var plainNumber = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

// ParseVary reads one --vary spec: "KEY=LIST", values separated by commas
// (numbers or text such as durations: "5m,10m"), or "KEY=FROM..TO" in steps
// of 1, or "KEY=FROM..TO:STEP". A range's numbers may be whole or decimal;
// TO is included when a step reaches it within rounding.
func ParseVary(spec string) (Vary, error) {
	key, list, ok := strings.Cut(spec, "=")
	key = strings.ToLower(strings.TrimSpace(key))
	list = strings.TrimSpace(list)
	bad := func(format string, args ...any) (Vary, error) {
		return Vary{}, fmt.Errorf("--vary %s: "+format, append([]any{spec}, args...)...)
	}
	if !ok || key == "" || list == "" {
		return bad("expected KEY=LIST (4,6,8 or 5m,10m) or KEY=FROM..TO[:STEP] (4..16 or 0.1..0.3:0.05)")
	}
	if from, rest, isRange := strings.Cut(list, ".."); isRange {
		values, err := parseRange(from, rest)
		if err != nil {
			return bad("%v", err)
		}
		return Vary{Key: key, Values: values}, nil
	}
	var values []string
	seen := map[string]bool{}
	for v := range strings.SplitSeq(list, ",") {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
			return bad("an empty value in the list; an empty --set value would remove the key")
		case seen[v]:
			return bad("%s is listed twice", v)
		}
		seen[v] = true
		values = append(values, v)
	}
	return Vary{Key: key, Values: values}, nil
}

// parseRange makes the values of FROM..TO[:STEP].
func parseRange(fromText, rest string) ([]string, error) {
	toText, stepText, hasStep := strings.Cut(rest, ":")
	if !hasStep {
		stepText = "1"
	}
	if strings.Contains(fromText, ",") || strings.Contains(toText, ",") {
		return nil, errors.New("give either a list (4,6,8) or a range (4..8), not both")
	}
	var nums [3]float64
	var bad []string
	for i, t := range []*string{&fromText, &toText, &stepText} {
		*t = strings.TrimSpace(*t)
		if !plainNumber.MatchString(*t) {
			bad = append(bad, fmt.Sprintf("%s %q", [...]string{"FROM", "TO", "STEP"}[i], *t))
			continue
		}
		nums[i], _ = strconv.ParseFloat(*t, 64)
	}
	if len(bad) > 0 {
		verb := " is not a number"
		if len(bad) > 1 {
			verb = " are not numbers"
		}
		return nil, fmt.Errorf("%s; a range takes numbers such as 4 or 0.25 (give other values as a list: 5m,10m)", strings.Join(bad, " and ")+verb)
	}
	from, to, step := nums[0], nums[1], nums[2]
	switch {
	case step <= 0:
		return nil, fmt.Errorf("the step must be more than 0, not %s", stepText)
	case from > to:
		return nil, fmt.Errorf("FROM %s is more than TO %s; a range counts up", fromText, toText)
	}
	// Within rounding: 0.1..0.3:0.1 has three values, though 0.1+2×0.1
	// is a little over 0.3 in binary.
	steps := math.Floor((to-from)/step + 1e-9)
	if steps+1 > MaxPoints {
		return nil, fmt.Errorf("%.0f values, over the limit of %d points", steps+1, MaxPoints)
	}
	dec := max(decimals(fromText), decimals(toText), decimals(stepText))
	n := int(steps) + 1
	values := make([]string, n)
	for i := range values {
		x := from + float64(i)*step
		if i == n-1 && math.Abs(x-to) <= 1e-9*math.Max(1, math.Abs(to)) {
			x = to
		}
		values[i] = strconv.FormatFloat(x, 'f', dec, 64)
		if values[i] == "-0" || strings.Trim(values[i], "-0.") == "" && strings.HasPrefix(values[i], "-") {
			values[i] = values[i][1:] // no "-0" when a range crosses 0
		}
	}
	return values, nil
}

// decimals is the number of digits after a number's decimal point.
func decimals(t string) int {
	if _, frac, ok := strings.Cut(t, "."); ok {
		return len(frac)
	}
	return 0
}
