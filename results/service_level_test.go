package results_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

// peaked is one queue whose target is met over the run but not in the
// busiest hours (demand peaks at midday at twice the mean, 33 staff's
// worth of work, and the 34 staff are constant), feeding one without a
// target.
const peaked = `name: peaked
run: {days: 7, warmup_days: 1, replications: 3, seed: 5}
streams:
  - name: calls
    arrivals: {per_hour: 100, hourly: [0.4,0.3,0.3,0.3,0.3,0.4,0.6,0.9,1.3,1.6,1.8,2,2,1.8,1.6,1.4,1.2,1.1,1,0.9,0.8,0.7,0.6,0.5]}
    enter: q
queues:
  - {name: q, priority: 1, patience: {dist: exponential, mean: 5m}, service: {dist: exponential, mean: 10m},
     served_by: [agents], target: {within: 20s, fraction: 0.8, per: hour}, routes: {after: 1}}
  - {name: after, priority: 2, service: {dist: constant, mean: 1m}, served_by: [agents], routes: {done: 1}}
pools: [{name: agents, staff: 34}]
`

// run simulates peaked with sets applied, giving the model and the
// replications' statistics as well as the report.
func run(t *testing.T, sets ...string) (*sim.Model, []sim.Stats, *results.Report) {
	t.Helper()
	s, err := load.Bytes([]byte(peaked), "yaml", "peaked.yaml", sets)
	require.NoError(t, err)
	m, err := sim.Compile(s)
	require.NoError(t, err)
	st, err := sim.Run(context.Background(), m, sim.Options{})
	require.NoError(t, err)
	return m, st, results.Aggregate(m, st)
}

// TestTargetPerHour: a target judged per hour is met only if every hour
// in which anyone was served meets it (hours of the day here, as nothing
// differs by day), on the mean over the replications that served anyone
// then; the report's judgement, its worst hour and the service level by
// hour agree with sim's to the bit, as the staffing search's do.
func TestTargetPerHour(t *testing.T) {
	m, st, r := run(t)
	require.Equal(t, 24, m.Bins())
	require.Len(t, r.Targets, 1)
	tr := r.Targets[0]
	require.Equal(t, config.PerHour, tr.Per)
	require.NotNil(t, tr.ByHour)
	require.False(t, tr.ByHour.OfWeek)

	week := r.Hourly["service_level"]["q"]
	require.Len(t, week, 24)
	hours, missed, worst := 0, 0, -1
	for h, f := range week {
		mean, n := sim.MeanLevel(st, 0, h, 24)
		require.Equal(t, n, f.N, "hour %d", h)
		if n == 0 {
			continue
		}
		require.Equal(t, mean, f.Mean, "hour %d: the figure's mean is sim's, bit for bit", h)
		hours++
		if f.Mean < tr.Fraction {
			missed++
		}
		if worst < 0 || f.Mean < week[worst].Mean {
			worst = h
		}
	}
	require.Equal(t, hours, tr.ByHour.Hours)
	require.Equal(t, missed, tr.ByHour.Missed)
	require.Positive(t, missed, "the midday peak misses the target")
	require.Equal(t, worst, tr.ByHour.WorstHour)
	require.Equal(t, fmt.Sprintf("%02d:00", worst), tr.ByHour.Worst)
	require.Equal(t, week[worst], tr.ByHour.Achieved)
	require.False(t, tr.Met)
	require.Equal(t, sim.JudgeHours(st, 0, tr.Fraction, 24).Met(), tr.Met)

	// Over the run the same contacts meet it: per decides the judgement
	// and nothing else.
	_, _, byRun := run(t, "queues.q.target.per=run")
	rt := byRun.Targets[0]
	require.Equal(t, config.PerRun, rt.Per)
	require.Nil(t, rt.ByHour)
	require.Equal(t, tr.Achieved, rt.Achieved)
	require.True(t, rt.Met, "%v", rt.Achieved)
	require.Equal(t, r.Queues, byRun.Queues)

	// With staff enough for the peak, every hour meets it.
	_, _, enough := run(t, "pools.agents.staff=50")
	require.True(t, enough.Targets[0].Met)
	require.Zero(t, enough.Targets[0].ByHour.Missed)
}

// TestServiceLevelByHourOfDay: the share within target by hour of day is
// the mean over replications of sim's LevelOfDay, with a CI, for queues
// with a target only; by hour of the week only where the week tells more
// than the day.
func TestServiceLevelByHourOfDay(t *testing.T) {
	_, st, r := run(t, "queues.q.target.per=run")
	day := r.Hourly["service_level"]
	require.NotContains(t, day, "after", "no target, no service level")
	require.Len(t, day["q"], 24)
	for h, f := range day["q"] {
		var sum float64
		for i := range st {
			x, ok := st[i].Queues[0].LevelOfDay(h)
			require.True(t, ok)
			sum += x
		}
		require.InDelta(t, sum/float64(len(st)), f.Mean, 1e-12, "hour %d", h)
		require.True(t, f.HasCI())
		require.LessOrEqual(t, f.CI95Low, f.Mean)
		require.LessOrEqual(t, f.CI95High, 1.0)
	}
	// The midday peak is worse than the night.
	require.Less(t, day["q"][12].Mean, day["q"][3].Mean)
	require.Empty(t, r.Hourly["service_level_week"], "every day alike and judged over the run: no profile by hour of the week")

	// A day of the week that differs brings it back.
	_, _, weekly := run(t, "queues.q.target.per=run", "streams.calls.arrivals.weekly=[1.4,1,1,1,1,0.8,0.8]")
	require.Len(t, weekly.Hourly["service_level_week"]["q"], sim.HoursOfWeek)
	require.NotContains(t, weekly.Hourly["service_level_week"], "after")
}

// TestPerHourWriters: JSON reads back as written, CSV carries the worst
// hour, and the table and --check's words say how the hours fared.
func TestPerHourWriters(t *testing.T) {
	_, _, r := run(t)
	var buf bytes.Buffer
	require.NoError(t, results.WriteJSON(&buf, r))
	back, err := results.ReadJSON(&buf)
	require.NoError(t, err)
	require.Equal(t, r.Targets, back.Targets)
	require.Equal(t, r.Hourly, back.Hourly)

	buf.Reset()
	require.NoError(t, results.WriteCSV(&buf, r))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	worst := r.Targets[0].ByHour
	found := map[string]bool{}
	for _, row := range rows {
		if row[0] == "targets" {
			found[row[2]+"/"+row[3]] = true
		}
		if row[0] == "targets" && row[2] == "worst_hour" {
			require.Equal(t, strconv.Itoa(worst.WorstHour), row[4], "the worst hour's index in the hour column")
		}
		if row[0] == "hourly" && row[2] == "service_level_week" && row[4] == "167" {
			found["sun 23:00"] = true
		}
	}
	for _, want := range []string{"per_hour/", "hours_judged/", "hours_missed/", "worst_hour/" + worst.Worst, "worst_achieved/" + worst.Worst, "sun 23:00"} {
		require.True(t, found[want], "no CSV row %s", want)
	}

	buf.Reset()
	require.NoError(t, results.WriteTable(&buf, r))
	require.Contains(t, buf.String(), "80.0% answered within 20s in every hour: worst hour "+worst.Worst+", "+results.Percent(worst.Achieved.Mean))
	require.Contains(t, r.Targets[0].Verdict(), "hours short")
}

// TestHourOfWeek names hours as the report writes them (config.HourOfWeek).
func TestHourOfWeek(t *testing.T) {
	for h, want := range map[int]string{0: "mon 00:00", 23: "mon 23:00", 24: "tue 00:00", 129: "sat 09:00", 167: "sun 23:00"} {
		require.Equal(t, want, config.HourOfWeek(h))
	}
}
