package shard

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

// Check refuses more shards than items (replications or points, what
// names them): every shard must hold at least one.
func (s Spec) Check(total int, what string) error {
	if s.N > total {
		return fmt.Errorf("--shard %s: %d shards for %d %s; give at most %d shards, so that each has one", s, s.N, total, what, total)
	}
	return nil
}

// RunPart runs shard spec of the scenario's replications and returns its
// part. Replications are run as results.Simulate runs them; opt changes
// no figure. A scenario that cannot be compiled is a
// *results.ScenarioError. If ctx is cancelled no part is returned: a part
// is the whole of its block or nothing.
func RunPart(ctx context.Context, s *config.Scenario, spec Spec, opt results.Options) (*Part, error) {
	m, err := sim.Compile(s)
	if err != nil {
		return nil, &results.ScenarioError{Err: err}
	}
	if err := spec.Check(m.Replications, "replications"); err != nil {
		return nil, err
	}
	raw, err := scenarioJSON(s, m.Hash)
	if err != nil {
		return nil, err
	}
	lo, hi := spec.Block(m.Replications)
	so := sim.Options{First: lo, Count: hi - lo, Workers: opt.Workers}
	if opt.Progress != nil {
		so.Progress = func(done, total int) { opt.Progress(m.Name, done, total) }
	}
	stats, err := sim.Run(ctx, m, so)
	if err != nil {
		return nil, err
	}
	return &Part{
		Format: FormatName, FormatVersion: FormatVersion, Version: results.Version,
		Kind: KindRun, Shard: spec.I, Shards: spec.N,
		Scenario: m.Name, Seed: m.Seed, Replications: m.Replications, Days: m.Days, WarmupDays: m.WarmupDays,
		ConfigSHA256: m.Hash,
		Runs:         []Run{{Scenario: raw, ConfigSHA256: m.Hash, First: lo, Stats: stats}},
	}, nil
}

// SweepPart runs shard spec of a sweep's points (as results.LoadPoints
// gives them, in the grid's order), each point with all its
// replications, and returns its part. If ctx is cancelled no part is
// returned.
func SweepPart(ctx context.Context, points []results.Point, scenarios []*config.Scenario, spec Spec, opt results.SweepOptions) (*Part, error) {
	if len(points) == 0 || len(points) != len(scenarios) {
		return nil, fmt.Errorf("shard: a sweep needs one scenario for each of its points")
	}
	if err := spec.Check(len(points), "points"); err != nil {
		return nil, err
	}
	models := make([]*sim.Model, len(points))
	for i, s := range scenarios {
		m, err := sim.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", points[i].Label(), err)
		}
		models[i] = m
	}
	first := models[0]
	p := &Part{
		Format: FormatName, FormatVersion: FormatVersion, Version: results.Version,
		Kind: KindSweep, Shard: spec.I, Shards: spec.N,
		Scenario: first.Name, Seed: first.Seed, Replications: first.Replications, Days: first.Days, WarmupDays: first.WarmupDays,
		ConfigSHA256: SweepHash(points, models),
		Keys:         points[0].Keys, Points: len(points),
	}
	lo, hi := spec.Block(len(points))
	for i := lo; i < hi; i++ {
		m := models[i]
		raw, err := scenarioJSON(scenarios[i], m.Hash)
		if err != nil {
			return nil, err
		}
		so := sim.Options{Workers: opt.Workers}
		if opt.Progress != nil {
			opt.Progress(i+1, len(points), points[i], 0, m.Replications) // the point has started
			so.Progress = func(done, total int) { opt.Progress(i+1, len(points), points[i], done, total) }
		}
		stats, err := sim.Run(ctx, m, so)
		if err != nil {
			if ctx.Err() != nil {
				return nil, err
			}
			return nil, fmt.Errorf("%s: %w", points[i].Label(), err)
		}
		p.Runs = append(p.Runs, Run{Point: i, Values: points[i].Values, Scenario: raw, ConfigSHA256: m.Hash, Stats: stats})
	}
	return p, nil
}

// SweepHash identifies a sweep: the SHA-256 of each point's label and
// scenario hash, in the grid's order.
func SweepHash(points []results.Point, models []*sim.Model) string {
	h := sha256.New()
	for i, p := range points {
		fmt.Fprintf(h, "%s\t%s\n", p.Label(), models[i].Hash)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// scenarioJSON is the scenario as a part holds it. It is read back here,
// as a merge will read it, to be sure it gives the same scenario (the
// same hash): a part that could not be merged is not worth running.
func scenarioJSON(s *config.Scenario, hash string) (json.RawMessage, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("the scenario cannot be written into a part: %w", err)
	}
	back, err := load.Bytes(raw, "json", "the scenario as a part holds it", nil)
	if err != nil {
		return nil, fmt.Errorf("the scenario does not read back as it was written (a bug in spoa): %v", err)
	}
	if got := config.Hash(back); got != hash {
		return nil, fmt.Errorf("the scenario reads back with hash %s, not %s (a bug in spoa)", got, hash)
	}
	return raw, nil
}
