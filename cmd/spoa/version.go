package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"spoa/results"
)

func newVersionCmd(std *IO) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print spoa's version",
		Example: `  spoa version`,
		Args:    badArgs(cobra.NoArgs),
		Run:     func(*cobra.Command, []string) { fmt.Fprintln(std.Out, "spoa", results.Version) },
	}
}
