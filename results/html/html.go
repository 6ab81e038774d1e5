package html

import (
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"spoa/config"
	"spoa/results"
)

// Write writes the report as one self-contained HTML page: targets and
// warnings first, then the tables of the text report, then charts of
// demand, waits and utilisation by hour of day, of each queue's share
// answered within its target by hour of day, and of where contacts end.
func Write(w io.Writer, r *results.Report) error {
	var day, levels, staff []chart
	// add(&charts)(ch, err) keeps a chart drawn, if any.
	add := func(to *[]chart) func(chart, error) error {
		return func(ch chart, err error) error {
			if err == nil && ch.SVG != "" {
				*to = append(*to, ch)
			}
			return err
		}
	}
	if err := add(&day)(hourlyChart("Demand by hour of day (first attempts in the hour, mean over days)", "contacts an hour", r.Order.Streams, r.Hourly["arrivals"], 1)); err != nil {
		return err
	}
	// A chart of each queue's service level, rather than one of all: each
	// queue has its own target to draw, and its own scale.
	for i, t := range r.Targets {
		if err := add(&levels)(serviceLevelChart(t, r.Hourly["service_level"][t.Queue], i)); err != nil {
			return err
		}
	}
	for _, n := range r.Order.Pools {
		if err := add(&staff)(staffChart(n, r.Hourly["staff_on_duty"][n], r.Hourly["staff_busy"][n])); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		title, y string
		names    []string
		series   map[string][]results.Figure
		scale    float64
	}{
		{"Mean wait by the hour contacts joined", "minutes", r.Order.Queues, r.Hourly["asa_s"], 1.0 / 60},
		{"Staff utilisation by hour of day", "per cent busy", r.Order.Pools, r.Hourly["utilisation"], 100},
	} {
		if err := add(&day)(hourlyChart(c.title, c.y, c.names, c.series, c.scale)); err != nil {
			return err
		}
	}
	week, err := weekView(r)
	if err != nil {
		return err
	}
	var ends []chart
	if err := add(&ends)(destinationChart(r)); err != nil {
		return err
	}
	return page.Execute(w, struct {
		R                              *results.Report
		Day, Levels, Staff, Week, Ends []chart
	}{r, day, levels, staff, week, ends})
}

// page is the report's page. A row's figures are read by measure name
// (.Get "asa_s"), and .Show writes one in its unit, "-" where none was
// measured.
var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"dur":  results.Dur,
	"pct":  results.Percent,
	"num":  results.Count.Format,
	"day":  func(d int) string { return config.Weekday(d).String() },
	"join": func(s []string) string { return strings.Join(s, ", ") },
	"span": func(n []int) string {
		lo, hi := slices.Min(n), slices.Max(n)
		if lo == hi {
			return strconv.Itoa(lo)
		}
		return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
	},
	"perday": func(f results.Figure, days float64) string {
		return results.Count.Format(f.Mean / days)
	},
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>spoa report: {{.R.Scenario}}</title>
<style>` + css + `</style>
</head>
<body>
<h1>{{.R.Scenario}}</h1>
<p>{{.R.Replications}} replications of {{.R.Days}} days after {{.R.WarmupDays}} days of warm-up, seed {{.R.Seed}}.
Figures are means over replications; grey figures are the half-width of the 95% confidence interval.</p>
{{if .R.Meta.Partial}}<p class="warning">Partial report: the run was interrupted after {{.R.Meta.Completed}} of {{.R.Meta.Requested}} replications; the figures are over those.</p>
{{end}}{{range .R.Warnings}}<p class="warning">{{.}}</p>
{{end}}
{{if .R.Targets}}<h2>Targets</h2>
<div class="scroll"><table><tr><th>queue</th><th>target</th><th>achieved</th><th>95% CI</th><th></th></tr>
{{range .R.Targets}}<tr><td>{{.Queue}}</td><td>{{pct .Fraction}} within {{dur .WithinS}}{{if eq .Per "hour"}} in every hour{{end}}</td>{{if .ByHour}}<td>worst hour {{.ByHour.Worst}}: {{pct .ByHour.Achieved.Mean}}; {{.ByHour.Missed}} of {{.ByHour.Hours}} hours short</td>
<td class="ci">{{.ByHour.AchievedCI}}</td>{{else}}<td>{{if .Achieved.Measured}}{{pct .Achieved.Mean}}{{else}}nobody answered{{end}}</td>
<td class="ci">{{.AchievedCI}}</td>{{end}}
<td>{{if .Met}}<span class="met">met</span>{{else}}<span class="unmet">not met</span>{{end}}</td></tr>
{{end}}</table></div>{{end}}
{{$r := .R}}{{$d := .R.Days}}
{{with .R.Inputs}}<h2>The scenario</h2>
<h3>Demand</h3>
<div class="scroll"><table><tr><th>stream</th><th>channel</th><th>enters</th><th>contacts a day</th></tr>
{{range .Streams}}<tr><td>{{.Name}}</td><td>{{.Channel}}</td><td>{{.Enters}}</td><td>{{num .PerDay}}</td></tr>
{{end}}</table></div>
{{if .DemandVariesByDay}}<p>Demand differs by day of the week: contacts a day on each day.</p>
<div class="scroll"><table><tr><th>stream</th>{{range $i, $x := (index .Streams 0).ByDay}}<th>{{day $i}}</th>{{end}}</tr>
{{range .Streams}}<tr><td>{{.Name}}</td>{{range .ByDay}}<td>{{num .}}</td>{{end}}</tr>
{{end}}</table></div>{{end}}
<h3>Queues</h3>
<div class="scroll"><table><tr><th>queue</th><th>priority</th><th>served by</th><th>target</th><th>callers give up</th></tr>
{{range .Queues}}<tr><td>{{.Name}}</td><td>{{.Priority}}</td><td>{{join .ServedBy}}</td><td>{{if .WithinS}}{{pct .Fraction}} within {{dur .WithinS}}{{else}}-{{end}}</td><td>{{if .Abandons}}yes{{else}}no{{end}}</td></tr>
{{end}}</table></div>
<h3>Staff</h3>
<div class="scroll"><table><tr><th>pool</th><th>WTE</th><th>shrinkage</th><th>on duty, fewest to most</th><th>clinicians</th></tr>
{{range .Pools}}<tr><td>{{.Name}}</td><td>{{num .WTE}}</td><td>{{pct .Shrinkage}}</td><td>{{span .OnDuty}}</td><td>{{if .Clinician}}yes{{else}}no{{end}}</td></tr>
{{end}}</table></div>
{{end}}
<h2>Queues</h2>
<div class="scroll"><table><tr><th>queue</th><th>offered a day</th><th>answered a day</th><th>abandoned</th><th>mean wait</th><th>p90</th><th>p95</th><th>waited</th><th>within target</th><th>mean queue</th></tr>
{{range $n := .R.Order.Queues}}{{$q := index $r.Queues $n}}<tr><td>{{$n}}</td><td>{{perday ($q.Get "offered") $d}}</td><td>{{perday ($q.Get "served") $d}}</td>
<td>{{$q.Show "abandon_fraction"}}</td><td>{{$q.Show "asa_s"}} <span class="ci">{{$q.Spread "asa_s"}}</span></td>
<td>{{$q.Show "wait_p90_s"}}</td><td>{{$q.Show "wait_p95_s"}}</td>
<td>{{$q.Show "waited_fraction"}}</td><td>{{$q.Show "within_target_fraction"}}</td><td>{{$q.Show "queue_length_mean"}}</td></tr>
{{end}}</table></div>

<h2>Staff</h2>
<div class="scroll"><table><tr><th>pool</th><th>utilisation</th><th>staff hours a day</th><th>hours past shift end a day</th><th>WTE</th></tr>
{{range $n := .R.Order.Pools}}{{$p := index $r.Pools $n}}<tr><td>{{$n}}</td>
<td>{{$p.Show "utilisation"}} <span class="ci">{{$p.Spread "utilisation"}}</span></td>
<td>{{perday ($p.Get "staff_hours") $d}}</td><td>{{perday ($p.Get "overrun_hours") $d}}</td><td>{{num ($p.Get "wte").Mean}}</td></tr>
{{end}}</table></div>

<h2>Streams and channels</h2>
<div class="scroll"><table><tr><th>stream</th><th>channel</th><th>offered a day</th><th>mean wait to answer</th><th>abandoned</th><th>redials a day</th><th>time to clinician</th><th>time in system</th></tr>
{{range $n := .R.Order.Streams}}{{$s := index $r.Streams $n}}<tr><td>{{$n}}</td><td>{{$s.Channel}}</td><td>{{perday ($s.Get "offered") $d}}</td>
<td>{{$s.Show "asa_s"}}</td><td>{{$s.Show "abandon_fraction"}}</td><td>{{perday ($s.Get "redials") $d}}</td>
<td>{{$s.Show "time_to_clinician_s"}}</td><td>{{$s.Show "time_in_system_s"}}</td></tr>
{{end}}{{range $n := .R.Order.Channels}}{{$c := index $r.Channels $n}}<tr><td>all {{$n}}s</td><td>{{$n}}</td><td>{{perday ($c.Get "offered") $d}}</td>
<td>{{$c.Show "asa_s"}}</td><td>{{$c.Show "abandon_fraction"}}</td><td></td><td></td><td></td></tr>
{{end}}</table></div>

<h2>Destinations</h2>
<div class="scroll"><table><tr><th>destination</th><th>a day</th><th>95% CI</th>{{range .R.Order.Streams}}<th>from {{.}}</th>{{end}}</tr>
{{range $n := .R.Order.Destinations}}{{$x := index $r.Destinations $n}}<tr><td>{{$n}}</td><td>{{$x.Show "per_day"}}</td>
<td class="ci">{{$x.CI "per_day"}}</td>{{range $s := $r.Order.Streams}}<td>{{num (index $x.PerDayStream $s).Mean}}</td>{{end}}</tr>
{{end}}</table></div>

<h2>By hour of day</h2>
{{range .Day}}{{template "chart" .}}{{end}}
{{if .Levels}}<h3>Share answered within target, by the hour contacts joined, with its 95% CI (dashed: the target)</h3>
<div class="small">{{range .Levels}}{{template "chart" .}}{{end}}</div>{{end}}
{{if .Staff}}<h3>Staff on duty and busy, by hour of day (mean over the measured days)</h3>
<div class="small">{{range .Staff}}{{template "chart" .}}{{end}}</div>{{end}}
{{if .Week}}<h2>By day of the week</h2>
<p>The days differ (in demand, or in the rota), so the week is shown hour by hour.</p>
{{range .Week}}{{template "chart" .}}{{end}}{{end}}
{{if .Ends}}<h2>Where contacts end</h2>
{{range .Ends}}{{template "chart" .}}{{end}}{{end}}
<p class="ci">spoa {{.R.Meta.Version}}, scenario sha256 {{.R.Meta.ConfigSHA256}}, {{.R.Meta.Events}} events.</p>
</body></html>
{{define "chart"}}` + chartTemplate + `{{end}}`))

// css is the style both pages share: tables that fit a laptop's screen
// (each scrolls sideways on its own if it must, the page never does) and
// charts that shrink to fit.
const css = `
body { font-family: system-ui, sans-serif; margin: 1em auto; padding: 0 1em; max-width: 72em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin: 1em 0 0.25em; }
.scroll { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.85em; }
th, td { padding: 0.2em 0.3em; text-align: right; border-bottom: 1px solid #eee; }
th { background: #f4f4f4; font-weight: 600; vertical-align: bottom; max-width: 7em; overflow-wrap: break-word; }
td .ci { white-space: nowrap; }
th:first-child, td:first-child { text-align: left; position: sticky; left: 0; background: #fff; }
th:first-child { background: #f4f4f4; }
svg { max-width: 100%; height: auto; }
.small { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; }
.small .chart { display: block; margin: 0.5em 0; }
.small .legend span { display: inline; margin-right: 1em; font-size: 0.8em; }
.met { color: #1a7f37; font-weight: bold; } .unmet { color: #cf222e; font-weight: bold; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 0.5em 1em; }
.ci { color: #777; font-size: 0.85em; }
.chart { margin: 1em 0; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em; }
.legend span { display: block; font-size: 0.9em; }
`

// chartTemplate sets out a chart and its legend.
const chartTemplate = `<div class="chart">{{.SVG}}{{if .Legend}}<div class="legend">{{range .Legend}}<span><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" stroke="{{.Color}}" stroke-width="2"{{if .Dash}} stroke-dasharray="6 3"{{end}}/></svg> {{.Name}}</span>
{{end}}</div>{{end}}</div>
`
