package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/results"
)

// CompareOptions are the flags of `spoa compare` and its scenarios.
type CompareOptions struct {
	RunFlags
	Scenarios []string
	Sections  []string
}

// newCompareCmd fills CompareOptions from the flags and arguments and
// hands them to runF, which tests set to see them, or to runCompare.
func newCompareCmd(std *IO, runF func(context.Context, *CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{}
	cmd := &cobra.Command{
		Use:   "compare A B [C …]",
		Short: "Run scenarios with common random numbers and set them side by side",
		Long: `Run two or more scenarios (files, or names of embedded scenarios) with the same
seed and number of replications, so that they share common random numbers,
and set them side by side: per stream and channel the wait to answer and
abandonment, destinations a day, staff and utilisation, and per queue waits
and targets. Each later scenario's difference from the first comes with the
95% CI of the difference paired replication by replication.`,
		Example: `  spoa compare blmk-current blmk-hub-equal
  spoa compare blmk-current blmk-hub-equal blmk-hub-2021 --sections destinations,totals
  spoa compare hub.yaml hub-staffed.yaml -r 20 -o compare.csv
  spoa compare blmk-hub-equal blmk-hub-2021 --set demand=1.1 -f json`,
		Args:              badArgs(cobra.MinimumNArgs(2)),
		ValidArgsFunction: completeScenarios,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Scenarios = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runCompare(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	opts.RunFlags.add(f, orList(comparisonFormats))
	f.StringSliceVar(&opts.Sections, "sections", nil, "show only these sections: "+strings.Join(results.CompareSections, ", "))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(comparisonFormats))
	_ = cmd.RegisterFlagCompletionFunc("sections", completeSections)
	return cmd
}

func runCompare(ctx context.Context, std *IO, opts *CompareOptions) error {
	f, err := pickFormat(comparisonFormats, opts.Format, "-o", opts.Output)
	if err != nil {
		return err
	}
	for _, s := range opts.Sections {
		if !slices.Contains(results.CompareSections, s) {
			return badInput{fmt.Errorf("--sections: no section %q; choose from %s", s, strings.Join(results.CompareSections, ", "))}
		}
	}
	out, err := resolveOutput(opts.Output, opts.Scenarios...)
	if err != nil {
		return err
	}
	sets, err := opts.sets()
	if err != nil {
		return err
	}
	// Every scenario is read before any runs, and the problems of all of
	// them are listed at once.
	scenarios := make([]*config.Scenario, len(opts.Scenarios))
	sources := make([]string, len(opts.Scenarios))
	var errs []error
	for i, arg := range opts.Scenarios {
		if scenarios[i], sources[i], err = loadNamed(ctx, arg, sets); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	c, err := results.CompareScenarios(ctx, scenarios, results.Options{Workers: opts.Workers, Progress: progressLine(std, false)})
	if err != nil {
		return inSource(sources, err)
	}
	if len(opts.Sections) > 0 {
		c.Only(opts.Sections)
	}
	return emit(std.Out, out, f, c)
}
