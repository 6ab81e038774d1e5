package results

import (
	"strconv"

	"spoa/config"
	"spoa/sim"
)

// Sheet is a table of a report for a spreadsheet: a name, a header, and
// rows of cells that keep numbers as numbers. ReportSheets and its kin
// make them; results/xlsx writes them as an Excel workbook. Headers carry
// the unit ("mean wait (s)", "abandoned (%)") and say "a day" where the
// text table shows a figure a day.
type Sheet struct {
	Name string
	Head []string
	Rows [][]Cell
}

// Cell is one value of a sheet: empty, a number, a text or a yes/no.
type Cell struct {
	Kind CellKind
	Num  float64
	Text string
	Bool bool
	// Percent: a share of 1, shown in per cent (the number stays 0.123).
	Percent bool
}

// CellKind is what a Cell holds.
type CellKind int

const (
	Empty CellKind = iota
	Number
	Text
	Bool
)

// numCell is a number; textCell a text; boolCell a yes or no.
func numCell(x float64) Cell { return Cell{Kind: Number, Num: x} }
func textCell(s string) Cell { return Cell{Kind: Text, Text: s} }
func boolCell(b bool) Cell   { return Cell{Kind: Bool, Bool: b} }

// valueCell is a value in a unit: a share shown in per cent.
func valueCell(x float64, u Unit) Cell {
	c := numCell(x)
	c.Percent = u == Fraction
	return c
}

// figureCells are a figure's mean and 95% CI in unit u, divided by div (the
// days, for a figure shown a day); empty where it was never measured, and
// the CI empty where it has none.
func figureCells(f Figure, u Unit, div float64) []Cell {
	if !f.Measured() {
		return []Cell{{}, {}, {}}
	}
	mean := valueCell(f.Mean/div, u)
	if !f.HasCI() {
		return []Cell{mean, {}, {}}
	}
	return []Cell{mean, valueCell(f.CI95Low/div, u), valueCell(f.CI95High/div, u)}
}

// unitName is how a header names a unit: "s", "%", "WTE".
func unitName(u Unit) string {
	switch u {
	case Seconds:
		return "s"
	case Fraction:
		return "%"
	case Hours:
		return "hours"
	case WTE:
		return "WTE"
	}
	return ""
}

// heading is a measure's column heading: its label, "a day" where the
// table shows it a day, and its unit.
func heading(label string, u Unit, perDay bool) string {
	if perDay {
		label += " a day"
	}
	if n := unitName(u); n != "" {
		label += " (" + n + ")"
	}
	return label
}

// ReportSheets are a report's tables for a spreadsheet: the run, then a
// sheet a section (queues, pools, streams, channels, destinations) with a
// row a name and, for each measure, its mean and 95% CI; targets; each
// profile by hour of the day; the service level by hour of the week where
// the report has it; and the warnings.
func ReportSheets(r *Report) []Sheet {
	out := []Sheet{runSheet(r)}
	for _, sec := range Sections {
		if sec == Destinations {
			out = append(out, destinationSheet(r))
			continue
		}
		s := Sheet{Name: sec.Name, Head: []string{sec.Name[:len(sec.Name)-1]}}
		if sec == Streams {
			s.Head = append(s.Head, "channel")
		}
		for _, m := range sec.Measures {
			h := heading(m.Label, m.Unit, m.PerDay)
			s.Head = append(s.Head, h, "95% CI low", "95% CI high")
		}
		for n, figs := range r.Rows(sec) {
			row := []Cell{textCell(n)}
			if sec == Streams {
				row = append(row, textCell(r.Streams[n].Channel))
			}
			for m, f := range figs.All() {
				div := 1.0
				if m.PerDay {
					div = r.Days
				}
				row = append(row, figureCells(f, m.Unit, div)...)
			}
			s.Rows = append(s.Rows, row)
		}
		out = append(out, s)
	}
	out = append(out, targetSheet(r))
	out = append(out, hourlySheets(r)...)
	warn := Sheet{Name: "warnings", Head: []string{"warning"}}
	for _, w := range r.Warnings {
		warn.Rows = append(warn.Rows, []Cell{textCell(w)})
	}
	return append(out, warn)
}

// runSheet says what was run: a row a fact.
func runSheet(r *Report) Sheet {
	s := Sheet{Name: "run", Head: []string{"what", "value"}}
	add := func(what string, c Cell) { s.Rows = append(s.Rows, []Cell{textCell(what), c}) }
	add("scenario", textCell(r.Scenario))
	// A seed may exceed what a spreadsheet's number holds exactly.
	add("seed", textCell(strconv.FormatUint(r.Seed, 10)))
	add("replications", numCell(float64(r.Replications)))
	add("measured days", numCell(r.Days))
	add("warm-up days", numCell(r.WarmupDays))
	if r.Meta.Partial {
		add("PARTIAL: replications that finished", numCell(float64(r.Meta.Completed)))
		add("PARTIAL: replications asked for", numCell(float64(r.Meta.Requested)))
	}
	add("spoa version", textCell(r.Meta.Version))
	add("scenario SHA-256", textCell(r.Meta.ConfigSHA256))
	add("events simulated", numCell(float64(r.Meta.Events)))
	add("warnings", numCell(float64(len(r.Warnings))))
	return s
}

// destinationSheet is each destination's contacts a day, with its CI, and
// a day from each stream.
func destinationSheet(r *Report) Sheet {
	s := Sheet{Name: "destinations", Head: []string{"destination", "contacts a day", "95% CI low", "95% CI high"}}
	for _, st := range r.Order.Streams {
		s.Head = append(s.Head, "from "+st+" a day")
	}
	for _, n := range r.Order.Destinations {
		d := r.Destinations[n]
		row := append([]Cell{textCell(n)}, figureCells(d.Get("per_day"), Count, 1)...)
		for _, st := range r.Order.Streams {
			row = append(row, figureCells(d.PerDayStream[st], Count, 1)[0])
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// targetSheet is each target and whether it was met.
func targetSheet(r *Report) Sheet {
	s := Sheet{Name: "targets", Head: []string{"queue", "within (s)", "target (%)", "judged per", "achieved (%)", "95% CI low", "95% CI high", "met",
		"hours judged", "hours missed", "worst hour", "worst hour achieved (%)"}}
	for _, t := range r.Targets {
		row := []Cell{textCell(t.Queue), numCell(t.WithinS), valueCell(t.Fraction, Fraction), textCell(t.Per)}
		row = append(row, figureCells(t.Achieved, Fraction, 1)...)
		row = append(row, boolCell(t.Met))
		if h := t.ByHour; h != nil {
			row = append(row, numCell(float64(h.Hours)), numCell(float64(h.Missed)), textCell(h.Worst), figureCells(h.Achieved, Fraction, 1)[0])
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// hourlySheets are the profiles by hour of the day, a column a profile
// and name, a row an hour; and the service level by hour of the week, a
// row an hour from Monday 00:00, where the report has it.
func hourlySheets(r *Report) []Sheet {
	day := Sheet{Name: "by hour of day", Head: []string{"hour"}}
	week := Sheet{Name: "by hour of week", Head: []string{"day", "hour"}}
	var dayCols, weekCols [][]Figure
	var dayUnits, weekUnits []Unit
	for _, p := range Profiles {
		for n := range r.Rows(p.Section) {
			figs, ok := r.Hourly[p.Name][n]
			if !ok {
				continue
			}
			label := n + " " + p.Label
			if p.Week {
				week.Head = append(week.Head, heading(label, p.Unit, p.PerDay))
				weekCols, weekUnits = append(weekCols, figs), append(weekUnits, p.Unit)
			} else {
				day.Head = append(day.Head, heading(label, p.Unit, p.PerDay))
				dayCols, dayUnits = append(dayCols, figs), append(dayUnits, p.Unit)
			}
		}
	}
	for h := range 24 {
		row := []Cell{numCell(float64(h))}
		for i, col := range dayCols {
			row = append(row, figureCells(col[h], dayUnits[i], 1)[0])
		}
		day.Rows = append(day.Rows, row)
	}
	out := []Sheet{day}
	if len(weekCols) > 0 {
		for h := range sim.HoursOfWeek {
			row := []Cell{textCell(config.Weekday(h / 24).String()), numCell(float64(h % 24))}
			for i, col := range weekCols {
				row = append(row, figureCells(col[h], weekUnits[i], 1)[0])
			}
			week.Rows = append(week.Rows, row)
		}
		out = append(out, week)
	}
	return out
}
