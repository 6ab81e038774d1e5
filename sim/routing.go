package sim

import (
	"math"
	"sort"
	"strconv"
)

// Routing: after service a contact goes, by probability, to another queue
// or to a destination. The choice is an exponential race: each route j has
// its own uniform number u_j, drawn from the contact's routing seed and the
// route's key, and the contact takes the route whose −ln(u_j)/p_j is
// least, which is route j with probability p_j / Σp.
//
// Why a race and not one uniform number against cumulative probabilities:
//
//   - It needs no order of routes. A scenario writes routes as a mapping,
//     which YAML, JSON and TOML all leave unordered, so a cumulative table
//     must pick an order (by name, as spoa once did); renaming a queue then
//     reordered the table and sent the same caller elsewhere, and two
//     scenarios whose routes agreed but whose queues were named differently
//     did not pair their callers.
//   - A route's key is what it leads to: a destination by its name, a queue
//     by its place in the scenario's list of queues. Renaming a queue, and
//     every reference to it, changes no caller's route; two scenarios send
//     the same caller to the same destination wherever their routes from
//     that queue agree; routes to queues pair when the scenarios list those
//     queues in the same places.
//   - A small change moves few callers. Moving δ of probability from route X
//     to route Y changes the route of at most 2δ of the callers: a caller
//     changes only if X won before and does not now (at most δ, since X's
//     time only grows and the others' do not shrink but Y's) or Y wins now
//     and did not before (at most δ likewise). With one uniform number and
//     cumulative probabilities, every boundary between X and Y in the table
//     would move by δ, and a caller near any of them would change.

// route is one of a queue's routes: to a queue or (when queue is noQueue)
// to the destination dest, with probability p and the key its uniform
// number is drawn with.
type route struct {
	p     float64
	key   uint64
	queue QueueID
	dest  DestID
}

const noQueue QueueID = -1

// routes is a queue's routing table.
type routes []route

// compileRoutes builds a queue's routing table, leaving out routes of
// probability 0 and ordering the rest by name so that the table does not
// depend on the map's order (the race does not either, but a tie, which
// has probability zero, is then broken the same way in every run). Names
// of queues route to them; any other name is a destination.
func compileRoutes(probs map[string]float64, queues map[string]QueueID, dests *destinations) routes {
	names := make([]string, 0, len(probs))
	for n := range probs {
		names = append(names, n)
	}
	sort.Strings(names)
	var rs routes
	for _, n := range names {
		p := probs[n]
		if p <= 0 {
			continue
		}
		r := route{p: p, queue: noQueue, dest: -1}
		if q, ok := queues[n]; ok {
			r.queue = q
			r.key = splitmix(fnv64("queue#" + strconv.Itoa(int(q))))
		} else {
			r.dest = dests.id(n)
			r.key = splitmix(fnv64("destination:" + n))
		}
		rs = append(rs, r)
	}
	return rs
}

// choose is the route a contact with routing seed takes: the winner of the
// race.
func (rs routes) choose(seed uint64) route {
	best, at := -1, math.Inf(1)
	for i, r := range rs {
		// u in (0, 1]: 53 random bits, never 0.
		u := float64(splitmix(seed^r.key)>>11+1) / (1 << 53)
		if t := -math.Log(u) / r.p; t < at {
			best, at = i, t
		}
	}
	if best < 0 {
		panic("sim: a route table with no route for a draw") // validation gives every queue a route
	}
	return rs[best]
}

// timedRoutes is a routing table that holds in spans of the week, each
// [from, to) in seconds from Monday 00:00.
type timedRoutes struct {
	spans  [][2]float64
	routes routes
}

// routesIn is queue q's routing table at time t: that of the first window
// whose spans hold t's time of the week, else the queue's own.
func (q *Queue) routesIn(t float64) routes {
	if len(q.routesAt) == 0 {
		return q.routes
	}
	tw := t - math.Floor(t/week)*week
	for _, w := range q.routesAt {
		for _, s := range w.spans {
			if tw >= s[0] && tw < s[1] {
				return w.routes
			}
		}
	}
	return q.routes
}

// destinations numbers destinations in order of first mention.
type destinations struct {
	names []string
	ids   map[string]DestID
}

func (d *destinations) id(name string) DestID {
	if id, ok := d.ids[name]; ok {
		return id
	}
	if d.ids == nil {
		d.ids = map[string]DestID{}
	}
	id := DestID(len(d.names))
	d.ids[name] = id
	d.names = append(d.names, name)
	return id
}
