package sim

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

const perSec = 1.0 / 3600

func meanWait(q int) func(Stats) float64 {
	return func(s Stats) float64 { return s.Queues[q].Wait.Mean }
}

func waitedShare(q int) func(Stats) float64 {
	return func(s Stats) float64 { return float64(s.Queues[q].Waited) / float64(s.Queues[q].Served) }
}

func utilisation(p int) func(Stats) float64 {
	return func(s Stats) float64 { return s.Pools[p].Busy / s.Pools[p].OnDuty }
}

func abandonShare(q int) func(Stats) float64 {
	return func(s Stats) float64 { return float64(s.Queues[q].Abandoned) / float64(s.Queues[q].Offered) }
}

// M/M/c: mean wait and the share that waited agree with Erlang C.
func TestErlangC(t *testing.T) {
	cases := []struct {
		name    string
		perHour float64
		service time.Duration
		c       int
	}{
		{"c=20 rho=0.83", 100, 10 * time.Minute, 20},
		{"c=50 rho=0.9", 270, 10 * time.Minute, 50},
		{"c=5 rho=0.75", 22.5, 10 * time.Minute, 5},
		{"c=1 rho=0.7", 4.2, 10 * time.Minute, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := simulate(t, mmc(tc.perHour, tc.service, 0, float64(tc.c), 200, 12))
			lambda, mu := tc.perHour*perSec, 1/tc.service.Seconds()
			got, half := across(st, meanWait(0))
			// The wait of served contacts is the wait of all: nobody abandons.
			assertClose(t, "mean wait (s)", got, half, MMcWait(tc.c, lambda, mu), 0.05)
			got, half = across(st, waitedShare(0))
			assertClose(t, "share that waited", got, half, ErlangC(tc.c, lambda/mu), 0.02)
			got, half = across(st, utilisation(0))
			assertClose(t, "utilisation", got, half, lambda/mu/float64(tc.c), 0.01)
			got, half = across(st, func(s Stats) float64 { return s.Queues[0].WaitHist.Quantile(0.9) })
			assertClose(t, "p90 wait (s)", got, half, MMcWaitQuantile(tc.c, lambda, mu, 0.9), 0.05)
		})
	}
}

// M/M/c+M: abandonment, mean wait of served contacts, the share that
// waited, utilisation and the share answered within 20 s agree with
// Erlang A, underloaded and overloaded.
func TestErlangA(t *testing.T) {
	cases := []struct {
		name              string
		perHour           float64
		service, patience time.Duration
		c                 int
	}{
		{"c=20 load 0.83", 100, 10 * time.Minute, 5 * time.Minute, 20},
		{"c=20 load 1.5", 180, 10 * time.Minute, 5 * time.Minute, 20},
		{"c=10 load 0.95 patient", 57, 10 * time.Minute, 30 * time.Minute, 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := simulate(t, mmc(tc.perHour, tc.service, tc.patience, float64(tc.c), 150, 12))
			lambda, mu, theta := tc.perHour*perSec, 1/tc.service.Seconds(), 1/tc.patience.Seconds()
			want := ErlangA(tc.c, lambda, mu, theta)
			got, half := across(st, abandonShare(0))
			assertClose(t, "abandoned share", got, half, want.Abandon, 0.05)
			got, half = across(st, meanWait(0))
			assertClose(t, "mean wait of served (s)", got, half, want.WaitServed, 0.05)
			got, half = across(st, waitedShare(0))
			assertClose(t, "served that waited", got, half, want.WaitedServed, 0.03)
			got, half = across(st, utilisation(0))
			assertClose(t, "utilisation", got, half, want.Utilisation, 0.01)
			got, half = across(st, func(s Stats) float64 { return s.Queues[0].LengthArea / s.Pools[0].OnDuty * float64(tc.c) })
			assertClose(t, "mean number waiting", got, half, want.MeanQueue, 0.05)
			got, half = across(st, func(s Stats) float64 { return float64(s.Queues[0].WithinTarget) / float64(s.Queues[0].Served) })
			assertClose(t, "served within 20s", got, half, ErlangAWithin(tc.c, lambda, mu, theta, 20), 0.02)
		})
	}
}

// Two priority classes sharing one pool: each class's mean wait agrees
// with the non-preemptive priority M/M/c formula.
func TestPriorityClasses(t *testing.T) {
	const c = 10
	perHour := []float64{15, 36} // urgent, routine: load 8.5 of 10
	s := mmc(0, 0, 0, c, 200, 12)
	s.Streams = []config.Stream{
		{Name: "urgent", Arrivals: config.Arrivals{PerHour: perHour[0]}, Enter: "urgent"},
		{Name: "routine", Arrivals: config.Arrivals{PerHour: perHour[1]}, Enter: "routine"},
	}
	s.Queues = []config.Queue{
		// The routine queue comes first in the file: priority, not order, decides.
		{Name: "routine", Priority: 3, Service: expo(10 * time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}},
		{Name: "urgent", Priority: 1, Service: expo(10 * time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}},
	}
	st := simulate(t, s)
	want := PriorityWaits(c, 1/600.0, []float64{perHour[0] * perSec, perHour[1] * perSec})
	got, half := across(st, meanWait(1))
	assertClose(t, "urgent mean wait (s)", got, half, want[0], 0.05)
	got, half = across(st, meanWait(0))
	assertClose(t, "routine mean wait (s)", got, half, want[1], 0.05)
}

// Two stages in tandem: triage by health advisors, then 30% routed to a
// clinician pool. By Burke's theorem each stage is M/M/c with its own
// arrival rate; destination counts follow the routing.
func TestTandemNetwork(t *testing.T) {
	const perHour = 60.0
	s := mmc(perHour, 0, 0, 0, 400, 12)
	s.Queues = []config.Queue{
		{Name: "triage", Priority: 2, Service: expo(8 * time.Minute), ServedBy: []string{"advisors"},
			Routes: map[string]float64{"clinical": 0.3, "self_care": 0.5, "gp_ooh": 0.2}},
		{Name: "clinical", Priority: 1, Service: expo(20 * time.Minute), ServedBy: []string{"clinicians"},
			Routes: map[string]float64{"gp_ooh": 0.4, "ed": 0.6}},
	}
	s.Streams[0].Enter = "triage"
	s.Pools = []config.Pool{{Name: "advisors", Staff: staff(10)}, {Name: "clinicians", Staff: staff(7), Clinician: true}}
	m, err := Compile(s)
	require.NoError(t, err)
	st := simulate(t, s)

	l1, l2 := perHour*perSec, 0.3*perHour*perSec
	got, half := across(st, meanWait(0))
	assertClose(t, "triage mean wait (s)", got, half, MMcWait(10, l1, 1/480.0), 0.05)
	got, half = across(st, meanWait(1))
	assertClose(t, "clinical mean wait (s)", got, half, MMcWait(7, l2, 1/1200.0), 0.05)
	got, half = across(st, waitedShare(1))
	assertClose(t, "clinical share that waited", got, half, ErlangC(7, l2*1200), 0.03)

	perDay := map[string]float64{"self_care": 0.5 * 1440, "gp_ooh": (0.2 + 0.3*0.4) * 1440, "ed": 0.3 * 0.6 * 1440}
	for d, name := range m.Dests {
		got, half := across(st, func(s Stats) float64 { return float64(s.Dests[d].Count) / m.Days })
		assertClose(t, name+" per day", got, half, perDay[name], 0.02)
	}
	// Time to clinician, for those routed there: triage wait, triage
	// service, clinical wait.
	got, half = across(st, func(s Stats) float64 { return s.Streams[0].ToClinician.Mean })
	assertClose(t, "time to clinician (s)", got, half, MMcWait(10, l1, 1/480.0)+480+MMcWait(7, l2, 1/1200.0), 0.05)
}

// Pooling: one pool of 2c serving two queues, against two pools of c each
// serving one; each agrees with Erlang C for its own servers and load.
func TestPooling(t *testing.T) {
	const c, perHour = 8, 40.0 // per queue: load 6.67 of 8
	two := func(pools []config.Pool, a, b string) *config.Scenario {
		s := mmc(0, 0, 0, 0, 200, 12)
		s.Streams = []config.Stream{
			{Name: "s111", Arrivals: config.Arrivals{PerHour: perHour}, Enter: "q111"},
			{Name: "nurseline", Arrivals: config.Arrivals{PerHour: perHour}, Enter: "qnl"},
		}
		s.Queues = []config.Queue{
			{Name: "q111", Priority: 2, Service: expo(10 * time.Minute), ServedBy: []string{a}, Routes: map[string]float64{"done": 1}},
			{Name: "qnl", Priority: 2, Service: expo(10 * time.Minute), ServedBy: []string{b}, Routes: map[string]float64{"done": 1}},
		}
		s.Pools = pools
		return s
	}
	l, mu := perHour*perSec, 1/600.0
	separate := simulate(t, two([]config.Pool{{Name: "a", Staff: staff(c)}, {Name: "b", Staff: staff(c)}}, "a", "b"))
	pooled := simulate(t, two([]config.Pool{{Name: "hub", Staff: staff(2 * c)}}, "hub", "hub"))
	for q := 0; q < 2; q++ {
		got, half := across(separate, meanWait(q))
		assertClose(t, "separate mean wait (s)", got, half, MMcWait(c, l, mu), 0.05)
		got, half = across(pooled, meanWait(q))
		assertClose(t, "pooled mean wait (s)", got, half, MMcWait(2*c, 2*l, mu), 0.05)
	}
	sep, _ := across(separate, meanWait(0))
	poo, _ := across(pooled, meanWait(0))
	require.Less(t, poo, sep/2, "pooling more than halves the wait here")
}

// An hourly rota of 12 staff for 12 hours and 18 for 12 hours: staff hours
// are exact, and utilisation follows the steady load in each block.
func TestHourlyRota(t *testing.T) {
	const perHour = 30.0 // load 5 Erlangs with 10-minute service
	hourly := make([]float64, 24)
	for h := range hourly {
		hourly[h] = 12
		if h >= 8 && h < 20 {
			hourly[h] = 18
		}
	}
	const days = 400
	s := mmc(perHour, 10*time.Minute, 0, 0, days, 10)
	s.Pools = []config.Pool{{Name: "agents", Hourly: hourly}}
	m, err := Compile(s)
	require.NoError(t, err)
	require.InDelta(t, 360*7.0, m.Pools[0].OnDutyWeekHours, 1e-9)
	require.InDelta(t, 360*7/37.5, m.Pools[0].WTE(), 1e-9)
	st := simulate(t, s)
	for _, r := range st {
		require.InDelta(t, 360*days*3600.0, r.Pools[0].OnDuty, 1e-6, "staff-seconds on duty")
		for h := 0; h < 24; h++ {
			require.InDelta(t, hourly[h]*days*3600, r.Pools[0].HourOnDuty[h], 1e-6, "hour %d", h)
		}
	}
	got, half := across(st, utilisation(0))
	assertClose(t, "utilisation", got, half, 5*24/360.0, 0.01)
	for _, h := range []int{3, 14} {
		got, half := across(st, func(s Stats) float64 { return s.Pools[0].HourBusy[h] / s.Pools[0].HourOnDuty[h] })
		assertClose(t, fmt.Sprintf("utilisation at %02d:00", h), got, half, 5/hourly[h], 0.025)
	}
}

// M/M/c with 20 staff on weekdays and 18 at weekends: the share answered
// within the target, overall and by the hour of the week the contact
// joined, agrees with Erlang C's P(W ≤ t) = 1 − C·e^(−(cμ−λ)t) for the
// day's staff. Each day is judged on its hours from 04:00, past the
// change of staff at midnight; a bin counted in the wrong day would be
// 20 points out.
func TestServiceLevelByHourOfWeek(t *testing.T) {
	const perHour = 100.0
	within := 20 * time.Second
	s := mmc(perHour, 10*time.Minute, 0, 0, 7*40, 8)
	weekdays := []config.Weekday{config.Monday, config.Tuesday, config.Wednesday, config.Thursday, config.Friday}
	s.Pools = []config.Pool{{Name: "agents", Shifts: []config.Shift{
		{Start: config.At(0, 0), Length: config.Duration(24 * time.Hour), Count: 20, Days: weekdays},
		{Start: config.At(0, 0), Length: config.Duration(24 * time.Hour), Count: 18, Days: []config.Weekday{config.Saturday, config.Sunday}},
	}}}
	st := simulate(t, s)
	lambda, mu := perHour*perSec, 1/600.0
	level := func(c int) float64 {
		return 1 - ErlangC(c, lambda/mu)*math.Exp(-(float64(c)*mu-lambda)*within.Seconds())
	}
	for d := 0; d < 7; d++ {
		c := 20
		if d >= 5 {
			c = 18
		}
		var served, in int64
		for _, r := range st {
			for h := d*24 + 4; h < d*24+24; h++ {
				served += r.Queues[0].WeekServed[h]
				in += r.Queues[0].WeekWithin[h]
			}
		}
		got, want := float64(in)/float64(served), level(c)
		t.Logf("day %d, %d staff: within 20s %.4f, Erlang C %.4f", d, c, got, want)
		require.InDelta(t, want, got, 0.02, "day %d of the week", d)
	}
}
