package results

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strconv"
	"strings"
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
	require.Equal(t, []string{"section", "name", "measure", "key", "hour", "mean", "sd", "ci95_low", "ci95_high", "n"}, rows[0])
	found := false
	for _, row := range rows {
		require.Len(t, row, 10)
		if row[0] == "queues" && row[1] == "q" && row[2] == "offered_per_day" {
			require.Equal(t, num(110/r.Days), row[5], "a day, as the table shows it")
			found = true
		}
		require.NotEqual(t, "offered", row[2], "no run totals where the table shows a day")
	}
	require.True(t, found)
	// 24 hourly rows for each stream, queue (three times: offered, mean
	// wait and, against its target, service level), pool (three:
	// utilisation, staff on duty and busy) and destination;
	// none by hour of the week, as every day is alike and the target is
	// judged over the run. Their hour is a column of its own.
	hourly := 0
	for _, row := range rows {
		if row[0] == "hourly" {
			require.Empty(t, row[3])
			require.Equal(t, strconv.Itoa(hourly%24), row[4])
			hourly++
		}
	}
	require.Equal(t, 24*(1+3+3+1), hourly)
}

// The CSV is tidy: warnings and meta are rows, every number has at most 6
// significant digits, and every interval lies in what its figure can take.
func TestCSVTidy(t *testing.T) {
	r := sample(t)
	r.Warnings = []string{"queue q: the backlog grows, with a comma"}
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, r))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	texts := map[string]string{}
	for _, row := range rows[1:] {
		if row[0] == "meta" || row[0] == "warnings" {
			texts[row[0]+"/"+row[2]] = row[3]
		}
		if row[0] == "meta" && row[2] == "events" {
			require.Equal(t, strconv.FormatUint(r.Meta.Events, 10), row[5], "a count of events exactly")
			continue
		}
		if row[2] == "seed" {
			continue
		}
		for _, cell := range row[5:9] {
			if cell == "" {
				continue
			}
			digits := strings.TrimLeft(strings.NewReplacer(".", "", "-", "").Replace(cell), "0")
			require.LessOrEqual(t, len(strings.TrimRight(digits, "0")), 6, "%v", row)
		}
		if strings.Contains(row[2], "fraction") || strings.Contains(row[2], "utilisation") || strings.Contains(row[2], "service_level") {
			lo, hi := parse(t, row[7]), parse(t, row[8])
			require.True(t, 0 <= lo && lo <= hi && hi <= 1, "%v", row)
		}
		if row[7] != "" {
			require.GreaterOrEqual(t, parse(t, row[7]), 0.0, "%v", row)
		}
	}
	require.Equal(t, Version, texts["meta/version"])
	require.Equal(t, r.Meta.ConfigSHA256, texts["meta/config_sha256"])
	require.Equal(t, r.Warnings[0], texts["warnings/warning"])
}

func parse(t *testing.T, s string) float64 {
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return x
}

// num rounds to 6 significant digits and writes plain decimals.
func TestNum(t *testing.T) {
	for x, want := range map[float64]string{
		0: "0", 1: "1", 0.123456789: "0.123457", 770.1234567: "770.123", 1234567.89: "1234570",
		-0.000123456789: "-0.000123457", 27.274116610108877: "27.2741", 0.1 + 0.2: "0.3",
	} {
		require.Equal(t, want, num(x), "%v", x)
	}
}

func TestTable(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteTable(&buf, sample(t)))
	out := buf.String()
	for _, want := range []string{"mmc: 2 replications", "agents", "done", "NOT met", "40s"} {
		require.Contains(t, out, want)
	}
}

// The CI of a difference of shares is cut to −1 to 1, the values such a
// difference can take; other differences are left as they are.
func TestChangeIn(t *testing.T) {
	f := Figure{Mean: -0.9, SD: 0.1, CI95Low: -1.4, CI95High: -0.4, N: 2}
	require.Equal(t, Figure{Mean: -0.9, SD: 0.1, CI95Low: -1, CI95High: -0.4, N: 2}, f.changeIn(Fraction))
	f = Figure{Mean: 0.9, SD: 0.1, CI95Low: 0.4, CI95High: 1.4, N: 2}
	require.Equal(t, 1.0, f.changeIn(Fraction).CI95High)
	f = Figure{Mean: -30, SD: 10, CI95Low: -120, CI95High: 60, N: 2}
	require.Equal(t, f, f.changeIn(Seconds))
}
