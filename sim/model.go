package sim

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"spoa/config"
)

const (
	hour = 3600.0
	day  = 24 * hour
	week = 7 * day
)

// Model is a compiled scenario: names resolved to indices, durations to
// seconds, rotas to weekly step functions. It holds everything a run and
// its report need, and nothing of the scenario file; it is read-only once
// built and shared by every replication.
type Model struct {
	Name string
	// Hash identifies the scenario compiled (config.Hash), for reports.
	Hash string
	// Seed and Replications are the scenario's run: Run simulates
	// replications 0…Replications−1 from Seed unless told otherwise.
	Seed         uint64
	Replications int

	WarmupDays float64 // as the scenario gives them
	Days       float64 // measured days
	Warmup     float64 // seconds
	End        float64 // warm-up plus measured days, seconds

	Streams []Stream
	Queues  []Queue
	Pools   []Pool
	// Dests are the terminal destinations, in order of first mention
	// (queues in file order, each queue's routes by name).
	Dests []string

	// waitCap, when above 0, replaces MaxWaiting; eventCap, when above 0,
	// replaces the event budget (overload.go). Tests lower them.
	waitCap  int
	eventCap uint64
	// noCompact keeps answered contacts' abandonment events in the heap
	// until they fire; tests set it to check compaction changes nothing.
	noCompact bool
	// visits is the expected number of visits of contacts to queues over
	// the horizon, on which the event budget rests (overload.go).
	visits float64
}

// Stream is a compiled demand stream.
type Stream struct {
	Name  string
	Queue int32
	// Channel is the stream's channel ("call", "text", "chat"); text
	// contacts never abandon.
	Channel string
	text    bool
	// rate per second in each hour of the week (168 bins from Monday 00:00);
	// constRate > 0 when the rate never changes.
	rate      [168]float64
	constRate float64
	noDemand  bool
	// PerDay is the mean number of contacts a day.
	PerDay float64

	redial      bool
	redialP     float64
	redialDelay distSpec
}

// Queue is a compiled queue.
type Queue struct {
	Name     string
	Priority int
	// Concurrency is how many of this queue's contacts one staff member
	// holds at once (chat); 1 for everything else.
	Concurrency int
	patience    *distSpec
	// service[i] is the service time when ServedBy[i] serves.
	service  []distSpec
	ServedBy []int32
	// Within is the target wait in seconds (0 when the queue has none);
	// Fraction the share to answer within it.
	Within   float64
	Fraction float64
	routes   []route
}

// Abandons reports whether callers in this queue can run out of patience.
func (q *Queue) Abandons() bool { return q.patience != nil }

// route: a contact leaving service with u < cum takes this route. Exactly
// one of queue and dest is ≥ 0.
type route struct {
	cum   float64
	queue int32
	dest  int32
}

// Pool is a compiled staff pool.
type Pool struct {
	Name      string
	Shrinkage float64
	Clinician bool
	// changes is the on-duty count (after shrinkage, rounded to whole staff)
	// as a step function over one week: level holds from at until the next
	// change. It always has a change at 0.
	changes []rotaChange
	// RosteredWeekHours are rostered staff-hours a week before shrinkage.
	RosteredWeekHours float64
	// OnDutyWeekHours are staff-hours a week available for contacts.
	OnDutyWeekHours float64
	// queues this pool serves, most urgent first, with the index of this
	// pool in each queue's ServedBy (to pick the service time).
	queues []poolQueue
}

type rotaChange struct {
	at    float64
	level int
}

type poolQueue struct {
	queue int32
	slot  int32
	chat  bool // the queue's concurrency is above 1
}

// WTE is whole-time equivalents on the rota: rostered hours a week over
// 37.5 (NHS Agenda for Change).
func (p *Pool) WTE() float64 { return p.RosteredWeekHours / 37.5 }

// Compile checks a scenario (config.Validate) and resolves it into a
// Model; an invalid scenario is refused with every problem, never run.
func Compile(s *config.Scenario) (*Model, error) {
	if err := config.Validate(s); err != nil {
		return nil, err
	}
	m := &Model{
		Name:         s.Name,
		Hash:         config.Hash(s),
		Seed:         s.Run.Seed,
		Replications: s.Run.Replications,
		WarmupDays:   s.Run.WarmupDays,
		Days:         s.Run.Days,
		Warmup:       s.Run.WarmupDays * day,
		End:          (s.Run.WarmupDays + s.Run.Days) * day,
	}
	queueIdx := map[string]int32{}
	for i, q := range s.Queues {
		queueIdx[q.Name] = int32(i)
	}
	poolIdx := map[string]int32{}
	for i, p := range s.Pools {
		poolIdx[p.Name] = int32(i)
	}
	destIdx := map[string]int32{}

	for i, st := range s.Streams {
		cs, err := compileStream(st, queueIdx)
		if err != nil {
			return nil, fmt.Errorf("streams[%d]: %w", i, err)
		}
		m.Streams = append(m.Streams, cs)
	}
	for i, q := range s.Queues {
		cq := Queue{Name: q.Name, Priority: q.Priority, Concurrency: max(q.Concurrency, 1)}
		if q.Patience != nil {
			d, err := compileDist(*q.Patience)
			if err != nil {
				return nil, fmt.Errorf("queues[%d].patience: %w", i, err)
			}
			cq.patience = &d
		}
		for _, pn := range q.ServedBy {
			p, ok := poolIdx[pn]
			if !ok {
				return nil, fmt.Errorf("queues[%d].served_by: unknown pool %q", i, pn)
			}
			dc := q.Service
			if o, ok := q.ServiceBy[pn]; ok {
				dc = o
			}
			d, err := compileDist(dc)
			if err != nil {
				return nil, fmt.Errorf("queues[%d].service: %w", i, err)
			}
			cq.ServedBy = append(cq.ServedBy, p)
			cq.service = append(cq.service, d)
		}
		if q.Target != nil {
			cq.Within, cq.Fraction = q.Target.Within.Seconds(), q.Target.Fraction
		}
		names := make([]string, 0, len(q.Routes))
		for n := range q.Routes {
			names = append(names, n)
		}
		sort.Strings(names)
		cum := 0.0
		for _, n := range names {
			pr := q.Routes[n]
			if pr <= 0 {
				continue
			}
			cum += pr
			r := route{cum: cum, queue: -1, dest: -1}
			if qi, ok := queueIdx[n]; ok {
				r.queue = qi
			} else {
				di, ok := destIdx[n]
				if !ok {
					di = int32(len(m.Dests))
					destIdx[n] = di
					m.Dests = append(m.Dests, n)
				}
				r.dest = di
			}
			cq.routes = append(cq.routes, r)
		}
		if len(cq.routes) == 0 {
			return nil, fmt.Errorf("queues[%d].routes: no route with positive probability", i)
		}
		// Rounding must never leave a draw with nowhere to go.
		cq.routes[len(cq.routes)-1].cum = math.Inf(1)
		m.Queues = append(m.Queues, cq)
	}
	for i, p := range s.Pools {
		cp, err := compilePool(p)
		if err != nil {
			return nil, fmt.Errorf("pools[%d]: %w", i, err)
		}
		m.Pools = append(m.Pools, cp)
	}
	for qi, q := range m.Queues {
		for slot, p := range q.ServedBy {
			m.Pools[p].queues = append(m.Pools[p].queues, poolQueue{queue: int32(qi), slot: int32(slot), chat: q.Concurrency > 1})
		}
	}
	visits := config.ExpectedVisits(s.Queues)
	for _, st := range m.Streams {
		m.visits += st.PerDay * m.End / day * visits[m.Queues[st.Queue].Name]
	}
	for pi := range m.Pools {
		pq := m.Pools[pi].queues
		sort.SliceStable(pq, func(a, b int) bool {
			return m.Queues[pq[a].queue].Priority < m.Queues[pq[b].queue].Priority
		})
	}
	return m, nil
}

func compileStream(st config.Stream, queueIdx map[string]int32) (Stream, error) {
	cs := Stream{Name: st.Name, Channel: st.ChannelOf()}
	cs.text = cs.Channel == "text"
	q, ok := queueIdx[st.Enter]
	if !ok {
		return cs, fmt.Errorf("enter: unknown queue %q", st.Enter)
	}
	cs.Queue = q
	a := st.Arrivals
	perHour := a.PerHour
	if a.PerDay > 0 {
		perHour = a.PerDay / 24
	}
	cs.PerDay = perHour * 24
	hourly := normalised(a.Hourly, 24)
	weekly := normalised(a.Weekly, 7)
	flat := true
	for h := 0; h < 168; h++ {
		cs.rate[h] = perHour / hour * hourly[h%24] * weekly[h/24]
		if cs.rate[h] != cs.rate[0] {
			flat = false
		}
	}
	switch {
	case perHour <= 0:
		cs.noDemand = true
	case flat:
		cs.constRate = cs.rate[0]
	}
	if st.Redial != nil && st.Redial.Probability > 0 {
		d, err := compileDist(st.Redial.Delay)
		if err != nil {
			return cs, fmt.Errorf("redial.delay: %w", err)
		}
		cs.redial, cs.redialP, cs.redialDelay = true, st.Redial.Probability, d
	}
	return cs, nil
}

// normalised scales weights to mean 1; no weights means a flat profile.
func normalised(w []float64, n int) []float64 {
	out := make([]float64, n)
	sum := 0.0
	for _, x := range w {
		sum += x
	}
	for i := range out {
		if len(w) != n || sum <= 0 {
			out[i] = 1
		} else {
			out[i] = w[i] * float64(n) / sum
		}
	}
	return out
}

var dayNames = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// compilePool turns a constant, hourly or shift rota into a weekly step
// function of staff on duty, less shrinkage.
func compilePool(p config.Pool) (Pool, error) {
	cp := Pool{Name: p.Name, Shrinkage: p.Shrinkage, Clinician: p.Clinician}
	// The rostered count at time t of the week is base plus every delta
	// with at <= t; base carries shifts that run over from Sunday night.
	var base float64
	var deltas []rotaDelta
	switch {
	case p.Staff != nil:
		base = *p.Staff
	case len(p.Hourly) > 0:
		if len(p.Hourly) != 24 {
			return cp, fmt.Errorf("hourly: %d counts, not 24", len(p.Hourly))
		}
		prev := 0.0
		for d := 0; d < 7; d++ {
			for h, c := range p.Hourly {
				deltas = append(deltas, rotaDelta{float64(d)*day + float64(h)*hour, c - prev})
				prev = c
			}
		}
	default:
		for si, sh := range p.Shifts {
			start, err := clockTime(sh.Start)
			if err != nil {
				return cp, fmt.Errorf("shifts[%d].start: %w", si, err)
			}
			days := sh.Days
			if len(days) == 0 {
				days = dayNames
			}
			for _, dn := range days {
				d := indexOf(dayNames, strings.ToLower(dn))
				if d < 0 {
					return cp, fmt.Errorf("shifts[%d].days: unknown day %q", si, dn)
				}
				from := float64(d)*day + start
				to := from + sh.Length.Seconds()
				deltas = append(deltas, rotaDelta{from, sh.Count})
				switch {
				case to < week:
					deltas = append(deltas, rotaDelta{to, -sh.Count})
				case to > week: // runs over into Monday
					base += sh.Count
					deltas = append(deltas, rotaDelta{to - week, -sh.Count})
				}
			}
		}
	}
	sort.SliceStable(deltas, func(a, b int) bool { return deltas[a].at < deltas[b].at })

	level, last := base, 0.0
	var rostered float64
	for i := 0; i <= len(deltas); {
		at := week
		if i < len(deltas) {
			at = deltas[i].at
		}
		rostered += level * (at - last)
		cp.addChange(last, level, at)
		if i == len(deltas) {
			break
		}
		for i < len(deltas) && deltas[i].at == at {
			level += deltas[i].d
			i++
		}
		last = at
	}
	cp.RosteredWeekHours = rostered / hour
	for i, c := range cp.changes {
		to := week
		if i+1 < len(cp.changes) {
			to = cp.changes[i+1].at
		}
		cp.OnDutyWeekHours += float64(c.level) * (to - c.at) / hour
	}
	return cp, nil
}

type rotaDelta struct {
	at float64
	d  float64
}

// addChange records that the rostered level holds over [from, to); empty
// spans and repeats of the current on-duty count add nothing.
func (p *Pool) addChange(from, rostered, to float64) {
	if to <= from {
		return
	}
	eff := p.effective(rostered)
	if n := len(p.changes); n > 0 && p.changes[n-1].level == eff {
		return
	}
	p.changes = append(p.changes, rotaChange{from, eff})
}

// effective is the number on duty for a rostered level: less shrinkage,
// rounded to the nearest whole person.
func (p *Pool) effective(rostered float64) int {
	n := math.Round(rostered * (1 - p.Shrinkage))
	if n < 0 {
		return 0
	}
	return int(n)
}

// clockTime parses "HH:MM" into seconds after midnight.
func clockTime(s string) (float64, error) {
	var h, m int
	if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, fmt.Errorf("%q is not a time of day (HH:MM)", s)
	}
	return float64(h)*hour + float64(m)*60, nil
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}
