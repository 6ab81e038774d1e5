package sim

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// propertyScenarios is how many generated scenarios the property tests run;
// the generator's seeds are 1…propertyScenarios, so the set never changes.
const propertyScenarios = 200

// RandomScenario generates a valid scenario from seed: 2–5 queues, 1–4
// pools, 1–3 streams of every channel; random priorities, served_by lists
// and per-pool service; patience on some queues; every distribution;
// routes between queues (loops included) that always leave some chance of
// a destination; constant, hourly and shift rotas, with zero-staff hours,
// shifts over midnight and on some days only, and shrinkage; redial; hourly
// and weekly profiles with zeros; horizons of half a day to two days after
// a warm-up of zero to half a day; 2–3 replications. It is exported (in a
// test file) so that sim_test can run the same scenarios through results.
func RandomScenario(seed uint64) *config.Scenario {
	g := gen{rand.New(rand.NewPCG(seed, 0x5eed))}
	nq, np, ns := 2+g.IntN(4), 1+g.IntN(4), 1+g.IntN(3)
	s := &config.Scenario{
		Name: fmt.Sprintf("random-%d", seed),
		Run: config.Run{
			Days:         0.5 + float64(g.IntN(4))*0.5,
			WarmupDays:   float64(g.IntN(3)) * 0.25,
			Replications: 2 + g.IntN(2),
			Seed:         g.Uint64(),
		},
	}
	pools := make([]string, np)
	for i := range pools {
		pools[i] = fmt.Sprintf("p%d", i)
		s.Pools = append(s.Pools, g.pool(pools[i]))
	}
	dests := []string{"ed", "gp_ooh", "self_care"}
	for i := 0; i < nq; i++ {
		q := config.Queue{
			Name:     fmt.Sprintf("q%d", i),
			Priority: 1 + g.IntN(3),
			Service:  g.dist(time.Minute, 15*time.Minute),
			ServedBy: g.subset(pools),
			Routes:   map[string]float64{},
		}
		if g.IntN(2) == 0 {
			p := g.dist(30*time.Second, 10*time.Minute)
			q.Patience = &p
		}
		if g.IntN(3) == 0 {
			q.ServiceBy = map[string]config.Dist{q.ServedBy[0]: g.dist(time.Minute, 10*time.Minute)}
		}
		if g.IntN(2) == 0 {
			q.Target = &config.Target{Within: config.Duration(time.Duration(1+g.IntN(600)) * time.Second), Fraction: 0.5 + g.Float64()/2}
		}
		if g.IntN(5) == 0 {
			q.Concurrency = 2 + g.IntN(3)
		}
		// At least a fifth of every queue's contacts leave for a
		// destination, so no loop traps them.
		weights := map[string]float64{dests[g.IntN(len(dests))]: 1 + g.Float64()}
		for k := g.IntN(3); k > 0; k-- {
			to := dests[g.IntN(len(dests))]
			if g.IntN(2) == 0 {
				to = fmt.Sprintf("q%d", g.IntN(nq))
			}
			weights[to] += g.Float64() * 2
		}
		exit := 0.0
		for to, w := range weights {
			if !isQueueName(to) {
				exit += w
			}
		}
		total := 0.0
		for _, w := range weights {
			total += w
		}
		if exit < total/5 {
			weights[dests[0]] += total/5 - exit + 0.1
			total += total/5 - exit + 0.1
		}
		for to, w := range weights {
			q.Routes[to] = w / total
		}
		s.Queues = append(s.Queues, q)
	}
	for i := 0; i < ns; i++ {
		st := config.Stream{
			Name:    fmt.Sprintf("s%d", i),
			Channel: config.Channels[g.IntN(len(config.Channels))],
			Enter:   fmt.Sprintf("q%d", g.IntN(nq)),
		}
		if g.IntN(2) == 0 {
			st.Arrivals.PerHour = 2 + g.Float64()*25
		} else {
			st.Arrivals.PerDay = 48 + g.Float64()*600
		}
		if g.IntN(2) == 0 {
			st.Arrivals.Hourly = g.weights(24)
		}
		if g.IntN(3) == 0 {
			st.Arrivals.Weekly = g.weights(7)
		}
		if g.IntN(3) == 0 {
			st.Redial = &config.Redial{Probability: g.Float64(), Delay: g.dist(time.Minute, 20*time.Minute)}
		}
		s.Streams = append(s.Streams, st)
	}
	return s
}

func isQueueName(n string) bool { return len(n) == 2 && n[0] == 'q' }

type gen struct{ *rand.Rand }

// dist draws a distribution of any kind with a mean between lo and hi.
func (g gen) dist(lo, hi time.Duration) config.Dist {
	mean := lo + time.Duration(g.Int64N(int64(hi-lo)))
	mean = mean.Round(time.Second)
	d := func(x time.Duration) config.Duration { return config.Duration(x) }
	switch g.IntN(9) {
	case 0:
		return config.Dist{Dist: config.Exponential, Mean: d(mean)}
	case 1:
		return config.Dist{Dist: config.Lognormal, Mean: d(mean), SD: d(mean / time.Duration(1+g.IntN(3)))}
	case 2:
		return config.Dist{Dist: config.Gamma, Mean: d(mean), SD: d(mean * time.Duration(1+g.IntN(2)) / 2)}
	case 3:
		return config.Dist{Dist: config.Weibull, Shape: 0.5 + 2*g.Float64(), Mean: d(mean)}
	case 4:
		return config.Dist{Dist: config.Weibull, Shape: 0.5 + 2*g.Float64(), Scale: d(mean)}
	case 5:
		return config.Dist{Dist: config.Uniform, Min: d(mean / 2), Max: d(mean * 3 / 2)}
	case 6:
		return config.Dist{Dist: config.Triangular, Min: 0, Mode: d(mean / 2), Max: d(mean * 2)}
	case 7:
		return config.Dist{Dist: config.Normal, Mean: d(mean), SD: d(mean / 2)}
	default:
		return config.Dist{Dist: config.Constant, Mean: d(mean)}
	}
}

// subset is a non-empty random selection of names, in random order.
func (g gen) subset(names []string) []string {
	perm := g.Perm(len(names))
	n := 1 + g.IntN(len(names))
	out := make([]string, n)
	for i := range out {
		out[i] = names[perm[i]]
	}
	return out
}

// weights is a profile of n weights, some of them zero, not all.
func (g gen) weights(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		if g.IntN(4) > 0 {
			w[i] = float64(g.IntN(5))
		}
	}
	w[g.IntN(n)] = 1 + float64(g.IntN(3))
	return w
}

func (g gen) pool(name string) config.Pool {
	p := config.Pool{Name: name, Clinician: g.IntN(2) == 0}
	if g.IntN(3) == 0 {
		p.Shrinkage = g.Float64() * 0.4
	}
	switch g.IntN(3) {
	case 0:
		n := float64(g.IntN(7))
		p.Staff = &n
	case 1:
		p.Hourly = make([]float64, 24)
		for h := range p.Hourly {
			if g.IntN(4) > 0 { // a quarter of hours with nobody on
				p.Hourly[h] = float64(g.IntN(6))
			}
		}
	default:
		for k := 1 + g.IntN(3); k > 0; k-- {
			sh := config.Shift{
				Start:  config.At(g.IntN(24), 15*g.IntN(4)),
				Length: config.Duration(time.Duration(1+g.IntN(14)) * time.Hour),
				Count:  float64(1 + g.IntN(4)),
			}
			if g.IntN(3) == 0 {
				sh.Start = config.At(22, 0) // over midnight
			}
			if g.IntN(3) == 0 {
				perm := g.Perm(7)
				for _, i := range perm[:1+g.IntN(6)] {
					sh.Days = append(sh.Days, config.Weekday(i))
				}
			}
			p.Shifts = append(p.Shifts, sh)
		}
	}
	return p
}

// TestProperties runs every generated scenario and checks what must hold
// for any scenario, replication by replication:
//
//   - conservation in every queue: offered = served + abandoned + waiting
//     at the end + turned away, and the hourly counts add up to the totals;
//   - waits, answer times, time to clinician and time in system are never
//     negative, and the histograms count what the means count;
//   - on-duty staff-time is exactly the integral of the compiled rota over
//     the measured days; busy staff-time is not negative and is at most the
//     on-duty staff-time (utilisation in [0, 1]), with or without rota
//     changes. Staff going off duty finish the contact in hand; that work
//     is overrun, which a constant rota never has, and since nobody starts
//     work off duty, busy and overrun together never outnumber the most
//     ever on duty: busy + overrun ≤ peak × measured time;
//   - every contact that arrived in the measured days and reached a
//     destination is counted once: destination counts add up, by stream
//     and by hour, to the contacts whose time in system was measured;
//   - with no warm-up, every contact counts from its arrival, so contacts
//     balance across the whole network: joins are first attempts, redials
//     and routed joins, and services end in routed joins, destinations or
//     are still going at the end (never negative, never more than can be
//     in service at once);
//   - the same seed gives the same Stats, whatever the number of workers.
func TestProperties(t *testing.T) {
	var reps, offered, abandoned, attempts, noWarmup int64
	maxUtil := 0.0
	defer func() {
		t.Logf("%d scenarios (%d with no warm-up), %d replications: %d contacts offered to queues, %d abandoned, about %d routed on to another queue; highest (busy + overrun) over on-duty time of a pool with a changing rota %.3f",
			propertyScenarios, noWarmup, reps, offered, abandoned, offered-attempts, maxUtil)
	}()
	for seed := uint64(1); seed <= propertyScenarios; seed++ {
		s := RandomScenario(seed)
		js, _ := json.Marshal(s)
		require.NoError(t, config.Validate(s), "generated scenario %d is not valid:\n%s", seed, js)
		m, err := Compile(s)
		require.NoError(t, err)
		one, err := Run(context.Background(), m, Options{Workers: 1})
		require.NoError(t, err)
		three, err := Run(context.Background(), m, Options{Workers: 3})
		require.NoError(t, err)
		require.Equal(t, one, three, "scenario %d: same seed, 1 or 3 workers, same Stats", seed)
		for _, st := range one {
			checkProperties(t, m, st, fmt.Sprintf("scenario %d (replication %d):\n%s\n", seed, st.Replication, js))
			reps++
			for _, q := range st.Queues {
				offered += q.Offered
				abandoned += q.Abandoned
			}
			for _, s := range st.Streams {
				attempts += s.Offered + s.Redials
			}
			for pi, p := range st.Pools {
				if len(m.Pools[pi].rota.changes) > 1 && p.OnDuty > 0 {
					maxUtil = max(maxUtil, (p.Busy+p.Overrun)/p.OnDuty)
				}
			}
		}
		if m.Warmup == 0 {
			noWarmup++
		}
	}
}

func checkProperties(t *testing.T, m *Model, st Stats, where string) {
	t.Helper()
	measured := m.End - m.Warmup
	nonNegative := func(w Welford, what string) {
		require.GreaterOrEqual(t, w.N, int64(0), "%s%s", where, what)
		if w.N > 0 {
			require.GreaterOrEqual(t, w.Mean, 0.0, "%s%s: mean", where, what)
			require.False(t, math.IsNaN(w.M2) || w.M2 < -1e-6*w.Mean*w.Mean*float64(w.N), "%s%s: M2 %g", where, what, w.M2)
		}
	}
	sum := func(xs []int64) (n int64) {
		for _, x := range xs {
			n += x
		}
		return n
	}

	var offered, served, abandoned int64
	for qi, q := range st.Queues {
		name := where + "queue " + m.Queues[qi].Name
		require.Equal(t, q.Offered, q.Served+q.Abandoned+q.WaitingAtEnd+q.TurnedAway, "%s: conservation", name)
		require.Zero(t, q.TurnedAway, "%s: far below MaxWaiting", name)
		require.Equal(t, q.Offered, sum(q.HourOffered[:]), name)
		require.Equal(t, q.Abandoned, sum(q.HourAbandoned[:]), name)
		if m.Queues[qi].patience == nil {
			require.Zero(t, q.Abandoned, "%s: no patience, no abandonment", name)
		}
		require.Equal(t, q.Served, q.Wait.N, name)
		require.Equal(t, q.Served, q.WaitHist.N, name)
		require.Equal(t, q.WaitHist.N, q.WaitHist.Zero+sum(q.WaitHist.Counts), name)
		nonNegative(q.Wait, "queue wait")
		hourServed := int64(0)
		for h := range q.HourWait {
			nonNegative(q.HourWait[h], "hourly wait")
			hourServed += q.HourWait[h].N
		}
		require.Equal(t, q.Served, hourServed, name)
		require.LessOrEqual(t, q.Waited, q.Served, name)
		require.LessOrEqual(t, q.WithinTarget, q.Served, name)
		if m.Queues[qi].Within == 0 {
			require.Zero(t, q.WithinTarget, name)
		}
		require.GreaterOrEqual(t, q.LengthArea, 0.0, name)
		require.LessOrEqual(t, q.LengthArea, float64(q.PeakWaiting)*measured*(1+1e-9), name)
		require.GreaterOrEqual(t, int64(q.PeakWaiting), q.WaitingAtEnd, name)
		offered += q.Offered
		served += q.Served
		abandoned += q.Abandoned
	}

	inService := 0.0 // the most contacts that can be in service at once
	for pi, p := range st.Pools {
		name := where + "pool " + m.Pools[pi].Name
		pool := &m.Pools[pi]
		require.InDelta(t, dutyIntegral(pool, m.Warmup, m.End), p.OnDuty, 1e-6*(1+p.OnDuty), "%s: on-duty staff-time follows the rota", name)
		require.GreaterOrEqual(t, p.Busy, 0.0, name)
		require.GreaterOrEqual(t, p.Overrun, 0.0, name)
		peak := 0
		for _, c := range pool.rota.changes {
			peak = max(peak, c.level)
		}
		require.LessOrEqual(t, p.Busy+p.Overrun, float64(peak)*measured*(1+1e-9)+1e-6, "%s: busy staff never outnumber the most on duty", name)
		require.LessOrEqual(t, p.Busy, p.OnDuty*(1+1e-9)+1e-6, "%s: utilisation at most 1", name)
		if len(pool.rota.changes) == 1 {
			require.Zero(t, p.Overrun, "%s: no overrun with a constant rota", name)
		}
		busy, duty := 0.0, 0.0
		for h := range p.HourBusy {
			require.GreaterOrEqual(t, p.HourBusy[h], 0.0, name)
			busy += p.HourBusy[h]
			duty += p.HourOnDuty[h]
		}
		require.InDelta(t, p.Busy, busy, 1e-6*(1+p.Busy), name)
		require.InDelta(t, p.OnDuty, duty, 1e-6*(1+p.OnDuty), name)
		k := 1
		for _, pq := range pool.queues {
			k = max(k, m.Queues[pq.queue].Concurrency)
		}
		inService += float64(peak * k)
	}

	var inSystem, streamAbandoned, attempts int64
	for si, s := range st.Streams {
		name := where + "stream " + m.Streams[si].Name
		nonNegative(s.Answer, name+" answer")
		nonNegative(s.ToClinician, name+" time to clinician")
		nonNegative(s.InSystem, name+" time in system")
		require.Equal(t, s.Offered, sum(s.HourOffered[:]), name)
		require.LessOrEqual(t, s.Redials, s.Abandoned, "%s: a redial follows an abandonment", name)
		reached := int64(0)
		for _, d := range st.Dests {
			reached += d.ByStream[si]
		}
		require.Equal(t, s.InSystem.N, reached, "%s: contacts reaching a destination", name)
		inSystem += s.InSystem.N
		streamAbandoned += s.Abandoned
		attempts += s.Offered + s.Redials
	}
	var dests int64
	for di, d := range st.Dests {
		name := where + "destination " + m.Dests[di]
		require.Equal(t, d.Count, sum(d.ByStream), name)
		require.Equal(t, d.Count, sum(d.Hour[:]), name)
		dests += d.Count
	}
	require.Equal(t, inSystem, dests, "%sdestination counts add up to the contacts that left", where)

	if m.Warmup == 0 {
		require.Equal(t, abandoned, streamAbandoned, "%severy abandonment is some stream's", where)
		routed := offered - attempts
		require.GreaterOrEqual(t, routed, int64(0), "%sjoins: first attempts, redials and routed contacts", where)
		left := served - routed - dests
		require.GreaterOrEqual(t, left, int64(0), "%seach service ends in a routed join, a destination, or is still going", where)
		require.LessOrEqual(t, float64(left), inService, "%sstill in service at the end", where)
	}
}

// dutyIntegral integrates the pool's weekly on-duty step function over
// [from, to).
func dutyIntegral(p *Pool, from, to float64) float64 {
	upTo := func(x float64) float64 { // ∫ from 0 to x
		weeks := math.Floor(x / week)
		total, inWeek := 0.0, 0.0
		rest := x - weeks*week
		for i, c := range p.rota.changes {
			end := week
			if i+1 < len(p.rota.changes) {
				end = p.rota.changes[i+1].at
			}
			total += float64(c.level) * (end - c.at)
			if rest > c.at {
				inWeek += float64(c.level) * (math.Min(rest, end) - c.at)
			}
		}
		return weeks*total + inWeek
	}
	return upTo(to) - upTo(from)
}
