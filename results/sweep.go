package results

import (
	"context"
	"errors"
	"fmt"

	"spoa/config"
	"spoa/sim"
)

// Sweep is a scenario run at every point of a grid. The points run with
// the same seed and number of replications (Seed and Replications, the
// first point's), so that neighbouring points share common random numbers
// and differ by the change, not by noise.
type Sweep struct {
	Scenario     string
	Seed         uint64
	Replications int
	Days         float64
	WarmupDays   float64
	Keys         []string
	Rows         []SweepRow
	// Partial marks a sweep that was interrupted: Rows are the points
	// that finished, the first ones in order, of Requested.
	Partial   bool
	Requested int
}

// SweepRow is one point and its report, the one `spoa run` gives with the
// point's overrides.
type SweepRow struct {
	Point  Point
	Report *Report
}

// SweepOptions say how a sweep is run; none of them changes a figure.
type SweepOptions struct {
	// Workers run each point's replications in parallel; 0 means
	// GOMAXPROCS.
	Workers int
	// Progress, if set, is called as each replication finishes: the
	// point's place (from 1) among all, the point, and its replications
	// done and their total.
	Progress func(point, points int, p Point, done, total int)
}

// LoadPoints reads every point's scenario with load, which is given the
// point's overrides ("KEY=VALUE", to apply after any of its own) and
// returns the scenario and where it came from, and compiles each, so
// that every problem is found before anything runs. On any problem it
// returns every one, each point's named: a *config.Problems per point,
// its Source "KEY=VALUE: FILE", joined. When every point has the same
// problems (a file that cannot be read, say), they are given once, for
// "all N points".
func LoadPoints(points []Point, load func(sets []string) (*config.Scenario, string, error)) ([]*config.Scenario, error) {
	out := make([]*config.Scenario, len(points))
	var errs []error
	same := true    // every point so far has failed with the first one's problems
	var first error // the first point's problems, not named by point
	for i, p := range points {
		s, source, err := load(p.Sets())
		if err == nil {
			_, err = sim.Compile(s)
		}
		if err != nil {
			bare := namePoint("", source, err)
			if i == 0 {
				first = bare
			}
			same = same && bare.Error() == first.Error()
			errs = append(errs, namePoint(p.Label(), source, err))
			continue
		}
		same = false
		out[i] = s
	}
	if len(errs) > 1 && same {
		return nil, namePoint(fmt.Sprintf("all %d points", len(points)), "", first)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// namePoint names the point (label, if any) and the file in a problem
// found loading or compiling it.
func namePoint(label, source string, err error) error {
	var probs *config.Problems
	if !errors.As(err, &probs) {
		if label == "" {
			return err
		}
		return fmt.Errorf("%s: %w", label, err)
	}
	if probs.Source != "" {
		source = probs.Source
	}
	if source != "" && label != "" {
		label += ": " + source
	} else if source != "" {
		label = source
	}
	return &config.Problems{Source: label, List: probs.List}
}

// RunSweep runs the scenario of each point (as LoadPoints gives them, in
// the grid's order) and returns each point's report. The points share the
// seed and replications their file and overrides give them all, and so
// common random numbers, unless the grid varies run.seed itself. Each
// report is the one Simulate gives that scenario, as `spoa run` does. A
// point that cannot be compiled is refused, with nothing run.
//
// If ctx is cancelled (Ctrl-C) part-way, the points that finished are
// returned, the sweep marked partial, with ctx's error; the point that was
// running is left out. With none finished the sweep is nil.
func RunSweep(ctx context.Context, points []Point, scenarios []*config.Scenario, opt SweepOptions) (*Sweep, error) {
	if len(points) == 0 || len(points) != len(scenarios) {
		return nil, errors.New("results: a sweep needs one scenario for each of its points")
	}
	for i, s := range scenarios {
		if _, err := sim.Compile(s); err != nil {
			return nil, namePoint(points[i].Label(), "", err)
		}
	}
	first := scenarios[0]
	sw := &Sweep{
		Scenario: first.Name, Seed: first.Run.Seed, Replications: first.Run.Replications,
		Days: first.Run.Days, WarmupDays: first.Run.WarmupDays,
		Keys: points[0].Keys, Requested: len(points),
	}
	for i, s := range scenarios {
		o := Options{Workers: opt.Workers}
		if opt.Progress != nil {
			opt.Progress(i+1, len(points), points[i], 0, s.Run.Replications) // the point has started
			o.Progress = func(_ string, done, total int) { opt.Progress(i+1, len(points), points[i], done, total) }
		}
		rep, err := Simulate(ctx, s, o)
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				if len(sw.Rows) == 0 {
					return nil, err
				}
				sw.Partial = true
				return sw, err
			}
			return nil, fmt.Errorf("%s: %w", points[i].Label(), err)
		}
		sw.Rows = append(sw.Rows, SweepRow{Point: points[i], Report: rep})
	}
	return sw, nil
}

// AnyMeetsAll reports whether at least one point meets every target.
func (sw *Sweep) AnyMeetsAll() bool {
	for _, r := range sw.Rows {
		if allMet(r.Report) {
			return true
		}
	}
	return false
}

// allMet reports whether a report meets every target it has (a report
// with none meets them all).
func allMet(r *Report) bool {
	for _, t := range r.Targets {
		if !t.Met {
			return false
		}
	}
	return true
}
