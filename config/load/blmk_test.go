package load_test

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
)

// mds111 are the final outcomes of answered NHS 111 calls in December 2016
// (CALIBRATION.md §9, S3), each as the destinations of the BLMK scenarios
// that make it up. Ambulance and A&E are the 111 dispositions, before an
// ambulance conveys anyone to A&E.
var mds111 = []struct {
	outcome string
	share   float64
	dests   []string
}{
	{"ambulance", 0.112, []string{"ambulance"}},
	{"A&E", 0.066, []string{"ed"}},
	{"primary care", 0.533, []string{"gp_ooh", "own_gp", "other_primary_care"}},
	{"other service", 0.038, []string{"other_service"}},
	{"self-care", 0.121, []string{"self_care"}},
	{"not triaged", 0.13, []string{"not_triaged"}},
}

// blmkScenarios are the embedded BLMK scenarios: each routes 111 calls as
// today's service does, whatever its design, staff or demand.
var blmkScenarios = []string{"blmk-current", "blmk-current-2021", "blmk-hub-equal", "blmk-hub-2021", "blmk-hub-2021-staffed"}

// outcomeShares runs a scenario (short) with its destinations' onward
// steps removed, so that A&E counts only those 111 sends there, and
// returns each MDS outcome's share of the outcomes the nhs111 stream's
// calls reached, and how many reached one for each call answered.
func outcomeShares(t *testing.T, name string, set ...string) (map[string]float64, float64) {
	t.Helper()
	s, err := load.Embedded(name, append([]string{"run.days=14", "run.warmup_days=1", "run.replications=2"}, set...))
	require.NoError(t, err)
	s.Destinations = nil
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	st := r.Streams["nhs111"]
	answered := (st.Get("offered").Mean - st.Get("abandoned").Mean) / r.Days
	require.Greater(t, answered, 0.0)
	out := map[string]float64{}
	reached := 0.0
	for _, o := range mds111 {
		for _, d := range o.dests {
			if dr, ok := r.Destinations[d]; ok {
				out[o.outcome] += dr.PerDayStream["nhs111"].Mean
			}
		}
		reached += out[o.outcome]
	}
	for k := range out {
		out[k] /= reached
	}
	return out, reached / answered
}

// TestBLMKOutcomeShares: in every embedded BLMK scenario, the final
// outcomes of 111 calls (what the health advisor decided, or the clinician
// for calls passed on) are within 1 point of the MDS shares. Shares are of
// the calls that reached an outcome within the run: a call answered late
// in the run may still wait for a clinician or a booking at its end. Those
// are few (the test asks at least 97% of answered calls to have reached
// one), except where a queue grows without bound, which the reports warn
// of: blmk-current-2021's GP OOH booking, whose reception is today's.
func TestBLMKOutcomeShares(t *testing.T) {
	for _, name := range blmkScenarios {
		t.Run(name, func(t *testing.T) {
			got, reached := outcomeShares(t, name)
			t.Logf("%s: %.1f%% of answered 111 calls reached an outcome", name, 100*reached)
			for _, o := range mds111 {
				t.Logf("%s: %s %.1f%% (MDS %.1f%%)", name, o.outcome, 100*got[o.outcome], 100*o.share)
				require.InDelta(t, o.share, got[o.outcome], 0.01, "%s: %s share", name, o.outcome)
			}
			if name != "blmk-current-2021" {
				require.Greater(t, reached, 0.97)
				require.LessOrEqual(t, reached, 1.0)
			}
		})
	}
}

// The outcome test can fail: the §8 routing, which applied the MDS shares
// at the advisor and routed clinicians' calls again, is more than 1 point
// off (A&E 11% where the MDS has 6.6%). Here the same scenario with its
// advisors sending 0.05 more to A&E, out of self-care and not-triaged.
func TestBLMKOutcomeSharesCanFail(t *testing.T) {
	got, _ := outcomeShares(t, "blmk-current",
		"queues.call_111.routes.ed=0.0985", "queues.call_111.routes.not_triaged=0.08",
		"queues.call_111.routes_at.0.routes.ed=0.0985", "queues.call_111.routes_at.0.routes.not_triaged=0.08")
	require.Greater(t, got["A&E"]-0.066, 0.01)
}

// staffedBLMK are the embedded scenarios whose rotas spoa staff found:
// the --set overrides the search ran with (blmk-current's are the levels
// today's service reached in December 2016, CALIBRATION.md §10, judged
// over the run as the national figures are), and the pools a target forces
// on duty with too little work to keep them 15% busy (each scenario says
// why in its pools' comments).
var staffedBLMK = map[string]struct {
	set   []string
	light []string
}{
	"blmk-current": {
		set: []string{"queues.call_111.target.fraction=0.86", "queues.callback_111.target.fraction=0.40"},
	},
	"blmk-hub-2021-staffed": {},
}

// TestBLMKStaffedScenarios: where spoa staff found the rota, the scenario,
// run as written (its own days and replications) with the targets the
// search was given, meets every target, and no pool is under 15% busy,
// except those named above.
func TestBLMKStaffedScenarios(t *testing.T) {
	for name, staffed := range staffedBLMK {
		t.Run(name, func(t *testing.T) {
			s, err := load.Embedded(name, staffed.set)
			require.NoError(t, err)
			r, err := results.Simulate(context.Background(), s, results.Options{})
			require.NoError(t, err)
			require.NotEmpty(t, r.Targets)
			for _, tg := range r.Targets {
				require.True(t, tg.Met, "%s: target of %s: %.3f against %.2f", name, tg.Queue, tg.Achieved.Mean, tg.Fraction)
			}
			for pool, pr := range r.Pools {
				u := pr.Get("utilisation").Mean
				if slices.Contains(staffed.light, pool) {
					require.Less(t, u, 0.15, "%s: %s is named as light but is %.1f%% busy", name, pool, 100*u)
					continue
				}
				require.GreaterOrEqual(t, u, 0.15, "%s: pool %s", name, pool)
			}
		})
	}
}

// TestBLMKCurrentIsToday: blmk-current performs as the national 111
// service did in December 2016 (CALIBRATION.md §2, §9; S3, S4), not
// better: 86.0% of calls answered within 60 s, so it misses the 95%
// standard its file keeps, and about 40% of call-backs within 10 minutes.
// The search was given these levels as targets (staffedBLMK), so the
// test checks that its least rota does not overshoot them by more than
// two points. Abandonment is left to the README: the run's 1.6% after 30 s
// against the MDS's 3.8% is a finding, which the README discusses.
func TestBLMKCurrentIsToday(t *testing.T) {
	s, err := load.Embedded("blmk-current", nil)
	require.NoError(t, err)
	r, err := results.Simulate(context.Background(), s, results.Options{})
	require.NoError(t, err)
	today := map[string]struct{ lo, hi float64 }{
		"call_111":     {0.86, 0.88},
		"callback_111": {0.38, 0.42},
	}
	for _, tg := range r.Targets {
		want, ok := today[tg.Queue]
		if !ok {
			continue
		}
		delete(today, tg.Queue)
		require.GreaterOrEqual(t, tg.Achieved.Mean, want.lo, tg.Queue)
		require.LessOrEqual(t, tg.Achieved.Mean, want.hi, tg.Queue)
		if tg.Queue == "call_111" {
			require.False(t, tg.Met, "today's 111 misses the 95%% standard")
		}
	}
	require.Empty(t, today, "queues without a target")
}

// The default scenario is one of the BLMK ones, and none of its pools is
// idle: each serves some contacts first.
func TestDefaultIsBLMK(t *testing.T) {
	require.Contains(t, blmkScenarios, config.Default)
	s, err := load.Embedded(config.Default, nil)
	require.NoError(t, err)
	first := map[string]bool{}
	for _, q := range s.Queues {
		first[q.ServedBy[0]] = true
	}
	for _, p := range s.Pools {
		require.True(t, first[p.Name], "pool %s is first for no queue", p.Name)
	}
}
