package sim

import (
	"context"
	"math"
	"math/rand/v2"
)

// contact is one caller (or text, or call-back) in the system. Slots are
// reused; ticket changes each time the contact joins a queue, so a stale
// queue entry or abandonment event is recognised and skipped.
type contact struct {
	arrive, join  float64
	seed          uint64 // the contact's own random numbers (see draw)
	visit         uint32 // queues joined so far, redials included
	stream, queue int32
	ticket        uint32
	agent         int32 // chat: the staff member holding this contact
	state         uint8
	counted       bool // arrived after the warm-up
	joinCounted   bool // joined its current queue after the warm-up
	seenClinician bool
	answered      bool
	timer         bool // an abandonment event for this wait is in the heap
}

const (
	stFree uint8 = iota
	stWaiting
	stInService
	stRedialling
)

type streamState struct {
	rng   *rand.Rand // inter-arrival times
	seeds *rand.Rand // each contact's own seed
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

type poolState struct {
	onDuty, busy int
	nextChange   int     // index into Pool.changes of the next rota change
	weekStart    float64 // start of the week that change falls in
	busyArea     float64
	dutyArea     float64
	last         float64
	chats        chatDesk
}

// replication is the whole state of one run of the model.
type replication struct {
	m        *Model
	h        eventHeap
	now      float64
	contacts []contact
	free     []int32
	qs       []queueState
	ps       []poolState
	ss       []streamState
	st       Stats
	lastTick float64
	scratch  rand.PCG // reseeded for every draw of a contact
	budget   uint64   // events allowed, 0 for no limit (overload.go)
	// stale counts abandonment events left in the heap by contacts answered
	// before their patience ran out; compact removes them.
	stale int
}

// draw returns the generator for one of a contact's draws: a PCG seeded
// from the contact's seed, the queue visit and what the draw is for. The
// n-th contact of a stream gets the same seed in every scenario run with
// the same seed, so it has the same patience, service time, route and
// redial wherever the two designs let it make the same visit, however the
// order of events differs between them: common random numbers that stay in
// step.
func (r *replication) draw(c *contact, what uint64) *rand.PCG {
	key := uint64(c.visit)*drawKinds + what
	r.scratch.Seed(splitmix(c.seed^splitmix(key)), splitmix(c.seed+key*0x9e3779b97f4a7c15))
	return &r.scratch
}

func newReplication(m *Model, seed uint64, rep int) *replication {
	r := &replication{m: m}
	r.st.Replication = rep
	r.h.ev = make([]event, 0, 64)
	r.qs = make([]queueState, len(m.Queues))
	for i := range r.qs {
		r.qs[i].ring = make([]qentry, 16)
	}
	r.ps = make([]poolState, len(m.Pools))
	r.ss = make([]streamState, len(m.Streams))
	for i := range m.Streams {
		name := m.Streams[i].Name
		r.ss[i].rng = rand.New(newSource(seed, rep, "arrivals/"+name))
		r.ss[i].seeds = rand.New(newSource(seed, rep, "contacts/"+name))
	}
	r.st.Queues = make([]QueueStats, len(m.Queues))
	r.st.Pools = make([]PoolStats, len(m.Pools))
	r.st.Streams = make([]StreamStats, len(m.Streams))
	r.st.Dests = make([]DestStats, len(m.Dests))
	for i := range r.st.Dests {
		r.st.Dests[i].ByStream = make([]int64, len(m.Streams))
	}
	return r
}

// run simulates the horizon, checking ctx every few thousand events.
func (r *replication) run(ctx context.Context) error {
	m := r.m
	for i := range m.Pools {
		p := &m.Pools[i]
		r.ps[i].onDuty = p.changes[0].level
		if len(p.changes) > 1 {
			r.ps[i].nextChange = 1
			r.h.push(p.changes[1].at, evRota, int32(i), 0)
		}
	}
	for i := range m.Streams {
		r.scheduleArrival(int32(i), 0)
	}
	r.h.push(r.nextTick(0), evTick, 0, 0)

	end := m.End
	for r.h.len() > 0 {
		e := r.h.top()
		if e.t >= end {
			break
		}
		r.h.pop()
		r.now = e.t
		r.st.Events++
		switch e.kind() {
		case evArrival:
			r.arrival(e.a)
		case evServiceEnd:
			r.serviceEnd(e.a, e.b)
		case evAbandon:
			r.abandon(e.a, uint32(e.b))
		case evRota:
			r.rotaChange(e.a)
		case evTick:
			r.tick()
			if next := r.nextTick(r.now); next < end {
				r.h.push(next, evTick, 0, 0)
			}
		case evRedial:
			c := &r.contacts[e.a]
			r.st.Streams[c.stream].Redials += b2i(c.counted)
			r.join(e.a, c.queue)
		}
		if r.st.Events&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if r.budget > 0 && r.st.Events > r.budget {
				return r.overBudget()
			}
			if r.stale > 1024 && 2*r.stale > r.h.len() && !r.m.noCompact {
				r.compact()
			}
		}
	}
	r.now = end
	r.tick()
	r.countWaiting()
	return nil
}

// nextTick is the next hour boundary after t, or the end of the warm-up if
// that comes first, so every flushed span lies in one hour of day and wholly
// inside or outside the measured days.
func (r *replication) nextTick(t float64) float64 {
	next := (math.Floor(t/hour) + 1) * hour
	if w := r.m.Warmup; w > t && w < next {
		return w
	}
	return next
}

// tick closes the time integrals at now and files them under the hour of
// day in which their span began.
func (r *replication) tick() {
	measured := r.lastTick >= r.m.Warmup
	h := hourOfDay(r.lastTick)
	for i := range r.qs {
		qs := &r.qs[i]
		qs.close(r.now)
		if measured {
			r.st.Queues[i].LengthArea += qs.area
		}
		qs.area = 0
	}
	for i := range r.ps {
		ps := &r.ps[i]
		ps.close(r.now)
		if measured {
			st := &r.st.Pools[i]
			st.Busy += ps.busyArea
			st.OnDuty += ps.dutyArea
			st.HourBusy[h] += ps.busyArea
			st.HourOnDuty[h] += ps.dutyArea
		}
		ps.busyArea, ps.dutyArea = 0, 0
	}
	r.lastTick = r.now
}

// hourOfDay is the hour of day (0–23) at time t ≥ 0; integer arithmetic,
// since math.Mod costs more than the rest of an event.
func hourOfDay(t float64) int { return int(t/hour) % 24 }

func (ps *poolState) close(now float64) {
	dt := now - ps.last
	ps.busyArea += float64(ps.busy) * dt
	ps.dutyArea += float64(ps.onDuty) * dt
	ps.last = now
}

// scheduleArrival draws the next arrival of stream s after t from its
// piecewise-constant hourly rate, by inverting the integrated rate: exact,
// with no thinning.
func (r *replication) scheduleArrival(s int32, t float64) {
	st := &r.m.Streams[s]
	if st.noDemand {
		return
	}
	e := r.ss[s].rng.ExpFloat64()
	if st.constRate > 0 {
		r.h.push(t+e/st.constRate, evArrival, s, 0)
		return
	}
	for i := 0; ; i++ {
		bin := int(t/hour) % 168
		binEnd := (math.Floor(t/hour) + 1) * hour
		rate := st.rate[bin]
		if rate*(binEnd-t) >= e {
			t += e / rate
			break
		}
		e -= rate * (binEnd - t)
		t = binEnd
		if t >= r.m.End {
			return
		}
	}
	r.h.push(t, evArrival, s, 0)
}

func (r *replication) newContact() int32 {
	if n := len(r.free); n > 0 {
		id := r.free[n-1]
		r.free = r.free[:n-1]
		return id
	}
	r.contacts = append(r.contacts, contact{})
	return int32(len(r.contacts) - 1)
}

func (r *replication) release(id int32) {
	r.contacts[id].state = stFree
	r.free = append(r.free, id)
}

func (r *replication) measuring() bool { return r.now >= r.m.Warmup }

func (r *replication) arrival(s int32) {
	id := r.newContact()
	c := &r.contacts[id]
	*c = contact{arrive: r.now, seed: r.ss[s].seeds.Uint64(), stream: s, ticket: c.ticket, counted: r.measuring()}
	if c.counted {
		st := &r.st.Streams[s]
		st.Offered++
		st.HourOffered[hourOfDay(r.now)]++
	}
	r.scheduleArrival(s, r.now)
	r.join(id, r.m.Streams[s].Queue)
}

// join puts contact id into queue q: straight to a free staff member of the
// first pool in the queue's preference list that has one, else to wait.
func (r *replication) join(id, q int32) {
	c := &r.contacts[id]
	c.queue, c.join, c.joinCounted = q, r.now, r.measuring()
	c.visit++
	if c.joinCounted {
		st := &r.st.Queues[q]
		st.Offered++
		st.HourOffered[hourOfDay(r.now)]++
	}
	mq := &r.m.Queues[q]
	if mq.Concurrency > 1 {
		// A chat goes first to a staff member already holding chats of
		// this queue with room for another, so others stay free for calls.
		for slot, p := range mq.ServedBy {
			ps := &r.ps[p]
			if a := ps.chats.spareFor(q); a >= 0 && ps.busy <= ps.onDuty {
				r.startService(id, q, p, int32(slot), a)
				return
			}
		}
	}
	for slot, p := range mq.ServedBy {
		if ps := &r.ps[p]; ps.busy < ps.onDuty {
			r.startService(id, q, p, int32(slot), -1)
			return
		}
	}
	qs := &r.qs[q]
	if r.full(id, q) {
		return // turned away: see overload.go
	}
	c.ticket++
	c.state = stWaiting
	qs.close(r.now)
	qs.push(qentry{id: id, ticket: c.ticket})
	if qs.waiting > r.st.Queues[q].PeakWaiting {
		r.st.Queues[q].PeakWaiting = qs.waiting
	}
	if mq.patience != nil && !r.m.Streams[c.stream].text {
		c.timer = true
		r.h.push(r.now+mq.patience.draw(r.draw(c, drawPatience)), evAbandon, id, int32(c.ticket))
	}
}

// startService hands contact id, from queue q, to a staff member of pool p
// (ServedBy[slot] of q). For a chat queue, agent is the staff member
// already holding chats who takes it, or -1 for one who was free.
func (r *replication) startService(id, q, p, slot, agent int32) {
	c := &r.contacts[id]
	c.state = stInService
	if c.timer {
		c.timer = false
		r.stale++
	}
	if c.joinCounted {
		w := r.now - c.join
		st := &r.st.Queues[q]
		st.Served++
		st.Wait.Add(w)
		st.WaitHist.Add(w)
		st.HourWait[hourOfDay(c.join)].Add(w)
		if w > 0 {
			st.Waited++
		}
		if mq := &r.m.Queues[q]; mq.Within > 0 && w <= mq.Within {
			st.WithinTarget++
		}
	}
	if !c.answered {
		c.answered = true
		if c.counted {
			r.st.Streams[c.stream].Answer.Add(r.now - c.join)
		}
	}
	if r.m.Pools[p].Clinician && !c.seenClinician {
		c.seenClinician = true
		if c.counted {
			r.st.Streams[c.stream].ToClinician.Add(r.now - c.arrive)
		}
	}
	ps := &r.ps[p]
	if k := r.m.Queues[q].Concurrency; k > 1 {
		if agent < 0 {
			ps.close(r.now)
			ps.busy++
			agent = ps.chats.open(q, slot)
		}
		ps.chats.take(agent, k)
	} else {
		ps.close(r.now)
		ps.busy++
		agent = -1
	}
	c.agent = agent
	r.h.push(r.now+r.m.Queues[q].service[slot].draw(r.draw(c, drawService)), evServiceEnd, id, p)
}

// serviceEnd: the staff member first takes the next contact they serve (if
// still on duty), and only then does the finished contact follow its route.
func (r *replication) serviceEnd(id, p int32) {
	ps := &r.ps[p]
	c := &r.contacts[id]
	q := c.queue
	if a := c.agent; a >= 0 {
		r.chatEnd(p, a)
	} else {
		ps.close(r.now)
		ps.busy--
		if ps.busy < ps.onDuty {
			r.dispatch(p)
		}
	}
	u := rand.New(r.draw(c, drawRoute)).Float64()
	for _, rt := range r.m.Queues[q].routes {
		if u < rt.cum {
			if rt.queue >= 0 {
				r.join(id, rt.queue)
				return
			}
			if c.counted {
				d := &r.st.Dests[rt.dest]
				d.Count++
				d.ByStream[c.stream]++
				d.Hour[hourOfDay(r.now)]++
				r.st.Streams[c.stream].InSystem.Add(r.now - c.arrive)
			}
			r.release(id)
			return
		}
	}
}

// dispatch gives a free staff member of pool p the most urgent, then
// longest waiting, contact among the queues p serves. It reports whether
// there was one.
func (r *replication) dispatch(p int32) bool {
	best, bestSlot := int32(-1), int32(0)
	bestPri, bestJoin := 0, 0.0
	for _, pq := range r.m.Pools[p].queues {
		qs := &r.qs[pq.queue]
		if qs.waiting == 0 {
			continue
		}
		pri := r.m.Queues[pq.queue].Priority
		if best >= 0 && pri > bestPri {
			break // queues are sorted by priority
		}
		head := qs.peek(r.contacts)
		if join := r.contacts[head.id].join; best < 0 || join < bestJoin {
			best, bestSlot, bestPri, bestJoin = pq.queue, pq.slot, pri, join
		}
	}
	if best < 0 {
		return false
	}
	qs := &r.qs[best]
	qs.close(r.now)
	e := qs.pop(r.contacts)
	r.startService(e.id, best, p, bestSlot, -1)
	if r.m.Queues[best].Concurrency > 1 {
		r.fillChats(p, r.contacts[e.id].agent, best, bestSlot)
	}
	return true
}

// chatEnd: staff member a of pool p finishes one chat. With none left they
// are free like anyone finishing a call; otherwise they take the next
// waiting chat of the same queue, unless the pool is over its rota and
// they are going off duty.
func (r *replication) chatEnd(p, a int32) {
	ps := &r.ps[p]
	q := ps.chats.agents[a].queue
	if ps.chats.drop(a, r.m.Queues[q].Concurrency) {
		ps.close(r.now)
		ps.busy--
		if ps.busy < ps.onDuty {
			r.dispatch(p)
		}
		return
	}
	if ps.busy <= ps.onDuty {
		r.fillChats(p, a, q, ps.chats.agents[a].slot)
	}
}

// fillChats gives staff member a, holding chats of queue q, waiting chats
// of q until they hold the queue's concurrency.
func (r *replication) fillChats(p, a, q, slot int32) {
	ps := &r.ps[p]
	qs := &r.qs[q]
	k := r.m.Queues[q].Concurrency
	for qs.waiting > 0 && ps.chats.agents[a].load < int32(k) {
		qs.close(r.now)
		e := qs.pop(r.contacts)
		r.startService(e.id, q, p, slot, a)
	}
}

// abandon: the caller's patience ran out, if they are still waiting in the
// queue they joined with this ticket.
func (r *replication) abandon(id int32, ticket uint32) {
	c := &r.contacts[id]
	if c.state != stWaiting || c.ticket != ticket {
		// Answered before this timer ran out: bookkeeping, not an event,
		// so the count does not depend on when the heap was compacted.
		r.stale--
		r.st.Events--
		return
	}
	c.timer = false
	q := c.queue
	qs := &r.qs[q]
	qs.close(r.now)
	qs.waiting-- // the entry stays in the ring, dead, until it reaches the head
	if c.joinCounted {
		st := &r.st.Queues[q]
		st.Abandoned++
		st.HourAbandoned[hourOfDay(c.join)]++
	}
	if c.counted {
		r.st.Streams[c.stream].Abandoned++
	}
	if st := &r.m.Streams[c.stream]; st.redial && rand.New(r.draw(c, drawRedial)).Float64() < st.redialP {
		c.state = stRedialling
		r.h.push(r.now+st.redialDelay.draw(r.draw(c, drawRedialDelay)), evRedial, id, 0)
		return
	}
	r.release(id)
}

// rotaChange sets pool p's on-duty count to the next step of its rota. When
// staff come on duty they take waiting contacts at once; when they go off,
// those busy finish the contact in hand first.
func (r *replication) rotaChange(p int32) {
	ps := &r.ps[p]
	pool := &r.m.Pools[p]
	ps.close(r.now)
	ps.onDuty = pool.changes[ps.nextChange].level
	ps.nextChange++
	if ps.nextChange == len(pool.changes) {
		ps.nextChange = 0
		ps.weekStart += week
	}
	r.h.push(ps.weekStart+pool.changes[ps.nextChange].at, evRota, p, 0)
	for ps.busy < ps.onDuty && r.dispatch(p) {
	}
}

// compact drops the abandonment events of contacts already answered, so
// the heap holds what can still happen rather than growing with arrival
// rate × patience. Events keep their keys, so the order they come out in,
// and every result, is unchanged.
func (r *replication) compact() {
	r.h.filter(func(e event) bool {
		if e.kind() != evAbandon {
			return true
		}
		c := &r.contacts[e.a]
		return c.state == stWaiting && c.ticket == uint32(e.b)
	})
	r.stale = 0
}

// countWaiting counts, at the end, contacts still waiting that joined after
// the warm-up, which closes offered = served + abandoned + waiting.
func (r *replication) countWaiting() {
	for q := range r.qs {
		qs := &r.qs[q]
		for i := 0; i < qs.size; i++ {
			e := qs.ring[(qs.head+i)&(len(qs.ring)-1)]
			c := &r.contacts[e.id]
			if c.state == stWaiting && c.ticket == e.ticket && c.joinCounted {
				r.st.Queues[q].WaitingAtEnd++
			}
		}
	}
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
