package main

import (
	"fmt"

	"github.com/spf13/pflag"
)

// RunFlags are the flags run and compare share: how long and how often to
// run, overrides, parallelism and where the output goes.
type RunFlags struct {
	Reps    int
	Seed    string
	Days    string
	Warmup  string
	Sets    []string
	Workers int
	Format  string
	Output  string
}

// add defines the flags; formats lists what the command writes.
func (o *RunFlags) add(f *pflag.FlagSet, formats string) {
	f.IntVarP(&o.Reps, "replications", "r", 0, "number of replications (overrides run.replications)")
	f.StringVar(&o.Seed, "seed", "", "random seed (overrides run.seed)")
	f.StringVar(&o.Days, "days", "", "measured days (overrides run.days)")
	f.StringVar(&o.Warmup, "warmup", "", "warm-up days (overrides run.warmup_days)")
	f.StringArrayVar(&o.Sets, "set", nil, "override a scenario key: path=value (repeatable)")
	f.IntVar(&o.Workers, "workers", 0, "replications run in parallel (default: number of CPUs); never changes results")
	f.StringVarP(&o.Format, "format", "f", "", formats+" (default: from -o's extension, else table)")
	f.StringVarP(&o.Output, "output", "o", "", "write to this file instead of standard output")
}

// sets turns the run flags into --set overrides, so that they reach the
// scenario (and its hash) the same way any other override does.
func (o *RunFlags) sets() ([]string, error) {
	if o.Reps < 0 {
		return nil, badInput{fmt.Errorf("--replications must be at least 1")}
	}
	var out []string
	if o.Reps > 0 {
		out = append(out, fmt.Sprintf("run.replications=%d", o.Reps))
	}
	if o.Seed != "" {
		out = append(out, "run.seed="+o.Seed)
	}
	if o.Days != "" {
		out = append(out, "run.days="+o.Days)
	}
	if o.Warmup != "" {
		out = append(out, "run.warmup_days="+o.Warmup)
	}
	return append(out, o.Sets...), nil
}
