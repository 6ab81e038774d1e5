package config

import "time"

// Limits on parameters that pass every other check but would stop a run
// from ending, or from computing: each was found by fuzzing or by thinking
// about what the fuzzer could reach.

// minRedialDelay is the shortest mean redial delay. A caller who hangs up
// at once (patience 0, or nobody on duty) and redials at once would ring
// again in the same instant, forever: the run would never end. A mean of
// at least a second keeps time moving.
const minRedialDelay = time.Second

// minWeibullShape is the smallest weibull shape validate_dist.go accepts:
// below about 0.006, Γ(1+1/shape) overflows, the scale for a given mean
// comes out 0 and a draw 0 × ∞, not a number, which the engine cannot
// schedule (it panicked).
const minWeibullShape = 0.01

// redialDelay checks a redial delay as any distribution, and then that its
// mean is at least minRedialDelay.
func (c *checker) redialDelay(p string, d Dist) {
	before := len(c.list)
	c.dist(p, d)
	if len(c.list) > before {
		return
	}
	if m := d.MeanSeconds(); m < minRedialDelay.Seconds() {
		c.add(p, "mean %s is under %s: a caller redialling at once could ring again in the same instant, forever", time.Duration(m*1e9), minRedialDelay)
	}
}
