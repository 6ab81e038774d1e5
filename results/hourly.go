package results

import (
	"math"

	"spoa/sim"
)

// Profile is a figure by hour of day: 24 figures, bin 0 being 00:00–01:00,
// for each row of its section; or, where Week is set, by hour of the week:
// 168 figures, bin 0 being Monday 00:00–01:00.
type Profile struct {
	Name  string // the key under "hourly" in JSON
	Label string // what people call it: "mean wait"
	// PerDay: the figures are a day's, a count over the measured days
	// divided by them, and CSV calls the profile NAME_per_day.
	PerDay bool
	Unit   Unit
	// Section is whose rows have the profile: Report.Rows gives their
	// names in order.
	Section *Section
	// Week: 168 bins by hour of the week rather than 24 by hour of day.
	Week bool
	// value is the figure in hour h of one replication.
	value func(v view, h int) float64
	// has, if set, says which rows have the profile; the others have none
	// (a queue without a target has no service level).
	has func(s subject) bool
}

// Bins is the number of hours the profile has: 24, or 168 for Week.
func (p Profile) Bins() int {
	if p.Week {
		return sim.HoursOfWeek
	}
	return 24
}

// level is a share answered within target, NaN (not measured) when
// nobody was served then.
func level(x float64, ok bool) float64 {
	if !ok {
		return math.NaN()
	}
	return x
}

// weekMatters decides which queues with a target have a service level by
// hour of the week as well as by hour of day: all of them when the week
// tells more than the day does, that is when any of the scenario's targets
// is judged per hour (the report then names a worst hour of the week) or
// when demand or a rota differs by day of the week (sim.Model.VariesByDay).
// Otherwise every day is alike, and 168 bins would repeat the 24 with more
// noise.
func weekMatters(s subject) bool {
	if !hasTarget(s) {
		return false
	}
	for i := range s.m.Queues {
		if s.m.Queues[i].ByHour {
			return true
		}
	}
	return s.m.VariesByDay()
}

// Profiles are the report's figures by hour of day, in the order of its
// JSON and CSV.
var Profiles = []Profile{
	// First attempts.
	{Name: "arrivals", Label: "arrivals", PerDay: true, Unit: Count, Section: Streams, value: func(v view, h int) float64 {
		return v.streamSum(func(s *sim.StreamStats) int64 { return s.HourOffered[h] })
	}},
	// Contacts joining each queue.
	{Name: "offered", Label: "offered", PerDay: true, Unit: Count, Section: Queues, value: func(v view, h int) float64 {
		return float64(v.queueStats().HourOffered[h])
	}},
	// The mean wait of served contacts by the hour they joined.
	{Name: "asa_s", Label: "mean wait", Unit: Seconds, Section: Queues, value: func(v view, h int) float64 {
		return meanOf(v.queueStats().HourWait[h])
	}},
	{Name: "utilisation", Label: "utilisation", Unit: Fraction, Section: Pools, value: func(v view, h int) float64 {
		return ratio(v.poolSum(func(p *sim.PoolStats) float64 { return p.HourBusy[h] }),
			v.poolSum(func(p *sim.PoolStats) float64 { return p.HourOnDuty[h] }))
	}},
	// The mean number of staff on duty, and busy, in each hour of the day:
	// staff-hours then over the measured days.
	{Name: "staff_on_duty", Label: "staff on duty", Unit: Count, Section: Pools, value: func(v view, h int) float64 {
		return v.poolSum(func(p *sim.PoolStats) float64 { return p.HourOnDuty[h] }) / (3600 * v.m.Days)
	}},
	{Name: "staff_busy", Label: "staff busy", Unit: Count, Section: Pools, value: func(v view, h int) float64 {
		return v.poolSum(func(p *sim.PoolStats) float64 { return p.HourBusy[h] }) / (3600 * v.m.Days)
	}},
	// Contacts reaching each destination.
	{Name: "destinations", Label: "contacts", PerDay: true, Unit: Count, Section: Destinations, value: func(v view, h int) float64 {
		return float64(v.destStats().Hour[h])
	}},
	// The share of served contacts answered within the queue's target, by
	// the hour of day they joined (sim's one definition of it).
	{Name: "service_level", Label: "answered within target", Unit: Fraction, Section: Queues, has: hasTarget, value: func(v view, h int) float64 {
		return level(v.queueStats().LevelOfDay(h))
	}},
	// The same by the hour of the week they joined: what a target judged
	// per hour is judged on.
	{Name: "service_level_week", Label: "answered within target", Unit: Fraction, Section: Queues, Week: true, has: weekMatters, value: func(v view, h int) float64 {
		return level(v.queueStats().LevelIn(h, h+1))
	}},
}

// csvName is the profile's name in the measure column of CSV.
func (p Profile) csvName() string {
	if p.PerDay {
		return p.Name + "_per_day"
	}
	return p.Name
}

// figures are the profile of each row of its section in a model, over
// the replications.
func (p Profile) figures(m *sim.Model, st []sim.Stats) map[string][]Figure {
	out := map[string][]Figure{}
	for _, s := range p.Section.rows(m) {
		if p.has != nil && !p.has(s) {
			continue
		}
		bins := make([]Figure, p.Bins())
		for h := range bins {
			values := make([]float64, len(st))
			for i := range st {
				values[i] = p.value(view{s, &st[i]}, h)
				if p.PerDay {
					values[i] /= m.Days
				}
			}
			bins[h] = figureOf(values).in(p.Unit)
		}
		out[s.name] = bins
	}
	return out
}

// Hourly holds the report's profiles by name (Profiles), each a profile
// of 24 (or 168) figures by the name of a queue, pool, stream or
// destination; a row without the profile has no entry.
type Hourly map[string]map[string][]Figure

// MarshalJSON writes the profiles in the order of Profiles.
func (h Hourly) MarshalJSON() ([]byte, error) {
	members := make([]member, len(Profiles))
	for i, p := range Profiles {
		members[i] = member{p.Name, h[p.Name]}
	}
	return object(members)
}

// UnmarshalJSON reads the profiles, refusing one it does not know.
func (h *Hourly) UnmarshalJSON(b []byte) error {
	read := make([]map[string][]Figure, len(Profiles))
	members := make([]member, len(Profiles))
	for i, p := range Profiles {
		members[i] = member{p.Name, &read[i]}
	}
	if err := readObject(b, members); err != nil {
		return err
	}
	*h = Hourly{}
	for i, p := range Profiles {
		(*h)[p.Name] = read[i]
	}
	return nil
}
