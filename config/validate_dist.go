package config

import (
	"math"
	"slices"
	"strings"
)

// dist checks a distribution's name and parameters. A parameter of zero
// counts as not given; every distribution needs its parameters positive
// except where zero is a meaningful bound (uniform and triangular min,
// constant mean).
func (c *checker) dist(p string, d Dist) {
	if !d.Dist.Valid() {
		// An unknown name is refused as the file is decoded.
		c.add(p+".dist", "missing (one of %s)", distNames())
		return
	}
	uses := d.Dist.Params()
	given := map[string]bool{
		"mean": d.Mean != 0, "sd": d.SD != 0, "shape": d.Shape != 0,
		"scale": d.Scale != 0, "min": d.Min != 0, "mode": d.Mode != 0, "max": d.Max != 0,
	}
	for _, k := range []string{"mean", "sd", "shape", "scale", "min", "mode", "max"} {
		if given[k] && !slices.Contains(uses, k) {
			c.add(p+"."+k, "not used by %s (it takes %s)", d.Dist, strings.Join(uses, ", "))
		}
	}
	switch d.Dist {
	case Exponential:
		c.positive(p, "mean", d.Mean, d.Dist)
	case Lognormal, Gamma, Normal:
		c.positive(p, "mean", d.Mean, d.Dist)
		c.positive(p, "sd", d.SD, d.Dist)
	case Weibull:
		switch {
		case math.IsNaN(d.Shape) || math.IsInf(d.Shape, 0):
			c.finite(p+".shape", d.Shape)
		case d.Shape == 0:
			c.add(p+".shape", "missing (weibull needs shape > 0)")
		case d.Shape < 0:
			c.add(p+".shape", "must be more than 0, got %s", num(d.Shape))
		case d.Shape < minWeibullShape:
			// Γ(1+1/shape) overflows below about 0.006, and the draws
			// with it: a service time would come out as no number at all.
			c.add(p+".shape", "%s is under %g: a weibull that skewed has no usable mean or draws", num(d.Shape), minWeibullShape)
		}
		switch {
		case given["scale"] && given["mean"]:
			c.add(p, "give scale or mean for weibull, not both")
		case given["mean"]:
			c.positive(p, "mean", d.Mean, d.Dist)
		default:
			c.positive(p, "scale", d.Scale, d.Dist)
		}
	case Uniform:
		if d.Min < 0 {
			c.add(p+".min", "must be 0 or more, got %s", d.Min)
		}
		if d.Max <= d.Min {
			c.add(p+".max", "must be more than min (%s), got %s", d.Min, d.Max)
		}
	case Triangular:
		if d.Min < 0 {
			c.add(p+".min", "must be 0 or more, got %s", d.Min)
		}
		if d.Max <= d.Min {
			c.add(p+".max", "must be more than min (%s), got %s", d.Min, d.Max)
		}
		if d.Mode < d.Min || d.Mode > d.Max {
			c.add(p+".mode", "must be between min (%s) and max (%s), got %s", d.Min, d.Max, d.Mode)
		}
	case Constant:
		if d.Mean < 0 {
			c.add(p+".mean", "must be 0 or more, got %s", d.Mean)
		}
	}
}

// positive checks a duration parameter that must be more than zero.
func (c *checker) positive(p, key string, v Duration, dist DistKind) {
	switch {
	case v == 0:
		c.add(p+"."+key, "missing (%s needs %s > 0)", dist, key)
	case v < 0:
		c.add(p+"."+key, "must be more than 0, got %s", v)
	}
}
