package config

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

func (c *checker) queue(p string, q Queue, pools map[string]int) {
	if q.Priority < 1 {
		c.add(p+".priority", "must be 1 or more (1 is the most urgent), got %d", q.Priority)
	}
	if q.Patience != nil {
		c.dist(p+".patience", *q.Patience)
	}
	if q.Concurrency < 0 || q.Concurrency > maxConcurrency {
		c.add(p+".concurrency", "must be between 1 and %d (chats one staff member holds at once), got %d", maxConcurrency, q.Concurrency)
	}
	c.dist(p+".service", q.Service)
	if len(q.ServedBy) == 0 {
		c.add(p+".served_by", "no pool serves this queue; list at least one pool")
	}
	listed := make(map[string]int, len(q.ServedBy))
	for i, name := range q.ServedBy {
		path := fmt.Sprintf("%s.served_by[%d]", p, i)
		j, seen := listed[name]
		switch _, ok := pools[name]; {
		case !ok:
			c.add(path, "no pool named %q%s", name, c.poolNames)
		case seen:
			c.add(path, "%q is already listed at served_by[%d]", name, j)
		}
		if !seen {
			listed[name] = i
		}
	}
	for _, name := range slices.Sorted(maps.Keys(q.ServiceBy)) {
		path := p + ".service_by." + name
		if _, ok := listed[name]; !ok {
			c.add(path, "%q is not in served_by (%s), so it never serves this queue", name, someNames(q.ServedBy))
		}
		c.dist(path, q.ServiceBy[name])
	}
	if t := q.Target; t != nil {
		if t.Within <= 0 {
			c.add(p+".target.within", "must be more than 0, got %s", t.Within)
		}
		if c.finite(p+".target.fraction", t.Fraction) && (t.Fraction <= 0 || t.Fraction > 1) {
			c.add(p+".target.fraction", "must be more than 0 and at most 1, got %s", num(t.Fraction))
		}
		if t.Per != "" && !slices.Contains(Pers, t.Per) {
			c.add(p+".target.per", "unknown period %q%s; choose %s (the default: over the whole run) or %s (in every hour of the week)",
				t.Per, nearest(t.Per, Pers), PerRun, PerHour)
		}
	}
	c.routes(p+".routes", q.Routes)
	c.timedRoutes(p, q.RoutesAt)
	c.abandonTo(p, q)
}

// abandonTo checks where callers who give up end: a queue with patience,
// destinations only, a routing table's probabilities.
func (c *checker) abandonTo(p string, q Queue) {
	if q.AbandonTo == nil {
		return
	}
	if q.Patience == nil {
		c.add(p+".abandon_to", "the queue has no patience, so nobody gives up waiting in it; give patience or leave abandon_to out")
	}
	for _, to := range slices.Sorted(maps.Keys(q.AbandonTo)) {
		if c.isQueue(to) {
			c.add(p+".abandon_to."+to, "%q is a queue; callers who give up end at a destination (to try again, use the stream's redial)", to)
		}
	}
	c.routes(p+".abandon_to", q.AbandonTo)
}

// routes checks one queue's routing table: names well formed, each
// probability a number in [0, 1], summing to 1.
func (c *checker) routes(p string, routes map[string]float64) {
	if len(routes) == 0 {
		c.add(p, "none given; say where contacts go after service, e.g. {done: 1}")
		return
	}
	ok, sum := true, 0.0
	for _, to := range slices.Sorted(maps.Keys(routes)) {
		path := p + "." + to
		c.name(path, to)
		pr := routes[to]
		if !c.nonNegative(path, pr) {
			ok = false
			continue
		}
		if pr > 1 {
			c.add(path, "a probability must be at most 1, got %s", num(pr))
			ok = false
		}
		sum += pr
	}
	if ok && math.Abs(sum-1) > routeTolerance {
		c.add(p, "probabilities add up to %s, not 1", num(sum))
	}
}

// loops finds queues that no contact can ever leave: from them, every
// route with positive probability leads to another such queue and none
// to a destination, so contacts would circulate forever. It works
// backwards from the exits: a queue can be left if some positive route
// goes to a destination or to a queue that can be left.
func (c *checker) loops(qs []Queue, queues map[string]int) {
	exits := make([]bool, len(qs))
	into := make([][]int, len(qs)) // into[j]: queues with a positive route to j
	var todo []int
	for i, q := range qs {
		if len(q.Routes) == 0 {
			exits[i] = true // reported by routes; not a loop as well
		}
		for _, rs := range q.AllRoutes() {
			for to, pr := range rs {
				if !(pr > 0) {
					continue
				}
				if j, isQueue := queues[to]; isQueue {
					into[j] = append(into[j], i)
				} else {
					exits[i] = true
				}
			}
		}
		if exits[i] {
			todo = append(todo, i)
		}
	}
	for len(todo) > 0 {
		j := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, i := range into[j] {
			if !exits[i] {
				exits[i] = true
				todo = append(todo, i)
			}
		}
	}
	reported := make([]bool, len(qs))
	for i := range qs {
		if exits[i] || reported[i] {
			continue
		}
		trapped := reach(qs, queues, i)
		names := make([]string, len(trapped))
		for k, j := range trapped {
			names[k] = qs[j].Name
			reported[j] = true
		}
		what := "queue " + names[0] + " routes only to itself"
		if len(names) > 1 {
			what = "queues " + strings.Join(names, ", ") + " route only to each other"
		}
		c.add(fmt.Sprintf("queues[%d].routes", i), "routing loop no contact can leave: %s, never to a destination", what)
	}
}

// reach lists, in index order, the queues reachable from queue i (itself
// included) by positive-probability routes.
func reach(qs []Queue, queues map[string]int, i int) []int {
	seen := map[int]bool{i: true}
	stack := []int{i}
	for len(stack) > 0 {
		k := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, rs := range qs[k].AllRoutes() {
			for to, pr := range rs {
				if j, ok := queues[to]; ok && pr > 0 && !seen[j] {
					seen[j] = true
					stack = append(stack, j)
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
