package results

import "iter"

// Report is what a run found. Map keys are the scenario's names; the JSON
// names are those the README's report section lists, and keep their meaning.
type Report struct {
	Scenario     string  `json:"scenario"`
	Seed         uint64  `json:"seed"`
	Replications int     `json:"replications"`
	Days         float64 `json:"days"`
	WarmupDays   float64 `json:"warmup_days"`

	// Keyed as the Sections are named.
	Queues       map[string]QueueReport   `json:"queues"`
	Pools        map[string]PoolReport    `json:"pools"`
	Streams      map[string]StreamReport  `json:"streams"`
	Destinations map[string]DestReport    `json:"destinations"`
	Channels     map[string]ChannelReport `json:"channels"`
	Hourly       Hourly                   `json:"hourly"`
	Targets      []TargetResult           `json:"targets"`
	// Inputs sum up the scenario run, for a reader who did not write it.
	Inputs *Inputs `json:"inputs,omitempty"`
	// Warnings say what a planner must know before trusting the figures,
	// such as a queue that grows without bound.
	Warnings []string `json:"warnings,omitempty"`
	Meta     Meta     `json:"meta"`

	// Order keeps the scenario's order of names for tables, which maps
	// do not.
	Order Order `json:"order"`
}

// Order lists names as the scenario gives them.
type Order struct {
	Queues       []string `json:"queues"`
	Pools        []string `json:"pools"`
	Streams      []string `json:"streams"`
	Destinations []string `json:"destinations"`
	Channels     []string `json:"channels"`
}

// QueueReport is a queue's figures, one for each of the measures of
// Queues.
type QueueReport struct{ Figures }

// PoolReport is a pool's figures, one for each of the measures of Pools.
type PoolReport struct{ Figures }

// StreamReport is a stream's channel and its figures, one for each of the
// measures of Streams.
type StreamReport struct {
	Channel string
	Figures
}

// ChannelReport adds up the streams of one channel: a figure for each of
// the measures of Channels.
type ChannelReport struct{ Figures }

// DestReport is a destination's figures, one for each of the measures of
// Destinations, and contacts a day from each stream.
type DestReport struct {
	Figures
	PerDayStream map[string]Figure
}

// byStream names a destination's contacts a day from each stream in JSON
// and CSV.
const byStream = "per_day_by_stream"

// Meta describes the run. Wall-clock time is left out unless asked for,
// so that one scenario and seed give the same report byte for byte.
type Meta struct {
	Version      string   `json:"version"`
	ConfigSHA256 string   `json:"config_sha256"`
	Events       uint64   `json:"events"`
	WallS        *float64 `json:"wall_s,omitempty"`
	// Partial marks the report of a run that was interrupted: its figures
	// are over the Completed replications that finished (the first ones,
	// so the report is the one a run of that many gives) of Requested.
	Partial   bool `json:"partial,omitempty"`
	Completed int  `json:"completed_replications,omitempty"`
	Requested int  `json:"requested_replications,omitempty"`
}

// Rows yields the report's rows of one of the Sections, each name with
// its figures, in the scenario's order.
func (r *Report) Rows(sec *Section) iter.Seq2[string, Figures] {
	names, get := r.section(sec)
	return func(yield func(string, Figures) bool) {
		for _, n := range names {
			if !yield(n, get(n)) {
				return
			}
		}
	}
}

// section is where the report keeps a section's rows: their order, and
// each row by name.
func (r *Report) section(sec *Section) ([]string, func(string) Figures) {
	switch sec {
	case Queues:
		return r.Order.Queues, func(n string) Figures { return r.Queues[n].Figures }
	case Pools:
		return r.Order.Pools, func(n string) Figures { return r.Pools[n].Figures }
	case Streams:
		return r.Order.Streams, func(n string) Figures { return r.Streams[n].Figures }
	case Channels:
		return r.Order.Channels, func(n string) Figures { return r.Channels[n].Figures }
	case Destinations:
		return r.Order.Destinations, func(n string) Figures { return r.Destinations[n].Figures }
	}
	panic("results: a report has no section " + sec.Name)
}

// The rows' JSON: Figures write themselves; these say which table to read
// with, and add a stream's channel and a destination's streams.

func (q *QueueReport) UnmarshalJSON(b []byte) error   { return q.read(Queues, b) }
func (p *PoolReport) UnmarshalJSON(b []byte) error    { return p.read(Pools, b) }
func (c *ChannelReport) UnmarshalJSON(b []byte) error { return c.read(Channels, b) }

func (s StreamReport) MarshalJSON() ([]byte, error) {
	return object(append([]member{{"channel", s.Channel}}, s.members()...))
}

func (s *StreamReport) UnmarshalJSON(b []byte) error {
	return s.read(Streams, b, member{"channel", &s.Channel})
}

func (d DestReport) MarshalJSON() ([]byte, error) {
	return object(append(d.members(), member{byStream, d.PerDayStream}))
}

func (d *DestReport) UnmarshalJSON(b []byte) error {
	return d.read(Destinations, b, member{byStream, &d.PerDayStream})
}
