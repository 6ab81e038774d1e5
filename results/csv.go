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
	}
	cw.Flush()
	return cw.Error()
}

// num writes a number as briefly as it round-trips.
func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
