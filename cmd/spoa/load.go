package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
)

// loadScenario reads the scenario -c names (a file, or an embedded
// scenario by name), or the embedded default when there is none, with the
// --set overrides applied; it also returns where the scenario came from,
// for messages. Reading a file stops when ctx is done (Ctrl-C).
func loadScenario(ctx context.Context, file string, sets []string) (*config.Scenario, string, error) {
	if file == "" {
		s, err := load.Embedded(config.Default, sets)
		return s, "embedded:" + config.Default, err
	}
	return loadNamed(ctx, file, sets)
}

// loadNamed loads a scenario file, or an embedded scenario by name when no
// such file exists; it also returns where the scenario came from.
func loadNamed(ctx context.Context, arg string, sets []string) (*config.Scenario, string, error) {
	if _, err := os.Stat(arg); err != nil && slices.Contains(config.Names(), arg) {
		s, err := load.Embedded(arg, sets)
		return s, "embedded:" + arg, err
	}
	s, err := load.File(ctx, arg, sets)
	return s, arg, err
}

// inSource names the file in the error of a scenario that could not be
// compiled (sources[i] for the i-th scenario given), as loading names it,
// and makes it bad input; any other error, a failed run, is passed on.
func inSource(sources []string, err error) error {
	var se *results.ScenarioError
	if !errors.As(err, &se) {
		return err
	}
	return compileError(sources[se.Index], se.Err)
}

// compileError names the file a scenario came from in the error compiling
// it: problems in the scenario as loading lists them, anything else as
// bad input.
func compileError(source string, err error) error {
	var probs *config.Problems
	if errors.As(err, &probs) && probs.Source == "" {
		return &config.Problems{Source: source, List: probs.List}
	}
	return badInput{fmt.Errorf("%s: %w", source, err)}
}
