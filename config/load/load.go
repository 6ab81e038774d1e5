// Package load reads scenario files, and the scenarios embedded in spoa,
// into a checked config.Scenario.
//
// A scenario is read in four steps, each kept apart so that every problem
// can be reported with its path in the file, all at once:
//
//  1. viper reads YAML, JSON or TOML into a tree of maps and lists.
//     Viper lower-cases every map key, which is why names must be lower
//     case: a route to "GP" would silently become "gp".
//  2. --set overrides edit that tree (set.go, with config.Set), so an override is
//     checked exactly as if it had been written in the file.
//  3. mapstructure decodes the tree strictly into a Scenario
//     (decode.go): unknown keys and wrong types are problems, not
//     silently ignored.
//  4. config.Validate checks the meaning: names, references,
//     probabilities, rotas, distributions, and sizes too large to run.
//
// Only this package reads files or uses viper, so that the simulator,
// which needs the scenario's types, does not carry a file reader.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/viper"

	"spoa/config"
)

// File reads a scenario file, YAML (.yaml, .yml), JSON or TOML by its
// extension, applies --set overrides ("pools.nurse.staff=4") and checks
// it. On any problem it returns a *config.Problems listing every one, with
// the file's name; an unreadable file is a problem too, so that a caller
// can treat all bad input alike.
func File(path string, sets []string) (*config.Scenario, error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &config.Problems{Source: path, List: []config.Problem{{Msg: "cannot read the file: " + err.Error()}}}
	}
	return Bytes(data, format, path, sets)
}

// Bytes reads a scenario from data in format ("yaml", "yml", "json" or
// "toml"), applies sets and checks it. source names the data in problems.
// Override, decode and validation problems are reported together; the
// scenario is returned only when there is none.
func Bytes(data []byte, format, source string, sets []string) (*config.Scenario, error) {
	tree, err := readTree(data, format)
	if err != nil {
		return nil, &config.Problems{Source: source, List: []config.Problem{{Msg: err.Error()}}}
	}
	list := applySets(tree, sets)
	s, decoded := decode(tree)
	var checked []config.Problem
	if err := config.Validate(s); err != nil {
		checked = err.(*config.Problems).List
	}
	rest := append(decoded, unexplained(checked, decoded)...)
	config.SortProblems(rest)
	if list = append(list, rest...); len(list) > 0 {
		return nil, &config.Problems{Source: source, List: list}
	}
	return s, nil
}

// Embedded reads an embedded scenario as File reads a file, with
// overrides; problems name it "NAME.yaml".
func Embedded(name string, sets []string) (*config.Scenario, error) {
	b, err := config.Source(name)
	if err != nil {
		return nil, err
	}
	return Bytes(b, "yaml", name+".yaml", sets)
}

// Describe returns an embedded scenario's description on one line, for
// `spoa scenarios`.
func Describe(name string) (string, error) {
	s, err := Embedded(name, nil)
	if err != nil {
		return "", err
	}
	return strings.Join(strings.Fields(s.Description), " "), nil
}

// readTree reads the file into viper and takes the settings as nested maps
// and lists. Viper lower-cases keys, drops keys whose value is null or an
// empty mapping, and (outside lists) splits keys that contain a dot.
func readTree(data []byte, format string) (map[string]any, error) {
	switch format = strings.ToLower(format); format {
	case "yaml", "yml":
		format = "yaml"
	case "json", "toml":
	case "":
		return nil, errors.New("no file type: name the file .yaml, .yml, .json or .toml")
	default:
		return nil, fmt.Errorf("unknown file type %q: use .yaml, .yml, .json or .toml", format)
	}
	v := viper.New()
	v.SetConfigType(format)
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("cannot read %s: %s", strings.ToUpper(format), parseMessage(err))
	}
	return v.AllSettings(), nil
}

// parseMessage strips viper's "While parsing config:" and folds the
// parser's message onto one line, so that it stays one problem a line.
func parseMessage(err error) string {
	var pe viper.ConfigParseError
	if errors.As(err, &pe) {
		err = pe.Unwrap()
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// unexplained drops validation problems at or under a path that already
// has a decode problem, or above one: when "run.days" could not be read as
// a number, "run.days: must be more than 0" says nothing new, and when a
// route's probability could not be read, neither does their sum.
func unexplained(checked, decoded []config.Problem) []config.Problem {
	var out []config.Problem
next:
	for _, c := range checked {
		for _, d := range decoded {
			if within(c.Path, d.Path) || within(d.Path, c.Path) {
				continue next
			}
		}
		out = append(out, c)
	}
	return out
}

// within reports whether path is base or lies under it.
func within(path, base string) bool {
	if base == "" || !strings.HasPrefix(path, base) {
		return false
	}
	rest := path[len(base):]
	return rest == "" || rest[0] == '.' || rest[0] == '['
}
