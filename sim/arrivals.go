package sim

import (
	"math"
	"math/rand/v2"

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
func (r *arrivalRate) after(t, e, end float64) (float64, bool) {
	if r.constant > 0 {
		return t + e/r.constant, true
	}
	for {
		bin := int(t/hour) % 168
		binEnd := (math.Floor(t/hour) + 1) * hour
		rate := r.perSecond[bin]
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
// arriving contact a seed of its own (contact.go).
type source struct {
	gaps  *rand.Rand
	seeds *rand.Rand
}

func newSource(seed uint64, rep int, stream string) source {
	return source{
		gaps:  rand.New(generator(seed, rep, "arrivals/"+stream)),
		seeds: rand.New(generator(seed, rep, "contacts/"+stream)),
	}
}
