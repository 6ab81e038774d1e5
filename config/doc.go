// Package config reads scenario files and says what is wrong with them.
//
// A scenario is read in four steps, each kept apart so that every problem
// can be reported with its path in the file, all at once:
//
//  1. viper reads YAML, JSON or TOML into a tree of maps and lists
//     (load.go). Viper lower-cases every map key, which is why names must
//     be lower case: a route to "GP" would silently become "gp".
//  2. --set overrides edit that tree (set.go), so an override is checked
//     exactly as if it had been written in the file.
//  3. mapstructure decodes the tree strictly into Scenario (decode.go):
//     unknown keys and wrong types are problems, not silently ignored.
//  4. Validate checks the meaning (validate.go): names, references,
//     probabilities, rotas, distributions, and sizes too large to run.
//
// Scenario itself (scenario.go) is plain data; sim.Compile turns it into
// indices.
package config
