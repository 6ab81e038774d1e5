package main

import (
	"context"
	"errors"
	"fmt"

	"spoa/results"
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

// partialReport handles Ctrl-C during `spoa run -o FILE`. The report of the
// replications that finished (results.Simulate makes it, marked partial)
// is written as any report is, to a temporary file renamed over FILE, so
// FILE is never half-written. With no replication finished there is no
// report, and FILE is left as it was. A report to standard output is not
// written: a reader of the stream would take it for the whole run.
func partialReport(std *IO, out output, f format[*results.Report], rep *results.Report) error {
	if out.stdout() {
		return interrupted{"no report written"}
	}
	if rep == nil {
		return interrupted{fmt.Sprintf("no replication had finished, so %s is left as it was", out.given)}
	}
	if err := emit(std.Out, out, f, rep); err != nil {
		return fmt.Errorf("interrupted, and the partial report could not be written: %w", err)
	}
	return interrupted{fmt.Sprintf("wrote a partial report of the %d of %d replications that finished to %s", rep.Meta.Completed, rep.Meta.Requested, out.given)}
}
