// Package load reads scenario files, and the scenarios embedded in spoa,
// into a checked config.Scenario.
//
// A scenario is read in four steps, each kept apart so that every problem
// can be reported with its path in the file, all at once:
//
//  1. viper reads the file into a tree of settings, maps and lists
//     (settings.go), through a decoder of spoa's that reads it with the
//     file's parser (go.yaml.in/yaml/v3, encoding/json or
//     pelletier/go-toml/v2, by its extension) and keys as written
//     (tree.go): a key given twice, not in lower case or with a dot in
//     it, an empty mapping, a second document, or nesting deeper than
//     maxDepth is a problem, and the reading stops there.
//  2. --set overrides edit that tree (set.go, with config.Set), so an override is
//     checked exactly as if it had been written in the file.
//  3. mapstructure decodes the tree strictly into a Scenario
//     (decode.go): unknown keys and wrong types are problems, not
//     silently ignored.
//  4. config.Validate checks the meaning: names, references,
//     probabilities, rotas, distributions, and sizes too large to run.
//
// Only this package reads files, so that the simulator, which needs the
// scenario's types, does not carry a file reader.
package load

import (
	"context"
	"path/filepath"
	"strings"

	"spoa/config"
)

// File reads a scenario file, YAML (.yaml, .yml), JSON or TOML by its
// extension, applies --set overrides ("pools.nurse.staff=4") and checks
// it. On any problem it returns a *config.Problems listing every one, with
// the file's name; an unreadable file is a problem too, so that a caller
// can treat all bad input alike. Only a regular file of at most
// MaxFileSize bytes is read. When ctx is done File stops, within moments,
// and returns ctx's error.
func File(ctx context.Context, path string, sets []string) (*config.Scenario, error) {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	data, err := readFile(ctx, path)
	if err != nil {
		return nil, fileProblem(ctx, path, err)
	}
	return fromBytes(ctx, data, format, path, sets)
}

// Bytes reads a scenario from data in format ("yaml", "yml", "json" or
// "toml"), applies sets and checks it. source names the data in problems.
// Override, decode and validation problems are reported together; the
// scenario is returned only when there is none.
func Bytes(data []byte, format, source string, sets []string) (*config.Scenario, error) {
	return fromBytes(context.Background(), data, format, source, sets)
}

// fromBytes is Bytes, stopping with ctx's error when ctx is done: between
// steps, and within the reading of the document.
func fromBytes(ctx context.Context, data []byte, format, source string, sets []string) (*config.Scenario, error) {
	tree, list, err := readSettings(ctx, data, format)
	if err != nil {
		return nil, err
	}
	if len(list) > 0 {
		return nil, &config.Problems{Source: source, List: list}
	}
	list = applySets(ctx, tree, sets)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s, decoded := decode(tree)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
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

// problem is a *config.Problems of one problem with the whole of source.
func problem(source, msg string) *config.Problems {
	return &config.Problems{Source: source, List: []config.Problem{{Msg: msg}}}
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

// unexplained drops validation problems at or under a path that already
// has a decode problem, or above one: when "run.days" could not be read as
// a number, "run.days: must be more than 0" says nothing new, and when a
// route's probability could not be read, neither does their sum. It takes
// time in proportion to the problems, however many there are.
func unexplained(checked, decoded []config.Problem) []config.Problem {
	at := map[string]bool{}    // paths with a decode problem
	above := map[string]bool{} // those paths and every path above them
	for _, d := range decoded {
		if d.Path != "" {
			at[d.Path] = true
			ancestors(d.Path, func(p string) bool { above[p] = true; return false })
		}
	}
	var out []config.Problem
	for _, c := range checked {
		if c.Path != "" && (above[c.Path] || ancestors(c.Path, func(p string) bool { return at[p] })) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// ancestors calls f with path and each path above it ("queues[0].routes",
// "queues[0]", "queues"), and reports whether f returned true for one.
func ancestors(path string, f func(string) bool) bool {
	if f(path) {
		return true
	}
	for i := len(path) - 1; i > 0; i-- {
		if (path[i] == '.' || path[i] == '[') && f(path[:i]) {
			return true
		}
	}
	return false
}
