package sim

import (
	"context"
	"runtime"
	"sync"
)

// Options control how replications are run; none of them changes a result.
type Options struct {
	// Seed overrides the scenario's seed when non-nil.
	Seed *uint64
	// First and Count select replications [First, First+Count): a shard of
	// the run. Count 0 means all the scenario's replications.
	First, Count int
	// Workers run replications in parallel; 0 means GOMAXPROCS.
	Workers int
	// Progress, if set, is called after each replication finishes with the
	// number done and the total. Calls come from one goroutine at a time.
	Progress func(done, total int)
}

// Run simulates the model's replications and returns their Stats in
// replication order. Each replication draws only on its own streams, so the
// result is the same for any number of workers or any split into shards.
func Run(ctx context.Context, m *Model, opt Options) ([]Stats, error) {
	seed := m.Scenario.Run.Seed
	if opt.Seed != nil {
		seed = *opt.Seed
	}
	count := opt.Count
	if count == 0 {
		count = m.Scenario.Run.Replications - opt.First
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, count)

	out := make([]Stats, count)
	errs := make([]error, count)
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = Replicate(ctx, m, seed, opt.First+i)
				if opt.Progress != nil {
					mu.Lock()
					done++
					opt.Progress(done, count)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := 0; i < count; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Replicate runs replication rep of the model with the given seed.
func Replicate(ctx context.Context, m *Model, seed uint64, rep int) (Stats, error) {
	r := newReplication(m, seed, rep)
	if err := r.run(ctx); err != nil {
		return Stats{}, err
	}
	return r.st, nil
}
