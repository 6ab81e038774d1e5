package results

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/sim"
)

func compiled(t *testing.T) *sim.Model {
	t.Helper()
	staff := 20.0
	exp := func(d time.Duration) config.Dist {
		return config.Dist{Dist: config.Exponential, Mean: config.Duration(d)}
	}
	s := &config.Scenario{
		Name:    "mmc",
		Run:     config.Run{Days: 10, WarmupDays: 1, Replications: 2, Seed: 7},
		Streams: []config.Stream{{Name: "calls", Arrivals: config.Arrivals{PerHour: 100}, Enter: "q"}},
		Queues: []config.Queue{{Name: "q", Priority: 1, Service: exp(10 * time.Minute), ServedBy: []string{"agents"},
			Target: &config.Target{Within: config.Duration(20 * time.Second), Fraction: 0.8}, Routes: map[string]float64{"done": 1}}},
		Pools: []config.Pool{{Name: "agents", Staff: &staff}},
	}
	m, err := sim.Compile(s)
	require.NoError(t, err)
	return m
}

// emptyStats is one replication's Stats for m with every figure zero, for
// tests that fill in by hand what they check.
func emptyStats(m *sim.Model) sim.Stats {
	st := sim.Stats{
		Queues:  make([]sim.QueueStats, len(m.Queues)),
		Pools:   make([]sim.PoolStats, len(m.Pools)),
		Streams: make([]sim.StreamStats, len(m.Streams)),
		Dests:   make([]sim.DestStats, len(m.Dests)),
	}
	for i := range st.Dests {
		st.Dests[i].ByStream = make([]int64, len(m.Streams))
	}
	return st
}
