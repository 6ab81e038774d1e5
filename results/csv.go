package results

import (
	"encoding/csv"
	"io"
	"strconv"

	"spoa/config"
)

// WriteCSV writes the report in long form, one figure a row, for a
// spreadsheet: section, name, measure, key (an hour of day 0–23, an hour
// of the week 0–167 for a profile by hour of the week, a stream's name, or
// a per-hour target's worst hour, "sat 09:00", where the figure is broken
// down), then mean, sd, the 95% CI and n, the replications that measured
// it. A target judged per hour adds rows per_hour (1), hours_judged,
// hours_missed, worst_hour (its index: of the day, or of the week from
// Monday 00:00) and worst_achieved.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	row := func(section, name, measure, key string, f Figure) {
		_ = cw.Write([]string{section, name, measure, key, num(f.Mean), num(f.SD), num(f.CI95Low), num(f.CI95High), strconv.Itoa(f.N)})
	}
	_ = cw.Write([]string{"section", "name", "measure", "key", "mean", "sd", "ci95_low", "ci95_high", "n"})
	one := func(x float64) Figure { return Figure{x, 0, x, x, 1} }
	// The seed is a whole number of up to 20 digits, which a float64 would
	// round: written as it is.
	seed := strconv.FormatUint(r.Seed, 10)
	_ = cw.Write([]string{"run", r.Scenario, "seed", "", seed, "0", seed, seed, "1"})
	row("run", r.Scenario, "replications", "", one(float64(r.Replications)))
	row("run", r.Scenario, "days", "", one(r.Days))
	row("run", r.Scenario, "warmup_days", "", one(r.WarmupDays))
	if r.Meta.Partial {
		row("run", r.Scenario, "partial", "", one(1))
		row("run", r.Scenario, "requested_replications", "", one(float64(r.Meta.Requested)))
	}
	for _, sec := range Sections {
		for n, figs := range r.Rows(sec) {
			for m, f := range figs.All() {
				row(sec.Name, n, m.Name, "", f)
			}
			if sec == Destinations {
				for _, s := range r.Order.Streams {
					row(sec.Name, n, byStream, s, r.Destinations[n].PerDayStream[s])
				}
			}
		}
	}
	for _, p := range Profiles {
		for n := range r.Rows(p.Section) {
			for h, f := range r.Hourly[p.Name][n] {
				row("hourly", n, p.csvName(), strconv.Itoa(h), f)
			}
		}
	}
	for _, t := range r.Targets {
		met := 0.0
		if t.Met {
			met = 1
		}
		row("targets", t.Queue, "within_s", "", one(t.WithinS))
		row("targets", t.Queue, "fraction", "", one(t.Fraction))
		row("targets", t.Queue, "achieved", "", t.Achieved)
		row("targets", t.Queue, "met", "", one(met))
		if t.Per != config.PerHour {
			continue
		}
		row("targets", t.Queue, "per_hour", "", one(1))
		if h := t.ByHour; h != nil {
			row("targets", t.Queue, "hours_judged", "", one(float64(h.Hours)))
			row("targets", t.Queue, "hours_missed", "", one(float64(h.Missed)))
			row("targets", t.Queue, "worst_hour", h.Worst, one(float64(h.WorstHour)))
			row("targets", t.Queue, "worst_achieved", h.Worst, h.Achieved)
		}
	}
	cw.Flush()
	return cw.Error()
}

// num writes a number as briefly as it round-trips.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
