package results

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/sim"
)

// Figure is one measure over replications: the mean, the sample standard
// deviation between replications, and a 95% confidence interval for the
// mean from Student's t with n−1 degrees of freedom. With one replication
// the interval is the mean itself. N is the number of replications in
// which the figure could be measured (a mean wait needs someone served);
// with N = 0 it was never measured and the other fields are 0.
type Figure struct {
	Mean     float64 `json:"mean"`
	SD       float64 `json:"sd"`
	CI95Low  float64 `json:"ci95_low"`
	CI95High float64 `json:"ci95_high"`
	N        int     `json:"n"`
}

// Measured reports whether any replication measured the figure.
func (f Figure) Measured() bool { return f.N > 0 }

// HalfWidth is half the width of the 95% confidence interval, the "±"
// that tables show beside a mean.
func (f Figure) HalfWidth() float64 { return (f.CI95High - f.CI95Low) / 2 }

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
