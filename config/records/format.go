package records

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Epoch is the calendar time of the simulation clock's zero in a trace: a
// Monday, as the clock's zero is.
var Epoch = time.Date(2024, time.January, 1, 0, 0, 0, 0, time.UTC)

// TimeLayout is how a trace writes times: ISO 8601, UTC, milliseconds.
const TimeLayout = "2006-01-02T15:04:05.000Z07:00"

// The fields of a record, and the columns of a trace, in the trace's
// order. Only Arrive is required of records read; the others, where a
// file has them, say more.
const (
	Stream    = "stream"    // the demand stream (or line, or service)
	Contact   = "contact"   // a contact's identifier
	VisitNo   = "visit"     // 1 for the queue first joined, then 2, 3 …
	Queue     = "queue"     // the queue (skill, split) of this visit
	Arrive    = "arrive"    // when the contact joined this queue
	Outcome   = "outcome"   // answered, abandoned, turned_away or waiting
	Answered  = "answered"  // when it was answered
	Abandoned = "abandoned" // when the caller hung up unanswered
	Pool      = "pool"      // the staff pool (team) that answered
	End       = "end"       // when service ended
	Next      = "next"      // the queue or destination it went to next
	Agent     = "agent"     // the staff member who answered (not in a trace)
	Handle    = "handle"    // handling time in seconds, where there is no end
)

// TraceColumns are a trace's columns, in order.
var TraceColumns = []string{Stream, Contact, VisitNo, Queue, Arrive, Outcome, Answered, Abandoned, Pool, End, Next}

// Fields are every field a record may have, for --map and messages.
var Fields = append(append([]string{}, TraceColumns...), Agent, Handle)

// The outcomes a record may name.
var Outcomes = []string{"answered", "abandoned", "turned_away", "waiting"}

// FormatClock writes a time on the simulation clock, seconds from Epoch,
// as a trace does; NaN is an empty field.
func FormatClock(t float64) string {
	if math.IsNaN(t) {
		return ""
	}
	ms := math.Round(t * 1000)
	return Epoch.Add(time.Duration(ms) * time.Millisecond).Format(TimeLayout)
}

// layouts are the ISO 8601 forms a record's time may take.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
}

// ParseTime reads an ISO 8601 time. A time with no zone is read as UTC,
// which keeps its clock time: the hour of day and the weekday are those
// written.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not an ISO 8601 time (such as 2024-01-01T08:30:00Z)", s)
}
