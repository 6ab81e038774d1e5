package fit

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes the fit report as JSON.
func WriteJSON(w io.Writer, r *Result) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteTable writes the fit report as text tables.
func WriteTable(w io.Writer, r *Result) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("%d records: %d used, %d bad; %s to %s, %d days", r.Records, r.Used, r.BadCount, r.From, r.To, r.Days)
	tw := tabwriter.NewWriter(&b, 2, 0, 2, ' ', tabwriter.AlignRight)
	row := func(cells ...string) { fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t") }
	if len(r.Streams) > 0 {
		p("")
		row("stream", "arrivals", "per day", "95% CI", "weekly shape", "day_cv", "95% CI")
		for _, s := range r.Streams {
			week, cv, cvci := "-", "-", "-"
			if w := s.Weekly; w != nil {
				week = fmt.Sprintf("%s p=%.3g %s", w.Test, w.P, keptOr(w.Kept, "kept", "left out"))
			}
			if d := s.DayCV; d != nil {
				cv = fmt.Sprintf("%.3f %s", d.Value, keptOr(s.DayCVKept, "kept", "left out"))
				cvci = fmt.Sprintf("%.3f to %.3f", d.Low, d.High)
			}
			row(s.Name, fmt.Sprint(s.Arrivals), fmt.Sprintf("%.1f", s.PerDay.Value), fmt.Sprintf("%.1f to %.1f", s.PerDay.Low, s.PerDay.High), week, cv, cvci)
		}
		tw.Flush()
		for _, s := range r.Streams {
			p("")
			p("%s: arrivals an hour, by hour of the day (mean over the days); shape chi-square p=%.3g, %s",
				s.Name, s.HourlyTest.P, keptOr(s.HourlyTest.Kept, "kept", "left out"))
			var hs, vs []string
			for h, e := range s.Hourly {
				hs = append(hs, fmt.Sprintf("%7d", h))
				vs = append(vs, fmt.Sprintf("%7.1f", e.Value))
			}
			p("  %s\n  %s", strings.Join(hs, ""), strings.Join(vs, ""))
		}
	}
	if len(r.Queues) > 0 {
		p("")
		row("queue", "offered", "answered", "abandoned", "service", "mean", "95% CI", "sd", "95% CI", "KS", "n")
		for _, q := range r.Queues {
			if s := q.Service; s != nil {
				row(q.Name, fmt.Sprint(q.Offered), fmt.Sprint(q.Answered), fmt.Sprint(q.Abandoned), s.Kept, secs(s.Mean.Value), secs(s.Mean.Low)+" to "+secs(s.Mean.High),
					secs(s.SD.Value), secs(s.SD.Low)+" to "+secs(s.SD.High), fmt.Sprintf("%.3f", s.KS), fmt.Sprint(s.N))
			} else {
				row(q.Name, fmt.Sprint(q.Offered), fmt.Sprint(q.Answered), fmt.Sprint(q.Abandoned), "-", "", "", "", "", "", "")
			}
		}
		tw.Flush()
		p("")
		row("queue", "patience", "mean", "95% CI", "weibull shape", "95% CI", "KM median", "KM gap", "abandoned", "censored", "naive mean (biased)")
		for _, q := range r.Queues {
			pt := q.Patience
			if pt == nil {
				row(q.Name, "none (no one abandoned)", "", "", "", "", "", "", "0", fmt.Sprint(q.Answered), "")
				continue
			}
			mean := pt.Exponential.Mean
			shape, shapeCI := "-", "-"
			if w := pt.Weibull; w != nil {
				shape, shapeCI = fmt.Sprintf("%.3f", w.Shape.Value), fmt.Sprintf("%.3f to %.3f", w.Shape.Low, w.Shape.High)
				if pt.Kept == "weibull" {
					mean = w.Mean
				}
			}
			median := "-"
			if pt.KMMedian != nil {
				median = secs(*pt.KMMedian)
			}
			row(q.Name, pt.Kept, secs(mean.Value), secs(mean.Low)+" to "+secs(mean.High), shape, shapeCI, median,
				fmt.Sprintf("%.3f", pt.KMGap), fmt.Sprint(pt.Abandoned), fmt.Sprint(pt.Answered), secs(pt.NaiveMean))
		}
		tw.Flush()
		p("")
		row("queue", "next", "share", "95% CI")
		for _, q := range r.Queues {
			for _, rt := range q.Routes {
				to := rt.To
				if rt.Queue {
					to += " (queue)"
				}
				row(q.Name, to, fmt.Sprintf("%.4f", rt.Share.Value), fmt.Sprintf("%.4f to %.4f", rt.Share.Low, rt.Share.High))
			}
		}
		tw.Flush()
	}
	for _, pl := range r.Pools {
		p("")
		how := "agents seen working (mean over the days)"
		if pl.Method == "busy" {
			how = "most busy at once on the busiest day (a lower bound; no agents named)"
		}
		p("%s: staff by hour of the day, %s", pl.Name, how)
		var hs, vs []string
		for h, n := range pl.Hourly {
			hs = append(hs, fmt.Sprintf("%5d", h))
			vs = append(vs, fmt.Sprintf("%5.0f", n))
		}
		p("  %s\n  %s", strings.Join(hs, ""), strings.Join(vs, ""))
	}
	if len(r.Bad) > 0 {
		p("")
		p("bad records, left out:")
		for _, k := range r.Bad {
			p("  %d %s: %s", k.Count, k.Kind, lines(k))
		}
	}
	for _, reason := range slices.Sorted(maps.Keys(r.Skipped)) {
		p("%d records not used: %s", r.Skipped[reason], reason)
	}
	if len(r.Warnings) > 0 {
		p("")
		for _, w := range r.Warnings {
			p("warning: %s", w)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// lines lists a kind of bad record's first lines.
func lines(k BadKind) string {
	s := make([]string, len(k.Lines))
	for i, l := range k.Lines {
		s[i] = fmt.Sprint(l)
	}
	out := "line"
	if len(s) > 1 {
		out += "s"
	}
	out += " " + strings.Join(s, ", ")
	if k.Count > int64(len(k.Lines)) {
		out += fmt.Sprintf(" and %d more", k.Count-int64(len(k.Lines)))
	}
	return out
}

func keptOr(kept bool, yes, no string) string {
	if kept {
		return yes
	}
	return no
}
