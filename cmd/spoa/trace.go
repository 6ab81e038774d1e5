package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"spoa/config"
	"spoa/results"
	"spoa/sim"
)

// traceFlags are run's flags for writing one replication's contacts. The
// numbers are as given (zero values when not), so that the options of a
// run with no trace are all zero; check reads them.
type traceFlags struct {
	File        string
	Replication given
	Rows        given
	// rep and rows are the numbers read by check.
	rep  int
	rows int64
}

// defaultTraceRows bounds a trace at about 110 MB; it is written as it is
// made, to a file that takes its name once complete.
const defaultTraceRows = 1_000_000

func (t *traceFlags) add(f *pflag.FlagSet) {
	f.StringVar(&t.File, "trace", "", "write one replication's contacts to this CSV file, a row per queue visit (see README)")
	f.Var(&t.Replication, "trace-replication", "the replication --trace writes, from 1 (default 1)")
	f.Var(&t.Rows, "trace-rows", fmt.Sprintf("the most rows --trace may write; a longer trace is refused, exit 2 (default %d)", defaultTraceRows))
}

// check refuses bad trace flags before anything runs, and resolves the
// trace's file; report is where the report goes, inputs the scenario
// files read.
func (t *traceFlags) check(report output, inputs ...string) (output, error) {
	var errs []error
	if t.File == "" {
		for _, g := range []struct {
			flag string
			v    given
		}{{"--trace-replication", t.Replication}, {"--trace-rows", t.Rows}} {
			if g.v.set {
				errs = append(errs, fmt.Errorf("%s: only with --trace FILE", g.flag))
			}
		}
		if len(errs) > 0 {
			return output{}, badInput{errors.Join(errs...)}
		}
		return output{}, nil
	}
	t.rep, t.rows = 1, defaultTraceRows
	if t.Replication.set {
		n, err := strconv.Atoi(strings.TrimSpace(t.Replication.text))
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("--trace-replication %q: expected a whole number, 1 or more", t.Replication.text))
		}
		t.rep = n
	}
	if t.Rows.set {
		n, err := strconv.ParseInt(strings.TrimSpace(t.Rows.text), 10, 64)
		if err != nil || n < 1 {
			errs = append(errs, fmt.Errorf("--trace-rows %q: expected a whole number, 1 or more", t.Rows.text))
		}
		t.rows = n
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
	if t.rep > s.Run.Replications {
		return badInput{fmt.Errorf("--trace-replication %d: the run has %d replication%s", t.rep, s.Run.Replications, plural(s.Run.Replications))}
	}
	m, err := sim.Compile(s)
	if err != nil {
		return nil // the run reports it, with the file it came from
	}
	var rows int64
	err = writeStreamAtomic(out.path, func(w io.Writer) error {
		tw, err := results.NewTraceWriter(w, m, t.rows)
		if err != nil {
			return err
		}
		if _, err := sim.ReplicateTrace(ctx, m, m.Seed, t.rep-1, tw.Write); err != nil {
			return err
		}
		rows = tw.Rows()
		return tw.Flush()
	})
	if errors.Is(err, results.ErrTooManyRows) {
		return badInput{fmt.Errorf("--trace %s: replication %d has more than %d queue visits; raise --trace-rows, or trace fewer --days; nothing was written", t.File, t.rep, t.rows)}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(std.Err, "trace: %d visits of replication %d written to %s\n", rows, t.rep, t.File)
	return nil
}
