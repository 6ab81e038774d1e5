package sim

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Routes that hold in windows of the week: a contact whose service ends in
// a window takes its routes, else the queue's own. Every day 08:00–18:30
// to "open", 22:00–06:00 (past midnight) to "night", otherwise "closed":
// each destination is reached only in its hours of the day; a window on
// Saturday and Sunday mornings alone takes its share of the week.
func TestRoutesAt(t *testing.T) {
	s := mmc(60, 1*time.Minute, 0, 5, 28, 2)
	q := &s.Queues[0]
	q.Routes = map[string]float64{"closed": 1}
	q.RoutesAt = []config.TimedRoutes{
		{From: config.At(8, 0), To: config.At(18, 30), Routes: map[string]float64{"open": 1}},
		{From: config.At(22, 0), To: config.At(6, 0), Routes: map[string]float64{"night": 1}},
	}
	require.NoError(t, config.Validate(s))
	m, err := Compile(s)
	require.NoError(t, err)
	st := simulate(t, s)
	dest := destIndex(m)
	for _, r := range st {
		for h := range 24 {
			open, night, closed := r.Dests[dest["open"]].Hour[h], r.Dests[dest["night"]].Hour[h], r.Dests[dest["closed"]].Hour[h]
			switch {
			case h >= 8 && h < 18:
				require.True(t, open > 0 && night == 0 && closed == 0, "%02d:00: %d %d %d", h, open, night, closed)
			case h == 18: // open until 18:30, then closed
				require.True(t, open > 0 && closed > 0 && night == 0, "18:00")
			case h >= 22 || h < 6:
				require.True(t, night > 0 && open == 0 && closed == 0, "%02d:00", h)
			default:
				require.True(t, closed > 0 && open == 0 && night == 0, "%02d:00", h)
			}
		}
	}

	q.RoutesAt = []config.TimedRoutes{{Days: []config.Weekday{config.Saturday, config.Sunday}, From: config.At(0, 0), To: config.At(12, 0), Routes: map[string]float64{"open": 1}}}
	m, err = Compile(s)
	require.NoError(t, err)
	dest = destIndex(m)
	got, half := across(simulate(t, s), func(r Stats) float64 {
		return float64(r.Dests[dest["open"]].Count) / float64(r.Dests[dest["open"]].Count+r.Dests[dest["closed"]].Count)
	})
	assertClose(t, "share routed in weekend mornings", got, half, 24.0/168, 0.03)
}

// Windows are checked: both ends given, not equal, routes valid.
func TestRoutesAtChecked(t *testing.T) {
	s := mmc(60, time.Minute, 0, 5, 1, 1)
	s.Queues[0].RoutesAt = []config.TimedRoutes{
		{From: config.At(8, 0), Routes: map[string]float64{"open": 1}},
		{From: config.At(9, 0), To: config.At(9, 0), Routes: map[string]float64{"open": 0.5}},
	}
	err := config.Validate(s)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	var paths []string
	for _, p := range ps.List {
		paths = append(paths, p.Path+": "+p.Msg)
	}
	require.Equal(t, []string{
		`queues[0].routes_at[0].to: missing: when the window closes, "18:30" (before from: past midnight)`,
		`queues[0].routes_at[1].to: 09:00 is when the window opens: a window needs some time (for the whole day leave routes_at out)`,
		`queues[0].routes_at[1].routes: probabilities add up to 0.5, not 1`,
	}, paths)
}

// Callers who give up end where abandon_to says: every abandonment reaches
// one of its destinations, in its shares, and time in system still counts
// only contacts that were served to a disposition.
func TestAbandonTo(t *testing.T) {
	s := mmc(120, 10*time.Minute, 5*time.Minute, 18, 20, 4)
	s.Queues[0].AbandonTo = map[string]float64{"self_care": 0.75, "ed": 0.25}
	require.NoError(t, config.Validate(s))
	m, err := Compile(s)
	require.NoError(t, err)
	dest := destIndex(m)
	st := simulate(t, s)
	for _, r := range st {
		gaveUp := r.Dests[dest["self_care"]].Count + r.Dests[dest["ed"]].Count
		require.Equal(t, r.Streams[0].Abandoned, gaveUp, "every caller who gave up ends somewhere")
		require.Positive(t, gaveUp)
		require.Equal(t, r.Dests[dest["done"]].Count, r.Streams[0].InSystem.N, "time in system: the served only")
	}
	got, half := across(st, func(r Stats) float64 {
		return float64(r.Dests[dest["ed"]].Count) / float64(r.Streams[0].Abandoned)
	})
	assertClose(t, "share of those who gave up sent to ed", got, half, 0.25, 0.05)

	bad := mmc(120, 10*time.Minute, 0, 18, 1, 1)
	bad.Queues = append(bad.Queues, bad.Queues[0])
	bad.Queues[1].Name = "other"
	bad.Queues[0].AbandonTo = map[string]float64{"other": 1}
	err = config.Validate(bad)
	require.ErrorContains(t, err, "queues[0].abandon_to: the queue has no patience, so nobody gives up waiting in it")
	require.ErrorContains(t, err, `queues[0].abandon_to.other: "other" is a queue; callers who give up end at a destination`)
}

// A destination that goes on: every contact reaching "ambulance" counts
// there and at one of its onward destinations, half conveyed to "ed" — so
// ed holds those routed there and those conveyed — half treated at the
// scene; a contact routed straight to ed counts once.
func TestDestinationThen(t *testing.T) {
	s := mmc(60, 5*time.Minute, 0, 10, 20, 4)
	s.Queues[0].Routes = map[string]float64{"ambulance": 0.3, "ed": 0.2, "home": 0.5}
	s.Destinations = []config.Destination{{Name: "ambulance", Then: map[string]float64{"ed": 0.5, "scene": 0.5}}}
	require.NoError(t, config.Validate(s))
	m, err := Compile(s)
	require.NoError(t, err)
	dest := destIndex(m)
	st := simulate(t, s)
	share := func(name string) func(Stats) float64 {
		return func(r Stats) float64 { return float64(r.Dests[dest[name]].Count) / float64(r.Queues[0].Served) }
	}
	for _, r := range st {
		amb, scene := r.Dests[dest["ambulance"]].Count, r.Dests[dest["scene"]].Count
		direct := r.Streams[0].InSystem.N - amb - r.Dests[dest["home"]].Count // routed straight to ed
		require.Equal(t, amb, scene+r.Dests[dest["ed"]].Count-direct, "every ambulance goes on once")
	}
	for name, want := range map[string]float64{"ambulance": 0.3, "ed": 0.2 + 0.15, "scene": 0.15, "home": 0.5} {
		got, half := across(st, share(name))
		assertClose(t, "share at "+name, got, half, want, 0.03)
	}

	bad := mmc(60, 5*time.Minute, 0, 10, 1, 1)
	bad.Destinations = []config.Destination{
		{Name: "nowhere", Then: map[string]float64{"x": 1}},
		{Name: "done", Then: map[string]float64{"q": 0.5, "done": 0.5}},
	}
	err = config.Validate(bad)
	require.ErrorContains(t, err, `destinations[0].name: no route reaches "nowhere"`)
	require.ErrorContains(t, err, `destinations[1].then.q: "q" is a queue`)
	require.ErrorContains(t, err, `destinations[1].then.done: "done" goes on itself (destinations[1])`)
}

// destIndex numbers a model's destinations by name.
func destIndex(m *Model) map[string]int {
	dest := map[string]int{}
	for i, n := range m.Dests {
		dest[n] = i
	}
	return dest
}
