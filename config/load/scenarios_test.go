package load

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// rotaWTE is a pool's rostered staff-hours a week / 37.5 (Agenda for
// Change), before shrinkage, computed from the rota as written.
func rotaWTE(p config.Pool) float64 {
	var hours float64
	switch {
	case p.Staff != nil:
		hours = *p.Staff * 168
	case len(p.Hourly) > 0:
		for _, c := range p.Hourly {
			hours += c * 7
		}
	default:
		for _, sh := range p.Shifts {
			days := len(sh.Days)
			if days == 0 {
				days = 7
			}
			hours += sh.Count * sh.Length.Seconds() / 3600 * float64(days)
		}
	}
	return hours / 37.5
}

// totalWTE is a scenario's WTE, all pools, from the rotas as written.
func totalWTE(s *config.Scenario) float64 {
	total := 0.0
	for _, p := range s.Pools {
		total += rotaWTE(p)
	}
	return total
}

func embedded(t *testing.T, name string) *config.Scenario {
	t.Helper()
	s, err := Embedded(name, nil)
	require.NoError(t, err)
	require.NoError(t, config.Validate(s))
	require.Equal(t, name, s.Name)
	require.NotEmpty(t, s.Description)
	require.NotContains(t, s.Description, "\n")
	return s
}

// The BLMK scenarios' staff, as CALIBRATION.md §10 says: today's design
// and the hub with today's staff have the same WTE, shift for shift; the
// do-nothing 2020/21 has today's rotas unchanged; the 2020/21 hub has
// today's staff plus the plan's 94 WTE (to within one shift's worth in each
// of its six pools). Every pool has §5's shrinkage of 0.35.
func TestBLMKScenariosWTE(t *testing.T) {
	cur := embedded(t, "blmk-current")
	cur21 := embedded(t, "blmk-current-2021")
	equal := embedded(t, "blmk-hub-equal")
	plan := embedded(t, "blmk-hub-2021")
	staffed := embedded(t, "blmk-hub-2021-staffed")
	for _, s := range []*config.Scenario{cur, cur21, equal, plan, staffed} {
		for _, p := range s.Pools {
			require.Equal(t, 0.35, p.Shrinkage, "%s: %s: shrinkage (§5)", s.Name, p.Name)
		}
	}
	require.Equal(t, cur.Pools, cur21.Pools, "do nothing: today's rotas")
	require.InDelta(t, totalWTE(cur), totalWTE(equal), 1e-9, "the hub with today's staff")
	require.InDelta(t, totalWTE(cur)+94, totalWTE(plan), 2, "today's staff + the plan's 94 WTE")
	require.Less(t, totalWTE(staffed), totalWTE(plan), "the search needs fewer than the plan's")
	base := plan.Baseline()
	require.NotNil(t, base)
	require.InDelta(t, totalWTE(cur), base.WTE, 0.05, "the baseline is blmk-current's staff")
	require.Equal(t, 94.0, base.AdditionalWTE)
}

// TestCurrentAndHubShareDemand: today's services and the hubs have the same
// streams with the same arrival settings and run settings, so that with
// the same seed they share common random numbers; only the channel of a
// stream may differ. The 2020/21 scenarios have the same demand as one
// another.
func TestCurrentAndHubShareDemand(t *testing.T) {
	streams := func(s *config.Scenario) map[string]config.Stream {
		m := map[string]config.Stream{}
		for _, st := range s.Streams {
			m[st.Name] = st
		}
		return m
	}
	same := func(a, b *config.Scenario) {
		as, bs := streams(a), streams(b)
		require.Equal(t, slices.Sorted(maps.Keys(as)), slices.Sorted(maps.Keys(bs)), "stream names")
		for name, x := range as {
			require.Equal(t, x.Arrivals, bs[name].Arrivals, "arrivals of %s", name)
			require.Equal(t, x.Redial, bs[name].Redial, "redial of %s", name)
			require.Equal(t, a.Scale(x), b.Scale(bs[name]), "demand of %s: %s and %s", name, a.Name, b.Name)
		}
		require.Equal(t, a.Run, b.Run, "run settings and seed")
		require.Equal(t, a.Destinations, b.Destinations, "where ambulances take patients")
	}
	cur, hub := embedded(t, "blmk-current"), embedded(t, "blmk-hub-equal")
	same(cur, hub)
	cur21 := embedded(t, "blmk-current-2021")
	for _, name := range []string{"blmk-hub-2021", "blmk-hub-2021-staffed"} {
		same(cur21, embedded(t, name))
	}
	require.Equal(t, config.Run{Days: 28, WarmupDays: 2, Replications: 10, Seed: cur.Run.Seed}, cur.Run)

	// The queues the designs share stand in the same places in the list,
	// since a route to a queue is drawn by its place: so the same caller
	// takes the same route in each.
	queues := func(s *config.Scenario) []string {
		var out []string
		for _, q := range s.Queues {
			out = append(out, q.Name)
		}
		return out[:min(8, len(out))]
	}
	today := []string{"call_999", "hear_and_treat", "call_111", "warm_111", "callback_111", "nurseline", "ooh_booking", "mental_health_111"}
	hubs := []string{"call_999", "hear_and_treat", "call_111", "warm", "callback", "nurseline", "booking", "mental_health"}
	require.Equal(t, today, queues(cur))
	require.Equal(t, today, queues(cur21))
	for _, name := range []string{"blmk-hub-equal", "blmk-hub-2021", "blmk-hub-2021-staffed"} {
		require.Equal(t, hubs, queues(embedded(t, name)), name)
	}
	cs, hs := streams(cur), streams(hub)
	require.Greater(t, cur21.Scale(streams(cur21)["nhs111"]), cur.Scale(cs["nhs111"]), "2020/21 has more 111 calls")

	// The hub's channels show: a text stream, and a chat stream into a
	// queue whose advisors hold more than one chat at once.
	require.Equal(t, "text", hs["text"].ChannelOf())
	require.Equal(t, "chat", hs["webchat"].ChannelOf())
	for _, q := range hub.Queues {
		if q.Name == hs["webchat"].Enter {
			require.GreaterOrEqual(t, q.Concurrency, 2)
		}
	}
	// Today there is neither: the same people phone 111.
	require.Equal(t, "call", cs["text"].ChannelOf())
	require.Equal(t, "call", cs["webchat"].ChannelOf())
}
