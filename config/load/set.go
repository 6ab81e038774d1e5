package load

import (
	"context"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

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
func applySets(ctx context.Context, tree map[string]any, sets []string) []config.Problem {
	var out []config.Problem
	for _, set := range sets {
		key, raw, ok := strings.Cut(set, "=")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || key == "" {
			out = append(out, config.Problem{Path: strings.TrimSpace(set), Msg: "--set: expected key=value"})
			continue
		}
		val, problems, err := parseValue(ctx, key, raw)
		if err != nil {
			return out // ctx is done; the caller returns its error
		}
		if len(problems) > 0 {
			out = append(out, problems...)
			continue
		}
		if err := config.Set(tree, key, val); err != nil {
			out = append(out, config.Problem{Path: key, Msg: "--set: " + err.Error()})
		}
	}
	return out
}

// parseValue reads a --set value as YAML, written "v: VALUE", with the
// reader that reads files: the same types, and the same checks of its keys
// and depth, each problem at its path under key.
func parseValue(ctx context.Context, key, raw string) (any, []config.Problem, error) {
	bad := func(msg string) []config.Problem {
		return []config.Problem{{Path: key, Msg: "--set: " + msg}}
	}
	if strings.ContainsAny(raw, "\r\n") {
		return nil, bad("the value must be on one line"), nil
	}
	if strings.TrimSpace(raw) == "" {
		return nil, nil, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("v: "+raw), &doc); err != nil || len(doc.Content) == 0 ||
		doc.Content[0].Kind != yaml.MappingNode || len(doc.Content[0].Content) != 2 {
		msg := "not a single value"
		if err != nil {
			msg = oneLine(err.Error())
		}
		return nil, bad(fmt.Sprintf("cannot read value %q as YAML: %s", raw, msg)), nil
	}
	r := newReader(ctx)
	r.msg = "--set: "
	r.line = func(int64) int { return 0 } // line 1 of "v: VALUE" says nothing
	r.key(key)
	// The value lies one level below each segment of its path.
	v := r.yamlValue(doc.Content[0].Content[1], strings.Count(key, ".")+2)
	if r.err != nil {
		return nil, nil, r.err
	}
	if len(r.problems) > 0 {
		return nil, r.problems, nil
	}
	return v, nil, nil
}
