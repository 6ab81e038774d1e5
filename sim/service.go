package sim

// Service level: the share of a queue's served contacts answered within
// its target. One definition, here, serves the report and the staffing
// search, so that a rota the search calls good is one the report calls
// good: each replication's share, then their mean (as results' figures).

// HoursOfWeek is the number of hour-of-week bins, from Monday 00:00.
const HoursOfWeek = 168

// LevelIn is one replication's share of the contacts that joined in hours
// [from, to) of the week and were served, that were served within the
// queue's target; false when none were served then. to may pass 168 to
// wrap into Monday.
func (q *QueueStats) LevelIn(from, to int) (float64, bool) {
	var served, within int64
	for h := from; h < to; h++ {
		served += q.WeekServed[h%HoursOfWeek]
		within += q.WeekWithin[h%HoursOfWeek]
	}
	if served == 0 {
		return 0, false
	}
	return float64(within) / float64(served), true
}

// LevelOfDay is LevelIn for an hour of the day (0–23), over every day of
// the week.
func (q *QueueStats) LevelOfDay(h int) (float64, bool) {
	var served, within int64
	for d := 0; d < 7; d++ {
		served += q.WeekServed[d*24+h]
		within += q.WeekWithin[d*24+h]
	}
	if served == 0 {
		return 0, false
	}
	return float64(within) / float64(served), true
}

// DemandVariesByDay reports whether any stream's demand differs between
// days of the week.
func (m *Model) DemandVariesByDay() bool {
	for i := range m.Streams {
		r := &m.Streams[i].rate.perSecond
		for h := 24; h < HoursOfWeek; h++ {
			if r[h] != r[h%24] {
				return true
			}
		}
	}
	return false
}

// Bins are the hours a target per hour is judged in: 168 hours of the
// week when demand or a rota differs between days (VariesByDay), 24 hours
// of the day, the seven days pooled, otherwise.
func (m *Model) Bins() int {
	if m.VariesByDay() {
		return HoursOfWeek
	}
	return 24
}

// MeanLevel is the mean over replications of queue q's service level in
// bin (an hour of the day when bins is 24, pooling the seven days; an hour
// of the week when it is 168), over the replications that served anyone
// then, and how many those were.
func MeanLevel(st []Stats, q QueueID, bin, bins int) (mean float64, n int) {
	var w Welford
	for i := range st {
		var x float64
		var ok bool
		if bins == 24 {
			x, ok = st[i].Queues[q].LevelOfDay(bin)
		} else {
			x, ok = st[i].Queues[q].LevelIn(bin, bin+1)
		}
		if ok {
			w.Add(x)
		}
	}
	return w.Mean, int(w.N)
}

// OfferedIn is how many joined queue q in bin (as for MeanLevel), over
// every replication.
func OfferedIn(st []Stats, q QueueID, bin, bins int) int64 {
	var n int64
	for i := range st {
		for h := bin; h < HoursOfWeek; h += bins {
			n += st[i].Queues[q].WeekOffered[h]
		}
	}
	return n
}
