package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// spoa runs the command line in-process and returns its exit code, stdout
// and stderr.
func spoa(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := mainRun(context.Background(), args, &out, &errw)
	return code, out.String(), errw.String()
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

const small = `name: small
run: {days: 5, warmup_days: 1, replications: 3, seed: 11}
streams: [{name: calls, arrivals: {per_hour: 100}, enter: q}]
queues:
  - {name: q, priority: 1, patience: {dist: exponential, mean: 5m},
     service: {dist: exponential, mean: 10m}, served_by: [agents],
     target: {within: 20s, fraction: 0.8}, routes: {done: 1.0}}
pools: [{name: agents, staff: 20}]
`

func TestRunSameSeedSameJSON(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	code, a, stderr := spoa(t, "run", "-c", file, "-f", "json", "--workers", "1")
	require.Equal(t, 0, code, stderr)
	code, b, _ := spoa(t, "run", "-c", file, "-f", "json", "--workers", "3")
	require.Equal(t, 0, code)
	require.Equal(t, a, b, "same scenario and seed, any number of workers: same bytes")
	code, c, _ := spoa(t, "run", "-c", file, "-f", "json", "--seed", "12")
	require.Equal(t, 0, code)
	require.NotEqual(t, a, c)

	var r map[string]any
	require.NoError(t, json.Unmarshal([]byte(a), &r))
	require.Equal(t, "small", r["scenario"])
	require.EqualValues(t, 3, r["replications"])
}

func TestRunOverridesAndFormats(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	code, out, stderr := spoa(t, "run", "-c", file, "-r", "2", "--days", "2", "--set", "pools.agents.staff=25", "-f", "json")
	require.Equal(t, 0, code, stderr)
	var r struct {
		Replications int
		Days         float64
		Pools        map[string]struct {
			StaffHours struct{ Mean float64 } `json:"staff_hours"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Equal(t, 2, r.Replications)
	require.Equal(t, 2.0, r.Days)
	require.InDelta(t, 25*48, r.Pools["agents"].StaffHours.Mean, 1e-6)

	code, out, _ = spoa(t, "run", "-c", file, "-f", "csv")
	require.Equal(t, 0, code)
	require.Contains(t, out, "section,name,measure,key,hour,mean,sd,ci95_low,ci95_high,n\n")

	code, out, _ = spoa(t, "run", "-c", file)
	require.Equal(t, 0, code)
	require.Contains(t, out, "utilisation")
}

func TestRunWritesFile(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	dir := t.TempDir()
	out := filepath.Join(dir, "report.json")
	code, stdout, stderr := spoa(t, "run", "-c", file, "-o", out)
	require.Equal(t, 0, code, stderr)
	require.Empty(t, stdout)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	require.True(t, json.Valid(data), "format follows the .json extension")
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1, "no temporary file left behind")
	st, err := os.Stat(out)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644)&^umask(), st.Mode().Perm(), "an ordinary file's mode, not a temporary file's 0600")

	// Writing again keeps the mode the file was given.
	require.NoError(t, os.Chmod(out, 0o640))
	code, _, _ = spoa(t, "run", "-c", file, "-o", out)
	require.Equal(t, 0, code)
	st, err = os.Stat(out)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o640), st.Mode().Perm())
}

func TestCheckTargets(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	code, _, stderr := spoa(t, "run", "-c", file, "--check", "--set", "pools.agents.staff=30")
	require.Equal(t, 0, code, stderr)
	code, _, stderr = spoa(t, "run", "-c", file, "--check", "--set", "pools.agents.staff=17")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "target not met: q")
}

// A target judged per hour fails --check when some hour misses it, though
// the run as a whole meets it: demand peaks at midday at twice the mean,
// and the constant staff fall short there.
func TestCheckTargetPerHour(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	peak := "streams.calls.arrivals.hourly=[0.4,0.3,0.3,0.3,0.3,0.4,0.6,0.9,1.3,1.6,1.8,2,2,1.8,1.6,1.4,1.2,1.1,1,0.9,0.8,0.7,0.6,0.5]"
	code, _, stderr := spoa(t, "run", "-c", file, "--check", "--set", "pools.agents.staff=34", "--set", peak)
	require.Equal(t, 0, code, stderr)
	code, _, stderr = spoa(t, "run", "-c", file, "--check", "--set", "pools.agents.staff=34", "--set", peak, "--set", "queues.q.target.per=hour")
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "target not met: q: 80.0% answered within 20s in every hour: worst hour ")
	require.Contains(t, stderr, "hours short")
}

// Bad input: exit 2, every problem with its path on stderr, nothing on
// stdout.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"routes do not add up", `routes: {done: 0.9}`, "queues[0].routes"},
		{"unknown pool", `served_by: [agnets]`, "queues[0].served_by"},
		{"negative rate", `per_hour: -5`, "streams[0].arrivals.per_hour"},
		{"NaN rate", `per_hour: .nan`, "streams[0].arrivals.per_hour"},
		{"misspelt key", `patiance: {dist: exponential, mean: 5m}`, "queues[0].patiance"},
		{"routing loop", `routes: {q: 1.0}`, "queues[0].routes"},
		{"wrong profile length", `hourly: [1, 2, 3]`, "streams[0].arrivals.hourly"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, "bad.yaml", badScenario(tc.body))
			for _, cmd := range []string{"run", "validate"} {
				code, stdout, stderr := spoa(t, cmd, "-c", file)
				require.Equal(t, 2, code, "%s: %s", cmd, stderr)
				require.Empty(t, stdout)
				require.Contains(t, stderr, tc.want)
				require.Contains(t, stderr, file)
			}
		})
	}
	code, stdout, stderr := spoa(t, "run", "-c", "/no/such/file.yaml")
	require.Equal(t, 2, code)
	require.Empty(t, stdout)
	require.Contains(t, stderr, "/no/such/file.yaml")

	code, _, _ = spoa(t, "run", "--no-such-flag")
	require.Equal(t, 2, code)
	code, _, _ = spoa(t, "run", "-f", "pdf")
	require.Equal(t, 2, code)
	code, _, stderr = spoa(t, "run", "--set", "pools.nobody.staff=3")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "nobody")

	// Demand and a target's period, set on the command line: every problem,
	// each with its path.
	file := writeFile(t, "small.yaml", small)
	code, stdout, stderr = spoa(t, "validate", "-c", file, "--set", "demand=0", "--set", "streams.calls.demand=.nan", "--set", "queues.q.target.per=hours")
	require.Equal(t, 2, code, stderr)
	require.Empty(t, stdout)
	require.Equal(t, file+": demand: must be more than 0 (1 leaves demand as it is, 1.1 is 10% more), got 0\n"+
		file+": streams[0].demand: not a number (NaN)\n"+
		file+`: queues[0].target.per: unknown period "hours" (did you mean "hour"?); choose run (the default: over the whole run) or hour (in every hour of the week)`+"\n"+
		"3 problems: nothing was run\n", stderr)
}

// badScenario is a valid one-queue scenario with one line changed or added.
func badScenario(change string) string {
	base := map[string]string{
		"routes":    "    routes: {done: 1.0}\n",
		"served_by": "    served_by: [agents]\n",
		"per_hour":  "",
		"patiance":  "",
		"hourly":    "",
	}
	key := change[:indexByte(change, ':')]
	q := "  - name: q\n    priority: 1\n    service: {dist: exponential, mean: 10m}\n" + base["served_by"] + base["routes"]
	arr := "{per_hour: 100}"
	switch key {
	case "routes", "served_by":
		q = "  - name: q\n    priority: 1\n    service: {dist: exponential, mean: 10m}\n"
		if key == "routes" {
			q += base["served_by"] + "    " + change + "\n"
		} else {
			q += "    " + change + "\n" + base["routes"]
		}
	case "patiance":
		q += "    " + change + "\n"
	case "per_hour":
		arr = "{" + change + "}"
	case "hourly":
		arr = "{per_hour: 100, " + change + "}"
	}
	return "name: bad\nrun: {days: 1, replications: 1, seed: 1}\nstreams: [{name: calls, arrivals: " + arr + ", enter: q}]\nqueues:\n" + q + "pools: [{name: agents, staff: 20}]\n"
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return len(s)
}

func TestValidateScenariosInit(t *testing.T) {
	code, out, _ := spoa(t, "validate")
	require.Equal(t, 0, code)
	require.Contains(t, out, "is valid")
	code, out, _ = spoa(t, "scenarios")
	require.Equal(t, 0, code)
	require.Contains(t, out, "blmk-current")
	require.Contains(t, out, "mmc")

	dir := t.TempDir()
	file := filepath.Join(dir, "mine.yaml")
	code, _, stderr := spoa(t, "init", "mmc", "-o", file)
	require.Equal(t, 0, code, stderr)
	code, out, _ = spoa(t, "validate", "-c", file)
	require.Equal(t, 0, code)
	require.Contains(t, out, "scenario mmc is valid")
	code, _, stderr = spoa(t, "init", "mmc", "-o", file)
	require.Equal(t, 2, code, "refuses to overwrite")
	require.Contains(t, stderr, "exists")
	code, _, _ = spoa(t, "init", "nonesuch")
	require.Equal(t, 2, code)
	code, out, _ = spoa(t, "version")
	require.Equal(t, 0, code)
	require.Contains(t, out, "spoa ")
}

// A queue with no abandonment and more demand than staff still runs to the
// end, and the report says its queue grows without bound.
func TestOverloadWarns(t *testing.T) {
	file := writeFile(t, "over.yaml", `name: over
run: {days: 10, warmup_days: 1, replications: 2, seed: 1}
streams: [{name: calls, arrivals: {per_hour: 150}, enter: q}]
queues:
  - {name: q, priority: 1, service: {dist: exponential, mean: 10m}, served_by: [agents], routes: {done: 1.0}}
pools: [{name: agents, staff: 20}]
`)
	code, out, stderr := spoa(t, "run", "-c", file)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "warning: queue q:")
	require.Contains(t, out, "grows without bound")

	code, out, stderr = spoa(t, "run", "-c", file, "-f", "json")
	require.Equal(t, 0, code)
	require.Contains(t, out, `"warnings"`)
	require.Contains(t, stderr, "warning: queue q:", "machine formats repeat warnings on stderr")
}

func TestCompare(t *testing.T) {
	a := writeFile(t, "a.yaml", small)
	code, out, stderr := spoa(t, "compare", a, a, "-f", "json")
	require.Equal(t, 0, code, stderr)
	var c struct {
		Scenarios []string
		Rows      []struct {
			Section, Name, Measure string
			Diffs                  []*struct{ Mean, CI95Low, CI95High float64 }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &c))
	require.Equal(t, []string{"small", "small (2)"}, c.Scenarios)
	require.NotEmpty(t, c.Rows)
	for _, r := range c.Rows {
		require.Nil(t, r.Diffs[0])
		require.NotNil(t, r.Diffs[1])
		require.Zero(t, r.Diffs[1].Mean, "%s %s %s", r.Section, r.Name, r.Measure)
	}

	// An embedded scenario by name, and a file, with a shared override.
	code, out, stderr = spoa(t, "compare", "mmc", a, "-r", "2", "--days", "2")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "mmc vs small")
	require.Contains(t, out, "2 replications each")

	code, _, _ = spoa(t, "compare", a)
	require.Equal(t, 2, code, "needs two scenarios")
	code, _, stderr = spoa(t, "compare", a, "/no/such.yaml")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "/no/such.yaml")
}

func TestRunHTML(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	out := filepath.Join(t.TempDir(), "report.html")
	code, _, stderr := spoa(t, "run", "-c", file, "-o", out)
	require.Equal(t, 0, code, stderr)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Contains(t, string(data), "<!DOCTYPE html>", "format follows the .html extension")
	require.Contains(t, string(data), "<svg")

	// compare -o x.html writes the comparison's page, not text.
	out = filepath.Join(t.TempDir(), "compare.html")
	code, _, stderr = spoa(t, "compare", file, file, "-r", "2", "-o", out)
	require.Equal(t, 0, code, stderr)
	data, err = os.ReadFile(out)
	require.NoError(t, err)
	require.Contains(t, string(data), "<!DOCTYPE html>", "format follows the .html extension")
	require.Contains(t, string(data), "difference from small")
}
