package sim

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestRunCancelledReturnsFinishedPrefix: cancelled part-way, Run returns
// the replications that finished, in order, as exactly the Stats that a
// run of that many replications gives, with the context's error.
func TestRunCancelledReturnsFinishedPrefix(t *testing.T) {
	s := mmc(100, 10*time.Minute, 5*time.Minute, 20, 2, 40)
	m, err := Compile(s)
	require.NoError(t, err)
	full, err := Run(context.Background(), m, Options{Count: 8})
	require.NoError(t, err)

	for _, workers := range []int{1, 2, 3} {
		ctx, cancel := context.WithCancel(context.Background())
		got, err := Run(ctx, m, Options{Workers: workers, Progress: func(done, _ int) {
			if done == 3 {
				cancel()
			}
		}})
		cancel()
		require.ErrorIs(t, err, context.Canceled)
		if workers == 1 {
			require.GreaterOrEqual(t, len(got), 3, "the three that finished before the cancel")
		}
		require.Less(t, len(got), 8, "workers %d: the run stopped soon after the cancel", workers)
		require.Equal(t, full[:len(got)], got, "workers %d: a prefix, as a shorter run gives it", workers)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err := Run(ctx, m, Options{})
	require.ErrorIs(t, err, context.Canceled)
	require.Empty(t, got)
}
