package sim_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/results"
	"spoa/sim"
)

// TestSameSeedSameReport: for generated scenarios, the JSON report is the
// same bytes run after run and whatever the number of workers, and every
// queue's counts add up in the report as they do in each replication.
func TestSameSeedSameReport(t *testing.T) {
	report := func(s *config.Scenario, workers int) []byte {
		m, err := sim.Compile(s)
		require.NoError(t, err)
		st, err := sim.Run(context.Background(), m, sim.Options{Workers: workers})
		require.NoError(t, err)
		r := results.Aggregate(m, st)
		for name, q := range r.Queues {
			require.InDelta(t, q.Get("offered").Mean, q.Get("served").Mean+q.Get("abandoned").Mean+q.Get("waiting_at_end").Mean+q.Get("turned_away").Mean,
				1e-9*(1+q.Get("offered").Mean), "%s: queue %s", s.Name, name)
		}
		var buf bytes.Buffer
		require.NoError(t, results.WriteJSON(&buf, r))
		return buf.Bytes()
	}
	for seed := uint64(1); seed <= 50; seed++ {
		s := sim.RandomScenario(seed)
		a := report(s, 1)
		require.Equal(t, a, report(s, 1), "%s: same seed, same report", s.Name)
		require.Equal(t, a, report(s, 4), "%s: any number of workers, same report", s.Name)
	}
}
