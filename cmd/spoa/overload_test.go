package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// Absurd sizes are refused before anything runs, exit 2, with the file and
// the key's path on stderr and nothing on stdout; none of these would
// finish if it ran.
func TestAbsurdSizesRefusedBeforeRunning(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	cases := []struct {
		name string
		sets []string
		want string
	}{
		{"a rate of 1e12 an hour", []string{"streams.calls.arrivals.per_hour=1e12"}, "streams[0].arrivals.per_hour: 1e+12 is over the limit"},
		{"a horizon of a million days", []string{"run.days=1e6"}, "run: days + warmup_days is 1000001 days, over the limit"},
		{"a million staff", []string{"pools.agents.staff=1e6"}, "pools[0].staff: 1000000 is over the limit"},
		{"hours of work", []string{"streams.calls.arrivals.per_hour=1e6", "run.days=5000"}, "run: about 3.6e+11 contacts to simulate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"run", "-c", file}
			for _, s := range tc.sets {
				args = append(args, "--set", s)
			}
			code, stdout, stderr := spoa(t, args...)
			require.Equal(t, exitBadInput, code, stderr)
			require.Empty(t, stdout)
			require.Contains(t, stderr, file+": "+tc.want)
			require.Contains(t, stderr, "nothing was run")
		})
	}
}

// A queue whose demand far exceeds its capacity, with nobody abandoning,
// fills to sim.MaxWaiting and turns the rest away: the run finishes, in
// bounded memory, and the warning names the queue and says so.
func TestOverloadTurnsAwayAndWarns(t *testing.T) {
	if testing.Short() {
		t.Skip("2.4 million arrivals")
	}
	file := writeFile(t, "flood.yaml", `name: flood
run: {days: 1, warmup_days: 0, replications: 1, seed: 1}
streams: [{name: calls, arrivals: {per_hour: 100000}, enter: q}]
queues:
  - {name: q, priority: 1, service: {dist: exponential, mean: 10m}, served_by: [agents], routes: {done: 1.0}}
pools: [{name: agents, staff: 10}]
`)
	code, out, stderr := spoa(t, "run", "-c", file, "-f", "json")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stderr, "warning: queue q: ")
	require.Contains(t, stderr, "were turned away, because 1000000 were already waiting")
	var r struct {
		Queues map[string]struct {
			Offered    struct{ Mean float64 } `json:"offered"`
			Served     struct{ Mean float64 } `json:"served"`
			Waiting    struct{ Mean float64 } `json:"waiting_at_end"`
			TurnedAway struct{ Mean float64 } `json:"turned_away"`
		} `json:"queues"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	q := r.Queues["q"]
	require.Greater(t, q.TurnedAway.Mean, 1e6)
	require.Equal(t, q.Offered.Mean, q.Served.Mean+q.Waiting.Mean+q.TurnedAway.Mean)
}
