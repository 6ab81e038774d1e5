package results

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"

	"spoa/config/records"
	"spoa/sim"
)

// TraceWriter writes a replication's visits as CSV, one row a visit, in
// the record format (config/records), with records.TraceColumns as its
// header, and refuses rows beyond a limit.
type TraceWriter struct {
	w     *csv.Writer
	m     *sim.Model
	limit int64
	rows  int64
	row   []string
}

// ErrTooManyRows is returned by Write past the writer's limit.
var ErrTooManyRows = errors.New("too many rows")

// NewTraceWriter writes the header; limit is the most rows it will write
// (0 for no limit).
func NewTraceWriter(w io.Writer, m *sim.Model, limit int64) (*TraceWriter, error) {
	t := &TraceWriter{w: csv.NewWriter(w), m: m, limit: limit, row: make([]string, len(records.TraceColumns))}
	return t, t.w.Write(records.TraceColumns)
}

// Rows is the number of rows written, header not counted.
func (t *TraceWriter) Rows() int64 { return t.rows }

// Write writes one visit.
func (t *TraceWriter) Write(v *sim.Visit) error {
	if t.limit > 0 && t.rows >= t.limit {
		return fmt.Errorf("%w: more than %d", ErrTooManyRows, t.limit)
	}
	t.rows++
	m := t.m
	r := t.row
	r[0] = m.Streams[v.Stream].Name
	r[1] = strconv.FormatInt(v.Contact, 10)
	r[2] = strconv.Itoa(v.Visit)
	r[3] = m.Queues[v.Queue].Name
	r[4] = records.FormatClock(v.Join)
	r[5] = v.Outcome.String()
	r[6], r[7] = "", ""
	switch v.Outcome {
	case sim.Answered:
		r[6] = records.FormatClock(v.At)
	case sim.Abandoned:
		r[7] = records.FormatClock(v.At)
	}
	r[8] = ""
	if v.Pool >= 0 {
		r[8] = m.Pools[v.Pool].Name
	}
	r[9] = records.FormatClock(v.End)
	switch {
	case v.NextQueue >= 0:
		r[10] = m.Queues[v.NextQueue].Name
	case v.NextDest >= 0:
		r[10] = m.Dests[v.NextDest]
	default:
		r[10] = ""
	}
	return t.w.Write(r)
}

// Flush writes what is buffered and returns any error of the writes.
func (t *TraceWriter) Flush() error {
	t.w.Flush()
	return t.w.Error()
}
