package sim

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

func expo(mean time.Duration) config.Dist {
	return config.Dist{Dist: config.Exponential, Mean: config.Duration(mean)}
}

func staff(n float64) *float64 { return &n }

// mmc builds the single queue, single pool scenario: arrivals per hour,
// exponential service, optional exponential patience, c staff.
func mmc(perHour float64, service, patience time.Duration, c float64, days float64, reps int) *config.Scenario {
	q := config.Queue{Name: "q", Priority: 1, Service: expo(service), ServedBy: []string{"agents"},
		Routes: map[string]float64{"done": 1}, Target: &config.Target{Within: config.Duration(20 * time.Second), Fraction: 0.8}}
	if patience > 0 {
		p := expo(patience)
		q.Patience = &p
	}
	return &config.Scenario{
		Name:    "mmc",
		Run:     config.Run{Days: days, WarmupDays: 1, Replications: reps, Seed: 7},
		Streams: []config.Stream{{Name: "calls", Arrivals: config.Arrivals{PerHour: perHour}, Enter: "q"}},
		Queues:  []config.Queue{q},
		Pools:   []config.Pool{{Name: "agents", Staff: staff(c)}},
	}
}

// simulate compiles and runs s, checking conservation in every queue of
// every replication.
func simulate(t testing.TB, s *config.Scenario) []Stats {
	t.Helper()
	m, err := Compile(s)
	require.NoError(t, err)
	st, err := Run(context.Background(), m, Options{})
	require.NoError(t, err)
	require.Len(t, st, s.Run.Replications)
	for _, r := range st {
		for qi, q := range r.Queues {
			require.Equal(t, q.Offered, q.Served+q.Abandoned+q.WaitingAtEnd+q.TurnedAway,
				"conservation in queue %s, replication %d", s.Queues[qi].Name, r.Replication)
			var offered, served, within int64
			for h := range q.WeekServed {
				offered += q.WeekOffered[h]
				served += q.WeekServed[h]
				within += q.WeekWithin[h]
			}
			require.Equal(t, q.Offered, offered, "offered by hour of week, queue %s", s.Queues[qi].Name)
			require.Equal(t, q.Served, served, "served by hour of week, queue %s", s.Queues[qi].Name)
			require.Equal(t, q.WithinTarget, within, "within target by hour of week, queue %s", s.Queues[qi].Name)
		}
	}
	return st
}

// across gives the mean over replications of f and the half-width of its
// 95% confidence interval (normal approximation; tests use ≥ 8 replications).
func across(st []Stats, f func(Stats) float64) (mean, half float64) {
	var w Welford
	for _, s := range st {
		w.Add(f(s))
	}
	return w.Mean, 1.96 * w.SD() / math.Sqrt(float64(w.N))
}

// assertClose checks the simulated figure against the analytic one twice.
// First within a relative tolerance rel, which says how close the model
// must come. Then, so that a tight confidence interval cannot hide a bias
// that rel would let through, the analytic value must lie within the
// replications' interval: the 95% half-width half, doubled (about four
// standard errors, so that a sound model fails by chance about once in
// 15,000 checks) and widened by a fifth of rel for what no replication
// count removes (the histogram's 0.8% bins, the warm-up).
func assertClose(t *testing.T, what string, got, half, want, rel float64) {
	t.Helper()
	t.Logf("%-40s sim %.5g ± %.2g   analytic %.5g   (%.2f%%)", what, got, half, want, 100*(got-want)/want)
	require.InDelta(t, want, got, rel*math.Abs(want), "%s: simulated %.5g, analytic %.5g", what, got, want)
	require.InDelta(t, want, got, 2*half+rel/5*math.Abs(want),
		"%s: analytic %.5g outside the simulated %.5g ± %.2g (95%% CI), doubled and widened by %.2g%%", what, want, got, half, 100*rel/5)
}
