package sim

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

func TestShiftRota(t *testing.T) {
	p := config.Pool{Name: "nurse", Shrinkage: 0.25, Shifts: []config.Shift{
		{Start: config.At(8, 0), Length: config.Duration(10 * time.Hour), Count: 8},
		// A night shift on Sunday runs over into Monday morning.
		{Start: config.At(22, 0), Length: config.Duration(10 * time.Hour), Count: 4, Days: []config.Weekday{config.Sunday}},
	}}
	cp := compilePool(p)
	require.InDelta(t, 8*10*7+4*10, cp.RosteredWeekHours, 1e-9)
	require.InDelta(t, (8*10*7+4*10)/37.5, cp.WTE(), 1e-9)
	level := cp.rota.at
	require.Equal(t, 3, level(0), "Sunday night shift on duty at Monday 00:00: 4 less 25%")
	require.Equal(t, 3, level(7*hour))
	require.Equal(t, 6, level(9*hour), "day shift only: 8 less 25%")
	require.Equal(t, 0, level(19*hour))
	require.Equal(t, 6, level(6*day+17*hour), "Sunday: day shift still on")
	require.Equal(t, 0, level(6*day+21*hour))
	require.Equal(t, 3, level(6*day+22*hour+1), "Sunday 22:00: night shift on")
	require.Equal(t, float64(0), cp.rota.changes[0].at)
}

// oneHourShift is mmc with staff on duty only from hour at for an hour
// each day, n of them, and a constant service time: more calls an hour
// than they can answer, so that the queue never empties.
func oneHourShift(perHour float64, service time.Duration, at int, n float64, days float64) *config.Scenario {
	s := mmc(perHour, time.Hour, 0, 0, days, 2)
	s.Queues[0].Service = config.Dist{Dist: config.Constant, Mean: config.Duration(service)}
	hourly := make([]float64, 24)
	hourly[at] = n
	s.Pools = []config.Pool{{Name: "agents", Hourly: hourly}}
	return s
}

func TestRotaOverflowFinishesContactInHand(t *testing.T) {
	// One agent on duty 08:00-09:00 only, with 50-minute service and a
	// queue that never empties: they answer at 08:00 and 08:50 and finish
	// the second contact at 09:40, after the shift, and take no other.
	st := simulate(t, oneHourShift(2, 50*time.Minute, 8, 1, 20))
	for _, r := range st {
		p := r.Pools[0]
		require.InDelta(t, 20*3600.0, p.OnDuty, 1e-6)
		for h := 0; h < 24; h++ {
			if h != 8 {
				require.Zero(t, p.HourBusy[h], "hour %d", h)
			}
		}
		require.InDelta(t, 20*3600.0, p.HourBusy[8], 1e-6)
		require.Zero(t, p.HourBusy[9], "nobody is on duty after 09:00")
		require.InDelta(t, 20*40*60.0, p.Overrun, 1e-6, "the contact in hand is finished after 09:00, as overrun")
		require.InDelta(t, 1.0, p.Busy/p.OnDuty, 1e-9, "busy the whole shift, and no more")
		require.Greater(t, r.Queues[0].WaitingAtEnd, int64(0), "demand far exceeds one hour a day")
	}
}

func TestArrivalProfiles(t *testing.T) {
	hourly := make([]float64, 24)
	for h := range hourly {
		hourly[h] = float64(1 + h%6)
	}
	weekly := []float64{1, 1, 1, 1, 1, 2, 3}
	s := mmc(0, time.Minute, 0, 100, 70, 10)
	s.Streams[0].Arrivals = config.Arrivals{PerDay: 1000, Hourly: hourly, Weekly: weekly}
	st := simulate(t, s)
	got, half := across(st, func(s Stats) float64 { return float64(s.Streams[0].Offered) / 70 })
	assertClose(t, "arrivals per day", got, half, 1000, 0.01)
	sumH := 0.0
	for _, w := range hourly {
		sumH += w
	}
	for _, h := range []int{0, 5, 17} {
		got, half := across(st, func(s Stats) float64 { return float64(s.Streams[0].HourOffered[h]) / 70 })
		assertClose(t, "arrivals at hour", got, half, 1000*hourly[h]/sumH, 0.03)
	}
}

func TestRedial(t *testing.T) {
	// Every caller who abandons calls back after a minute with probability
	// 0.5: redials are half the abandonments, and each redial is offered to
	// the queue again.
	s := mmc(150, 10*time.Minute, 2*time.Minute, 20, 50, 8)
	s.Streams[0].Redial = &config.Redial{Probability: 0.5, Delay: config.Dist{Dist: config.Constant, Mean: config.Duration(time.Minute)}}
	st := simulate(t, s)
	for _, r := range st {
		q, str := r.Queues[0], r.Streams[0]
		require.InDelta(t, float64(str.Offered+str.Redials), float64(q.Offered), 50, "first attempts and redials are all offered")
		require.InDelta(t, 0.5, float64(str.Redials)/float64(q.Abandoned), 0.02)
	}
}

func TestMultiSkillPreference(t *testing.T) {
	// A queue served first by its own pool, then by a shared one: its own
	// pool is busier. The shared pool also serves a second queue.
	s := mmc(0, 0, 0, 0, 30, 4)
	s.Streams = []config.Stream{
		{Name: "a", Arrivals: config.Arrivals{PerHour: 30}, Enter: "qa"},
		{Name: "b", Arrivals: config.Arrivals{PerHour: 10}, Enter: "qb"},
	}
	s.Queues = []config.Queue{
		{Name: "qa", Priority: 1, Service: expo(10 * time.Minute), ServedBy: []string{"own", "shared"}, Routes: map[string]float64{"done": 1}},
		{Name: "qb", Priority: 2, Service: expo(10 * time.Minute), ServedBy: []string{"shared"}, Routes: map[string]float64{"done": 1}},
	}
	s.Pools = []config.Pool{{Name: "own", Staff: staff(5)}, {Name: "shared", Staff: staff(5)}}
	st := simulate(t, s)
	own, _ := across(st, utilisation(0))
	shared, _ := across(st, utilisation(1))
	require.Greater(t, own, shared)
	// All work is done: busy staff-time equals offered work (load 6.67).
	got, half := across(st, func(s Stats) float64 { return (s.Pools[0].Busy + s.Pools[1].Busy) / (30 * day) })
	assertClose(t, "busy staff", got, half, 40.0/6, 0.02)
}

func TestSameSeedSameStatsAnyWorkers(t *testing.T) {
	s := mmc(100, 10*time.Minute, 5*time.Minute, 20, 5, 6)
	m, err := Compile(s)
	require.NoError(t, err)
	one, err := Run(context.Background(), m, Options{Workers: 1})
	require.NoError(t, err)
	four, err := Run(context.Background(), m, Options{Workers: 4})
	require.NoError(t, err)
	require.Equal(t, one, four)
	// A shard of replications 2..3 is those replications of the whole.
	shard, err := Run(context.Background(), m, Options{First: 2, Count: 2})
	require.NoError(t, err)
	require.Equal(t, one[2:4], shard)
	// Another seed gives other numbers.
	s.Run.Seed = 8
	m8, err := Compile(s)
	require.NoError(t, err)
	other, err := Run(context.Background(), m8, Options{})
	require.NoError(t, err)
	require.NotEqual(t, one[0].Queues[0].Offered, other[0].Queues[0].Offered)
}

func TestCancel(t *testing.T) {
	m, err := Compile(mmc(100, 10*time.Minute, 5*time.Minute, 20, 90000, 2))
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = Run(ctx, m, Options{})
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

// The event loop allocates nothing once its slots and heap have grown: a
// horizon ten times longer allocates no more.
func TestNoAllocationPerEvent(t *testing.T) {
	short, err := Compile(mmc(100, 10*time.Minute, 5*time.Minute, 20, 10, 1))
	require.NoError(t, err)
	long, err := Compile(mmc(100, 10*time.Minute, 5*time.Minute, 20, 100, 1))
	require.NoError(t, err)
	allocs := func(m *Model) float64 {
		return testing.AllocsPerRun(3, func() { _, _ = Replicate(context.Background(), m, 1, 0) })
	}
	a, b := allocs(short), allocs(long)
	t.Logf("allocations per replication: 10 days %.0f, 100 days %.0f (≈%d events)", a, b, 100*2400*2)
	require.LessOrEqual(t, b, a+10, "allocations must not grow with the horizon")
}

func TestErlangFormulas(t *testing.T) {
	// Textbook values: Erlang B(5, 3) and Erlang C(2, 1) = 1/3.
	require.InDelta(t, 0.110054, ErlangB(5, 3), 1e-6)
	require.InDelta(t, 1.0/3, ErlangC(2, 1), 1e-12)
	// M/M/1: mean wait ρ/(μ−λ).
	require.InDelta(t, 0.5/(1-0.5), MMcWait(1, 0.5, 1), 1e-12)
	// Erlang A with no abandonment is Erlang C.
	a := ErlangA(20, 100.0/3600, 1/600.0, 0)
	require.InDelta(t, MMcWait(20, 100.0/3600, 1/600.0), a.WaitServed*ErlangC(20, 100.0/6)/a.WaitedServed, 1e-6)
	require.InDelta(t, ErlangC(20, 100.0/6), a.WaitedServed, 1e-9)
	// Erlang A: abandonment share equals θ·E[Lq]/λ.
	b := ErlangA(10, 0.03, 0.002, 0.005)
	require.InDelta(t, 0.005*b.MeanQueue/0.03, b.Abandon, 1e-9)
	// One priority class is plain M/M/c.
	require.InDelta(t, MMcWait(5, 0.004, 0.001), PriorityWaits(5, 0.001, []float64{0.004})[0], 1e-12)
	require.True(t, math.IsInf(MMcWait(2, 3, 1), 1))
}

func TestHistogramQuantile(t *testing.T) {
	var h Histogram
	for i := 1; i <= 10000; i++ {
		h.Add(float64(i))
	}
	for _, q := range []float64{0.5, 0.9, 0.99} {
		require.InEpsilon(t, q*10000, h.Quantile(q), 0.008)
	}
	var z Histogram
	z.Add(0)
	z.Add(0)
	z.Add(10)
	require.Zero(t, z.Quantile(0.5))
	require.InEpsilon(t, 10, z.Quantile(1), 0.008)
	var m Histogram
	m.Merge(&h)
	m.Merge(&z)
	require.Equal(t, int64(10003), m.N)
}

func TestWelfordMerge(t *testing.T) {
	var all, a, b Welford
	xs := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
	for i, x := range xs {
		all.Add(x)
		if i < 4 {
			a.Add(x)
		} else {
			b.Add(x)
		}
	}
	a.Merge(b)
	require.Equal(t, all.N, a.N)
	require.InDelta(t, 3.9, a.Mean, 1e-12)
	require.InDelta(t, all.Var(), a.Var(), 1e-12)
	require.InDelta(t, 6.1, all.Var(), 1e-12)
}

// Compile checks the scenario itself: an invalid one is refused with every
// problem, never run (it used to run with 0 served when config.Validate
// had been skipped).
func TestCompileRefusesInvalid(t *testing.T) {
	s := mmc(100, 10*time.Minute, 0, 20, 5, 2)
	s.Queues[0].Routes = map[string]float64{"done": 0.5}
	s.Queues[0].ServedBy = []string{"nobody"}
	m, err := Compile(s)
	require.Nil(t, m)
	var probs *config.Problems
	require.ErrorAs(t, err, &probs)
	require.Len(t, probs.List, 2, "%v", err)
	require.Equal(t, "queues[0].served_by[0]", probs.List[0].Path)
	require.Equal(t, "queues[0].routes", probs.List[1].Path)
}

// A queue abandons only when it has a patience and a call or chat can
// reach it: texts never abandon, so a queue only texts reach (directly or
// by a route) does not, and the report must not take its backlog for one
// that abandonment keeps in check.
func TestAbandonsOnlyWhereCallsReach(t *testing.T) {
	s := mmc(10, time.Minute, 5*time.Minute, 2, 1, 2)
	p := expo(5 * time.Minute)
	s.Streams[0].Channel = "text"
	s.Queues[0].Routes = map[string]float64{"q2": 0.5, "done": 0.5}
	s.Queues = append(s.Queues,
		config.Queue{Name: "q2", Priority: 1, Patience: &p, Service: expo(time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}},
		config.Queue{Name: "q3", Priority: 1, Patience: &p, Service: expo(time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"q2": 1}},
		config.Queue{Name: "q4", Priority: 1, Service: expo(time.Minute), ServedBy: []string{"agents"}, Routes: map[string]float64{"done": 1}})
	s.Streams = append(s.Streams,
		config.Stream{Name: "phone", Arrivals: config.Arrivals{PerHour: 1}, Enter: "q3"},
		config.Stream{Name: "more", Arrivals: config.Arrivals{PerHour: 1}, Enter: "q4"})
	m, err := Compile(s)
	require.NoError(t, err)
	got := map[string]bool{}
	for i := range m.Queues {
		got[m.Queues[i].Name] = m.Queues[i].Abandons()
	}
	require.Equal(t, map[string]bool{
		"q":  false, // patience, but only texts enter it
		"q2": true,  // reached by calls routed from q3
		"q3": true,  // calls enter it
		"q4": false, // calls enter it, but it has no patience
	}, got)
}

// A replication that panics (a broken invariant: here a route table of
// two routes, both of probability 0, which Compile never makes) is
// reported as an *InternalError naming it, and the process that runs it
// carries on.
func TestPanicBecomesInternalError(t *testing.T) {
	m, err := Compile(mmc(100, 10*time.Minute, 0, 20, 1, 2))
	require.NoError(t, err)
	dest := m.Queues[0].routes[0].dest
	m.Queues[0].routes = routes{{p: 0, queue: noQueue, dest: dest}, {p: 0, queue: noQueue, dest: dest}}
	_, err = Run(context.Background(), m, Options{Workers: 1})
	var ie *InternalError
	require.ErrorAs(t, err, &ie)
	require.Equal(t, 0, ie.Replication)
	require.Contains(t, ie.Error(), "a route table with no route")
	require.Contains(t, string(ie.Stack), "choose")
}

// The red team's case: one 1-hour shift of 5 a day and 5-hour service
// gave a utilisation of 500%. Busy time now counts only up to the number
// on duty; the 4 hours each of the 5 works past the shift are overrun.
func TestUtilisationNeverAboveOne(t *testing.T) {
	for _, r := range simulate(t, oneHourShift(10, 5*time.Hour, 9, 5, 10)) {
		p := r.Pools[0]
		require.InDelta(t, 1.0, p.Busy/p.OnDuty, 1e-9, "all five busy all the shift, and no more")
		require.InDelta(t, 5*4*3600.0*10, p.Overrun, 1e-6, "five finish their calls four hours after the shift, every day")
	}
}
