package results

import (
	"spoa/sim"
)

// Profile is a figure by hour of day: 24 figures, bin 0 being 00:00–01:00,
// for each row of its section.
type Profile struct {
	Name string // the key under "hourly" in JSON
	// PerDay: the figures are a day's, a count over the measured days
	// divided by them, and CSV calls the profile NAME_per_day.
	PerDay bool
	Unit   Unit
	// Section is whose rows have the profile: Report.Rows gives their
	// names in order.
	Section *Section
	// value is the figure in hour h of one replication.
	value func(v view, h int) float64
}

// Profiles are the report's figures by hour of day, in the order of its
// JSON and CSV.
var Profiles = []Profile{
	// First attempts.
	{Name: "arrivals", PerDay: true, Unit: Count, Section: Streams, value: func(v view, h int) float64 {
		return v.streamSum(func(s *sim.StreamStats) int64 { return s.HourOffered[h] })
	}},
	// Contacts joining each queue.
	{Name: "offered", PerDay: true, Unit: Count, Section: Queues, value: func(v view, h int) float64 {
		return float64(v.queueStats().HourOffered[h])
	}},
	// The mean wait of served contacts by the hour they joined.
	{Name: "asa_s", Unit: Seconds, Section: Queues, value: func(v view, h int) float64 {
		return meanOf(v.queueStats().HourWait[h])
	}},
	{Name: "utilisation", Unit: Fraction, Section: Pools, value: func(v view, h int) float64 {
		return ratio(v.poolSum(func(p *sim.PoolStats) float64 { return p.HourBusy[h] }),
			v.poolSum(func(p *sim.PoolStats) float64 { return p.HourOnDuty[h] }))
	}},
	// Contacts reaching each destination.
	{Name: "destinations", PerDay: true, Unit: Count, Section: Destinations, value: func(v view, h int) float64 {
		return float64(v.destStats().Hour[h])
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
		bins := make([]Figure, 24)
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
// of 24 figures by the name of a queue, pool, stream or destination.
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
