package fit

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Estimate is a fitted value with its 95% confidence interval and the
// number of records behind it.
type Estimate struct {
	Value float64 `json:"value"`
	Low   float64 `json:"ci95_low"`
	High  float64 `json:"ci95_high"`
	N     int64   `json:"n"`
}

// z95 is the standard normal's 97.5% point.
const z95 = 1.959963984540054

// Contains reports whether x lies in the interval.
func (e Estimate) Contains(x float64) bool { return x >= e.Low && x <= e.High }

// logNormalCI is a positive value v whose log has standard error se.
func logNormalCI(v, se float64, n int64) Estimate {
	return Estimate{Value: v, Low: v * math.Exp(-z95*se), High: v * math.Exp(z95*se), N: n}
}

// wilson is the Wilson score interval of a share k of n.
func wilson(k, n int64) Estimate {
	if n == 0 {
		return Estimate{Value: math.NaN(), Low: 0, High: 1}
	}
	p, nf := float64(k)/float64(n), float64(n)
	z2 := z95 * z95
	c := (p + z2/(2*nf)) / (1 + z2/nf)
	h := z95 / (1 + z2/nf) * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return Estimate{Value: p, Low: max(0, c-h), High: min(1, c+h), N: n}
}

// poissonRate is the rate k/exposure of a Poisson count, with the exact
// (Garwood) interval.
func poissonRate(k int64, exposure float64) Estimate {
	e := Estimate{Value: float64(k) / exposure, N: k}
	if k > 0 {
		e.Low = distuv.ChiSquared{K: float64(2 * k)}.Quantile(0.025) / 2 / exposure
	}
	e.High = distuv.ChiSquared{K: float64(2*k + 2)}.Quantile(0.975) / 2 / exposure
	return e
}

// tQuantile is Student's t 97.5% point with df degrees of freedom.
func tQuantile(df float64) float64 {
	return distuv.StudentsT{Mu: 0, Sigma: 1, Nu: df}.Quantile(0.975)
}
