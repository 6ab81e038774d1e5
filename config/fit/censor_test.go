package fit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat/distuv"
)

// censoredWaits draws n callers whose patience comes from patience and
// who would be answered after a time from answer: each waits for the
// shorter, and abandons if patience is the shorter.
func censoredWaits(n int, patience, answer func() float64) *waits {
	w := &waits{sample: newReservoir[wait](20000, 1)}
	for range n {
		p, a := patience(), answer()
		w.add(min(p, a), p < a)
	}
	return w
}

// TestCensoredPatienceUnbiased: over many samples of callers answered
// after an exponential time of mean 2 minutes, the censored estimate of a
// 5-minute mean patience is right on average, and its interval holds the
// truth about 95% of the time; the naive mean of abandoned waits is less
// than half of it. With Weibull patience (shape 1.5), the Weibull fit is
// kept and holds the shape and the mean.
func TestCensoredPatienceUnbiased(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const truth, runs = 300.0, 200
	pat := distuv.Exponential{Rate: 1 / truth, Src: rng}
	ans := distuv.Exponential{Rate: 1 / 120.0, Src: rng}
	var sum, naive float64
	covered := 0
	for range runs {
		w := censoredWaits(2000, pat.Rand, ans.Rand)
		e := exponentialMean(w)
		sum += e.Value
		naive += w.abandonedSum / float64(w.events)
		if e.Contains(truth) {
			covered++
		}
	}
	mean, naiveMean := sum/runs, naive/runs
	t.Logf("censored estimate %.1f s, naive %.1f s, truth %.0f s; interval covered %d of %d", mean, naiveMean, truth, covered, runs)
	// The estimate's standard error a run is about truth/√(abandonments
	// ≈ 570), so over 200 runs the mean is within 0.3% of truth by chance.
	require.InEpsilon(t, truth, mean, 0.01, "censored estimate")
	require.Less(t, naiveMean, truth/2, "the naive mean, for contrast")
	require.InDelta(t, 0.95*runs, covered, 12, "coverage of the 95%% interval") // binomial sd ≈ 3

	wb := distuv.Weibull{K: 1.5, Lambda: 360, Src: rng}
	f := fitPatience(censoredWaits(20000, wb.Rand, ans.Rand))
	require.Equal(t, "weibull", f.Kept)
	require.True(t, f.Weibull.Shape.Contains(1.5), "shape %+v", f.Weibull.Shape)
	want := 360 * math.Gamma(1+1/1.5)
	require.True(t, f.Weibull.Mean.Contains(want), "mean %+v, want %.1f", f.Weibull.Mean, want)
	require.Less(t, f.NaiveMean, want/2)
	require.Less(t, f.KMGap, poorKM, "Kaplan–Meier agrees with the Weibull")
	// The exponential misses: its KM gap is a poor fit's.
	expOnly := func(t float64) float64 { return math.Exp(-t / f.Exponential.Mean.Value) }
	require.NotEmpty(t, f.KM)
	_, _, gap := kaplanMeier(sortedSample(censoredWaits(20000, wb.Rand, ans.Rand)), expOnly)
	require.Greater(t, gap, poorKM)
}
