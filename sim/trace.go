package sim

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"
)

// Outcome is how a contact's visit to a queue ended.
type Outcome uint8

// The outcomes of a visit. Answered covers a contact still in service
// when the run ends (its End is NaN), as the report's served count does.
const (
	Answered Outcome = iota + 1
	Abandoned
	TurnedAway
	// StillWaiting: waiting in the queue when the run ended.
	StillWaiting
)

var outcomeNames = [...]string{Answered: "answered", Abandoned: "abandoned", TurnedAway: "turned_away", StillWaiting: "waiting"}

func (o Outcome) String() string { return outcomeNames[o] }

// Visit is one contact's visit to one queue, as a trace records it. Times
// are seconds on the simulation clock (doc.go); NaN where they do not
// apply.
type Visit struct {
	Stream StreamID
	// Contact numbers the replication's arrivals from 1, in order of
	// arrival, warm-up included.
	Contact int64
	// Visit is 1 for the queue the contact first joined, then 2, 3 … for
	// each queue it was transferred to or redialled.
	Visit   int
	Queue   QueueID
	Outcome Outcome
	// Join is when the contact joined the queue; At when it was answered
	// or abandoned; End when its service ended.
	Join, At, End float64
	// Pool that answered; -1 if none.
	Pool PoolID
	// NextQueue is where the contact went next: another queue, or for an
	// abandoning caller who redials the same queue; noQueue (-1) if none.
	// NextDest is the destination an answered contact reached, or -1.
	NextQueue QueueID
	NextDest  DestID
}

// tracer collects the visits of one replication for ReplicateTrace. The
// replication holds a nil *tracer unless it is traced, so that an
// untraced run pays one nil test at each hook and nothing else.
type tracer struct {
	f      func(*Visit) error
	err    error
	warmup float64
	n      int64 // arrivals so far
	// By contact slot: the contact's number, and when and by which pool
	// its current visit was answered.
	number []int64
	at     []float64
	pool   []PoolID
}

func (t *tracer) slot(id contactID) {
	for int(id) >= len(t.number) {
		t.number = append(t.number, 0)
		t.at = append(t.at, math.NaN())
		t.pool = append(t.pool, -1)
	}
}

// arrived numbers the contact in slot id.
func (t *tracer) arrived(id contactID) {
	t.slot(id)
	t.n++
	t.number[id] = t.n
	t.at[id], t.pool[id] = math.NaN(), -1
}

// answered: the contact in slot id was answered now by pool p.
func (t *tracer) answered(id contactID, p PoolID, now float64) {
	t.at[id], t.pool[id] = now, p
}

// visit writes one finished visit of the contact in slot id, if it joined
// at or after the warm-up (the visits the report counts), and clears the
// slot's answer for the next visit.
func (t *tracer) visit(c *contact, id contactID, o Outcome, at, end float64, next QueueID, dest DestID) {
	if t.err != nil || c.join < t.warmup {
		t.at[id], t.pool[id] = math.NaN(), -1
		return
	}
	v := Visit{
		Stream: c.stream, Contact: t.number[id], Visit: int(c.visit), Queue: c.queue, Outcome: o,
		Join: c.join, At: at, End: end, Pool: t.pool[id], NextQueue: next, NextDest: dest,
	}
	t.at[id], t.pool[id] = math.NaN(), -1
	t.err = t.f(&v)
}

// finish writes the visits still open when the run ends: contacts in
// service (answered, no end) and those still waiting.
func (t *tracer) finish(r *replication) {
	for i := range r.contacts.all {
		c := &r.contacts.all[i]
		id := contactID(i)
		switch c.state {
		case stInService:
			t.visit(c, id, Answered, t.at[id], math.NaN(), noQueue, -1)
		case stWaiting:
			t.visit(c, id, StillWaiting, math.NaN(), math.NaN(), noQueue, -1)
		}
	}
}

// ReplicateTrace runs replication rep as Replicate does and gives f every
// visit to a queue that joined at or after the warm-up, as each ends
// (answered contacts when their service ends), then those still open when
// the run ends, in slot order. Its Stats are exactly Replicate's. An error
// from f stops the replication within a few thousand events and is
// returned as a *TraceError.
func ReplicateTrace(ctx context.Context, m *Model, seed uint64, rep int, f func(*Visit) error) (st Stats, err error) {
	defer func() {
		if p := recover(); p != nil {
			st, err = Stats{}, &InternalError{Replication: rep, Panic: p, Stack: debug.Stack()}
		}
	}()
	r := newReplication(m, seed, rep)
	r.trace = &tracer{f: f, warmup: m.Warmup}
	if err := r.run(ctx); err != nil {
		return Stats{}, err
	}
	r.trace.finish(r)
	if err := r.trace.err; err != nil {
		return Stats{}, &TraceError{err}
	}
	return r.rec.st, nil
}

// TraceError wraps the error a trace's writer returned.
type TraceError struct{ Err error }

func (e *TraceError) Error() string { return fmt.Sprintf("trace: %v", e.Err) }
func (e *TraceError) Unwrap() error { return e.Err }
