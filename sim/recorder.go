package sim

import "math"

// recorder holds every statistic of one replication and is the only thing
// that writes them: the event handlers say what happened, and the recorder
// decides what counts (only what happens after the warm-up) and where it
// goes. Time integrals are kept by the queues and pools themselves and
// flushed into hour-of-day bins at each hour tick.
type recorder struct {
	st     Stats
	warmup float64
	within []float64 // each queue's target wait, 0 for none
	// lastTick is when the integrals were last flushed.
	lastTick float64
}

func newRecorder(m *Model, rep int) recorder {
	rec := recorder{warmup: m.Warmup}
	rec.st.Replication = rep
	rec.st.Queues = make([]QueueStats, len(m.Queues))
	rec.st.Pools = make([]PoolStats, len(m.Pools))
	rec.st.Streams = make([]StreamStats, len(m.Streams))
	rec.st.Dests = make([]DestStats, len(m.Dests))
	for i := range rec.st.Dests {
		rec.st.Dests[i].ByStream = make([]int64, len(m.Streams))
	}
	rec.within = make([]float64, len(m.Queues))
	for i := range m.Queues {
		rec.within[i] = m.Queues[i].Within
	}
	return rec
}

// hourOfDay is the hour of day (0–23) at time t ≥ 0; integer arithmetic,
// since math.Mod costs more than the rest of an event.
func hourOfDay(t float64) int { return int(t/hour) % 24 }

// hourOfWeek is the hour of the week (0–167, from Monday 00:00) at t ≥ 0.
func hourOfWeek(t float64) int { return int(t/hour) % 168 }

// event counts one event simulated and returns the count so far.
func (rec *recorder) event() uint64 {
	rec.st.Events++
	return rec.st.Events
}

// notAnEvent takes back the count of an event that turned out to be
// bookkeeping: an abandonment timer of a contact already answered, which
// compaction may or may not have dropped before it fired.
func (rec *recorder) notAnEvent() { rec.st.Events-- }

// arrived: a stream's contact arrived at now (a first attempt).
func (rec *recorder) arrived(s StreamID, now float64) {
	if now >= rec.warmup {
		st := &rec.st.Streams[s]
		st.Offered++
		st.HourOffered[hourOfDay(now)]++
	}
}

// redialled: c tries again after abandoning.
func (rec *recorder) redialled(c *contact) {
	if c.arrive >= rec.warmup {
		rec.st.Streams[c.stream].Redials++
	}
}

// joined: c joined queue q at c.join.
func (rec *recorder) joined(c *contact, q QueueID) {
	if c.join >= rec.warmup {
		st := &rec.st.Queues[q]
		st.Offered++
		st.HourOffered[hourOfDay(c.join)]++
		st.WeekOffered[hourOfWeek(c.join)]++
	}
}

// waiting: n now wait in queue q (the peak is over the whole run).
func (rec *recorder) waiting(q QueueID, n int) {
	if n > rec.st.Queues[q].PeakWaiting {
		rec.st.Queues[q].PeakWaiting = n
	}
}

// turnedAway: c found queue q full (limits.go).
func (rec *recorder) turnedAway(c *contact, q QueueID) {
	if c.join >= rec.warmup {
		rec.st.Queues[q].TurnedAway++
	}
}

// served: c, from queue q, is answered at now by a pool, a clinician pool
// or not. Its wait counts for the queue; its first answer and its first
// clinician count for its stream.
func (rec *recorder) served(c *contact, q QueueID, clinician bool, now float64) {
	if c.join >= rec.warmup {
		w := now - c.join
		st := &rec.st.Queues[q]
		st.Served++
		st.Wait.Add(w)
		st.WaitHist.Add(w)
		st.HourWait[hourOfDay(c.join)].Add(w)
		how := hourOfWeek(c.join)
		st.WeekServed[how]++
		if w > 0 {
			st.Waited++
		}
		if within := rec.within[q]; within > 0 && w <= within {
			st.WithinTarget++
			st.WeekWithin[how]++
		}
	}
	counted := c.arrive >= rec.warmup
	if !c.answered {
		c.answered = true
		if counted {
			rec.st.Streams[c.stream].Answer.Add(now - c.join)
		}
	}
	if clinician && !c.seenClinician {
		c.seenClinician = true
		if counted {
			rec.st.Streams[c.stream].ToClinician.Add(now - c.arrive)
		}
	}
}

// ended: c reached destination d at now, its disposition after service:
// it counts there and in its stream's time in system.
func (rec *recorder) ended(c *contact, d DestID, now float64) {
	rec.reached(c, d, now)
	if c.arrive >= rec.warmup {
		rec.st.Streams[c.stream].InSystem.Add(now - c.arrive)
	}
}

// reached: c reaches destination d at now, having given up waiting, or
// going on from another destination. It counts there, but not in time in
// system, which runs to the disposition after service.
func (rec *recorder) reached(c *contact, d DestID, now float64) {
	if c.arrive >= rec.warmup {
		st := &rec.st.Dests[d]
		st.Count++
		st.ByStream[c.stream]++
		st.Hour[hourOfDay(now)]++
	}
}

// abandoned: c ran out of patience in queue q at now.
func (rec *recorder) abandoned(c *contact, q QueueID, now float64) {
	late := int64(0)
	if now-c.join >= LateAbandon {
		late = 1
	}
	if c.join >= rec.warmup {
		st := &rec.st.Queues[q]
		st.Abandoned++
		st.AbandonedLate += late
		st.HourAbandoned[hourOfDay(c.join)]++
	}
	if c.arrive >= rec.warmup {
		rec.st.Streams[c.stream].Abandoned++
		rec.st.Streams[c.stream].AbandonedLate += late
	}
}

// stillWaiting: c is still waiting in queue q when the run ends, which
// closes offered = served + abandoned + waiting + turned away.
func (rec *recorder) stillWaiting(c *contact, q QueueID) {
	if c.join >= rec.warmup {
		rec.st.Queues[q].WaitingAtEnd++
	}
}

// nextTick is the next hour boundary after t, or the end of the warm-up if
// that comes first, so every flushed span lies in one hour of day and
// wholly inside or outside the measured days.
func (rec *recorder) nextTick(t float64) float64 {
	next := (math.Floor(t/hour) + 1) * hour
	if w := rec.warmup; w > t && w < next {
		return w
	}
	return next
}

// tick flushes the queues' and pools' time integrals at now, filing them
// under the hour of day in which their span began.
func (rec *recorder) tick(now float64, qs []queueState, ps []poolState) {
	measured := rec.lastTick >= rec.warmup
	h := hourOfDay(rec.lastTick)
	for i := range qs {
		if a := qs[i].flush(now); measured {
			rec.st.Queues[i].LengthArea += a
		}
	}
	for i := range ps {
		t := ps[i].flush(now)
		if measured {
			st := &rec.st.Pools[i]
			st.Busy += t.busy
			st.Overrun += t.overrun
			st.OnDuty += t.onDuty
			st.HourBusy[h] += t.busy
			st.HourOnDuty[h] += t.onDuty
		}
	}
	rec.lastTick = now
}
