package results

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/sim"
)

// Figure is one measure over replications: the mean, the sample standard
// deviation between replications, and a 95% confidence interval for the
// mean from Student's t with n−1 degrees of freedom, cut to the values the
// measure can take (a share lies in [0, 1], a time or count is not
// negative). With one replication there is no interval: its bounds are
// the mean, and every writer says "no CI" rather than show a certainty
// there is not. N is the number of replications in which the figure could
// be measured (a mean wait needs someone served); with N = 0 it was never
// measured, the other fields are 0 and writers show "-".
type Figure struct {
	Mean     float64 `json:"mean"`
	SD       float64 `json:"sd"`
	CI95Low  float64 `json:"ci95_low"`
	CI95High float64 `json:"ci95_high"`
	N        int     `json:"n"`
}

// Measured reports whether any replication measured the figure.
func (f Figure) Measured() bool { return f.N > 0 }

// HalfWidth is the "±" that tables show beside a mean: how far the 95%
// confidence interval reaches from it, on the side where it reaches
// further (the other may be cut at 0 or 1).
func (f Figure) HalfWidth() float64 { return max(f.Mean-f.CI95Low, f.CI95High-f.Mean) }

// HasCI reports whether the figure has a confidence interval: it needs
// two replications that measured it.
func (f Figure) HasCI() bool { return f.N > 1 }

// CIText writes the 95% confidence interval with show, as "lo–hi", or
// says why there is none.
func (f Figure) CIText(show func(float64) string) string {
	switch {
	case !f.Measured():
		return "-"
	case !f.HasCI():
		return "n=1, no CI"
	}
	return show(f.CI95Low) + "–" + show(f.CI95High)
}

// in cuts the interval to the values the unit can take.
func (f Figure) in(u Unit) Figure { return f.clip(u.bounds()) }

// changeIn cuts the interval of a difference to the values a difference
// in the unit can take: a share's from −1 to 1, others' unbounded.
func (f Figure) changeIn(u Unit) Figure {
	lo, hi := u.bounds()
	return f.clip(lo-hi, hi-lo)
}

func (f Figure) clip(lo, hi float64) Figure {
	f.CI95Low = min(max(f.CI95Low, lo), hi)
	f.CI95High = min(max(f.CI95High, lo), hi)
	return f
}

// figureOf summarises one figure's value in each replication. A
// replication in which it is undefined (NaN: a mean wait with nobody
// served) adds nothing.
func figureOf(values []float64) Figure {
	var w sim.Welford
	for _, x := range values {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			w.Add(x)
		}
	}
	n := w.N
	if n == 0 {
		return Figure{}
	}
	f := Figure{Mean: w.Mean, SD: w.SD(), CI95Low: w.Mean, CI95High: w.Mean, N: int(n)}
	if n > 1 {
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
		half := t * f.SD / math.Sqrt(float64(n))
		f.CI95Low, f.CI95High = f.Mean-half, f.Mean+half
	}
	return f
}

// meanOf is a running mean, undefined (NaN) when nothing was observed.
func meanOf(w sim.Welford) float64 {
	if w.N == 0 {
		return math.NaN()
	}
	return w.Mean
}

// ratio is a/b, undefined (NaN) when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
