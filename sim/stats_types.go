package sim

// Stats is what one replication measured, in the model's index order. Every
// figure covers the measured days only: counts are of contacts that joined
// (or, for streams and destinations, arrived) after the warm-up, and time
// integrals run from the end of the warm-up to the end of the run.
type Stats struct {
	Replication int
	Events      uint64
	Queues      []QueueStats
	Pools       []PoolStats
	Streams     []StreamStats
	Dests       []DestStats
}

// LateAbandon is the wait after which NHS 111 statistics count a caller
// who hangs up as abandoned (30 s); callers who hang up sooner are left
// out of that count, though not out of Abandoned.
const LateAbandon = 30.0

// QueueStats holds one queue's figures. Offered = Served + Abandoned +
// WaitingAtEnd + TurnedAway always.
type QueueStats struct {
	Offered, Served, Abandoned, WaitingAtEnd int64
	// AbandonedLate counts the abandonments after waiting LateAbandon or
	// longer, as NHS 111 statistics count them.
	AbandonedLate int64
	// TurnedAway counts contacts that found MaxWaiting already waiting and
	// were refused (limits.go).
	TurnedAway int64
	// Wait is over served contacts: seconds from joining to being answered.
	Wait         Welford
	WaitHist     Histogram
	Waited       int64 // served contacts whose wait was above zero
	WithinTarget int64 // served within the queue's target time
	// LengthArea is the time integral of the number waiting (contact-seconds).
	LengthArea float64
	// PeakWaiting is the most contacts waiting at once (whole run).
	PeakWaiting int
	// By hour of day the contact joined.
	HourOffered   [24]int64
	HourAbandoned [24]int64
	HourWait      [24]Welford
	// By hour of the week the contact joined (168 bins from Monday 00:00):
	// joined, served, and served within the target, for service level by
	// interval.
	WeekOffered, WeekServed, WeekWithin [168]int64
}

// PoolStats holds one pool's staff time, in staff-seconds. Busy counts at
// most the number on duty at each moment, so Busy ≤ OnDuty; Overrun is the
// rest: staff finishing the contact in hand after their shift has ended.
type PoolStats struct {
	Busy, Overrun, OnDuty float64
	HourBusy, HourOnDuty  [24]float64
}

// StreamStats holds one stream's figures, over contacts that arrived in the
// measured days.
type StreamStats struct {
	Offered int64 // first attempts
	Redials int64 // further attempts after abandoning
	// Abandoned counts abandonments, in any queue, of the stream's contacts;
	// AbandonedLate those after waiting LateAbandon or longer.
	Abandoned, AbandonedLate int64
	// Answer is the wait until a contact is first answered (in the queue
	// it entered), over contacts answered; a redial's wait counts from the
	// redial.
	Answer Welford
	// ToClinician: seconds from arrival to the start of the first service by
	// a clinician pool, over contacts that reached one.
	ToClinician Welford
	// InSystem: seconds from arrival to reaching a destination.
	InSystem    Welford
	HourOffered [24]int64
}

// DestStats counts contacts reaching a destination, of those that arrived in
// the measured days; Hour is by the hour of day they reached it.
type DestStats struct {
	Count    int64
	ByStream []int64
	Hour     [24]int64
}
