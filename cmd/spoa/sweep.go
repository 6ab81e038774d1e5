package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"spoa/config"
	"spoa/results"
	"spoa/results/shard"
)

// SweepOptions are the flags of `spoa sweep`.
type SweepOptions struct {
	RunFlags
	File     string
	Vary     []string
	Check    bool
	Progress bool
	Reports  bool
	Shard    string // I/N: run shard I of N of the points and write its part (shard.go)
}

// newSweepCmd fills SweepOptions from the flags and hands them to runF,
// which tests set to see them, or to runSweep.
func newSweepCmd(std *IO, runF func(context.Context, *SweepOptions) error) *cobra.Command {
	opts := &SweepOptions{}
	cmd := &cobra.Command{
		Use:   "sweep [-c FILE] --vary KEY=VALUES [--vary …]",
		Short: "Run a scenario over a grid of values, one row a point",
		Long: `Run one scenario at every point of a grid and show, one row a point, the
values varied and the key figures: for each queue with a target the share
answered within it and whether it was met, each pool's utilisation, the WTE
of all pools, the share of calls abandoned, and whether every target was met.

KEY is any key --set takes. Its values are a list, 4,6,8 or 5m,10m (a value
cannot itself hold a comma), or a range of numbers, FROM..TO in steps of 1
or FROM..TO:STEP (TO is included when a step reaches it). Several --vary
make a grid of every combination, the first key varying slowest; at most
10000 points.

Every point is read and checked before anything runs; if any has a problem,
every problem is listed, each with its point, and nothing is run. (A pool
on shifts has no staff to set: vary pools.NAME.shifts.0.count instead.) Every
point runs with the same seed and replications (the scenario's, or -r and
--seed), so neighbouring points share common random numbers and differ by
the change, not by noise; a point's report is the one
spoa run -c FILE --set KEY=VALUE gives.`,
		Example: `  spoa sweep -c config/scenarios/mmc.yaml --vary pools.agents.staff=17..22
  spoa sweep -c hub.yaml --vary pools.nurse.shrinkage=0.2..0.35:0.05 -r 20 -o sweep.csv
  spoa sweep -c hub.yaml --vary queues.call_111.patience.mean=3m,5m,10m --vary pools.health_advisor.shifts.0.count=11..15:2
  spoa sweep -c blmk-hub-equal --vary pools.nurse.shifts.0.count=2..8:2 --check -f json --reports -o nurses.json`,
		Args: badArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runSweep(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	addScenarioFlag(cmd, &opts.File)
	f.StringArrayVar(&opts.Vary, "vary", nil, "a key and its values: KEY=A,B,C or KEY=FROM..TO[:STEP] (repeatable; several make a grid)")
	opts.RunFlags.add(f, orList(sweepFormats(false)))
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats(sweepFormats(false)))
	f.BoolVar(&opts.Check, "check", false, "exit with status 1 if no point meets every target")
	f.BoolVar(&opts.Progress, "progress", false, "show progress on stderr even when it is not a terminal")
	f.BoolVar(&opts.Reports, "reports", false, "with -f json, add each point's full report under \"report\"")
	f.StringVar(&opts.Shard, "shard", "", "I/N: run the I-th of N blocks of the points (from 1) and write a part for spoa merge to -o FILE")
	return cmd
}

// sweepFormats are what `spoa sweep` writes; reports adds each point's full
// report to the JSON.
func sweepFormats(reports bool) []format[*results.Sweep] {
	return []format[*results.Sweep]{
		tableOf(results.WriteSweepTable),
		jsonOf(func(w io.Writer, sw *results.Sweep) error { return results.WriteSweepJSON(w, sw, reports) }),
		csvOf(results.WriteSweepCSV),
		xlsxOf(sheets(results.SweepSheets)),
	}
}

func runSweep(ctx context.Context, std *IO, opts *SweepOptions) error {
	var spec shard.Spec
	if opts.Shard != "" {
		var err error
		if spec, err = shardFlags(opts.Shard, opts.Format, opts.Output, map[string]bool{"check": opts.Check, "reports": opts.Reports}); err != nil {
			return err
		}
	}
	f, err := pickFormat(sweepFormats(opts.Reports), opts.Format, "-o", opts.Output)
	if err != nil {
		return err
	}
	if opts.Reports && f.name != "json" {
		return badInput{fmt.Errorf("--reports: full reports go in JSON only; add -f json")}
	}
	grid, err := results.ParseGrid(opts.Vary)
	if err != nil {
		return badInput{err}
	}
	out, err := resolveOutput(opts.Output, opts.File)
	if err != nil {
		return err
	}
	sets, err := opts.sets()
	if err != nil {
		return err
	}
	if err := setAlsoVaried(sets, grid.Keys()); err != nil {
		return err
	}
	points := grid.Points()
	scenarios, err := results.LoadPoints(points, func(p []string) (*config.Scenario, string, error) {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		return loadScenario(ctx, opts.File, append(sets[:len(sets):len(sets)], p...))
	})
	if ctx.Err() != nil {
		return interrupted{"nothing was run"}
	}
	if err != nil {
		return err
	}
	if opts.Shard != "" {
		return sweepShard(ctx, std, opts, spec, out, points, scenarios)
	}
	progress := sweepProgress(std, opts.Progress)
	sw, err := results.RunSweep(ctx, points, scenarios, results.SweepOptions{Workers: opts.Workers, Progress: progress})
	if progress != nil && err != nil {
		fmt.Fprintln(std.Err) // end the progress line
	}
	if errors.Is(err, context.Canceled) {
		return partialSweep(std, out, f, sw)
	}
	if err != nil {
		return err
	}
	return emitSweep(std, out, f, sw, opts.Check)
}

// emitSweep writes a sweep (run, or merged from its parts), then its
// points' warnings, and with check says so and returns errUnmet if no
// point meets every target.
func emitSweep(std *IO, out output, f format[*results.Sweep], sw *results.Sweep, check bool) error {
	if err := emit(std.Out, out, f, sw); err != nil {
		return err
	}
	for _, row := range sw.Rows {
		for _, w := range row.Report.Warnings {
			fmt.Fprintf(std.Err, "warning: %s: %s\n", row.Point.Label(), w)
		}
	}
	if check && !sw.AnyMeetsAll() {
		fmt.Fprintf(std.Err, "no point of the %d meets every target\n", len(sw.Rows))
		return errUnmet
	}
	return nil
}

// setAlsoVaried refuses a key both set (--set, or -r, --seed, --days or
// --warmup, which become sets) and varied: one would silently override
// the other.
func setAlsoVaried(sets, keys []string) error {
	var errs []error
	for _, s := range sets {
		k, _, _ := strings.Cut(s, "=")
		k = strings.ToLower(strings.TrimSpace(k))
		for _, v := range keys {
			if k == v {
				errs = append(errs, fmt.Errorf("%s is both set (%s) and varied; drop one", v, s))
			}
		}
	}
	if len(errs) > 0 {
		return badInput{errors.Join(errs...)}
	}
	return nil
}

// sweepProgress shows on stderr the point running and its replications
// done, on one line rewritten in place, when stderr is a terminal or
// force is set; otherwise it is nil.
func sweepProgress(std *IO, force bool) func(point, points int, p results.Point, done, total int) {
	if !std.Terminal && !force {
		return nil
	}
	width := 0
	return func(point, points int, p results.Point, done, total int) {
		line := fmt.Sprintf("point %d/%d %s: %d/%d replications", point, points, p.Label(), done, total)
		pad := max(width-len(line), 0)
		width = len(line)
		fmt.Fprintf(std.Err, "\r%s%s", line, strings.Repeat(" ", pad))
		if point == points && done == total {
			fmt.Fprintln(std.Err)
		}
	}
}

// partialSweep handles Ctrl-C during a sweep as partialReport does for a
// run: with -o FILE, the points that finished are written, marked
// partial, to a temporary file renamed over FILE; nothing goes to
// standard output, where a reader would take it for the whole sweep.
func partialSweep(std *IO, out output, f format[*results.Sweep], sw *results.Sweep) error {
	if out.stdout() {
		return interrupted{"no sweep written"}
	}
	if sw == nil {
		return interrupted{fmt.Sprintf("no point had finished, so %s is left as it was", out.given)}
	}
	if err := emit(std.Out, out, f, sw); err != nil {
		return fmt.Errorf("interrupted, and the partial sweep could not be written: %w", err)
	}
	return interrupted{fmt.Sprintf("wrote the %d of %d points that finished to %s", len(sw.Rows), sw.Requested, out.given)}
}
