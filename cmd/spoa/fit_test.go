package main

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// traceFile writes a trace of the traced scenario over days days and
// returns its path.
func traceFile(t *testing.T, days string) string {
	t.Helper()
	file := writeFile(t, "traced.yaml", traced)
	trace := filepath.Join(t.TempDir(), "calls.csv")
	code, _, stderr := spoa(t, "run", "-c", file, "-r", "1", "--days", days, "--trace", trace, "-o", filepath.Join(t.TempDir(), "r.json"))
	require.Equal(t, 0, code, stderr)
	return trace
}

// TestFitTraceRuns: a trace, fitted, gives a scenario that spoa runs, a
// report as a table or JSON, and the same from the trace gzipped.
func TestFitTraceRuns(t *testing.T) {
	trace := traceFile(t, "7")
	dir := t.TempDir()
	scen, rep := filepath.Join(dir, "fitted.yaml"), filepath.Join(dir, "fit.json")
	code, out, stderr := spoa(t, "fit", trace, "-o", scen, "--report", rep)
	require.Equal(t, 0, code, stderr)
	require.Empty(t, out)
	require.Contains(t, stderr, "scenario written to "+scen)
	body, err := os.ReadFile(scen)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(body), "# Fitted by spoa fit from "), "a commented scenario")
	require.Contains(t, string(body), "patience")
	code, _, stderr = spoa(t, "run", "-c", scen, "-r", "2", "--days", "2")
	require.Equal(t, 0, code, stderr)

	var r struct {
		Records int64 `json:"records"`
		Queues  []struct {
			Name     string `json:"name"`
			Patience *struct {
				Kept string `json:"kept"`
			} `json:"patience"`
		} `json:"queues"`
	}
	b, err := os.ReadFile(rep)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &r))
	require.Len(t, r.Queues, 2)
	require.NotNil(t, r.Queues[0].Patience)

	// Gzipped, the same report.
	gz := filepath.Join(dir, "calls.csv.gz")
	f, err := os.Create(gz)
	require.NoError(t, err)
	zw := gzip.NewWriter(f)
	raw, err := os.ReadFile(trace)
	require.NoError(t, err)
	_, err = zw.Write(raw)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())
	code, out, stderr = spoa(t, "fit", gz, "-f", "json")
	require.Equal(t, 0, code, stderr)
	require.JSONEq(t, string(b), out)
	require.Contains(t, stderr, "no scenario written")

	code, table, stderr := spoa(t, "fit", trace)
	require.Equal(t, 0, code, stderr)
	for _, w := range []string{"stream", "per day", "weekly shape", "patience", "naive mean (biased)", "nurse", "staff by hour"} {
		require.Contains(t, table, w)
	}
}

// TestFitBadInput: bad records are listed with their lines; more than
// --max-bad of them, or a bad header, flag or file, is bad input (exit 2)
// with nothing written.
func TestFitBadInput(t *testing.T) {
	trace := traceFile(t, "1")
	raw, err := os.ReadFile(trace)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	// Spoil lines 3 and 5 of the file: arrived after it was answered or
	// abandoned; an arrival that is not a time.
	spoilt := strings.Split(lines[4], ",")
	spoilt[4] = "not a time"
	lines[4] = strings.Join(spoilt, ",")
	lines[2] = moveArrivalAfter(t, lines[2])
	dir := t.TempDir()
	file := filepath.Join(dir, "calls.csv")
	require.NoError(t, os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	scen := filepath.Join(dir, "fitted.yaml")

	code, _, stderr := spoa(t, "fit", file, "-o", scen)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stderr, "1 bad record (unparseable time): line 5")
	require.Regexp(t, `1 bad record \((answered|abandoned) before arrival\): line 3`, stderr)
	_, err = os.Stat(scen)
	require.NoError(t, err)
	require.NoError(t, os.Remove(scen))

	code, _, stderr = spoa(t, "fit", file, "-o", scen, "--max-bad", "0")
	require.Equal(t, exitBadInput, code)
	require.Contains(t, stderr, fmt.Sprintf("2 of %d records are bad, more than --max-bad 0 allows: nothing was written", len(lines)-1))
	_, err = os.Stat(scen)
	require.ErrorIs(t, err, os.ErrNotExist)

	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--map", "queue"}, []string{`--map "queue": expected COLUMN=FIELD`}},
		{[]string{"--map", "Skill=queue", "--map", "x=arrival"}, []string{`--map Skill=queue: no column "Skill"`, `--map x=arrival: no field "arrival"`}},
		{[]string{"-o", filepath.Join(dir, "fitted.txt")}, []string{"is written as .yaml, .yml or .json"}},
		{[]string{"-f", "html"}, []string{`--format "html"`}},
		{[]string{"--max-bad", "2"}, []string{"--max-bad 2: expected a share from 0 to 1"}},
	} {
		code, _, stderr := spoa(t, append([]string{"fit", file}, c.args...)...)
		require.Equal(t, exitBadInput, code, "%v: %s", c.args, stderr)
		for _, w := range c.want {
			require.Contains(t, stderr, w, c.args)
		}
	}
	code, _, stderr = spoa(t, "fit", filepath.Join(dir, "none.csv"))
	require.Equal(t, exitBadInput, code)
	require.Contains(t, stderr, "none.csv: no such file")
	empty := filepath.Join(dir, "empty.csv")
	require.NoError(t, os.WriteFile(empty, []byte("arrive,queue\n"), 0o644))
	code, _, stderr = spoa(t, "fit", empty, "-o", scen)
	require.Equal(t, exitBadInput, code)
	require.Contains(t, stderr, "no usable records: nothing was written")
	_, err = os.Stat(scen)
	require.ErrorIs(t, err, os.ErrNotExist)
}

// moveArrivalAfter sets a trace row's arrival after its answer.
func moveArrivalAfter(t *testing.T, row string) string {
	t.Helper()
	f := strings.Split(row, ",")
	require.Len(t, f, 11)
	if f[6] == "" { // abandoned: its abandonment time
		f[4] = "2099" + f[7][4:]
	} else {
		f[4] = "2099" + f[6][4:]
	}
	return strings.Join(f, ",")
}
