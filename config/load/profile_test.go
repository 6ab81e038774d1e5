package load

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// The staff limit bounds the most rostered at once. It was checked against
// each count, or the sum of a pool's counts, so shifts of a week starting
// every day (each overlapping the six before it) passed with 100,000 each
// and ran with 700,000 on duty.
func TestStaffLimitBoundsThePeak(t *testing.T) {
	for _, tc := range []struct{ shifts, want string }{
		{`[{start: "00:00", length: 168h, count: 100000}]`,
			"t.yaml: pools[0].shifts: 700000 rostered at once (mon 00:00, shifts overlapping), over the limit of 100000 staff in one pool"},
		{`[{start: "22:00", length: 10h, count: 60000, days: [sun]}, {start: "06:00", length: 8h, count: 60000, days: [mon]}]`,
			"t.yaml: pools[0].shifts: 120000 rostered at once (mon 06:00, shifts overlapping), over the limit of 100000 staff in one pool"},
	} {
		_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"pools.a.staff=", "pools.a.shifts=" + tc.shifts})
		var ps *config.Problems
		require.ErrorAs(t, err, &ps, tc.shifts)
		assert.Equal(t, tc.want, err.Error())
	}
	// Shifts one after another, each at the limit, never overlap.
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"pools.a.staff=", `pools.a.shifts=[{start: "00:00", length: 12h, count: 100000}, {start: "12:00", length: 12h, count: 100000}]`})
	require.NoError(t, err)
}

// The peak is taken from the rota the simulator runs (config.Pool.Rota),
// so it counts a shift from Sunday night on Monday morning too.
func TestRotaSteps(t *testing.T) {
	p := config.Pool{Shifts: []config.Shift{
		{Start: config.At(22, 0), Length: config.Duration(10 * time.Hour), Count: 3, Days: []config.Weekday{config.Sunday}},
		{Start: config.At(6, 0), Length: config.Duration(8 * time.Hour), Count: 2},
	}}
	steps := p.Rota()
	assert.Equal(t, config.RotaStep{At: 0, Level: 3}, steps[0], "Sunday's night shift at the week's start")
	assert.Equal(t, config.RotaStep{At: 6 * 3600, Level: 5}, steps[1])
	assert.Equal(t, config.RotaStep{At: 8 * 3600, Level: 2}, steps[2])
}

// Weights are relative and scaled to mean 1. Weights adding up to
// infinity scaled every hour to 0, so the stream brought no demand at all
// while validate said 2400 a day; a weight near the largest float made the
// hour's rate infinite. Both are refused, with their path.
func TestWeightsTooLargeRefused(t *testing.T) {
	for _, tc := range []struct{ set, want string }{
		{"streams.s.arrivals.weekly=[1e308, 1e308, 1, 1, 1, 1, 1]",
			"t.yaml: streams[0].arrivals.weekly: weights too large to scale to a mean of 1 (they add up to +Inf); they are relative, so divide them all by the same number"},
		{"streams.s.arrivals.hourly=[1e308, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",
			"t.yaml: streams[0].arrivals.hourly: weights too large to scale to a mean of 1 (they add up to 1e+308)"},
	} {
		_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{tc.set})
		var ps *config.Problems
		require.ErrorAs(t, err, &ps, tc.set)
		assert.Contains(t, err.Error(), tc.want)
		assert.Len(t, ps.List, 1)
	}
	// Large weights that scale are fine: only their ratios matter.
	s, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"streams.s.arrivals.weekly=[1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 2e300]"})
	require.NoError(t, err)
	assert.InDelta(t, 1.75, config.Factors(s.Streams[0].Arrivals.Weekly, 7)[6], 1e-12)
}

// An empty list of days was accepted silently and meant every day; it is
// refused, since omitting days says that plainly.
func TestEmptyShiftDaysRefused(t *testing.T) {
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"pools.a.staff=", `pools.a.shifts=[{start: "08:00", length: 8h, count: 2, days: []}]`})
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, "t.yaml: pools[0].shifts[0].days: empty: list the days the shift starts on, or leave days out for every day", err.Error())
	_, err = Bytes([]byte(ok), "yaml", "t.yaml", []string{"pools.a.staff=", `pools.a.shifts=[{start: "08:00", length: 8h, count: 2}]`})
	require.NoError(t, err)
}
