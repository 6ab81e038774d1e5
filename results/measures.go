package results

import (
	"math"

	"spoa/config"
	"spoa/sim"
)

// The report's sections, each a table of its measures. A measure added to
// a table is in the report, its JSON and CSV at once; naming it in a
// section's compare list puts it in comparisons, and a column in
// table.go puts it in the text table.
var (
	Queues = &Section{
		Name: "queues",
		Measures: []Measure{
			{Name: "offered", Label: "offered", Unit: Count, PerDay: true, value: func(v view) float64 { return float64(v.queueStats().Offered) }},
			{Name: "served", Label: "answered", Unit: Count, PerDay: true, value: func(v view) float64 { return float64(v.queueStats().Served) }},
			{Name: "abandoned", Label: "abandonments", Unit: Count, PerDay: true, value: func(v view) float64 { return float64(v.queueStats().Abandoned) }},
			{Name: "waiting_at_end", Label: "waiting at the end", Unit: Count, value: func(v view) float64 { return float64(v.queueStats().WaitingAtEnd) }},
			// Contacts that found sim.MaxWaiting already waiting, in the queue or in
			// all the replication's queues together.
			{Name: "turned_away", Label: "turned away", Unit: Count, PerDay: true, value: func(v view) float64 { return float64(v.queueStats().TurnedAway) }},
			{Name: "abandon_fraction", Label: "abandoned", Unit: Fraction, value: func(v view) float64 {
				q := v.queueStats()
				return ratio(float64(q.Abandoned), float64(q.Offered))
			}},
			// As NHS 111 statistics count it: after waiting 30 s or more.
			{Name: "abandon_late_fraction", Label: "abandoned after 30s", Unit: Fraction, value: func(v view) float64 {
				q := v.queueStats()
				return ratio(float64(q.AbandonedLate), float64(q.Offered))
			}},
			// Waits are over served contacts.
			{Name: "asa_s", Label: "mean wait", Unit: Seconds, value: func(v view) float64 { return meanOf(v.queueStats().Wait) }},
			{Name: "wait_p50_s", Label: "median wait", Unit: Seconds, value: waitQuantile(0.50)},
			{Name: "wait_p90_s", Label: "90th centile wait", Unit: Seconds, value: waitQuantile(0.90)},
			{Name: "wait_p95_s", Label: "95th centile wait", Unit: Seconds, value: waitQuantile(0.95)},
			{Name: "wait_p99_s", Label: "99th centile wait", Unit: Seconds, value: waitQuantile(0.99)},
			{Name: "waited_fraction", Label: "waited", Unit: Fraction, value: func(v view) float64 {
				q := v.queueStats()
				return ratio(float64(q.Waited), float64(q.Served))
			}},
			{Name: "within_target_fraction", Label: "within target", Unit: Fraction, value: func(v view) float64 {
				if !hasTarget(v.subject) {
					return math.NaN()
				}
				q := v.queueStats()
				return ratio(float64(q.WithinTarget), float64(q.Served))
			}},
			{Name: "queue_length_mean", Label: "mean queue", Unit: Count, value: func(v view) float64 {
				return v.queueStats().LengthArea / (v.m.Days * 86400)
			}},
		},
		compare: []shown{{"asa_s", nil}, {"wait_p90_s", nil}, {"within_target_fraction", hasTarget}, {"abandon_fraction", abandons}},
		rows: func(m *sim.Model) []subject {
			return single(m, len(m.Queues), func(i int) string { return m.Queues[i].Name })
		},
	}

	// Pools' measures add up the staff time of every pool in the row, so
	// that they serve the comparison's total of all pools too.
	Pools = &Section{
		Name:     "pools",
		Measures: poolMeasures,
		compare:  []shown{{"utilisation", nil}, {"wte", nil}},
		rows: func(m *sim.Model) []subject {
			return single(m, len(m.Pools), func(i int) string { return m.Pools[i].Name })
		},
	}

	// Streams' measures add up the streams in the row (one), so that they
	// serve channels too.
	Streams = &Section{
		Name:     "streams",
		Measures: streamMeasures,
		compare:  []shown{{"asa_s", nil}, {"abandon_fraction", nil}, {"time_to_clinician_s", nil}, {"time_in_system_s", nil}},
		rows: func(m *sim.Model) []subject {
			return single(m, len(m.Streams), func(i int) string { return m.Streams[i].Name })
		},
	}

	// Channels add up the streams of each channel (call, text, chat)
	// that the scenario uses.
	Channels = &Section{
		Name:     "channels",
		Measures: pick(streamMeasures, "offered", "abandoned", "abandon_fraction", "abandon_late_fraction", "asa_s"),
		compare:  []shown{{"asa_s", nil}, {"abandon_fraction", nil}},
		rows:     channelRows,
	}

	Destinations = &Section{
		Name: "destinations",
		Measures: []Measure{
			{Name: "count", Label: "contacts", Unit: Count, PerDay: true, value: func(v view) float64 { return float64(v.destStats().Count) }},
			{Name: "per_day", Label: "a day", Unit: Count, value: func(v view) float64 { return float64(v.destStats().Count) / v.m.Days }},
		},
		compare: []shown{{"per_day", nil}},
		rows: func(m *sim.Model) []subject {
			return single(m, len(m.Dests), func(i int) string { return m.Dests[i] })
		},
	}

	// Totals is in comparisons only: the staff and utilisation of all
	// pools together, which two designs with different pools still share.
	Totals = &Section{
		Name:     "totals",
		Measures: pick(poolMeasures, "wte", "utilisation"),
		compare:  []shown{{"wte", nil}, {"utilisation", nil}},
		rows: func(m *sim.Model) []subject {
			all := make([]int, len(m.Pools))
			for i := range all {
				all[i] = i
			}
			return []subject{{name: "all pools", m: m, idx: all}}
		},
	}
)

// Sections are the report's sections, in the order of its CSV.
var Sections = []*Section{Queues, Pools, Streams, Channels, Destinations}

var poolMeasures = []Measure{
	// Busy over on-duty staff-time: at most 1, since work past the end of a
	// shift is overrun, not busy time.
	{Name: "utilisation", Label: "utilisation", Unit: Fraction, value: func(v view) float64 {
		return ratio(v.poolSum(func(p *sim.PoolStats) float64 { return p.Busy }), v.poolSum(onDuty))
	}},
	// Staff-hours spent finishing the contact in hand after a shift ended.
	{Name: "overrun_hours", Label: "hours past shift end", Unit: Hours, PerDay: true, value: func(v view) float64 {
		return v.poolSum(func(p *sim.PoolStats) float64 { return p.Overrun }) / 3600
	}},
	// On-duty staff-hours over the measured days.
	{Name: "staff_hours", Label: "staff hours", Unit: Hours, PerDay: true, value: func(v view) float64 { return v.poolSum(onDuty) / 3600 }},
	// The rota's rostered hours a week over 37.5 (on-duty hours grossed up
	// by shrinkage).
	{Name: "wte", Label: "WTE", Unit: WTE, value: func(v view) float64 {
		wte := 0.0
		for _, i := range v.idx {
			wte += v.m.Pools[i].WTE()
		}
		return wte
	}},
}

var streamMeasures = []Measure{
	{Name: "offered", Label: "offered", Unit: Count, PerDay: true, value: func(v view) float64 {
		return v.streamSum(func(s *sim.StreamStats) int64 { return s.Offered })
	}},
	{Name: "redials", Label: "redials", Unit: Count, PerDay: true, value: func(v view) float64 {
		return v.streamSum(func(s *sim.StreamStats) int64 { return s.Redials })
	}},
	{Name: "abandoned", Label: "abandonments", Unit: Count, PerDay: true, value: func(v view) float64 {
		return v.streamSum(func(s *sim.StreamStats) int64 { return s.Abandoned })
	}},
	// Of all attempts, redials included.
	{Name: "abandon_fraction", Label: "abandoned", Unit: Fraction, value: func(v view) float64 {
		return ratio(v.streamSum(func(s *sim.StreamStats) int64 { return s.Abandoned }),
			v.streamSum(func(s *sim.StreamStats) int64 { return s.Offered + s.Redials }))
	}},
	{Name: "abandon_late_fraction", Label: "abandoned after 30s", Unit: Fraction, value: func(v view) float64 {
		return ratio(v.streamSum(func(s *sim.StreamStats) int64 { return s.AbandonedLate }),
			v.streamSum(func(s *sim.StreamStats) int64 { return s.Offered + s.Redials }))
	}},
	// The mean wait until first answered, in the queue the stream enters.
	{Name: "asa_s", Label: "mean wait", Unit: Seconds, value: func(v view) float64 {
		return v.streamMean(func(s *sim.StreamStats) sim.Welford { return s.Answer })
	}},
	// From arrival to the first clinician, and to reaching a destination.
	{Name: "time_to_clinician_s", Label: "time to clinician", Unit: Seconds, value: func(v view) float64 {
		return v.streamMean(func(s *sim.StreamStats) sim.Welford { return s.ToClinician })
	}},
	{Name: "time_in_system_s", Label: "time in system", Unit: Seconds, value: func(v view) float64 {
		return v.streamMean(func(s *sim.StreamStats) sim.Welford { return s.InSystem })
	}},
}

func waitQuantile(p float64) func(v view) float64 {
	return func(v view) float64 {
		q := v.queueStats()
		if q.Served == 0 {
			return math.NaN()
		}
		return q.WaitHist.Quantile(p)
	}
}

func hasTarget(s subject) bool        { return s.queue().Within > 0 }
func abandons(s subject) bool         { return s.queue().Abandons() }
func onDuty(p *sim.PoolStats) float64 { return p.OnDuty }

// channelRows groups the model's streams by channel, in the order of
// config.Channels, leaving out channels no stream uses.
func channelRows(m *sim.Model) []subject {
	idx := map[string][]int{}
	for i, s := range m.Streams {
		idx[s.Channel] = append(idx[s.Channel], i)
	}
	var out []subject
	for _, ch := range config.Channels {
		if len(idx[ch]) > 0 {
			out = append(out, subject{name: ch, m: m, idx: idx[ch]})
		}
	}
	return out
}

func (s subject) queue() *sim.Queue { return &s.m.Queues[s.idx[0]] }

func (v view) queueStats() *sim.QueueStats { return &v.x.Queues[v.idx[0]] }
func (v view) destStats() *sim.DestStats   { return &v.x.Dests[v.idx[0]] }

func (v view) streamSum(f func(*sim.StreamStats) int64) float64 {
	t := int64(0)
	for _, i := range v.idx {
		t += f(&v.x.Streams[i])
	}
	return float64(t)
}

// streamMean is the mean over every contact of the row's streams.
func (v view) streamMean(f func(*sim.StreamStats) sim.Welford) float64 {
	var w sim.Welford
	for _, i := range v.idx {
		w.Merge(f(&v.x.Streams[i]))
	}
	return meanOf(w)
}

func (v view) poolSum(f func(*sim.PoolStats) float64) float64 {
	t := 0.0
	for _, i := range v.idx {
		t += f(&v.x.Pools[i])
	}
	return t
}
