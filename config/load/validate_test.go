package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// ok is a valid scenario that each bad-input case spoils in one place.
const ok = `
name: t
run: {days: 1, replications: 1}
streams: [{name: s, arrivals: {per_hour: 10}, enter: q}]
queues:
  - name: q
    priority: 1
    patience: {dist: exponential, mean: 5m}
    service: {dist: exponential, mean: 5m}
    served_by: [a]
    routes: {done: 1}
pools: [{name: a, staff: 2}]
`

// spoil replaces old, which must occur in ok, with new.
func spoil(t *testing.T, old, new string) string {
	t.Helper()
	require.Contains(t, ok, old)
	return strings.Replace(ok, old, new, 1)
}

func TestOKIsValid(t *testing.T) {
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", nil)
	require.NoError(t, err)
}

// TestBadInput is the catalogue of bad input (the README's "Checks a
// scenario goes through"): each case is one mistake, reported once, with
// its path.
func TestBadInput(t *testing.T) {
	for _, tc := range badInputCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bytes([]byte(spoil(t, tc.old, tc.new)), "yaml", "t.yaml", nil)
			var ps *config.Problems
			require.ErrorAs(t, err, &ps)
			assert.Contains(t, err.Error(), "t.yaml: "+tc.want)
			assert.Len(t, ps.List, 1, "one mistake, one problem:\n%v", err)
		})
	}
}

// badInputCase is one mistake: ok with old replaced by new gives the
// problem want.
type badInputCase struct{ name, old, new, want string }

// badInputCases is the catalogue, shared with the fuzz test's seed corpus.
func badInputCases() []badInputCase {
	return []badInputCase{
		{"probabilities do not add up", "routes: {done: 1}", "routes: {done: 0.5, ed: 0.4}",
			"queues[0].routes: probabilities add up to 0.9, not 1"},
		{"probability over 1", "routes: {done: 1}", "routes: {done: 1.5}",
			"queues[0].routes.done: a probability must be at most 1, got 1.5"},
		{"unknown pool", "served_by: [a]", "served_by: [a, nures]",
			`queues[0].served_by[1]: no pool named "nures" (known: a)`},
		{"no pool serves the queue", "served_by: [a]", "served_by: []",
			"queues[0].served_by: no pool serves this queue"},
		{"negative rate", "per_hour: 10", "per_hour: -5",
			"streams[0].arrivals.per_hour: must not be negative, got -5"},
		{"NaN rate", "per_hour: 10", "per_day: .nan",
			"streams[0].arrivals.per_day: not a number (NaN)"},
		{"both rates", "per_hour: 10", "per_hour: 10, per_day: 240",
			"streams[0].arrivals: give per_hour or per_day, not both"},
		{"absurd rate", "per_hour: 10", "per_hour: 1e7",
			"streams[0].arrivals.per_hour: 10000000 is over the limit of 1e+06 contacts an hour"},
		{"misspelt key", "patience:", "patiance:",
			`queues[0].patiance: unknown key (did you mean "patience"?)`},
		{"routing loop", "routes: {done: 1}\n", "routes: {r: 1}\n  - {name: r, priority: 1, service: {dist: constant, mean: 1m}, served_by: [a], routes: {q: 1}}\n",
			"queues[0].routes: routing loop no contact can leave: queues q, r route only to each other, never to a destination"},
		{"self loop", "routes: {done: 1}", "routes: {q: 1}",
			"queues[0].routes: routing loop no contact can leave: queue q routes only to itself"},
		{"wrong hourly length", "per_hour: 10", "per_hour: 10, hourly: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]",
			"streams[0].arrivals.hourly: has 23 weights, needs 24"},
		{"wrong weekly length", "per_hour: 10", "per_hour: 10, weekly: [1,1,1,1,1,1]",
			"streams[0].arrivals.weekly: has 6 weights, needs 7"},
		{"all-zero weights", "per_hour: 10", "per_hour: 10, weekly: [0,0,0,0,0,0,0]",
			"streams[0].arrivals.weekly: all weights are zero"},
		{"negative weight", "per_hour: 10", "per_hour: 10, weekly: [1,1,-1,1,1,1,1]",
			"streams[0].arrivals.weekly[2]: must not be negative, got -1"},
		{"unknown dist", "service: {dist: exponential", "service: {dist: expo",
			`queues[0].service.dist: unknown distribution "expo" (one of constant, exponential, gamma, lognormal, normal, triangular, uniform, weibull)`},
		{"parameter the dist does not use", "service: {dist: exponential, mean: 5m}", "service: {dist: exponential, mean: 5m, sd: 1m}",
			"queues[0].service.sd: not used by exponential (it takes mean)"},
		{"missing parameter", "service: {dist: exponential, mean: 5m}", "service: {dist: lognormal, mean: 5m}",
			"queues[0].service.sd: missing (lognormal needs sd > 0)"},
		{"triangular mode", "service: {dist: exponential, mean: 5m}", "service: {dist: triangular, min: 1m, mode: 9m, max: 5m}",
			"queues[0].service.mode: must be between min (1m0s) and max (5m0s), got 9m0s"},
		{"weibull scale and mean", "service: {dist: exponential, mean: 5m}", "service: {dist: weibull, shape: 1.5, scale: 5m, mean: 5m}",
			"queues[0].service: give scale or mean for weibull, not both"},
		{"duration without unit", "service: {dist: exponential, mean: 5m}", "service: {dist: exponential, mean: 9}",
			`queues[0].service.mean: 9 has no unit: write a duration such as "9s" or "9m"`},
		{"bad duration", "mean: 5m}\n    served", `mean: "five"}` + "\n    served",
			`queues[0].service.mean: expected a duration such as "45s", "9m" or "1h30m", got "five"`},
		{"duplicate name", "pools: [{name: a, staff: 2}]", "pools: [{name: a, staff: 2}, {name: a, staff: 1}]",
			`pools[1].name: "a" is already the name of pools[0]`},
		{"upper-case name", "name: s,", "name: S,",
			`streams[0].name: "S": names must be lower case (write "s")`},
		{"bad characters in a name", "name: s,", `name: "s 1",`,
			`streams[0].name: "s 1": names may use only a-z, 0-9, _ and -`},
		{"missing name", "name: s, ", "",
			"streams[0].name: missing"},
		{"enter not a queue", "enter: q", "enter: qq",
			`streams[0].enter: no queue named "qq" (known: q)`},
		{"type error", "days: 1", "days: ten",
			`run.days: expected a number, got "ten"`},
		{"fractional count", "replications: 1", "replications: 2.5",
			"run.replications: expected a whole number, got 2.5"},
		{"days zero", "days: 1", "days: 0",
			"run.days: must be more than 0, got 0"},
		{"absurd horizon", "days: 1", "days: 1e6",
			"run: days + warmup_days is 1000000 days, over the limit of 100000"},
		{"absurd replications", "replications: 1", "replications: 200000",
			"run.replications: 200000 is over the limit of 100000"},
		{"absurd staff", "staff: 2", "staff: 1e6",
			"pools[0].staff: 1000000 is over the limit of 100000 staff in one pool"},
		{"priority zero", "priority: 1", "priority: 0",
			"queues[0].priority: must be 1 or more (1 is the most urgent), got 0"},
		{"target fraction", "routes: {done: 1}", "routes: {done: 1}\n    target: {within: 20s, fraction: 1.5}",
			"queues[0].target.fraction: must be more than 0 and at most 1, got 1.5"},
		{"target period", "routes: {done: 1}", "routes: {done: 1}\n    target: {within: 20s, fraction: 0.8, per: hours}",
			`queues[0].target.per: unknown period "hours" (did you mean "hour"?); choose run (the default: over the whole run) or hour (in every hour of the week)`},
		{"target period far from any", "routes: {done: 1}", "routes: {done: 1}\n    target: {within: 20s, fraction: 0.8, per: week}",
			`queues[0].target.per: unknown period "week"; choose run`},
		{"demand zero", "run: {days: 1, replications: 1}", "run: {days: 1, replications: 1}\ndemand: 0",
			"demand: must be more than 0 (1 leaves demand as it is, 1.1 is 10% more), got 0"},
		{"demand infinite", "run: {days: 1, replications: 1}", "run: {days: 1, replications: 1}\ndemand: .inf",
			"demand: must be finite, got +Inf"},
		{"stream demand negative", "enter: q}", "enter: q, demand: -1}",
			"streams[0].demand: must be more than 0 (1 leaves demand as it is, 1.1 is 10% more), got -1"},
		{"stream demand NaN", "enter: q}", "enter: q, demand: .nan}",
			"streams[0].demand: not a number (NaN)"},
		{"demand pushes a rate over the limit", "enter: q}", "enter: q, demand: 2e5}",
			"streams[0].arrivals.per_hour: 10 times demand 200000 is 2000000 contacts an hour, over the limit of 1e+06"},
		{"two demands whose product overflows", "enter: q}]", "enter: q, demand: 1e200}]\ndemand: 1e200",
			"streams[0].arrivals.per_hour: 10 times demand +Inf is +Inf contacts an hour, over the limit of 1e+06"},
		{"service_by pool not serving", "routes: {done: 1}", "routes: {done: 1}\n    service_by: {b: {dist: constant, mean: 1m}}",
			`queues[0].service_by.b: "b" is not in served_by (a), so it never serves this queue`},
		{"redial probability", "enter: q}", "enter: q, redial: {probability: 2, delay: {dist: constant, mean: 1m}}}",
			"streams[0].redial.probability: must be between 0 and 1, got 2"},
		{"two rotas", "staff: 2", "staff: 2, hourly: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]",
			"pools[0]: give only one of staff, hourly or shifts, not staff and hourly"},
		{"no rota", "staff: 2", "shrinkage: 0.1",
			"pools[0]: give the staff on duty: staff, hourly or shifts"},
		{"shrinkage", "staff: 2", "staff: 2, shrinkage: 1",
			"pools[0].shrinkage: must be at least 0 and less than 1"},
		{"shift start", "staff: 2", `shifts: [{start: "25:00", length: 8h, count: 1}]`,
			`pools[0].shifts[0].start: "25:00" is not a time of day HH:MM, 00:00 to 23:59`},
		{"shift length", "staff: 2", `shifts: [{start: "08:00", length: 200h, count: 1}]`,
			"pools[0].shifts[0].length: 200h0m0s is longer than a week (168h)"},
		{"shift day", "staff: 2", `shifts: [{start: "08:00", length: 8h, count: 1, days: [mon, tues]}]`,
			`pools[0].shifts[0].days[1]: unknown day "tues" (days are mon, tue, wed, thu, fri, sat, sun)`},
		{"shift day twice", "staff: 2", `shifts: [{start: "08:00", length: 8h, count: 1, days: [mon, tue, mon]}]`,
			`pools[0].shifts[0].days[2]: "mon" is already listed at days[0]`},
		{"shift day number", "staff: 2", `shifts: [{start: "08:00", length: 8h, count: 1, days: [1]}]`,
			`pools[0].shifts[0].days[0]: expected text, got 1`},
		{"shift start number", "staff: 2", `shifts: [{start: 800, length: 8h, count: 1}]`,
			`pools[0].shifts[0].start: expected text, got 800`},
		{"shift start missing", "staff: 2", `shifts: [{length: 8h, count: 1}]`,
			`pools[0].shifts[0].start: missing: a time of day such as "08:00"`},
		{"shift start short", "staff: 2", `shifts: [{start: "8:00", length: 8h, count: 1}]`,
			`pools[0].shifts[0].start: "8:00" is not a time of day HH:MM, 00:00 to 23:59`},
		{"shift count", "staff: 2", `shifts: [{start: "08:00", length: 8h, count: -1}]`,
			"pools[0].shifts[0].count: must not be negative, got -1"},
	}
}

// TestAllProblemsAtOnce: a file with three mistakes reports all three, in
// file order, one line each.
func TestAllProblemsAtOnce(t *testing.T) {
	src := spoil(t, "patience:", "patiance:")
	src = strings.Replace(src, "served_by: [a]", "served_by: [nurse]", 1)
	src = strings.Replace(src, "routes: {done: 1}", "routes: {done: 0.5}", 1)
	_, err := Bytes([]byte(src), "yaml", "t.yaml", nil)
	require.Error(t, err)
	assert.Equal(t, `t.yaml: queues[0].served_by[0]: no pool named "nurse" (known: a)
t.yaml: queues[0].routes: probabilities add up to 0.5, not 1
t.yaml: queues[0].patiance: unknown key (did you mean "patience"?)`, err.Error())
}

// TestDecodeProblemHidesItsConsequence: a value that cannot be read is
// reported once, not again as the zero it decoded to.
func TestDecodeProblemHidesItsConsequence(t *testing.T) {
	_, err := Bytes([]byte(spoil(t, "routes: {done: 1}", "routes: {done: lots}")), "yaml", "t.yaml", nil)
	require.Error(t, err)
	assert.Equal(t, `t.yaml: queues[0].routes.done: expected a number, got "lots"`, err.Error())
}

// TestValidateInMemory: config.Validate needs no file, and lists sections in
// file order with no source prefix.
func TestValidateInMemory(t *testing.T) {
	staff := 3.0
	s := &config.Scenario{
		Name:    "m",
		Run:     config.Run{Days: 1, Replications: 1},
		Streams: []config.Stream{{Name: "s", Arrivals: config.Arrivals{PerHour: 1}, Enter: "q"}},
		Queues: []config.Queue{{Name: "q", Priority: 1, Service: config.Dist{Dist: config.Constant, Mean: config.Duration(60e9)},
			ServedBy: []string{"p"}, Routes: map[string]float64{"out": 1}}},
		Pools: []config.Pool{{Name: "p", Staff: &staff}},
	}
	require.NoError(t, config.Validate(s))

	s.Pools[0].Shrinkage = -0.1
	s.Streams[0].Enter = ""
	s.Run.Replications = 0
	err := config.Validate(s)
	require.Error(t, err)
	assert.Equal(t, `run.replications: must be 1 or more, got 0
streams[0].enter: missing: name the queue this stream's contacts join
pools[0].shrinkage: must be at least 0 and less than 1 (a share of rostered time), got -0.1`, err.Error())
}

// manyStreams is a scenario of n queues and n streams, each stream entering
// a queue that does not exist.
func manyStreams(n int) string {
	var b strings.Builder
	b.WriteString("name: many\nrun: {days: 1, replications: 1}\nstreams:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: s%d, arrivals: {per_hour: 1}, enter: x%d}\n", i, i)
	}
	b.WriteString("queues:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {name: q%d, priority: 1, service: {dist: constant, mean: 1m}, served_by: [a], routes: {done: 1}}\n", i)
	}
	b.WriteString("pools: [{name: a, staff: 1}]\n")
	return b.String()
}

// 5000 streams entering unknown queues printed 270 MB: each message listed
// every queue's name. A message names a few, and says how many more; the
// problems listed stop at config.MaxShown, with a line saying how many
// more there are.
func TestManyProblemsStayShort(t *testing.T) {
	_, err := Bytes([]byte(manyStreams(5000)), "yaml", "many.yaml", nil)
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	require.Len(t, ps.List, 5000, "every problem is found")
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	require.Len(t, lines, config.MaxShown+1)
	assert.Equal(t, `many.yaml: streams[0].enter: no queue named "x0" (known: q0, q1, q2, q3, q4 and 4995 more)`, lines[0])
	assert.Equal(t, "many.yaml: … and 4950 more problems", lines[config.MaxShown])
	assert.Less(t, len(msg), 10_000)

	_, err = Bytes([]byte(manyStreams(5000)), "yaml", "many.yaml", []string{"queues.nurse.priority=2"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `many.yaml: queues.nurse.priority: --set: queues has no element named "nurse" (names: "q0", "q1", "q2", "q3", "q4" and 4995 more)`)
}

// The time to read 5000 problems, which the listing of every queue's name
// in each message once made minutes: `go test -bench ManyProblems ./config/load`.
func BenchmarkManyProblems(b *testing.B) {
	data := []byte(manyStreams(5000))
	for b.Loop() {
		if _, err := Bytes(data, "yaml", "many.yaml", nil); err == nil {
			b.Fatal("no problems")
		}
	}
}

// A queue served by many pools, each with its own service time, is checked
// in time proportional to its lists, not their product: 100,000 pools took
// seconds, each looked up in served_by from its start. The time is
// measured by `go test -bench LongLists ./config/load` (a test that timed
// it failed on a busy machine); here the long lists are checked and valid.
func TestLongListsChecked(t *testing.T) {
	s := longLists(t, 100_000)
	require.NoError(t, config.Validate(s))
}

func BenchmarkLongLists(b *testing.B) {
	s := longLists(b, 100_000)
	for b.Loop() {
		if err := config.Validate(s); err != nil {
			b.Fatal(err)
		}
	}
}

// longLists is the scenario ok with one queue served by n pools, each with
// a service time of its own.
func longLists(t testing.TB, n int) *config.Scenario {
	s, err := Bytes([]byte(ok), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	staff := 1.0
	q := &s.Queues[0]
	q.ServedBy, q.ServiceBy, s.Pools = nil, map[string]config.Dist{}, nil
	for i := range n {
		name := fmt.Sprintf("p%d", i)
		s.Pools = append(s.Pools, config.Pool{Name: name, Staff: &staff})
		q.ServedBy = append(q.ServedBy, name)
		q.ServiceBy[name] = q.Service
	}
	return s
}
