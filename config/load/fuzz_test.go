package load

import (
	"encoding/json"
	"strings"
	"testing"

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
	f.Add([]byte("{"), "json", "")
	f.Add([]byte("name = "), "toml", "")
	f.Add([]byte("\t- :\n"), "yaml", "")
	f.Add([]byte(""), "yaml", "")
}

// FuzzParse: no input, in any format, with any --set, makes Bytes panic,
// and whatever it returns is one of two things: a scenario that config.Validate
// passes (and that reads back the same from its JSON), or a *config.Problems
// whose every line names the file. sim's FuzzCompile carries on from a
// parsed scenario to Compile and a short run.
//
//	go test -run XXX -fuzz FuzzParse -fuzztime 3m ./config/load/
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, format, set string) {
		var sets []string
		if set != "" {
			sets = strings.Split(set, "\n")
		}
		s, err := Bytes(data, format, "fuzz.yaml", sets)
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
