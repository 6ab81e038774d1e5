package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/results/shard"
)

// shardParts runs `spoa run ARGS --shard i/n -o DIR/part-i.json` for each
// shard and returns the parts' paths.
func shardParts(t *testing.T, n int, args ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var parts []string
	for i := 1; i <= n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("part-%d.json", i))
		code, _, stderr := spoa(t, append(append([]string{}, args...), "--shard", fmt.Sprintf("%d/%d", i, n), "-o", p)...)
		require.Equal(t, 0, code, stderr)
		require.Contains(t, stderr, fmt.Sprintf("shard %d/%d", i, n))
		parts = append(parts, p)
	}
	return parts
}

// Three shards merged give, byte for byte, the report of one run in every
// format, whatever the order of the files; the shards hold 2, 2 and 3 of
// the 7 replications. The golden features scenario has chats, texts,
// redials, shifts and several queues and pools, so every kind of
// statistic goes through a part.
func TestThreeShardsMergeToOneRun(t *testing.T) {
	for _, file := range []string{writeFile(t, "small.yaml", small), filepath.Join("testdata", "golden", "features.yaml")} {
		args := []string{"run", "-c", file, "-r", "7"}
		parts := shardParts(t, 3, args...)
		orders := [][]string{{parts[2], parts[0], parts[1]}, {parts[1], parts[2], parts[0]}}
		for _, f := range []string{"table", "json", "csv", "html"} {
			code, want, stderr := spoa(t, append(args, "-f", f)...)
			require.Equal(t, 0, code, stderr)
			for _, order := range orders {
				code, got, stderr := spoa(t, append([]string{"merge", "-f", f}, order...)...)
				require.Equal(t, 0, code, stderr)
				require.Equal(t, want, got, "%s: %s merged in order %v", file, f, order)
			}
		}
		// Into a file, its format from the extension, as spoa run writes.
		out := filepath.Join(t.TempDir(), "report.csv")
		code, _, stderr := spoa(t, append([]string{"merge", "-o", out}, parts...)...)
		require.Equal(t, 0, code, stderr)
		_, want, _ := spoa(t, append(args, "-f", "csv")...)
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		require.Equal(t, want, string(got))
	}
}

// One shard of one is the whole run; a shard's count of replications
// comes from -r like any run's.
func TestOneShardIsTheRun(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	parts := shardParts(t, 1, "run", "-c", file, "--seed", "99")
	_, want, _ := spoa(t, "run", "-c", file, "--seed", "99", "-f", "json")
	code, got, stderr := spoa(t, "merge", "-f", "json", parts[0])
	require.Equal(t, 0, code, stderr)
	require.Equal(t, want, got)
}

// A sweep split into 3 shards of its 5 points merges into the sweep, in
// every format, whatever the order of the files.
func TestSweepShardsMergeToOneSweep(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	args := []string{"sweep", "-c", file, "-r", "2", "--set", "run.days=3", "--vary", "pools.agents.staff=18..22"}
	parts := shardParts(t, 3, args...)
	for _, f := range [][]string{{"-f", "table"}, {"-f", "csv"}, {"-f", "json"}, {"-f", "json", "--reports"}} {
		code, want, stderr := spoa(t, append(append([]string{}, args...), f...)...)
		require.Equal(t, 0, code, stderr)
		code, got, stderr := spoa(t, append(append([]string{"merge"}, f...), parts[1], parts[2], parts[0])...)
		require.Equal(t, 0, code, stderr)
		require.Equal(t, want, got, "%v", f)
	}
	code, out, _ := spoa(t, "merge", "--list", parts[0], parts[2])
	require.Equal(t, 2, code)
	require.Contains(t, out, "points 1 of 5")
	require.Contains(t, out, "points 4-5 of 5")
}

// rewrite reads a part, changes it and writes it, with a checksum that
// matches, to a new file: a part some other spoa, or some other run,
// might have written.
func rewrite(t *testing.T, path string, change func(*shard.Part)) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	p, err := shard.ReadPart(data)
	require.NoError(t, err)
	change(p)
	var buf bytes.Buffer
	require.NoError(t, shard.WritePart(&buf, p))
	out := filepath.Join(t.TempDir(), "changed-"+filepath.Base(path))
	require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o644))
	return out
}

// spoa merge refuses, with exit 2, a clear message and nothing written,
// each bad set of parts; every problem of a set is listed.
func TestMergeRefusesBadSets(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	p := shardParts(t, 3, "run", "-c", file, "-r", "6")
	other := shardParts(t, 3, "run", "-c", file, "-r", "6", "--set", "pools.agents.staff=21")
	seeded := shardParts(t, 3, "run", "-c", file, "-r", "6", "--seed", "12")
	four := shardParts(t, 4, "run", "-c", file, "-r", "6")
	sweep := shardParts(t, 2, "sweep", "-c", file, "-r", "2", "--set", "run.days=2", "--vary", "pools.agents.staff=20,21")
	dir := t.TempDir()
	truncated := filepath.Join(dir, "truncated.json")
	data, err := os.ReadFile(p[1])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(truncated, data[:len(data)/2], 0o644))
	edited := filepath.Join(dir, "edited.json")
	i := bytes.Index(data, []byte(`"Served":`)) + len(`"Served":`)
	flipped := bytes.Clone(data)
	if flipped[i] == '1' { // a digit changed, still JSON
		flipped[i] = '2'
	} else {
		flipped[i] = '1'
	}
	require.NoError(t, os.WriteFile(edited, flipped, 0o644))
	empty := filepath.Join(dir, "empty.json")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	report := filepath.Join(dir, "report.json")
	code, _, _ := spoa(t, "run", "-c", file, "-r", "6", "-o", report)
	require.Equal(t, 0, code)
	newer := rewrite(t, p[2], func(p *shard.Part) { p.Version = "9.9.9" })
	allNewer := []string{rewrite(t, p[0], func(p *shard.Part) { p.Version = "9.9.9" }), rewrite(t, p[1], func(p *shard.Part) { p.Version = "9.9.9" }), newer}
	format2 := rewrite(t, p[2], func(p *shard.Part) { p.FormatVersion = shard.FormatVersion + 1 })
	shapeless := rewrite(t, p[2], func(p *shard.Part) {
		p.Runs[0].Stats[0].Queues = nil
		p.Runs[0].Stats[1].Queues[0].WaitHist.Counts = []int64{1, 2}
	})
	misplaced := rewrite(t, p[2], func(p *shard.Part) { p.Shard = 1 })

	for _, c := range []struct {
		name  string
		parts []string
		want  []string
	}{
		{"different scenarios", []string{p[0], p[1], other[2]}, []string{"the parts are of different scenarios: small "}},
		{"different seeds", []string{p[0], seeded[1], p[2]}, []string{"the parts are of different seeds: 11 (" + p[0] + ", " + p[2] + "); 12 (" + seeded[1] + ")"}},
		{"different versions", []string{p[0], p[1], newer}, []string{"the parts are of different spoa versions: 0.1.0 (" + p[0] + ", " + p[1] + "); 9.9.9 (" + newer + ")"}},
		{"another version", allNewer, []string{"written by spoa 9.9.9 and this is spoa 0.1.0"}},
		{"another format", []string{p[0], p[1], format2}, []string{fmt.Sprintf("%s: a part in format %d", format2, shard.FormatVersion+1)}},
		{"different numbers of shards", []string{p[0], p[1], four[2], four[3]}, []string{"the parts are of different numbers of shards: 3 (" + p[0] + ", " + p[1] + "); 4 ("}},
		{"a missing shard", []string{p[2], p[0]}, []string{"missing shard 2 of 3 (2 of 3 given): run it, or give its file"}},
		{"missing shards", []string{four[2]}, []string{"missing shards 1-2, 4 of 4 (1 of 4 given)"}},
		{"a duplicated shard", []string{p[0], p[1], p[2], p[1]}, []string{"shard 2/3 is given 2 times: " + p[1] + ", " + p[1]}},
		{"a shard given by two files", []string{p[0], p[1], misplaced}, []string{misplaced + ": shard 1/3 of 6 replications should hold replications 1-2, and holds 5-6", "shard 1/3 is given 2 times", "missing shard 3 of 3"}},
		{"a truncated file", []string{p[0], truncated, p[2]}, []string{truncated + ": truncated or damaged (unexpected end of JSON input", "missing shard 2 of 3"}},
		{"statistics not of the scenario", []string{p[0], p[1], shapeless}, []string{shapeless + ": replication 5: 0 queues, the scenario has 1", "replication 6: queue 1: a histogram of 2 bins"}},
		{"an edited file", []string{p[0], edited, p[2]}, []string{edited + ": damaged or edited: its checksum does not match"}},
		{"an empty file", []string{p[0], p[1], p[2], empty}, []string{empty + ": empty"}},
		{"a report, not a part", []string{p[0], p[1], p[2], report}, []string{report + ": not a spoa part file"}},
		{"no such file", []string{p[0], p[1], p[2], filepath.Join(dir, "nothing.json")}, []string{"nothing.json: no such file or directory"}},
		{"a directory", []string{p[0], p[1], p[2], dir}, []string{dir + ": not a regular file"}},
		{"a run and a sweep", []string{p[0], sweep[0]}, []string{"the parts are of different kinds, runs and sweeps"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "merged.json")
			code, stdout, stderr := spoa(t, append([]string{"merge", "-o", out}, c.parts...)...)
			require.Equal(t, 2, code, stderr)
			require.Empty(t, stdout)
			require.Contains(t, stderr, "spoa: cannot merge, nothing written:\n")
			for _, w := range c.want {
				require.Contains(t, stderr, w)
			}
			require.NoFileExists(t, out)
			entries, err := os.ReadDir(filepath.Dir(out))
			require.NoError(t, err)
			require.Empty(t, entries, "nothing left beside the report")
		})
	}
}

// --list says what each part holds and which shards are missing; with
// every shard once it says the set is complete and exits 0.
func TestMergeList(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	p := shardParts(t, 3, "run", "-c", file, "-r", "7")
	code, out, stderr := spoa(t, "merge", "--list", p[2], p[0])
	require.Equal(t, 2, code)
	require.Contains(t, out, p[2]+": shard 3/3: run of small, replications 5-7 of 7, seed 11, scenario ")
	require.Contains(t, out, p[0]+": shard 1/3: run of small, replications 1-2 of 7, seed 11")
	require.NotContains(t, out, "complete")
	require.Contains(t, stderr, "missing shard 2 of 3")
	code, out, stderr = spoa(t, append([]string{"merge", "--list"}, p...)...)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "complete: 3 parts, every shard once\n")
	require.Equal(t, 4, strings.Count(out, "\n"))
}

// Bad --shard and flags that make no sense with it are refused, every
// one listed, with nothing run or written.
func TestShardFlagsRefused(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	dir := t.TempDir()
	part := filepath.Join(dir, "part.json")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"run", "-c", file, "--shard", "0/3", "-o", part}, []string{`--shard "0/3": expected I/N, whole numbers with 1 ≤ I ≤ N`}},
		{[]string{"run", "-c", file, "--shard", "4/3", "-o", part}, []string{`--shard "4/3"`}},
		{[]string{"run", "-c", file, "--shard", "1-3", "-o", part}, []string{`--shard "1-3"`}},
		{[]string{"run", "-c", file, "--shard", "1/3"}, []string{"--shard 1/3: give -o FILE"}},
		{[]string{"run", "-c", file, "--shard", "1/3", "-o", "-"}, []string{"--shard 1/3: give -o FILE"}},
		{[]string{"run", "-c", file, "--shard", "1/3", "-o", part, "-f", "csv", "--check", "--timing"}, []string{"-f csv: a shard writes a part, not a report", "--check belongs to spoa merge", "--timing belongs to spoa merge"}},
		{[]string{"run", "-c", file, "--shard", "1/3", "-r", "x", "--workers", "-1"}, []string{"--shard 1/3: give -o FILE", `--replications "x": expected a whole number`, "--workers -1"}},
		{[]string{"run", "-c", file, "--shard", "4/4", "-o", part}, []string{"--shard 4/4: 4 shards for 3 replications; give at most 3 shards"}},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=20,21", "--shard", "1/3", "-o", part}, []string{"--shard 1/3: 3 shards for 2 points"}},
		{[]string{"sweep", "-c", file, "--vary", "pools.agents.staff=20,21", "--shard", "1/2", "-o", part, "--reports", "--check"}, []string{"--reports belongs to spoa merge", "--check belongs to spoa merge"}},
		{[]string{"merge"}, []string{"requires at least 1 arg"}},
	} {
		code, _, stderr := spoa(t, c.args...)
		require.Equal(t, 2, code, "%v: %s", c.args, stderr)
		for _, w := range c.want {
			require.Contains(t, stderr, w, "%v", c.args)
		}
		require.NoFileExists(t, part)
	}
}

// merge --check judges the targets as run --check does: the same exit
// status and the same lines on stderr, met or not.
func TestMergeCheck(t *testing.T) {
	file := writeFile(t, "small.yaml", small)
	codes := map[int]bool{}
	for _, staff := range []string{"14", "25"} {
		args := []string{"run", "-c", file, "-r", "4", "--set", "pools.agents.staff=" + staff}
		parts := shardParts(t, 2, args...)
		wantCode, _, wantErr := spoa(t, append(args, "--check", "-f", "json")...)
		code, _, stderr := spoa(t, append([]string{"merge", "--check", "-f", "json"}, parts...)...)
		require.Equal(t, wantCode, code, stderr)
		require.Equal(t, wantErr, stderr)
		codes[code] = true
	}
	require.Equal(t, map[int]bool{0: true, 1: true}, codes, "one staffing meets the target, the other does not")
}
