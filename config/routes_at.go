package config

import "fmt"

// TimedRoutes are a queue's routes in a window of the week: from From to
// To on each of Days (every day when none), a window whose To is not after
// its From running past midnight into the next day. GP out-of-hours, say,
// takes bookings only when it is open; in hours the same disposition goes
// to the patient's own practice.
type TimedRoutes struct {
	Days   []Weekday          `mapstructure:"days" json:"days,omitempty"`
	From   TimeOfDay          `mapstructure:"from" json:"from"`
	To     TimeOfDay          `mapstructure:"to" json:"to"`
	Routes map[string]float64 `mapstructure:"routes" json:"routes"`
}

// Spans are the window's spans in seconds of the week from Monday 00:00,
// each [from, to) with from < to; a span past Sunday midnight is split in
// two.
func (w TimedRoutes) Spans() [][2]float64 {
	const day = 24 * 3600.0
	week := Week.Seconds()
	days := w.Days
	if len(days) == 0 {
		days = Weekdays()
	}
	var out [][2]float64
	for _, d := range days {
		from := float64(d)*day + w.From.Seconds()
		to := float64(d)*day + w.To.Seconds()
		if to <= from {
			to += day
		}
		if to > week {
			out = append(out, [2]float64{from, week}, [2]float64{0, to - week})
			continue
		}
		out = append(out, [2]float64{from, to})
	}
	return out
}

// RoutesIn are the routes in force at t seconds into the week: those of
// the first window that holds t, else Routes.
func (q Queue) RoutesIn(t float64) map[string]float64 {
	for _, w := range q.RoutesAt {
		for _, s := range w.Spans() {
			if t >= s[0] && t < s[1] {
				return w.Routes
			}
		}
	}
	return q.Routes
}

// AllRoutes are every routing table of the queue: Routes, then each
// window's.
func (q Queue) AllRoutes() []map[string]float64 {
	out := []map[string]float64{q.Routes}
	for _, w := range q.RoutesAt {
		out = append(out, w.Routes)
	}
	return out
}

// timedRoutes checks a queue's windows.
func (c *checker) timedRoutes(p string, ws []TimedRoutes) {
	for i, w := range ws {
		path := fmt.Sprintf("%s.routes_at[%d]", p, i)
		if !w.From.Given() {
			c.add(path+".from", "missing: when the window opens, \"08:00\"")
		}
		if !w.To.Given() {
			c.add(path+".to", "missing: when the window closes, \"18:30\" (before from: past midnight)")
		}
		if w.From.Given() && w.To.Given() && w.From == w.To {
			c.add(path+".to", "%s is when the window opens: a window needs some time (for the whole day leave routes_at out)", w.To)
		}
		c.routes(path+".routes", w.Routes)
	}
}
