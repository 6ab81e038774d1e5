package sim

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// TestEveryDistribution: every kind in config's table of distributions is
// compiled and drawn by the simulator, with the mean the table gives
// (within four standard errors of 100,000 draws), and never a negative or
// non-finite time.
func TestEveryDistribution(t *testing.T) {
	d := func(x time.Duration) config.Duration { return config.Duration(x) }
	params := map[config.DistKind]config.Dist{
		config.Exponential: {Mean: d(5 * time.Minute)},
		config.Lognormal:   {Mean: d(5 * time.Minute), SD: d(3 * time.Minute)},
		config.Gamma:       {Mean: d(5 * time.Minute), SD: d(2 * time.Minute)},
		config.Weibull:     {Shape: 1.5, Scale: d(6 * time.Minute)},
		config.Uniform:     {Min: d(2 * time.Minute), Max: d(8 * time.Minute)},
		config.Triangular:  {Min: d(time.Minute), Mode: d(3 * time.Minute), Max: d(11 * time.Minute)},
		// Far enough from zero that truncation moves the mean by < 1e-6.
		config.Normal:   {Mean: d(10 * time.Minute), SD: d(2 * time.Minute)},
		config.Constant: {Mean: d(5 * time.Minute)},
	}
	require.Len(t, params, len(config.DistKinds()), "a case for every distribution in the table")
	src := rand.NewPCG(1, 2)
	for _, kind := range config.DistKinds() {
		dc := params[kind]
		dc.Dist = kind
		spec := compileDist(dc)
		var w Welford
		for range 100_000 {
			x := spec.draw(src)
			require.False(t, x < 0 || math.IsNaN(x) || math.IsInf(x, 0), "%s drew %g", kind, x)
			w.Add(x)
		}
		want := dc.MeanSeconds()
		se := w.SD() / math.Sqrt(float64(w.N))
		t.Logf("%-12s mean %.2fs, table %.2fs, sd %.2fs", kind, w.Mean, want, w.SD())
		require.InDelta(t, want, w.Mean, 4*se+1e-9, "%s: sample mean against the table's", kind)
	}
}
