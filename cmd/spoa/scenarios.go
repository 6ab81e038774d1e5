package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/config/load"
)

func newScenariosCmd(std *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "scenarios",
		Short:   "List the embedded scenarios",
		Example: `  spoa scenarios`,
		Args:    badArgs(cobra.NoArgs),
		RunE:    func(*cobra.Command, []string) error { return runScenarios(std) },
	}
}

// runScenarios lists the embedded scenarios with their descriptions,
// marking the one that runs when no file is given.
func runScenarios(std *IO) error {
	width := 0
	for _, n := range config.Names() {
		width = max(width, len(n))
	}
	for _, n := range config.Names() {
		mark := " "
		if n == config.Default {
			mark = "*"
		}
		desc, err := load.Describe(n)
		if err != nil {
			return err
		}
		fmt.Fprintf(std.Out, "%s %-*s %s\n", mark, width, n, desc)
	}
	fmt.Fprintln(std.Out, "\n* runs when no scenario file is given; `spoa init NAME` writes one out to edit")
	return nil
}
