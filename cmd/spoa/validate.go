package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"spoa/sim"
)

// ValidateOptions are the flags of `spoa validate`.
type ValidateOptions struct {
	File string
	Sets []string
}

func newValidateCmd(std *IO) *cobra.Command {
	opts := &ValidateOptions{}
	cmd := &cobra.Command{
		Use:   "validate [-c FILE]",
		Short: "Check a scenario and list every problem, with its path in the file",
		Example: `  spoa validate
  spoa validate -c hub.yaml
  spoa validate -c blmk-hub-equal --set demand=1.2`,
		Args: badArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runValidate(cmd.Context(), std, opts) },
	}
	addScenarioFlag(cmd, &opts.File)
	cmd.Flags().StringArrayVar(&opts.Sets, "set", nil, "override a scenario key: path=value (repeatable)")
	return cmd
}

// runValidate loads and compiles the scenario, which checks it, and sums
// up what it holds.
func runValidate(ctx context.Context, std *IO, opts *ValidateOptions) error {
	s, source, err := loadScenario(ctx, opts.File, opts.Sets)
	if err != nil {
		return err
	}
	m, err := sim.Compile(s)
	if err != nil {
		return compileError(source, err)
	}
	perDay, wte := 0.0, 0.0
	for _, st := range m.Streams {
		perDay += st.PerDay
	}
	for i := range m.Pools {
		wte += m.Pools[i].WTE()
	}
	fmt.Fprintf(std.Out, "%s: scenario %s is valid: %d streams (%.0f contacts a day), %d queues, %d pools (%.1f WTE), %d destinations\n",
		source, s.Name, len(m.Streams), perDay, len(m.Queues), len(m.Pools), wte, len(m.Dests))
	return nil
}
