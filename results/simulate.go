package results

import (
	"context"
	"errors"
	"fmt"

	"spoa/config"
	"spoa/sim"
)

// Options say how a scenario's replications are run. None of them changes
// a figure.
type Options struct {
	// Workers run replications in parallel; 0 means GOMAXPROCS.
	Workers int
	// Progress, if set, is called as each replication finishes with the
	// scenario's name, the number of its replications done and their
	// total.
	Progress func(scenario string, done, total int)
}

func (o Options) sim(scenario string) sim.Options {
	so := sim.Options{Workers: o.Workers}
	if o.Progress != nil {
		so.Progress = func(done, total int) { o.Progress(scenario, done, total) }
	}
	return so
}

// ScenarioError is a scenario that could not be compiled: the fault is in
// the scenario, not in the run. Index is its place among the scenarios
// given (0 for Simulate), so that a caller can say which file it was.
type ScenarioError struct {
	Index int
	Err   error
}

func (e *ScenarioError) Error() string { return e.Err.Error() }
func (e *ScenarioError) Unwrap() error { return e.Err }

// Simulate compiles a scenario, runs its replications and aggregates
// them into its report.
//
// If ctx is cancelled (Ctrl-C) part-way, the replications that finished
// (sim.Run returns the first ones, in order) still make a complete report,
// the one a run of that many gives, marked partial in its meta; it is
// returned with ctx's error. With none finished the report is nil.
func Simulate(ctx context.Context, s *config.Scenario, opt Options) (*Report, error) {
	m, err := sim.Compile(s)
	if err != nil {
		return nil, &ScenarioError{Err: err}
	}
	stats, err := sim.Run(ctx, m, opt.sim(s.Name))
	if err == nil {
		return Aggregate(m, stats), nil
	}
	if ctx.Err() == nil || !errors.Is(err, ctx.Err()) || len(stats) == 0 {
		return nil, err
	}
	r := Aggregate(m, stats)
	r.Meta.Partial, r.Meta.Completed, r.Meta.Requested = true, len(stats), m.Replications
	return r, err
}

// CompareScenarios runs scenarios with common random numbers and sets them
// side by side. Every scenario runs with the first one's seed and number of
// replications, so that replication i of each draws on the same random
// streams and the differences pair; the scenarios given are left as they
// are. All are compiled before any runs, so one that cannot be is refused,
// as a *ScenarioError, with nothing run. A second scenario of one name is
// shown as "NAME (2)", a third "NAME (3)".
func CompareScenarios(ctx context.Context, scenarios []*config.Scenario, opt Options) (*Comparison, error) {
	first := scenarios[0].Run
	models := make([]*sim.Model, len(scenarios))
	for i, s := range scenarios {
		paired := *s
		paired.Run.Seed, paired.Run.Replications = first.Seed, first.Replications
		m, err := sim.Compile(&paired)
		if err != nil {
			return nil, &ScenarioError{Index: i, Err: err}
		}
		models[i] = m
	}
	runs := make([]Run, len(models))
	seen := map[string]int{}
	for i, m := range models {
		stats, err := sim.Run(ctx, m, opt.sim(m.Name))
		if err != nil {
			return nil, err
		}
		name := m.Name
		if seen[name]++; seen[name] > 1 {
			name = fmt.Sprintf("%s (%d)", name, seen[name])
		}
		runs[i] = Run{Name: name, Model: m, Stats: stats}
	}
	return Compare(first.Seed, runs), nil
}
