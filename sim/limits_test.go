package sim

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// footprint is what one replication holds at its end: contact slots, the
// largest queue ring, the event heap's capacity.
type footprint struct {
	contacts, ring, events int
}

// replicateWithCap runs replication 0 of s with at most waitCap contacts
// waiting in a queue (0: MaxWaiting) and returns its Stats and footprint.
func replicateWithCap(t *testing.T, days float64, build func(days float64) *Model, waitCap int) (Stats, footprint) {
	t.Helper()
	m := build(days)
	if waitCap > 0 {
		m.limits.waiting = waitCap
	}
	r := newReplication(m, 1, 0)
	require.NoError(t, r.run(context.Background()))
	fp := footprint{contacts: len(r.contacts.all), events: cap(r.h.ev)}
	for i := range r.queues {
		fp.ring = max(fp.ring, len(r.queues[i].ring))
	}
	for qi, q := range r.rec.st.Queues {
		require.Equal(t, q.Offered, q.Served+q.Abandoned+q.WaitingAtEnd+q.TurnedAway, "conservation in queue %d", qi)
	}
	return r.rec.st, fp
}

func compiled(t *testing.T, perHour float64, service, patience time.Duration, c float64) func(days float64) *Model {
	return func(days float64) *Model {
		s := mmc(perHour, service, patience, c, days, 1)
		s.Run.WarmupDays = 0
		m, err := Compile(s)
		require.NoError(t, err)
		return m
	}
}

// TestOverloadMemoryBounded: twice as much demand as capacity and nobody
// abandons. The queue fills to its bound and then turns contacts away, and
// what the replication holds is the same after 200 days as after 10: the
// memory follows the bound, not the horizon.
func TestOverloadMemoryBounded(t *testing.T) {
	const waitCap = 500
	build := compiled(t, 240, 10*time.Minute, 0, 20) // offered load 40 erlangs on 20 staff
	short, fpShort := replicateWithCap(t, 10, build, waitCap)
	long, fpLong := replicateWithCap(t, 200, build, waitCap)
	t.Logf("10 days: %+v, turned away %d; 200 days: %+v, turned away %d", fpShort, short.Queues[0].TurnedAway, fpLong, long.Queues[0].TurnedAway)

	for _, st := range []Stats{short, long} {
		q := st.Queues[0]
		require.Equal(t, waitCap, q.PeakWaiting)
		require.GreaterOrEqual(t, q.WaitingAtEnd, int64(waitCap-20), "the queue is full at the end, less a contact a staff member may have just taken")
		require.Greater(t, q.TurnedAway, q.Offered/3, "about half of all contacts are turned away")
	}
	require.Equal(t, fpShort, fpLong, "a replication twenty times longer holds no more")
	require.LessOrEqual(t, fpLong.contacts, waitCap+20+1, "contact slots: those waiting, those in service, and one that each contact turned away reuses")
	require.LessOrEqual(t, fpLong.ring, 1024, "the ring: the bound rounded up to a power of two")
	require.LessOrEqual(t, fpLong.events, 64, "events: one arrival, one service end a staff member, the hour tick")
}

// TestAbandonedEntriesDoNotAccumulate: with nobody on duty every caller
// abandons, leaving a dead entry in the queue's ring that no staff member
// ever clears; the ring drops them before it grows, so over 60 days (17,000
// callers) it stays the size of the few waiting at once.
func TestAbandonedEntriesDoNotAccumulate(t *testing.T) {
	build := compiled(t, 12, 10*time.Minute, 5*time.Minute, 0)
	st, fp := replicateWithCap(t, 60, build, 0)
	q := st.Queues[0]
	require.Greater(t, q.Abandoned, int64(16000))
	require.Zero(t, q.Served)
	require.LessOrEqual(t, fp.ring, 64, "ring of %d for a peak of %d waiting", fp.ring, q.PeakWaiting)
	require.LessOrEqual(t, fp.contacts, 64)
}

// TestOverloadAtMaxWaiting: the real bound. 100,000 contacts an hour and
// nobody on duty: after ten hours a million wait, and the rest of the day's
// 2.4 million are turned away. The heap in use after the run is a stated
// bound's worth (a contact slot and a ring entry per waiting contact, about
// 60 bytes, plus what the slices' growth left spare), not the 2.4 million
// offered.
func TestOverloadAtMaxWaiting(t *testing.T) {
	if testing.Short() {
		t.Skip("2.4 million arrivals")
	}
	build := compiled(t, 100000, 10*time.Minute, 0, 0)
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := build(1)
	r := newReplication(m, 1, 0)
	require.NoError(t, r.run(context.Background()))
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	q := r.rec.st.Queues[0]
	t.Logf("offered %d, waiting at end %d, turned away %d; contact slots %d, ring %d; heap in use %.0f MB (from %.0f MB)",
		q.Offered, q.WaitingAtEnd, q.TurnedAway, len(r.contacts.all), len(r.queues[0].ring),
		float64(after.HeapInuse)/1e6, float64(before.HeapInuse)/1e6)
	require.Equal(t, MaxWaiting, q.PeakWaiting)
	require.Equal(t, int64(MaxWaiting), q.WaitingAtEnd)
	require.Equal(t, q.Offered, q.WaitingAtEnd+q.TurnedAway)
	require.Greater(t, q.TurnedAway, int64(1_000_000))
	require.Equal(t, MaxWaiting+1, len(r.contacts.all), "one slot a waiting contact, and one reused by each contact turned away")
	require.Less(t, float64(after.HeapInuse-min(before.HeapInuse, after.HeapInuse)), 150e6, "heap in use with a million waiting")
	runtime.KeepAlive(r)
}

// Callers who hang up at once with nobody on duty, and always redial a
// second later, ring for the whole horizon: a run that no estimate made
// before it starts can see. It stops at its event budget with an error
// that says why, rather than seeming to hang.
func TestEventBudgetEndsEndlessRedial(t *testing.T) {
	s := mmc(100, 10*time.Minute, 0, 0, 1, 2)
	s.Run.WarmupDays = 0
	zero := config.Dist{Dist: config.Constant}
	s.Queues[0].Patience = &zero
	s.Streams[0].Redial = &config.Redial{Probability: 1, Delay: config.Dist{Dist: config.Constant, Mean: config.Duration(time.Second)}}
	require.NoError(t, config.Validate(s))
	m, err := Compile(s)
	require.NoError(t, err)

	budget, visits := m.limits.events, m.limits.visits
	require.InDelta(t, 2400, visits, 1e-6, "a day of 100 arrivals an hour, one queue each")
	require.Equal(t, uint64(200*2400+100_000_000), budget)

	m.limits.events = 1_000_000 // the same stop, sooner
	_, err = Run(context.Background(), m, Options{})
	var over *BudgetError
	require.ErrorAs(t, err, &over)
	require.Greater(t, over.Events, uint64(1_000_000))
	require.Regexp(t, `^replication [01] stopped after \d+ events, over its limit of 1000000`, err.Error())
	require.Contains(t, err.Error(), "always redial")

	// The same scenario with a redial probability below 1 ends on its own.
	s.Streams[0].Redial.Probability = 0.5
	m, err = Compile(s)
	require.NoError(t, err)
	_, err = Run(context.Background(), m, Options{})
	require.NoError(t, err)
}
