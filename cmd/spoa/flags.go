package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
)

// RunFlags are the flags run and compare share: how long and how often to
// run, overrides, parallelism and where the output goes.
type RunFlags struct {
	// Reps, Seed, Days and Warmup are as given: each is checked, then
	// becomes a --set override.
	Reps    given
	Seed    given
	Days    given
	Warmup  given
	Sets    []string
	Workers int
	Format  string
	Output  string
}

// add defines the flags; formats lists what the command writes.
func (o *RunFlags) add(f *pflag.FlagSet, formats string) {
	f.VarP(&o.Reps, "replications", "r", "number of replications (overrides run.replications)")
	f.Var(&o.Seed, "seed", "random seed, a whole number (overrides run.seed)")
	f.Var(&o.Days, "days", "measured days (overrides run.days)")
	f.Var(&o.Warmup, "warmup", "warm-up days (overrides run.warmup_days)")
	f.StringArrayVar(&o.Sets, "set", nil, "override a scenario key: path=value (repeatable)")
	f.IntVar(&o.Workers, "workers", 0, "replications run in parallel (default: number of CPUs); never changes results")
	f.StringVarP(&o.Format, "format", "f", "", formats+" (default: from -o's extension, else table)")
	f.StringVarP(&o.Output, "output", "o", "", "write to this file instead of standard output")
}

// sets checks the run flags and turns them into --set overrides, so that
// they reach the scenario (and its hash) the same way any other override
// does. Each must be a number of its kind: a blank one would otherwise
// remove the key it overrides, and a mistyped one reach the scenario.
func (o *RunFlags) sets() ([]string, error) {
	var out []string
	var errs []error
	add := func(flag string, g given, key, what string, ok func(string) bool) {
		if !g.set {
			return
		}
		v := strings.TrimSpace(g.text)
		if !ok(v) {
			errs = append(errs, fmt.Errorf("--%s %q: expected %s", flag, g.text, what))
			return
		}
		out = append(out, key+"="+v)
	}
	add("replications", o.Reps, "run.replications", "a whole number, 1 or more", func(v string) bool {
		n, err := strconv.Atoi(v)
		return err == nil && n >= 1
	})
	add("seed", o.Seed, "run.seed", "a whole number from 0 to 18446744073709551615", func(v string) bool {
		_, err := strconv.ParseUint(v, 10, 64)
		return err == nil
	})
	days := func(v string) bool {
		f, err := strconv.ParseFloat(v, 64)
		return err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	add("days", o.Days, "run.days", "a number of days", days)
	add("warmup", o.Warmup, "run.warmup_days", "a number of days", days)
	if o.Workers < 0 {
		errs = append(errs, fmt.Errorf("--workers %d: expected 1 or more, or 0 for one a CPU", o.Workers))
	}
	if len(errs) > 0 {
		return nil, badInput{errors.Join(errs...)}
	}
	return append(out, o.Sets...), nil
}

// given is a flag's text and whether it was given at all, so that a value
// given empty is told from none.
type given struct {
	text string
	set  bool
}

func (g *given) String() string { return g.text }
func (g *given) Type() string   { return "string" }
func (g *given) Set(s string) error {
	g.text, g.set = s, true
	return nil
}
