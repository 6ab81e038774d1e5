package sim

import (
	"errors"
	"fmt"
)

// CheckShape reports whether st has the shape of one replication of m: a
// figure for each of its queues, pools, streams and destinations, and
// each wait histogram empty or of the engine's bins. Stats read back from
// a file (a shard's part, for spoa merge) are checked with it before they
// are aggregated, so that a damaged file is refused rather than read out
// of range. Replications are counted from 1 in its messages.
func (m *Model) CheckShape(st *Stats) error {
	var errs []error
	count := func(what string, got, want int) {
		if got != want {
			errs = append(errs, fmt.Errorf("replication %d: %d %s, the scenario has %d", st.Replication+1, got, what, want))
		}
	}
	count("queues", len(st.Queues), len(m.Queues))
	count("pools", len(st.Pools), len(m.Pools))
	count("streams", len(st.Streams), len(m.Streams))
	count("destinations", len(st.Dests), len(m.Dests))
	for i := range st.Queues {
		if n := len(st.Queues[i].WaitHist.Counts); n != 0 && n != histBins {
			errs = append(errs, fmt.Errorf("replication %d: queue %d: a histogram of %d bins, not %d", st.Replication+1, i+1, n, histBins))
		}
	}
	for i := range st.Dests {
		count(fmt.Sprintf("streams reaching destination %d", i+1), len(st.Dests[i].ByStream), len(m.Streams))
	}
	return errors.Join(errs...)
}
