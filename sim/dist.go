package sim

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/config"
)

// distSpec is a distribution with its parameters resolved to seconds.
type distSpec struct {
	kind      string
	a, b      float64 // mean/sd, shape/scale, min/max, … by kind
	c         float64 // triangular max
	mu, sigma float64 // lognormal's log-scale parameters; gamma's shape and rate
	mean      float64 // the distribution's mean in seconds, for load checks
}

// compileDist resolves a validated config.Dist.
func compileDist(d config.Dist) (distSpec, error) {
	s := distSpec{kind: d.Dist}
	mean, sd := d.Mean.Seconds(), d.SD.Seconds()
	switch d.Dist {
	case "exponential", "constant":
		s.a, s.mean = mean, mean
	case "lognormal", "gamma", "normal":
		s.a, s.b, s.mean = mean, sd, mean
		switch d.Dist {
		case "normal":
			s.mean = truncNormalMean(mean, sd)
		case "lognormal":
			sigma2 := math.Log1p(sd * sd / (mean * mean))
			s.mu, s.sigma = math.Log(mean)-sigma2/2, math.Sqrt(sigma2)
		case "gamma":
			k := mean * mean / (sd * sd)
			s.mu, s.sigma = k, k/mean
		}
	case "weibull":
		scale := d.Scale.Seconds()
		if scale == 0 {
			scale = mean / math.Gamma(1+1/d.Shape)
		}
		s.a, s.b = d.Shape, scale
		s.mean = scale * math.Gamma(1+1/d.Shape)
	case "uniform":
		s.a, s.b = d.Min.Seconds(), d.Max.Seconds()
		s.mean = (s.a + s.b) / 2
	case "triangular":
		s.a, s.b, s.c = d.Min.Seconds(), d.Mode.Seconds(), d.Max.Seconds()
		s.mean = (s.a + s.b + s.c) / 3
	default:
		return s, fmt.Errorf("unknown distribution %q", d.Dist)
	}
	return s, nil
}

// truncNormalMean is the mean of a normal(mu, sd) truncated below at zero.
func truncNormalMean(mu, sd float64) float64 {
	z := -mu / sd
	phi := math.Exp(-z*z/2) / math.Sqrt(2*math.Pi)
	return mu + sd*phi/(1-0.5*math.Erfc(-z/math.Sqrt2))
}

// draw takes one value from the distribution using src. The distuv values
// are built on the stack for each draw, so a contact's own generator can
// be passed in without allocating.
func (s *distSpec) draw(src rand.Source) float64 {
	switch s.kind {
	case "exponential":
		return distuv.Exponential{Rate: 1 / s.a, Src: src}.Rand()
	case "constant":
		return s.a
	case "lognormal":
		return distuv.LogNormal{Mu: s.mu, Sigma: s.sigma, Src: src}.Rand()
	case "gamma":
		return distuv.Gamma{Alpha: s.mu, Beta: s.sigma, Src: src}.Rand()
	case "normal":
		n := distuv.Normal{Mu: s.a, Sigma: s.b, Src: src}
		for {
			// Truncated at zero by redrawing; validation keeps the mean
			// positive, so at least half of all draws are accepted.
			if x := n.Rand(); x >= 0 {
				return x
			}
		}
	case "weibull":
		return distuv.Weibull{K: s.a, Lambda: s.b, Src: src}.Rand()
	case "uniform":
		return distuv.Uniform{Min: s.a, Max: s.b, Src: src}.Rand()
	case "triangular":
		return distuv.NewTriangle(s.a, s.c, s.b, src).Rand()
	}
	panic("sim: draw from unknown distribution " + s.kind)
}
