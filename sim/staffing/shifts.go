package staffing

import (
	"fmt"
	"math"
	"slices"
	"time"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"

	"spoa/config"
)

// A shift pattern: a start on one day of the week, and a length, in hours.
// It covers hours [day·24 + start, … + length) of the week, running over
// Sunday midnight into Monday.
type pattern struct{ day, start, length int }

func (p pattern) covers(h int) bool {
	from := p.day*24 + p.start
	return (h-from+hours)%hours < p.length
}

// fitted is a pool's shifts, their rostered hours a week, and the linear
// programme's lower bound on those hours.
type fitted struct {
	shifts []config.Shift
	hours  float64
	bound  float64
}

// fitShifts finds shifts of the allowed starts and lengths whose sum
// covers need in every hour of the week, with few rostered hours: the
// linear programme (minimise hours, cover every hour) solved by gonum's
// simplex gives a lower bound and a fractional answer, whose counts
// rounded down are topped up greedily (the pattern that covers the most
// uncovered hours per rostered hour) and then pruned of any shift not
// needed. Without the linear programme (it fails only on numerical
// trouble) the greedy cover starts from nothing.
func fitShifts(need [hours]int, starts, lengths []int) (fitted, error) {
	var pats []pattern
	for d := range 7 {
		for _, s := range starts {
			for _, l := range lengths {
				pats = append(pats, pattern{d, s, l})
			}
		}
	}
	total := 0
	for _, n := range need {
		total += n
	}
	if total == 0 {
		return fitted{}, nil
	}
	for h, n := range need {
		if n > 0 && !slices.ContainsFunc(pats, func(p pattern) bool { return p.covers(h) }) {
			return fitted{}, fmt.Errorf("no shift of the allowed starts and lengths covers %s, when staff are needed", config.HourOfWeek(h))
		}
	}
	count := make([]int, len(pats))
	bound := 0.0
	if x, opt, ok := relaxed(need, pats); ok {
		bound = opt
		for j, v := range x {
			count[j] = int(math.Floor(v + 1e-9))
		}
	}
	cover := func() [hours]int {
		var c [hours]int
		for j, n := range count {
			if n == 0 {
				continue
			}
			for h := range hours {
				if pats[j].covers(h) {
					c[h] += n
				}
			}
		}
		return c
	}
	// Top up: the pattern that covers the most hours still short, per
	// hour rostered; ties to the longer.
	for {
		c := cover()
		best, bestScore := -1, 0.0
		for j, p := range pats {
			short := 0
			for k := range p.length {
				if h := (p.day*24 + p.start + k) % hours; c[h] < need[h] {
					short++
				}
			}
			if short == 0 {
				continue
			}
			score := float64(short) / float64(p.length)
			better := score > bestScore+1e-12
			tie := best >= 0 && math.Abs(score-bestScore) <= 1e-12 && p.length > pats[best].length
			if better || tie {
				best, bestScore = j, score
			}
		}
		if best < 0 {
			break
		}
		count[best]++
	}
	// Prune: longest first, drop any shift the cover does not need.
	order := make([]int, len(pats))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return pats[b].length - pats[a].length })
	c := cover()
	for _, j := range order {
		for count[j] > 0 {
			p := pats[j]
			ok := true
			for k := range p.length {
				if h := (p.day*24 + p.start + k) % hours; c[h]-1 < need[h] {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
			count[j]--
			for k := range p.length {
				c[(p.day*24+p.start+k)%hours]--
			}
		}
	}
	f := fitted{bound: bound}
	for j, n := range count {
		f.hours += float64(n * pats[j].length)
	}
	// Every rostered hour covers one hour of need, so the hours needed are
	// a bound too, the one left when the linear programme fails.
	f.bound = max(f.bound, float64(total))
	f.shifts = group(pats, count)
	return f, nil
}

// relaxed solves the linear programme: minimise Σ length·x over patterns
// such that Σ x over those covering hour h ≥ need[h] for every h, x ≥ 0.
// In gonum's standard form each hour has a surplus column.
func relaxed(need [hours]int, pats []pattern) ([]float64, float64, bool) {
	n := len(pats)
	a := mat.NewDense(hours, n+hours, nil)
	c := make([]float64, n+hours)
	b := make([]float64, hours)
	for j, p := range pats {
		c[j] = float64(p.length)
		for h := range hours {
			if p.covers(h) {
				a.Set(h, j, 1)
			}
		}
	}
	for h := range hours {
		a.Set(h, n+h, -1)
		b[h] = float64(need[h])
	}
	opt, x, err := lp.Simplex(c, a, b, 1e-10, nil)
	if err != nil {
		return nil, 0, false
	}
	return x[:n], opt, true
}

// group writes the counts as shifts, one for each start, length and
// count, naming the days it runs (none when it runs every day).
func group(pats []pattern, count []int) []config.Shift {
	type key struct{ start, length, n int }
	days := map[key][]config.Weekday{}
	var keys []key
	for j, n := range count {
		if n == 0 {
			continue
		}
		k := key{pats[j].start, pats[j].length, n}
		if _, ok := days[k]; !ok {
			keys = append(keys, k)
		}
		days[k] = append(days[k], config.Weekday(pats[j].day))
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.length != b.length {
			return a.length - b.length
		}
		return a.n - b.n
	})
	var out []config.Shift
	for _, k := range keys {
		d := days[k]
		slices.Sort(d)
		if len(d) == 7 {
			d = nil
		}
		out = append(out, config.Shift{
			Start: config.At(k.start, 0), Length: config.Duration(time.Duration(k.length) * time.Hour),
			Count: float64(k.n), Days: d,
		})
	}
	return out
}
