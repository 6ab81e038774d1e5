package sim

import (
	"context"
	"math"
	"math/rand/v2"
)

// replication is one run of the model. It owns the clock and the event
// heap, and dispatches each event to the queues, pools, contacts and
// recorder that own the state it changes; the handlers below only say in
// what order they act.
type replication struct {
	m        *Model
	h        eventHeap
	now      float64
	contacts contacts
	queues   []queueState
	pools    []poolState
	sources  []source
	rec      recorder
	scratch  rand.PCG // reseeded for every draw of a contact
	// stale counts abandonment events left in the heap by contacts answered
	// before their patience ran out; compact removes them.
	stale int
	// serving counts contacts being served, so that those held and not
	// served (waiting, or waiting to redial) can be bounded (limits.go).
	serving int
	// trace is nil unless the replication is traced (trace.go).
	trace *tracer
}

func newReplication(m *Model, seed uint64, rep int) *replication {
	r := &replication{m: m, rec: newRecorder(m, rep)}
	r.h.ev = make([]event, 0, 64)
	r.queues = make([]queueState, len(m.Queues))
	for i := range r.queues {
		r.queues[i] = newQueueState()
	}
	r.pools = make([]poolState, len(m.Pools))
	r.sources = make([]source, len(m.Streams))
	for i := range m.Streams {
		r.sources[i] = newSource(seed, rep, &m.Streams[i])
	}
	return r
}

// run simulates the horizon, checking ctx every few thousand events.
func (r *replication) run(ctx context.Context) error {
	m := r.m
	for i := range m.Pools {
		level, next, changes := r.pools[i].rota.start(&m.Pools[i].rota)
		r.pools[i].onDuty = level
		if changes {
			r.h.push(next, evRota, int32(i), 0)
		}
	}
	for i := range m.Streams {
		r.scheduleArrival(StreamID(i))
	}
	r.h.push(r.rec.nextTick(0), evTick, 0, 0)

	end := m.End
	for r.h.len() > 0 {
		e := r.h.top()
		if e.t >= end {
			break
		}
		r.h.pop()
		r.now = e.t
		events := r.rec.event()
		switch e.kind() {
		case evArrival:
			r.arrival(StreamID(e.a))
		case evServiceEnd:
			r.serviceEnd(contactID(e.a), PoolID(e.b))
		case evAbandon:
			r.abandon(contactID(e.a), uint32(e.b))
		case evRota:
			r.rotaChange(PoolID(e.a))
		case evTick:
			r.rec.tick(r.now, r.queues, r.pools)
			if next := r.rec.nextTick(r.now); next < end {
				r.h.push(next, evTick, 0, 0)
			}
		case evRedial:
			r.redial(contactID(e.a))
		}
		if events&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if r.trace != nil && r.trace.err != nil {
				return &TraceError{r.trace.err}
			}
			if events > m.limits.events {
				return &BudgetError{Replication: r.rec.st.Replication, Events: events, Budget: m.limits.events, Visits: m.limits.visits}
			}
			if r.stale > 1024 && 2*r.stale > r.h.len() && !m.limits.noCompact {
				r.compact()
			}
		}
	}
	r.now = end
	r.rec.tick(end, r.queues, r.pools)
	for q := range r.queues {
		r.queues[q].each(&r.contacts, func(c *contact) { r.rec.stillWaiting(c, QueueID(q)) })
	}
	return nil
}

// scheduleArrival schedules stream s's next arrival after now.
func (r *replication) scheduleArrival(s StreamID) {
	rate := &r.m.Streams[s].rate
	if rate.none {
		return
	}
	e := r.sources[s].gaps.ExpFloat64()
	if t, ok := rate.after(r.now, e, r.m.End, r.sources[s].days); ok {
		r.h.push(t, evArrival, int32(s), 0)
	}
}

// arrival: a contact of stream s arrives, with its own seed, and joins the
// stream's queue; the stream's next arrival is scheduled first.
func (r *replication) arrival(s StreamID) {
	id := r.contacts.take()
	c := r.contacts.at(id)
	*c = contact{arrive: r.now, seed: r.sources[s].seeds.Uint64(), stream: s, ticket: c.ticket}
	r.rec.arrived(s, r.now)
	if r.trace != nil {
		r.trace.arrived(id)
	}
	r.scheduleArrival(s)
	r.join(id, r.m.Streams[s].Queue)
}

// redial: a contact who abandoned tries the same queue again.
func (r *replication) redial(id contactID) {
	c := r.contacts.at(id)
	r.rec.redialled(c)
	r.join(id, c.queue)
}

// join puts contact id into queue q: straight to a free staff member of the
// first pool in the queue's preference list that has one, else to wait,
// unless the queue is full or, for a contact just arrived, the replication
// is (MaxWaiting): then it is turned away.
func (r *replication) join(id contactID, q QueueID) {
	c := r.contacts.at(id)
	c.queue, c.join = q, r.now
	c.visit++
	r.rec.joined(c, q)
	mq := &r.m.Queues[q]
	if mq.Concurrency > 1 {
		// A chat goes first to a staff member already holding chats of
		// this queue with room for another, so others stay free for calls.
		for slot, p := range mq.ServedBy {
			ps := &r.pools[p]
			if a := ps.chats.spareFor(q); a != noAgent && !ps.overRota() {
				r.startService(id, q, p, servedSlot(slot), a)
				return
			}
		}
	}
	for slot, p := range mq.ServedBy {
		if r.pools[p].free() {
			r.startService(id, q, p, servedSlot(slot), noAgent)
			return
		}
	}
	qs := &r.queues[q]
	// The arriving contact is held and not served, hence the >.
	if qs.waiting >= r.m.limits.waiting || c.visit == 1 && r.contacts.held()-r.serving > r.m.limits.waiting {
		r.rec.turnedAway(c, q)
		if r.trace != nil {
			r.trace.visit(c, id, TurnedAway, math.NaN(), math.NaN(), noQueue, -1)
		}
		r.contacts.release(id)
		return
	}
	c.ticket++
	c.state = stWaiting
	qs.add(r.now, qentry{id: id, ticket: c.ticket}, &r.contacts)
	r.rec.waiting(q, qs.waiting)
	if mq.patience != nil && !r.m.Streams[c.stream].text {
		c.timer = true
		r.h.push(r.now+mq.patience.draw(c.draw(&r.scratch, drawPatience)), evAbandon, int32(id), int32(c.ticket))
	}
}

// startService hands contact id, from queue q, to a staff member of pool p
// (ServedBy[slot] of q). For a chat queue, agent is the staff member
// already holding chats who takes it, or noAgent for one who was free.
func (r *replication) startService(id contactID, q QueueID, p PoolID, slot servedSlot, agent agentID) {
	c := r.contacts.at(id)
	c.state = stInService
	r.serving++
	if c.timer {
		c.timer = false
		r.stale++
	}
	r.rec.served(c, q, r.m.Pools[p].Clinician, r.now)
	if r.trace != nil {
		r.trace.answered(id, p, r.now)
	}
	ps := &r.pools[p]
	mq := &r.m.Queues[q]
	if k := mq.Concurrency; k > 1 {
		if agent == noAgent {
			ps.seize(r.now)
			agent = ps.chats.open(q, slot)
		}
		ps.chats.take(agent, k)
	} else {
		ps.seize(r.now)
		agent = noAgent
	}
	c.agent = agent
	r.h.push(r.now+mq.service[slot].draw(c.draw(&r.scratch, drawService)), evServiceEnd, int32(id), int32(p))
}

// serviceEnd: the staff member first takes the next contact they serve (if
// still on duty), and only then does the finished contact follow its route.
func (r *replication) serviceEnd(id contactID, p PoolID) {
	c := r.contacts.at(id)
	r.serving--
	if a := c.agent; a != noAgent {
		r.chatEnd(p, a)
	} else if r.pools[p].release(r.now) {
		r.dispatch(p)
	}
	rt := r.route(c)
	if r.trace != nil {
		r.trace.visit(c, id, Answered, r.trace.at[id], r.now, rt.queue, rt.dest)
	}
	if rt.queue != noQueue {
		r.join(id, rt.queue)
		return
	}
	r.rec.ended(c, rt.dest, r.now)
	r.goOn(c, rt.dest)
	r.contacts.release(id)
}

// goOn counts c at the destination it goes on to from d, if d has one
// (config.Destination). The draw is a race of its own, from the visit's
// route seed mixed with a constant, so that it is independent of the race
// that chose d.
func (r *replication) goOn(c *contact, d DestID) {
	then, ok := r.m.then[d]
	if !ok {
		return
	}
	next := then[0]
	if len(then) > 1 {
		next = then.choose(splitmix(c.draw(&r.scratch, drawRoute).Uint64() ^ 0x6a09e667f3bcc909))
	}
	r.rec.reached(c, next.dest, r.now)
}

// route is where c goes after service in its queue. A queue with one route
// needs no draw; the draw is c's own (contact.go), so leaving it out moves
// no other random number.
func (r *replication) route(c *contact) route {
	rs := r.m.Queues[c.queue].routesIn(r.now)
	if len(rs) == 1 {
		return rs[0]
	}
	return rs.choose(c.draw(&r.scratch, drawRoute).Uint64())
}

// dispatch gives a free staff member of pool p the most urgent, then
// longest waiting, contact among the queues p serves. It reports whether
// there was one.
func (r *replication) dispatch(p PoolID) bool {
	best, bestSlot := noQueue, servedSlot(0)
	bestPri, bestJoin := 0, 0.0
	for _, pq := range r.m.Pools[p].queues {
		qs := &r.queues[pq.queue]
		if qs.waiting == 0 {
			continue
		}
		pri := r.m.Queues[pq.queue].Priority
		if best != noQueue && pri > bestPri {
			break // queues are sorted by priority
		}
		head := qs.first(&r.contacts)
		if join := r.contacts.at(head.id).join; best == noQueue || join < bestJoin {
			best, bestSlot, bestPri, bestJoin = pq.queue, pq.slot, pri, join
		}
	}
	if best == noQueue {
		return false
	}
	e := r.queues[best].take(r.now, &r.contacts)
	r.startService(e.id, best, p, bestSlot, noAgent)
	if r.m.Queues[best].Concurrency > 1 {
		r.fillChats(p, r.contacts.at(e.id).agent)
	}
	return true
}

// chatEnd: staff member a of pool p finishes one chat. With none left they
// are free like anyone finishing a call; otherwise they take the next
// waiting chat of the same queue, unless the pool is over its rota and
// they are going off duty.
func (r *replication) chatEnd(p PoolID, a agentID) {
	ps := &r.pools[p]
	q, _ := ps.chats.seat(a)
	if ps.chats.drop(a, r.m.Queues[q].Concurrency) {
		if ps.release(r.now) {
			r.dispatch(p)
		}
		return
	}
	if !ps.overRota() {
		r.fillChats(p, a)
	}
}

// fillChats gives staff member a of pool p waiting chats of the queue they
// hold chats of, until they hold the queue's concurrency.
func (r *replication) fillChats(p PoolID, a agentID) {
	ps := &r.pools[p]
	q, slot := ps.chats.seat(a)
	qs := &r.queues[q]
	k := r.m.Queues[q].Concurrency
	for qs.waiting > 0 && ps.chats.hasRoom(a, k) {
		e := qs.take(r.now, &r.contacts)
		r.startService(e.id, q, p, slot, a)
	}
}

// abandon: the caller's patience ran out, if they are still waiting in the
// queue they joined with this ticket. They redial, or leave.
func (r *replication) abandon(id contactID, ticket uint32) {
	c := r.contacts.at(id)
	if !c.waitingOn(ticket) {
		// Answered before this timer ran out: bookkeeping, not an event,
		// so the count does not depend on when the heap was compacted.
		r.stale--
		r.rec.notAnEvent()
		return
	}
	c.timer = false
	r.queues[c.queue].leave(r.now)
	r.rec.abandoned(c, c.queue, r.now)
	st := &r.m.Streams[c.stream]
	redial := st.redial && rand.New(c.draw(&r.scratch, drawRedial)).Float64() < st.redialP
	if r.trace != nil {
		next := noQueue
		if redial {
			next = c.queue
		}
		r.trace.visit(c, id, Abandoned, r.now, math.NaN(), next, -1)
	}
	if redial {
		c.state = stRedialling
		r.h.push(r.now+st.redialDelay.draw(c.draw(&r.scratch, drawRedialDelay)), evRedial, int32(id), 0)
		return
	}
	// Where the caller ends: drawn with the route draw of this visit, which
	// a contact that gives up never uses for a route.
	if to := r.m.Queues[c.queue].abandonTo; len(to) > 0 {
		d := to[0]
		if len(to) > 1 {
			d = to.choose(c.draw(&r.scratch, drawRoute).Uint64())
		}
		r.rec.reached(c, d.dest, r.now)
		r.goOn(c, d.dest)
	}
	r.contacts.release(id)
}

// rotaChange sets pool p's on-duty count to the next step of its rota. When
// staff come on duty they take waiting contacts at once; when they go off,
// those busy finish the contact in hand first.
func (r *replication) rotaChange(p PoolID) {
	ps := &r.pools[p]
	level, next := ps.rota.advance(&r.m.Pools[p].rota)
	ps.setOnDuty(r.now, level)
	r.h.push(next, evRota, int32(p), 0)
	for ps.free() && r.dispatch(p) {
	}
}

// compact drops the abandonment events of contacts already answered, so
// the heap holds what can still happen rather than growing with arrival
// rate × patience. Events keep their keys, so the order they come out in,
// and every result, is unchanged.
func (r *replication) compact() {
	r.h.filter(func(e event) bool {
		return e.kind() != evAbandon || r.contacts.at(contactID(e.a)).waitingOn(uint32(e.b))
	})
	r.stale = 0
}
