package shard

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"spoa/config/load"
	"spoa/results"
	"spoa/sim"
)

// Input is one part given to Merge: its name (the file's, for messages)
// and the part, or why it could not be read.
type Input struct {
	Name string
	Part *Part
	Err  error
}

// Merged is what a set of parts makes: a run's report, or a sweep.
type Merged struct {
	Kind   string
	Report *results.Report
	Sweep  *results.Sweep
}

// Refused is a set of parts that cannot be merged, with every reason.
type Refused struct{ Problems []string }

func (r *Refused) Error() string { return strings.Join(r.Problems, "\n") }

// Merge checks a set of parts and merges them into the report (or sweep)
// the run they split would have given, byte for byte, whatever the order
// of the parts. It refuses, as a *Refused listing every problem, a part
// that could not be read or does not hold what it says, parts of
// different kinds, scenarios, seeds, replications, numbers of shards or
// spoa versions (or of a version other than this one, whose report would
// say another version), and a shard given twice or missing.
func Merge(in []Input) (*Merged, error) {
	var probs []string
	var good []*checked
	for _, x := range in {
		if x.Err != nil {
			probs = append(probs, x.Name+": "+x.Err.Error())
			continue
		}
		c, errs := check(x.Name, x.Part)
		for _, err := range errs {
			probs = append(probs, x.Name+": "+err.Error())
		}
		if len(errs) == 0 {
			good = append(good, c)
		}
	}
	if len(in) == 0 {
		probs = append(probs, "no parts to merge")
	}
	var parts []Input
	for _, x := range in {
		if x.Part != nil {
			parts = append(parts, x)
		}
	}
	disagree := differ(parts)
	probs = append(probs, disagree...)
	if len(disagree) == 0 && len(parts) > 0 && parts[0].Part.Shards <= maxShards {
		probs = append(probs, coverage(parts)...)
	}
	if len(probs) > 0 {
		return nil, &Refused{probs}
	}
	slices.SortFunc(good, func(a, b *checked) int { return cmp.Compare(a.part.Shard, b.part.Shard) })
	if good[0].part.Kind == KindRun {
		return mergeRun(good)
	}
	return mergeSweep(good)
}

// maxShards bounds the shards Merge looks for; more would be a damaged
// file, and looking for each would take a long time.
const maxShards = 1 << 20

// checked is a part whose runs have been checked against their
// scenarios, with their models.
type checked struct {
	name   string
	part   *Part
	models []*sim.Model
}

// check checks a part on its own: its shard, that it holds the block of
// replications (or points) its shard should, and that each run's
// scenario reads back with its hash and its statistics have the shape of
// that scenario's.
func check(name string, p *Part) (*checked, []error) {
	var errs []error
	if p.Kind != KindRun && p.Kind != KindSweep {
		return nil, []error{fmt.Errorf("kind %q: neither %q nor %q", p.Kind, KindRun, KindSweep)}
	}
	if p.Shards < 1 || p.Shard < 1 || p.Shard > p.Shards {
		return nil, []error{fmt.Errorf("shard %d of %d: shards count from 1 to their number", p.Shard, p.Shards)}
	}
	spec := Spec{p.Shard, p.Shards}
	c := &checked{name: name, part: p}
	switch p.Kind {
	case KindRun:
		lo, hi := spec.Block(p.Replications)
		if len(p.Runs) != 1 {
			return nil, []error{fmt.Errorf("a run's part holds %d runs, not 1", len(p.Runs))}
		}
		if r := p.Runs[0]; r.First != lo || len(r.Stats) != hi-lo {
			errs = append(errs, fmt.Errorf("shard %s of %d replications should hold replications %s, and holds %s", spec, p.Replications, span(lo, hi), span(r.First, r.First+len(r.Stats))))
		}
	case KindSweep:
		lo, hi := spec.Block(p.Points)
		var got []int
		for _, r := range p.Runs {
			got = append(got, r.Point)
		}
		if !slices.Equal(got, seq(lo, hi)) {
			errs = append(errs, fmt.Errorf("shard %s of %d points should hold points %s, and holds %s", spec, p.Points, span(lo, hi), ranges(got)))
		}
	}
	for i := range p.Runs {
		m, rerrs := checkRun(p, &p.Runs[i])
		if len(rerrs) > 0 {
			errs = append(errs, rerrs...)
			continue
		}
		c.models = append(c.models, m)
	}
	return c, errs
}

// checkRun reads a run's scenario back, checks its hash and compiles it,
// and checks its statistics against it.
func checkRun(p *Part, r *Run) (*sim.Model, []error) {
	where := ""
	if p.Kind == KindSweep {
		where = fmt.Sprintf("point %d: ", r.Point+1)
	}
	s, err := load.Bytes(r.Scenario, "json", "its scenario", nil)
	if err != nil {
		return nil, []error{fmt.Errorf("%sits scenario cannot be read: %v", where, err)}
	}
	m, err := sim.Compile(s)
	if err != nil {
		return nil, []error{fmt.Errorf("%sits scenario cannot be compiled: %v", where, err)}
	}
	if m.Hash != r.ConfigSHA256 || (p.Kind == KindRun && m.Hash != p.ConfigSHA256) {
		return nil, []error{fmt.Errorf("%sits scenario has hash %s, not the %s it names", where, short(m.Hash), short(r.ConfigSHA256))}
	}
	switch {
	case p.Kind == KindRun && (m.Seed != p.Seed || m.Replications != p.Replications):
		return nil, []error{fmt.Errorf("its scenario has seed %d and %d replications, not the seed %d and %d replications it names", m.Seed, m.Replications, p.Seed, p.Replications)}
	case p.Kind == KindSweep && (r.First != 0 || len(r.Stats) != m.Replications):
		return nil, []error{fmt.Errorf("%sholds replications %s, not all %d of its scenario's", where, span(r.First, r.First+len(r.Stats)), m.Replications)}
	}
	var errs []error
	for k := range r.Stats {
		st := &r.Stats[k]
		if st.Replication != r.First+k {
			errs = append(errs, fmt.Errorf("%sreplication %d where %d should be", where, st.Replication+1, r.First+k+1))
			continue
		}
		for _, err := range leaves(m.CheckShape(st)) {
			errs = append(errs, fmt.Errorf("%s%v", where, err))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return m, nil
}

// leaves lists the errors joined in err, or err alone; none for nil.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// differ says where the parts disagree on what they are parts of: kind,
// scenario, seed, replications, number of shards or spoa version, or a
// version other than this spoa's.
func differ(parts []Input) []string {
	var out []string
	field := func(what string, key func(*Part) string) {
		groups := map[string][]string{}
		for _, x := range parts {
			k := key(x.Part)
			groups[k] = append(groups[k], x.Name)
		}
		if len(groups) < 2 {
			return
		}
		var list []string
		for _, k := range slices.Sorted(maps.Keys(groups)) {
			list = append(list, fmt.Sprintf("%s (%s)", k, strings.Join(groups[k], ", ")))
		}
		out = append(out, fmt.Sprintf("the parts are of different %s: %s", what, strings.Join(list, "; ")))
	}
	field("spoa versions", func(p *Part) string { return p.Version })
	field("kinds, runs and sweeps", func(p *Part) string { return p.Kind })
	field("scenarios", func(p *Part) string { return p.Scenario + " " + short(p.ConfigSHA256) })
	field("seeds", func(p *Part) string { return strconv.FormatUint(p.Seed, 10) })
	field("numbers of replications", func(p *Part) string { return strconv.Itoa(p.Replications) })
	field("numbers of shards", func(p *Part) string { return strconv.Itoa(p.Shards) })
	field("numbers of points", func(p *Part) string { return strconv.Itoa(p.Points) })
	if len(out) == 0 && len(parts) > 0 && parts[0].Part.Version != results.Version {
		out = append(out, fmt.Sprintf("the parts were written by spoa %s and this is spoa %s: merge them with the spoa that ran them", parts[0].Part.Version, results.Version))
	}
	return out
}

// coverage says which shards are given twice and which are missing, of
// parts that agree on their number.
func coverage(parts []Input) []string {
	n := parts[0].Part.Shards
	by := map[int][]string{}
	for _, x := range parts {
		by[x.Part.Shard] = append(by[x.Part.Shard], x.Name)
	}
	var out, missing []string
	var gone []int
	for i := 1; i <= n; i++ {
		switch names := by[i]; {
		case len(names) == 0:
			gone = append(gone, i)
		case len(names) > 1:
			out = append(out, fmt.Sprintf("shard %d/%d is given %d times: %s; give each shard once", i, n, len(names), strings.Join(names, ", ")))
		}
	}
	if len(gone) > 0 {
		missing = append(missing, fmt.Sprintf("missing shard%s %s of %d (%d of %d given): run %s, or give %s", plural(len(gone)), spans(gone), n, n-len(gone), n, them(len(gone)), theirFiles(len(gone))))
	}
	return append(out, missing...)
}

// mergeRun aggregates a run's parts, in shard order.
func mergeRun(parts []*checked) (*Merged, error) {
	var stats []sim.Stats
	for _, c := range parts {
		stats = append(stats, c.part.Runs[0].Stats...)
	}
	m := parts[0].models[0]
	if len(stats) != m.Replications {
		return nil, fmt.Errorf("shard: %d replications merged of %d (a bug in spoa)", len(stats), m.Replications)
	}
	return &Merged{Kind: KindRun, Report: results.Aggregate(m, stats)}, nil
}

// mergeSweep aggregates each point of a sweep's parts, in the grid's
// order, as results.RunSweep does.
func mergeSweep(parts []*checked) (*Merged, error) {
	head := parts[0].part
	sw := &results.Sweep{
		Scenario: head.Scenario, Seed: head.Seed, Replications: head.Replications,
		Days: head.Days, WarmupDays: head.WarmupDays, Keys: head.Keys, Requested: head.Points,
	}
	var points []results.Point
	var models []*sim.Model
	for _, c := range parts {
		for i, r := range c.part.Runs {
			p := results.Point{Keys: head.Keys, Values: r.Values}
			points = append(points, p)
			models = append(models, c.models[i])
			sw.Rows = append(sw.Rows, results.SweepRow{Point: p, Report: results.Aggregate(c.models[i], r.Stats)})
		}
	}
	if len(points) != head.Points {
		return nil, fmt.Errorf("shard: %d points merged of %d (a bug in spoa)", len(points), head.Points)
	}
	if got := SweepHash(points, models); got != head.ConfigSHA256 {
		return nil, &Refused{[]string{fmt.Sprintf("the parts' points make a sweep with hash %s, not the %s they name", short(got), short(head.ConfigSHA256))}}
	}
	return &Merged{Kind: KindSweep, Sweep: sw}, nil
}

// Describe says in a line what a part holds, for spoa merge --list.
func Describe(p *Part) string {
	lo, hi := 0, 0
	what := ""
	switch p.Kind {
	case KindSweep:
		if len(p.Runs) > 0 {
			lo, hi = p.Runs[0].Point, p.Runs[len(p.Runs)-1].Point+1
		}
		what = fmt.Sprintf("sweep of %s over %s, points %s of %d", p.Scenario, strings.Join(p.Keys, " "), span(lo, hi), p.Points)
	default:
		if len(p.Runs) > 0 {
			lo, hi = p.Runs[0].First, p.Runs[0].First+len(p.Runs[0].Stats)
		}
		what = fmt.Sprintf("run of %s, replications %s of %d", p.Scenario, span(lo, hi), p.Replications)
	}
	return fmt.Sprintf("shard %d/%d: %s, seed %d, scenario %s, spoa %s", p.Shard, p.Shards, what, p.Seed, short(p.ConfigSHA256), p.Version)
}

// span writes items [lo, hi), counted from 0, as people count them: "1-67".
func span(lo, hi int) string {
	switch {
	case hi <= lo:
		return "none"
	case hi == lo+1:
		return strconv.Itoa(lo + 1)
	}
	return fmt.Sprintf("%d-%d", lo+1, hi)
}

// ranges writes items counted from 0 as people count them, runs joined:
// "1-3, 7".
func ranges(items []int) string {
	ones := make([]int, len(items))
	for i, x := range items {
		ones[i] = x + 1
	}
	return spans(ones)
}

// spans writes numbers, runs of consecutive ones joined: "2, 5-9".
func spans(xs []int) string {
	if len(xs) == 0 {
		return "none"
	}
	var out []string
	for i := 0; i < len(xs); {
		j := i
		for j+1 < len(xs) && xs[j+1] == xs[j]+1 {
			j++
		}
		if j == i {
			out = append(out, strconv.Itoa(xs[i]))
		} else {
			out = append(out, fmt.Sprintf("%d-%d", xs[i], xs[j]))
		}
		i = j + 1
	}
	return strings.Join(out, ", ")
}

func seq(lo, hi int) []int {
	var out []int
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

func short(hash string) string { return hash[:min(12, len(hash))] }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func theirFiles(n int) string {
	if n == 1 {
		return "its file"
	}
	return "their files"
}
