package html

import (
	"fmt"
	"html/template"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"spoa/results"
)

// WriteCompare writes a comparison as one self-contained HTML page: a
// section at a time, its table (each scenario's figure, each later one's
// paired difference from the first with its 95% CI) beside forest plots,
// one a measure, of those differences and their CIs against zero.
func WriteCompare(w io.Writer, c *results.Comparison) error {
	type block struct {
		Name   string
		Rows   []compareRow
		Charts []chart
	}
	var blocks []block
	for _, sec := range results.CompareSections {
		var b block
		b.Name = sec
		var measures []string
		for _, r := range c.Rows {
			if r.Section != sec {
				continue
			}
			b.Rows = append(b.Rows, rowOf(c, r))
			if !contains(measures, r.Measure) {
				measures = append(measures, r.Measure)
			}
		}
		if len(b.Rows) == 0 {
			continue
		}
		for _, m := range measures {
			ch, err := forestChart(c, sec, m)
			if err != nil {
				return err
			}
			if ch.SVG != "" {
				b.Charts = append(b.Charts, ch)
			}
		}
		blocks = append(blocks, b)
	}
	return comparePage.Execute(w, struct {
		C       *results.Comparison
		Later   []string
		Blocks  []block
		Version string
	}{c, c.Scenarios[1:], blocks, results.Version})
}

// compareRow is a row of a comparison's table, written out.
type compareRow struct {
	Label  string
	Values []string
	Diffs  []diffCell
}

type diffCell struct {
	Change, CI string
	Clear      bool // the CI leaves out 0
}

func rowOf(c *results.Comparison, r results.CompareRow) compareRow {
	m := r.MeasureOf()
	out := compareRow{Label: r.Name + " " + m.Label}
	for i, v := range r.Values {
		s := "-"
		if v != nil {
			s = m.Unit.Show(*v)
		}
		out.Values = append(out.Values, s)
		if i == 0 {
			continue
		}
		d := r.Diffs[i]
		cell := diffCell{Change: "-", CI: "-"}
		if d != nil && d.Measured() {
			cell.Change = m.Unit.FormatChange(d.Mean)
			cell.CI = "n=1, no CI"
			if d.HasCI() {
				cell.CI = m.Unit.FormatChange(d.CI95Low) + " to " + m.Unit.FormatChange(d.CI95High)
				cell.Clear = d.CI95Low > 0 || d.CI95High < 0
			}
		}
		out.Diffs = append(out.Diffs, cell)
	}
	return out
}

// forestChart draws, for one measure of a section, each name's paired
// difference from the first scenario (a point a later scenario, in its
// colour) with its 95% CI, against a line at zero: what changes, by how
// much, and how sure.
func forestChart(c *results.Comparison, section, measure string) (chart, error) {
	var rows []results.CompareRow
	for _, r := range c.Rows {
		if r.Section == section && r.Measure == measure {
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return chart{}, nil
	}
	m := rows[0].MeasureOf()
	scale, unit := 1.0, ""
	switch m.Unit {
	case results.Fraction:
		scale, unit = 100, "percentage points"
	case results.Seconds:
		scale, unit = 1, "seconds"
		for _, r := range rows {
			for _, d := range r.Diffs {
				if d != nil && (d.CI95High > 300 || d.CI95Low < -300) {
					scale, unit = 1.0/60, "minutes"
				}
			}
		}
	case results.WTE:
		unit = "WTE"
	case results.Hours:
		unit = "hours"
	default:
		unit = "contacts"
	}
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s: %s, difference from %s", section, m.Label, c.Scenarios[0])
	p.X.Label.Text = unit
	p.Add(plotter.NewGrid())
	n := len(rows)
	later := len(c.Scenarios) - 1
	var legend []legendEntry
	drawn := false
	lo, hi := 0.0, 0.0
	for k := 1; k <= later; k++ {
		var pts plotter.XYs
		var errs plotter.XErrors
		for i, r := range rows {
			d := r.Diffs[k]
			if d == nil || !d.Measured() {
				continue
			}
			// The first row at the top; later scenarios a little below.
			y := float64(n-1-i) - 0.25*float64(k-1)/float64(max(later, 1))
			pts = append(pts, plotter.XY{X: scale * d.Mean, Y: y})
			errs = append(errs, struct{ Low, High float64 }{scale * (d.Mean - d.CI95Low), scale * (d.CI95High - d.Mean)})
			lo, hi = min(lo, scale*d.CI95Low), max(hi, scale*d.CI95High)
		}
		if len(pts) == 0 {
			continue
		}
		drawn = true
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return chart{}, err
		}
		sc.GlyphStyle.Color = colorOf(k - 1)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		sc.GlyphStyle.Radius = vg.Points(3)
		eb, err := xErrorBars(pts, errs)
		if err != nil {
			return chart{}, err
		}
		eb.Color = colorOf(k - 1)
		eb.LineStyle.Width = vg.Points(1.5)
		p.Add(eb, sc)
		legend = append(legend, legendEntry{Name: c.Scenarios[k] + " − " + c.Scenarios[0] + ", with 95% CI", Color: cssColor(colorOf(k - 1))})
	}
	if !drawn {
		return chart{}, nil
	}
	pad := 0.05 * (hi - lo)
	if pad == 0 {
		pad = 1
	}
	p.X.Min, p.X.Max = lo-pad, hi+pad
	zero, err := plotter.NewLine(plotter.XYs{{X: 0, Y: -0.5}, {X: 0, Y: float64(n) - 0.5}})
	if err != nil {
		return chart{}, err
	}
	zero.Color = color.Gray{Y: 0x60}
	zero.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(zero)
	labels := make([]string, n)
	for i, r := range rows {
		labels[n-1-i] = r.Name
	}
	p.NominalY(labels...)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	svg, err := svg(p, 4.2*vg.Inch, vg.Length(n)*vg.Points(20)+1.1*vg.Inch)
	return chart{SVG: svg, Legend: legend, Small: true}, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var comparePage = template.Must(template.New("compare").Funcs(template.FuncMap{
	"join": func(s []string, sep string) string { return strings.Join(s, sep) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>spoa comparison: {{join .C.Scenarios " vs "}}</title>
<style>` + css + `
.block { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.block .scroll { flex: 1 1 28em; }
.block .charts { flex: 1 1 26em; }
.clear { font-weight: 600; }
</style>
</head>
<body>
<h1>{{join .C.Scenarios " vs "}}</h1>
<p>Seed {{.C.Seed}}, {{.C.Replications}} replications each, with common random numbers. Each difference is from
{{index .C.Scenarios 0}}, paired replication by replication, with its 95% confidence interval; bold where the interval
leaves out zero. The charts beside each table show the same differences: a point and its interval, against the dashed
line at zero.</p>
{{range .Blocks}}<h2>{{.Name}}</h2>
<div class="block">
<div class="scroll"><table><tr><th>{{.Name}}</th>{{range $.C.Scenarios}}<th>{{.}}</th>{{end}}{{range $.Later}}<th>{{.}} − {{index $.C.Scenarios 0}}</th><th>95% CI</th>{{end}}</tr>
{{range .Rows}}<tr><td>{{.Label}}</td>{{range .Values}}<td>{{.}}</td>{{end}}{{range .Diffs}}<td{{if .Clear}} class="clear"{{end}}>{{.Change}}</td><td class="ci">{{.CI}}</td>{{end}}</tr>
{{end}}</table></div>
<div class="charts">{{range .Charts}}{{template "chart" .}}{{end}}</div>
</div>
{{end}}
<p class="ci">spoa {{.Version}}</p>
</body></html>
{{define "chart"}}` + chartTemplate + `{{end}}`))
