package results

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/sim"
)

// Version is spoa's version, written into every report.
const Version = "0.1.0"

// series collects one figure's value in each replication. A replication in
// which the figure is undefined (a mean wait with nobody served) adds
// nothing.
type series struct{ w sim.Welford }

func (s *series) add(x float64) {
	if !math.IsNaN(x) && !math.IsInf(x, 0) {
		s.w.Add(x)
	}
}

func (s *series) figure() Figure {
	n := s.w.N
	if n == 0 {
		return Figure{}
	}
	f := Figure{Mean: s.w.Mean, SD: s.w.SD(), CI95Low: s.w.Mean, CI95High: s.w.Mean, N: int(n)}
	if n > 1 {
		t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(0.975)
		half := t * f.SD / math.Sqrt(float64(n))
		f.CI95Low, f.CI95High = f.Mean-half, f.Mean+half
	}
	return f
}

// over builds a Figure from f applied to every replication.
func over(st []sim.Stats, f perRep) Figure {
	var s series
	for i := range st {
		s.add(f(&st[i]))
	}
	return s.figure()
}

// meanOf is a running mean, undefined (NaN) when nothing was observed.
func meanOf(w sim.Welford) float64 {
	if w.N == 0 {
		return math.NaN()
	}
	return w.Mean
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}

// Aggregate turns the replications of a model's run into a Report.
func Aggregate(m *sim.Model, st []sim.Stats) *Report {
	days := m.Days
	r := &Report{
		Scenario:     m.Name,
		Seed:         m.Seed,
		Replications: len(st),
		Days:         days,
		WarmupDays:   m.WarmupDays,
		Queues:       map[string]QueueReport{},
		Pools:        map[string]PoolReport{},
		Streams:      map[string]StreamReport{},
		Destinations: map[string]DestReport{},
		Channels:     map[string]ChannelReport{},
		Hourly: Hourly{
			Arrivals:     map[string][]Figure{},
			Offered:      map[string][]Figure{},
			ASA:          map[string][]Figure{},
			Utilisation:  map[string][]Figure{},
			Destinations: map[string][]Figure{},
		},
		Targets: []TargetResult{},
		Meta:    Meta{Version: Version, ConfigSHA256: m.Hash},
	}
	for i := range st {
		r.Meta.Events += st[i].Events
	}
	for qi, q := range m.Queues {
		r.Order.Queues = append(r.Order.Queues, q.Name)
		qs := func(x *sim.Stats) *sim.QueueStats { return &x.Queues[qi] }
		quantile := func(p float64) Figure { return over(st, queueWaitQuantile(qi, p)) }
		qr := QueueReport{
			Offered:      over(st, func(x *sim.Stats) float64 { return float64(qs(x).Offered) }),
			Served:       over(st, func(x *sim.Stats) float64 { return float64(qs(x).Served) }),
			Abandoned:    over(st, func(x *sim.Stats) float64 { return float64(qs(x).Abandoned) }),
			WaitingAtEnd: over(st, func(x *sim.Stats) float64 { return float64(qs(x).WaitingAtEnd) }),
			TurnedAway:   over(st, func(x *sim.Stats) float64 { return float64(qs(x).TurnedAway) }),
			AbandonFraction: over(st, func(x *sim.Stats) float64 {
				return ratio(float64(qs(x).Abandoned), float64(qs(x).Offered))
			}),
			ASA:     over(st, func(x *sim.Stats) float64 { return meanOf(qs(x).Wait) }),
			WaitP50: quantile(0.50),
			WaitP90: quantile(0.90),
			WaitP95: quantile(0.95),
			WaitP99: quantile(0.99),
			WaitedFraction: over(st, func(x *sim.Stats) float64 {
				return ratio(float64(qs(x).Waited), float64(qs(x).Served))
			}),
			WithinTargetFraction: over(st, func(x *sim.Stats) float64 {
				if q.Within == 0 {
					return math.NaN()
				}
				return queueWithinTarget(qi)(x)
			}),
			QueueLengthMean: over(st, func(x *sim.Stats) float64 { return qs(x).LengthArea / (days * 86400) }),
		}
		r.Queues[q.Name] = qr
		r.Hourly.Offered[q.Name] = hourly(st, func(x *sim.Stats, h int) float64 { return float64(qs(x).HourOffered[h]) / days })
		r.Hourly.ASA[q.Name] = hourly(st, func(x *sim.Stats, h int) float64 { return meanOf(qs(x).HourWait[h]) })
		if q.Within > 0 {
			tr := TargetResult{Queue: q.Name, WithinS: q.Within, Fraction: q.Fraction, Achieved: qr.WithinTargetFraction}
			tr.Met = qr.Served.Mean > 0 && tr.Achieved.Mean >= q.Fraction
			r.Targets = append(r.Targets, tr)
		}
		r.Warnings = append(r.Warnings, overloadWarning(q.Name, qr, !q.Abandons())...)
	}
	for pi, p := range m.Pools {
		r.Order.Pools = append(r.Order.Pools, p.Name)
		ps := func(x *sim.Stats) *sim.PoolStats { return &x.Pools[pi] }
		r.Pools[p.Name] = PoolReport{
			Utilisation: over(st, poolUtilisation(pi)),
			StaffHours:  over(st, func(x *sim.Stats) float64 { return ps(x).OnDuty / 3600 }),
			WTE:         over(st, func(*sim.Stats) float64 { return p.WTE() }),
		}
		r.Hourly.Utilisation[p.Name] = hourly(st, func(x *sim.Stats, h int) float64 {
			return ratio(ps(x).HourBusy[h], ps(x).HourOnDuty[h])
		})
	}
	for si, sm := range m.Streams {
		r.Order.Streams = append(r.Order.Streams, sm.Name)
		ss := func(x *sim.Stats) *sim.StreamStats { return &x.Streams[si] }
		r.Streams[sm.Name] = StreamReport{
			Channel:         sm.Channel,
			Offered:         over(st, func(x *sim.Stats) float64 { return float64(ss(x).Offered) }),
			Redials:         over(st, func(x *sim.Stats) float64 { return float64(ss(x).Redials) }),
			Abandoned:       over(st, func(x *sim.Stats) float64 { return float64(ss(x).Abandoned) }),
			AbandonFraction: over(st, streamsAbandon([]int{si})),
			ASA:             over(st, streamsASA([]int{si})),
			TimeToClinician: over(st, func(x *sim.Stats) float64 { return meanOf(ss(x).ToClinician) }),
			TimeInSystem:    over(st, func(x *sim.Stats) float64 { return meanOf(ss(x).InSystem) }),
		}
		r.Hourly.Arrivals[sm.Name] = hourly(st, func(x *sim.Stats, h int) float64 { return float64(ss(x).HourOffered[h]) / days })
	}
	r.Channels, r.Order.Channels = channels(m, st)
	for di, d := range m.Dests {
		r.Order.Destinations = append(r.Order.Destinations, d)
		ds := func(x *sim.Stats) *sim.DestStats { return &x.Dests[di] }
		dr := DestReport{
			Count:        over(st, func(x *sim.Stats) float64 { return float64(ds(x).Count) }),
			PerDay:       over(st, func(x *sim.Stats) float64 { return float64(ds(x).Count) / days }),
			PerDayStream: map[string]Figure{},
		}
		for si, sm := range m.Streams {
			dr.PerDayStream[sm.Name] = over(st, func(x *sim.Stats) float64 { return float64(ds(x).ByStream[si]) / days })
		}
		r.Destinations[d] = dr
		r.Hourly.Destinations[d] = hourly(st, func(x *sim.Stats, h int) float64 { return float64(ds(x).Hour[h]) / days })
	}
	return r
}

func hourly(st []sim.Stats, f func(*sim.Stats, int) float64) []Figure {
	out := make([]Figure, 24)
	for h := range out {
		out[h] = over(st, func(x *sim.Stats) float64 { return f(x, h) })
	}
	return out
}

// overloadWarning flags a queue that turned contacts away, having reached
// sim.MaxWaiting, and otherwise a queue with no abandonment whose backlog at the
// end is a visible share of what it was offered: its demand exceeds its
// capacity and it grows without bound, so its waits depend on the horizon.
func overloadWarning(name string, q QueueReport, noPatience bool) []string {
	if q.TurnedAway.Mean > 0 {
		return []string{fmt.Sprintf("queue %s: %.0f contacts a replication (%.1f%% of those offered) were turned away, because %d were already waiting, the most spoa lets wait in one queue: demand exceeds capacity, the queue grows without bound and its figures depend on that limit and the horizon",
			name, q.TurnedAway.Mean, 100*q.TurnedAway.Mean/q.Offered.Mean, sim.MaxWaiting)}
	}
	if !noPatience || q.Offered.Mean == 0 {
		return nil
	}
	share := q.WaitingAtEnd.Mean / q.Offered.Mean
	if share < 0.05 || q.WaitingAtEnd.Mean < 20 {
		return nil
	}
	return []string{fmt.Sprintf("queue %s: %.0f contacts (%.0f%% of those offered) still waiting at the end and nobody abandons: demand exceeds capacity, the queue grows without bound and its waits depend on the horizon",
		name, q.WaitingAtEnd.Mean, 100*share)}
}

// channels adds up the streams of each channel (call, text, chat) that
// the scenario uses.
func channels(m *sim.Model, st []sim.Stats) (map[string]ChannelReport, []string) {
	out := map[string]ChannelReport{}
	order, idx := channelStreams(m)
	for _, ch := range order {
		out[ch] = ChannelReport{
			Offered:         over(st, streamsOffered(idx[ch])),
			Abandoned:       over(st, streamsAbandoned(idx[ch])),
			AbandonFraction: over(st, streamsAbandon(idx[ch])),
			ASA:             over(st, streamsASA(idx[ch])),
		}
	}
	return out, order
}
