package results

import (
	"spoa/sim"
)

// Inputs sum up the scenario a report is of, for a reader who did not
// write it: its demand, queues and staff as the model compiled them.
type Inputs struct {
	Streams []StreamInput `json:"streams"`
	Queues  []QueueInput  `json:"queues"`
	Pools   []PoolInput   `json:"pools"`
	// DemandVariesByDay: some stream's demand differs by day of the week.
	DemandVariesByDay bool `json:"demand_varies_by_day"`
}

// StreamInput is a stream's demand: contacts a day on average and on each
// day of the week (Monday first), and the queue it enters.
type StreamInput struct {
	Name    string     `json:"name"`
	Channel string     `json:"channel"`
	PerDay  float64    `json:"per_day"`
	ByDay   [7]float64 `json:"per_day_by_weekday"`
	Enters  string     `json:"enters"`
}

// QueueInput is a queue: its priority (1 first), the pools that serve it
// in order, its target, and whether its contacts give up.
type QueueInput struct {
	Name     string   `json:"name"`
	Priority int      `json:"priority"`
	ServedBy []string `json:"served_by"`
	WithinS  float64  `json:"target_within_s,omitempty"`
	Fraction float64  `json:"target_fraction,omitempty"`
	Abandons bool     `json:"abandons"`
}

// PoolInput is a staff pool: its WTE, shrinkage, whether it counts as
// clinicians, and its rota's staff on duty in each hour of the week (at
// the hour's start, after shrinkage).
type PoolInput struct {
	Name      string  `json:"name"`
	Clinician bool    `json:"clinician"`
	Shrinkage float64 `json:"shrinkage"`
	WTE       float64 `json:"wte"`
	OnDuty    []int   `json:"on_duty_by_hour_of_week"`
}

// inputsOf sums up the model.
func inputsOf(m *sim.Model) *Inputs {
	in := &Inputs{DemandVariesByDay: m.DemandVariesByDay()}
	for i := range m.Streams {
		s := &m.Streams[i]
		si := StreamInput{Name: s.Name, Channel: s.Channel, PerDay: s.PerDay, Enters: m.Queues[s.Queue].Name}
		for h := range sim.HoursOfWeek {
			si.ByDay[h/24] += s.PerHourOfWeek(h)
		}
		in.Streams = append(in.Streams, si)
	}
	for i := range m.Queues {
		q := &m.Queues[i]
		qi := QueueInput{Name: q.Name, Priority: q.Priority, WithinS: q.Within, Fraction: q.Fraction, Abandons: q.Abandons(), ServedBy: []string{}}
		for _, p := range q.ServedBy {
			qi.ServedBy = append(qi.ServedBy, m.Pools[p].Name)
		}
		in.Queues = append(in.Queues, qi)
	}
	for i := range m.Pools {
		p := &m.Pools[i]
		pi := PoolInput{Name: p.Name, Clinician: p.Clinician, Shrinkage: p.Shrinkage, WTE: p.WTE(), OnDuty: make([]int, sim.HoursOfWeek)}
		for h := range pi.OnDuty {
			pi.OnDuty[h] = p.OnDutyAtHourOfWeek(h)
		}
		in.Pools = append(in.Pools, pi)
	}
	return in
}
