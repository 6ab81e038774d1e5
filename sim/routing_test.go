package sim

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
)

// table compiles a routing table of destinations with the probabilities
// given, by name.
func table(probs map[string]float64) routes {
	return compileRoutes(probs, map[string]QueueID{}, &destinations{})
}

// The race takes each route with its probability: over 400,000 seeds every
// share is within four standard errors of it.
func TestRouteRaceProbabilities(t *testing.T) {
	probs := map[string]float64{"ed": 0.066, "ambulance": 0.112, "primary_care": 0.533, "other": 0.038, "self_care": 0.121, "none": 0.13}
	rs := table(probs)
	const n = 400_000
	count := map[DestID]int{}
	for i := range n {
		count[rs.pick(splitmix(uint64(i)))]++
	}
	for _, r := range rs {
		p := r.p
		got := float64(count[r.dest]) / n
		se := math.Sqrt(p * (1 - p) / n)
		require.InDelta(t, p, got, 4*se, "route with probability %g", p)
	}
}

// choose returns the route it picked; count by destination.
func (rs routes) pick(seed uint64) DestID { return rs.choose(seed).dest }

// Moving 0.02 of probability from one route to another changes the route
// of between 2% and 4% of callers, whatever lies between the two routes
// in any order; a cumulative table would move every caller near each
// boundary in between.
func TestRouteRaceMovesFewCallers(t *testing.T) {
	before := map[string]float64{"a": 0.30, "b": 0.20, "c": 0.20, "d": 0.20, "e": 0.10}
	after := map[string]float64{"a": 0.28, "b": 0.20, "c": 0.20, "d": 0.20, "e": 0.12}
	rb, ra := table(before), table(after)
	const n = 400_000
	changed := 0
	for i := range n {
		seed := splitmix(uint64(i) + 12345)
		if rb.pick(seed) != ra.pick(seed) {
			changed++
		}
	}
	share := float64(changed) / n
	t.Logf("moving 0.02 from a to e changed %.2f%% of callers' routes", 100*share)
	require.GreaterOrEqual(t, share, 0.02-0.002, "at least the probability moved")
	require.LessOrEqual(t, share, 0.04, "at most twice it")
}

// Renaming a queue, and every reference to it, changes no figure of any
// replication: the routes' random numbers are keyed by what they lead to,
// a queue by its place in the list, not its name.
func TestRenamingAQueueChangesNothing(t *testing.T) {
	s, err := load.Embedded("blmk-hub-equal", []string{"run.days=7", "run.replications=3"})
	require.NoError(t, err)
	renamed, err := load.Embedded("blmk-hub-equal", []string{"run.days=7", "run.replications=3"})
	require.NoError(t, err)
	for _, old := range []string{"warm", "callback", "booking"} {
		renameQueue(renamed, old, "zz_"+old)
	}
	a, b := runAll(t, s), runAll(t, renamed)
	require.Equal(t, a, b)
	require.NotEqual(t, strings.Join(queueNames(s), ","), strings.Join(queueNames(renamed), ","))
}

func runAll(t *testing.T, s *config.Scenario) []Stats {
	t.Helper()
	m, err := Compile(s)
	require.NoError(t, err)
	st, err := Run(context.Background(), m, Options{})
	require.NoError(t, err)
	return st
}

func queueNames(s *config.Scenario) []string {
	var out []string
	for _, q := range s.Queues {
		out = append(out, q.Name)
	}
	return out
}

// renameRoute returns routes with the route to old leading to new.
func renameRoute(routes map[string]float64, old, new string) map[string]float64 {
	p, ok := routes[old]
	if !ok {
		return routes
	}
	out := map[string]float64{}
	for k, v := range routes {
		out[k] = v
	}
	delete(out, old)
	out[new] = p
	return out
}

// renameQueue renames queue old to new in s and every route to it.
func renameQueue(s *config.Scenario, old, new string) {
	for i := range s.Queues {
		q := &s.Queues[i]
		if q.Name == old {
			q.Name = new
		}
		q.Routes = renameRoute(q.Routes, old, new)
		for j := range q.RoutesAt {
			q.RoutesAt[j].Routes = renameRoute(q.RoutesAt[j].Routes, old, new)
		}
	}
	for i := range s.Streams {
		if s.Streams[i].Enter == old {
			s.Streams[i].Enter = new
		}
	}
}
