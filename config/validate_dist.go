package config

import (
	"slices"
	"strings"
)

// dist checks a distribution's name and parameters: that it reads every
// parameter given, then its own checks (the table in dists.go). A
// parameter of zero counts as not given.
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
	dists[d.Dist].check(c, p, d)
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
