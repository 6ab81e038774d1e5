package config

import (
	"fmt"
	"maps"
	"slices"
)

// Destination is a destination that contacts go on from: each contact
// reaching it is counted there and then, by probability, at one of Then's
// destinations too. An ambulance, say, conveys about half of its patients
// to A&E ({ed: 0.5, treated_at_scene: 0.5}), so that A&E's count holds the
// conveyed as well as those sent there directly.
type Destination struct {
	Name string             `mapstructure:"name" json:"name"`
	Then map[string]float64 `mapstructure:"then" json:"then"`
}

// destinations checks the destinations: each a name that routes reach and
// no queue, given once, going on to destinations that go on no further.
func (c *checker) destinations(s *Scenario) {
	reached := map[string]bool{}
	for _, q := range s.Queues {
		for _, rs := range append(q.AllRoutes(), q.AbandonTo) {
			for to := range rs {
				if !c.isQueue(to) {
					reached[to] = true
				}
			}
		}
	}
	named := map[string]int{}
	for i, d := range s.Destinations {
		if _, seen := named[d.Name]; !seen {
			named[d.Name] = i
		}
	}
	for i, d := range s.Destinations {
		p := fmt.Sprintf("destinations[%d]", i)
		switch {
		case d.Name == "":
			c.add(p+".name", "missing")
		case c.isQueue(d.Name):
			c.add(p+".name", "%q is a queue; name a destination that routes reach", d.Name)
		case named[d.Name] != i:
			c.add(p+".name", "%q is already given at destinations[%d]", d.Name, named[d.Name])
		case !reached[d.Name]:
			c.add(p+".name", "no route reaches %q, so nothing goes on from it", d.Name)
		}
		for _, to := range slices.Sorted(maps.Keys(d.Then)) {
			path := p + ".then." + to
			if c.isQueue(to) {
				c.add(path, "%q is a queue; contacts go on to destinations only", to)
			}
			if j, ok := named[to]; ok {
				c.add(path, "%q goes on itself (destinations[%d]); contacts go on one step only", to, j)
			}
		}
		c.routes(p+".then", d.Then)
	}
}
