package sim

import (
	"context"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Every replication's Stats are kept until the report is made, 32 KB a
// queue: `spoa run -r 100000` of a one-queue scenario ran to its end and
// then needed 3 GB. Compile refuses a run whose statistics would take more
// than MaxKept, at run.replications, saying how many fit.
func TestKeptStatisticsBounded(t *testing.T) {
	s := mmc(100, 10*time.Minute, 0, 1, 0.01, 100_000)
	s.Run.WarmupDays = 0
	require.NoError(t, config.Validate(s))
	_, err := Compile(s)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	require.Len(t, ps.List, 1)
	require.Equal(t, "run.replications", ps.List[0].Path)
	require.Regexp(t, `^100000 replications would keep 3\.\d GiB of statistics until the report is made \(\d+ KiB a replication, for 1 queue, 1 stream and 1 destination\), over the limit of 2 GiB: at most \d+ replications fit$`, ps.List[0].Msg)

	s.Run.Replications = 50_000
	_, err = Compile(s)
	require.NoError(t, err)
}

// keptBytes is never less than what a replication's Stats take, every
// queue's histogram in use.
func TestKeptBytesCoversStats(t *testing.T) {
	s := overloaded(3, 60, 2, 1)
	s.Run.Replications = 1
	m, err := Compile(s)
	require.NoError(t, err)
	st, err := Replicate(context.Background(), m, 1, 0)
	require.NoError(t, err)
	size := float64(unsafe.Sizeof(st))
	for _, q := range st.Queues {
		require.NotNil(t, q.WaitHist.Counts, "every queue's histogram in use")
		size += float64(unsafe.Sizeof(q)) + 8*float64(cap(q.WaitHist.Counts))
	}
	for _, d := range st.Dests {
		size += float64(unsafe.Sizeof(d)) + 8*float64(cap(d.ByStream))
	}
	size += float64(len(st.Pools))*float64(unsafe.Sizeof(PoolStats{})) + float64(len(st.Streams))*float64(unsafe.Sizeof(StreamStats{}))
	require.InDelta(t, size, keptBytes(m), 1)
}
