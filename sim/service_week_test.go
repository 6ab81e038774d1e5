package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// TestJudgeHours: hand-made counts, so every number is known. Each hour
// is judged on the mean of the replications that served anyone then; the
// worst hour is the lowest such mean, the first of equals; hours nobody
// was served in are not judged.
func TestJudgeHours(t *testing.T) {
	st := make([]Stats, 2)
	for i := range st {
		st[i].Queues = make([]QueueStats, 1)
	}
	set := func(rep, h int, served, within int64) {
		st[rep].Queues[0].WeekServed[h] = served
		st[rep].Queues[0].WeekWithin[h] = within
	}
	set(0, 0, 10, 9)   // mon 00:00: 0.9 and 0.7, mean 0.8
	set(1, 0, 10, 7)   //
	set(0, 33, 4, 2)   // tue 09:00: 0.5 in the one replication that served anyone
	set(1, 100, 5, 5)  // thu 04:00: 1
	set(0, 130, 10, 5) // sat 10:00: 0.5 and 0.5, mean 0.5, equal to tue 09:00 but later
	set(1, 130, 2, 1)

	j := JudgeHours(st, 0, 0.8, HoursOfWeek)
	require.Equal(t, HourJudgement{Hours: 4, Missed: 2, Short: []int{33, 130}, Worst: 33, WorstLevel: 0.5}, j)
	require.False(t, j.Met())

	j = JudgeHours(st, 0, 0.5, HoursOfWeek)
	require.Equal(t, 0, j.Missed, "a mean equal to the fraction meets it")
	require.True(t, j.Met())

	// Mon 00:00 is judged on its mean as MeanLevel takes it: against
	// a fraction a hair above that, it misses too.
	mean, n := MeanLevel(st, 0, 0, HoursOfWeek)
	require.Equal(t, 2, n)
	require.Equal(t, 3, JudgeHours(st, 0, mean+1e-12, HoursOfWeek).Missed)

	none := make([]Stats, 1)
	none[0].Queues = make([]QueueStats, 1)
	j = JudgeHours(none, 0, 0.5, HoursOfWeek)
	require.Equal(t, HourJudgement{Worst: -1}, j)
	require.False(t, j.Met(), "nobody served: not judged, so not met")

	// By hour of the day, the days pooled in each replication: 00:00 as
	// before; 09:00 0.5 in replication 0 only; 04:00 1; 10:00 0.5 and 0.5.
	j = JudgeHours(st, 0, 0.8, 24)
	require.Equal(t, HourJudgement{Hours: 4, Missed: 2, Short: []int{9, 10}, Worst: 9, WorstLevel: 0.5}, j)
}

// TestVariesByDay: a profile by hour of the week is worth giving only
// where some day differs from another, in demand or on the rota.
func TestVariesByDay(t *testing.T) {
	hours := func(h time.Duration) config.Duration { return config.Duration(h * time.Hour) }
	cases := []struct {
		name string
		edit func(s *config.Scenario)
		want bool
	}{
		{"flat", func(*config.Scenario) {}, false},
		{"hourly weights only", func(s *config.Scenario) {
			s.Streams[0].Arrivals.Hourly = []float64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 1, 1, 1, 1}
		}, false},
		{"weekly weights", func(s *config.Scenario) {
			s.Streams[0].Arrivals.Weekly = []float64{1, 1, 1, 1, 1, 1.2, 1.2}
		}, true},
		{"equal weekly weights", func(s *config.Scenario) {
			s.Streams[0].Arrivals.Weekly = []float64{3, 3, 3, 3, 3, 3, 3}
		}, false},
		{"hourly rota", func(s *config.Scenario) {
			s.Pools[0].Staff = nil
			s.Pools[0].Hourly = []float64{5, 5, 5, 5, 5, 5, 5, 5, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 10, 10, 10, 10}
		}, false},
		{"the same shift every day, over midnight", func(s *config.Scenario) {
			s.Pools[0].Staff = nil
			s.Pools[0].Shifts = []config.Shift{{Start: config.At(20, 0), Length: hours(10), Count: 30}}
		}, false},
		{"a shift on weekdays only", func(s *config.Scenario) {
			s.Pools[0].Staff = nil
			s.Pools[0].Shifts = []config.Shift{
				{Start: config.At(0, 0), Length: hours(24), Count: 25},
				{Start: config.At(9, 30), Length: hours(8), Count: 2, Days: []config.Weekday{config.Monday, config.Tuesday, config.Wednesday, config.Thursday, config.Friday}},
			}
		}, true},
		{"a shift on sunday only, ending on monday", func(s *config.Scenario) {
			s.Pools[0].Staff = nil
			s.Pools[0].Shifts = []config.Shift{
				{Start: config.At(0, 0), Length: hours(24), Count: 25},
				{Start: config.At(22, 0), Length: hours(4), Count: 1, Days: []config.Weekday{config.Sunday}},
			}
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := mmc(100, 10*time.Minute, 0, 25, 1, 1)
			tc.edit(s)
			m, err := Compile(s)
			require.NoError(t, err)
			require.Equal(t, tc.want, m.VariesByDay())
		})
	}
}

// TestDemandScalesArrivals: demand 1.1 offers 10% more contacts, within
// noise, and a stream's own demand multiplies with the scenario's.
// Common random numbers keep the noise of the ratio small: the same unit
// exponentials are spread over a rate 10% higher.
func TestDemandScalesArrivals(t *testing.T) {
	base := mmc(100, 10*time.Minute, 5*time.Minute, 25, 60, 1)
	base.Streams = append(base.Streams, config.Stream{Name: "more", Arrivals: config.Arrivals{PerHour: 20}, Enter: "q"})
	offered := func(s *config.Scenario) [2]float64 {
		st := simulate(t, s)
		return [2]float64{float64(st[0].Streams[0].Offered), float64(st[0].Streams[1].Offered)}
	}
	before := offered(base)

	top, two := 1.1, 2.0
	base.Demand = &top
	base.Streams[1].Demand = &two
	after := offered(base)
	// 144,000 contacts: a Poisson count's relative sd is 0.26%, so 1% is
	// four of them even without common random numbers.
	require.InEpsilon(t, 1.1, after[0]/before[0], 0.01, "%v → %v", before, after)
	require.InEpsilon(t, 2.2, after[1]/before[1], 0.01, "%v → %v", before, after)
}

// TestDemandOneChangesNothing: demand 1, given at the top or for a
// stream, gives every figure of every replication bit for bit as with no
// demand given (the golden tests show the same for the absent key).
func TestDemandOneChangesNothing(t *testing.T) {
	s := mmc(100, 10*time.Minute, 5*time.Minute, 18, 5, 2)
	s.Streams[0].Arrivals.Hourly = []float64{1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 2, 1, 1, 1, 1}
	s.Streams[0].Arrivals.Weekly = []float64{1.3, 1, 1, 1, 1, 0.8, 0.7}
	want := simulate(t, s)
	one := 1.0
	s.Demand = &one
	s.Streams[0].Demand = &one
	got := simulate(t, s)
	require.Equal(t, want, got)

	// And the test can fail: any other demand changes the figures.
	more := 1.0000001
	s.Demand = &more
	require.NotEqual(t, want, simulate(t, s))
}
