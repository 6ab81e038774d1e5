package sim

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// traceScenario has what a trace must get right: a warm-up, abandonment
// with redial, a transfer to a second queue and a queue that is full.
func traceScenario() *config.Scenario {
	s := mmc(40, 10*time.Minute, 3*time.Minute, 6, 2, 1)
	s.Streams[0].Redial = &config.Redial{Probability: 0.3, Delay: expo(2 * time.Minute)}
	s.Queues[0].Routes = map[string]float64{"done": 0.7, "nurse": 0.3}
	p := expo(20 * time.Minute)
	s.Queues = append(s.Queues, config.Queue{Name: "nurse", Priority: 2, Service: expo(15 * time.Minute), Patience: &p,
		ServedBy: []string{"nurses"}, Routes: map[string]float64{"ed": 0.4, "home": 0.6}})
	s.Pools = append(s.Pools, config.Pool{Name: "nurses", Staff: staff(1)})
	return s
}

// TestTraceCounts: the visits a trace gives reproduce the replication's
// counts in every queue exactly, and tracing changes no statistic.
func TestTraceCounts(t *testing.T) {
	m, err := Compile(traceScenario())
	require.NoError(t, err)
	plain, err := Replicate(context.Background(), m, m.Seed, 0)
	require.NoError(t, err)
	type counts struct{ offered, served, abandoned, late, waiting, away int64 }
	got := make([]counts, len(m.Queues))
	var prev int64
	traced, err := ReplicateTrace(context.Background(), m, m.Seed, 0, func(v *Visit) error {
		require.GreaterOrEqual(t, v.Join, m.Warmup)
		require.Positive(t, v.Contact)
		c := &got[v.Queue]
		c.offered++
		switch v.Outcome {
		case Answered:
			c.served++
			require.GreaterOrEqual(t, v.At, v.Join)
			require.GreaterOrEqual(t, v.Pool, PoolID(0))
			if !math.IsNaN(v.End) {
				require.GreaterOrEqual(t, v.End, v.At)
				require.True(t, v.NextQueue >= 0 || v.NextDest >= 0, "an answered contact goes somewhere")
			}
		case Abandoned:
			c.abandoned++
			if v.At-v.Join >= LateAbandon {
				c.late++
			}
			require.Equal(t, PoolID(-1), v.Pool)
		case StillWaiting:
			c.waiting++
		case TurnedAway:
			c.away++
		}
		prev = max(prev, v.Contact)
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, plain, traced, "tracing changed a statistic")
	for q, st := range plain.Queues {
		want := counts{st.Offered, st.Served, st.Abandoned, st.AbandonedLate, st.WaitingAtEnd, st.TurnedAway}
		require.Equal(t, want, got[q], "queue %s", m.Queues[q].Name)
		require.Positive(t, st.Abandoned, "queue %s: the scenario should abandon", m.Queues[q].Name)
		require.Less(t, st.AbandonedLate, st.Abandoned, "queue %s: some hang up within 30 s", m.Queues[q].Name)
		require.Positive(t, st.AbandonedLate, "queue %s: some hang up after 30 s", m.Queues[q].Name)
	}
	require.Positive(t, plain.Streams[0].Redials)
}

// TestTraceStops: an error from the trace's writer stops the replication
// and is returned.
func TestTraceStops(t *testing.T) {
	m, err := Compile(traceScenario())
	require.NoError(t, err)
	full := errors.New("full")
	n := 0
	_, err = ReplicateTrace(context.Background(), m, m.Seed, 0, func(*Visit) error {
		n++
		if n >= 10 {
			return full
		}
		return nil
	})
	require.ErrorIs(t, err, full)
	var te *TraceError
	require.ErrorAs(t, err, &te)
	require.Equal(t, 10, n, "no visit after the writer's error")
}

// TestAbandonedLate: with nobody on duty every caller hangs up when their
// patience runs out, so with exponential patience of mean 60 s the share
// who hang up after 30 s or more is e^(-1/2) = 0.607, in the queue and in
// the stream; about 40,000 callers put the estimate within 0.01 of it.
func TestAbandonedLate(t *testing.T) {
	m, err := Compile(mmc(240, time.Minute, time.Minute, 0, 7, 1))
	require.NoError(t, err)
	st, err := Run(context.Background(), m, Options{})
	require.NoError(t, err)
	q, s := st[0].Queues[0], st[0].Streams[0]
	require.Greater(t, q.Offered, int64(35000))
	require.Equal(t, q.Offered, q.Abandoned+q.WaitingAtEnd, "nobody is answered")
	require.InDelta(t, math.Exp(-0.5), float64(q.AbandonedLate)/float64(q.Abandoned), 0.01)
	require.Equal(t, q.AbandonedLate, s.AbandonedLate, "one queue: the stream counts the same callers")
}
