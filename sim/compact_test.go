package sim

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Callers with ten hours' patience who nearly all wait a little and are then answered
// leave an abandonment event each; compaction keeps the heap to what can
// still happen, and changes no result.
func TestCompactionBoundsHeap(t *testing.T) {
	s := mmc(3600, time.Minute, 10*time.Hour, 62, 2, 1)
	m, err := Compile(s)
	require.NoError(t, err)

	r := newReplication(m, 1, 0)
	require.NoError(t, r.run(context.Background()))
	lazy := *m
	lazy.limits.noCompact = true
	r2 := newReplication(&lazy, 1, 0)
	require.NoError(t, r2.run(context.Background()))

	require.True(t, reflect.DeepEqual(r2.rec.st, r.rec.st), "compaction changes no result")
	// Without compaction the heap holds a timer for each caller who waited
	// in the last ten hours (rate × patience × share that waited, about
	// 26,000); with it, a few thousand at most.
	t.Logf("events in the heap at the end: %d compacted, %d not", r.h.len(), r2.h.len())
	require.Greater(t, r2.h.len(), 20000)
	require.Less(t, r.h.len(), 5000)
	require.GreaterOrEqual(t, r.stale, 0)
}
