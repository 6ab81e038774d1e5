package results

import "spoa/sim"

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

// CompareSections are the sections of a comparison, in the order shown:
// first what means the same whatever the design (streams, channels,
// destinations, totals), then the parts of each design.
var CompareSections = []string{"streams", "channels", "destinations", "totals", "pools", "queues"}

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

// Compare lines up the scenarios' measures: streams and channels (which
// mean the same whatever the design), destinations, pools, queues and
// totals. Runs must have the same number of replications with the same
// seed for the pairing to hold.
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
			var s series
			for _, x := range v {
				s.add(x)
			}
			f := s.figure()
			row.Values[i] = &f
			if i == 0 || !hasBase {
				continue
			}
			var d series
			for j := 0; j < min(len(v), len(base)); j++ {
				d.add(v[j] - base[j])
			}
			df := d.figure()
			row.Diffs[i] = &df
		}
	}
	return c
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

// measures lists the figures a comparison shows, each per replication.
func measures(m *sim.Model, st []sim.Stats) []measure {
	var out []measure
	add := func(section, name, what string, f perRep) {
		v := make([]float64, len(st))
		for i := range st {
			v[i] = f(&st[i])
		}
		out = append(out, measure{section, name, what, v})
	}
	for si, s := range m.Streams {
		add("streams", s.Name, "asa_s", streamsASA([]int{si}))
		add("streams", s.Name, "abandon_fraction", streamsAbandon([]int{si}))
		add("streams", s.Name, "time_to_clinician_s", func(x *sim.Stats) float64 { return meanOf(x.Streams[si].ToClinician) })
		add("streams", s.Name, "time_in_system_s", func(x *sim.Stats) float64 { return meanOf(x.Streams[si].InSystem) })
	}
	order, idx := channelStreams(m)
	for _, ch := range order {
		add("channels", ch, "asa_s", streamsASA(idx[ch]))
		add("channels", ch, "abandon_fraction", streamsAbandon(idx[ch]))
	}
	for di, d := range m.Dests {
		add("destinations", d, "per_day", func(x *sim.Stats) float64 { return float64(x.Dests[di].Count) / m.Days })
	}
	wte := 0.0
	for pi := range m.Pools {
		wte += m.Pools[pi].WTE()
	}
	add("totals", "all pools", "wte", func(*sim.Stats) float64 { return wte })
	add("totals", "all pools", "utilisation", func(x *sim.Stats) float64 {
		var busy, duty float64
		for _, p := range x.Pools {
			busy += p.Busy
			duty += p.OnDuty
		}
		return ratio(busy, duty)
	})
	for pi, p := range m.Pools {
		add("pools", p.Name, "utilisation", poolUtilisation(pi))
		add("pools", p.Name, "wte", func(*sim.Stats) float64 { return m.Pools[pi].WTE() })
	}
	for qi, q := range m.Queues {
		add("queues", q.Name, "asa_s", queueASA(qi))
		add("queues", q.Name, "wait_p90_s", queueWaitQuantile(qi, 0.9))
		if q.Within > 0 {
			add("queues", q.Name, "within_target_fraction", queueWithinTarget(qi))
		}
		if q.Abandons() {
			add("queues", q.Name, "abandon_fraction", queueAbandon(qi))
		}
	}
	return out
}
