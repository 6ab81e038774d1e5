package results

import (
	"slices"

	"spoa/sim"
)

// Measure is one figure that a section gives for each of its rows: a
// queue's mean wait, a pool's utilisation. Its entry in the section's
// table (measures.go) is the one place that says its name, what people
// call it, its unit and how it is computed; the report and its JSON, CSV
// and text table, and comparisons, all read it from there.
type Measure struct {
	Name  string // the key in JSON and the measure in CSV: "asa_s"
	Label string // what people call it: "mean wait"
	Unit  Unit
	// PerDay marks a total over the measured days (contacts offered,
	// staff-hours), which tables show a day.
	PerDay bool
	// value is the measure in one replication, NaN where it cannot be
	// measured there (a mean wait with nobody served).
	value func(v view) float64
}

// values are the measure's value for s in each replication: what a
// Figure summarises and what a comparison pairs.
func (ms Measure) values(s subject, st []sim.Stats) []float64 {
	out := make([]float64, len(st))
	for i := range st {
		out[i] = ms.value(view{s, &st[i]})
	}
	return out
}

// Section is a table of measures given for every one of a kind of thing:
// each queue, each pool, each stream, each channel, each destination.
type Section struct {
	Name     string // "queues": the key in JSON, the section in CSV and comparisons
	Measures []Measure
	// compare lists the measures a comparison shows, in the order it shows
	// them, which is not always the table's.
	compare []shown
	// rows are the section's rows in a model, in the scenario's order.
	rows func(m *sim.Model) []subject
}

// shown is a measure a comparison shows; where, if set, says for which
// rows (a queue's share within target only where it has a target).
type shown struct {
	measure string
	where   func(s subject) bool
}

// Measure returns the section's measure of that name. It panics if there
// is none: a name in the code that is not in the table is a bug.
func (sec *Section) Measure(name string) Measure { return sec.Measures[sec.mustIndex(name)] }

func (sec *Section) mustIndex(name string) int {
	i := indexOf(sec.Measures, name)
	if i < 0 {
		panic("results: section " + sec.Name + " has no measure " + name)
	}
	return i
}

// indexOf is the place of the measure of that name in ms, or -1.
func indexOf(ms []Measure, name string) int {
	return slices.IndexFunc(ms, func(m Measure) bool { return m.Name == name })
}

// figures are the section's figures for s over the replications.
func (sec *Section) figures(s subject, st []sim.Stats) Figures {
	list := make([]Figure, len(sec.Measures))
	for i, m := range sec.Measures {
		list[i] = figureOf(m.values(s, st)).in(m.Unit)
	}
	return Figures{section: sec, list: list}
}

// subject is what one row of a section is about, as indexes into the
// model's slices and a replication's Stats: a queue, a pool, a stream or
// a destination, or a group of them (a channel's streams, every pool), so
// that a measure of streams serves channels too.
type subject struct {
	name string
	m    *sim.Model
	idx  []int
}

// single makes a subject of each of n things, named by name.
func single(m *sim.Model, n int, name func(i int) string) []subject {
	out := make([]subject, n)
	for i := range out {
		out[i] = subject{name: name(i), m: m, idx: []int{i}}
	}
	return out
}

// view is a subject in one replication: what a measure's value reads.
type view struct {
	subject
	x *sim.Stats
}

// pick takes measures from a table by name, in the order named: a
// channel's measures are some of a stream's.
func pick(from []Measure, names ...string) []Measure {
	out := make([]Measure, len(names))
	for i, n := range names {
		j := indexOf(from, n)
		if j < 0 {
			panic("results: no measure " + n + " to pick")
		}
		out[i] = from[j]
	}
	return out
}
