package sim

import (
	"math"
	"sort"
)

// route: a contact leaving service with a draw u < cum takes this route,
// to a queue or (when queue is noQueue) to the destination dest.
type route struct {
	cum   float64
	queue QueueID
	dest  DestID
}

const noQueue QueueID = -1

// routes is a queue's routing table, by cumulative probability.
type routes []route

// compileRoutes orders a queue's routes by name, so that the table does
// not depend on the map's order, and leaves out those of probability 0.
// Names of queues route to them; any other name is a destination.
func compileRoutes(probs map[string]float64, queues map[string]QueueID, dests *destinations) routes {
	names := make([]string, 0, len(probs))
	for n := range probs {
		names = append(names, n)
	}
	sort.Strings(names)
	var rs routes
	cum := 0.0
	for _, n := range names {
		p := probs[n]
		if p <= 0 {
			continue
		}
		cum += p
		r := route{cum: cum, queue: noQueue, dest: -1}
		if q, ok := queues[n]; ok {
			r.queue = q
		} else {
			r.dest = dests.id(n)
		}
		rs = append(rs, r)
	}
	// Rounding must never leave a draw with nowhere to go; validation
	// makes the probabilities sum to 1, so there is a last route.
	rs[len(rs)-1].cum = math.Inf(1)
	return rs
}

// choose is the route a draw u in [0, 1) takes.
func (rs routes) choose(u float64) route {
	for _, r := range rs {
		if u < r.cum {
			return r
		}
	}
	panic("sim: a route table with no route for a draw") // the last is +Inf
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
