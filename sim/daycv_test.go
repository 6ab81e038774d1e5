package sim

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// dailyCounts runs one replication of a stream of perDay contacts a day
// with the given day_cv for days days, and counts its arrivals day by day
// from the trace.
func dailyCounts(t *testing.T, perDay, cv float64, days int) []float64 {
	t.Helper()
	s := mmc(0, time.Minute, 0, 1000, float64(days), 1)
	s.Run.WarmupDays = 0
	s.Streams[0].Arrivals = config.Arrivals{PerDay: perDay, DayCV: cv,
		Hourly: []float64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 2, 1, 1}}
	m, err := Compile(s)
	require.NoError(t, err)
	counts := make([]float64, days)
	_, err = ReplicateTrace(context.Background(), m, 3, 0, func(v *Visit) error {
		if v.Visit == 1 {
			counts[int(v.Join/day)]++
		}
		return nil
	})
	require.NoError(t, err)
	return counts
}

// TestDayCVVariance: with day_cv, the variance of daily counts is that of
// a Poisson count whose mean is gamma distributed, mean + cv²·mean²; with
// none it is Poisson's, the mean. The sample variance is checked within
// four of its standard errors (from the sample's own fourth moment).
func TestDayCVVariance(t *testing.T) {
	const perDay, days = 770.0, 600
	for _, cv := range []float64{0, 0.12, 0.3} {
		counts := dailyCounts(t, perDay, cv, days)
		var sum float64
		for _, c := range counts {
			sum += c
		}
		mean := sum / days
		var m2, m4 float64
		for _, c := range counts {
			d := c - mean
			m2 += d * d
			m4 += d * d * d * d
		}
		variance := m2 / (days - 1)
		m4 /= days
		se := math.Sqrt((m4 - variance*variance) / days)
		want := perDay + cv*cv*perDay*perDay
		t.Logf("day_cv %.2f: mean %.1f, variance %.0f ± %.0f, theory %.0f", cv, mean, variance, se, want)
		require.InDelta(t, perDay, mean, 4*math.Sqrt(want/days), "mean a day, day_cv %g", cv)
		require.InDelta(t, want, variance, 4*se, "variance of daily counts, day_cv %g", cv)
	}
}

// TestDayCVLeavesOthers: a stream's day_cv draws on a generator of its own,
// so another stream's arrivals are exactly what they were without it.
func TestDayCVLeavesOthers(t *testing.T) {
	arrivals := func(cv float64) []float64 {
		s := mmc(30, time.Minute, 0, 1000, 3, 1)
		s.Streams = append(s.Streams, config.Stream{Name: "other", Arrivals: config.Arrivals{PerHour: 20}, Enter: "q"})
		s.Streams[0].Arrivals.DayCV = cv
		m, err := Compile(s)
		require.NoError(t, err)
		var out []float64
		_, err = ReplicateTrace(context.Background(), m, 3, 0, func(v *Visit) error {
			if v.Stream == 1 {
				out = append(out, v.Join)
			}
			return nil
		})
		require.NoError(t, err)
		return out
	}
	require.Equal(t, arrivals(0), arrivals(0.2))
	require.NotEmpty(t, arrivals(0))
}
