package load

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/viper"

	"spoa/config"
)

// applySets applies --set overrides, in order, to the settings tree read
// from the file, before decoding: an override is then checked exactly as if
// it had been written in the file, and a key absent from the file (patience
// on a queue without one) can be added.
//
// A path is dot-separated ("pools.nurse.staff"); where the file has a list,
// the segment is a 0-based index or the name of an element. The value is a
// YAML flow value: 4 is a number, [1, 2] a list, 9m text. An empty value or
// null removes the key, so "queues.q.patience=null" makes callers wait
// forever.
func applySets(tree map[string]any, sets []string) []config.Problem {
	var out []config.Problem
	for _, set := range sets {
		key, raw, ok := strings.Cut(set, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || key == "" {
			out = append(out, config.Problem{Path: strings.TrimSpace(set), Msg: "--set: expected key=value"})
			continue
		}
		val, err := parseValue(raw)
		if err == nil {
			err = config.Set(tree, key, val)
		}
		if err != nil {
			out = append(out, config.Problem{Path: key, Msg: "--set: " + err.Error()})
		}
	}
	return out
}

// parseValue reads a --set value through viper's YAML reader, so that it
// gets the same types and lower-cased keys as the same value in a file.
func parseValue(raw string) (any, error) {
	if strings.ContainsAny(raw, "\r\n") {
		return nil, errors.New("the value must be on one line")
	}
	if strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(strings.NewReader("v: " + raw)); err != nil {
		return nil, fmt.Errorf("cannot read value %q as YAML: %s", raw, parseMessage(err))
	}
	return v.AllSettings()["v"], nil
}
