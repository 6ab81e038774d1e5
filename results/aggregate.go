package results

import (
	"fmt"

	"spoa/sim"
)

// Version is spoa's version, written into every report.
const Version = "0.1.0"

// Aggregate turns the replications of a model's run into a Report.
func Aggregate(m *sim.Model, st []sim.Stats) *Report {
	r := &Report{
		Scenario:     m.Name,
		Seed:         m.Seed,
		Replications: len(st),
		Days:         m.Days,
		WarmupDays:   m.WarmupDays,
		Queues:       map[string]QueueReport{},
		Pools:        map[string]PoolReport{},
		Streams:      map[string]StreamReport{},
		Destinations: map[string]DestReport{},
		Channels:     map[string]ChannelReport{},
		Hourly:       Hourly{},
		Targets:      []TargetResult{},
		Meta:         Meta{Version: Version, ConfigSHA256: m.Hash},
		Inputs:       inputsOf(m),
	}
	for i := range st {
		r.Meta.Events += st[i].Events
	}
	for _, s := range Queues.rows(m) {
		q := QueueReport{Queues.figures(s, st)}
		r.Order.Queues = append(r.Order.Queues, s.name)
		r.Queues[s.name] = q
		mq := s.queue()
		if mq.Within > 0 {
			r.Targets = append(r.Targets, judge(s, q, st))
		}
		r.Warnings = append(r.Warnings, overloadWarning(s.name, q, !mq.Abandons())...)
	}
	for _, s := range Pools.rows(m) {
		r.Order.Pools = append(r.Order.Pools, s.name)
		r.Pools[s.name] = PoolReport{Pools.figures(s, st)}
	}
	for _, s := range Streams.rows(m) {
		r.Order.Streams = append(r.Order.Streams, s.name)
		r.Streams[s.name] = StreamReport{Channel: m.Streams[s.idx[0]].Channel, Figures: Streams.figures(s, st)}
	}
	for _, s := range Channels.rows(m) {
		r.Order.Channels = append(r.Order.Channels, s.name)
		r.Channels[s.name] = ChannelReport{Channels.figures(s, st)}
	}
	for _, s := range Destinations.rows(m) {
		r.Order.Destinations = append(r.Order.Destinations, s.name)
		r.Destinations[s.name] = DestReport{Figures: Destinations.figures(s, st), PerDayStream: fromEachStream(s, st)}
	}
	for _, p := range Profiles {
		r.Hourly[p.Name] = p.figures(m, st)
	}
	return r
}

// fromEachStream is contacts a day reaching destination d from each stream.
func fromEachStream(d subject, st []sim.Stats) map[string]Figure {
	out := map[string]Figure{}
	for si, sm := range d.m.Streams {
		values := make([]float64, len(st))
		for i := range st {
			values[i] = float64(st[i].Dests[d.idx[0]].ByStream[si]) / d.m.Days
		}
		out[sm.Name] = figureOf(values).in(Count)
	}
	return out
}

// overloadWarning flags a queue that turned contacts away, having reached
// sim.MaxWaiting, and otherwise a queue with no abandonment whose backlog
// at the end is a visible share of what it was offered: its demand exceeds
// its capacity and it grows without bound, so its waits depend on the
// horizon.
func overloadWarning(name string, q QueueReport, noPatience bool) []string {
	offered, waiting, turned := q.Get("offered").Mean, q.Get("waiting_at_end").Mean, q.Get("turned_away").Mean
	if turned > 0 {
		return []string{fmt.Sprintf("queue %s: %.0f contacts a replication (%.1f%% of those offered) were turned away, because %d were already waiting in the queue, or in all the replication's queues together, the most spoa lets wait: demand exceeds capacity, the queue grows without bound and its figures depend on that limit and the horizon",
			name, turned, 100*turned/offered, sim.MaxWaiting)}
	}
	if !noPatience || offered == 0 {
		return nil
	}
	share := waiting / offered
	if share < 0.05 || waiting < 20 {
		return nil
	}
	return []string{fmt.Sprintf("queue %s: %.0f contacts (%.0f%% of those offered) still waiting at the end and nobody abandons: demand exceeds capacity, the queue grows without bound and its waits depend on the horizon",
		name, waiting, 100*share)}
}
