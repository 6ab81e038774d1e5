package results_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

// The packages are a library: load a scenario with config, run it with sim,
// and check the results.Report, with no command line in between.
func TestLibraryUse(t *testing.T) {
	s, err := load.Embedded("mmc", []string{"run.days=60", "run.replications=8"})
	require.NoError(t, err)
	m, err := sim.Compile(s)
	require.NoError(t, err)
	stats, err := sim.Run(context.Background(), m, sim.Options{})
	require.NoError(t, err)
	r := results.Aggregate(m, stats)

	// mmc is M/M/20+M: 100 calls an hour, 10-minute service, 5-minute patience.
	want := sim.ErlangA(20, 100.0/3600, 1/600.0, 1/300.0)
	q := r.Queues["q"]
	require.InEpsilon(t, want.Abandon, q.Get("abandon_fraction").Mean, 0.05)
	require.InEpsilon(t, want.WaitServed, q.Get("asa_s").Mean, 0.05)
	require.InEpsilon(t, want.Utilisation, r.Pools["agents"].Get("utilisation").Mean, 0.01)
	require.InDelta(t, q.Get("offered").Mean, q.Get("served").Mean+q.Get("abandoned").Mean+q.Get("waiting_at_end").Mean+q.Get("turned_away").Mean, 1e-9)
	require.InEpsilon(t, 2400, r.Destinations["done"].Get("per_day").Mean/(1-want.Abandon), 0.01)
	require.Equal(t, 8, r.Replications)
	require.Len(t, r.Meta.ConfigSHA256, 64)
}
