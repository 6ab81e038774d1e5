package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// traced is a small scenario with what a trace must get right: abandonment
// with redial, a transfer to a second queue with patience of its own.
const traced = `name: traced
run: {days: 1, warmup_days: 1, replications: 3, seed: 5}
streams: [{name: calls, arrivals: {per_hour: 40}, enter: q,
           redial: {probability: 0.3, delay: {dist: exponential, mean: 2m}}}]
queues:
  - {name: q, priority: 1, patience: {dist: exponential, mean: 3m},
     service: {dist: exponential, mean: 10m}, served_by: [agents], routes: {done: 0.7, nurse: 0.3}}
  - {name: nurse, priority: 2, patience: {dist: exponential, mean: 20m},
     service: {dist: lognormal, mean: 15m, sd: 5m}, served_by: [nurses], routes: {ed: 0.4, home: 0.6}}
pools: [{name: agents, staff: 6}, {name: nurses, staff: 1}]
`

// readTrace reads a trace file into rows by column name.
func readTrace(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"stream", "contact", "visit", "queue", "arrive", "outcome", "answered", "abandoned", "pool", "end", "next"}, all[0])
	var rows []map[string]string
	for _, r := range all[1:] {
		m := map[string]string{}
		for i, c := range all[0] {
			m[c] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// TestTraceReproducesReport: a trace's rows give, queue by queue, exactly
// the counts the report gives for that replication (one measured day, so
// the report's per-day figures are the replication's counts); the same
// replication traced again gives the same rows, another other rows.
func TestTraceReproducesReport(t *testing.T) {
	file := writeFile(t, "traced.yaml", traced)
	dir := t.TempDir()
	trace, report := filepath.Join(dir, "t.csv"), filepath.Join(dir, "r.json")
	code, _, stderr := spoa(t, "run", "-c", file, "-r", "1", "--trace", trace, "-o", report)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stderr, "visits of replication 1 written to")

	var r struct {
		Queues map[string]map[string]struct{ Mean float64 } `json:"queues"`
	}
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &r))

	rows := readTrace(t, trace)
	count := map[string]map[string]float64{}
	for _, row := range rows {
		q := row["queue"]
		if count[q] == nil {
			count[q] = map[string]float64{}
		}
		count[q]["offered"]++
		switch row["outcome"] {
		case "answered":
			count[q]["served"]++
			require.NotEmpty(t, row["pool"])
		case "abandoned":
			count[q]["abandoned"]++
			require.Empty(t, row["pool"])
		case "waiting":
			count[q]["waiting_at_end"]++
		case "turned_away":
			count[q]["turned_away"]++
		default:
			t.Fatalf("outcome %q", row["outcome"])
		}
	}
	for _, q := range []string{"q", "nurse"} {
		for _, m := range []string{"offered", "served", "abandoned", "waiting_at_end", "turned_away"} {
			require.Equal(t, r.Queues[q][m].Mean, count[q][m], "queue %s, %s", q, m)
		}
		require.Positive(t, count[q]["abandoned"], "queue %s should abandon", q)
	}

	// Another replication gives another trace; the same one, the same.
	again := filepath.Join(dir, "t2.csv")
	code, _, stderr = spoa(t, "run", "-c", file, "-r", "2", "--trace", again, "--trace-replication", "1")
	require.Equal(t, 0, code, stderr)
	require.Equal(t, rows, readTrace(t, again))
	other := filepath.Join(dir, "t3.csv")
	code, _, stderr = spoa(t, "run", "-c", file, "-r", "2", "--trace", other, "--trace-replication", "2")
	require.Equal(t, 0, code, stderr)
	require.NotEqual(t, rows, readTrace(t, other))
}

// TestTraceBounded: a trace longer than --trace-rows is refused with exit 2
// and nothing written; bad trace flags are refused before anything runs.
func TestTraceBounded(t *testing.T) {
	file := writeFile(t, "traced.yaml", traced)
	dir := t.TempDir()
	trace := filepath.Join(dir, "t.csv")
	code, _, stderr := spoa(t, "run", "-c", file, "-r", "1", "--trace", trace, "--trace-rows", "50")
	require.Equal(t, exitBadInput, code)
	require.Contains(t, stderr, "more than 50 queue visits; raise --trace-rows")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Empty(t, entries, "nothing written, not even a temporary file")

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--trace-replication", "0"}, `--trace-replication "0": expected a whole number, 1 or more`},
		{[]string{"--trace-replication", "4"}, "--trace-replication 4: the run has 3 replications"},
		{[]string{"--trace-rows", "x"}, `--trace-rows "x": expected a whole number, 1 or more`},
		{[]string{"-o", trace}, "the report goes there too"},
	} {
		args := append([]string{"run", "-c", file, "--trace", trace}, c.args...)
		code, _, stderr := spoa(t, args...)
		require.Equal(t, exitBadInput, code, "%v: %s", c.args, stderr)
		require.Contains(t, stderr, c.want)
		_, err := os.Stat(trace)
		require.ErrorIs(t, err, os.ErrNotExist, "%v", c.args)
	}
}
