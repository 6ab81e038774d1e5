package html

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config/load"
	"spoa/results"
)

// short is one queue with a target its staff cannot meet.
const short = `name: mmc
run: {days: 2, warmup_days: 1, replications: 2, seed: 7}
streams: [{name: calls, arrivals: {per_hour: 100}, enter: q}]
queues:
  - {name: q, priority: 1, service: {dist: exponential, mean: 10m}, served_by: [agents],
     target: {within: 20s, fraction: 0.99}, routes: {done: 1.0}}
pools: [{name: agents, staff: 18}]
`

func TestWrite(t *testing.T) {
	s, err := load.Bytes([]byte(short), "yaml", "short.yaml", nil)
	require.NoError(t, err)
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	r.Warnings = []string{"queue q: <b>test</b>"}

	var buf bytes.Buffer
	require.NoError(t, Write(&buf, r))
	out := buf.String()
	require.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	for _, want := range []string{"<title>spoa report: mmc</title>", "<svg", "Staff utilisation by hour of day", "not met", "agents", "&lt;b&gt;test&lt;/b&gt;",
		"<td>" + results.Dur(r.Queues["q"].Get("asa_s").Mean) + " <span", // the mean wait, as a duration
	} {
		require.Contains(t, out, want)
	}
	require.Equal(t, 5, strings.Count(out, "viewBox="), "charts of demand, waits, utilisation, q's service level and destinations")
	require.Contains(t, out, "q: share answered within 20s by the hour contacts joined")
	require.Contains(t, out, "target 99.0%", "the target's line in the legend")
	require.NotContains(t, out, "<?xml")
}
