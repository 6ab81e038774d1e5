package sim

// kind is an event's type; its value is its rank among events at one time
// (see doc.go).
type kind uint8

const (
	evRota kind = iota
	evServiceEnd
	evTick
	evAbandon
	evRedial
	evArrival
)

// event is one scheduled happening. key packs the kind (top 8 bits) over a
// running sequence number, so (t, key) orders every event totally.
type event struct {
	t   float64
	key uint64
	a   int32 // contact, stream or pool index, by kind
	b   int32 // pool index, or the contact's queue ticket
}

func (e event) kind() kind { return kind(e.key >> 56) }

func (e event) before(o event) bool {
	return e.t < o.t || (e.t == o.t && e.key < o.key)
}

// eventHeap is a binary min-heap of events by (t, key), written out for
// event values rather than through container/heap, whose interface boxes
// every push and pop.
type eventHeap struct {
	ev  []event
	seq uint64
}

func (h *eventHeap) push(t float64, k kind, a, b int32) {
	h.seq++
	e := event{t: t, key: uint64(k)<<56 | h.seq, a: a, b: b}
	h.ev = append(h.ev, e)
	i := len(h.ev) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !e.before(h.ev[p]) {
			break
		}
		h.ev[i] = h.ev[p]
		i = p
	}
	h.ev[i] = e
}

func (h *eventHeap) len() int { return len(h.ev) }

// top is the earliest event; the heap must not be empty.
func (h *eventHeap) top() event { return h.ev[0] }

func (h *eventHeap) pop() event {
	top := h.ev[0]
	n := len(h.ev) - 1
	last := h.ev[n]
	h.ev = h.ev[:n]
	if n > 0 {
		h.ev[0] = last
		h.down(0)
	}
	return top
}

// filter keeps the events for which keep is true and restores the heap
// order in O(n).
func (h *eventHeap) filter(keep func(event) bool) {
	kept := h.ev[:0]
	for _, e := range h.ev {
		if keep(e) {
			kept = append(kept, e)
		}
	}
	h.ev = kept
	for i := len(h.ev)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

// down moves the event at i down to its place.
func (h *eventHeap) down(i int) {
	n := len(h.ev)
	e := h.ev[i]
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && h.ev[r].before(h.ev[c]) {
			c = r
		}
		if !h.ev[c].before(e) {
			break
		}
		h.ev[i] = h.ev[c]
		i = c
	}
	h.ev[i] = e
}
