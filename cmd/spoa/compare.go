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
	"spoa/results"
	"spoa/sim"
)

// CompareOptions are the flags of `spoa compare`.
type CompareOptions struct {
	Scenarios []string
	Reps      int
	Seed      string
	Days      string
	Warmup    string
	Format    string
	Output    string
	Sets      []string
	Workers   int
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
	f.IntVarP(&opts.Reps, "replications", "r", 0, "replications for every scenario (default: the first scenario's)")
	f.StringVar(&opts.Seed, "seed", "", "seed for every scenario (default: the first scenario's)")
	f.StringVar(&opts.Days, "days", "", "measured days for every scenario")
	f.StringVar(&opts.Warmup, "warmup", "", "warm-up days for every scenario")
	f.StringVarP(&opts.Format, "format", "f", "", "table, json or csv (default: from -o's extension, else table)")
	f.StringVarP(&opts.Output, "output", "o", "", "write the comparison to this file instead of standard output")
	f.StringArrayVar(&opts.Sets, "set", nil, "override a key in every scenario: path=value (repeatable)")
	f.IntVar(&opts.Workers, "workers", 0, "replications run in parallel; never changes results")
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
	sets := runSets(opts.Reps, opts.Seed, opts.Days, opts.Warmup, opts.Sets)
	first, err := loadNamed(opts.Scenarios[0], sets)
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
		s, err := loadNamed(arg, sets)
		if err != nil {
			return err
		}
		m, err := sim.Compile(s)
		if err != nil {
			return badInput{err}
		}
		so := sim.Options{Workers: opts.Workers}
		if std.Terminal {
			so.Progress = func(done, total int) {
				fmt.Fprintf(std.Err, "\r%s: %d/%d replications", s.Name, done, total)
				if done == total {
					fmt.Fprintln(std.Err)
				}
			}
		}
		st, err := sim.Run(ctx, m, so)
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
// such file exists.
func loadNamed(arg string, sets []string) (*config.Scenario, error) {
	if _, err := os.Stat(arg); err != nil {
		for _, n := range config.Names() {
			if n == arg {
				return config.LoadEmbedded(n, sets)
			}
		}
	}
	return config.Load(arg, sets)
}
