package load

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Keys are read as written. Viper lower-cased them, so that days, DAYS and
// Days were one key and the run took whichever came last (at random), and
// split keys at dots, so that a top-level "run.days" silently overrode
// run: {days: …}; json.Unmarshal keeps the last of a key given twice, and
// a second YAML document was never read. Each is now a problem with its
// path, and nothing else is checked until the keys are sound.
func TestKeysReadAsWritten(t *testing.T) {
	cases := []struct {
		name, format, data string
		want               []string
	}{
		{"case collision", "yaml", spoil(t, "run: {days: 1,", "run: {days: 3, DAYS: 2, Days: 4,"), []string{
			`t.yaml: run.DAYS: line 3: keys are lower case: write "days", and "days" is given too (line 3)`,
			`t.yaml: run.Days: line 3: keys are lower case: write "days", and "days" is given too (line 3)`,
		}},
		{"case collision without the lower-case key", "yaml", spoil(t, "run: {days: 1,", "run: {DAYS: 2, Days: 4,"), []string{
			`t.yaml: run.DAYS: line 3: keys are lower case: write "days"`,
			`t.yaml: run.Days: line 3: keys are lower case: write "days", and so is "DAYS" (line 3)`,
		}},
		{"upper case alone", "yaml", spoil(t, "name: t", "Name: t"), []string{
			`t.yaml: Name: line 2: keys are lower case: write "name"`,
		}},
		{"upper-case route", "yaml", spoil(t, "routes: {done: 1}", "routes: {ED: 1}"), []string{
			`t.yaml: queues[0].routes.ED: line 11: keys are lower case: write "ed"`,
		}},
		{"dotted key overriding a mapping", "yaml", ok + "run.days: 100\n", []string{
			`t.yaml: line 13: key "run.days" contains a dot: write it as nested keys, run: {days: …}`,
		}},
		{"dotted key in a mapping", "yaml", spoil(t, "patience: {dist: exponential,", "patience: {dist.x: 1, dist: exponential,"), []string{
			`t.yaml: queues[0].patience: line 8: key "dist.x" contains a dot: write it as nested keys, dist: {x: …}`,
		}},
		{"YAML key given twice", "yaml", ok + "name: u\n", []string{
			"t.yaml: name: line 13: given twice (first at line 2)",
		}},
		{"second YAML document", "yaml", ok + "---\nname: u\n", []string{
			"t.yaml: a second YAML document begins at line 13; a scenario file holds one document",
		}},
		{"JSON key given twice", "json", strings.Replace(mmcJSON, `"seed": 7}`, `"seed": 7, "days": 2}`, 1), []string{
			"t.json: run.days: line 4: given twice (first at line 4)",
		}},
		{"JSON case collision", "json", strings.Replace(mmcJSON, `"seed": 7}`, `"seed": 7, "Seed": 8}`, 1), []string{
			`t.json: run.Seed: line 4: keys are lower case: write "seed", and "seed" is given too (line 4)`,
		}},
		{"JSON dotted key", "json", strings.Replace(mmcJSON, `"name": "mmc",`, `"name": "mmc", "run.days": 1,`, 1), []string{
			`t.json: line 2: key "run.days" contains a dot: write it as nested keys, run: {days: …}`,
		}},
		{"second JSON value", "json", mmcJSON + "\n{}", []string{
			"t.json: a second JSON value begins at line 11; a scenario file holds one object",
		}},
		{"TOML case collision", "toml", strings.Replace(mmcTOML, "seed = 7}", "seed = 7, SEED = 8}", 1), []string{
			`t.toml: run.SEED: keys are lower case: write "seed", and "seed" is given too`,
		}},
		{"TOML quoted dotted key", "toml", `"run.days" = 1` + "\n" + mmcTOML, []string{
			`t.toml: key "run.days" contains a dot: write it as nested keys, run: {days: …}`,
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for range 10 { // the same problems every time
				_, err := Bytes([]byte(tc.data), tc.format, "t."+tc.format, nil)
				var ps *config.Problems
				require.ErrorAs(t, err, &ps)
				require.Equal(t, strings.Join(tc.want, "\n"), err.Error())
			}
		})
	}
}

// A --set value's keys are checked as a file's are, at their path.
func TestSetValueKeys(t *testing.T) {
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"queues.q.patience={dist: constant, Mean: 2m}"})
	require.Error(t, err)
	assert.Equal(t, `t.yaml: queues.q.patience.Mean: --set: keys are lower case: write "mean"`, err.Error())
}

// What viper did that a scenario may rely on still holds: a key given as
// null is as if not given, anchors and aliases repeat what they name, and
// a merge key fills in what a mapping does not give itself.
func TestYAMLAsBefore(t *testing.T) {
	s, err := Bytes([]byte(spoil(t, "patience: {dist: exponential, mean: 5m}", "patience: ~")), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	assert.Nil(t, s.Queues[0].Patience)

	anchored := spoil(t, "service: {dist: exponential, mean: 5m}", "service: &svc {dist: exponential, mean: 5m}\n    patience2: *svc")
	_, err = Bytes([]byte(anchored), "yaml", "t.yaml", nil)
	require.Error(t, err)
	assert.Equal(t, `t.yaml: queues[0].patience2: unknown key (did you mean "patience"?)`, err.Error(), "an alias is read as what it names")

	merged := spoil(t, "service: {dist: exponential, mean: 5m}", "service: {<<: {dist: exponential, mean: 9m}, mean: 5m}")
	s, err = Bytes([]byte(merged), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	assert.Equal(t, config.Exponential, s.Queues[0].Service.Dist)
	assert.Equal(t, 300.0, s.Queues[0].Service.MeanSeconds(), "a key given in the mapping wins over the merged one")
}

// An alias stands for all its anchor names, so aliases of aliases can
// stand for billions of values from a few lines; past maxAliased, reading
// stops.
func TestYAMLAliasBomb(t *testing.T) {
	bomb := "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 10), ", ") + "]\n"
		prev = n
	}
	_, err := Bytes([]byte(bomb), "yaml", "t.yaml", nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "YAML aliases repeat more than 100000 values")
}

// A seed is a whole number over the full range of uint64, read exactly:
// JSON numbers were read as float64 (2^53+1 ran as 2^53), and the decoder
// compared every whole number with a float64 bound, so 2^64−1 was refused
// as not "0 or more".
func TestSeedReadExactly(t *testing.T) {
	for _, tc := range []struct {
		name, format, data string
		sets               []string
		want               uint64
	}{
		{"JSON above 2^53", "json", strings.Replace(mmcJSON, `"seed": 7`, `"seed": 9007199254740993`, 1), nil, 9007199254740993},
		{"JSON largest", "json", strings.Replace(mmcJSON, `"seed": 7`, `"seed": 18446744073709551615`, 1), nil, math.MaxUint64},
		{"YAML largest", "yaml", strings.Replace(ok, "replications: 1}", "replications: 1, seed: 18446744073709551615}", 1), nil, math.MaxUint64},
		{"--seed largest", "yaml", ok, []string{"run.seed=18446744073709551615"}, math.MaxUint64},
		{"--seed above 2^53", "yaml", ok, []string{"run.seed=9007199254740993"}, 9007199254740993},
		{"TOML largest it has", "toml", strings.Replace(mmcTOML, "seed = 7", "seed = 9223372036854775807", 1), nil, math.MaxInt64},
		{"written as a float", "yaml", ok, []string{"run.seed=1e19"}, 1e19},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Bytes([]byte(tc.data), tc.format, "t."+tc.format, tc.sets)
			require.NoError(t, err)
			assert.Equal(t, tc.want, s.Run.Seed)
		})
	}
	for _, seed := range []string{"18446744073709551616", "-1", "1.5", "2e19"} {
		_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"run.seed=" + seed})
		require.Error(t, err, seed)
		assert.Contains(t, err.Error(), "run.seed: expected a whole number, 0 or more")
	}
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"run.replications=9223372036854775808"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "run.replications: expected a whole number")
}

// viper, which holds the settings, drops an empty mapping as if it had not
// been written; the reader refuses one instead, so that no key is ignored.
func TestEmptyMappingRefused(t *testing.T) {
	for _, c := range []struct{ old, new, path string }{
		{"patience: {dist: exponential, mean: 5m}", "patience: {}", "queues[0].patience"},
		{"routes: {done: 1}", "routes: {done: 1}\n    service_by: {}", "queues[0].service_by"},
	} {
		_, err := Bytes([]byte(strings.Replace(ok, c.old, c.new, 1)), "yaml", "t.yaml", nil)
		require.Error(t, err, c.new)
		require.Contains(t, err.Error(), "t.yaml: "+c.path+": an empty mapping, which says nothing", c.new)
	}
}
