package html

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
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
	require.Equal(t, 6, strings.Count(out, "viewBox="), "charts of demand, q's service level, agents on duty and busy, waits, utilisation and destinations")
	require.Contains(t, out, "q: within 20s")
	require.Contains(t, out, "agents: staff on duty and busy")
	require.Contains(t, out, "<h2>The scenario</h2>")
	require.Contains(t, out, "<td>calls</td><td>call</td><td>q</td><td>2400.0</td>", "the demand the scenario gives")
	require.NotContains(t, out, "By day of the week", "every day is alike")
	require.Contains(t, out, "target 99.0%", "the target's line in the legend")
	require.NotContains(t, out, "<?xml")
}

// Where demand differs by day, the page shows the week: demand by day,
// the rota by hour of the week, and each target's share by hour of the
// week against the target.
func TestWriteWeek(t *testing.T) {
	s, err := load.Embedded("blmk-hub-equal", []string{"run.days=1", "run.warmup_days=0", "run.replications=2"})
	require.NoError(t, err)
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, r))
	out := buf.String()
	for _, want := range []string{"<h2>By day of the week</h2>", "Demand by day of the week", "Staff on duty by hour of the week",
		"call_111: share answered within 1m00s by the hour contacts joined", "hour of the week, from Monday 00:00",
		"Demand differs by day of the week", "<th>sat</th>"} {
		require.Contains(t, out, want)
	}
}

// A comparison's page has a table a section and, beside it, a forest
// plot a measure of the differences with their CIs.
func TestWriteCompare(t *testing.T) {
	var scenarios []*config.Scenario
	for _, staff := range []string{"20", "22"} {
		s, err := load.Embedded("mmc", []string{"run.days=2", "run.warmup_days=1", "run.replications=3", "pools.agents.staff=" + staff})
		require.NoError(t, err)
		s.Name = "mmc-" + staff
		scenarios = append(scenarios, s)
	}
	c, err := results.CompareScenarios(context.Background(), scenarios, results.Options{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteCompare(&buf, c))
	out := buf.String()
	pairs := map[string]bool{}
	for _, r := range c.Rows {
		if r.Diffs[1] != nil && r.Diffs[1].Measured() {
			pairs[r.Section+"/"+r.Measure] = true
		}
	}
	require.Equal(t, len(pairs), strings.Count(out, "viewBox="), "a forest plot a section and measure with a difference measured")
	require.NotContains(t, out, "time to clinician, difference", "no clinician, nothing to draw")
	require.Contains(t, out, "queues: mean wait, difference from mmc-20")
	require.Contains(t, out, "<th>mmc-22 − mmc-20</th>")
	require.Contains(t, out, `class="clear"`, "22 agents against 20 clearly cut the wait")
	require.NotContains(t, out, "<?xml")
}
