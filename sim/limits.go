package sim

import (
	"fmt"
	"math"
	"unsafe"

	"spoa/config"
)

// Limits that keep a run bounded in memory and in time, whatever the
// scenario: a queue that grows without bound, or contacts that go round
// without end.

// MaxWaiting is the most contacts that wait at once in one queue, and in
// all of a replication's queues together, counting callers waiting to
// redial. A queue whose demand exceeds its capacity and whose contacts
// never abandon grows without bound; rather than let it take all the
// machine's memory, a contact that finds its queue that full is turned
// away: it leaves the system, reaches no destination, and counts in the
// queue's TurnedAway (so Offered = Served + Abandoned + WaitingAtEnd +
// TurnedAway still). A bound on each queue alone let twenty overloaded
// queues hold twenty million contacts (6 GB over two workers), and callers
// who hang up and redial a month later pile up without waiting in any
// queue; so an arriving contact that would wait is turned away too, at the
// queue its stream enters, when the replication already holds MaxWaiting
// contacts that nobody is serving. Only arrivals add contacts (a routed or
// redialling contact is one already held), so a replication holds at most
// MaxWaiting besides those being served (at most its staff): 60–130 MB (a
// 48-byte contact slot each, an 8-byte queue entry or a 24-byte redial
// event, a 24-byte abandonment event for a caller with patience, and the
// slack of slices grown by appending). A run holds one replication a
// worker at once (Options.Workers, default GOMAXPROCS), so at most that
// many times this; a finished replication keeps only its Stats. By the
// time the bound is reached every wait is far past any target, and the
// report warns that the queue is overloaded.
const MaxWaiting = 1_000_000

// MaxKept is the most memory, in bytes, that a run's statistics may take.
// Every replication's Stats are kept until the report is made (its
// intervals are over replications), and a queue's statistics alone are
// about 36 KiB (its wait histogram 31 KiB, its counts by hour of the week
// 4 KiB), so 100,000 replications of a scenario of ten queues would keep
// 34 GiB and run out of memory only at the end. Compile refuses a run
// whose Stats would take more, saying how many replications fit. 2 GiB
// keeps 58,000 replications of a one-queue scenario, 5,871 of
// blmk-hub-2021's ten queues.
const MaxKept = 2 << 30

// keptBytes is the most one replication's Stats take: every queue's
// histogram in use, and a count for each stream at each destination.
func keptBytes(m *Model) float64 {
	q := float64(unsafe.Sizeof(QueueStats{})) + 8*float64(histBins)
	d := float64(unsafe.Sizeof(DestStats{})) + 8*float64(len(m.Streams))
	return float64(unsafe.Sizeof(Stats{})) + q*float64(len(m.Queues)) + d*float64(len(m.Dests)) +
		float64(unsafe.Sizeof(PoolStats{}))*float64(len(m.Pools)) + float64(unsafe.Sizeof(StreamStats{}))*float64(len(m.Streams))
}

// checkKept refuses a model whose replications' Stats would take more than
// MaxKept, as a problem with run.replications.
func checkKept(m *Model) error {
	each := keptBytes(m)
	if each*float64(m.Replications) <= MaxKept {
		return nil
	}
	return &config.Problems{List: []config.Problem{{Path: "run.replications",
		Msg: fmt.Sprintf("%d replications would keep %.1f GiB of statistics until the report is made (%.0f KiB a replication, for %s, %s and %s), over the limit of %d GiB: at most %d replications fit",
			m.Replications, each*float64(m.Replications)/(1<<30), each/(1<<10),
			count(len(m.Queues), "queue"), count(len(m.Streams), "stream"), count(len(m.Dests), "destination"), MaxKept>>30, int(MaxKept/each))}}}
}

// count writes "1 queue" or "3 queues".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
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

// limits are one model's bounds. Tests lower them to reach them quickly.
type limits struct {
	waiting int     // most contacts waiting in one queue, or in all (MaxWaiting)
	events  uint64  // events one replication may simulate
	visits  float64 // expected visits of contacts to queues, over the horizon
	// noCompact keeps answered contacts' abandonment events in the heap
	// until they fire (replication.compact); tests set it to check that
	// compaction changes nothing.
	noCompact bool
}

// compileLimits sets the bounds of a model from the mean number of queues
// a contact joining each queue visits (config.ExpectedVisits).
func compileLimits(m *Model, visits map[string]float64) limits {
	l := limits{waiting: MaxWaiting}
	for _, s := range m.Streams {
		l.visits += s.PerDay * m.End / day * visits[m.Queues[s.Queue].Name]
	}
	b := eventsPerVisit*l.visits + eventFloor
	l.events = math.MaxUint64 / 2
	if b < math.MaxUint64/2 {
		l.events = uint64(b)
	}
	return l
}

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
