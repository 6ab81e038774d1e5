package results

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
	"spoa/config/load"
)

// mmcShort is the embedded mmc scenario, cut short, with a target on its
// queue.
var mmcShort = []string{"run.days=10", "run.replications=3", "queues.q.target.within=20s", "queues.q.target.fraction=0.8"}

// sweepOf loads the embedded mmc over the grid of specs and runs it.
func sweepOf(t *testing.T, ctx context.Context, opt SweepOptions, specs ...string) (*Sweep, error) {
	t.Helper()
	g, err := ParseGrid(specs)
	require.NoError(t, err)
	points := g.Points()
	scenarios, err := LoadPoints(points, func(sets []string) (*config.Scenario, string, error) {
		s, err := load.Embedded("mmc", append(append([]string{}, mmcShort...), sets...))
		return s, "mmc.yaml", err
	})
	require.NoError(t, err)
	return RunSweep(ctx, points, scenarios, opt)
}

// With common random numbers, more staff never gives a lower share within
// target, nor more abandonment, nor a busier pool.
func TestSweepMoreStaffNoWorse(t *testing.T) {
	sw, err := sweepOf(t, context.Background(), SweepOptions{}, "pools.agents.staff=17..23")
	require.NoError(t, err)
	require.Len(t, sw.Rows, 7)
	for i := 1; i < len(sw.Rows); i++ {
		a, b := sw.Rows[i-1].Report, sw.Rows[i].Report
		at, _ := targetOf(a, "q")
		bt, _ := targetOf(b, "q")
		require.GreaterOrEqual(t, bt.Achieved.Mean, at.Achieved.Mean, "%s to %s", sw.Rows[i-1].Point.Label(), sw.Rows[i].Point.Label())
		require.LessOrEqual(t, callsAbandoned(b).Mean, callsAbandoned(a).Mean)
		require.Less(t, utilisation(b, "agents").Mean, utilisation(a, "agents").Mean)
		require.Greater(t, totalWTE(b), totalWTE(a))
	}
	require.False(t, allMet(sw.Rows[0].Report), "17 agents fall short of 80%% in 20s")
	require.True(t, allMet(sw.Rows[6].Report), "23 agents meet it")
	require.True(t, sw.AnyMeetsAll())
	require.Equal(t, uint64(7), sw.Seed)
	require.Equal(t, 3, sw.Replications)
}

// A sweep point's report is the one Simulate gives its scenario loaded with
// the point's overrides: the same bytes of JSON.
func TestSweepPointIsSimulate(t *testing.T) {
	sw, err := sweepOf(t, context.Background(), SweepOptions{Workers: 2}, "pools.agents.staff=19,21", "queues.q.patience.mean=3m,5m")
	require.NoError(t, err)
	require.Len(t, sw.Rows, 4)
	row := sw.Rows[2]
	require.Equal(t, []string{"pools.agents.staff=21", "queues.q.patience.mean=3m"}, row.Point.Sets())
	s, err := load.Embedded("mmc", append(append([]string{}, mmcShort...), "pools.agents.staff=21", "queues.q.patience.mean=3m"))
	require.NoError(t, err)
	want, err := Simulate(context.Background(), s, Options{Workers: 1})
	require.NoError(t, err)
	var a, b bytes.Buffer
	require.NoError(t, WriteJSON(&a, want))
	require.NoError(t, WriteJSON(&b, row.Report))
	require.Equal(t, a.String(), b.String())
}

// Every point is loaded and compiled before anything runs; the problems of
// every point are listed, each named by its point.
func TestLoadPointsListsEveryProblem(t *testing.T) {
	g, err := ParseGrid([]string{"pools.agents.staff=20,-1,abc"})
	require.NoError(t, err)
	loaded := 0
	_, err = LoadPoints(g.Points(), func(sets []string) (*config.Scenario, string, error) {
		loaded++
		s, err := load.Embedded("mmc", sets)
		return s, "mmc.yaml", err
	})
	require.Equal(t, 3, loaded, "every point is loaded, not just up to the first problem")
	var lines []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var probs *config.Problems
		require.True(t, errors.As(e, &probs), "%v", e)
		lines = append(lines, probs.Error())
	}
	require.Len(t, lines, 2, err.Error())
	require.True(t, strings.HasPrefix(lines[0], "pools.agents.staff=-1: mmc.yaml: pools[0].staff: "), lines[0])
	require.True(t, strings.HasPrefix(lines[1], "pools.agents.staff=abc: mmc.yaml: pools[0].staff: "), lines[1])

	// The same problems at every point (here a bad override of the
	// scenario's own) are said once.
	g, err = ParseGrid([]string{"pools.agents.staff=20..22"})
	require.NoError(t, err)
	_, err = LoadPoints(g.Points(), func(sets []string) (*config.Scenario, string, error) {
		s, err := load.Embedded("mmc", append([]string{"run.days=-1"}, sets...))
		return s, "mmc.yaml", err
	})
	var probs *config.Problems
	require.ErrorAs(t, err, &probs)
	require.Equal(t, "all 3 points: mmc.yaml", probs.Source)
	require.Len(t, probs.List, 1)
	require.Equal(t, "run.days", probs.List[0].Path)
}

// A point that loads but cannot be compiled is refused by RunSweep, named,
// before any point runs.
func TestRunSweepRefusesBeforeRunning(t *testing.T) {
	g, err := ParseGrid([]string{"pools.agents.staff=20,21"})
	require.NoError(t, err)
	points := g.Points()
	good, err := load.Embedded("mmc", mmcShort)
	require.NoError(t, err)
	bad := *good
	bad.Queues = append([]config.Queue{}, good.Queues...)
	bad.Queues[0].ServedBy = []string{"nobody"}
	ran := 0
	_, err = RunSweep(context.Background(), points, []*config.Scenario{good, &bad}, SweepOptions{
		Progress: func(int, int, Point, int, int) { ran++ },
	})
	require.ErrorContains(t, err, "pools.agents.staff=21")
	require.Zero(t, ran, "nothing ran")
}

// Ctrl-C part-way keeps the points that finished, marked partial.
func TestSweepInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sw, err := sweepOf(t, ctx, SweepOptions{Workers: 1, Progress: func(point, _ int, _ Point, done, _ int) {
		if point == 2 && done == 1 {
			cancel()
		}
	}}, "pools.agents.staff=18..21")
	require.ErrorIs(t, err, context.Canceled)
	require.True(t, sw.Partial)
	require.Equal(t, 4, sw.Requested)
	require.Len(t, sw.Rows, 1, "the point that was running is left out")
	var b bytes.Buffer
	require.NoError(t, WriteSweepTable(&b, sw))
	require.Contains(t, b.String(), "PARTIAL SWEEP: it was interrupted; these are the 1 of 4 points that finished")
}

// The CSV has one header row, a column per varied key, then the key
// figures as plain numbers; the JSON has the keys and, per point, its
// values and the same figures.
func TestSweepCSVAndJSON(t *testing.T) {
	sw, err := sweepOf(t, context.Background(), SweepOptions{}, "pools.agents.staff=19,22", "queues.q.patience.mean=3m,5m")
	require.NoError(t, err)

	var b bytes.Buffer
	require.NoError(t, WriteSweepCSV(&b, sw))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 5)
	require.Equal(t, []string{"pools.agents.staff", "queues.q.patience.mean", "target.q.achieved", "target.q.met",
		"utilisation.agents", "wte", "calls_abandoned", "all_targets_met"}, rows[0])
	require.Equal(t, []string{"19", "3m"}, rows[1][:2])
	require.Equal(t, []string{"22", "5m"}, rows[4][:2])
	for _, r := range rows[1:] {
		for i, cell := range r[2:] {
			require.Regexp(t, `^[0-9.]+(e-?[0-9]+)?$`, cell, rows[0][i+2])
		}
	}
	q, _ := targetOf(sw.Rows[3].Report, "q")
	require.Equal(t, num(q.Achieved.Mean), rows[4][2])

	b.Reset()
	require.NoError(t, WriteSweepJSON(&b, sw, false))
	var got struct {
		Scenario     string
		Seed         uint64
		Replications int
		Days         float64
		WarmupDays   float64 `json:"warmup_days"`
		Keys         []string
		Points       []struct {
			Values         map[string]any
			Targets        []TargetResult
			Utilisation    map[string]float64
			WTE            float64
			CallsAbandoned *float64 `json:"calls_abandoned"`
			AllTargetsMet  bool     `json:"all_targets_met"`
			Report         *json.RawMessage
		}
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&got))
	require.Equal(t, "mmc", got.Scenario)
	require.Equal(t, []string{"pools.agents.staff", "queues.q.patience.mean"}, got.Keys)
	require.Len(t, got.Points, 4)
	p := got.Points[3]
	require.Equal(t, map[string]any{"pools.agents.staff": 22.0, "queues.q.patience.mean": "5m"}, p.Values)
	require.Equal(t, q, p.Targets[0])
	require.Equal(t, utilisation(sw.Rows[3].Report, "agents").Mean, p.Utilisation["agents"])
	require.NotNil(t, p.CallsAbandoned)
	require.True(t, p.AllTargetsMet)
	require.Nil(t, p.Report, "no reports unless asked for")

	b.Reset()
	require.NoError(t, WriteSweepJSON(&b, sw, true))
	require.Contains(t, b.String(), `"report": {`)
}
