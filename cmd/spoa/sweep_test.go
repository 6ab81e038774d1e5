package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSweepFlags(t *testing.T) {
	cases := []struct {
		args []string
		want SweepOptions
	}{
		{[]string{"-c", "a.yaml", "--vary", "pools.nurse.staff=4..8", "--vary", "queues.q.patience.mean=5m,10m"},
			SweepOptions{File: "a.yaml", Vary: []string{"pools.nurse.staff=4..8", "queues.q.patience.mean=5m,10m"}}},
		{[]string{"--vary", "run.days=1,2", "-r", "4", "--seed", "9", "--set", "pools.gp.staff=2", "-f", "json", "--reports", "-o", "s.json", "--check", "--progress"},
			SweepOptions{Vary: []string{"run.days=1,2"}, Check: true, Progress: true, Reports: true,
				RunFlags: RunFlags{Reps: givenAs("4"), Seed: givenAs("9"), Sets: []string{"pools.gp.staff=2"}, Format: "json", Output: "s.json"}}},
	}
	for _, c := range cases {
		require.Equal(t, c.want, optionsOf(t, newSweepCmd, c.args), c.args)
	}
}

// A sweep point's report is, byte for byte, the report `spoa run` gives
// with the point's values as --set overrides (and the same -r and --set).
func TestSweepPointEqualsRun(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	code, out, stderr := spoa(t, "sweep", "-c", file, "-r", "2", "--set", "run.days=3",
		"--vary", "pools.agents.staff=19..21", "--vary", "queues.q.patience.mean=4m,6m", "-f", "json", "--reports")
	require.Equal(t, 0, code, stderr)
	var sw struct {
		Points []struct{ Report json.RawMessage }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &sw))
	require.Len(t, sw.Points, 6)

	for i, sets := range map[int][]string{0: {"pools.agents.staff=19", "queues.q.patience.mean=4m"}, 5: {"pools.agents.staff=21", "queues.q.patience.mean=6m"}} {
		args := []string{"run", "-c", file, "-r", "2", "--set", "run.days=3", "-f", "json"}
		for _, s := range sets {
			args = append(args, "--set", s)
		}
		code, run, stderr := spoa(t, args...)
		require.Equal(t, 0, code, stderr)
		var want, got bytes.Buffer
		require.NoError(t, json.Compact(&want, []byte(run)))
		require.NoError(t, json.Compact(&got, sw.Points[i].Report))
		require.Equal(t, want.String(), got.String(), "point %d", i)
	}
}

// shifted has a pool on shifts, whose staff a sweep cannot set.
const shifted = `name: shifted
run: {days: 2, warmup_days: 1, replications: 2, seed: 3}
streams: [{name: calls, arrivals: {per_hour: 10}, enter: q}]
queues:
  - {name: q, priority: 1, service: {dist: exponential, mean: 10m}, served_by: [nurse, gp], routes: {done: 1.0},
     patience: {dist: exponential, mean: 5m}, target: {within: 20s, fraction: 0.8}}
pools:
  - {name: nurse, shifts: [{start: "08:00", length: 10h, count: 3, days: [mon, tue, wed, thu, fri, sat, sun]}]}
  - {name: gp, staff: 2}
`

// Every point is read and checked before anything runs: with any point
// invalid, every problem is listed, each with its point, spoa exits 2, and
// nothing runs (no progress, no output file), though the first point is
// valid.
func TestSweepInvalidPointsNothingRun(t *testing.T) {
	file := writeFile(t, "shifted.yaml", shifted)
	outFile := filepath.Join(t.TempDir(), "sweep.csv")
	code, out, stderr := spoa(t, "sweep", "-c", file, "--vary", "pools.gp.staff=1,-2", "--vary", "queues.q.patience.mean=5m,abc",
		"--progress", "-o", outFile)
	require.Equal(t, exitBadInput, code, stderr)
	require.Empty(t, out)
	require.NotContains(t, stderr, "replications", "nothing ran")
	require.NoFileExists(t, outFile)
	abc := `queues[0].patience.mean: expected a duration such as "45s", "9m" or "1h30m", got "abc"`
	require.Equal(t, []string{
		"pools.gp.staff=1 queues.q.patience.mean=abc: " + file + ": " + abc,
		"pools.gp.staff=-2 queues.q.patience.mean=5m: " + file + ": pools[1].staff: must not be negative, got -2",
		"pools.gp.staff=-2 queues.q.patience.mean=abc: " + file + ": " + abc,
		"pools.gp.staff=-2 queues.q.patience.mean=abc: " + file + ": pools[1].staff: must not be negative, got -2",
		"4 problems: nothing was run",
	}, strings.Split(strings.TrimSpace(stderr), "\n"))

	// A pool on shifts has no staff to set: the problem says so, with its
	// point; the same problems at every point are said once.
	code, _, stderr = spoa(t, "sweep", "-c", file, "--vary", "pools.nurse.staff=3")
	require.Equal(t, exitBadInput, code, stderr)
	require.Equal(t, []string{
		"pools.nurse.staff=3: " + file + ": pools[0]: give only one of staff, hourly or shifts, not staff and shifts",
		"1 problem: nothing was run",
	}, strings.Split(strings.TrimSpace(stderr), "\n"))
	code, _, stderr = spoa(t, "sweep", "-c", file, "--vary", "pools.nurse.staff=3..5")
	require.Equal(t, exitBadInput, code, stderr)
	require.Equal(t, []string{
		"all 3 points: " + file + ": pools[0]: give only one of staff, hourly or shifts, not staff and shifts",
		"1 problem: nothing was run",
	}, strings.Split(strings.TrimSpace(stderr), "\n"))

	// Its shifts' counts can be varied instead.
	code, out, stderr = spoa(t, "sweep", "-c", file, "--vary", "pools.nurse.shifts.0.count=2,3")
	require.Equal(t, exitOK, code, stderr)
	require.Contains(t, out, "pools.nurse.shifts.0.count")
}

// Bad command lines are refused with exit 2 before anything is read.
func TestSweepBadCommandLine(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", "-c", file}, "give at least one key to vary"},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=5..1"}, "FROM 5 is more than TO 1"},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=1,2", "--vary", "pools.agents.staff=3"}, "pools.agents.staff is varied twice"},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=1,2", "--set", "pools.agents.staff=3"}, "pools.agents.staff is both set (pools.agents.staff=3) and varied"},
		{[]string{"sweep", "-c", file, "--vary", "run.replications=1,2", "-r", "3"}, "run.replications is both set"},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=1,2", "--reports"}, "--reports: full reports go in JSON only"},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=1,2", "-f", "html"}, `--format "html": choose table, json, csv`},
	} {
		code, out, stderr := spoa(t, c.args...)
		require.Equal(t, exitBadInput, code, c.args)
		require.Empty(t, out)
		require.Contains(t, stderr, c.want, c.args)
	}
}

// --check exits 1 when no point meets every target, 0 when one does; the
// table shows each point's share within target and whether it was met.
func TestSweepCheckAndTable(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	code, out, stderr := spoa(t, "sweep", "-c", file, "--vary", "pools.agents.staff=16,17", "--check")
	require.Equal(t, exitUnmet, code, stderr)
	require.Contains(t, stderr, "no point of the 2 meets every target")
	require.Contains(t, out, "small: 2 points, each 3 replications of 5 days after 1 day warm-up, seed 11 (common random numbers)")
	require.Regexp(t, `pools.agents.staff  q 80.0% in 20s  agents utilisation +WTE  calls abandoned  all targets met`, out)
	require.Regexp(t, `\n +16 +[0-9.]+% missed +[0-9.]+% +[0-9.]+ +[0-9.]+% +no\n`, out)

	code, out, stderr = spoa(t, "sweep", "-c", file, "--vary", "pools.agents.staff=16,24", "--check")
	require.Equal(t, exitOK, code, stderr)
	require.Regexp(t, `\n +24 +[0-9.]+% met +[0-9.]+% +[0-9.]+ +[0-9.]+% +yes\n`, out)
}

// -o picks the format from the file's extension and writes the file whole.
func TestSweepOutputFile(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	outFile := filepath.Join(t.TempDir(), "sweep.csv")
	code, out, stderr := spoa(t, "sweep", "-c", file, "-r", "2", "--vary", "pools.agents.staff=19,20", "-o", outFile)
	require.Equal(t, 0, code, stderr)
	require.Empty(t, out)
	b, err := os.ReadFile(outFile)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	require.Len(t, lines, 3)
	require.Equal(t, "pools.agents.staff,target.q.achieved,target.q.met,utilisation.agents,wte,calls_abandoned,all_targets_met", lines[0])
	require.True(t, strings.HasPrefix(lines[2], "20,"), lines[2])
}

// cancelOn is a stderr that cancels a command when it writes want: Ctrl-C
// at a known point of a sweep, with no timing.
type cancelOn struct {
	bytes.Buffer
	want   string
	cancel context.CancelFunc
}

func (c *cancelOn) Write(p []byte) (int, error) {
	n, err := c.Buffer.Write(p)
	if strings.Contains(c.String(), c.want) {
		c.cancel()
	}
	return n, err
}

// Ctrl-C part-way writes the points that finished to -o FILE, marked
// partial, and exits 130; to standard output it writes nothing.
func TestSweepInterruptedWritesFinishedPoints(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	outFile := filepath.Join(t.TempDir(), "sweep.json")
	for _, o := range []string{outFile, "-"} {
		ctx, cancel := context.WithCancel(context.Background())
		errw := &cancelOn{want: "point 3/4", cancel: cancel}
		var out bytes.Buffer
		code := mainRun(ctx, []string{"sweep", "-c", file, "--vary", "pools.agents.staff=18..21", "--progress", "-o", o}, &out, errw)
		cancel()
		require.Equal(t, exitInterrupt, code, errw.String())
		if o == "-" {
			require.Empty(t, out.String())
			require.Contains(t, errw.String(), "spoa: interrupted; no sweep written")
			continue
		}
		require.Contains(t, errw.String(), "spoa: interrupted; wrote the 2 of 4 points that finished to "+outFile)
		b, err := os.ReadFile(outFile)
		require.NoError(t, err)
		var sw struct {
			Partial   bool
			Requested int `json:"requested_points"`
			Points    []json.RawMessage
		}
		require.NoError(t, json.Unmarshal(b, &sw))
		require.True(t, sw.Partial)
		require.Equal(t, 4, sw.Requested)
		require.Len(t, sw.Points, 2)
	}
}
