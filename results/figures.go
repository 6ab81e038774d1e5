package results

import (
	"math"

	"spoa/config"
	"spoa/sim"
)

// perRep is one figure's value in one replication, NaN where it cannot be
// measured there. The report and the comparison both build on these, so a
// figure means the same in each.
type perRep func(*sim.Stats) float64

func queueASA(qi int) perRep { return func(x *sim.Stats) float64 { return meanOf(x.Queues[qi].Wait) } }

func queueWaitQuantile(qi int, p float64) perRep {
	return func(x *sim.Stats) float64 {
		if x.Queues[qi].Served == 0 {
			return math.NaN()
		}
		return x.Queues[qi].WaitHist.Quantile(p)
	}
}

func queueWithinTarget(qi int) perRep {
	return func(x *sim.Stats) float64 {
		return ratio(float64(x.Queues[qi].WithinTarget), float64(x.Queues[qi].Served))
	}
}

func queueAbandon(qi int) perRep {
	return func(x *sim.Stats) float64 {
		return ratio(float64(x.Queues[qi].Abandoned), float64(x.Queues[qi].Offered))
	}
}

func poolUtilisation(pi int) perRep {
	return func(x *sim.Stats) float64 { return ratio(x.Pools[pi].Busy, x.Pools[pi].OnDuty) }
}

// streamsASA is the mean wait until first answered over the given streams.
func streamsASA(idx []int) perRep {
	return func(x *sim.Stats) float64 {
		var w sim.Welford
		for _, si := range idx {
			w.Merge(x.Streams[si].Answer)
		}
		return meanOf(w)
	}
}

// streamsAbandon is abandonments over all attempts (redials included) of
// the given streams.
func streamsAbandon(idx []int) perRep {
	return func(x *sim.Stats) float64 {
		var ab, at int64
		for _, si := range idx {
			ab += x.Streams[si].Abandoned
			at += x.Streams[si].Offered + x.Streams[si].Redials
		}
		return ratio(float64(ab), float64(at))
	}
}

func streamsOffered(idx []int) perRep {
	return func(x *sim.Stats) float64 {
		t := int64(0)
		for _, si := range idx {
			t += x.Streams[si].Offered
		}
		return float64(t)
	}
}

func streamsAbandoned(idx []int) perRep {
	return func(x *sim.Stats) float64 {
		t := int64(0)
		for _, si := range idx {
			t += x.Streams[si].Abandoned
		}
		return float64(t)
	}
}

// channelStreams groups the model's streams by channel, in the order of
// config.Channels, leaving out channels no stream uses.
func channelStreams(m *sim.Model) (order []string, idx map[string][]int) {
	idx = map[string][]int{}
	for si, s := range m.Streams {
		idx[s.Channel] = append(idx[s.Channel], si)
	}
	for _, ch := range config.Channels {
		if len(idx[ch]) > 0 {
			order = append(order, ch)
		}
	}
	return order, idx
}
