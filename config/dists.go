package config

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// DistKind names a distribution. The zero value is none (not given).
type DistKind uint8

// The distributions a scenario can use; the table dists says what each
// reads and how it is checked.
const (
	Exponential DistKind = iota + 1
	Lognormal
	Gamma
	Weibull
	Uniform
	Triangular
	Normal
	Constant
)

// distInfo is what everything outside the simulator's sampler needs to
// know of a distribution: its name in files, the parameters it reads (any
// other given is an error), its mean in seconds, and the checks of its
// parameters beyond that (a parameter of zero counts as not given).
type distInfo struct {
	name   string
	params []string
	mean   func(d Dist) float64
	check  func(c *checker, p string, d Dist)
}

// dists is the one table of distributions, indexed by kind.
var dists = [...]distInfo{
	Exponential: {"exponential", []string{"mean"}, meanParam, checkMean},
	// sd is of the distribution itself, not of its log.
	Lognormal: {"lognormal", []string{"mean", "sd"}, meanParam, checkMeanSD},
	Gamma:     {"gamma", []string{"mean", "sd"}, meanParam, checkMeanSD},
	Weibull: {"weibull", []string{"shape", "scale", "mean"}, func(d Dist) float64 {
		if d.Mean != 0 {
			return d.Mean.Seconds()
		}
		return d.Scale.Seconds() * math.Gamma(1+1/d.Shape)
	}, checkWeibull},
	Uniform: {"uniform", []string{"min", "max"}, func(d Dist) float64 {
		return (d.Min.Seconds() + d.Max.Seconds()) / 2
	}, checkMinMax},
	Triangular: {"triangular", []string{"min", "mode", "max"}, func(d Dist) float64 {
		return (d.Min.Seconds() + d.Mode.Seconds() + d.Max.Seconds()) / 3
	}, func(c *checker, p string, d Dist) {
		checkMinMax(c, p, d)
		if d.Mode < d.Min || d.Mode > d.Max {
			c.add(p+".mode", "must be between min (%s) and max (%s), got %s", d.Min, d.Max, d.Mode)
		}
	}},
	// Truncated at zero (redrawn while negative); the mean is before
	// truncation, which only raises it.
	Normal: {"normal", []string{"mean", "sd"}, meanParam, checkMeanSD},
	// Zero is a meaningful constant: a contact handled at once.
	Constant: {"constant", []string{"mean"}, meanParam, func(c *checker, p string, d Dist) {
		if d.Mean < 0 {
			c.add(p+".mean", "must be 0 or more, got %s", d.Mean)
		}
	}},
}

func meanParam(d Dist) float64 { return d.Mean.Seconds() }

func checkMean(c *checker, p string, d Dist) { c.positive(p, "mean", d.Mean, d.Dist) }

func checkMeanSD(c *checker, p string, d Dist) {
	c.positive(p, "mean", d.Mean, d.Dist)
	c.positive(p, "sd", d.SD, d.Dist)
}

// checkMinMax: min may be zero, a meaningful bound.
func checkMinMax(c *checker, p string, d Dist) {
	if d.Min < 0 {
		c.add(p+".min", "must be 0 or more, got %s", d.Min)
	}
	if d.Max <= d.Min {
		c.add(p+".max", "must be more than min (%s), got %s", d.Min, d.Max)
	}
}

func checkWeibull(c *checker, p string, d Dist) {
	switch {
	case math.IsNaN(d.Shape) || math.IsInf(d.Shape, 0):
		c.finite(p+".shape", d.Shape)
	case d.Shape == 0:
		c.add(p+".shape", "missing (weibull needs shape > 0)")
	case d.Shape < 0:
		c.add(p+".shape", "must be more than 0, got %s", num(d.Shape))
	case d.Shape < minWeibullShape:
		// Γ(1+1/shape) overflows below about 0.006, and the draws with
		// it: a service time would come out as no number at all.
		c.add(p+".shape", "%s is under %g: a weibull that skewed has no usable mean or draws", num(d.Shape), minWeibullShape)
	}
	switch {
	case d.Scale != 0 && d.Mean != 0:
		c.add(p, "give scale or mean for weibull, not both")
	case d.Mean != 0:
		c.positive(p, "mean", d.Mean, d.Dist)
	default:
		c.positive(p, "scale", d.Scale, d.Dist)
	}
}

// DistKinds lists every distribution, in the table's order.
func DistKinds() []DistKind {
	out := make([]DistKind, 0, len(dists)-1)
	for k := Exponential; int(k) < len(dists); k++ {
		out = append(out, k)
	}
	return out
}

// Valid reports whether k is a distribution of the table.
func (k DistKind) Valid() bool { return k >= Exponential && int(k) < len(dists) }

func (k DistKind) String() string {
	if !k.Valid() {
		return ""
	}
	return dists[k].name
}

// Params lists the parameters the distribution reads.
func (k DistKind) Params() []string { return dists[k].params }

// MarshalText writes the distribution's name as a file gives it.
func (k DistKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a distribution's name.
func (k *DistKind) UnmarshalText(b []byte) error {
	for _, kind := range DistKinds() {
		if dists[kind].name == string(b) {
			*k = kind
			return nil
		}
	}
	return fmt.Errorf("unknown distribution %q (one of %s)", b, distNames())
}

// distNames lists the distributions' names, sorted, for messages.
func distNames() string {
	var names []string
	for _, k := range DistKinds() {
		names = append(names, k.String())
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// MeanSeconds is the mean of a valid distribution, in seconds (for normal,
// before truncation at zero).
func (d Dist) MeanSeconds() float64 { return dists[d.Dist].mean(d) }
