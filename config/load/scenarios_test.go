package load

import (
	"maps"
	"slices"
	"strings"
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

// The comparison scenarios: today's separate services, the SPoA hub, and
// the hub against 2020/21 demand. wte is what each pool (or group of
// pools) is meant to hold, from CALIBRATION.md §8; total is the scenario's.
var comparisonScenarios = []struct {
	name  string
	total float64
	wte   map[string]float64 // pool names joined by "+" for a group
}{
	{
		// §8's "today ≈160", plus the GP OOH provider's reception (19, the
		// hub's booking rota), which §8's 160 leaves out.
		name:  "blmk-current",
		total: 160 + 19,
		wte: map[string]float64{
			"health_advisor":   68,
			"clinician_111":    39,
			"call_handler_999": 35,
			"clinician_999":    13,
			"nurseline_nurse":  5,
			"ooh_reception":    19,
			"health_advisor+clinician_111+call_handler_999+clinician_999+nurseline_nurse": 160,
		},
	},
	{
		// §8's SPoA: 160 + the plan's 94 = 254.
		name:  "blmk-hub",
		total: 254,
		wte: map[string]float64{
			"health_advisor":                   75,
			"nurse+paramedic+gp+mental_health": 120,
			"call_handler_999":                 40,
			"booking":                          19,
		},
	},
	{
		name:  "blmk-hub-2021",
		total: 254,
		wte: map[string]float64{
			"health_advisor":                   75,
			"nurse+paramedic+gp+mental_health": 120,
			"call_handler_999":                 40,
			"booking":                          19,
		},
	},
}

func TestComparisonScenariosWTE(t *testing.T) {
	for _, c := range comparisonScenarios {
		t.Run(c.name, func(t *testing.T) {
			s, err := Embedded(c.name, nil)
			require.NoError(t, err)
			require.NoError(t, config.Validate(s))
			require.Equal(t, c.name, s.Name)
			require.NotEmpty(t, s.Description)
			require.NotContains(t, s.Description, "\n")

			byPool := map[string]float64{}
			total := 0.0
			for _, p := range s.Pools {
				w := rotaWTE(p)
				byPool[p.Name] = w
				total += w
				require.Equal(t, 0.35, p.Shrinkage, "%s: shrinkage (§5)", p.Name)
			}
			require.InEpsilon(t, c.total, total, 0.05, "total WTE")
			for group, want := range c.wte {
				got := 0.0
				for _, name := range strings.Split(group, "+") {
					w, ok := byPool[name]
					require.True(t, ok, "no pool %q", name)
					got += w
				}
				require.InEpsilon(t, want, got, 0.05, "WTE of %s", group)
			}
		})
	}
}

// TestCurrentAndHubShareDemand: today's services and the hub have the same
// streams with the same arrival settings and run settings, so that with
// the same seed they share common random numbers; only the channel of a
// stream may differ. The 2020/21 hub keeps every stream name and adds the
// channel-shifted demand.
func TestCurrentAndHubShareDemand(t *testing.T) {
	load := func(name string) *config.Scenario {
		s, err := Embedded(name, nil)
		require.NoError(t, err)
		return s
	}
	cur, hub, h21 := load("blmk-current"), load("blmk-hub"), load("blmk-hub-2021")
	streams := func(s *config.Scenario) map[string]config.Stream {
		m := map[string]config.Stream{}
		for _, st := range s.Streams {
			m[st.Name] = st
		}
		return m
	}
	cs, hs, h21s := streams(cur), streams(hub), streams(h21)

	require.Equal(t, slices.Sorted(maps.Keys(cs)), slices.Sorted(maps.Keys(hs)), "stream names")
	for name, c := range cs {
		require.Equal(t, c.Arrivals, hs[name].Arrivals, "arrivals of %s", name)
		require.Equal(t, c.Redial, hs[name].Redial, "redial of %s", name)
		require.Equal(t, cur.Scale(c), hub.Scale(hs[name]), "demand of %s", name)
	}
	for name := range hs {
		require.Contains(t, h21s, name, "blmk-hub-2021 keeps stream %s", name)
	}

	require.Equal(t, cur.Run, hub.Run, "run settings and seed")
	require.Equal(t, cur.Run, h21.Run, "run settings and seed")
	require.Equal(t, config.Run{Days: 28, WarmupDays: 2, Replications: 10, Seed: cur.Run.Seed}, cur.Run)

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
