package load

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// fuzzSets are --set strings for the seed corpus: good ones, and the
// mistakes the command line must refuse with the key's path.
var fuzzSets = []string{
	"",
	"pools.agents.staff=12",
	"queues.0.priority=2",
	"queues.q.patience=null",
	"queues.q.service.mean=9m",
	"streams.calls.arrivals.hourly=[1,1,1,1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,2,2]",
	"run.days=1e6",
	"run.replications=2.5",
	"streams.calls.arrivals.per_hour=1e12",
	"pools.agents.staff=1e6",
	"pools.nobody.staff=3",
	"queues.9.priority=1",
	"run.days",
	"=3",
	"run..days=3",
	"queues.q.routes={done: 0.5, ed: 0.5}",
	"run.seed=[1, 2",
	"pools.agents.staff=3\nrun.days=2",
}

// fuzzSeeds adds the seed corpus: the embedded scenarios in every format,
// and the bad-input catalogue, each with a few --set strings.
func fuzzSeeds(f *testing.F) {
	add := func(data, format string) {
		for i, set := range fuzzSets {
			if i < 4 || format == "yaml" {
				f.Add([]byte(data), format, set)
			}
		}
	}
	for _, n := range config.Names() {
		b, err := config.Source(n)
		require.NoError(f, err)
		add(string(b), "yaml")
		s, err := Bytes(b, "yaml", n+".yaml", nil)
		require.NoError(f, err)
		js, err := json.Marshal(s)
		require.NoError(f, err)
		add(string(js), "json")
	}
	add(mmcJSON, "json")
	add(mmcTOML, "toml")
	add(ok, "yaml")
	for _, tc := range badInputCases() {
		f.Add([]byte(strings.Replace(ok, tc.old, tc.new, 1)), "yaml", "")
	}
	// The command line's own catalogue (cmd/spoa TestBadInput) spoils a
	// scenario named "bad" the same ways; a few of its bodies, verbatim.
	for _, body := range []string{`routes: {done: 0.9}`, `per_hour: .nan`, `hourly: [1, 2, 3]`, `routes: {q: 1.0}`} {
		f.Add([]byte(strings.Replace(ok, "routes: {done: 1}", body, 1)), "yaml", "")
	}
	for _, r := range redTeamInputs() {
		f.Add([]byte(r.data), r.format, r.set)
	}
	f.Add([]byte("{"), "json", "")
	f.Add([]byte("name = "), "toml", "")
	f.Add([]byte("\t- :\n"), "yaml", "")
	f.Add([]byte(""), "yaml", "")
}

// redTeamInput is an input that once hung, crashed or was misread.
type redTeamInput struct{ data, format, set string }

// redTeamInputs are the red team's reproducers, small enough to run as
// seeds: each must now give a scenario or problems, at once.
func redTeamInputs() []redTeamInput {
	dup := func(old, new string) string { return strings.Replace(ok, old, new, 1) }
	shifts := `pools.a.shifts=[{start: "00:00", length: 168h, count: 100000}]`
	return []redTeamInput{
		{nestedRun("yaml", 300), "yaml", ""},
		{nestedRun("json", 300), "json", ""},
		{nestedRun("toml", 300), "toml", ""},
		{"name = \"x\"\ndescription = " + strings.Repeat("[", 300) + strings.Repeat("]", 300), "toml", ""},
		{"name = \"x\"\nrun" + strings.Repeat(".a", 300) + " = 1\n", "toml", ""},
		{ok, "yaml", "run=" + strings.Repeat("{a: ", 300) + "1" + strings.Repeat("}", 300)},
		{dup("run: {days: 1,", "run: {days: 3, DAYS: 2, Days: 4,"), "yaml", ""},
		{ok + "run.days: 100\n", "yaml", ""},
		{ok + "---\nname: u\n", "yaml", ""},
		{strings.Replace(mmcJSON, `"seed": 7}`, `"seed": 7, "seed": 8}`, 1), "json", ""},
		{mmcJSON + "{}", "json", ""},
		{strings.Replace(mmcJSON, `"seed": 7`, `"seed": 9007199254740993`, 1), "json", ""},
		{strings.Replace(mmcJSON, `"seed": 7`, `"seed": 18446744073709551615`, 1), "json", ""},
		{ok, "yaml", "run.seed=18446744073709551615"},
		{ok, "yaml", "streams.s.arrivals.weekly=[1e308, 1e308, 1, 1, 1, 1, 1]"},
		{ok, "yaml", "streams.s.arrivals.hourly=[1e308, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"},
		{ok, "yaml", "pools.a.staff=\n" + shifts},
		{ok, "yaml", "pools.a.staff=\n" + `pools.a.shifts=[{start: "08:00", length: 8h, count: 2, days: []}]`},
		{manyStreams(200), "yaml", ""},
		{"a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n", "yaml", ""},
	}
}

// FuzzParse: no input, in any format, with any --set, makes Bytes panic,
// and whatever it returns is one of two things: a scenario that config.Validate
// passes (and that reads back the same from its JSON), or a *config.Problems
// whose every line names the file. It returns that within seconds, and the
// same again when asked twice (keys that differ only in case were once
// merged in whatever order a map gave them). sim's FuzzCompile carries on
// from a parsed scenario to Compile and a short run.
//
//	go test -run XXX -fuzz FuzzParse -fuzztime 3m ./config/load/
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, format, set string) {
		var sets []string
		if set != "" {
			sets = strings.Split(set, "\n")
		}
		start := time.Now()
		s, err := Bytes(data, format, "fuzz.yaml", sets)
		require.Less(t, time.Since(start), 5*time.Second, "reading took too long")
		s2, err2 := Bytes(data, format, "fuzz.yaml", sets)
		require.Equal(t, fmt.Sprint(err), fmt.Sprint(err2), "the same input read twice gives different problems")
		if err == nil {
			require.Equal(t, config.Hash(s), config.Hash(s2), "the same input read twice gives different scenarios")
		}
		if err != nil {
			var ps *config.Problems
			require.ErrorAs(t, err, &ps)
			require.NotEmpty(t, ps.List)
			require.Equal(t, "fuzz.yaml", ps.Source)
			for _, p := range ps.List {
				require.NotEmpty(t, p.Msg, "problem at %q has no message", p.Path)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				require.True(t, strings.HasPrefix(line, "fuzz.yaml: "), "problem line does not name the file: %q", line)
			}
			return
		}
		require.NotNil(t, s)
		require.NoError(t, config.Validate(s), "Bytes passed a scenario that config.Validate refuses")
		// A scenario that was accepted can be written out and read back:
		// what `spoa init` and a report's config hash rely on.
		js, err := json.Marshal(s)
		require.NoError(t, err)
		back, err := Bytes(js, "json", "back.json", nil)
		require.NoError(t, err, "the scenario's own JSON is refused:\n%s", js)
		require.Equal(t, config.Hash(s), config.Hash(back), "the scenario reads back differently from its JSON")
	})
}
