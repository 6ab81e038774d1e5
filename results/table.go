package results

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"
)

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
	fmt.Fprintln(tw, l("queue")+"\toffered/day\tanswered/day\tabandoned\tmean wait\tp50\tp90\tp95\twaited\twithin target\tmean queue\t")
	for _, n := range r.Order.Queues {
		q := r.Queues[n]
		target := "-"
		for _, t := range r.Targets {
			if t.Queue == n {
				target = fmt.Sprintf("%s (%s in %s)", pct(t.Achieved.Mean), pct(t.Fraction), Dur(t.WithinS))
			}
		}
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%s\t%s ± %s\t%s\t%s\t%s\t%s\t%s\t%.1f\t\n", l(n),
			q.Offered.Mean/r.Days, q.Served.Mean/r.Days, pct(q.AbandonFraction.Mean),
			Dur(q.ASA.Mean), Dur(half(q.ASA)), Dur(q.WaitP50.Mean), Dur(q.WaitP90.Mean), Dur(q.WaitP95.Mean),
			pct(q.WaitedFraction.Mean), target, q.QueueLengthMean.Mean)
	}
	tw.Flush()
	for _, n := range r.Order.Queues {
		if q := r.Queues[n]; q.TurnedAway.Mean > 0 {
			fmt.Fprintf(&b, "%s: %.1f contacts a day turned away, the queue being full (see the warning)\n", n, q.TurnedAway.Mean/r.Days)
		}
	}

	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l("pool")+"\tutilisation\tstaff hours/day\tWTE\t")
	total := 0.0
	for _, n := range r.Order.Pools {
		p := r.Pools[n]
		total += p.WTE.Mean
		fmt.Fprintf(tw, "%s\t%s ± %.1f%%\t%.1f\t%.1f\t\n", l(n), pct(p.Utilisation.Mean), 100*half(p.Utilisation), p.StaffHours.Mean/r.Days, p.WTE.Mean)
	}
	fmt.Fprintf(tw, "%s\t\t\t%.1f\t\n", l("total"), total)
	tw.Flush()

	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, l("stream")+"\tchannel\toffered/day\tmean wait to answer\tabandoned\tredials/day\ttime to clinician\ttime in system\t")
	for _, n := range r.Order.Streams {
		s := r.Streams[n]
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%s\t%.1f\t%s\t%s\t\n", l(n), s.Channel, s.Offered.Mean/r.Days,
			orDash(s.ASA, Dur), pct(s.AbandonFraction.Mean), s.Redials.Mean/r.Days,
			orDash(s.TimeToClinician, Dur), orDash(s.TimeInSystem, Dur))
	}
	for _, ch := range r.Order.Channels {
		c := r.Channels[ch]
		fmt.Fprintf(tw, "%s\t%s\t%.1f\t%s\t%s\t\t\t\t\n", l("all "+ch+"s"), ch, c.Offered.Mean/r.Days,
			orDash(c.ASA, Dur), pct(c.AbandonFraction.Mean))
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
			fmt.Fprintf(tw, "%s\t%.1f\t%.1f–%.1f\t", l(n), d.PerDay.Mean, d.PerDay.CI95Low, d.PerDay.CI95High)
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
			fmt.Fprintf(&b, "  %-24s %s answered within %s: %s (95%% CI %s–%s) %s\n", t.Queue, pct(t.Fraction), Dur(t.WithinS),
				pct(t.Achieved.Mean), pct(t.Achieved.CI95Low), pct(t.Achieved.CI95High), mark)
		}
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(&b, "\nwarning: %s\n", warn)
	}
	_, err := io.WriteString(w, b.String())
	return err
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

// orDash shows a figure that no replication could measure as "-".
func orDash(f Figure, show func(float64) string) string {
	if !f.Measured() {
		return "-"
	}
	return show(f.Mean)
}

func half(f Figure) float64 { return (f.CI95High - f.CI95Low) / 2 }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

func days(d float64) string {
	if d == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%g days", d)
}

// Dur writes seconds the way a planner reads them: "45s", "4m05s",
// "1h02m", "3d04h".
func Dur(s float64) string {
	if math.IsNaN(s) || math.IsInf(s, 0) {
		return "-"
	}
	switch {
	case s == 0:
		return "0s"
	case s < 10:
		return fmt.Sprintf("%.1fs", s)
	case s < 60:
		return fmt.Sprintf("%.0fs", s)
	case s < 3600:
		t := int(math.Round(s))
		return fmt.Sprintf("%dm%02ds", t/60, t%60)
	case s < 86400:
		t := int(math.Round(s / 60))
		return fmt.Sprintf("%dh%02dm", t/60, t%60)
	default:
		t := int(math.Round(s / 3600))
		return fmt.Sprintf("%dd%02dh", t/24, t%24)
	}
}
