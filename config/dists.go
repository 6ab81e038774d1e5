package config

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// DistKind names a distribution. The zero value is none (not given).
type DistKind uint8

// The distributions a scenario can use; dists says what each reads.
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
// other given is an error), and its mean in seconds.
type distInfo struct {
	name   string
	params []string
	mean   func(d Dist) float64
}

func meanParam(d Dist) float64 { return d.Mean.Seconds() }

// dists is the one table of distributions, indexed by kind.
var dists = [...]distInfo{
	Exponential: {"exponential", []string{"mean"}, meanParam},
	Lognormal:   {"lognormal", []string{"mean", "sd"}, meanParam},
	Gamma:       {"gamma", []string{"mean", "sd"}, meanParam},
	Weibull: {"weibull", []string{"shape", "scale", "mean"}, func(d Dist) float64 {
		if d.Mean != 0 {
			return d.Mean.Seconds()
		}
		return d.Scale.Seconds() * math.Gamma(1+1/d.Shape)
	}},
	Uniform: {"uniform", []string{"min", "max"}, func(d Dist) float64 {
		return (d.Min.Seconds() + d.Max.Seconds()) / 2
	}},
	Triangular: {"triangular", []string{"min", "mode", "max"}, func(d Dist) float64 {
		return (d.Min.Seconds() + d.Mode.Seconds() + d.Max.Seconds()) / 3
	}},
	// The mean before truncation at zero, which only raises it.
	Normal:   {"normal", []string{"mean", "sd"}, meanParam},
	Constant: {"constant", []string{"mean"}, meanParam},
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
