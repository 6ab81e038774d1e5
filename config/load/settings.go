package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/viper"

	"spoa/config"
)

// viper holds a scenario's settings, read through decoders of spoa's own
// that it calls as it would its built-in ones (its codec registry). Those
// built-in decoders reshape a file in ways a scenario cannot afford: keys
// lower-cased, so that days, DAYS and Days are one key whichever comes
// last; a key with a dot split into a nested one; JSON numbers rounded
// through float64; a second document ignored. The reader of tree.go
// refuses each of those as a problem with its path, so that what viper
// then does to the tree (lower-casing keys, splitting dotted ones) finds
// nothing to change. One thing viper still does is drop an empty mapping
// (patience: {}) as if it were not there; the decoder refuses one instead,
// so that no key is ever silently ignored.

// readSettings reads data in format into a tree of settings through
// viper, with the problems that stop it (or ctx's error when ctx is done
// first).
func readSettings(ctx context.Context, data []byte, format string) (map[string]any, []config.Problem, error) {
	format = strings.ToLower(format)
	if !slices.Contains([]string{"yaml", "yml", "json", "toml"}, format) {
		return readTree(ctx, data, format) // the problem of an unknown type
	}
	d := &decoder{ctx: ctx, format: format}
	v := viper.NewWithOptions(viper.WithDecoderRegistry(d))
	v.SetConfigType(format)
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		switch {
		case d.err != nil:
			return nil, nil, d.err
		case len(d.problems) > 0:
			return nil, d.problems, nil
		}
		return nil, []config.Problem{{Msg: "cannot read the file: " + err.Error()}}, nil
	}
	return v.AllSettings(), nil, nil
}

// decoder is viper's decoder of every format: it reads a file with the
// reader of tree.go and keeps what stopped it.
type decoder struct {
	ctx      context.Context
	format   string
	problems []config.Problem
	err      error
}

// errRefused tells viper that the decoder refused the file; the decoder
// keeps why.
var errRefused = errors.New("the scenario file has problems")

// Decoder gives viper the decoder, whatever the format.
func (d *decoder) Decoder(string) (viper.Decoder, error) { return d, nil }

// Decode reads the file's bytes into the settings v.
func (d *decoder) Decode(b []byte, v map[string]any) error {
	tree, problems, err := readTree(d.ctx, b, d.format)
	if err == nil && problems == nil {
		problems = emptyMappings(tree, "")
	}
	d.problems, d.err = problems, err
	if err != nil || len(problems) > 0 {
		return errRefused
	}
	maps.Copy(v, tree)
	return nil
}

// emptyMappings finds the mappings with no keys under path, which viper
// would drop as if they had not been written.
func emptyMappings(v any, path string) []config.Problem {
	var out []config.Problem
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 && path != "" {
			return []config.Problem{{Path: path, Msg: "an empty mapping, which says nothing: give its keys, or leave it out"}}
		}
		for _, k := range slices.Sorted(maps.Keys(x)) {
			p := k
			if path != "" {
				p = path + "." + k
			}
			out = append(out, emptyMappings(x[k], p)...)
		}
	case []any:
		for i, e := range x {
			out = append(out, emptyMappings(e, fmt.Sprintf("%s[%d]", path, i))...)
		}
	}
	return out
}
