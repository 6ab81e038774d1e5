package html

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"spoa/config"
	"spoa/results"
)

// staffChart draws one pool's staff on duty and busy by hour of day, the
// means over the measured days: the gap between them is the slack.
func staffChart(pool string, onDuty, busy []results.Figure) (chart, error) {
	p := plot.New()
	p.Title.Text = pool + ": staff on duty and busy"
	p.Y.Label.Text = "staff"
	setHourAxis(p, 24)
	p.X.Tick.Marker = hourTicks{step: 6}
	p.Y.Min = 0
	p.Add(plotter.NewGrid())
	var legend []legendEntry
	for i, s := range []struct {
		name string
		figs []results.Figure
		c    color.Color
	}{{"on duty", onDuty, color.Gray{Y: 0x40}}, {"busy", busy, colorOf(0)}} {
		var pts plotter.XYs
		for h, f := range s.figs {
			if f.Measured() {
				pts = append(pts, plotter.XY{X: float64(h), Y: f.Mean})
			}
		}
		if len(pts) == 0 {
			continue
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return chart{}, err
		}
		l.Color, l.Width = s.c, vg.Points(1.5)
		if i == 1 {
			l.FillColor = color.RGBA{0xc8, 0xd8, 0xea, 0xff}
		}
		p.Add(l)
		legend = append(legend, legendEntry{Name: s.name, Color: cssColor(s.c)})
	}
	svg, err := svg(p, 3.4*vg.Inch, 2.2*vg.Inch)
	return chart{SVG: svg, Legend: legend, Small: true}, err
}

// linesChart draws one line a name over bins of 24 hours of the day, 168
// hours of the week or 7 days.
func linesChart(title, yLabel string, names []string, values [][]float64) (chart, error) {
	p := plot.New()
	p.Title.Text = title
	p.Y.Label.Text = yLabel
	p.Y.Min = 0
	if len(values) == 0 {
		return chart{}, nil
	}
	if bins := len(values[0]); bins == 7 {
		p.X.Min, p.X.Max = 0, 6
		p.X.Label.Text = "day of the week"
		p.X.Tick.Marker = dayTicks{}
	} else {
		setHourAxis(p, bins)
	}
	p.Add(plotter.NewGrid())
	var legend []legendEntry
	for i, n := range names {
		pts := make(plotter.XYs, len(values[i]))
		for x, y := range values[i] {
			pts[x] = plotter.XY{X: float64(x), Y: y}
		}
		l, err := seriesLine(pts, i)
		if err != nil {
			return chart{}, err
		}
		p.Add(l)
		legend = append(legend, seriesLegend(n, i))
	}
	svg, err := svg(p, chartW, chartH)
	return chart{SVG: svg, Legend: legend}, err
}

// dayTicks name the days of the week.
type dayTicks struct{}

func (dayTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for d := range 7 {
		ts = append(ts, plot.Tick{Value: float64(d), Label: config.Weekday(d).String()})
	}
	return ts
}

// weekView is the charts of the week, where days differ: demand by day of
// the week, the rota's staff on duty by hour of the week, and each
// target's share answered within it by hour of the week.
func weekView(r *results.Report) ([]chart, error) {
	in := r.Inputs
	levels := r.Hourly["service_level_week"]
	if in == nil && len(levels) == 0 {
		return nil, nil
	}
	var out []chart
	if in != nil && in.DemandVariesByDay {
		var names []string
		var values [][]float64
		for _, s := range in.Streams {
			names = append(names, s.Name)
			values = append(values, s.ByDay[:])
		}
		ch, err := linesChart("Demand by day of the week (contacts a day, as the scenario gives it)", "contacts a day", names, values)
		if err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	if in != nil && (in.DemandVariesByDay || len(levels) > 0) {
		var names []string
		var values [][]float64
		for _, p := range in.Pools {
			v := make([]float64, len(p.OnDuty))
			for h, n := range p.OnDuty {
				v[h] = float64(n)
			}
			names = append(names, p.Name)
			values = append(values, v)
		}
		ch, err := linesChart("Staff on duty by hour of the week (the rota, after shrinkage)", "staff", names, values)
		if err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	for i, t := range r.Targets {
		if bins, ok := levels[t.Queue]; ok {
			ch, err := serviceLevelChart(t, bins, i)
			if err != nil {
				return nil, err
			}
			out = append(out, ch)
		}
	}
	return out, nil
}
