package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

// CompareOptions are the flags of `spoa compare`.
type CompareOptions struct {
	RunFlags
	Scenarios []string
	Sections  []string
}

func newCompareCmd(std *IO) *cobra.Command {
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
		Args: badArgs(cobra.MinimumNArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Scenarios = args
			return runCompare(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	opts.RunFlags.add(f, "table, json or csv")
	f.StringSliceVar(&opts.Sections, "sections", nil, "show only these sections: "+strings.Join(results.CompareSections, ", "))
	return cmd
}

func runCompare(ctx context.Context, std *IO, opts *CompareOptions) error {
	format, err := reportFormat(opts.Format, opts.Output, "table", "json", "csv")
	if err != nil {
		return badInput{err}
	}
	for _, s := range opts.Sections {
		if !slices.Contains(results.CompareSections, s) {
			return badInput{fmt.Errorf("--sections: no section %q; choose from %s", s, strings.Join(results.CompareSections, ", "))}
		}
	}
	sets, err := opts.sets()
	if err != nil {
		return err
	}
	first, _, err := loadNamed(opts.Scenarios[0], sets)
	if err != nil {
		return err
	}
	// Every scenario runs with the first one's seed and replications,
	// so replication i of each draws on the same random streams.
	seed, reps := first.Run.Seed, first.Run.Replications
	sets = append(sets, "run.seed="+strconv.FormatUint(seed, 10), fmt.Sprintf("run.replications=%d", reps))

	var runs []results.Run
	seen := map[string]int{}
	for _, arg := range opts.Scenarios {
		s, source, err := loadNamed(arg, sets)
		if err != nil {
			return err
		}
		m, err := sim.Compile(s)
		if err != nil {
			return badInput{fmt.Errorf("%s: %w", source, err)}
		}
		st, err := sim.Run(ctx, m, sim.Options{Workers: opts.Workers, Progress: progress(std, false, s.Name)})
		if err != nil {
			return err
		}
		name := s.Name
		if seen[name]++; seen[name] > 1 {
			name = fmt.Sprintf("%s (%d)", name, seen[name])
		}
		runs = append(runs, results.Run{Name: name, Model: m, Stats: st})
	}
	c := results.Compare(seed, runs)
	if len(opts.Sections) > 0 {
		c.Only(opts.Sections)
	}
	write := results.WriteCompareTable
	switch format {
	case "json":
		write = results.WriteCompareJSON
	case "csv":
		write = results.WriteCompareCSV
	}
	return emit(std.Out, opts.Output, func(w io.Writer) error { return write(w, c) })
}

// loadNamed loads a scenario file, or an embedded scenario by name when no
// such file exists; it also returns where the scenario came from.
func loadNamed(arg string, sets []string) (*config.Scenario, string, error) {
	if _, err := os.Stat(arg); err != nil && slices.Contains(config.Names(), arg) {
		s, err := load.Embedded(arg, sets)
		return s, "embedded:" + arg, err
	}
	s, err := load.File(arg, sets)
	return s, arg, err
}
