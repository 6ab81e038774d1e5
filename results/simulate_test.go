package results_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
)

func mmc(t *testing.T, sets ...string) *config.Scenario {
	t.Helper()
	s, err := load.Embedded("mmc", append([]string{"run.days=2", "run.warmup_days=1"}, sets...))
	require.NoError(t, err)
	return s
}

func jsonOf(t *testing.T, r *results.Report) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, results.WriteJSON(&buf, r))
	return buf.String()
}

// Cancelled after the first replication, a run still gives a complete
// report of the ones that finished, marked partial: the report a run of
// that many replications gives.
func TestSimulateInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r, err := results.Simulate(ctx, mmc(t, "run.replications=4"), results.Options{Workers: 1, Progress: func(scenario string, done, total int) {
		require.Equal(t, "mmc", scenario)
		require.Equal(t, 4, total)
		if done == 1 {
			cancel()
		}
	}})
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, r)
	require.True(t, r.Meta.Partial)
	require.Equal(t, 4, r.Meta.Requested)
	require.Equal(t, 1, r.Meta.Completed)
	require.Equal(t, 1, r.Replications)

	whole, err := results.Simulate(context.Background(), mmc(t, "run.replications=1"), results.Options{})
	require.NoError(t, err)
	require.False(t, whole.Meta.Partial)
	whole.Meta.Partial, whole.Meta.Completed, whole.Meta.Requested = true, 1, 4
	whole.Meta.ConfigSHA256 = r.Meta.ConfigSHA256 // the hash covers the replications asked for
	require.Equal(t, jsonOf(t, whole), jsonOf(t, r))

	r, err = results.Simulate(ctx, mmc(t), results.Options{})
	require.ErrorIs(t, err, context.Canceled)
	require.Nil(t, r, "no replication finished")
}

// A scenario that cannot be compiled is the scenario's fault, and says
// which of those given it was; a comparison then runs none of them.
func TestScenarioError(t *testing.T) {
	bad := mmc(t)
	bad.Pools[0].Name = "nobody" // the queue's pool is gone
	_, err := results.Simulate(context.Background(), bad, results.Options{})
	var se *results.ScenarioError
	require.ErrorAs(t, err, &se)
	require.Equal(t, 0, se.Index)
	var probs *config.Problems
	require.ErrorAs(t, err, &probs)

	ran := false
	_, err = results.CompareScenarios(context.Background(), []*config.Scenario{mmc(t), bad}, results.Options{
		Progress: func(string, int, int) { ran = true },
	})
	require.ErrorAs(t, err, &se)
	require.Equal(t, 1, se.Index)
	require.False(t, ran, "nothing runs")
}

// Every scenario of a comparison runs with the first one's seed and
// replications: a scenario compared with itself under another seed differs
// by nothing, and is left with its own seed.
func TestCompareScenariosPairs(t *testing.T) {
	a := mmc(t, "run.replications=3")
	b := mmc(t, "run.replications=5", "run.seed=99")
	c, err := results.CompareScenarios(context.Background(), []*config.Scenario{a, b, a}, results.Options{})
	require.NoError(t, err)
	require.Equal(t, []string{"mmc", "mmc (2)", "mmc (3)"}, c.Scenarios)
	require.Equal(t, a.Run.Seed, c.Seed)
	require.Equal(t, 3, c.Replications)
	require.NotEmpty(t, c.Rows)
	for _, row := range c.Rows {
		require.Equal(t, *row.Values[0], *row.Values[1], "%s %s %s", row.Section, row.Name, row.Measure)
		require.Zero(t, row.Diffs[1].Mean, "%s %s %s", row.Section, row.Name, row.Measure)
	}
	require.Equal(t, uint64(99), b.Run.Seed)
	require.Equal(t, 5, b.Run.Replications)
}
