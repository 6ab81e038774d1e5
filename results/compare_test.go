package results

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat/distuv"

	"spoa/config"
	"spoa/sim"
)

func runMMc(t *testing.T, staff float64, reps int) Run {
	t.Helper()
	exp := func(d time.Duration) config.Dist {
		return config.Dist{Dist: config.Exponential, Mean: config.Duration(d)}
	}
	pat := exp(5 * time.Minute)
	s := &config.Scenario{
		Name:    "mmc",
		Run:     config.Run{Days: 20, WarmupDays: 1, Replications: reps, Seed: 3},
		Streams: []config.Stream{{Name: "calls", Arrivals: config.Arrivals{PerHour: 100}, Enter: "q"}},
		Queues: []config.Queue{{Name: "q", Priority: 1, Patience: &pat, Service: exp(10 * time.Minute), ServedBy: []string{"agents"},
			Target: &config.Target{Within: config.Duration(20 * time.Second), Fraction: 0.8}, Routes: map[string]float64{"done": 1}}},
		Pools: []config.Pool{{Name: "agents", Staff: &staff}},
	}
	require.NoError(t, config.Validate(s))
	m, err := sim.Compile(s)
	require.NoError(t, err)
	st, err := sim.Run(context.Background(), m, sim.Options{})
	require.NoError(t, err)
	return Run{Name: s.Name, Model: m, Stats: st}
}

func row(t *testing.T, c *Comparison, section, name, measure string) CompareRow {
	t.Helper()
	for _, r := range c.Rows {
		if r.Section == section && r.Name == name && r.Measure == measure {
			return r
		}
	}
	t.Fatalf("no row %s %s %s", section, name, measure)
	return CompareRow{}
}

// A scenario compared with itself differs by exactly nothing.
func TestCompareWithItself(t *testing.T) {
	a := runMMc(t, 20, 6)
	c := Compare(3, []Run{a, a})
	require.NotEmpty(t, c.Rows)
	for _, r := range c.Rows {
		require.Nil(t, r.Diffs[0])
		d := r.Diffs[1]
		require.NotNil(t, d, "%s %s %s", r.Section, r.Name, r.Measure)
		if !d.Measured() {
			continue // e.g. time to clinician with no clinician pool
		}
		require.Zero(t, d.Mean, "%s %s %s", r.Section, r.Name, r.Measure)
		require.Zero(t, d.CI95Low)
		require.Zero(t, d.CI95High)
	}
}

// Common random numbers work: for two close scenarios (20 and 21 staff)
// the paired CI of a difference is much narrower than the unpaired
// (Welch) one computed from the two scenarios' own spreads.
func TestCompareCommonRandomNumbers(t *testing.T) {
	const reps = 10
	c := Compare(3, []Run{runMMc(t, 20, reps), runMMc(t, 21, reps)})
	for _, m := range []struct{ section, name, measure string }{
		{"queues", "q", "asa_s"},
		{"streams", "calls", "abandon_fraction"},
		{"pools", "agents", "utilisation"},
	} {
		r := row(t, c, m.section, m.name, m.measure)
		a, b, d := r.Values[0], r.Values[1], r.Diffs[1]
		paired := (d.CI95High - d.CI95Low) / 2
		se := math.Sqrt(a.SD*a.SD/reps + b.SD*b.SD/reps)
		unpaired := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: 2*reps - 2}.Quantile(0.975) * se
		t.Logf("%s %s: difference %.4g, paired ±%.3g, unpaired ±%.3g", m.name, m.measure, d.Mean, paired, unpaired)
		require.Less(t, paired, unpaired/2, "%s: common random numbers should at least halve the CI", m.measure)
		require.InDelta(t, b.Mean-a.Mean, d.Mean, 1e-9, "the mean difference is the difference of means")
	}
	// More staff: shorter waits, with a CI that leaves out zero.
	r := row(t, c, "queues", "q", "asa_s")
	require.Less(t, r.Diffs[1].CI95High, 0.0)
}

func TestCompareWriters(t *testing.T) {
	a := runMMc(t, 20, 3)
	b := runMMc(t, 22, 3)
	c := Compare(3, []Run{a, b})
	var buf bytes.Buffer
	require.NoError(t, WriteCompareTable(&buf, c))
	require.Contains(t, buf.String(), "q mean wait")
	require.Contains(t, buf.String(), " *", "a clear difference is marked")
	buf.Reset()
	require.NoError(t, WriteCompareCSV(&buf, c))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "diff_ci95_high", rows[0][12])
	require.Equal(t, 1+2*len(c.Rows), len(rows), "one row a scenario and measure")
	buf.Reset()
	require.NoError(t, WriteCompareJSON(&buf, c))
	require.Contains(t, buf.String(), `"scenarios"`)
}
