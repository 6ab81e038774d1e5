package main

import (
	"context"
	"errors"
	"fmt"

	"spoa/config"
	"spoa/results"
	"spoa/sim"
)

// interrupted is a run stopped by Ctrl-C; note says what became of the
// report. It is a context.Canceled, so the exit status is 130.
type interrupted struct{ note string }

func (e interrupted) Error() string { return "interrupted; " + e.note }
func (e interrupted) Unwrap() error { return context.Canceled }

// interruptNote is what main says about an interrupted command's output.
func interruptNote(err error) string {
	var in interrupted
	if errors.As(err, &in) {
		return in.note
	}
	return "no report written"
}

// partialReport handles Ctrl-C during `spoa run -o FILE`. The replications
// that finished (sim.Run returns them, a prefix in order) become a complete
// report marked partial in meta, written as any report is, to a temporary
// file renamed over FILE, so FILE is never half-written. With no
// replication finished, FILE is left as it was. A report to standard output
// is not written: a reader of the stream would take it for the whole run.
func partialReport(std *IO, output, format string, m *sim.Model, s *config.Scenario, stats []sim.Stats) error {
	if output == "" {
		return interrupted{"no report written"}
	}
	if len(stats) == 0 {
		return interrupted{fmt.Sprintf("no replication had finished, so %s is left as it was", output)}
	}
	rep := results.Aggregate(m, stats)
	rep.Meta.Partial, rep.Meta.Completed, rep.Meta.Requested = true, len(stats), s.Run.Replications
	if err := writeReport(std.Out, output, format, rep); err != nil {
		return fmt.Errorf("interrupted, and the partial report could not be written: %w", err)
	}
	return interrupted{fmt.Sprintf("wrote a partial report of the %d of %d replications that finished to %s", len(stats), s.Run.Replications, output)}
}
