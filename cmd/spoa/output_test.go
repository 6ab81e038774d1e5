package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// long is a scenario whose run takes minutes: a check that comes after
// the run would make a test that uses it time out.
const long = `name: long
run: {days: 20000, warmup_days: 0, replications: 1, seed: 5}
streams: [{name: calls, arrivals: {per_hour: 100}, enter: q}]
queues:
  - {name: q, priority: 1, patience: {dist: exponential, mean: 5m},
     service: {dist: exponential, mean: 10m}, served_by: [agents], routes: {done: 1.0}}
pools: [{name: agents, staff: 20}]
`

// -o is resolved and checked before anything runs: nothing but a regular
// file is ever replaced, a scenario file is never overwritten by its
// report, and a report that could not be written costs no run.
func TestOutputCheckedFirst(t *testing.T) {
	scenario := writeFile(t, "long.yaml", long)
	dir := t.TempDir()
	devNull := filepath.Join(dir, "null-link")
	require.NoError(t, os.Symlink(os.DevNull, devNull))
	dangling := filepath.Join(dir, "dangling")
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere", "r.json"), dangling))
	scenarioLink := filepath.Join(dir, "scenario-link.yaml")
	require.NoError(t, os.Symlink(scenario, scenarioLink))
	before, err := os.ReadFile(scenario)
	require.NoError(t, err)

	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"a device", []string{"run", "-c", scenario, "-o", os.DevNull}, "not a regular file"},
		{"a link to a device", []string{"run", "-c", scenario, "-o", devNull}, "not a regular file"},
		{"a directory", []string{"run", "-c", scenario, "-o", dir}, "not a regular file"},
		{"no such directory", []string{"run", "-c", scenario, "-o", filepath.Join(dir, "nodir", "r.json")}, "no directory"},
		{"a link to nothing", []string{"run", "-c", scenario, "-o", dangling}, "a symbolic link to nothing"},
		{"the scenario itself", []string{"run", "-c", scenario, "-f", "table", "-o", scenario}, "this is the scenario file"},
		{"the scenario through a link", []string{"run", "-c", scenario, "-f", "table", "-o", scenarioLink}, "this is the scenario file"},
		{"a compared scenario", []string{"compare", scenario, scenario, "-f", "csv", "-o", scenario}, "this is the scenario file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			code, stdout, stderr := spoa(t, c.args...)
			require.Equal(t, exitBadInput, code, stderr)
			require.Contains(t, stderr, c.want)
			require.Empty(t, stdout)
			require.Less(t, time.Since(start), 10*time.Second, "refused before the run, which takes minutes")
		})
	}
	st, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	require.NotZero(t, st.Mode()&os.ModeDevice, "%s is still a device", os.DevNull)
	after, err := os.ReadFile(scenario)
	require.NoError(t, err)
	require.Equal(t, before, after, "the scenario file is untouched")
	target, err := os.Readlink(devNull)
	require.NoError(t, err)
	require.Equal(t, os.DevNull, target, "the link is untouched")
}

// A report to a symbolic link replaces the file it points to, and leaves
// the link a link; "-o -" is standard output, not a file named "-".
func TestOutputThroughLink(t *testing.T) {
	scenario := writeFile(t, "small.yaml", small)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	require.NoError(t, os.WriteFile(real, []byte("old"), 0o644))
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Symlink(real, link))
	code, _, stderr := spoa(t, "run", "-c", scenario, "-o", link)
	require.Equal(t, exitOK, code, stderr)
	st, err := os.Lstat(link)
	require.NoError(t, err)
	require.NotZero(t, st.Mode()&os.ModeSymlink, "still a link")
	data, err := os.ReadFile(real)
	require.NoError(t, err)
	require.Contains(t, string(data), `"scenario": "small"`)
	noTempFiles(t, dir, "real.json", "link.json")

	t.Chdir(dir)
	code, stdout, stderr := spoa(t, "run", "-c", scenario, "-o", "-", "-f", "csv")
	require.Equal(t, exitOK, code, stderr)
	require.Contains(t, stdout, "section,name,measure")
	noTempFiles(t, dir, "real.json", "link.json")
}

// init refuses to replace what is there, a link to nothing included
// (Lstat, not Stat), and even with --force replaces only a regular file.
func TestInitReplacesOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	dangling := filepath.Join(dir, "mmc.yaml")
	require.NoError(t, os.Symlink(filepath.Join(dir, "elsewhere.yaml"), dangling))
	code, _, stderr := spoa(t, "init", "mmc", "-o", dangling)
	require.Equal(t, exitBadInput, code, stderr)
	require.Contains(t, stderr, "exists; use --force")
	_, err := os.Stat(filepath.Join(dir, "elsewhere.yaml"))
	require.ErrorIs(t, err, os.ErrNotExist, "nothing written through the link")

	code, _, stderr = spoa(t, "init", "mmc", "--force", "-o", os.DevNull)
	require.Equal(t, exitBadInput, code, stderr)
	require.Contains(t, stderr, "not a regular file")
}

// Run flags are checked as numbers of their kind: a blank --seed used to
// remove the seed, -r 0 to run the scenario's own count, and a negative
// --workers to pass; every mistake is listed.
func TestRunFlagsChecked(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--seed", " "}, []string{`--seed " ": expected a whole number`}},
		{[]string{"--seed", "-1"}, []string{`--seed "-1"`}},
		{[]string{"-r", "0"}, []string{`--replications "0": expected a whole number, 1 or more`}},
		{[]string{"--workers", "-5"}, []string{"--workers -5: expected 1 or more"}},
		{[]string{"--days", "ten", "--warmup", ""}, []string{`--days "ten"`, `--warmup ""`}},
	} {
		code, stdout, stderr := spoa(t, append([]string{"run", "-c", file}, c.args...)...)
		require.Equal(t, exitBadInput, code, "%v: %s", c.args, stderr)
		require.Empty(t, stdout)
		for _, w := range c.want {
			require.Contains(t, stderr, w, c.args)
		}
	}
	code, _, stderr := spoa(t, "run", "-c", file, "--seed", "18446744073709551615", "-r", "1", "--days", "0.5", "-f", "csv")
	require.Equal(t, exitOK, code, "the largest seed is a seed: %s", stderr)
}

// compare reads every scenario before running any, and lists the problems
// of all of them, not only the first.
func TestCompareListsEveryProblem(t *testing.T) {
	a := writeFile(t, "a.yaml", long)
	b := writeFile(t, "b.yaml", `name: b
run: {days: 1, replications: 1}
`)
	c := writeFile(t, "c.yaml", `name: c
run: {days: 0, replications: 1}
`)
	start := time.Now()
	code, stdout, stderr := spoa(t, "compare", a, b, c)
	require.Equal(t, exitBadInput, code, stderr)
	require.Empty(t, stdout)
	require.Contains(t, stderr, b+": streams: none given")
	require.Contains(t, stderr, c+": run.days: must be more than 0")
	require.Contains(t, stderr, "nothing was run")
	require.Less(t, time.Since(start), 10*time.Second, "a, which takes minutes, never ran")
}
