package results

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// A sweep's key figures, one row a point: for each queue with a target the
// share answered within it and whether it was met; each pool's
// utilisation; the WTE of all pools; the share of calls abandoned; and
// whether every target was met. The writers read them from here.

// sweepColumns are the queues with a target and the pools of a sweep's
// points, each in the order they first appear: the grid may add or take
// away a target, or a pool.
type sweepColumns struct {
	targets []string
	pools   []string
}

func (sw *Sweep) columns() sweepColumns {
	var c sweepColumns
	for _, row := range sw.Rows {
		for _, t := range row.Report.Targets {
			if !slices.Contains(c.targets, t.Queue) {
				c.targets = append(c.targets, t.Queue)
			}
		}
		for _, p := range row.Report.Order.Pools {
			if !slices.Contains(c.pools, p) {
				c.pools = append(c.pools, p)
			}
		}
	}
	return c
}

// targetOf is a report's target on a queue, if it has one.
func targetOf(r *Report, queue string) (TargetResult, bool) {
	for _, t := range r.Targets {
		if t.Queue == queue {
			return t, true
		}
	}
	return TargetResult{}, false
}

// utilisation is a pool's utilisation at a point; not measured where the
// point has no such pool.
func utilisation(r *Report, pool string) Figure {
	return r.Pools[pool].Get("utilisation")
}

// totalWTE is the WTE of all of a report's pools.
func totalWTE(r *Report) float64 {
	total := 0.0
	for _, p := range r.Rows(Pools) {
		total += p.Get("wte").Mean
	}
	return total
}

// callsAbandoned is the share of calls (every stream of the call channel,
// redials included) abandoned; not measured where there are no calls.
func callsAbandoned(r *Report) Figure {
	return r.Channels["call"].Get("abandon_fraction")
}

// WriteSweepTable writes a sweep as a plain-text table for a person, one
// row a point.
func WriteSweepTable(w io.Writer, sw *Sweep) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d point%s, each %d replication%s of %s after %s warm-up, seed %d (common random numbers)\n\n",
		sw.Scenario, len(sw.Rows), plural(len(sw.Rows)), sw.Replications, plural(sw.Replications), days(sw.Days), days(sw.WarmupDays), sw.Seed)
	if sw.Partial {
		fmt.Fprintf(&b, "PARTIAL SWEEP: it was interrupted; these are the %d of %d points that finished\n\n", len(sw.Rows), sw.Requested)
	}
	c := sw.columns()
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	var head []string
	head = append(head, sw.Keys...)
	for _, q := range c.targets {
		head = append(head, q+" "+sw.targetHead(q))
	}
	for _, p := range c.pools {
		head = append(head, p+" utilisation")
	}
	head = append(head, "WTE", "calls abandoned", "all targets met")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, row := range sw.Rows {
		r := row.Report
		cells := slices.Clone(row.Point.Values)
		for _, q := range c.targets {
			t, ok := targetOf(r, q)
			switch {
			case !ok:
				cells = append(cells, "no target")
			case t.Met:
				cells = append(cells, Fraction.Show(t.Achieved)+" met")
			default:
				cells = append(cells, Fraction.Show(t.Achieved)+" missed")
			}
		}
		for _, p := range c.pools {
			cells = append(cells, Fraction.Show(utilisation(r, p)))
		}
		cells = append(cells, WTE.Format(totalWTE(r)), Fraction.Show(callsAbandoned(r)), yesNo(allMet(r)))
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	tw.Flush()
	_, err := io.WriteString(w, b.String())
	return err
}

// targetHead says what a queue's target is, "80% in 20s", where every
// point has the same; otherwise each cell's share is of its own point's.
func (sw *Sweep) targetHead(queue string) string {
	head := ""
	for _, row := range sw.Rows {
		t, ok := targetOf(row.Report, queue)
		if !ok {
			continue
		}
		h := Percent(t.Fraction) + " in " + Dur(t.WithinS)
		if head != "" && h != head {
			return "within target"
		}
		head = h
	}
	return head
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// WriteSweepCSV writes a sweep with one header row and a row a point: a
// column for each varied key (the value as given), then the key figures as
// plain numbers (shares of 1; met as 1 or 0), empty where a point has no
// such figure.
func WriteSweepCSV(w io.Writer, sw *Sweep) error {
	cw := csv.NewWriter(w)
	c := sw.columns()
	head := slices.Clone(sw.Keys)
	for _, q := range c.targets {
		head = append(head, "target."+q+".achieved", "target."+q+".met")
	}
	for _, p := range c.pools {
		head = append(head, "utilisation."+p)
	}
	head = append(head, "wte", "calls_abandoned", "all_targets_met")
	_ = cw.Write(head)
	measured := func(f Figure) string {
		if !f.Measured() {
			return ""
		}
		return num(f.Mean)
	}
	for _, row := range sw.Rows {
		r := row.Report
		cells := slices.Clone(row.Point.Values)
		for _, q := range c.targets {
			t, ok := targetOf(r, q)
			if !ok {
				cells = append(cells, "", "")
				continue
			}
			cells = append(cells, measured(t.Achieved), oneZero(t.Met))
		}
		for _, p := range c.pools {
			cells = append(cells, measured(utilisation(r, p)))
		}
		cells = append(cells, num(totalWTE(r)), measured(callsAbandoned(r)), oneZero(allMet(r)))
		_ = cw.Write(cells)
	}
	cw.Flush()
	return cw.Error()
}

func oneZero(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// sweepJSON is a sweep as JSON.
type sweepJSON struct {
	Scenario     string      `json:"scenario"`
	Seed         uint64      `json:"seed"`
	Replications int         `json:"replications"`
	Days         float64     `json:"days"`
	WarmupDays   float64     `json:"warmup_days"`
	Keys         []string    `json:"keys"`
	Partial      bool        `json:"partial,omitempty"`
	Requested    int         `json:"requested_points,omitempty"`
	Points       []pointJSON `json:"points"`
}

// pointJSON is one point: its values (an object in the keys' order, a
// number where the value is one) and its key figures; its full report
// when asked for.
type pointJSON struct {
	Values         json.RawMessage    `json:"values"`
	Targets        []TargetResult     `json:"targets"`
	Utilisation    map[string]float64 `json:"utilisation"`
	WTE            float64            `json:"wte"`
	CallsAbandoned *float64           `json:"calls_abandoned"`
	AllTargetsMet  bool               `json:"all_targets_met"`
	Report         *Report            `json:"report,omitempty"`
}

// WriteSweepJSON writes a sweep as indented JSON: the run's settings, the
// varied keys and, per point, its values and key figures (shares of 1,
// calls_abandoned null where there are no calls), with each point's full
// report under "report" when reports is set.
func WriteSweepJSON(w io.Writer, sw *Sweep, reports bool) error {
	out := sweepJSON{
		Scenario: sw.Scenario, Seed: sw.Seed, Replications: sw.Replications, Days: sw.Days, WarmupDays: sw.WarmupDays,
		Keys: sw.Keys, Points: []pointJSON{},
	}
	if sw.Partial {
		out.Partial, out.Requested = true, sw.Requested
	}
	for _, row := range sw.Rows {
		r := row.Report
		var members []member
		for i, k := range row.Point.Keys {
			members = append(members, member{k, jsonValue(row.Point.Values[i])})
		}
		values, err := object(members)
		if err != nil {
			return err
		}
		p := pointJSON{
			Values: values, Targets: r.Targets, Utilisation: map[string]float64{},
			WTE: totalWTE(r), AllTargetsMet: allMet(r),
		}
		if p.Targets == nil {
			p.Targets = []TargetResult{}
		}
		for n, f := range r.Rows(Pools) {
			if u := f.Get("utilisation"); u.Measured() {
				p.Utilisation[n] = u.Mean
			}
		}
		if a := callsAbandoned(r); a.Measured() {
			p.CallsAbandoned = &a.Mean
		}
		if reports {
			p.Report = r
		}
		out.Points = append(out.Points, p)
	}
	return writeJSON(w, out)
}

// jsonValue is a varied value as JSON: a number where it is a plain one,
// else the text.
func jsonValue(v string) any {
	if plainNumber.MatchString(v) {
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			return x
		}
	}
	return v
}
