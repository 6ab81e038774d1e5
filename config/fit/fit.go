package fit

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"time"

	"spoa/config/records"
)

// Options tune a fit; the zero value is the defaults.
type Options struct {
	// Sample is the most durations kept per queue for the goodness of
	// fit, the Weibull and Kaplan–Meier; 0 means 20,000.
	Sample int
}

// Fitter takes records one at a time (Add, Bad) and then fits (Result).
type Fitter struct {
	opt      Options
	records  int64
	used     int64
	skipped  map[string]int64 // records read but not used, by reason
	bad      map[string]*BadKind
	firstDay int64
	lastDay  int64
	first    time.Time
	last     time.Time
	streams  map[string]*streamAcc
	queues   map[string]*queueAcc
	pools    map[string]*poolAcc
	agents   bool // some record names an agent
	visits   bool // some record has a visit number
	seeds    uint64
}

// BadKind counts the bad records of one kind, with the lines of the first
// of them.
type BadKind struct {
	Kind     string   `json:"kind"`
	Count    int64    `json:"count"`
	Lines    []int    `json:"first_lines"`
	Examples []string `json:"examples"`
}

// maxLines is how many line numbers of each kind of bad record are kept.
const maxLines = 100

// New starts a fit.
func New(opt Options) *Fitter {
	if opt.Sample <= 0 {
		opt.Sample = 20000
	}
	return &Fitter{opt: opt, skipped: map[string]int64{}, bad: map[string]*BadKind{},
		streams: map[string]*streamAcc{}, queues: map[string]*queueAcc{}, pools: map[string]*poolAcc{},
		firstDay: math.MaxInt64, lastDay: math.MinInt64}
}

// Bad counts a record that could not be read.
func (f *Fitter) Bad(b *records.BadRecord) {
	f.records++
	k := f.bad[b.Kind]
	if k == nil {
		k = &BadKind{Kind: b.Kind}
		f.bad[b.Kind] = k
	}
	k.Count++
	if len(k.Lines) < maxLines {
		k.Lines = append(k.Lines, b.Line)
	}
	if len(k.Examples) < 3 {
		k.Examples = append(k.Examples, b.Error())
	}
}

// BadCount is the number of bad records so far.
func (f *Fitter) BadCount() int64 {
	var n int64
	for _, k := range f.bad {
		n += k.Count
	}
	return n
}

// dayNumber is the record's date, as written, in days from 1970-01-01.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// Add takes one good record.
func (f *Fitter) Add(r *records.Record) {
	f.records++
	day := dayNumber(r.Arrive)
	if day < f.firstDay {
		f.firstDay, f.first = day, r.Arrive
	}
	if day > f.lastDay {
		f.lastDay, f.last = day, r.Arrive
	}
	if r.Arrive.Before(f.first) {
		f.first = r.Arrive
	}
	if r.Arrive.After(f.last) {
		f.last = r.Arrive
	}
	qname := cmp.Or(r.Queue, "queue")
	if r.Visit <= 1 {
		sname := cmp.Or(r.Stream, r.Queue, "calls")
		st := f.streams[sname]
		if st == nil {
			st = &streamAcc{daily: map[int64]int64{}, enters: map[string]int64{}}
			f.streams[sname] = st
		}
		st.add(r.Arrive, day, qname)
	}
	if r.Visit > 0 {
		f.visits = true
	}
	q := f.queue(qname)
	q.offered++
	answered, abandoned := !r.Answered.IsZero(), !r.Abandoned.IsZero()
	switch {
	case answered:
		q.answered++
		q.waits.add(r.Answered.Sub(r.Arrive).Seconds(), false)
		pool := cmp.Or(r.Pool, "staff")
		q.pools[pool]++
		var end time.Time
		switch {
		case !r.End.IsZero():
			end = r.End
		case !math.IsNaN(r.Handle):
			end = r.Answered.Add(time.Duration(r.Handle * float64(time.Second)))
		}
		if !end.IsZero() {
			q.service.add(end.Sub(r.Answered).Seconds())
			q.routes[cmp.Or(r.Next, "done")]++
			f.pool(pool).add(r.Answered, end, r.Agent)
		}
		if r.Agent != "" {
			f.agents = true
		}
	case abandoned:
		q.abandoned++
		q.waits.add(r.Abandoned.Sub(r.Arrive).Seconds(), true)
	default:
		f.skipped["neither answered nor abandoned ("+cmp.Or(r.Outcome, "no outcome")+")"]++
	}
	f.used++
}

func (f *Fitter) queue(name string) *queueAcc {
	q := f.queues[name]
	if q == nil {
		f.seeds++
		q = &queueAcc{pools: map[string]int64{}, routes: map[string]int64{}}
		q.service.sample = newReservoir[float64](f.opt.Sample, f.seeds)
		q.waits.sample = newReservoir[wait](f.opt.Sample, f.seeds+1000)
		f.queues[name] = q
	}
	return q
}

func (f *Fitter) pool(name string) *poolAcc {
	p := f.pools[name]
	if p == nil {
		p = &poolAcc{busy: map[dayHour]float64{}, agents: map[dayHour]map[string]struct{}{}}
		f.pools[name] = p
	}
	return p
}

// queueAcc is what is kept of one queue's records.
type queueAcc struct {
	offered, answered, abandoned int64
	service                      durations
	waits                        waits
	pools                        map[string]int64
	routes                       map[string]int64
}

// Result is a fit: every estimate, the counts behind it, and warnings.
type Result struct {
	Records  int64            `json:"records"`
	Used     int64            `json:"used"`
	Skipped  map[string]int64 `json:"skipped,omitempty"`
	Bad      []BadKind        `json:"bad"`
	BadCount int64            `json:"bad_count"`
	From     string           `json:"from"`
	To       string           `json:"to"`
	Days     int64            `json:"days"`
	Streams  []StreamFit      `json:"streams"`
	Queues   []QueueFit       `json:"queues"`
	Pools    []PoolFit        `json:"pools"`
	Warnings []string         `json:"warnings"`
}

// QueueFit is one queue's fit.
type QueueFit struct {
	Name      string       `json:"name"`
	Offered   int64        `json:"offered"`
	Answered  int64        `json:"answered"`
	Abandoned int64        `json:"abandoned"`
	ServedBy  []string     `json:"served_by"`
	Service   *ServiceFit  `json:"service"`
	Patience  *PatienceFit `json:"patience"`
	Routes    []RouteFit   `json:"routes"`
}

// RouteFit is the share of a queue's answered contacts going to one
// queue or destination next.
type RouteFit struct {
	To    string   `json:"to"`
	Queue bool     `json:"queue"`
	Share Estimate `json:"share"`
}

// Thresholds for warnings.
const (
	thinRecords = 200  // fewer behind an estimate than this is thin
	poorKS      = 0.05 // a KS distance above this is a poor fit
	poorKM      = 0.05 // so is a Kaplan–Meier gap above this
	minDays     = 14   // days needed to tell the week's shape and day_cv
)

// Result fits everything added so far.
func (f *Fitter) Result() *Result {
	r := &Result{Records: f.records, Used: f.used, Skipped: f.skipped, BadCount: f.BadCount()}
	for _, k := range slices.Sorted(maps.Keys(f.bad)) {
		r.Bad = append(r.Bad, *f.bad[k])
	}
	if f.used == 0 {
		r.Warnings = append(r.Warnings, "no usable records: nothing to fit")
		return r
	}
	r.From, r.To = f.first.Format(time.RFC3339), f.last.Format(time.RFC3339)
	r.Days = f.lastDay - f.firstDay + 1
	warn := func(format string, args ...any) { r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...)) }
	active := map[int64]bool{}
	for _, st := range f.streams {
		for d := range st.daily {
			active[d] = true
		}
	}
	if empty := r.Days - int64(len(active)); empty > 0 {
		warn("%d of the %d days from the first record to the last have no arrival at all (a stray date, or a gap in the export?): they count as days of no demand", empty, r.Days)
	}
	if r.Days < minDays {
		warn("the records cover %d days: fewer than %d, so the week's shape and how much days vary are not estimated", r.Days, minDays)
	}
	for _, name := range slices.Sorted(maps.Keys(f.streams)) {
		r.Streams = append(r.Streams, f.streams[name].fit(name, f.firstDay, r.Days, warn))
	}
	for _, name := range slices.Sorted(maps.Keys(f.queues)) {
		q := f.queues[name]
		qf := QueueFit{Name: name, Offered: q.offered, Answered: q.answered, Abandoned: q.abandoned}
		pools := slices.Sorted(maps.Keys(q.pools))
		slices.SortStableFunc(pools, func(a, b string) int { return cmp.Compare(q.pools[b], q.pools[a]) })
		qf.ServedBy = pools
		qf.Service = fitService(&q.service)
		switch {
		case qf.Service == nil && q.answered > 0:
			warn("queue %s: no service times to fit (records need answered and end, or handle)", name)
		case qf.Service != nil && qf.Service.N < thinRecords:
			warn("queue %s: service time from only %d records", name, qf.Service.N)
		}
		if s := qf.Service; s != nil && s.KS > poorKS {
			warn("queue %s: service time fits poorly: the %s's CDF is up to %.3f from the data's (KS); look at the times' shape before trusting waits", name, s.Kept, s.KS)
		}
		if s := qf.Service; s != nil && s.Zero > 0 {
			warn("queue %s: %d service times of 0 left out of the fit", name, s.Zero)
		}
		qf.Patience = fitPatience(&q.waits)
		switch {
		case qf.Patience == nil && q.waits.censored > 0:
			warn("queue %s: no caller abandoned, so no patience is fitted (the scenario's callers never abandon here)", name)
		case qf.Patience != nil && qf.Patience.Abandoned < thinRecords:
			warn("queue %s: patience from only %d abandonments", name, qf.Patience.Abandoned)
		}
		if p := qf.Patience; p != nil && p.KMGap > poorKM {
			warn("queue %s: the %s patience is up to %.3f from the Kaplan–Meier estimate", name, p.Kept, p.KMGap)
		}
		var routed int64
		for _, n := range q.routes {
			routed += n
		}
		for _, to := range slices.Sorted(maps.Keys(q.routes)) {
			_, isQueue := f.queues[to]
			qf.Routes = append(qf.Routes, RouteFit{To: to, Queue: isQueue, Share: wilson(q.routes[to], routed)})
			if isQueue && !f.visits {
				warn("queue %s routes to queue %s, but the records have no visit numbers: a transferred contact's second row is counted as a new arrival as well", name, to)
			}
		}
		r.Queues = append(r.Queues, qf)
	}
	for _, name := range slices.Sorted(maps.Keys(f.pools)) {
		r.Pools = append(r.Pools, f.pools[name].fit(name, f.firstDay, r.Days, f.agents))
	}
	if !f.agents && len(r.Pools) > 0 {
		warn("the records name no agents: staff are the most seen busy at once, averaged over each hour of the busiest day, a lower bound on those on duty; give the rota if you have it")
	}
	if r.BadCount > 0 {
		warn("%d bad records left out (listed under bad)", r.BadCount)
	}
	return r
}

// ReadAll adds every record rd has, counting bad ones, until the end of
// the file; it stops early only when the file cannot be read further or
// ctx is done.
func (f *Fitter) ReadAll(ctx context.Context, rd *records.Reader) error {
	var rec records.Record
	for i := 0; ; i++ {
		if i&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		err := rd.Next(&rec)
		var bad *records.BadRecord
		switch {
		case err == io.EOF:
			return rd.Close()
		case errors.As(err, &bad):
			f.Bad(bad)
		case err != nil:
			return fmt.Errorf("line %d: %w", rec.Line, err)
		default:
			f.Add(&rec)
		}
	}
}
