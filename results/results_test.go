package results

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/sim"
)

func TestFigureStudentT(t *testing.T) {
	f := figureOf([]float64{1, 2, 3, math.NaN()}) // an undefined replication adds nothing
	require.InDelta(t, 2, f.Mean, 1e-12)
	require.InDelta(t, 1, f.SD, 1e-12)
	// t(0.975, 2 df) = 4.302653; half-width t·sd/√n.
	require.InDelta(t, 2-4.302653/math.Sqrt(3), f.CI95Low, 1e-6)
	require.InDelta(t, 2+4.302653/math.Sqrt(3), f.CI95High, 1e-6)

	require.Equal(t, Figure{5, 0, 5, 5, 1}, figureOf([]float64{5}))
	require.Equal(t, Figure{}, figureOf(nil))
}

// sample builds a report from two hand-made replications of a two-queue
// model.
func sample(t *testing.T) *Report {
	t.Helper()
	m := compiled(t)
	mk := func(offered, served, abandoned int64, wait float64) sim.Stats {
		st := emptyStats(m)
		for i := range st.Dests {
			st.Dests[i].Count = 10
			st.Dests[i].ByStream[0] = 10
		}
		q := &st.Queues[0]
		q.Offered, q.Served, q.Abandoned, q.WaitingAtEnd = offered, served, abandoned, offered-served-abandoned
		for i := int64(0); i < served; i++ {
			q.Wait.Add(wait)
			q.WaitHist.Add(wait)
		}
		q.Waited = served
		q.WithinTarget = served / 2
		st.Pools[0].Busy, st.Pools[0].OnDuty = 50, 100
		return st
	}
	st := []sim.Stats{mk(100, 90, 10, 30), mk(120, 100, 20, 50)}
	return Aggregate(m, st)
}

func TestAggregate(t *testing.T) {
	r := sample(t)
	q := r.Queues["q"]
	require.InDelta(t, 110, q.Get("offered").Mean, 1e-12)
	require.InDelta(t, (0.1+20.0/120)/2, q.Get("abandon_fraction").Mean, 1e-12)
	require.InDelta(t, 40, q.Get("asa_s").Mean, 1e-12)
	require.InEpsilon(t, 40, q.Get("wait_p90_s").Mean, 0.01)
	require.InDelta(t, 0.5, r.Pools["agents"].Get("utilisation").Mean, 1e-12)
	require.Len(t, r.Targets, 1)
	require.InDelta(t, 0.5, r.Targets[0].Achieved.Mean, 0.01)
	require.False(t, r.Targets[0].Met, "half within 20s against a target of 80%")
	require.Equal(t, []string{"q"}, r.Order.Queues)
}

// The JSON uses exactly the names the README's report section lists.
func TestJSONNames(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, sample(t)))
	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	for _, k := range []string{"scenario", "seed", "replications", "days", "warmup_days", "queues", "pools", "streams", "destinations", "hourly", "targets", "meta"} {
		require.Contains(t, doc, k)
	}
	q := doc["queues"].(map[string]any)["q"].(map[string]any)
	for _, k := range []string{"offered", "served", "abandoned", "abandon_fraction", "asa_s", "wait_p50_s", "wait_p90_s", "wait_p95_s", "wait_p99_s", "waited_fraction", "within_target_fraction", "queue_length_mean"} {
		require.Contains(t, q, k)
		fig := q[k].(map[string]any)
		for _, f := range []string{"mean", "sd", "ci95_low", "ci95_high", "n"} {
			require.Contains(t, fig, f, "%s.%s", k, f)
		}
	}
	p := doc["pools"].(map[string]any)["agents"].(map[string]any)
	for _, k := range []string{"utilisation", "staff_hours", "wte"} {
		require.Contains(t, p, k)
	}
	s := doc["streams"].(map[string]any)["calls"].(map[string]any)
	for _, k := range []string{"offered", "time_to_clinician_s", "time_in_system_s"} {
		require.Contains(t, s, k)
	}
	d := doc["destinations"].(map[string]any)["done"].(map[string]any)
	for _, k := range []string{"count", "per_day"} {
		require.Contains(t, d, k)
	}
	tg := doc["targets"].([]any)[0].(map[string]any)
	for _, k := range []string{"queue", "within_s", "fraction", "per", "achieved", "met"} {
		require.Contains(t, tg, k)
	}
	require.NotContains(t, tg, "by_hour", "judged over the run")
	hourly := doc["hourly"].(map[string]any)
	for _, k := range []string{"arrivals", "offered", "asa_s", "utilisation", "destinations", "service_level", "service_level_week"} {
		require.Contains(t, hourly, k)
	}
	require.Len(t, hourly["service_level"].(map[string]any)["q"], 24)
	meta := doc["meta"].(map[string]any)
	for _, k := range []string{"version", "config_sha256", "events"} {
		require.Contains(t, meta, k)
	}
	require.NotContains(t, meta, "wall_s", "left out unless asked for")

	back, err := ReadJSON(&buf)
	require.NoError(t, err)
	require.Equal(t, sample(t), back)
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	r := sample(t)
	require.NoError(t, WriteCSV(&buf, r))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"section", "name", "measure", "key", "mean", "sd", "ci95_low", "ci95_high", "n"}, rows[0])
	found := false
	for _, row := range rows {
		require.Len(t, row, 9)
		if row[0] == "queues" && row[1] == "q" && row[2] == "offered" {
			require.Equal(t, "110", row[4])
			found = true
		}
	}
	require.True(t, found)
	// 24 hourly rows for each stream, queue (three times: offered, mean
	// wait and, against its target, service level), pool and destination;
	// none by hour of the week, as every day is alike and the target is
	// judged over the run.
	hourly := 0
	for _, row := range rows {
		if row[0] == "hourly" {
			hourly++
		}
	}
	require.Equal(t, 24*(1+3+1+1), hourly)
}

func TestTable(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteTable(&buf, sample(t)))
	out := buf.String()
	for _, want := range []string{"mmc: 2 replications", "agents", "done", "NOT met", "40s"} {
		require.Contains(t, out, want)
	}
}
