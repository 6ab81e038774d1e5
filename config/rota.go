package config

import (
	"fmt"
	"sort"
)

// What a pool's rota and a stream's profiles mean, worked out once: the
// simulator runs them, and validation bounds what they reach.

// RotaStep is Level staff rostered (before shrinkage) from At seconds into
// the week (00:00 on Monday) until the next step.
type RotaStep struct{ At, Level float64 }

// Rota is the number a pool rosters over one week as steps, before
// shrinkage: the constant staff, the 24 hourly counts each day, or the sum
// of the shifts, a shift that runs past Sunday midnight carrying on into
// Monday. The first step is at 0; steps at the same time follow one
// another, so a step may last no time at all.
func (p Pool) Rota() []RotaStep {
	const hour, day = 3600.0, 24 * 3600.0
	week := Week.Seconds()
	// The rostered count at time t of the week is base plus every delta
	// at or before t; base carries shifts that run over from Sunday night.
	type delta struct{ at, d float64 }
	var base float64
	var deltas []delta
	switch {
	case p.Staff != nil:
		base = *p.Staff
	case len(p.Hourly) > 0:
		prev := 0.0
		for d := 0; d < 7; d++ {
			for h, c := range p.Hourly {
				deltas = append(deltas, delta{float64(d)*day + float64(h)*hour, c - prev})
				prev = c
			}
		}
	default:
		for _, sh := range p.Shifts {
			days := sh.Days
			if len(days) == 0 {
				days = Weekdays()
			}
			for _, d := range days {
				from := float64(d)*day + sh.Start.Seconds()
				to := from + sh.Length.Seconds()
				deltas = append(deltas, delta{from, sh.Count})
				switch {
				case to < week:
					deltas = append(deltas, delta{to, -sh.Count})
				case to > week: // runs over into Monday
					base += sh.Count
					deltas = append(deltas, delta{to - week, -sh.Count})
				}
			}
		}
	}
	sort.SliceStable(deltas, func(a, b int) bool { return deltas[a].at < deltas[b].at })
	steps := []RotaStep{{0, base}}
	level := base
	for i := 0; i < len(deltas); {
		at := deltas[i].at
		for i < len(deltas) && deltas[i].at == at {
			level += deltas[i].d
			i++
		}
		steps = append(steps, RotaStep{at, level})
	}
	return steps
}

// peak is the most a rota rosters at once, and when in the week that
// first happens, as "mon 08:00".
func peak(steps []RotaStep) (most float64, when string) {
	week := Week.Seconds()
	for i, s := range steps {
		to := week
		if i+1 < len(steps) {
			to = steps[i+1].At
		}
		if to > s.At && (when == "" || s.Level > most) {
			m := int(s.At / 60)
			most, when = s.Level, fmt.Sprintf("%s %02d:%02d", Weekday(m/(24*60)), m/60%24, m%60)
		}
	}
	return most, when
}

// Factors scales a profile's weights to mean 1: n factors, each w[i]·n
// over the sum of w; all 1 when no weights (or not n, or none above 0) are
// given, for a flat profile. Validation refuses weights whose factors are
// not finite numbers.
func Factors(w []float64, n int) []float64 {
	out := make([]float64, n)
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	for i := range out {
		if len(w) != n || sum <= 0 {
			out[i] = 1
		} else {
			out[i] = w[i] * float64(n) / sum
		}
	}
	return out
}
