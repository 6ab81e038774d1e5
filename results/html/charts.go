package html

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"spoa/config"
	"spoa/results"
)

// Charts are drawn with gonum/plot as SVG and set inline in the HTML
// report, so the report is one file that opens anywhere.

const (
	chartW = 7 * vg.Inch
	chartH = 3 * vg.Inch
)

// chart is one drawn chart with its legend, which the page sets out in
// HTML beside the plot so it never hides a line.
type chart struct {
	SVG    template.HTML
	Legend []legendEntry
	// Small: one of a set of small charts laid out side by side.
	Small bool
}

type legendEntry struct {
	Name  string
	Color string // CSS colour
	Dash  bool
}

// palette are colours told apart easily, Tableau's ten; a chart with more
// lines than colours draws the rest dashed (dashed reports whether).
var palette = []color.RGBA{
	{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff}, {0xe1, 0x57, 0x59, 0xff}, {0x76, 0xb7, 0xb2, 0xff}, {0x59, 0xa1, 0x4f, 0xff},
	{0xed, 0xc9, 0x48, 0xff}, {0xb0, 0x7a, 0xa1, 0xff}, {0xff, 0x9d, 0xa7, 0xff}, {0x9c, 0x75, 0x5f, 0xff}, {0x40, 0x40, 0x40, 0xff},
}

func colorOf(i int) color.Color { return palette[i%len(palette)] }
func dashed(i int) bool         { return i >= len(palette) }

// seriesLine is the line of the i-th series of a chart: its colour and
// dashes, 1.5 points wide.
func seriesLine(pts plotter.XYs, i int) (*plotter.Line, error) {
	l, err := plotter.NewLine(pts)
	if err != nil {
		return nil, err
	}
	l.Color, l.Width, l.Dashes = colorOf(i), vg.Points(1.5), dashesOf(i)
	return l, nil
}

// xErrorBars draws horizontal error bars at pts, errs giving each one's
// reach to the left and right.
func xErrorBars(pts plotter.XYs, errs plotter.XErrors) (*plotter.XErrorBars, error) {
	return plotter.NewXErrorBars(struct {
		plotter.XYer
		plotter.XErrorer
	}{pts, errs})
}

// seriesLegend is the legend entry of the i-th series of a chart, drawn
// as seriesLine draws its line.
func seriesLegend(name string, i int) legendEntry {
	return legendEntry{Name: name, Color: cssColor(colorOf(i)), Dash: dashed(i)}
}

func dashesOf(i int) []vg.Length {
	if dashed(i) {
		return []vg.Length{vg.Points(6), vg.Points(3)}
	}
	return nil
}

// hourlyChart draws one line a name over the 24 hours of the day, each
// hourly mean multiplied by scale (60 for minutes, 100 for per cent).
// Hours no replication measured are left out of the line.
func hourlyChart(title, yLabel string, names []string, series map[string][]results.Figure, scale float64) (chart, error) {
	var legend []legendEntry
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "hour of day"
	p.Y.Label.Text = yLabel
	setHourAxis(p, 24)
	p.Y.Min = 0
	p.Add(plotter.NewGrid())
	for i, n := range names {
		var pts plotter.XYs
		for h, f := range series[n] {
			if f.Measured() {
				pts = append(pts, plotter.XY{X: float64(h), Y: f.Mean * scale})
			}
		}
		if len(pts) == 0 {
			continue
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

// serviceLevelChart draws queue t.Queue's share of served contacts
// answered within its target by the hour of day they joined, with the 95%
// CI of each hour as error bars and the target's fraction as a dashed
// grey line, on a scale of 0–100%. i picks the queue's colour, so that
// each queue's chart has its own. Hours nobody was served in are left out.
func serviceLevelChart(t results.TargetResult, bins []results.Figure, i int) (chart, error) {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s: share answered within %s by the hour contacts joined", t.Queue, results.Dur(t.WithinS))
	p.Y.Label.Text = "per cent within target"
	last := setHourAxis(p, len(bins))
	// From a round number below both the target and the lowest interval,
	// so that a shortfall shows, to 100%.
	lo := t.Fraction - 0.1
	for _, f := range bins {
		if f.Measured() {
			lo = min(lo, f.CI95Low)
		}
	}
	p.Y.Min, p.Y.Max = max(0, 10*math.Floor(10*lo)), 100
	p.Add(plotter.NewGrid())
	goal, err := plotter.NewLine(plotter.XYs{{X: 0, Y: 100 * t.Fraction}, {X: last, Y: 100 * t.Fraction}})
	if err != nil {
		return chart{}, err
	}
	goal.Color = color.Gray{Y: 0x60}
	goal.Width = vg.Points(1)
	goal.Dashes = []vg.Length{vg.Points(6), vg.Points(3)}
	p.Add(goal)
	legend := []legendEntry{{Name: fmt.Sprintf("target %s", results.Percent(t.Fraction)), Color: cssColor(goal.Color), Dash: true}}
	var pts plotter.XYs
	var errs plotter.YErrors
	for h, f := range bins {
		if !f.Measured() {
			continue
		}
		pts = append(pts, plotter.XY{X: float64(h), Y: 100 * f.Mean})
		errs = append(errs, struct{ Low, High float64 }{100 * (f.Mean - f.CI95Low), 100 * (f.CI95High - f.Mean)})
	}
	if len(pts) > 0 {
		l, err := seriesLine(pts, i)
		if err != nil {
			return chart{}, err
		}
		eb, err := plotter.NewYErrorBars(struct {
			plotter.XYer
			plotter.YErrorer
		}{pts, errs})
		if err != nil {
			return chart{}, err
		}
		eb.Color = l.Color
		p.Add(l, eb)
		legend = append([]legendEntry{seriesLegend(t.Queue+" (with 95% CI)", i)}, legend...)
	}
	if len(bins) == 24 {
		p.Title.Text = fmt.Sprintf("%s: within %s", t.Queue, results.Dur(t.WithinS))
		p.X.Tick.Marker = hourTicks{step: 6}
		for i := range legend {
			legend[i].Name = strings.TrimSuffix(legend[i].Name, " (with 95% CI)")
		}
		svg, err := svg(p, 3.4*vg.Inch, 2.2*vg.Inch)
		return chart{SVG: svg, Legend: legend, Small: true}, err
	}
	svg, err := svg(p, chartW, chartH)
	return chart{SVG: svg, Legend: legend}, err
}

// cssColor writes a colour as CSS does, "#rrggbb".
func cssColor(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// destinationChart draws contacts a day reaching each destination as
// horizontal bars with their 95% confidence intervals.
func destinationChart(r *results.Report) (chart, error) {
	names := r.Order.Destinations
	if len(names) == 0 {
		return chart{}, nil
	}
	vals := make(plotter.Values, len(names))
	errs := make(plotter.XErrors, len(names))
	pts := make(plotter.XYs, len(names))
	// Bars are drawn bottom up; list the first destination at the top.
	for i, n := range names {
		j := len(names) - 1 - i
		d := r.Destinations[n].Get("per_day")
		vals[j] = d.Mean
		pts[j] = plotter.XY{X: d.Mean, Y: float64(j)}
		errs[j] = struct{ Low, High float64 }{d.Mean - d.CI95Low, d.CI95High - d.Mean}
	}
	p := plot.New()
	p.Title.Text = "Where contacts end, a day (with 95% CI)"
	p.X.Label.Text = "contacts a day"
	p.X.Min = 0
	bars, err := plotter.NewBarChart(vals, vg.Points(12))
	if err != nil {
		return chart{}, err
	}
	bars.Horizontal = true
	bars.Color = colorOf(0)
	bars.LineStyle.Width = 0
	p.Add(plotter.NewGrid(), bars)
	eb, err := xErrorBars(pts, errs)
	if err != nil {
		return chart{}, err
	}
	p.Add(eb)
	labels := make([]string, len(names))
	for i, n := range names {
		labels[len(names)-1-i] = n
	}
	p.NominalY(labels...)
	svg, err := svg(p, chartW, vg.Length(len(names))*vg.Points(22)+vg.Inch)
	return chart{SVG: svg}, err
}

// svg renders the plot and strips the XML prolog so it can sit inside HTML.
func svg(p *plot.Plot, w, h vg.Length) (template.HTML, error) {
	wt, err := p.WriterTo(w, h, "svg")
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if _, err := wt.WriteTo(&buf); err != nil {
		return "", err
	}
	s := buf.String()
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:]
	}
	// The plot's content is numbers and names that validation limits to
	// [a-z0-9_-], so it is safe to set inline.
	return template.HTML(s), nil
}

// setHourAxis sets the x axis of a chart of 24 bins by hour of the day
// or 168 by hour of the week, and returns its last hour.
func setHourAxis(p *plot.Plot, bins int) float64 {
	last := float64(bins - 1)
	p.X.Min, p.X.Max = 0, last
	if bins == 24 {
		p.X.Label.Text = "hour of day"
		p.X.Tick.Marker = hourTicks{}
	} else {
		p.X.Label.Text = "hour of the week, from Monday 00:00"
		p.X.Tick.Marker = weekTicks{}
	}
	return last
}

// weekTicks mark each day's start and name it at noon.
type weekTicks struct{}

func (weekTicks) Ticks(min, max float64) []plot.Tick {
	var ts []plot.Tick
	for d := range 7 {
		ts = append(ts, plot.Tick{Value: float64(24 * d)}, plot.Tick{Value: float64(24*d + 12), Label: config.Weekday(d).String()})
	}
	return append(ts, plot.Tick{Value: 167})
}

// hourTicks labels every step-th hour as 00:00, 03:00 … (every third
// where step is 0).
type hourTicks struct{ step int }

func (ht hourTicks) Ticks(_, _ float64) []plot.Tick {
	step := max(ht.step, 3)
	var ts []plot.Tick
	for h := 0; h <= 23; h++ {
		t := plot.Tick{Value: float64(h)}
		if h%step == 0 {
			t.Label = fmt.Sprintf("%02d:00", h)
		}
		ts = append(ts, t)
	}
	return ts
}
