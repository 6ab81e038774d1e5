package sim

import (
	"fmt"
	"math"
)

// MaxWaiting is the most contacts that wait in one queue at once. A queue
// whose demand exceeds its capacity and whose contacts never abandon grows
// without bound; rather than let it take all the machine's memory, a
// contact that finds MaxWaiting already waiting is turned away: it leaves
// the system, reaches no destination, and counts in the queue's TurnedAway
// (so Offered = Served + Abandoned + WaitingAtEnd + TurnedAway still). A
// million waiting contacts hold 60–70 MB (a 40-byte contact slot and an
// 8-byte queue entry each, and the slack of slices grown by appending); by
// then every wait in the queue is far past any target, and the report warns
// that the queue is overloaded.
const MaxWaiting = 1_000_000

// waitingCap is the bound on contacts waiting in one queue.
func (m *Model) waitingCap() int {
	if m.waitCap > 0 {
		return m.waitCap
	}
	return MaxWaiting
}

// full is called when contact id is about to wait in queue q. If the queue
// is at its bound it turns the contact away and reports true. Otherwise it
// makes room in the queue's ring: dead entries (contacts that abandoned)
// are dropped when the ring is full, before it is allowed to grow, so the
// ring's size follows the number waiting, not the number that ever waited
// (a queue with patience that no one serves would otherwise keep one dead
// entry for every contact offered).
func (r *replication) full(id, q int32) bool {
	qs := &r.qs[q]
	if qs.waiting >= r.m.waitingCap() {
		if r.contacts[id].joinCounted {
			r.st.Queues[q].TurnedAway++
		}
		r.release(id)
		return true
	}
	if qs.size == len(qs.ring) && qs.size > qs.waiting {
		qs.compact(r.contacts)
		if qs.size > len(qs.ring)/2 {
			qs.grow() // so that compacting again waits for as many pushes
		}
	}
	return false
}

// compact drops dead entries, keeping live ones in order, in place: the
// entry read at offset i is written at offset n ≤ i from the head, so no
// entry is overwritten before it is read.
func (q *queueState) compact(cs []contact) {
	mask := len(q.ring) - 1
	n := 0
	for i := 0; i < q.size; i++ {
		e := q.ring[(q.head+i)&mask]
		if c := &cs[e.id]; c.state == stWaiting && c.ticket == e.ticket {
			q.ring[(q.head+n)&mask] = e
			n++
		}
	}
	q.size = n
}

// grow doubles the ring, keeping its entries in order from index 0.
func (q *queueState) grow() {
	bigger := make([]qentry, 2*len(q.ring))
	for i := 0; i < q.size; i++ {
		bigger[i] = q.ring[(q.head+i)&(len(q.ring)-1)]
	}
	q.ring, q.head = bigger, 0
}

// The event budget. Validation refuses a run whose arrivals alone would
// take hours (config's work limit), but some scenarios multiply their
// events in ways no estimate made before the run can see: callers who hang
// up at once and always redial, with nobody on duty to answer, ring again
// and again for the whole horizon. So that such a run ends rather than
// seeming to hang, a replication may simulate at most eventsPerVisit events
// for each contact's expected visit to a queue, plus eventFloor; an
// ordinary contact needs two or three (its arrival, the end of its service,
// perhaps its abandonment) and a redial two more. A replication that
// reaches its budget stops with a *BudgetError.
const (
	eventsPerVisit = 200
	eventFloor     = 100_000_000
)

// BudgetError says that a replication stopped at its event budget.
type BudgetError struct {
	Replication    int
	Events, Budget uint64
	Visits         float64 // expected visits of contacts to queues
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("replication %d stopped after %d events, over its limit of %d (%d for each of the %.3g expected visits of a contact to a queue, and %d more): contacts are going round without end, for example callers who hang up at once (patience 0, or nobody on duty) and always redial",
		e.Replication, e.Events, e.Budget, eventsPerVisit, e.Visits, eventFloor)
}

// eventBudget is the most events one replication may simulate, and the
// expected number of contact visits to queues it rests on.
func (m *Model) eventBudget() (uint64, float64) {
	total := m.visits
	if m.eventCap > 0 {
		return m.eventCap, total
	}
	b := eventsPerVisit*total + eventFloor
	if b >= math.MaxUint64/2 {
		return math.MaxUint64 / 2, total
	}
	return uint64(b), total
}

// overBudget is the error of a replication that reached its budget.
func (r *replication) overBudget() error {
	_, visits := r.m.eventBudget()
	return &BudgetError{Replication: r.st.Replication, Events: r.st.Events, Budget: r.budget, Visits: visits}
}
