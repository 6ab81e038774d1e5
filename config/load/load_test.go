package load

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// The mmc scenario in JSON and TOML; each must decode to what mmc.yaml
// decodes to.
const mmcJSON = `{
  "name": "mmc",
  "description": "M/M/c with exponential patience (Erlang A), 100 calls an hour to 20 agents; for analytic checks.",
  "run": {"days": 100, "warmup_days": 2, "replications": 10, "seed": 7},
  "streams": [{"name": "calls", "arrivals": {"per_hour": 100}, "enter": "q"}],
  "queues": [{"name": "q", "priority": 1, "patience": {"dist": "exponential", "mean": "5m"},
              "service": {"dist": "exponential", "mean": "10m"}, "served_by": ["agents"],
              "routes": {"done": 1.0}}],
  "pools": [{"name": "agents", "staff": 20}]
}`

const mmcTOML = `
name = "mmc"
description = "M/M/c with exponential patience (Erlang A), 100 calls an hour to 20 agents; for analytic checks."
run = {days = 100, warmup_days = 2, replications = 10, seed = 7}

[[streams]]
name = "calls"
arrivals = {per_hour = 100}
enter = "q"

[[queues]]
name = "q"
priority = 1
patience = {dist = "exponential", mean = "5m"}
service = {dist = "exponential", mean = "10m"}
served_by = ["agents"]
routes = {done = 1.0}

[[pools]]
name = "agents"
staff = 20
`

func TestFormatsDecodeAlike(t *testing.T) {
	want, err := Embedded("mmc", nil)
	require.NoError(t, err)
	for _, tc := range []struct{ format, src string }{{"json", mmcJSON}, {"toml", mmcTOML}} {
		t.Run(tc.format, func(t *testing.T) {
			got, err := Bytes([]byte(tc.src), tc.format, "mmc."+tc.format, nil)
			require.NoError(t, err)
			assert.Equal(t, want, got)
			assert.Equal(t, config.Hash(want), config.Hash(got))
		})
	}
}

func TestMMCDecodesAsWritten(t *testing.T) {
	s, err := Embedded("mmc", nil)
	require.NoError(t, err)
	staff := 20.0
	assert.Equal(t, &config.Scenario{
		Name:        "mmc",
		Description: s.Description,
		Run:         config.Run{Days: 100, WarmupDays: 2, Replications: 10, Seed: 7},
		Streams:     []config.Stream{{Name: "calls", Arrivals: config.Arrivals{PerHour: 100}, Enter: "q"}},
		Queues: []config.Queue{{
			Name: "q", Priority: 1,
			Patience: &config.Dist{Dist: config.Exponential, Mean: config.Duration(5 * time.Minute)},
			Service:  config.Dist{Dist: config.Exponential, Mean: config.Duration(10 * time.Minute)},
			ServedBy: []string{"agents"},
			Routes:   map[string]float64{"done": 1},
		}},
		Pools: []config.Pool{{Name: "agents", Staff: &staff}},
	}, s)
}

func TestLoadByExtension(t *testing.T) {
	dir := t.TempDir()
	yaml, err := config.Source("mmc")
	require.NoError(t, err)
	want, err := Embedded("mmc", nil)
	require.NoError(t, err)
	for name, src := range map[string]string{
		"a.yaml": string(yaml), "b.yml": string(yaml), "c.json": mmcJSON, "d.TOML": mmcTOML,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
			got, err := File(context.Background(), path, nil)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// TestFileProblems: problems with the file as a whole are config.Problems too,
// with the file's name and no path.
func TestFileProblems(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "s.txt")
	require.NoError(t, os.WriteFile(txt, []byte("name: x"), 0o644))
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("name: [x\n"), 0o644))
	cases := []struct{ path, want string }{
		{filepath.Join(dir, "none.yaml"), filepath.Join(dir, "none.yaml") + ": cannot read the file: no such file or directory"},
		{txt, txt + `: unknown file type "txt": use .yaml, .yml, .json or .toml`},
		{bad, bad + ": cannot read YAML: yaml: line 1: did not find expected ',' or ']'"},
	}
	for _, tc := range cases {
		_, err := File(context.Background(), tc.path, nil)
		var ps *config.Problems
		require.ErrorAs(t, err, &ps)
		assert.Equal(t, tc.want, err.Error())
	}
}

// A file larger than MaxFileSize is refused, naming the limit, without
// reading more than the limit; one of exactly the limit is read.
func TestFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	// Comment lines: a document with nothing in it, cheap to parse.
	line := "#" + strings.Repeat("-", 62) + "\n"
	fill := bytes.Repeat([]byte(line), MaxFileSize/len(line))
	fill = append(fill, bytes.Repeat([]byte("\n"), MaxFileSize-len(fill))...)
	at := filepath.Join(dir, "at.yaml")
	require.NoError(t, os.WriteFile(at, fill, 0o644))
	over := filepath.Join(dir, "over.yaml")
	require.NoError(t, os.WriteFile(over, append(fill, '\n'), 0o644))

	_, err := File(context.Background(), at, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), at+": name: missing", "read and checked")

	_, err = File(context.Background(), over, nil)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, over+": cannot read the file: it is larger than the limit of 4 MiB for a scenario file", err.Error())
}

func TestDirectoryRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d.yaml")
	require.NoError(t, os.Mkdir(dir, 0o755))
	_, err := File(context.Background(), dir, nil)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, dir+": cannot read the file: it is a directory; a scenario is read only from a regular file", err.Error())
}

// File stops when its context is done, returning the context's error
// rather than a problem with the scenario: before reading, and while a
// large document is being read.
func TestFileStopsWhenCancelled(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "mmc.yaml")
	src, err := config.Source("mmc")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(small, src, 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = File(ctx, small, nil)
	require.ErrorIs(t, err, context.Canceled)

	// Four MB of numbers: seconds to read in full here.
	big := filepath.Join(dir, "big.yaml")
	body := "name: x\ndescription: [" + strings.Repeat("1.5, ", (MaxFileSize-100)/5) + "1]\n"
	require.NoError(t, os.WriteFile(big, []byte(body), 0o644))
	const after = 50 * time.Millisecond
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(after, cancel)
	start := time.Now()
	_, err = File(ctx, big, nil)
	stopped := time.Since(start)
	t.Logf("cancelled after %v, stopped after %v", after, stopped)
	// Read in full, the document is refused for its description; cancelled
	// part-way, the reading stops with the context's error. (How soon is
	// not asserted: on a busy machine any bound is a guess.)
	require.ErrorIs(t, err, context.Canceled)
}

func TestSet(t *testing.T) {
	cases := []struct {
		name  string
		sets  []string
		check func(t *testing.T, s *config.Scenario)
	}{
		{"number by pool name", []string{"pools.a.staff=4"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, 4.0, *s.Pools[0].Staff)
		}},
		{"duration by queue name", []string{"queues.q.service.mean=9m"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, config.Duration(9*time.Minute), s.Queues[0].Service.Mean)
		}},
		{"numeric index", []string{"queues.0.priority=2"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, 2, s.Queues[0].Priority)
		}},
		{"index as written in problems", []string{"queues[0].priority=3"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, 3, s.Queues[0].Priority)
		}},
		{"top-level number", []string{"run.days=10"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, 10.0, s.Run.Days)
		}},
		{"list value", []string{"streams.s.arrivals.hourly=[1,1,1,1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,2,2]"}, func(t *testing.T, s *config.Scenario) {
			assert.Len(t, s.Streams[0].Arrivals.Hourly, 24)
			assert.Equal(t, 2.0, s.Streams[0].Arrivals.Hourly[23])
		}},
		{"key absent from the file", []string{"pools.a.shrinkage=0.2", "queues.q.target.within=20s", "queues.q.target.fraction=0.8"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, 0.2, s.Pools[0].Shrinkage)
			assert.Equal(t, &config.Target{Within: config.Duration(20 * time.Second), Fraction: 0.8}, s.Queues[0].Target)
		}},
		{"mapping value", []string{"queues.q.patience={dist: constant, mean: 2m}"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, &config.Dist{Dist: config.Constant, Mean: config.Duration(2 * time.Minute)}, s.Queues[0].Patience)
		}},
		{"null removes", []string{"queues.q.patience=null"}, func(t *testing.T, s *config.Scenario) {
			assert.Nil(t, s.Queues[0].Patience)
		}},
		{"new route, later set wins", []string{"queues.q.routes.ed=0.5", "queues.q.routes.done=0.4", "queues.q.routes.done=0.5"}, func(t *testing.T, s *config.Scenario) {
			assert.Equal(t, map[string]float64{"done": 0.5, "ed": 0.5}, s.Queues[0].Routes)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Bytes([]byte(ok), "yaml", "t.yaml", tc.sets)
			require.NoError(t, err)
			tc.check(t, s)
		})
	}
}

func TestSetProblems(t *testing.T) {
	cases := []struct{ set, want string }{
		{"pools.nurse.staff=4", `t.yaml: pools.nurse.staff: --set: pools has no element named "nurse" (names: "a")`},
		{"queues.q.sevice.mean=9m", `t.yaml: queues.q.sevice.mean: --set: unknown key "sevice" (did you mean "service"?)`},
		{"queues.5.priority=1", "t.yaml: queues.5.priority: --set: index 5 is out of range: queues has 1 elements"},
		{"run.days.x=1", `t.yaml: run.days.x: --set: run.days is a single value, with no key "x" under it`},
		{"run.days", "t.yaml: run.days: --set: expected key=value"},
		{"run.days=[1", `t.yaml: run.days: --set: cannot read value "[1" as YAML: yaml: line 1: did not find expected ',' or ']'`},
		{"queues.q.served_by.nurse=1", `t.yaml: queues.q.served_by.nurse: --set: queues.q.served_by has no named elements; use a 0-based index`},
		{"run.days=ten", `t.yaml: run.days: expected a number, got "ten"`},
		{"queues.q.service.mean=9", `t.yaml: queues[0].service.mean: 9 has no unit: write a duration such as "9s" or "9m"`},
	}
	for _, tc := range cases {
		t.Run(tc.set, func(t *testing.T) {
			_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{tc.set})
			var ps *config.Problems
			require.ErrorAs(t, err, &ps)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestHash(t *testing.T) {
	a, err := Bytes([]byte(ok), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	b, err := Bytes([]byte(ok), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	assert.Len(t, config.Hash(a), 64)
	assert.Equal(t, config.Hash(a), config.Hash(b), "same scenario, same hash")
	for i := 0; i < 20; i++ { // map order must not leak into the hash
		assert.Equal(t, config.Hash(a), config.Hash(b))
	}

	c, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"run.seed=8"})
	require.NoError(t, err)
	assert.NotEqual(t, config.Hash(a), config.Hash(c), "a changed value changes the hash")

	d, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"queues.q.service.mean=5m1s"})
	require.NoError(t, err)
	assert.NotEqual(t, config.Hash(a), config.Hash(d))
}
