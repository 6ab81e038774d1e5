package results_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config/load"
	"spoa/results"
)

// Every figure's 95% interval lies within what its measure can take: no
// share below 0% or above 100%, no negative time or count. The baseline's
// many shares near 0 and waits near 0s (60 figures fell outside before)
// make the cut bite, which the test checks too.
func TestIntervalsWithinRange(t *testing.T) {
	s, err := load.Embedded("blmk-current", []string{"run.days=2", "run.warmup_days=1", "run.replications=3"})
	require.NoError(t, err)
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	cut := 0
	check := func(where string, u results.Unit, f results.Figure) {
		hi := 1e300
		if u == results.Fraction {
			hi = 1
		}
		require.GreaterOrEqual(t, f.CI95Low, 0.0, where)
		require.LessOrEqual(t, f.CI95High, hi, where)
		require.LessOrEqual(t, f.CI95Low, f.Mean, where)
		require.GreaterOrEqual(t, f.CI95High, f.Mean, where)
		if f.HasCI() && (f.CI95Low == 0 && f.Mean > 0 || f.CI95High == 1 && f.Mean < 1 && u == results.Fraction) {
			cut++
		}
	}
	for _, sec := range results.Sections {
		for name, figs := range r.Rows(sec) {
			for m, f := range figs.All() {
				check(sec.Name+" "+name+" "+m.Name, m.Unit, f)
			}
		}
	}
	for _, p := range results.Profiles {
		for name, bins := range r.Hourly[p.Name] {
			for h, f := range bins {
				check("hourly "+p.Name+" "+name, p.Unit, f)
				_ = h
			}
		}
	}
	t.Logf("%d intervals cut at 0 or 1", cut)
	require.Greater(t, cut, 10, "the cut was needed")
}

// One replication gives no interval and the report says so, rather than
// show "± 0s" as if certain; a figure no replication could measure shows
// "-", never 0s or 0.0%; and a target nobody was answered for is said to
// be unjudged.
func TestNoFalseCertainty(t *testing.T) {
	table := func(sets ...string) string {
		s, err := load.Embedded("mmc", append([]string{"run.days=1", "run.warmup_days=0",
			"queues.q.target={within: 20s, fraction: 0.8}"}, sets...))
		require.NoError(t, err)
		r, err := results.Simulate(context.Background(), s, results.Options{})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, results.WriteTable(&b, r))
		return b.String()
	}
	one := table("run.replications=1")
	require.Contains(t, one, "(n=1, no CI)")
	require.NotContains(t, one, "± 0")
	require.Regexp(t, `80\.0% answered within 20s: \d+\.\d% \(n=1, no CI\)`, one)

	nobody := table("run.replications=2", "pools.agents.staff=0")
	q := strings.Fields(lineOf(t, nobody, "  q "))
	require.Equal(t, "0.0", q[2], "none answered")
	require.Equal(t, []string{"-", "-", "-", "-", "-", "-"}, q[4:10],
		"no mean wait (nor its ±), no centiles, no share that waited, no share within target: nobody was served")
	require.Contains(t, nobody, "80.0% answered within 20s: nobody was answered, so it cannot be judged NOT met")
}

func lineOf(t *testing.T, text, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("no line starting %q in:\n%s", prefix, text)
	return ""
}

// The CSV writes the seed as the whole number it is, all 20 digits, where
// a float64 would round it and write it in exponent form.
func TestCSVSeedExact(t *testing.T) {
	s, err := load.Embedded("mmc", []string{"run.days=0.1", "run.warmup_days=0", "run.replications=1"})
	require.NoError(t, err)
	s.Run.Seed = 18446744073709551615
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, results.WriteCSV(&b, r))
	require.Contains(t, b.String(), "\nrun,mmc,seed,,,18446744073709551615,0,18446744073709551615,18446744073709551615,1\n")
}
