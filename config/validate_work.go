package config

import (
	"fmt"
	"math"
	"time"
)

// maxWork is the most contacts a run may simulate, over every replication
// and every queue a contact visits. Each limit on its own (days, rate,
// replications) still allows a run of years: a million contacts an hour for
// 100,000 days is 2.4e12 contacts. spoa simulates roughly a million
// contacts a second, so 1e10 is about three hours of computing; a run of
// more is almost certainly a typo, and is refused before anything runs
// with a message saying how long it would take.
const (
	maxWork       = 1e10
	workPerSecond = 1e6 // contacts simulated a second, roughly, for the message
)

// work estimates the contacts a run would simulate: each stream's mean rate
// (scaled by demand) over warm-up and measured days, times replications, times the queues a
// contact visits on average (routing to another queue makes another visit).
// Redials are left out: how many there are depends on the waits. Values
// that failed their own checks are left to those problems.
func (c *checker) work(s *Scenario) {
	r := s.Run
	days := r.Days + r.WarmupDays
	if !(r.Days > 0) || !(r.WarmupDays >= 0) || !(days <= maxHorizonDays) ||
		r.Replications < 1 || r.Replications > maxReplications {
		return
	}
	visits := ExpectedVisits(s.Queues)
	total, biggest, biggestName, perHourAll := 0.0, 0.0, "", 0.0
	for _, st := range s.Streams {
		if st.Arrivals.PerHour != 0 && st.Arrivals.PerDay != 0 {
			continue
		}
		perHour := s.StreamPerHour(st)
		if !(perHour >= 0) || perHour > maxPerHour {
			continue
		}
		v := 1.0
		if x, ok := visits[st.Enter]; ok {
			v = x
		}
		n := perHour * 24 * days * float64(r.Replications) * v
		total += n
		perHourAll += perHour
		if n > biggest {
			biggest, biggestName = n, st.Name
		}
	}
	if !(total > maxWork) {
		return
	}
	took := time.Duration(math.Min(total/workPerSecond, 1e9) * float64(time.Second))
	c.add("run", "about %.2g contacts to simulate (%s contacts an hour for %s days, %d replication%s, counting each queue a contact visits; stream %s alone is %.2g), over the limit of %.0g: at about a million a second that would take %s; shorten run.days, lower run.replications or check the arrival rates",
		total, num(perHourAll), num(days), r.Replications, plural(r.Replications), biggestName, biggest, maxWork, roughly(took))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// roughly writes a long duration as a person would say it.
func roughly(d time.Duration) string {
	h := d.Hours()
	switch {
	case h < 48:
		return fmt.Sprintf("%.0f hours", math.Max(h, 1))
	case h < 24*365:
		return fmt.Sprintf("%.0f days", h/24)
	default:
		return fmt.Sprintf("%.0f years", h/24/365)
	}
}

// ExpectedVisits is, for each queue, the mean number of queues (itself
// included) a contact joining it visits before reaching a destination:
// v = 1 + P v, where P holds the routes between queues, solved by Gaussian
// elimination. When there is no solution (a loop no contact leaves, which
// loops reports) or too many queues to solve quickly, every queue counts
// one visit.
func ExpectedVisits(qs []Queue) map[string]float64 {
	n := len(qs)
	out := make(map[string]float64, n)
	for _, q := range qs {
		out[q.Name] = 1
	}
	if n == 0 || n > 200 {
		return out
	}
	idx := make(map[string]int, n)
	for i, q := range qs {
		if _, dup := idx[q.Name]; !dup {
			idx[q.Name] = i
		}
	}
	// a is the augmented matrix [I − P | 1].
	a := make([][]float64, n)
	for i, q := range qs {
		a[i] = make([]float64, n+1)
		a[i][i] = 1
		a[i][n] = 1
		for to, p := range q.Routes {
			if j, ok := idx[to]; ok && p > 0 && p <= 1 {
				a[i][j] -= p
			}
		}
	}
	for col := 0; col < n; col++ {
		pivot := col
		for row := col + 1; row < n; row++ {
			if math.Abs(a[row][col]) > math.Abs(a[pivot][col]) {
				pivot = row
			}
		}
		if math.Abs(a[pivot][col]) < 1e-12 {
			return out
		}
		a[col], a[pivot] = a[pivot], a[col]
		for row := 0; row < n; row++ {
			if row == col || a[row][col] == 0 {
				continue
			}
			f := a[row][col] / a[col][col]
			for k := col; k <= n; k++ {
				a[row][k] -= f * a[col][k]
			}
		}
	}
	for i, q := range qs {
		v := a[i][n] / a[i][i]
		if !(v >= 1) || math.IsInf(v, 0) {
			return map[string]float64{}
		}
		if idx[q.Name] == i {
			out[q.Name] = v
		}
	}
	return out
}
