package results_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

// Every embedded scenario loads, validates, runs and reports: each queue
// conserves its contacts, every stream's demand arrives, and no queue is
// flagged as growing without bound (but the do-nothing 2020/21 one).
func TestEmbeddedScenariosRun(t *testing.T) {
	for _, name := range config.Names() {
		t.Run(name, func(t *testing.T) {
			s, err := load.Embedded(name, []string{"run.days=7", "run.replications=2"})
			require.NoError(t, err)
			m, err := sim.Compile(s)
			require.NoError(t, err)
			st, err := sim.Run(context.Background(), m, sim.Options{})
			require.NoError(t, err)
			r := results.Aggregate(m, st)
			if name == "blmk-current-2021" {
				// Today's staff against 2020/21 demand: the call-back
				// queue grows without bound, which is what it shows.
				require.NotEmpty(t, r.Warnings)
				require.Contains(t, r.Warnings[0], "callback_111")
			} else {
				require.Empty(t, r.Warnings)
			}
			for _, q := range r.Order.Queues {
				f := r.Queues[q]
				require.InDelta(t, f.Get("offered").Mean, f.Get("served").Mean+f.Get("abandoned").Mean+f.Get("waiting_at_end").Mean, 1e-9, q)
			}
			for i, sm := range m.Streams {
				// A week of demand: the per-day rate within four standard
				// deviations of a Poisson count.
				n := sm.PerDay * 7 * 2
				require.InEpsilon(t, sm.PerDay, r.Streams[r.Order.Streams[i]].Get("offered").Mean/7, 4/math.Sqrt(n), sm.Name)
			}
			require.Len(t, r.Targets, countTargets(s))
		})
	}
}

func countTargets(s *config.Scenario) int {
	n := 0
	for _, q := range s.Queues {
		if q.Target != nil {
			n++
		}
	}
	return n
}
