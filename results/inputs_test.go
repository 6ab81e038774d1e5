package results_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config/load"
	"spoa/results"
)

// The report sums up its scenario's inputs, and gives the staff on duty
// and busy by hour: on M/M/c, 20 agents in every hour, busy as many as
// the utilisation says, and 100 calls an hour every day.
func TestInputsAndStaffByHour(t *testing.T) {
	s, err := load.Embedded("mmc", []string{"run.days=2", "run.warmup_days=1", "run.replications=2"})
	require.NoError(t, err)
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	in := r.Inputs
	require.NotNil(t, in)
	require.False(t, in.DemandVariesByDay)
	require.Len(t, in.Streams, 1)
	require.InDelta(t, 2400, in.Streams[0].PerDay, 1e-9)
	for d := range 7 {
		require.InDelta(t, 2400, in.Streams[0].ByDay[d], 1e-6, "day %d", d)
	}
	require.Equal(t, "q", in.Streams[0].Enters)
	require.Equal(t, []string{"agents"}, in.Queues[0].ServedBy)
	require.Len(t, in.Pools[0].OnDuty, 168)
	for h, n := range in.Pools[0].OnDuty {
		require.Equal(t, 20, n, "hour %d", h)
	}
	onDuty, busy, util := r.Hourly["staff_on_duty"]["agents"], r.Hourly["staff_busy"]["agents"], r.Hourly["utilisation"]["agents"]
	require.Len(t, onDuty, 24)
	for h := range 24 {
		require.InDelta(t, 20, onDuty[h].Mean, 1e-9, "hour %d", h)
		require.InDelta(t, util[h].Mean*20, busy[h].Mean, 1e-6, "hour %d", h)
		require.Greater(t, busy[h].Mean, 10.0, "hour %d", h)
	}
}

// Demand that differs by day shows in the inputs, day by day.
func TestInputsByWeekday(t *testing.T) {
	s, err := load.Embedded("blmk-hub-equal", []string{"run.days=1", "run.warmup_days=0", "run.replications=1"})
	require.NoError(t, err)
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	require.True(t, r.Inputs.DemandVariesByDay)
	for _, st := range r.Inputs.Streams {
		sum := 0.0
		for _, x := range st.ByDay {
			sum += x
		}
		require.InDelta(t, st.PerDay, sum/7, 1e-6*st.PerDay, st.Name)
	}
}
