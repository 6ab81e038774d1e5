package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"spoa/config"
	"spoa/results"
	"spoa/results/shard"
)

// shardFlags checks the flags a shard of `spoa run` or `spoa sweep` is
// given: --shard I/N, -o FILE (a part goes to a file, written whole or
// not at all, never to standard output), and none of the flags that shape
// a report, which belong to spoa merge. Every problem is listed.
func shardFlags(spec, format, outPath string, reportFlags map[string]bool) (shard.Spec, error) {
	var errs []error
	s, err := shard.Parse(spec)
	if err != nil {
		errs = append(errs, err)
	}
	if outPath == "" || outPath == "-" {
		errs = append(errs, fmt.Errorf("--shard %s: give -o FILE for the shard's part (spoa merge reads the parts)", spec))
	}
	if format != "" {
		errs = append(errs, fmt.Errorf("--shard %s: -f %s: a shard writes a part, not a report; give the format to spoa merge", spec, format))
	}
	for _, flag := range []string{"check", "timing", "reports"} {
		if reportFlags[flag] {
			errs = append(errs, fmt.Errorf("--shard %s: --%s belongs to spoa merge, which makes the report", spec, flag))
		}
	}
	if len(errs) > 0 {
		return shard.Spec{}, badInput{errors.Join(errs...)}
	}
	return s, nil
}

// writePart writes a shard's part to out, whole or not at all.
func writePart(std *IO, out output, p *shard.Part) error {
	var buf bytes.Buffer
	if err := shard.WritePart(&buf, p); err != nil {
		return err
	}
	if err := writeFileAtomic(out.path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(std.Err, "%s: %s\n", out.given, shard.Describe(p))
	return nil
}

// runShard is `spoa run --shard I/N -o FILE`: the shard's block of the
// replications, written as a part for spoa merge. Ctrl-C writes nothing:
// a part is its whole block or nothing.
func runShard(ctx context.Context, std *IO, opts *RunOptions) error {
	spec, ferr := shardFlags(opts.Shard, opts.Format, opts.Output, map[string]bool{"check": opts.Check, "timing": opts.Timing})
	sets, serr := opts.sets()
	var terr error
	if opts.Trace.File != "" {
		terr = fmt.Errorf("--shard %s: --trace writes one replication of a whole run; run it without --shard", opts.Shard)
	}
	if ferr != nil || serr != nil || terr != nil {
		return badInput{errors.Join(ferr, serr, terr)}
	}
	out, err := resolveOutput(opts.Output, opts.File)
	if err != nil {
		return err
	}
	s, source, err := loadScenario(ctx, opts.File, sets)
	if err != nil {
		return err
	}
	if err := spec.Check(s.Run.Replications, "replications"); err != nil {
		return badInput{err}
	}
	progress := progressLine(std, opts.Progress)
	p, err := shard.RunPart(ctx, s, spec, results.Options{Workers: opts.Workers, Progress: progress})
	if errors.Is(err, context.Canceled) {
		if progress != nil {
			fmt.Fprintln(std.Err)
		}
		return interrupted{fmt.Sprintf("no part written, so %s is left as it was; run shard %s again", out.given, spec)}
	}
	if err != nil {
		return inSource([]string{source}, err)
	}
	return writePart(std, out, p)
}

// sweepShard is `spoa sweep --shard I/N -o FILE`: the shard's block of
// the grid's points, each with all its replications, as a part.
func sweepShard(ctx context.Context, std *IO, opts *SweepOptions, spec shard.Spec, out output, points []results.Point, scenarios []*config.Scenario) error {
	if err := spec.Check(len(points), "points"); err != nil {
		return badInput{err}
	}
	progress := sweepProgress(std, opts.Progress)
	p, err := shard.SweepPart(ctx, points, scenarios, spec, results.SweepOptions{Workers: opts.Workers, Progress: progress})
	if progress != nil && err != nil {
		fmt.Fprintln(std.Err)
	}
	if errors.Is(err, context.Canceled) {
		return interrupted{fmt.Sprintf("no part written, so %s is left as it was; run shard %s again", out.given, spec)}
	}
	if err != nil {
		return err
	}
	return writePart(std, out, p)
}
