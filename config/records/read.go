package records

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Record is one row of contact records: a contact's visit to a queue.
// Empty fields are "" and zero times; Handle is NaN when not given.
type Record struct {
	Line                                         int // in the file, from 1 (the header is line 1)
	Stream, Contact, Queue, Outcome, Pool, Agent string
	Next                                         string
	Visit                                        int // 0 when not given
	Arrive, Answered, Abandoned, End             time.Time
	Handle                                       float64 // seconds
}

// Reader reads records one at a time from CSV, plain or gzip (told by its
// first bytes), with the file's columns mapped onto fields.
type Reader struct {
	csv  *csv.Reader
	gz   *gzip.Reader
	cols map[string]int // field → column index
	// Width is the header's number of columns.
	width int
}

// BadRecord is a row that could not be read: unparseable, or
// inconsistent (answered before it arrived, say). Kind is a short fixed
// description, for counting.
type BadRecord struct {
	Line int
	Kind string
	Msg  string
}

func (b *BadRecord) Error() string { return fmt.Sprintf("line %d: %s", b.Line, b.Msg) }

// NewReader reads the header and checks the mapping: mapping takes a
// column's name in the file to the field it holds (a column named as a
// field needs none). Every problem with the header or the mapping is
// returned at once.
func NewReader(r io.Reader, mapping map[string]string) (*Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	rd := &Reader{}
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("a gzip file that cannot be read: %w", err)
		}
		rd.gz = gz
		rd.csv = csv.NewReader(gz)
	} else {
		rd.csv = csv.NewReader(br)
	}
	rd.csv.FieldsPerRecord = -1
	rd.csv.ReuseRecord = true
	header, err := rd.csv.Read()
	if err == io.EOF {
		return nil, errors.New("the file is empty: no header")
	}
	if err != nil {
		return nil, fmt.Errorf("the header cannot be read: %w", err)
	}
	var errs []error
	for col, field := range mapping {
		if !slices.Contains(Fields, field) {
			errs = append(errs, fmt.Errorf("--map %s=%s: no field %q (fields: %s)", col, field, field, strings.Join(Fields, ", ")))
		}
		if !slices.Contains(header, col) {
			errs = append(errs, fmt.Errorf("--map %s=%s: no column %q in the header (%s)", col, field, col, strings.Join(header, ", ")))
		}
	}
	rd.cols = map[string]int{}
	rd.width = len(header)
	for i, name := range header {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))
		field, ok := mapping[name]
		if !ok {
			if _, mapped := mappedFrom(mapping, name); mapped || !slices.Contains(Fields, name) {
				continue // a column mapped elsewhere, or one fit does not read
			}
			field = name
		}
		if j, dup := rd.cols[field]; dup {
			errs = append(errs, fmt.Errorf("columns %d (%s) and %d (%s) are both field %q", j+1, header[j], i+1, name, field))
			continue
		}
		rd.cols[field] = i
	}
	if _, ok := rd.cols[Arrive]; !ok && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("no column for field %q (the time a contact joined the queue): name one with --map COLUMN=arrive; the header has %s", Arrive, strings.Join(header, ", ")))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rd, nil
}

// mappedFrom reports whether a field name is also the target of some
// other column's mapping (then a column of that name is not read as it).
func mappedFrom(mapping map[string]string, field string) (string, bool) {
	for col, f := range mapping {
		if f == field {
			return col, true
		}
	}
	return "", false
}

// Has reports whether the file has a column for field.
func (rd *Reader) Has(field string) bool {
	_, ok := rd.cols[field]
	return ok
}

// Next reads the next record into rec. It returns io.EOF at the end, a
// *BadRecord for a row that cannot be used (and the caller may carry on),
// or another error when the file itself cannot be read further.
func (rd *Reader) Next(rec *Record) error {
	row, err := rd.csv.Read()
	line, _ := rd.csv.FieldPos(0)
	var pe *csv.ParseError
	switch {
	case err == io.EOF:
		return io.EOF
	case errors.As(err, &pe):
		return &BadRecord{Line: pe.StartLine, Kind: "not CSV", Msg: pe.Err.Error()}
	case err != nil:
		return err
	}
	*rec = Record{Line: line, Handle: math.NaN()}
	if len(row) != rd.width {
		return &BadRecord{Line: line, Kind: "wrong number of columns", Msg: fmt.Sprintf("%d columns, the header has %d", len(row), rd.width)}
	}
	get := func(f string) string {
		if i, ok := rd.cols[f]; ok {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	bad := func(kind, format string, args ...any) error {
		return &BadRecord{Line: line, Kind: kind, Msg: fmt.Sprintf(format, args...)}
	}
	rec.Stream, rec.Contact, rec.Queue = get(Stream), get(Contact), get(Queue)
	rec.Outcome, rec.Pool, rec.Agent, rec.Next = get(Outcome), get(Pool), get(Agent), get(Next)
	if v := get(VisitNo); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return bad("bad visit", "visit %q is not a whole number, 1 or more", v)
		}
		rec.Visit = n
	}
	times := []struct {
		field string
		to    *time.Time
	}{{Arrive, &rec.Arrive}, {Answered, &rec.Answered}, {Abandoned, &rec.Abandoned}, {End, &rec.End}}
	for _, tf := range times {
		v := get(tf.field)
		if v == "" {
			if tf.field == Arrive {
				return bad("no arrival time", "no arrival time (%s)", Arrive)
			}
			continue
		}
		t, err := ParseTime(v)
		if err != nil {
			return bad("unparseable time", "%s: %v", tf.field, err)
		}
		*tf.to = t
	}
	if v := get(Handle); v != "" {
		h, err := strconv.ParseFloat(v, 64)
		switch {
		case err != nil || math.IsNaN(h) || math.IsInf(h, 0):
			return bad("unparseable duration", "%s %q is not a number of seconds", Handle, v)
		case h < 0:
			return bad("negative duration", "%s %s is negative", Handle, v)
		}
		rec.Handle = h
	}
	if rec.Outcome != "" && !slices.Contains(Outcomes, rec.Outcome) {
		return bad("unknown outcome", "outcome %q is none of %s", rec.Outcome, strings.Join(Outcomes, ", "))
	}
	answered, abandoned := !rec.Answered.IsZero(), !rec.Abandoned.IsZero()
	switch {
	case answered && abandoned:
		return bad("answered and abandoned", "both answered (%s) and abandoned (%s)", get(Answered), get(Abandoned))
	case answered && rec.Answered.Before(rec.Arrive):
		return bad("answered before arrival", "answered at %s, before it arrived at %s", get(Answered), get(Arrive))
	case abandoned && rec.Abandoned.Before(rec.Arrive):
		return bad("abandoned before arrival", "abandoned at %s, before it arrived at %s", get(Abandoned), get(Arrive))
	case !rec.End.IsZero() && !answered:
		return bad("ended but not answered", "service ended at %s but no answer time", get(End))
	case !rec.End.IsZero() && rec.End.Before(rec.Answered):
		return bad("negative duration", "service ended at %s, before it was answered at %s", get(End), get(Answered))
	case rec.Outcome == "answered" && !answered, rec.Outcome == "abandoned" && !abandoned:
		return bad("outcome without its time", "outcome %s but no %s time", rec.Outcome, rec.Outcome)
	}
	return nil
}

// Close releases the gzip reader, if any, reporting a corrupt stream.
func (rd *Reader) Close() error {
	if rd.gz != nil {
		return rd.gz.Close()
	}
	return nil
}
