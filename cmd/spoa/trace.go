package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"spoa/config"
	"spoa/records"
	"spoa/sim"
)

// traceFlags are run's flags for writing one replication's contacts.
type traceFlags struct {
	File        string
	Replication int
	Rows        int64
}

// defaultTraceRows bounds a trace at about 100 MB, held in memory until
// it is complete.
const defaultTraceRows = 1_000_000

func (t *traceFlags) add(f *pflag.FlagSet) {
	f.StringVar(&t.File, "trace", "", "write one replication's contacts to this CSV file, a row per queue visit (see README)")
	f.IntVar(&t.Replication, "trace-replication", 1, "the replication --trace writes, from 1")
	f.Int64Var(&t.Rows, "trace-rows", defaultTraceRows, "the most rows --trace may write; a longer trace is refused, exit 2")
}

// check refuses bad trace flags before anything runs, and resolves the
// trace's file; report is where the report goes, inputs the scenario
// files read.
func (t *traceFlags) check(report output, inputs ...string) (output, error) {
	if t.File == "" {
		return output{}, nil
	}
	var errs []error
	if t.Replication < 1 {
		errs = append(errs, fmt.Errorf("--trace-replication %d: expected 1 or more", t.Replication))
	}
	if t.Rows < 1 {
		errs = append(errs, fmt.Errorf("--trace-rows %d: expected 1 or more", t.Rows))
	}
	if t.File == "-" {
		errs = append(errs, errors.New("--trace -: name a file; standard output is for the report"))
	}
	if len(errs) > 0 {
		return output{}, badInput{errors.Join(errs...)}
	}
	out, err := resolveOutputFlag("--trace", t.File, inputs...)
	if err == nil && !report.stdout() && out.path == report.path {
		return output{}, badInput{fmt.Errorf("--trace %s: the report goes there too (-o); name another file", t.File)}
	}
	return out, err
}

// write simulates the traced replication of s and writes its visits to
// out, whole or not at all. A trace longer than the bound is bad input
// (exit 2), with nothing written.
func (t *traceFlags) write(ctx context.Context, std *IO, s *config.Scenario, out output) error {
	if t.File == "" {
		return nil
	}
	if t.Replication > s.Run.Replications {
		return badInput{fmt.Errorf("--trace-replication %d: the run has %d replication%s", t.Replication, s.Run.Replications, plural(s.Run.Replications))}
	}
	m, err := sim.Compile(s)
	if err != nil {
		return nil // the run reports it, with the file it came from
	}
	var buf bytes.Buffer
	tw, err := records.NewTraceWriter(&buf, m, t.Rows)
	if err != nil {
		return err
	}
	if _, err := sim.ReplicateTrace(ctx, m, m.Seed, t.Replication-1, tw.Write); err != nil {
		if errors.Is(err, records.ErrTooManyRows) {
			return badInput{fmt.Errorf("--trace %s: replication %d has more than %d queue visits; raise --trace-rows, or trace fewer --days; nothing was written", t.File, t.Replication, t.Rows)}
		}
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := writeFileAtomic(out.path, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(std.Err, "trace: %d visits of replication %d written to %s\n", tw.Rows(), t.Replication, t.File)
	return nil
}
