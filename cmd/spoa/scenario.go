package main

import (
	"fmt"

	"spoa/config"
)

// loadScenario reads the scenario file, or the embedded default when there
// is none, with the --set overrides applied.
func loadScenario(file string, sets []string) (*config.Scenario, string, error) {
	if file == "" {
		s, err := config.LoadEmbedded(config.Default, sets)
		return s, "embedded:" + config.Default, err
	}
	s, err := config.Load(file, sets)
	return s, file, err
}

// runSets turns the run flags into --set overrides, so that they reach the
// scenario (and its hash) the same way any other override does.
func runSets(reps int, seed string, days, warmup string, sets []string) []string {
	var out []string
	if reps > 0 {
		out = append(out, fmt.Sprintf("run.replications=%d", reps))
	}
	if seed != "" {
		out = append(out, "run.seed="+seed)
	}
	if days != "" {
		out = append(out, "run.days="+days)
	}
	if warmup != "" {
		out = append(out, "run.warmup_days="+warmup)
	}
	return append(out, sets...)
}
