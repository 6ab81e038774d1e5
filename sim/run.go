package sim

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

// Options control how replications are run; none of them changes a result.
type Options struct {
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
//
// When ctx is cancelled (Ctrl-C), Run stops within a few thousand events
// and returns ctx's error with the Stats of the replications that finished
// before the first that did not: a prefix, in order, and so exactly what a
// run of that many replications gives, whatever the number of workers. (A
// later replication that happened to finish is dropped.) The prefix may be
// empty. If every replication had finished, the cancellation is too late
// to matter and Run returns them all with no error.
func Run(ctx context.Context, m *Model, opt Options) ([]Stats, error) {
	count := opt.Count
	if count == 0 {
		count = m.Replications - opt.First
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, count)

	// inner stops the other replications when one fails (at its event
	// budget): they would fail too, or their work be thrown away.
	inner, stop := context.WithCancel(ctx)
	defer stop()
	out := make([]Stats, count)
	errs := make([]error, count)
	finished := make([]bool, count)
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = Replicate(inner, m, m.Seed, opt.First+i)
				finished[i] = errs[i] == nil
				if !finished[i] {
					stop()
				}
				if finished[i] && opt.Progress != nil {
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
		case <-inner.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		n := 0
		for n < count && finished[n] {
			n++
		}
		if n < count {
			return out[:n:n], err
		}
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return nil, err
		}
	}
	return out, nil
}

// Replicate runs replication rep of the model with the given seed. It
// stops with a *BudgetError if the replication reaches its event budget
// (limits.go).
//
// A panic in the replication, which is a bug in the simulator (a broken
// invariant), is returned as an *InternalError naming the replication,
// rather than ending the process that runs it.
func Replicate(ctx context.Context, m *Model, seed uint64, rep int) (st Stats, err error) {
	defer func() {
		if p := recover(); p != nil {
			st, err = Stats{}, &InternalError{Replication: rep, Panic: p, Stack: debug.Stack()}
		}
	}()
	r := newReplication(m, seed, rep)
	if err := r.run(ctx); err != nil {
		return Stats{}, err
	}
	return r.rec.st, nil
}

// InternalError is a replication that panicked: a bug in the simulator,
// with the panic's value and the stack where it happened.
type InternalError struct {
	Replication int
	Panic       any
	Stack       []byte
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("replication %d failed: %v\n%s", e.Replication, e.Panic, e.Stack)
}
