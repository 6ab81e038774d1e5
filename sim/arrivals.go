package sim

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"

	"spoa/config"
)

// Stream is a compiled demand stream.
type Stream struct {
	Name  string
	Queue QueueID
	// Channel is the stream's channel ("call", "text", "chat"); text
	// contacts never abandon.
	Channel string
	text    bool
	// PerDay is the mean number of contacts a day.
	PerDay float64
	rate   arrivalRate
	// dayCV, above 0, multiplies each day's rate by a gamma factor of mean
	// 1 and this coefficient of variation (dayFactors).
	dayCV float64

	redial      bool
	redialP     float64
	redialDelay distSpec
}

// compileStream compiles one stream of s; its rate is the file's, times
// the scenario's and the stream's demand (exactly the file's when neither
// is given).
func compileStream(s *config.Scenario, st config.Stream, q QueueID) Stream {
	cs := Stream{Name: st.Name, Queue: q, Channel: st.ChannelOf()}
	cs.text = cs.Channel == "text"
	perHour := s.StreamPerHour(st)
	cs.PerDay = perHour * 24
	cs.rate = compileRate(perHour, st.Arrivals.Hourly, st.Arrivals.Weekly)
	cs.dayCV = st.Arrivals.DayCV
	if st.Redial != nil && st.Redial.Probability > 0 {
		cs.redial, cs.redialP, cs.redialDelay = true, st.Redial.Probability, compileDist(st.Redial.Delay)
	}
	return cs
}

// arrivalRate is a non-homogeneous Poisson rate, constant within each hour
// of the week.
type arrivalRate struct {
	// perSecond in each hour of the week (168 bins from Monday 00:00).
	perSecond [168]float64
	// constant is above 0 when the rate never changes; none when there is
	// no demand at all.
	constant float64
	none     bool
}

// compileRate shapes a mean rate an hour by the hour-of-day and
// day-of-week weights, each scaled to mean 1.
func compileRate(perHour float64, hourly, weekly []float64) arrivalRate {
	var r arrivalRate
	h := config.Factors(hourly, 24)
	w := config.Factors(weekly, 7)
	flat := true
	for i := range r.perSecond {
		r.perSecond[i] = perHour / hour * h[i%24] * w[i/24]
		if r.perSecond[i] != r.perSecond[0] {
			flat = false
		}
	}
	switch {
	case perHour <= 0:
		r.none = true
	case flat:
		r.constant = r.perSecond[0]
	}
	return r
}

// after is the time of the next arrival after t, given e, a draw of the
// unit exponential: the integrated rate is inverted, which is exact and
// needs no thinning. It reports false when no arrival comes before end.
// For a stream whose days vary, d scales each hour's rate by the day's
// factor; d is nil otherwise.
func (r *arrivalRate) after(t, e, end float64, d *dayFactors) (float64, bool) {
	if r.constant > 0 && d == nil {
		return t + e/r.constant, true
	}
	for {
		bin := int(t/hour) % 168
		binEnd := (math.Floor(t/hour) + 1) * hour
		rate := r.perSecond[bin]
		if d != nil {
			rate *= d.at(int(t / day))
		}
		if rate*(binEnd-t) >= e {
			return t + e/rate, true
		}
		e -= rate * (binEnd - t)
		t = binEnd
		if t >= end {
			return 0, false
		}
	}
}

// source is one stream's randomness in one replication: a generator for
// the times between arrivals (a unit exponential each, which
// arrivalRate.after turns into the next arrival), and one that gives each
// arriving contact a seed of its own (contact.go); and, for a stream whose
// days vary, the days' factors, from a generator of their own so that
// every other random number is the one it would be without them.
type source struct {
	gaps  *rand.Rand
	seeds *rand.Rand
	days  *dayFactors // nil unless the stream's day_cv is above 0
}

func newSource(seed uint64, rep int, st *Stream) source {
	src := source{
		gaps:  rand.New(generator(seed, rep, "arrivals/"+st.Name)),
		seeds: rand.New(generator(seed, rep, "contacts/"+st.Name)),
	}
	if st.dayCV > 0 {
		k := 1 / (st.dayCV * st.dayCV)
		src.days = &dayFactors{gen: generator(seed, rep, "days/"+st.Name), shape: k, day: -1}
	}
	return src
}

// dayFactors are one stream's days' volume factors in one replication,
// gamma with mean 1 and shape 1/cv², drawn day by day in order as the
// stream's clock reaches each day, so that day n's factor is the same
// whenever it is first asked for.
type dayFactors struct {
	gen    *rand.PCG
	shape  float64
	day    int
	factor float64
}

// at is day n's factor; n never decreases from one call to the next.
func (d *dayFactors) at(n int) float64 {
	for d.day < n {
		d.factor = distuv.Gamma{Alpha: d.shape, Beta: d.shape, Src: d.gen}.Rand()
		d.day++
	}
	return d.factor
}
