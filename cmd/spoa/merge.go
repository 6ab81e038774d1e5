package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"spoa/results"
	"spoa/results/shard"
)

// MergeOptions are the flags of `spoa merge`.
type MergeOptions struct {
	Parts   []string
	Format  string
	Output  string
	Check   bool
	List    bool
	Reports bool
}

// newMergeCmd fills MergeOptions from the flags and hands them to runF,
// which tests set to see them, or to runMerge.
func newMergeCmd(std *IO, runF func(context.Context, *MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{}
	cmd := &cobra.Command{
		Use:   "merge PART… [-f FORMAT] [-o FILE]",
		Short: "Merge the parts of a run or sweep split by --shard into its report",
		Long: `Merge the parts that spoa run --shard I/N (or spoa sweep --shard I/N)
wrote into the report the whole run gives, byte for byte, whatever the order
of the files. The parts must be of one scenario, seed, number of
replications, number of shards and spoa version (this one), each shard given
once and none missing; otherwise every problem is listed and nothing is
written (exit 2). --list says what each part holds and which shards are
missing.`,
		Example: `  spoa run -c hub.yaml -r 200 --shard 1/4 -o part-1.json   # … to --shard 4/4
  spoa merge part-*.json -o report.html
  spoa merge --list part-*.json`,
		Args: badArgs(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Parts = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return runMerge(cmd.Context(), std, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "", "a run's: "+orList(reportFormats)+"; a sweep's: "+orList(sweepFormats(false))+" (default: from -o's extension, else table)")
	f.StringVarP(&opts.Output, "output", "o", "", "write to this file instead of standard output")
	f.BoolVar(&opts.Check, "check", false, "exit with status 1 if a target is not met (a sweep: if no point meets every target)")
	f.BoolVar(&opts.List, "list", false, "say what each part holds and which shards are missing; write no report")
	f.BoolVar(&opts.Reports, "reports", false, "a sweep's JSON: add each point's full report under \"report\"")
	return cmd
}

func runMerge(ctx context.Context, std *IO, opts *MergeOptions) error {
	out, err := resolveOutput(opts.Output, opts.Parts...)
	if err != nil {
		return err
	}
	in := make([]shard.Input, len(opts.Parts))
	for i, name := range opts.Parts {
		if err := ctx.Err(); err != nil {
			return interrupted{"nothing merged"}
		}
		in[i] = shard.Input{Name: name}
		in[i].Part, in[i].Err = readPart(name)
	}
	merged, err := shard.Merge(in)
	if opts.List {
		for _, x := range in {
			if x.Part != nil {
				fmt.Fprintf(std.Out, "%s: %s\n", x.Name, shard.Describe(x.Part))
			}
		}
		if err == nil {
			fmt.Fprintf(std.Out, "complete: %d parts, every shard once\n", len(in))
		}
	}
	if refused := new(shard.Refused); errors.As(err, &refused) {
		return badInput{fmt.Errorf("cannot merge, nothing written:\n%w", refused)}
	}
	if err != nil || opts.List {
		return err
	}
	if merged.Kind == shard.KindSweep {
		return emitSweepParts(std, out, opts, merged.Sweep)
	}
	return emitReport(std, out, opts, merged.Report)
}

// readPart reads a part file: a regular file (a pipe or device is
// refused, not waited on).
func readPart(name string) (*shard.Part, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, unwrapPath(err)
	}
	return shard.ReadPart(data)
}

func emitReport(std *IO, out output, opts *MergeOptions, rep *results.Report) error {
	if opts.Reports {
		return badInput{errors.New("--reports: these are the parts of a run, not of a sweep")}
	}
	f, err := pickFormat(reportFormats, opts.Format, "-o", opts.Output)
	if err != nil {
		return err
	}
	if err := emit(std.Out, out, f, rep); err != nil {
		return err
	}
	if f.name != "table" || !out.stdout() {
		for _, w := range rep.Warnings {
			fmt.Fprintln(std.Err, "warning:", w)
		}
	}
	if opts.Check {
		return checkTargets(std, rep)
	}
	return nil
}

func emitSweepParts(std *IO, out output, opts *MergeOptions, sw *results.Sweep) error {
	f, err := pickFormat(sweepFormats(opts.Reports), opts.Format, "-o", opts.Output)
	if err != nil {
		return err
	}
	if opts.Reports && f.name != "json" {
		return badInput{fmt.Errorf("--reports: full reports go in JSON only; add -f json")}
	}
	return emitSweep(std, out, f, sw, opts.Check)
}
