package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Absurd sizes are refused before anything runs, each with one problem at
// its path: a rate of 1e12 an hour, a horizon of a million days, a million
// staff; and, when every size is within its own limit, a run whose total
// work (contacts × queue visits × replications) would take hours.
func TestAbsurdSizesRefused(t *testing.T) {
	cases := []struct {
		name string
		sets []string
		want string
	}{
		{"rate of 1e12 an hour", []string{"streams.s.arrivals.per_hour=1e12"},
			"t.yaml: streams[0].arrivals.per_hour: 1e+12 is over the limit of 1e+06 contacts an hour"},
		{"a million days", []string{"run.days=1e6"},
			"t.yaml: run: days + warmup_days is 1000000 days, over the limit of 100000"},
		{"a million staff", []string{"pools.a.staff=1e6"},
			"t.yaml: pools[0].staff: 1000000 is over the limit of 100000 staff in one pool"},
		{"overlapping shifts", []string{`pools.a.staff=`, `pools.a.shifts=[{start: "08:00", length: 10h, count: 60000}, {start: "16:00", length: 8h, count: 60000}]`},
			"t.yaml: pools[0].shifts: 120000 rostered at once (mon 16:00, shifts overlapping), over the limit of 100000 staff in one pool"},
		{"work: every size within its limit", []string{"streams.s.arrivals.per_hour=1e6", "run.days=1000"},
			"t.yaml: run: about 2.4e+10 contacts to simulate (1000000 contacts an hour for 1000 days, 1 replication, counting each queue a contact visits; stream s alone is 2.4e+10), over the limit of 1e+10: at about a million a second that would take 7 hours; shorten run.days, lower run.replications or check the arrival rates"},
		{"work: replications", []string{"streams.s.arrivals.per_hour=1e5", "run.days=10000", "run.replications=1000"},
			"t.yaml: run: about 2.4e+13 contacts to simulate"},
		{"work: horizon at its limit", []string{"streams.s.arrivals.per_hour=1e6", "run.days=99999"},
			"that would take 28 days"},
		{"work: demand multiplies the rate", []string{"streams.s.arrivals.per_hour=1e5", "run.days=1000", "demand=5", "streams.s.demand=2"},
			"t.yaml: run: about 2.4e+10 contacts to simulate (1000000 contacts an hour for 1000 days"},
		{"work: a contact visits its queue 100 times", []string{"streams.s.arrivals.per_hour=1e4", "run.days=500", "queues.q.routes={q: 0.99, done: 0.01}"},
			"t.yaml: run: about 1.2e+10 contacts to simulate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bytes([]byte(ok), "yaml", "t.yaml", tc.sets)
			var ps *config.Problems
			require.ErrorAs(t, err, &ps)
			assert.Contains(t, err.Error(), tc.want)
			assert.Len(t, ps.List, 1, "one mistake, one problem:\n%v", err)
		})
	}
	// Just under the limit runs.
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"streams.s.arrivals.per_hour=1e6", "run.days=400"})
	require.NoError(t, err)
	_, err = Bytes([]byte(ok), "yaml", "t.yaml", []string{"streams.s.arrivals.per_hour=1e4", "run.days=500"})
	require.NoError(t, err, "without the loop, a hundredth of the work")
}

func TestExpectedVisits(t *testing.T) {
	qs := []config.Queue{
		{Name: "a", Routes: map[string]float64{"b": 0.5, "done": 0.5}},
		{Name: "b", Routes: map[string]float64{"b": 0.5, "a": 0.25, "done": 0.25}},
		{Name: "c", Routes: map[string]float64{"done": 1}},
	}
	// v_a = 1 + 0.5 v_b and v_b = 1 + 0.5 v_b + 0.25 v_a: v_a = 8/3, v_b = 10/3.
	v := config.ExpectedVisits(qs)
	assert.InDelta(t, 8.0/3, v["a"], 1e-12)
	assert.InDelta(t, 10.0/3, v["b"], 1e-12)
	assert.InDelta(t, 1, v["c"], 1e-12)
	// A loop no contact leaves has no solution: one visit each.
	v = config.ExpectedVisits([]config.Queue{{Name: "x", Routes: map[string]float64{"x": 1}}})
	assert.Equal(t, 1.0, v["x"])
}
