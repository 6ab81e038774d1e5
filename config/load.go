package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/viper"
)

// Load reads a scenario file, YAML (.yaml, .yml), JSON or TOML by its
// extension, applies --set overrides ("pools.nurse.staff=4") and checks
// it. On any problem it returns a *Problems listing every one, with the
// file's name; an unreadable file is a problem too, so that a caller can
// treat all bad input alike.
func Load(path string, sets []string) (*Scenario, error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Problems{Source: path, List: []Problem{{Msg: "cannot read the file: " + err.Error()}}}
	}
	return Parse(data, format, path, sets)
}

// Parse reads a scenario from data in format ("yaml", "yml", "json" or
// "toml"), applies sets and checks it. source names the data in problems.
// Override, decode and validation problems are reported together; the
// scenario is returned only when there is none.
func Parse(data []byte, format, source string, sets []string) (*Scenario, error) {
	tree, err := readTree(data, format)
	if err != nil {
		return nil, &Problems{Source: source, List: []Problem{{Msg: err.Error()}}}
	}
	list := applySets(tree, sets)
	s, decoded := decode(tree)
	var checked []Problem
	if err := Validate(s); err != nil {
		checked = err.(*Problems).List
	}
	rest := append(decoded, unexplained(checked, decoded)...)
	sortProblems(rest)
	if err := asError(source, append(list, rest...)); err != nil {
		return nil, err
	}
	return s, nil
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
func unexplained(checked, decoded []Problem) []Problem {
	var out []Problem
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

// Hash is the hex SHA-256 of the scenario's canonical JSON (struct fields
// in declaration order, map keys sorted, durations as "9m0s"), taken after
// --set overrides, so that a report says exactly which scenario produced
// it. A scenario JSON cannot encode (a NaN, which Validate refuses) hashes
// to "".
func Hash(s *Scenario) string {
	b, err := json.Marshal(s)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
