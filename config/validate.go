package config

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Limits on sizes, refused before anything runs: each contact is an event
// and each staff member a slot, so a typo of three extra zeros would
// otherwise run for hours or exhaust memory instead of failing at once.
const (
	maxHorizonDays  = 100000 // days + warmup_days, about 270 years
	maxReplications = 100000
	maxPerHour      = 1e6 // contacts an hour, from one stream
	maxConcurrency  = 100 // chats one staff member can hold
	maxStaff        = 1e5 // staff in one pool at once
)

// routeTolerance is how far route probabilities may sum from 1.
const routeTolerance = 1e-9

// Validate checks a decoded scenario and returns nil or a *Problems listing
// every problem with its path, in file order. It needs no file: a test or
// a sweep that builds or edits a Scenario in memory checks it the same way.
func Validate(s *Scenario) error {
	if s == nil {
		return &Problems{List: []Problem{{Msg: "no scenario"}}}
	}
	c := &checker{
		queueNames: known(s.Queues, func(q Queue) string { return q.Name }),
		poolNames:  known(s.Pools, func(p Pool) string { return p.Name }),
	}
	if s.Name == "" {
		c.add("name", "missing")
	}
	c.run(s.Run)
	c.demand("demand", s.Demand)
	queues := indexNames(s.Queues, func(q Queue) string { return q.Name })
	c.queues = queues
	pools := indexNames(s.Pools, func(p Pool) string { return p.Name })
	c.names("streams", len(s.Streams), func(i int) string { return s.Streams[i].Name })
	c.names("queues", len(s.Queues), func(i int) string { return s.Queues[i].Name })
	c.names("pools", len(s.Pools), func(i int) string { return s.Pools[i].Name })
	for i, st := range s.Streams {
		scale := 1.0 // a bad demand is a problem of its own
		if goodDemand(s.Demand) && goodDemand(st.Demand) {
			scale = s.Scale(st) // which may overflow, though each is good
		}
		c.stream(fmt.Sprintf("streams[%d]", i), st, queues, scale)
	}
	for i, q := range s.Queues {
		c.queue(fmt.Sprintf("queues[%d]", i), q, pools)
	}
	c.loops(s.Queues, queues)
	for i, p := range s.Pools {
		c.pool(fmt.Sprintf("pools[%d]", i), p)
	}
	c.work(s)
	c.destinations(s)
	c.staffing("staffing", s.Staffing)
	SortProblems(c.list)
	return asError("", c.list)
}

// checker collects problems; each check appends and carries on.
type checker struct {
	list []Problem
	// queueNames and poolNames are " (known: …)" for a message about a
	// name that is neither, worked out once however many such names.
	queueNames, poolNames string
	// queues are the scenario's queues by name.
	queues map[string]int
}

// isQueue reports whether name is one of the scenario's queues.
func (c *checker) isQueue(name string) bool {
	_, ok := c.queues[name]
	return ok
}

func (c *checker) add(path, format string, args ...any) {
	c.list = append(c.list, Problem{path, fmt.Sprintf(format, args...)})
}

// indexNames maps each name to its first index; duplicates are reported
// by names.
func indexNames[T any](xs []T, name func(T) string) map[string]int {
	m := make(map[string]int, len(xs))
	for i, x := range xs {
		if _, seen := m[name(x)]; !seen {
			m[name(x)] = i
		}
	}
	return m
}

var nameRE = regexp.MustCompile(`^[a-z0-9_-]+$`)

// names checks that a list is not empty and that its names are present,
// well formed and unique within the list. Different lists may share a name:
// a stream and the queue it enters are often both "nhs111".
func (c *checker) names(list string, n int, name func(int) string) {
	if n == 0 {
		c.add(list, "none given; a scenario needs at least one")
	}
	first := map[string]int{}
	for i := range n {
		p := fmt.Sprintf("%s[%d].name", list, i)
		nm := name(i)
		if nm == "" {
			c.add(p, "missing")
			continue
		}
		c.name(p, nm)
		if j, dup := first[nm]; dup {
			c.add(p, "%q is already the name of %s[%d]", nm, list, j)
			continue
		}
		first[nm] = i
	}
}

// name checks one name's spelling. Names are also keys in a file (routes,
// service_by), and keys must be lower case, so a pool named "GP" could be
// listed in served_by but never given its own service time; refusing
// upper case keeps names and keys alike.
func (c *checker) name(path, nm string) {
	switch {
	case nameRE.MatchString(nm):
	case strings.ToLower(nm) != nm && nameRE.MatchString(strings.ToLower(nm)):
		c.add(path, "%q: names must be lower case (write %q), as keys in the file are", nm, strings.ToLower(nm))
	default:
		c.add(path, "%q: names may use only a-z, 0-9, _ and -", nm)
	}
}

func (c *checker) run(r Run) {
	switch {
	case math.IsNaN(r.Days) || math.IsInf(r.Days, 0) || r.Days <= 0:
		c.add("run.days", "must be more than 0, got %s", num(r.Days))
	}
	switch {
	case math.IsNaN(r.WarmupDays) || math.IsInf(r.WarmupDays, 0) || r.WarmupDays < 0:
		c.add("run.warmup_days", "must be 0 or more, got %s", num(r.WarmupDays))
	}
	if total := r.Days + r.WarmupDays; total > maxHorizonDays {
		c.add("run", "days + warmup_days is %s days, over the limit of %d (about 270 years): every contact is simulated, so this would not finish", num(total), maxHorizonDays)
	}
	switch {
	case r.Replications < 1:
		c.add("run.replications", "must be 1 or more, got %d", r.Replications)
	case r.Replications > maxReplications:
		c.add("run.replications", "%d is over the limit of %d: each replication runs the whole horizon", r.Replications, maxReplications)
	}
}

// num prints a number from the file briefly (0.9, not 0.9000000000000001).
func num(f float64) string { return strconv.FormatFloat(f, 'g', 12, 64) }

// finite reports a NaN or infinite value at path and returns false.
func (c *checker) finite(path string, f float64) bool {
	switch {
	case math.IsNaN(f):
		c.add(path, "not a number (NaN)")
	case math.IsInf(f, 0):
		c.add(path, "must be finite, got %s", num(f))
	default:
		return true
	}
	return false
}

// nonNegative reports NaN, infinite or negative values.
func (c *checker) nonNegative(path string, f float64) bool {
	if !c.finite(path, f) {
		return false
	}
	if f < 0 {
		c.add(path, "must not be negative, got %s", num(f))
		return false
	}
	return true
}

// demand checks a demand multiplier, when given: finite and above 0.
func (c *checker) demand(path string, d *float64) {
	if d != nil && c.finite(path, *d) && *d <= 0 {
		c.add(path, "must be more than 0 (1 leaves demand as it is, 1.1 is 10%% more), got %s", num(*d))
	}
}

// goodDemand reports whether a demand multiplier passes demand's check.
func goodDemand(d *float64) bool {
	return d == nil || (*d > 0 && !math.IsInf(*d, 0))
}

// stream checks one stream; scale is the demand it is multiplied by
// (Scenario.Scale, or 1 where a demand is bad), which the limit on its
// rate takes into account.
func (c *checker) stream(p string, st Stream, queues map[string]int, scale float64) {
	switch _, ok := queues[st.Enter]; {
	case st.Enter == "":
		c.add(p+".enter", "missing: name the queue this stream's contacts join")
	case !ok:
		c.add(p+".enter", "no queue named %q%s", st.Enter, c.queueNames)
	}
	if st.Channel != "" && !slices.Contains(Channels, st.Channel) {
		c.add(p+".channel", "unknown channel %q; choose %s", st.Channel, strings.Join(Channels, ", "))
	}
	c.demand(p+".demand", st.Demand)
	c.arrivals(p+".arrivals", st.Arrivals, scale)
	if r := st.Redial; r != nil {
		if c.finite(p+".redial.probability", r.Probability) && (r.Probability < 0 || r.Probability > 1) {
			c.add(p+".redial.probability", "must be between 0 and 1, got %s", num(r.Probability))
		}
		c.redialDelay(p+".redial.delay", r.Delay)
	}
}

// known lists the names a reference could have used, to make a typo easy
// to spot: a few of them (someNames).
func known[T any](xs []T, name func(T) string) string {
	var names []string
	for _, x := range xs {
		if n := name(x); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " (known: " + someNames(names) + ")"
}

func (c *checker) arrivals(p string, a Arrivals, scale float64) {
	switch {
	case a.PerHour != 0 && a.PerDay != 0:
		c.add(p, "give per_hour or per_day, not both")
		c.rate(p+".per_hour", a.PerHour, 1, scale)
		c.rate(p+".per_day", a.PerDay, 24, scale)
	case a.PerHour != 0:
		c.rate(p+".per_hour", a.PerHour, 1, scale)
	case a.PerDay != 0:
		c.rate(p+".per_day", a.PerDay, 24, scale)
	default:
		c.add(p, "give a rate: per_hour or per_day, more than 0")
	}
	c.weights(p+".hourly", a.Hourly, 24, "hour of the day, from 00:00")
	c.weights(p+".weekly", a.Weekly, 7, "day of the week, Monday first")
	if c.nonNegative(p+".day_cv", a.DayCV) && a.DayCV > MaxDayCV {
		c.add(p+".day_cv", "%s is over %g: a coefficient of variation of days' volumes that large is not of call volumes", num(a.DayCV), float64(MaxDayCV))
	}
}

// rate checks a rate given per hours hours, which demand multiplies by
// scale.
func (c *checker) rate(path string, r, hours, scale float64) {
	if !c.nonNegative(path, r) {
		return
	}
	switch {
	case r/hours > maxPerHour:
		c.add(path, "%s is over the limit of %g contacts an hour: every contact is an event, so this would not finish", num(r), maxPerHour)
	case r*scale/hours > maxPerHour:
		c.add(path, "%s times demand %s is %s contacts an hour, over the limit of %g: every contact is an event, so this would not finish", num(r), num(scale), num(r*scale/hours), maxPerHour)
	}
}

// weights checks a profile: n relative weights, none negative, not all
// zero (they are scaled to mean 1, which all zeros cannot be).
func (c *checker) weights(p string, w []float64, n int, per string) {
	if w == nil {
		return
	}
	if len(w) != n {
		c.add(p, "has %d weights, needs %d (one a %s)", len(w), n, per)
		return
	}
	ok, sum := true, 0.0
	for i, x := range w {
		if !c.nonNegative(fmt.Sprintf("%s[%d]", p, i), x) {
			ok = false
		}
		sum += x
	}
	switch {
	case !ok:
	case sum == 0:
		c.add(p, "all weights are zero; leave the profile out for a flat rate")
	case math.IsInf(sum, 0) || slices.ContainsFunc(Factors(w, n), func(f float64) bool { return math.IsInf(f, 0) }):
		// Weights adding up to infinity scaled to 0 (no demand at all), and
		// a weight above 1e307 to an infinite rate.
		c.add(p, "weights too large to scale to a mean of 1 (they add up to %s); they are relative, so divide them all by the same number", num(sum))
	}
}
