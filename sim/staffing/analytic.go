package staffing

import (
	"math"

	"spoa/config"
	"spoa/sim"
)

const hours = sim.HoursOfWeek

// loads is the offered work in each hour of the week, worked out from the
// scenario's rates and routes as if every hour were in a steady state.
type loads struct {
	// rate[q][h] is contacts an hour joining queue q in hour h.
	rate [][hours]float64
	// pool[p][h] is the load, in Erlangs, that pool p carries in hour h as
	// the first pool of the queues it serves; sole[p][h] that of the
	// queues it alone serves, and waits[p][h] the part of sole[p][h] that
	// may wait for a later hour: queues with a target whose contacts never
	// give up.
	pool, sole, waits [][hours]float64
}

// offered works out the loads of a compiled model and its scenario.
func offered(s *config.Scenario, m *sim.Model) loads {
	nq, np := len(m.Queues), len(m.Pools)
	l := loads{rate: make([][hours]float64, nq), pool: make([][hours]float64, np), sole: make([][hours]float64, np), waits: make([][hours]float64, np)}
	queue := map[string]int{}
	for i, q := range s.Queues {
		queue[q.Name] = i
	}
	var ext [][hours]float64 = make([][hours]float64, nq)
	for i := range m.Streams {
		st := &m.Streams[i]
		for h := range hours {
			ext[st.Queue][h] += st.PerHourOfWeek(h)
		}
	}
	// λ = ext + Pᵀλ by repeated substitution: validation refuses loops
	// that no contact leaves, so it converges.
	for h := range hours {
		lam := make([]float64, nq)
		for range 500 {
			next := make([]float64, nq)
			for q := range nq {
				next[q] += ext[q][h]
				for to, p := range s.Queues[q].RoutesIn(float64(h)*3600 + 1800) {
					if j, ok := queue[to]; ok {
						next[j] += p * lam[q]
					}
				}
			}
			done := true
			for q := range nq {
				if math.Abs(next[q]-lam[q]) > 1e-9*(1+lam[q]) {
					done = false
				}
			}
			lam = next
			if done {
				break
			}
		}
		for q := range nq {
			l.rate[q][h] = lam[q]
		}
	}
	for q, cq := range s.Queues {
		if len(m.Queues[q].ServedBy) == 0 {
			continue
		}
		p := int(m.Queues[q].ServedBy[0])
		per := serviceMean(cq, cq.ServedBy[0]) / float64(max(cq.Concurrency, 1))
		for h := range hours {
			a := l.rate[q][h] / 3600 * per
			l.pool[p][h] += a
			if len(cq.ServedBy) == 1 {
				l.sole[p][h] += a
				if m.Queues[q].Within > 0 && !m.Queues[q].Abandons() {
					l.waits[p][h] += a
				}
			}
		}
	}
	return l
}

// serviceMean is a queue's mean service time in seconds when pool serves.
func serviceMean(q config.Queue, pool string) float64 {
	if d, ok := q.ServiceBy[pool]; ok {
		return d.MeanSeconds()
	}
	return q.Service.MeanSeconds()
}

// guess is the analytic number on duty in each pool and hour of the week:
// for each pool, the queues it serves first pooled into one M/M/c (+M when
// every one of them abandons), with the fewest staff that meet every
// target among them, and never fewer than the load of the queues only it
// serves.
func guess(s *config.Scenario, m *sim.Model, l loads) [][hours]int {
	out := make([][hours]int, len(m.Pools))
	for p := range m.Pools {
		for h := range hours {
			var lam, load, thetaSum float64
			abandons := true
			type want struct{ within, fraction float64 }
			var wants []want
			for q, cq := range s.Queues {
				mq := &m.Queues[q]
				if len(mq.ServedBy) == 0 || int(mq.ServedBy[0]) != p || l.rate[q][h] == 0 {
					continue
				}
				conc := float64(max(cq.Concurrency, 1))
				r := l.rate[q][h] / 3600 / conc
				lam += r
				load += r * serviceMean(cq, cq.ServedBy[0])
				if mq.Abandons() {
					thetaSum += r / cq.Patience.MeanSeconds()
				} else {
					abandons = false
				}
				if mq.Within > 0 {
					wants = append(wants, want{mq.Within, mq.Fraction})
				}
			}
			c := hourFloor(l, p, h)
			if lam > 0 && len(wants) > 0 {
				mu, theta := lam/load, 0.0
				if abandons {
					theta = thetaSum / lam
				}
				most := int(load+20*math.Sqrt(load)) + 50
				n := max(c, 1, int(math.Floor(load)))
				for ; n < most; n++ {
					ok := true
					for _, w := range wants {
						if sim.ErlangAWithin(n, lam, mu, theta, w.within) < w.fraction {
							ok = false
							break
						}
					}
					if ok {
						break
					}
				}
				c = max(c, n)
			}
			out[p][h] = c
		}
	}
	return out
}

// floor is the fewest on duty in each pool and hour (hourFloor).
func floor(l loads) [][hours]int {
	out := make([][hours]int, len(l.sole))
	for p := range l.sole {
		for h := range hours {
			out[p][h] = hourFloor(l, p, h)
		}
	}
	return out
}

// hourFloor is the fewest on duty in pool p in hour h: the load of the
// queues only it serves that cannot wait for a later hour, rounded up, and
// at least one where work that can wait joins.
func hourFloor(l loads, p, h int) int {
	n := int(math.Ceil(l.sole[p][h] - l.waits[p][h] - 1e-9))
	if l.waits[p][h] > 0 {
		n = max(n, 1)
	}
	return n
}

// soleHours is the staff-hours of work that only pool p can do in each
// period of the given hours (24 or 168): the mean over the week of its
// hours' sole loads, times the period. Its staff-hours on duty over the
// period must cover it, or some of the work is never done.
func soleHours(l loads, p, period int) float64 {
	var sum float64
	for h := range hours {
		sum += l.sole[p][h]
	}
	return sum * float64(period) / hours
}
