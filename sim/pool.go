package sim

import "spoa/config"

// Pool is a compiled staff pool.
type Pool struct {
	Name      string
	Shrinkage float64
	Clinician bool
	rota      rota
	// RosteredWeekHours are rostered staff-hours a week before shrinkage.
	RosteredWeekHours float64
	// OnDutyWeekHours are staff-hours a week available for contacts.
	OnDutyWeekHours float64
	// queues this pool serves, most urgent first (Model.assignWork).
	queues []poolQueue
}

// poolQueue is a queue a pool serves, with the pool's place in the
// queue's ServedBy (which picks the service time).
type poolQueue struct {
	queue QueueID
	slot  servedSlot
	chat  bool // the queue's concurrency is above 1
}

// WTE is whole-time equivalents on the rota: rostered hours a week over
// 37.5 (NHS Agenda for Change).
func (p *Pool) WTE() float64 { return p.RosteredWeekHours / 37.5 }

func compilePool(p config.Pool) Pool {
	r := compileRota(p)
	return Pool{
		Name: p.Name, Shrinkage: p.Shrinkage, Clinician: p.Clinician, rota: r,
		RosteredWeekHours: r.rosteredWeekHours, OnDutyWeekHours: r.onDutyWeekHours,
	}
}

// poolState is one pool in one replication: how many are on duty and how
// many busy, with the time integrals of each, where its rota has got to,
// and its chat desk. A staff member holding any chat counts as busy.
//
// Staff whose shift has ended finish the contact in hand, so more can be
// busy than are on duty. That work is kept apart, as overrun: busy time
// counts only up to the number on duty, so that utilisation, busy over
// on-duty time, is a share of the rota and never above 1.
type poolState struct {
	onDuty, busy int
	rota         rotaCursor
	busyArea     float64
	overrunArea  float64
	dutyArea     float64
	last         float64
	chats        chatDesk
}

// close adds the time since the last change to the integrals; every
// change in the numbers busy or on duty calls it first.
func (p *poolState) close(now float64) {
	dt := now - p.last
	if p.busy <= p.onDuty {
		p.busyArea += float64(p.busy) * dt
	} else {
		p.busyArea += float64(p.onDuty) * dt
		p.overrunArea += float64(p.busy-p.onDuty) * dt
	}
	p.dutyArea += float64(p.onDuty) * dt
	p.last = now
}

// poolTime is a pool's staff time over a span, in staff-seconds.
type poolTime struct{ busy, overrun, onDuty float64 }

// flush closes the integrals at now and hands them over, starting afresh.
func (p *poolState) flush(now float64) poolTime {
	p.close(now)
	t := poolTime{p.busyArea, p.overrunArea, p.dutyArea}
	p.busyArea, p.overrunArea, p.dutyArea = 0, 0, 0
	return t
}

// free reports whether a staff member on duty is free.
func (p *poolState) free() bool { return p.busy < p.onDuty }

// overRota reports whether more are busy than on duty: staff whose shift
// has ended are finishing the contact in hand, and take no more.
func (p *poolState) overRota() bool { return p.busy > p.onDuty }

// seize makes a free staff member busy.
func (p *poolState) seize(now float64) {
	p.close(now)
	p.busy++
}

// release frees a busy staff member and reports whether they are free to
// take more work (not going off duty).
func (p *poolState) release(now float64) bool {
	p.close(now)
	p.busy--
	return p.busy < p.onDuty
}

// setOnDuty changes the number on duty, at a rota change.
func (p *poolState) setOnDuty(now float64, n int) {
	p.close(now)
	p.onDuty = n
}
