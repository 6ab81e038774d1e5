package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"spoa/results"
)

// RunOptions are the flags of `spoa run`.
type RunOptions struct {
	RunFlags
	File     string
	Check    bool
	Timing   bool
	Progress bool
	Trace    traceFlags
	Shard    string // I/N: run shard I of N and write its part (shard.go)
}

// newRunCmd fills RunOptions from the flags and hands them to runF, which
// tests set to see them, or to runRun.
func newRunCmd(std *IO, runF func(context.Context, *RunOptions) error) *cobra.Command {
	opts := &RunOptions{}
	cmd := &cobra.Command{
		Use:   "run [-c FILE]",
		Short: "Run a scenario and print or write its report",
		Long: `Run a scenario's replications and report waits, abandonment, utilisation,
flows to each destination and whether each target is met. With no -c, runs
the embedded BLMK baseline; -c takes a file or an embedded scenario's name.
Every key of the scenario can be overridden with --set (for example
--set pools.nurse.shrinkage=0.3 --set queues.clinical.service.mean=25m; a
pool on shifts is staffed by its shifts' counts,
--set pools.nurse.shifts.0.count=12).

The format is -f's, else the one -o's extension names (.txt, .json, .csv,
.html); any other extension is refused before the run.`,
		Example: `  spoa run
  spoa run -c blmk-hub-equal -r 20 -o hub.html
  spoa run -c config/scenarios/mmc.yaml --set pools.agents.staff=21 -f csv
  spoa run --set pools.nurse.shifts.0.count=12 --check
  spoa run -c hub.yaml --days 28 --seed 7 -o report.json`,
		Args: badArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runRun(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	addScenarioFlag(cmd, &opts.File)
	opts.RunFlags.add(f, orList(reportFormats))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(reportFormats))
	f.BoolVar(&opts.Check, "check", false, "exit with status 1 if any target is not met")
	f.BoolVar(&opts.Timing, "timing", false, "add wall-clock time (meta.wall_s) to the report, which then differs run to run")
	f.BoolVar(&opts.Progress, "progress", false, "show progress on stderr even when it is not a terminal")
	opts.Trace.add(f)
	f.StringVar(&opts.Shard, "shard", "", "I/N: run the I-th of N blocks of the replications (from 1) and write a part for spoa merge to -o FILE")
	return cmd
}

func runRun(ctx context.Context, std *IO, opts *RunOptions) error {
	if opts.Shard != "" {
		return runShard(ctx, std, opts)
	}
	f, err := pickFormat(reportFormats, opts.Format, "-o", opts.Output)
	if err != nil {
		return err
	}
	out, err := resolveOutput(opts.Output, opts.File)
	if err != nil {
		return err
	}
	traceOut, err := opts.Trace.check(out, opts.File)
	if err != nil {
		return err
	}
	sets, err := opts.sets()
	if err != nil {
		return err
	}
	s, source, err := loadScenario(ctx, opts.File, sets)
	if err != nil {
		return err
	}
	if err := opts.Trace.write(ctx, std, s, traceOut); err != nil {
		return err
	}
	progress := progressLine(std, opts.Progress)
	if progress != nil {
		progress(s.Name, 0, s.Run.Replications) // the run has started
	}
	start := time.Now()
	rep, err := results.Simulate(ctx, s, results.Options{Workers: opts.Workers, Progress: progress})
	if errors.Is(err, context.Canceled) {
		if progress != nil {
			fmt.Fprintln(std.Err) // end the progress line
		}
		return partialReport(std, out, f, rep)
	}
	if err != nil {
		return inSource([]string{source}, err)
	}
	if opts.Timing {
		wall := time.Since(start).Seconds()
		rep.Meta.WallS = &wall
	}
	if err := emit(std.Out, out, f, rep); err != nil {
		return err
	}
	if f.name != tableFormat || !out.stdout() {
		for _, w := range rep.Warnings {
			fmt.Fprintln(std.Err, "warning:", w)
		}
	}
	if opts.Check {
		return checkTargets(std, rep)
	}
	return nil
}

// checkTargets says on stderr which targets the report does not meet, and
// then returns errUnmet.
func checkTargets(std *IO, rep *results.Report) error {
	var err error
	for _, t := range rep.Targets {
		if !t.Met {
			fmt.Fprintf(std.Err, "target not met: %s: %s: %s\n", t.Queue, t.Goal(), t.Verdict())
			err = errUnmet
		}
	}
	return err
}
