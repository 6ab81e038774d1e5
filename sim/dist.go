package sim

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/config"
)

// distSpec is a distribution with its parameters resolved to seconds, in
// the form its sampler takes them.
type distSpec struct {
	kind      config.DistKind
	a, b      float64 // mean/sd, shape/scale, min/max, … by kind
	c         float64 // triangular max
	mu, sigma float64 // lognormal's log-scale parameters; gamma's shape and rate
}

// compileDist resolves a valid config.Dist (config's table says which
// parameters each kind reads).
func compileDist(d config.Dist) distSpec {
	s := distSpec{kind: d.Dist}
	mean, sd := d.Mean.Seconds(), d.SD.Seconds()
	switch d.Dist {
	case config.Exponential, config.Constant:
		s.a = mean
	case config.Normal:
		s.a, s.b = mean, sd
	case config.Lognormal:
		sigma2 := math.Log1p(sd * sd / (mean * mean))
		s.mu, s.sigma = math.Log(mean)-sigma2/2, math.Sqrt(sigma2)
	case config.Gamma:
		k := mean * mean / (sd * sd)
		s.mu, s.sigma = k, k/mean
	case config.Weibull:
		scale := d.Scale.Seconds()
		if scale == 0 {
			scale = mean / math.Gamma(1+1/d.Shape)
		}
		s.a, s.b = d.Shape, scale
	case config.Uniform:
		s.a, s.b = d.Min.Seconds(), d.Max.Seconds()
	case config.Triangular:
		s.a, s.b, s.c = d.Min.Seconds(), d.Mode.Seconds(), d.Max.Seconds()
	default:
		panic("sim: compile an unknown distribution " + d.Dist.String())
	}
	return s
}

// draw takes one value from the distribution using src. The distuv values
// are built on the stack for each draw, so a contact's own generator can
// be passed in without allocating.
func (s *distSpec) draw(src rand.Source) float64 {
	switch s.kind {
	case config.Exponential:
		return distuv.Exponential{Rate: 1 / s.a, Src: src}.Rand()
	case config.Constant:
		return s.a
	case config.Lognormal:
		return distuv.LogNormal{Mu: s.mu, Sigma: s.sigma, Src: src}.Rand()
	case config.Gamma:
		return distuv.Gamma{Alpha: s.mu, Beta: s.sigma, Src: src}.Rand()
	case config.Normal:
		n := distuv.Normal{Mu: s.a, Sigma: s.b, Src: src}
		for {
			// Truncated at zero by redrawing; validation keeps the mean
			// positive, so at least half of all draws are accepted.
			if x := n.Rand(); x >= 0 {
				return x
			}
		}
	case config.Weibull:
		return distuv.Weibull{K: s.a, Lambda: s.b, Src: src}.Rand()
	case config.Uniform:
		return distuv.Uniform{Min: s.a, Max: s.b, Src: src}.Rand()
	case config.Triangular:
		return distuv.NewTriangle(s.a, s.c, s.b, src).Rand()
	}
	panic("sim: draw from an unknown distribution " + s.kind.String())
}
