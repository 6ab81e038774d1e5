package sim

import (
	"math"

	"spoa/config"
)

// rota is the number of staff on duty as a step function over one week,
// after shrinkage and rounded to whole staff: level holds from at until
// the next change. It always has a change at 0. Rota changes are events,
// as in simmer's schedules.
type rota struct {
	changes []rotaChange
	// rosteredWeekHours are rostered staff-hours a week before shrinkage;
	// onDutyWeekHours those available for contacts.
	rosteredWeekHours float64
	onDutyWeekHours   float64
}

type rotaChange struct {
	at    float64
	level int
}

// compileRota turns a pool's rota (config.Pool.Rota: the number rostered,
// step by step over the week) into the number on duty, less shrinkage.
func compileRota(p config.Pool) rota {
	steps := p.Rota()
	var r rota
	var rostered float64
	for i, s := range steps {
		to := week
		if i+1 < len(steps) {
			to = steps[i+1].At
		}
		rostered += s.Level * (to - s.At)
		r.add(s.At, OnDuty(s.Level, p.Shrinkage), to)
	}
	r.rosteredWeekHours = rostered / hour
	for i, c := range r.changes {
		to := week
		if i+1 < len(r.changes) {
			to = r.changes[i+1].at
		}
		r.onDutyWeekHours += float64(c.level) * (to - c.at) / hour
	}
	return r
}

// add records that level are on duty over [from, to); empty spans and
// repeats of the current level add nothing.
func (r *rota) add(from float64, level int, to float64) {
	if to <= from {
		return
	}
	if n := len(r.changes); n > 0 && r.changes[n-1].level == level {
		return
	}
	r.changes = append(r.changes, rotaChange{from, level})
}

// OnDuty is the number on duty for a rostered level: less shrinkage,
// rounded to the nearest whole person.
func OnDuty(rostered, shrinkage float64) int {
	n := math.Round(rostered * (1 - shrinkage))
	if n < 0 {
		return 0
	}
	return int(n)
}

// at is the number on duty at time t of the week (0 ≤ t < week).
func (r *rota) at(t float64) int {
	level := 0
	for _, c := range r.changes {
		if c.at <= t {
			level = c.level
		}
	}
	return level
}

// rotaCursor walks a rota through the weeks of one replication.
type rotaCursor struct {
	next      int     // index of the next change
	weekStart float64 // start of the week that change falls in
}

// start is the number on duty at time 0, and when the rota next changes
// (false if it never does).
func (c *rotaCursor) start(r *rota) (level int, next float64, changes bool) {
	if len(r.changes) == 1 {
		return r.changes[0].level, 0, false
	}
	c.next = 1
	return r.changes[0].level, r.changes[1].at, true
}

// advance steps to the next change: the number now on duty, and when the
// rota changes after that.
func (c *rotaCursor) advance(r *rota) (level int, next float64) {
	level = r.changes[c.next].level
	c.next++
	if c.next == len(r.changes) {
		c.next = 0
		c.weekStart += week
	}
	return level, c.weekStart + r.changes[c.next].at
}
