package results

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"spoa/config"
	"spoa/sim"
)

// CompareSheets are a comparison's tables for a spreadsheet: what was
// run, then a sheet a section, a row a measure: each scenario's mean and,
// for each later one, the paired difference from the first with its 95%
// CI and whether the CI leaves out 0.
func CompareSheets(c *Comparison) []Sheet {
	run := Sheet{Name: "run", Head: []string{"what", "value"}}
	run.Rows = append(run.Rows,
		[]Cell{textCell("scenarios"), textCell(strings.Join(c.Scenarios, ", "))},
		[]Cell{textCell("seed"), textCell(strconv.FormatUint(c.Seed, 10))},
		[]Cell{textCell("replications"), numCell(float64(c.Replications))},
		[]Cell{textCell("differences"), textCell("from " + c.Scenarios[0] + ", paired replication by replication (common random numbers)")})
	out := []Sheet{run}
	for _, sec := range CompareSections {
		s := Sheet{Name: sec, Head: []string{"name", "measure", "unit"}}
		for i, sc := range c.Scenarios {
			s.Head = append(s.Head, sc)
			if i > 0 {
				s.Head = append(s.Head, sc+" − "+c.Scenarios[0], "95% CI low", "95% CI high", "CI leaves out 0")
			}
		}
		for _, r := range c.Rows {
			if r.Section != sec {
				continue
			}
			m := r.MeasureOf()
			unit := unitName(m.Unit)
			if m.Unit == Fraction {
				unit = "% (differences in % points)"
			}
			row := []Cell{textCell(r.Name), textCell(m.Label), textCell(unit)}
			for i, v := range r.Values {
				if v == nil {
					row = append(row, Cell{})
				} else {
					row = append(row, figureCells(*v, m.Unit, 1)[0])
				}
				if i == 0 {
					continue
				}
				d := r.Diffs[i]
				if d == nil {
					row = append(row, Cell{}, Cell{}, Cell{}, Cell{})
					continue
				}
				row = append(row, figureCells(*d, m.Unit, 1)...)
				if d.HasCI() {
					row = append(row, boolCell(d.CI95Low > 0 || d.CI95High < 0))
				} else {
					row = append(row, Cell{})
				}
			}
			s.Rows = append(s.Rows, row)
		}
		if len(s.Rows) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// SweepSheets are a sweep's table for a spreadsheet: what was run, then a
// row a point: the values varied (numbers where they are), each target's
// share achieved and whether met, each pool's utilisation, the WTE of all
// pools, the share of calls abandoned and whether every target was met.
func SweepSheets(sw *Sweep) []Sheet {
	run := Sheet{Name: "run", Head: []string{"what", "value"}}
	run.Rows = append(run.Rows,
		[]Cell{textCell("scenario"), textCell(sw.Scenario)},
		[]Cell{textCell("seed"), textCell(strconv.FormatUint(sw.Seed, 10))},
		[]Cell{textCell("replications"), numCell(float64(sw.Replications))},
		[]Cell{textCell("measured days"), numCell(sw.Days)},
		[]Cell{textCell("warm-up days"), numCell(sw.WarmupDays)},
		[]Cell{textCell("points"), numCell(float64(len(sw.Rows)))})
	if sw.Partial {
		run.Rows = append(run.Rows, []Cell{textCell("PARTIAL: points asked for"), numCell(float64(sw.Requested))})
	}
	c := sw.columns()
	s := Sheet{Name: "sweep", Head: slices.Clone(sw.Keys)}
	for _, q := range c.targets {
		s.Head = append(s.Head, q+" "+sw.targetHead(q)+" achieved (%)", q+" target met")
	}
	for _, p := range c.pools {
		s.Head = append(s.Head, p+" utilisation (%)")
	}
	s.Head = append(s.Head, "WTE", "calls abandoned (%)", "all targets met")
	for _, row := range sw.Rows {
		r := row.Report
		var cells []Cell
		for _, v := range row.Point.Values {
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				cells = append(cells, numCell(x))
			} else {
				cells = append(cells, textCell(v))
			}
		}
		for _, q := range c.targets {
			t, ok := targetOf(r, q)
			if !ok {
				cells = append(cells, Cell{}, Cell{})
				continue
			}
			cells = append(cells, figureCells(t.Achieved, Fraction, 1)[0], boolCell(t.Met))
		}
		for _, p := range c.pools {
			cells = append(cells, figureCells(utilisation(r, p), Fraction, 1)[0])
		}
		cells = append(cells, numCell(totalWTE(r)), figureCells(callsAbandoned(r), Fraction, 1)[0], boolCell(allMet(r)))
		s.Rows = append(s.Rows, cells)
	}
	return []Sheet{run, s}
}

// StaffSheets are a staffing search's tables for a spreadsheet: what was
// searched and whether it met every target; each pool's hours a week and
// WTE beside the scenario's own; staff by pool and hour of the week; and
// the shifts.
func StaffSheets(st *Staffing) []Sheet {
	run := Sheet{Name: "search", Head: []string{"what", "value"}}
	add := func(what string, c Cell) { run.Rows = append(run.Rows, []Cell{textCell(what), c}) }
	add("scenario", textCell(st.Scenario))
	add("targets judged", textCell(st.judged()))
	add("block", textCell(st.Block))
	add("simulations", numCell(float64(st.Evaluations)))
	add("seed", textCell(strconv.FormatUint(st.Seed, 10)))
	add("replications", numCell(float64(st.Replications)))
	add("measured days", numCell(st.Days))
	add("warm-up days", numCell(st.WarmupDays))
	add("every target met by the staff on duty found", boolCell(st.Met))
	add("every target met by the shift rota, simulated with shrinkage", boolCell(st.Verified))
	if len(st.Misses) > 0 {
		add("the shift rota misses", textCell(strings.Join(st.Misses, ", ")))
	}
	if st.Partial {
		add("PARTIAL: the search stopped early", textCell(st.Stopped))
	}
	if bl := st.Baseline; bl != nil {
		add("baseline: "+bl.Label+" (WTE)", numCell(bl.WTE))
		add("baseline: the plan adds (WTE)", numCell(bl.AdditionalWTE))
	}
	pools := Sheet{Name: "pools", Head: []string{"pool", "shrinkage (%)", "on duty (hours a week)", "rostered (hours a week)", "in shifts (hours a week)",
		"least possible (hours a week)", "WTE", "scenario's WTE", "difference (WTE)"}}
	for _, p := range st.Pools {
		pools.Rows = append(pools.Rows, []Cell{textCell(p.Name), valueCell(p.Shrinkage, Fraction), numCell(p.OnDutyHours), numCell(p.RosteredHours),
			numCell(p.ShiftHours), numCell(p.LowerBound), numCell(p.WTE), numCell(p.ScenarioWTE), numCell(p.WTE - p.ScenarioWTE)})
	}
	pools.Rows = append(pools.Rows, []Cell{textCell("total"), {}, {}, {}, {}, {}, numCell(st.Total.WTE), numCell(st.Total.ScenarioWTE),
		numCell(st.Total.WTE - st.Total.ScenarioWTE)})
	hours := Sheet{Name: "by hour of week", Head: []string{"pool", "day", "hour", "first guess on duty", "on duty", "rostered", "rostered in shifts", "scenario's on duty"}}
	shifts := Sheet{Name: "shifts", Head: []string{"pool", "start", "length (hours)", "staff", "days"}}
	for _, p := range st.Pools {
		cover := shiftCover(p.Shifts)
		for h := range sim.HoursOfWeek {
			hours.Rows = append(hours.Rows, []Cell{textCell(p.Name), textCell(config.Weekday(h / 24).String()), numCell(float64(h % 24)),
				numCell(float64(p.Guess[h])), numCell(float64(p.OnDuty[h])), numCell(float64(p.Rostered[h])), numCell(cover[h]), numCell(float64(p.Own[h]))})
		}
		for _, sh := range p.Shifts {
			shifts.Rows = append(shifts.Rows, []Cell{textCell(p.Name), textCell(sh.Start.String()), numCell(time.Duration(sh.Length).Hours()),
				numCell(sh.Count), textCell(dayList(sh.Days))})
		}
	}
	return []Sheet{run, pools, hours, shifts}
}
