package sim

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/config"
)

// sampler draws one duration in seconds. gonum's distuv types satisfy it.
type sampler interface{ Rand() float64 }

// distSpec is a distribution with its parameters resolved to seconds; it
// makes a sampler bound to one replication's generator.
type distSpec struct {
	kind   string
	a, b   float64 // mean/sd, shape/scale, min/max, … by kind
	c      float64 // triangular max
	mean   float64 // the distribution's mean in seconds, for load checks
	source string  // the name its random stream is derived from
}

// compileDist resolves a validated config.Dist.
func compileDist(d config.Dist, source string) (distSpec, error) {
	s := distSpec{kind: d.Dist, source: source}
	mean, sd := d.Mean.Seconds(), d.SD.Seconds()
	switch d.Dist {
	case "exponential", "constant":
		s.a, s.mean = mean, mean
	case "lognormal", "gamma", "normal":
		s.a, s.b, s.mean = mean, sd, mean
		if d.Dist == "normal" {
			s.mean = truncNormalMean(mean, sd)
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

// sampler binds the distribution to src.
func (s distSpec) sampler(src rand.Source) sampler {
	switch s.kind {
	case "exponential":
		return expSampler{rng: rand.New(src), mean: s.a}
	case "constant":
		return constant(s.a)
	case "lognormal":
		sigma2 := math.Log1p(s.b * s.b / (s.a * s.a))
		return distuv.LogNormal{Mu: math.Log(s.a) - sigma2/2, Sigma: math.Sqrt(sigma2), Src: src}
	case "gamma":
		k := s.a * s.a / (s.b * s.b)
		return distuv.Gamma{Alpha: k, Beta: k / s.a, Src: src}
	case "normal":
		return truncNormal{distuv.Normal{Mu: s.a, Sigma: s.b, Src: src}}
	case "weibull":
		return distuv.Weibull{K: s.a, Lambda: s.b, Src: src}
	case "uniform":
		return distuv.Uniform{Min: s.a, Max: s.b, Src: src}
	case "triangular":
		return distuv.NewTriangle(s.a, s.c, s.b, src)
	}
	panic("sim: sampler for unknown distribution " + s.kind)
}

// expSampler is the exponential with its *rand.Rand made once: it is the
// distribution the analytic checks and the benchmark lean on, drawn at every
// arrival, so it skips distuv's rand.New per draw. Same law as
// distuv.Exponential{Rate: 1/mean}.
type expSampler struct {
	rng  *rand.Rand
	mean float64
}

func (e expSampler) Rand() float64 { return e.rng.ExpFloat64() * e.mean }

type constant float64

func (c constant) Rand() float64 { return float64(c) }

// truncNormal redraws while negative; validation keeps the mean positive, so
// at least half of all draws are accepted.
type truncNormal struct{ n distuv.Normal }

func (t truncNormal) Rand() float64 {
	for {
		if x := t.n.Rand(); x >= 0 {
			return x
		}
	}
}
