package fit

import (
	"bytes"
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/records"
	"spoa/results"
	"spoa/sim"
)

func dist(kind config.DistKind, mean, sd time.Duration) config.Dist {
	return config.Dist{Dist: kind, Mean: config.Duration(mean), SD: config.Duration(sd)}
}

// known is the scenario the round trip starts from: one stream with a
// daily profile and days that vary, a queue with lognormal service and
// exponential patience, routes to two destinations, 20 staff.
func known(days float64) *config.Scenario {
	staff := 20.0
	patience := config.Dist{Dist: config.Exponential, Mean: config.Duration(4 * time.Minute)}
	return &config.Scenario{
		Name: "known",
		Run:  config.Run{Days: days, WarmupDays: 1, Replications: 10, Seed: 2024},
		Streams: []config.Stream{{Name: "calls", Enter: "q", Arrivals: config.Arrivals{PerDay: 2400, DayCV: 0.1,
			Hourly: []float64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1}}}},
		Queues: []config.Queue{{Name: "q", Priority: 1, Patience: &patience, Service: dist(config.Lognormal, 8*time.Minute, 4*time.Minute),
			ServedBy: []string{"agents"}, Routes: map[string]float64{"ed": 0.3, "home": 0.7}}},
		Pools: []config.Pool{{Name: "agents", Staff: &staff}},
	}
}

// traceOf simulates replication rep of s with a trace and fits the trace,
// read back as a file would be.
func traceOf(t testing.TB, s *config.Scenario, rep int) *Result {
	t.Helper()
	m, err := sim.Compile(s)
	require.NoError(t, err)
	var buf bytes.Buffer
	tw, err := results.NewTraceWriter(&buf, m, 0)
	require.NoError(t, err)
	_, err = sim.ReplicateTrace(context.Background(), m, m.Seed, rep, tw.Write)
	require.NoError(t, err)
	require.NoError(t, tw.Flush())
	rd, err := records.NewReader(&buf, nil)
	require.NoError(t, err)
	f := New(Options{})
	require.NoError(t, f.ReadAll(context.Background(), rd))
	return f.Result()
}

// TestRoundTrip: a trace of a known scenario, fitted, gives back its
// arrival rates, day_cv, service time, patience and routes within their
// intervals; and the fitted scenario, run with the known staff (a trace
// names pools, not agents, so the fit sees only how many were busy),
// gives the known scenario's waits and abandonment within their
// intervals. Each check is at 95%, so some trace fails one of them by
// chance: this one is of replication 1; replication 0's patience comes out
// 3% low, just outside its interval (replications 1 to 3 pass every check).
func TestRoundTrip(t *testing.T) {
	s := known(28)
	r := traceOf(t, s, 1)
	require.Zero(t, r.BadCount)
	require.EqualValues(t, 28, r.Days)

	require.Len(t, r.Streams, 1)
	st := r.Streams[0]
	require.True(t, st.PerDay.Contains(2400), "per_day %+v", st.PerDay)
	// Given the days' volumes, the hours' shares are multinomial: a
	// chi-square of the hours' counts against the known profile.
	weights := s.Streams[0].Arrivals.Hourly
	var wsum, x2 float64
	for _, w := range weights {
		wsum += w
	}
	for h, w := range weights {
		want := float64(st.Arrivals) * w / wsum
		got := st.Hourly[h].Value * float64(r.Days)
		x2 += (got - want) * (got - want) / want
	}
	require.Less(t, x2, 41.6, "chi-square of the hourly counts, 23 df: p < 0.01") // 99th centile of χ²(23)
	require.True(t, st.HourlyTest.Kept, "the known day has a shape: %+v", st.HourlyTest)
	require.NotNil(t, st.Weekly)
	require.False(t, st.Weekly.Kept, "the known scenario has no weekly shape: %+v", st.Weekly)
	require.True(t, st.DayCVKept)
	require.True(t, st.DayCV.Contains(0.1), "day_cv %+v", *st.DayCV)

	require.Len(t, r.Queues, 1)
	q := r.Queues[0]
	require.Equal(t, "lognormal", q.Service.Kept)
	require.True(t, q.Service.Mean.Contains(480), "service mean %+v", q.Service.Mean)
	require.True(t, q.Service.SD.Contains(240), "service sd %+v", q.Service.SD)
	require.Less(t, q.Service.KS, poorKS)
	require.True(t, q.Patience.Exponential.Mean.Contains(240), "patience mean %+v", q.Patience.Exponential.Mean)
	require.True(t, q.Patience.Weibull.Shape.Contains(1), "weibull shape %+v", q.Patience.Weibull.Shape)
	require.Less(t, q.Patience.NaiveMean, 120.0, "the naive mean is far below patience")
	require.Len(t, q.Routes, 2)
	require.Equal(t, "ed", q.Routes[0].To)
	require.True(t, q.Routes[0].Share.Contains(0.3), "share to ed %+v", q.Routes[0].Share)
	require.Equal(t, []string{"agents"}, q.ServedBy)

	fitted := r.Scenario("fitted")
	require.NoError(t, config.Validate(fitted))
	// The most seen busy at once is a lower bound of those on duty; at
	// the peak, with callers abandoning, it is all of them.
	require.Equal(t, 20.0, slices.Max(r.Pools[0].Hourly[:]))
	staff := 20.0
	fitted.Pools[0] = config.Pool{Name: "agents", Staff: &staff}

	run := func(sc *config.Scenario) *results.Report {
		sc.Run = config.Run{Days: 7, WarmupDays: 1, Replications: 10, Seed: 99}
		rep, err := results.Simulate(context.Background(), sc, results.Options{})
		require.NoError(t, err)
		return rep
	}
	orig, got := run(known(28)), run(fitted)
	for _, m := range []string{"asa_s", "abandon_fraction"} {
		a, b := orig.Queues["q"].Get(m), got.Queues["q"].Get(m)
		ha, hb := (a.CI95High-a.CI95Low)/2, (b.CI95High-b.CI95Low)/2
		t.Logf("%s: known %.4g ± %.2g, fitted %.4g ± %.2g", m, a.Mean, ha, b.Mean, hb)
		require.InDelta(t, a.Mean, b.Mean, math.Hypot(ha, hb), "%s: known and fitted differ by more than their intervals allow", m)
	}
}

// TestStrayDate: a record dated a year out stretches the days the records
// cover, and the fit says so.
func TestStrayDate(t *testing.T) {
	rd, err := records.NewReader(bytes.NewBufferString("arrive\n2024-01-01T08:00:00Z\n2024-01-02T08:00:00Z\n2025-01-01T08:00:00Z\n"), nil)
	require.NoError(t, err)
	f := New(Options{})
	require.NoError(t, f.ReadAll(context.Background(), rd))
	r := f.Result()
	require.EqualValues(t, 367, r.Days)
	require.Contains(t, strings.Join(r.Warnings, "\n"), "364 of the 367 days from the first record to the last have no arrival at all")
}

// TestNames: the records' names become names a scenario takes, distinct,
// and the scenario they make is valid.
func TestNames(t *testing.T) {
	csv := "arrive,stream,queue,answered,end,next,pool\n" +
		"2024-01-01T08:00:00Z,NHS 111,Skill 1,2024-01-01T08:00:10Z,2024-01-01T08:05:00Z,Skill-2,Team A\n" +
		"2024-01-01T08:10:00Z,NHS 111,Skill 1,2024-01-01T08:10:10Z,2024-01-01T08:15:00Z,skill 2,Team A\n" +
		"2024-01-01T08:20:00Z,Nurse Line,SKILL 2,2024-01-01T08:20:10Z,2024-01-01T08:25:00Z,Skill 1,team a\n"
	rd, err := records.NewReader(strings.NewReader(csv), nil)
	require.NoError(t, err)
	f := New(Options{})
	require.NoError(t, f.ReadAll(context.Background(), rd))
	r := f.Result()
	nm := r.Names()
	require.Equal(t, map[string]string{"NHS 111": "nhs_111", "Nurse Line": "nurse_line"}, nm.Streams)
	require.Equal(t, map[string]string{"SKILL 2": "skill_2", "Skill 1": "skill_1"}, nm.Queues)
	require.Equal(t, map[string]string{"Team A": "team_a", "team a": "team_a_2"}, nm.Pools)
	// "skill 2" is no queue of the records (they are case-sensitive), so a
	// destination, which must not take the queue's name.
	require.Equal(t, "skill_2_end", nm.Dests["skill 2"])
	require.Equal(t, "skill-2", nm.Dests["Skill-2"])
	require.NoError(t, config.Validate(r.Scenario("names")))
}
