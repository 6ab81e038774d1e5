package results

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
)

// column is a column of the text table: a measure of the row's section,
// its mean in the measure's unit, a day where the measure is a total over
// the measured days.
type column struct {
	measure string
	head    string // the heading, where it is not the measure's label
	spread  bool   // add ± the half-width of the 95% CI
	// show, if set, makes the cell of the named row in place of the mean.
	show func(r *Report, name string) string
}

// The text table's columns: a measure shows there by being named here.
var (
	queueColumns = []column{
		{measure: "offered"}, {measure: "served"}, {measure: "abandon_fraction"}, {measure: "asa_s", spread: true},
		{measure: "wait_p50_s", head: "p50"}, {measure: "wait_p90_s", head: "p90"}, {measure: "wait_p95_s", head: "p95"},
		{measure: "waited_fraction"}, {measure: "within_target_fraction", show: target}, {measure: "queue_length_mean"},
	}
	poolColumns   = []column{{measure: "utilisation", spread: true}, {measure: "staff_hours"}, {measure: "overrun_hours"}, {measure: "wte"}}
	streamColumns = []column{
		{measure: "offered"}, {measure: "asa_s", head: "mean wait to answer"}, {measure: "abandon_fraction"},
		{measure: "redials"}, {measure: "time_to_clinician_s"}, {measure: "time_in_system_s"},
	}
)

// headings writes the columns' headings, each followed by a tab.
func headings(sec *Section, cols []column) string {
	var b strings.Builder
	for _, c := range cols {
		h := c.head
		if h == "" {
			m := sec.Measure(c.measure)
			h = m.Label
			if m.PerDay {
				h += "/day"
			}
		}
		b.WriteString(h + "\t")
	}
	return b.String()
}

// cells writes a row's cells, each followed by a tab; a measure the row's
// section does not have (a channel's redials) leaves its cell empty.
func cells(r *Report, name string, f Figures, cols []column) string {
	var b strings.Builder
	for _, c := range cols {
		b.WriteString(cell(r, name, f, c) + "\t")
	}
	return b.String()
}

func cell(r *Report, name string, f Figures, c column) string {
	if c.show != nil {
		return c.show(r, name)
	}
	fig, ok := f.Lookup(c.measure)
	if !ok {
		return ""
	}
	if !fig.Measured() {
		return "-"
	}
	m := f.section.Measure(c.measure)
	mean, half := fig.Mean, fig.HalfWidth()
	if m.PerDay {
		mean, half = mean/r.Days, half/r.Days
	}
	s := m.Unit.Format(mean)
	switch {
	case c.spread && fig.HasCI():
		s += " ± " + m.Unit.Format(half)
	case c.spread:
		s += " (n=1, no CI)"
	}
	return s
}

// target is a queue's share within its target, with the target itself.
func target(r *Report, queue string) string {
	for _, t := range r.Targets {
		if t.Queue == queue {
			return fmt.Sprintf("%s (%s in %s)", Fraction.Show(t.Achieved), Percent(t.Fraction), Dur(t.WithinS))
		}
	}
	return "-"
}

// WriteTable writes the report as plain-text tables for a person: queues,
// pools, streams, destinations and targets, in the scenario's order, with
// waits as durations and ± the half-width of the 95% confidence interval.
func WriteTable(w io.Writer, r *Report) error {
	var b strings.Builder
	l := left(r.Order.Queues, r.Order.Pools, r.Order.Streams, r.Order.Destinations)
	fmt.Fprintf(&b, "%s: %d replication%s of %s after %s warm-up, seed %d\n\n",
		r.Scenario, r.Replications, plural(r.Replications), days(r.Days), days(r.WarmupDays), r.Seed)
	if r.Meta.Partial {
		fmt.Fprintf(&b, "PARTIAL REPORT: the run was interrupted; these figures are over the %d of %d replications that finished\n\n",
			r.Meta.Completed, r.Meta.Requested)
	}

	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l("queue")+"\t"+headings(Queues, queueColumns))
	for n, q := range r.Rows(Queues) {
		fmt.Fprintln(tw, l(n)+"\t"+cells(r, n, q, queueColumns))
	}
	tw.Flush()
	for n, q := range r.Rows(Queues) {
		if turned := q.Get("turned_away"); turned.Mean > 0 {
			fmt.Fprintf(&b, "%s: %.1f contacts a day turned away, the queue being full (see the warning)\n", n, turned.Mean/r.Days)
		}
	}

	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l("pool")+"\t"+headings(Pools, poolColumns))
	total := 0.0
	for n, p := range r.Rows(Pools) {
		total += p.Get("wte").Mean
		fmt.Fprintln(tw, l(n)+"\t"+cells(r, n, p, poolColumns))
	}
	fmt.Fprintf(tw, "%s\t\t\t%s\t\n", l("total"), WTE.Format(total))
	tw.Flush()

	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l("stream")+"\tchannel\t"+headings(Streams, streamColumns))
	for _, n := range r.Order.Streams {
		s := r.Streams[n]
		fmt.Fprintln(tw, l(n)+"\t"+s.Channel+"\t"+cells(r, n, s.Figures, streamColumns))
	}
	for ch, c := range r.Rows(Channels) {
		fmt.Fprintln(tw, l("all "+ch+"s")+"\t"+ch+"\t"+cells(r, ch, c, streamColumns))
	}
	tw.Flush()

	if len(r.Order.Destinations) > 0 {
		b.WriteString("\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, l("destination")+"\tper day\t95% CI\t")
		for _, s := range r.Order.Streams {
			fmt.Fprintf(tw, "from %s\t", s)
		}
		fmt.Fprintln(tw)
		for _, n := range r.Order.Destinations {
			d := r.Destinations[n]
			perDay := d.Get("per_day")
			fmt.Fprintf(tw, "%s\t%s\t%s\t", l(n), Count.Show(perDay), perDay.CIText(Count.Format))
			for _, s := range r.Order.Streams {
				fmt.Fprintf(tw, "%.1f\t", d.PerDayStream[s].Mean)
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
	}

	if len(r.Targets) > 0 {
		b.WriteString("\ntargets:\n")
		for _, t := range r.Targets {
			mark := "met"
			if !t.Met {
				mark = "NOT met"
			}
			fmt.Fprintf(&b, "  %-24s %s: %s %s\n", t.Queue, t.Goal(), t.Verdict(), mark)
		}
		writeLevels(&b, r, l)
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(&b, "\nwarning: %s\n", warn)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeLevels writes each target's queue's share answered within target
// by the hour of the day contacts joined, in whole percent, a * marking an
// hour below the target and - one in which nobody was served.
func writeLevels(b *strings.Builder, r *Report, l func(string) string) {
	levels := r.Hourly["service_level"]
	b.WriteString("\nanswered within target by hour of the day joined, % (* below the target):\n")
	fmt.Fprintf(b, "  %s", l(""))
	for h := range 24 {
		fmt.Fprintf(b, "%4d", h)
	}
	b.WriteString("\n")
	for _, t := range r.Targets {
		fmt.Fprintf(b, "  %s", l(t.Queue))
		for _, f := range levels[t.Queue] {
			switch {
			case !f.Measured():
				b.WriteString("   -")
			case f.Mean < t.Fraction:
				fmt.Fprintf(b, "%3.0f*", math.Floor(100*f.Mean))
			default:
				fmt.Fprintf(b, "%4.0f", math.Floor(100*f.Mean))
			}
		}
		b.WriteString("\n")
	}
}

// left pads names to a common width so that, in a right-aligned table,
// the first column still reads left-aligned.
func left(names ...[]string) func(string) string {
	w := 0
	for _, ns := range names {
		for _, n := range ns {
			w = max(w, len(n))
		}
	}
	w = max(w, len("destination"))
	return func(s string) string { return fmt.Sprintf("%-*s", w, s) }
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func days(d float64) string {
	if d == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%g days", d)
}
