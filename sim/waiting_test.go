package sim

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// overloaded is n queues, each entered by its own stream of perHour
// contacts that never abandon, served by one pool of c staff: demand
// exceeds capacity in every queue.
func overloaded(n int, perHour, c float64, days float64) *config.Scenario {
	s := &config.Scenario{
		Name:  "overloaded",
		Run:   config.Run{Days: days, Replications: 1, Seed: 3},
		Pools: []config.Pool{{Name: "p", Staff: staff(c)}},
	}
	for i := range n {
		q := fmt.Sprintf("q%d", i)
		s.Streams = append(s.Streams, config.Stream{Name: "s" + q, Arrivals: config.Arrivals{PerHour: perHour}, Enter: q})
		s.Queues = append(s.Queues, config.Queue{Name: q, Priority: 1, Service: expo(10 * time.Minute),
			ServedBy: []string{"p"}, Routes: map[string]float64{"done": 1}})
	}
	return s
}

// replicateWaiting runs replication 0 of s with the waiting bound lowered
// to waiting (0: MaxWaiting), and returns its Stats and the contact slots
// it took, checking conservation in every queue.
func replicateWaiting(t *testing.T, s *config.Scenario, waiting int) (Stats, int) {
	t.Helper()
	m, err := Compile(s)
	require.NoError(t, err)
	if waiting > 0 {
		m.limits.waiting = waiting
	}
	r := newReplication(m, s.Run.Seed, 0)
	require.NoError(t, r.run(context.Background()))
	for qi, q := range r.rec.st.Queues {
		require.Equal(t, q.Offered, q.Served+q.Abandoned+q.WaitingAtEnd+q.TurnedAway, "conservation in queue %d", qi)
	}
	return r.rec.st, len(r.contacts.all)
}

// Twenty overloaded queues in a 2 KB file held a million contacts each, and
// ran out of memory: the bound was each queue's, not the replication's.
// However many queues overflow, at most the bound wait in all of them
// together, further arrivals being turned away where they enter, contacts
// conserved in every queue. One queue alone fills to the bound as before.
func TestWaitingBoundsTheReplication(t *testing.T) {
	const bound, c = 500, 5
	for _, n := range []int{1, 20} {
		st, slots := replicateWaiting(t, overloaded(n, 60, c, 10), bound)
		total, turned := int64(0), int64(0)
		for _, q := range st.Queues {
			total += q.WaitingAtEnd
			turned += q.TurnedAway
		}
		t.Logf("%d queues: %d waiting at the end, %d turned away, %d slots", n, total, turned, slots)
		require.Positive(t, turned)
		require.LessOrEqual(t, total, int64(bound))
		require.GreaterOrEqual(t, total, int64(bound-c), "full, less a contact a staff member may have just taken")
		require.LessOrEqual(t, slots, bound+c+1, "slots: those waiting, those being served, one reused by each turned away")
		if n == 1 {
			require.Equal(t, bound, st.Queues[0].PeakWaiting, "one queue reaches the bound itself, as before")
		}
	}
}

// Callers who hang up at once and redial a month later wait in no queue,
// yet each is held until they redial: a month of arrivals at once. They
// count towards the bound too.
func TestWaitingBoundCountsRedials(t *testing.T) {
	s := overloaded(1, 600, 0, 5)
	zero := config.Dist{Dist: config.Constant}
	s.Queues[0].Patience = &zero
	s.Streams[0].Redial = &config.Redial{Probability: 1, Delay: config.Dist{Dist: config.Constant, Mean: config.Duration(30 * 24 * time.Hour)}}
	require.NoError(t, config.Validate(s))
	st, slots := replicateWaiting(t, s, 1000)
	q := st.Queues[0]
	t.Logf("offered %d, abandoned %d, turned away %d; %d slots", q.Offered, q.Abandoned, q.TurnedAway, slots)
	require.LessOrEqual(t, slots, 1000+1)
	require.Greater(t, q.TurnedAway, q.Offered/2)
}

// The real bound: three queues of 100,000 arrivals an hour, with one staff
// member, hold more than MaxWaiting between them within eight hours, none
// of them alone reaching it; then arrivals are turned away, and what the
// replication holds is the bound's worth of memory.
func TestWaitingAtMaxWaitingInAllQueues(t *testing.T) {
	if testing.Short() {
		t.Skip("2.4 million arrivals")
	}
	s := overloaded(3, 100_000, 1, 1.0/3)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m, err := Compile(s)
	require.NoError(t, err)
	r := newReplication(m, s.Run.Seed, 0)
	require.NoError(t, r.run(context.Background()))
	runtime.GC()
	runtime.ReadMemStats(&after)
	total, turned := int64(0), int64(0)
	for _, q := range r.rec.st.Queues {
		require.Less(t, q.PeakWaiting, MaxWaiting/2)
		require.Equal(t, q.Offered, q.Served+q.WaitingAtEnd+q.TurnedAway)
		total += q.WaitingAtEnd
		turned += q.TurnedAway
	}
	inUse := float64(after.HeapInuse - min(before.HeapInuse, after.HeapInuse))
	t.Logf("waiting at the end %d, turned away %d, slots %d; heap in use %.0f MB", total, turned, len(r.contacts.all), inUse/1e6)
	require.LessOrEqual(t, total, int64(MaxWaiting))
	require.GreaterOrEqual(t, total, int64(MaxWaiting-1), "all held wait but the one being served")
	require.Greater(t, turned, int64(1_000_000))
	require.LessOrEqual(t, len(r.contacts.all), MaxWaiting+2)
	require.Less(t, inUse, 150e6)
	runtime.KeepAlive(r)
}
