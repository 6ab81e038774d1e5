package sim

// qentry is a place in a queue: the contact and the ticket it joined with.
type qentry struct {
	id     int32
	ticket uint32
}

// queueState is one queue in one replication: a FIFO ring of entries (all
// contacts of a queue share its priority, so first in is longest waiting).
// An abandoning contact leaves its entry behind, dead; dead entries are
// dropped when they reach the head, so abandonment costs O(1).
type queueState struct {
	ring    []qentry // length a power of two
	head    int
	size    int // entries in the ring, live or dead
	waiting int // live entries
	area    float64
	last    float64
}

func (q *queueState) close(now float64) {
	q.area += float64(q.waiting) * (now - q.last)
	q.last = now
}

func (q *queueState) push(e qentry) {
	if q.size == len(q.ring) {
		bigger := make([]qentry, 2*len(q.ring))
		for i := 0; i < q.size; i++ {
			bigger[i] = q.ring[(q.head+i)&(len(q.ring)-1)]
		}
		q.ring, q.head = bigger, 0
	}
	q.ring[(q.head+q.size)&(len(q.ring)-1)] = e
	q.size++
	q.waiting++
}

// peek returns the longest-waiting live entry, dropping dead ones before
// it. The queue must have a live entry.
func (q *queueState) peek(cs []contact) qentry {
	for {
		e := q.ring[q.head]
		if c := &cs[e.id]; c.state == stWaiting && c.ticket == e.ticket {
			return e
		}
		q.head = (q.head + 1) & (len(q.ring) - 1)
		q.size--
	}
}

func (q *queueState) pop(cs []contact) qentry {
	e := q.peek(cs)
	q.head = (q.head + 1) & (len(q.ring) - 1)
	q.size--
	q.waiting--
	return e
}
