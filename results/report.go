package results

// Figure is one measure over replications: the mean, the sample standard
// deviation between replications, and a 95% confidence interval for the
// mean from Student's t with n−1 degrees of freedom. With one replication
// the interval is the mean itself. N is the number of replications in
// which the figure could be measured (a mean wait needs someone served);
// with N = 0 it was never measured and the other fields are 0.
type Figure struct {
	Mean     float64 `json:"mean"`
	SD       float64 `json:"sd"`
	CI95Low  float64 `json:"ci95_low"`
	CI95High float64 `json:"ci95_high"`
	N        int     `json:"n"`
}

// Measured reports whether any replication measured the figure.
func (f Figure) Measured() bool { return f.N > 0 }

// Report is what a run found. Map keys are the scenario's names; the JSON
// names are those of SPEC.md and keep their meaning.
type Report struct {
	Scenario     string  `json:"scenario"`
	Seed         uint64  `json:"seed"`
	Replications int     `json:"replications"`
	Days         float64 `json:"days"`
	WarmupDays   float64 `json:"warmup_days"`

	Queues       map[string]QueueReport   `json:"queues"`
	Pools        map[string]PoolReport    `json:"pools"`
	Streams      map[string]StreamReport  `json:"streams"`
	Destinations map[string]DestReport    `json:"destinations"`
	Channels     map[string]ChannelReport `json:"channels"`
	Hourly       Hourly                   `json:"hourly"`
	Targets      []TargetResult           `json:"targets"`
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

// QueueReport: counts are per replication over the measured days; waits
// are in seconds, over served contacts.
type QueueReport struct {
	Offered              Figure `json:"offered"`
	Served               Figure `json:"served"`
	Abandoned            Figure `json:"abandoned"`
	WaitingAtEnd         Figure `json:"waiting_at_end"`
	TurnedAway           Figure `json:"turned_away"` // found sim.MaxWaiting already waiting
	AbandonFraction      Figure `json:"abandon_fraction"`
	ASA                  Figure `json:"asa_s"`
	WaitP50              Figure `json:"wait_p50_s"`
	WaitP90              Figure `json:"wait_p90_s"`
	WaitP95              Figure `json:"wait_p95_s"`
	WaitP99              Figure `json:"wait_p99_s"`
	WaitedFraction       Figure `json:"waited_fraction"`
	WithinTargetFraction Figure `json:"within_target_fraction"`
	QueueLengthMean      Figure `json:"queue_length_mean"`
}

// PoolReport: utilisation is busy over on-duty staff-time; staff_hours are
// on-duty staff-hours over the measured days; wte is the rota's rostered
// hours a week over 37.5 (on-duty hours grossed up by shrinkage).
type PoolReport struct {
	Utilisation Figure `json:"utilisation"`
	StaffHours  Figure `json:"staff_hours"`
	WTE         Figure `json:"wte"`
}

// StreamReport: first attempts, redials, and times in seconds from arrival
// to the first clinician and to reaching a destination.
type StreamReport struct {
	Channel         string `json:"channel"`
	Offered         Figure `json:"offered"`
	Redials         Figure `json:"redials"`
	Abandoned       Figure `json:"abandoned"`
	AbandonFraction Figure `json:"abandon_fraction"` // of all attempts, redials included
	// ASA: mean wait until first answered, in the queue the stream enters.
	ASA             Figure `json:"asa_s"`
	TimeToClinician Figure `json:"time_to_clinician_s"`
	TimeInSystem    Figure `json:"time_in_system_s"`
}

// ChannelReport adds up the streams of one channel.
type ChannelReport struct {
	Offered         Figure `json:"offered"`
	Abandoned       Figure `json:"abandoned"`
	AbandonFraction Figure `json:"abandon_fraction"`
	ASA             Figure `json:"asa_s"`
}

// DestReport: contacts ending at a destination over the measured days, a
// day, and a day from each stream.
type DestReport struct {
	Count        Figure            `json:"count"`
	PerDay       Figure            `json:"per_day"`
	PerDayStream map[string]Figure `json:"per_day_by_stream"`
}

// Hourly holds 24-bin profiles by hour of day (bin 0 is 00:00–01:00).
type Hourly struct {
	// Arrivals: first attempts a day in each hour, by stream.
	Arrivals map[string][]Figure `json:"arrivals"`
	// Offered: contacts a day joining each queue in each hour.
	Offered map[string][]Figure `json:"offered"`
	// ASA: mean wait of served contacts by the hour they joined, by queue.
	ASA map[string][]Figure `json:"asa_s"`
	// Utilisation by pool.
	Utilisation map[string][]Figure `json:"utilisation"`
	// Destinations: contacts a day reaching each destination in each hour.
	Destinations map[string][]Figure `json:"destinations"`
}

// TargetResult: whether a queue's target was met, on the mean over
// replications.
type TargetResult struct {
	Queue    string  `json:"queue"`
	WithinS  float64 `json:"within_s"`
	Fraction float64 `json:"fraction"`
	Achieved Figure  `json:"achieved"`
	Met      bool    `json:"met"`
}

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
