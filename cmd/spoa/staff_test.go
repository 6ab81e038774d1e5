package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// `spoa staff` prints the staffing found and writes a scenario that
// `spoa run --check` accepts: its targets, judged as the search judged
// them, are all met.
func TestStaffWritesAScenarioThatMeetsItsTargets(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	staffed := filepath.Join(filepath.Dir(file), "staffed.yaml")
	code, out, stderr := spoa(t, "staff", "-c", file, "-o", staffed)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "small: the fewest staff that meet every target, judged in every hour of the day, in 1h blocks")
	require.Contains(t, out, "by the shift rota below, simulated with shrinkage, yes")
	require.Regexp(t, `(?m)^\s+agents\s+\d+\s+\d+\s+\d+\s+\d+\s+[\d.]+\s+89\.6\s+[-+][\d.]+\s*$`, out)

	data, err := os.ReadFile(staffed)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(data), "# Written by spoa staff from "+file), string(data))
	require.Contains(t, string(data), "per: hour")
	require.Contains(t, string(data), "shifts:")
	code, _, stderr = spoa(t, "run", "-c", staffed, "--check")
	require.Equal(t, 0, code, "the staffed scenario meets every target when run: %s", stderr)

	// One fewer on the first shift, and it does not: the search left no
	// staff member to spare.
	m := regexp.MustCompile(`count: (\d+)`).FindStringSubmatchIndex(string(data))
	require.NotNil(t, m)
	n, err := strconv.Atoi(string(data[m[2]:m[3]]))
	require.NoError(t, err)
	fewer := string(data[:m[2]]) + strconv.Itoa(n-1) + string(data[m[3]:])
	code, _, stderr = spoa(t, "run", "-c", writeFile(t, "fewer.yaml", fewer), "--check")
	require.Equal(t, 1, code, "one fewer on a shift misses a target: %s", stderr)
}

// The report in JSON and CSV: one CSV row per pool and hour of the week,
// the JSON's figures those of the table.
func TestStaffFormats(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	code, out, stderr := spoa(t, "staff", "-c", file, "--per", "run", "--block", "168h", "-f", "json")
	require.Equal(t, 0, code, stderr)
	var st struct {
		Per, Block string
		Met        bool
		Verified   bool
		Pools      []struct {
			Name   string
			OnDuty []int `json:"on_duty"`
			WTE    float64
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &st))
	require.Equal(t, "run", st.Per)
	require.Equal(t, "168h", st.Block)
	require.True(t, st.Met && st.Verified)
	require.Len(t, st.Pools, 1)
	require.Len(t, st.Pools[0].OnDuty, 168)
	for _, n := range st.Pools[0].OnDuty {
		require.Equal(t, st.Pools[0].OnDuty[0], n, "one number all week")
	}

	report := filepath.Join(t.TempDir(), "staff.csv")
	code, out, stderr = spoa(t, "staff", "-c", file, "--report", report)
	require.Equal(t, 0, code, stderr)
	require.Empty(t, out)
	f, err := os.Open(report)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"pool", "day", "hour", "guess_on_duty", "on_duty", "rostered", "rostered_in_shifts", "scenario_on_duty"}, rows[0])
	require.Len(t, rows, 1+168)
	require.Equal(t, []string{"agents", "sun", "23"}, rows[168][:3])
}

// Bad flags are refused before anything runs, with exit status 2; a
// search stopped at its bound says so, exit 3, and prints what it has,
// marked partial.
func TestStaffBadInput(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--block", "5h"}, "block 5h0m0s: give whole hours that divide a day"},
		{[]string{"--per", "day"}, `per "day": give "hour" or "run"`},
		{[]string{"-o", filepath.Join(t.TempDir(), "x.toml")}, "the staffed scenario is written as YAML (.yaml, .yml) or JSON (.json)"},
		{[]string{"--max-simulations", "0"}, "--max-simulations 0: give 1 or more"},
		{[]string{"--set", "queues.q.target.fraction=2"}, "queues[0].target.fraction"},
	} {
		code, out, stderr := spoa(t, append([]string{"staff", "-c", file}, tc.args...)...)
		require.Equal(t, 2, code, "%v: %s", tc.args, stderr)
		require.Contains(t, stderr, tc.want, "%v", tc.args)
		require.Empty(t, out, "%v: nothing run", tc.args)
	}

	noTarget := writeFile(t, "none.yaml", strings.Replace(small, "target: {within: 20s, fraction: 0.8}, ", "", 1))
	code, _, stderr := spoa(t, "staff", "-c", noTarget)
	require.Equal(t, 2, code, stderr)
	require.Contains(t, stderr, "no queue has a target")

	code, out, stderr := spoa(t, "staff", "-c", file, "--max-simulations", "2")
	require.Equal(t, 3, code, stderr)
	require.Contains(t, stderr, "the search reached its bound on simulations")
	require.Contains(t, out, "PARTIAL")
}
