package sim

import "spoa/config"

// Queue is a compiled queue.
type Queue struct {
	Name     string
	Priority int
	// Concurrency is how many of this queue's contacts one staff member
	// holds at once (chat); 1 for everything else.
	Concurrency int
	patience    *distSpec
	// service[i] is the service time when ServedBy[i] serves.
	service  []distSpec
	ServedBy []PoolID
	// Within is the target wait in seconds (0 when the queue has none);
	// Fraction the share to answer within it.
	Within   float64
	Fraction float64
	// ByHour: the target is judged in each hour of the week in which
	// anyone was served (service.go), not over the whole run.
	ByHour bool
	routes routes
	// routesAt: routing tables that hold in spans of the week instead of
	// routes, the first whose span holds the time deciding.
	routesAt []timedRoutes
	// abandonTo: destinations callers who give up end at, by probability;
	// none when they reach no destination.
	abandonTo routes
	// abandons: the queue has patience and a call or chat can reach it.
	abandons bool
}

// Abandons reports whether contacts in this queue can run out of patience:
// it has a patience, and calls or chats reach it (texts never abandon, so
// a queue only texts reach never does, whatever its patience).
func (q *Queue) Abandons() bool { return q.abandons }

func compileQueue(q config.Queue, pools map[string]PoolID, queues map[string]QueueID, dests *destinations) Queue {
	cq := Queue{Name: q.Name, Priority: q.Priority, Concurrency: max(q.Concurrency, 1)}
	if q.Patience != nil {
		d := compileDist(*q.Patience)
		cq.patience = &d
	}
	for _, pn := range q.ServedBy {
		d := q.Service
		if o, ok := q.ServiceBy[pn]; ok {
			d = o
		}
		cq.ServedBy = append(cq.ServedBy, pools[pn])
		cq.service = append(cq.service, compileDist(d))
	}
	if q.Target != nil {
		cq.Within, cq.Fraction = q.Target.Within.Seconds(), q.Target.Fraction
		cq.ByHour = q.Target.ByHour()
	}
	cq.routes = compileRoutes(q.Routes, queues, dests)
	if len(q.AbandonTo) > 0 {
		cq.abandonTo = compileRoutes(q.AbandonTo, map[string]QueueID{}, dests)
	}
	for _, w := range q.RoutesAt {
		cq.routesAt = append(cq.routesAt, timedRoutes{spans: w.Spans(), routes: compileRoutes(w.Routes, queues, dests)})
	}
	return cq
}

// qentry is a place in a queue: the contact and the ticket it joined with.
type qentry struct {
	id     contactID
	ticket uint32
}

// queueState is one queue in one replication: a FIFO ring of entries (all
// contacts of a queue share its priority, so first in is longest waiting)
// and the time integral of how many wait. An abandoning contact leaves its
// entry behind, dead; dead entries are dropped when they reach the head,
// or all at once when the ring is full (makeRoom), so abandonment costs
// O(1) and the ring follows the number waiting.
type queueState struct {
	ring    []qentry // length a power of two
	head    int
	size    int // entries in the ring, live or dead
	waiting int // live entries
	area    float64
	last    float64
}

func newQueueState() queueState { return queueState{ring: make([]qentry, 16)} }

// close adds the number waiting since the last change to the time
// integral; every change in the number waiting calls it first.
func (q *queueState) close(now float64) {
	q.area += float64(q.waiting) * (now - q.last)
	q.last = now
}

// flush closes the integral at now and hands it over, starting afresh.
func (q *queueState) flush(now float64) float64 {
	q.close(now)
	a := q.area
	q.area = 0
	return a
}

// add puts a contact at the back of the queue, making room in the ring
// first when it is full.
func (q *queueState) add(now float64, e qentry, cs *contacts) {
	q.close(now)
	if q.size == len(q.ring) {
		q.makeRoom(cs)
	}
	q.ring[(q.head+q.size)&(len(q.ring)-1)] = e
	q.size++
	q.waiting++
}

// first returns the longest-waiting live entry, dropping dead ones before
// it. The queue must have a live entry.
func (q *queueState) first(cs *contacts) qentry {
	for {
		e := q.ring[q.head]
		if cs.at(e.id).waitingOn(e.ticket) {
			return e
		}
		q.head = (q.head + 1) & (len(q.ring) - 1)
		q.size--
	}
}

// take removes and returns the longest-waiting live entry.
func (q *queueState) take(now float64, cs *contacts) qentry {
	e := q.first(cs)
	q.close(now)
	q.head = (q.head + 1) & (len(q.ring) - 1)
	q.size--
	q.waiting--
	return e
}

// leave counts one contact gone from the queue without being taken (it
// abandoned); its entry stays in the ring, dead.
func (q *queueState) leave(now float64) {
	q.close(now)
	q.waiting--
}

// makeRoom makes room in a full ring: it drops the dead entries, if any,
// and doubles the ring if it is still more than half full, so that
// compacting again waits for as many adds. A queue with patience that
// nobody serves would otherwise keep one dead entry for every contact it
// was offered.
func (q *queueState) makeRoom(cs *contacts) {
	if q.size > q.waiting {
		q.compact(cs)
	}
	if q.size > len(q.ring)/2 {
		q.grow()
	}
}

// compact drops dead entries, keeping live ones in order, in place: the
// entry read at offset i is written at offset n ≤ i from the head, so no
// entry is overwritten before it is read.
func (q *queueState) compact(cs *contacts) {
	mask := len(q.ring) - 1
	n := 0
	for i := 0; i < q.size; i++ {
		e := q.ring[(q.head+i)&mask]
		if cs.at(e.id).waitingOn(e.ticket) {
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

// each calls f with every contact still waiting, longest waiting first.
func (q *queueState) each(cs *contacts, f func(*contact)) {
	for i := 0; i < q.size; i++ {
		e := q.ring[(q.head+i)&(len(q.ring)-1)]
		if c := cs.at(e.id); c.waitingOn(e.ticket) {
			f(c)
		}
	}
}
