package results

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/sim"
)

// turnedAway is a report of two replications in which queue q turned
// contacts away.
func turnedAway(t *testing.T) *Report {
	t.Helper()
	m := compiled(t)
	mk := func(turned int64) sim.Stats {
		st := emptyStats(m)
		q := &st.Queues[0]
		q.Offered, q.Served, q.WaitingAtEnd, q.TurnedAway = 3_000_000, 500_000, sim.MaxWaiting, turned
		q.Offered = q.Served + q.WaitingAtEnd + q.TurnedAway
		return st
	}
	return Aggregate(m, []sim.Stats{mk(1_400_000), mk(1_600_000)})
}

func TestTurnedAwayWarnsAndIsReported(t *testing.T) {
	r := turnedAway(t)
	q := r.Queues["q"]
	require.InDelta(t, 1_500_000, q.Get("turned_away").Mean, 1e-6)
	require.InDelta(t, q.Get("offered").Mean, q.Get("served").Mean+q.Get("abandoned").Mean+q.Get("waiting_at_end").Mean+q.Get("turned_away").Mean, 1e-6)
	require.Len(t, r.Warnings, 1)
	require.Contains(t, r.Warnings[0], "queue q: 1500000 contacts a replication")
	require.Contains(t, r.Warnings[0], "were turned away, because 1000000 were already waiting in the queue, or in all the replication's queues together")

	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, r))
	require.Contains(t, buf.String(), "queues,q,turned_away_per_day,,,150000,")
	buf.Reset()
	require.NoError(t, WriteTable(&buf, r))
	require.Contains(t, buf.String(), "q: 150000.0 contacts a day turned away")
	require.Contains(t, buf.String(), "warning: queue q:")
	buf.Reset()
	require.NoError(t, WriteJSON(&buf, r))
	require.Contains(t, buf.String(), `"turned_away"`)
}

// A partial report says so in every format; a complete one says nothing.
func TestPartialReportIsMarked(t *testing.T) {
	r := sample(t)
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, r))
	require.NotContains(t, buf.String(), "partial")

	r.Meta.Partial, r.Meta.Completed, r.Meta.Requested = true, 2, 20
	buf.Reset()
	require.NoError(t, WriteJSON(&buf, r))
	var back struct {
		Meta map[string]any `json:"meta"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &back))
	require.Equal(t, true, back.Meta["partial"])
	require.EqualValues(t, 2, back.Meta["completed_replications"])
	require.EqualValues(t, 20, back.Meta["requested_replications"])
	read, err := ReadJSON(&buf)
	require.NoError(t, err)
	require.True(t, read.Meta.Partial)

	buf.Reset()
	require.NoError(t, WriteTable(&buf, r))
	require.Contains(t, buf.String(), "PARTIAL REPORT: the run was interrupted; these figures are over the 2 of 20 replications that finished")
	buf.Reset()
	require.NoError(t, WriteCSV(&buf, r))
	require.Contains(t, buf.String(), "run,mmc,partial,,,1,")
	require.Contains(t, buf.String(), "run,mmc,requested_replications,,,20,")
}
