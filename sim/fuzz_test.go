package sim

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
)

// fuzzScenarios are valid scenarios that lean on the engine's corners, for
// FuzzCompile's seed corpus beside the embedded ones: zero staff, zero
// service time, zero patience (a pure loss queue), redial, chats, texts,
// shifts over midnight, every distribution.
var fuzzScenarios = []string{
	`name: corners
run: {days: 0.5, warmup_days: 0.1, replications: 1, seed: 3}
streams:
  - {name: a, arrivals: {per_hour: 30, hourly: [0,0,0,0,0,0,1,2,3,4,4,4,4,4,4,3,3,2,2,1,1,1,0,0]}, enter: q1,
     redial: {probability: 1, delay: {dist: uniform, min: 1s, max: 2m}}}
  - {name: b, channel: text, arrivals: {per_day: 100, weekly: [1,1,1,1,1,0,0]}, enter: q2}
  - {name: c, channel: chat, arrivals: {per_hour: 20}, enter: q3}
queues:
  - {name: q1, priority: 2, patience: {dist: constant, mean: 0s}, service: {dist: weibull, shape: 0.5, mean: 3m},
     served_by: [p1, p2], routes: {q2: 0.5, out: 0.5}}
  - {name: q2, priority: 1, patience: {dist: triangular, min: 0s, mode: 1m, max: 5m}, service: {dist: constant, mean: 0s},
     served_by: [p2], routes: {q1: 0.1, q2: 0.1, ed: 0.8}, target: {within: 20s, fraction: 0.5}}
  - {name: q3, priority: 1, concurrency: 3, patience: {dist: gamma, mean: 1m, sd: 3m}, service: {dist: normal, mean: 1s, sd: 1h},
     service_by: {p1: {dist: lognormal, mean: 1m, sd: 10m}}, served_by: [p2, p1], routes: {done: 1}}
pools:
  - {name: p1, staff: 0}
  - {name: p2, shifts: [{start: "22:00", length: 10h, count: 2, days: [sun]}, {start: "09:00", length: 1m, count: 99998}], shrinkage: 0.9}
`,
}

// FuzzCompile: every scenario load.Bytes accepts compiles (unless its
// replications' statistics would not fit in memory, Compile's own check),
// and a short run of it neither panics nor hangs and conserves contacts in
// every queue.
// The run is cut to about 2,000 expected arrivals so that each input takes
// milliseconds whatever its rates and horizon.
//
//	go test -run XXX -fuzz FuzzCompile -fuzztime 3m ./sim/
func FuzzCompile(f *testing.F) {
	for _, n := range config.Names() {
		b, err := config.Source(n)
		require.NoError(f, err)
		f.Add(b, "yaml", "")
	}
	for _, s := range fuzzScenarios {
		_, err := load.Bytes([]byte(s), "yaml", "seed.yaml", nil)
		require.NoError(f, err, "a seed scenario must be valid")
		f.Add([]byte(s), "yaml", "")
		f.Add([]byte(s), "yaml", "pools.p1.staff=3\nqueues.q1.patience=null")
	}
	f.Fuzz(func(t *testing.T, data []byte, format, set string) {
		var sets []string
		if set != "" {
			sets = strings.Split(set, "\n")
		}
		s, err := load.Bytes(data, format, "fuzz.yaml", sets)
		if err != nil {
			return
		}
		_, err = Compile(s)
		if ps := (*config.Problems)(nil); errors.As(err, &ps) && ps.List[0].Path == "run.replications" {
			return // statistics too large to keep: Compile's own check (MaxKept)
		}
		require.NoError(t, err, "Compile refused a scenario that load.Bytes accepted")
		shortRun(t, s)
	})
}

// shortRun runs one replication of s over a horizon short enough for about
// 2,000 arrivals, with an event budget of 2 million, and checks
// conservation. Stopping at the budget is the designed end of a scenario
// whose contacts go round without end, and passes.
func shortRun(t *testing.T, s *config.Scenario) {
	t.Helper()
	short := *s
	perDay := 0.0
	for _, st := range s.Streams {
		perDay += st.Arrivals.PerDay + 24*st.Arrivals.PerHour
	}
	days := min(s.Run.Days, 7)
	if perDay*days > 2000 {
		days = 2000 / perDay
	}
	short.Run = config.Run{Days: days, WarmupDays: min(s.Run.WarmupDays, days/4), Replications: 1, Seed: s.Run.Seed}
	m, err := Compile(&short)
	require.NoError(t, err)
	m.limits.events = 2_000_000
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	st, err := Replicate(ctx, m, short.Run.Seed, 0)
	var over *BudgetError
	if errors.As(err, &over) {
		return
	}
	require.NoError(t, err, "a short run did not finish")
	for qi, q := range st.Queues {
		require.Equal(t, q.Offered, q.Served+q.Abandoned+q.WaitingAtEnd+q.TurnedAway,
			"conservation in queue %s", s.Queues[qi].Name)
	}
}
