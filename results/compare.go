package results

import (
	"math"

	"spoa/sim"
)

// Run is one scenario's replications, as Compare takes them.
type Run struct {
	Name  string
	Model *sim.Model
	Stats []sim.Stats
}

// Comparison sets scenarios side by side. Each row is one measure; each
// later scenario's difference from the first is paired replication by
// replication, which common random numbers make far tighter than the
// difference of two independent means.
type Comparison struct {
	Scenarios    []string     `json:"scenarios"`
	Seed         uint64       `json:"seed"`
	Replications int          `json:"replications"`
	Rows         []CompareRow `json:"rows"`
}

// CompareRow is one measure in every scenario. Values[i] is nil where
// scenario i has no such measure; Diffs[i] (i ≥ 1) is scenario i minus
// the first, nil where either lacks it. Diffs[0] is always nil.
type CompareRow struct {
	Section string    `json:"section"`
	Name    string    `json:"name"`
	Measure string    `json:"measure"`
	Values  []*Figure `json:"values"`
	Diffs   []*Figure `json:"diffs"`
}

// compared are the sections of a comparison, in the order shown: first
// what means the same whatever the design (streams, channels,
// destinations, totals), then the parts of each design.
var compared = []*Section{Streams, Channels, Destinations, Totals, Pools, Queues}

// CompareSections name the sections of a comparison, in the order shown.
var CompareSections = func() []string {
	out := make([]string, len(compared))
	for i, sec := range compared {
		out[i] = sec.Name
	}
	return out
}()

// Only keeps the rows of the named sections.
func (c *Comparison) Only(sections []string) {
	keep := c.Rows[:0]
	for _, r := range c.Rows {
		for _, s := range sections {
			if r.Section == s {
				keep = append(keep, r)
				break
			}
		}
	}
	c.Rows = keep
}

// measure is one figure's value in each replication (NaN where it could
// not be measured).
type measure struct {
	section, name, measure string
	values                 []float64
}

// Compare lines up the scenarios' measures, as each section's table says
// a comparison shows them. Runs must have the same number of replications
// with the same seed for the pairing to hold (CompareScenarios sees to
// it).
func Compare(seed uint64, runs []Run) *Comparison {
	c := &Comparison{Seed: seed}
	index := map[string]int{}
	per := make([]map[string][]float64, len(runs))
	for i, r := range runs {
		c.Scenarios = append(c.Scenarios, r.Name)
		c.Replications = max(c.Replications, len(r.Stats))
		per[i] = map[string][]float64{}
		for _, m := range measures(r.Model, r.Stats) {
			key := m.section + "\x00" + m.name + "\x00" + m.measure
			if _, ok := index[key]; !ok {
				index[key] = len(c.Rows)
				c.Rows = append(c.Rows, CompareRow{Section: m.section, Name: m.name, Measure: m.measure})
			}
			per[i][key] = m.values
		}
	}
	rank := map[string]int{}
	for i, s := range CompareSections {
		rank[s] = i
	}
	stableSortRows(c.Rows, rank)
	for ri := range c.Rows {
		row := &c.Rows[ri]
		key := row.Section + "\x00" + row.Name + "\x00" + row.Measure
		row.Values = make([]*Figure, len(runs))
		row.Diffs = make([]*Figure, len(runs))
		base, hasBase := per[0][key]
		for i := range runs {
			v, ok := per[i][key]
			if !ok {
				continue
			}
			f := figureOf(v).in(row.MeasureOf().Unit)
			row.Values[i] = &f
			if i == 0 || !hasBase {
				continue
			}
			df := figureOf(paired(v, base)).changeIn(row.MeasureOf().Unit)
			row.Diffs[i] = &df
		}
	}
	return c
}

// paired is each replication's difference v − base. A difference within
// rounding of zero (1e-9 of the figures: two sums of the same staff in
// another order, say) is zero, so that it is not shown as a difference
// whose interval, of width zero, leaves out zero.
func paired(v, base []float64) []float64 {
	d := make([]float64, min(len(v), len(base)))
	for j := range d {
		d[j] = v[j] - base[j]
		if math.Abs(d[j]) <= 1e-9*math.Max(math.Abs(v[j]), math.Abs(base[j])) {
			d[j] = 0
		}
	}
	return d
}

// stableSortRows orders rows by section, keeping the order of first
// appearance within one.
func stableSortRows(rows []CompareRow, rank map[string]int) {
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rank[rows[j].Section] < rank[rows[j-1].Section]; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
}

// measures lists the figures a comparison shows, each per replication,
// section by section.
func measures(m *sim.Model, st []sim.Stats) []measure {
	var out []measure
	for _, sec := range compared {
		for _, s := range sec.rows(m) {
			for _, c := range sec.compare {
				if c.where == nil || c.where(s) {
					out = append(out, measure{sec.Name, s.name, c.measure, sec.Measure(c.measure).values(s, st)})
				}
			}
		}
	}
	return out
}

// MeasureOf is a row's measure, from its section's table.
func (r CompareRow) MeasureOf() Measure {
	for _, sec := range compared {
		if sec.Name == r.Section {
			return sec.Measure(r.Measure)
		}
	}
	panic("results: a comparison has no section " + r.Section)
}
