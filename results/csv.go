package results

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"spoa/config"
)

// csvHeader is the report's CSV header: a figure a row.
var csvHeader = []string{"section", "name", "measure", "key", "hour", "mean", "sd", "ci95_low", "ci95_high", "n"}

// WriteCSV writes the report in long form, one figure a row, for a
// spreadsheet or a data frame: section, name, measure; key, a stream's
// name (a destination's contacts a day from it) or a text (a per-hour
// target's worst hour, "sat 09:00"; meta's version and hash; a warning);
// hour, for a figure by hour, 0–23 of the day, or 0–167 of the week from
// Monday 00:00 for service_level_week and a worst hour of the week; then
// mean, sd, the 95% CI (cut to what the figure can take) and n, the
// replications that measured it, each rounded to 6 significant digits.
//
// A measure the table shows a day is a day here too, named NAME_per_day
// (offered_per_day, staff_hours_per_day); a destination's contacts are its
// per_day. A target judged per hour adds rows per_hour (1), hours_judged,
// hours_missed, worst_hour (its index) and worst_achieved. The run's
// figures are rows of section run, meta (version, config_sha256, events)
// of section meta, and each warning a row of section warnings.
func WriteCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	write := func(section, name, measure, key, hour string, f Figure) {
		_ = cw.Write([]string{section, name, measure, key, hour, num(f.Mean), num(f.SD), num(f.CI95Low), num(f.CI95High), strconv.Itoa(f.N)})
	}
	row := func(section, name, measure, key string, f Figure) { write(section, name, measure, key, "", f) }
	text := func(section, name, measure, key string) {
		_ = cw.Write([]string{section, name, measure, key, "", "", "", "", "", ""})
	}
	// exact writes a whole number as it is, since rounding a seed or a
	// count of events to 6 digits would change it.
	exact := func(section, measure string, x uint64) {
		v := strconv.FormatUint(x, 10)
		_ = cw.Write([]string{section, r.Scenario, measure, "", "", v, "0", v, v, "1"})
	}
	_ = cw.Write(csvHeader)
	one := func(x float64) Figure { return Figure{x, 0, x, x, 1} }
	exact("run", "seed", r.Seed)
	row("run", r.Scenario, "replications", "", one(float64(r.Replications)))
	row("run", r.Scenario, "days", "", one(r.Days))
	row("run", r.Scenario, "warmup_days", "", one(r.WarmupDays))
	if r.Meta.Partial {
		row("run", r.Scenario, "partial", "", one(1))
		row("run", r.Scenario, "completed_replications", "", one(float64(r.Meta.Completed)))
		row("run", r.Scenario, "requested_replications", "", one(float64(r.Meta.Requested)))
	}
	text("meta", r.Scenario, "version", r.Meta.Version)
	text("meta", r.Scenario, "config_sha256", r.Meta.ConfigSHA256)
	exact("meta", "events", r.Meta.Events)
	if r.Meta.WallS != nil {
		row("meta", r.Scenario, "wall_s", "", one(*r.Meta.WallS))
	}
	for _, sec := range Sections {
		for n, figs := range r.Rows(sec) {
			for m, f := range figs.All() {
				switch {
				case !m.PerDay:
					row(sec.Name, n, m.Name, "", f)
				case indexOf(sec.Measures, "per_day") < 0:
					row(sec.Name, n, m.Name+"_per_day", "", f.per(r.Days))
				}
				// A destination's count a day is its per_day.
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
				write("hourly", n, p.csvName(), "", strconv.Itoa(h), f)
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
			hour := strconv.Itoa(h.WorstHour)
			write("targets", t.Queue, "worst_hour", h.Worst, hour, one(float64(h.WorstHour)))
			write("targets", t.Queue, "worst_achieved", h.Worst, hour, h.Achieved)
		}
	}
	for _, w := range r.Warnings {
		text("warnings", r.Scenario, "warning", w)
	}
	cw.Flush()
	return cw.Error()
}

// per is a total over the measured days as a figure a day.
func (f Figure) per(days float64) Figure {
	return Figure{Mean: f.Mean / days, SD: f.SD / days, CI95Low: f.CI95Low / days, CI95High: f.CI95High / days, N: f.N}
}

// num writes a number rounded to 6 significant digits, which is more than
// any figure of a simulation is known to, in plain decimals: 0.912345,
// 770.123, 1234570.
func num(x float64) string {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}
