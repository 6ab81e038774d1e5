package results

import (
	"encoding/csv"
	"io"
	"strconv"
)

// WriteCSV writes the report in long form, one figure a row, for a
// spreadsheet: section, name, measure, key (an hour 0–23 or a stream name
// where the figure is broken down), then mean, sd, the 95% CI and n, the
// replications that measured it.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	row := func(section, name, measure, key string, f Figure) {
		_ = cw.Write([]string{section, name, measure, key, num(f.Mean), num(f.SD), num(f.CI95Low), num(f.CI95High), strconv.Itoa(f.N)})
	}
	_ = cw.Write([]string{"section", "name", "measure", "key", "mean", "sd", "ci95_low", "ci95_high", "n"})
	one := func(x float64) Figure { return Figure{x, 0, x, x, 1} }
	row("run", r.Scenario, "seed", "", one(float64(r.Seed)))
	row("run", r.Scenario, "replications", "", one(float64(r.Replications)))
	row("run", r.Scenario, "days", "", one(r.Days))
	row("run", r.Scenario, "warmup_days", "", one(r.WarmupDays))
	if r.Meta.Partial {
		row("run", r.Scenario, "partial", "", one(1))
		row("run", r.Scenario, "requested_replications", "", one(float64(r.Meta.Requested)))
	}
	for _, n := range r.Order.Queues {
		q := r.Queues[n]
		for _, m := range []struct {
			name string
			f    Figure
		}{
			{"offered", q.Offered}, {"served", q.Served}, {"abandoned", q.Abandoned},
			{"waiting_at_end", q.WaitingAtEnd}, {"turned_away", q.TurnedAway}, {"abandon_fraction", q.AbandonFraction},
			{"asa_s", q.ASA}, {"wait_p50_s", q.WaitP50}, {"wait_p90_s", q.WaitP90},
			{"wait_p95_s", q.WaitP95}, {"wait_p99_s", q.WaitP99}, {"waited_fraction", q.WaitedFraction},
			{"within_target_fraction", q.WithinTargetFraction}, {"queue_length_mean", q.QueueLengthMean},
		} {
			row("queues", n, m.name, "", m.f)
		}
	}
	for _, n := range r.Order.Pools {
		p := r.Pools[n]
		row("pools", n, "utilisation", "", p.Utilisation)
		row("pools", n, "staff_hours", "", p.StaffHours)
		row("pools", n, "wte", "", p.WTE)
	}
	for _, n := range r.Order.Streams {
		s := r.Streams[n]
		row("streams", n, "offered", "", s.Offered)
		row("streams", n, "redials", "", s.Redials)
		row("streams", n, "abandoned", "", s.Abandoned)
		row("streams", n, "abandon_fraction", "", s.AbandonFraction)
		row("streams", n, "asa_s", "", s.ASA)
		row("streams", n, "time_to_clinician_s", "", s.TimeToClinician)
		row("streams", n, "time_in_system_s", "", s.TimeInSystem)
	}
	for _, n := range r.Order.Channels {
		c := r.Channels[n]
		row("channels", n, "offered", "", c.Offered)
		row("channels", n, "abandoned", "", c.Abandoned)
		row("channels", n, "abandon_fraction", "", c.AbandonFraction)
		row("channels", n, "asa_s", "", c.ASA)
	}
	for _, n := range r.Order.Destinations {
		d := r.Destinations[n]
		row("destinations", n, "count", "", d.Count)
		row("destinations", n, "per_day", "", d.PerDay)
		for _, s := range r.Order.Streams {
			row("destinations", n, "per_day_by_stream", s, d.PerDayStream[s])
		}
	}
	hourly := func(measure string, names []string, m map[string][]Figure) {
		for _, n := range names {
			for h, f := range m[n] {
				row("hourly", n, measure, strconv.Itoa(h), f)
			}
		}
	}
	hourly("arrivals_per_day", r.Order.Streams, r.Hourly.Arrivals)
	hourly("offered_per_day", r.Order.Queues, r.Hourly.Offered)
	hourly("asa_s", r.Order.Queues, r.Hourly.ASA)
	hourly("utilisation", r.Order.Pools, r.Hourly.Utilisation)
	hourly("destinations_per_day", r.Order.Destinations, r.Hourly.Destinations)
	for _, t := range r.Targets {
		met := 0.0
		if t.Met {
			met = 1
		}
		row("targets", t.Queue, "within_s", "", one(t.WithinS))
		row("targets", t.Queue, "fraction", "", one(t.Fraction))
		row("targets", t.Queue, "achieved", "", t.Achieved)
		row("targets", t.Queue, "met", "", one(met))
	}
	cw.Flush()
	return cw.Error()
}

// num writes a number as briefly as it round-trips.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
