package sim

import "math/rand/v2"

// contactID is a contact's slot; slots are reused once a contact leaves.
type contactID int32

// contact is one caller (or text, or chat) in the system. ticket changes
// each time the contact joins a queue, so a stale queue entry or
// abandonment event is recognised and skipped.
type contact struct {
	arrive, join float64
	seed         uint64 // the contact's own random numbers (see draw)
	visit        uint32 // queues joined so far, redials included
	stream       StreamID
	queue        QueueID
	ticket       uint32
	agent        agentID // chat: the staff member holding this contact
	state        uint8
	// Reached once: the recorder counts the first answer and the first
	// clinician of each contact.
	answered      bool
	seenClinician bool
	timer         bool // an abandonment event for this wait is in the heap
}

const (
	stFree uint8 = iota
	stWaiting
	stInService
	stRedialling
)

// waitingOn reports whether the contact is still waiting in the queue it
// joined with this ticket: the test every queue entry and abandonment
// event is put to.
func (c *contact) waitingOn(ticket uint32) bool {
	return c.state == stWaiting && c.ticket == ticket
}

// What a contact's random number is for; with the visit, it picks the
// contact's sub-stream for that draw.
const (
	drawPatience = iota
	drawService
	drawRoute
	drawRedial
	drawRedialDelay
	drawKinds
)

// draw reseeds src as the generator for one of c's draws: a PCG seeded
// from the contact's seed, the queue visit and what the draw is for. The
// n-th contact of a stream gets the same seed in every scenario run with
// the same seed, so it has the same patience, service time, route and
// redial wherever the two designs let it make the same visit, however the
// order of events differs between them: common random numbers that stay in
// step.
func (c *contact) draw(src *rand.PCG, what uint64) *rand.PCG {
	key := uint64(c.visit)*drawKinds + what
	src.Seed(splitmix(c.seed^splitmix(key)), splitmix(c.seed+key*0x9e3779b97f4a7c15))
	return src
}

// contacts are the slots of one replication, reused through a free list,
// so memory follows the number in the system at once.
type contacts struct {
	all  []contact
	free []contactID
}

func (cs *contacts) at(id contactID) *contact { return &cs.all[id] }

// take returns a free slot, its ticket kept so that old entries stay
// stale.
func (cs *contacts) take() contactID {
	if n := len(cs.free); n > 0 {
		id := cs.free[n-1]
		cs.free = cs.free[:n-1]
		return id
	}
	cs.all = append(cs.all, contact{})
	return contactID(len(cs.all) - 1)
}

// held is the number of contacts in the system: slots taken, not freed.
func (cs *contacts) held() int { return len(cs.all) - len(cs.free) }

// release frees the contact's slot: it has left the system.
func (cs *contacts) release(id contactID) {
	cs.all[id].state = stFree
	cs.free = append(cs.free, id)
}
