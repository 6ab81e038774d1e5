package sim

import (
	"sort"
	"time"

	"spoa/config"
)

// The clock's units, in seconds.
const (
	hour = 3600.0
	day  = 24 * hour
	week = float64(config.Week / time.Second)
)

// Indices into a Model's lists. Each list has its own type, so that a
// stream's index cannot be passed where a queue's is wanted.
type (
	StreamID int32
	QueueID  int32
	PoolID   int32
	DestID   int32
	// servedSlot is a pool's place in a queue's ServedBy, which picks the
	// service time.
	servedSlot int32
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
	// (queues in file order, each queue's routes by name, which the routing
	// race does not depend on).
	Dests []string
	// then[d] is where contacts reaching destination d go on to, by
	// probability (config.Destination); none for most.
	then map[DestID]routes

	limits limits
}

// Compile checks a scenario (config.Validate) and resolves it into a
// Model; an invalid scenario is refused with every problem, never run, and
// so is one whose replications' statistics would not fit in memory
// (MaxKept).
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
	queues := map[string]QueueID{}
	for i, q := range s.Queues {
		queues[q.Name] = QueueID(i)
	}
	pools := map[string]PoolID{}
	for i, p := range s.Pools {
		pools[p.Name] = PoolID(i)
	}
	for _, st := range s.Streams {
		m.Streams = append(m.Streams, compileStream(s, st, queues[st.Enter]))
	}
	dests := &destinations{}
	for _, q := range s.Queues {
		m.Queues = append(m.Queues, compileQueue(q, pools, queues, dests))
	}
	for _, d := range s.Destinations {
		if m.then == nil {
			m.then = map[DestID]routes{}
		}
		m.then[dests.id(d.Name)] = compileRoutes(d.Then, map[string]QueueID{}, dests)
	}
	m.Dests = dests.names
	for _, p := range s.Pools {
		m.Pools = append(m.Pools, compilePool(p))
	}
	m.assignWork()
	m.markAbandonment()
	m.limits = compileLimits(m, config.ExpectedVisits(s.Queues))
	if err := checkKept(m); err != nil {
		return nil, err
	}
	return m, nil
}

// markAbandonment marks the queues with patience that a call or a chat can
// reach, through routes of positive probability from the queue its stream
// enters.
func (m *Model) markAbandonment() {
	reached := make([]bool, len(m.Queues))
	var todo []QueueID
	for _, s := range m.Streams {
		if !s.text && !reached[s.Queue] {
			reached[s.Queue] = true
			todo = append(todo, s.Queue)
		}
	}
	for len(todo) > 0 {
		q := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		tables := []routes{m.Queues[q].routes}
		for _, w := range m.Queues[q].routesAt {
			tables = append(tables, w.routes)
		}
		for _, rs := range tables {
			for _, r := range rs {
				if r.queue != noQueue && !reached[r.queue] {
					reached[r.queue] = true
					todo = append(todo, r.queue)
				}
			}
		}
	}
	for i := range m.Queues {
		m.Queues[i].abandons = reached[i] && m.Queues[i].patience != nil
	}
}

// assignWork gives each pool the queues it serves, most urgent first.
func (m *Model) assignWork() {
	for qi, q := range m.Queues {
		for slot, p := range q.ServedBy {
			m.Pools[p].queues = append(m.Pools[p].queues, poolQueue{queue: QueueID(qi), slot: servedSlot(slot), chat: q.Concurrency > 1})
		}
	}
	for pi := range m.Pools {
		pq := m.Pools[pi].queues
		sort.SliceStable(pq, func(a, b int) bool {
			return m.Queues[pq[a].queue].Priority < m.Queues[pq[b].queue].Priority
		})
	}
}
