package shard

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config/load"
	"spoa/results"
)

// The shards' blocks cover every item once, in order, each shard holding
// at least one when there are no more shards than items, and the sizes
// differ by at most one.
func TestBlocksCoverEveryItemOnce(t *testing.T) {
	for total := 1; total <= 60; total++ {
		for n := 1; n <= total; n++ {
			next, small, large := 0, total, 0
			for i := 1; i <= n; i++ {
				lo, hi := Spec{i, n}.Block(total)
				require.Equal(t, next, lo, "%d/%d of %d", i, n, total)
				require.Greater(t, hi, lo, "%d/%d of %d", i, n, total)
				small, large = min(small, hi-lo), max(large, hi-lo)
				next = hi
			}
			require.Equal(t, total, next)
			require.LessOrEqual(t, large-small, 1)
		}
	}
}

func TestParse(t *testing.T) {
	s, err := Parse(" 2/5 ")
	require.NoError(t, err)
	require.Equal(t, Spec{2, 5}, s)
	require.Equal(t, "2/5", s.String())
	for _, bad := range []string{"", "2", "0/5", "6/5", "-1/5", "1/0", "a/5", "2/b", "1/2/3", "1.5/3"} {
		_, err := Parse(bad)
		require.Error(t, err, bad)
	}
}

const mmc = `name: mmc
run: {days: 2, warmup_days: 1, replications: 5, seed: 7}
streams: [{name: calls, arrivals: {per_hour: 60}, enter: q}]
queues:
  - {name: q, priority: 1, patience: {dist: exponential, mean: 3m},
     service: {dist: exponential, mean: 15m}, served_by: [agents],
     target: {within: 20s, fraction: 0.8}, routes: {done: 1.0}}
pools: [{name: agents, staff: 16}]
`

// A part reads back exactly as it was written: every float64 of every
// replication's statistics to the bit.
func TestPartRoundTripsExactly(t *testing.T) {
	s, err := load.Bytes([]byte(mmc), "yaml", "mmc.yaml", nil)
	require.NoError(t, err)
	p, err := RunPart(context.Background(), s, Spec{2, 2}, results.Options{})
	require.NoError(t, err)
	require.Equal(t, 2, p.Runs[0].First)
	require.Len(t, p.Runs[0].Stats, 3)
	require.NotZero(t, p.Runs[0].Stats[0].Queues[0].Wait.M2)
	var buf bytes.Buffer
	require.NoError(t, WritePart(&buf, p))
	back, err := ReadPart(buf.Bytes())
	require.NoError(t, err)
	p.Checksum = back.Checksum
	require.Equal(t, p, back)
}

// A shard stopped part-way returns no part: a part is its whole block or
// nothing.
func TestCancelledShardReturnsNoPart(t *testing.T) {
	s, err := load.Bytes([]byte(mmc), "yaml", "mmc.yaml", nil)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p, err := RunPart(ctx, s, Spec{1, 2}, results.Options{})
	require.ErrorIs(t, err, context.Canceled)
	require.Nil(t, p)
}
