package sim

import (
	"testing"
	"time"
)

const perSec = 1.0 / 3600

func meanWait(q int) func(Stats) float64 {
	return func(s Stats) float64 { return s.Queues[q].Wait.Mean }
}

func waitedShare(q int) func(Stats) float64 {
	return func(s Stats) float64 { return float64(s.Queues[q].Waited) / float64(s.Queues[q].Served) }
}

func utilisation(p int) func(Stats) float64 {
	return func(s Stats) float64 { return s.Pools[p].Busy / s.Pools[p].OnDuty }
}

func abandonShare(q int) func(Stats) float64 {
	return func(s Stats) float64 { return float64(s.Queues[q].Abandoned) / float64(s.Queues[q].Offered) }
}

// M/M/c: mean wait and the share that waited agree with Erlang C.
func TestErlangC(t *testing.T) {
	cases := []struct {
		name    string
		perHour float64
		service time.Duration
		c       int
	}{
		{"c=20 rho=0.83", 100, 10 * time.Minute, 20},
		{"c=5 rho=0.75", 22.5, 10 * time.Minute, 5},
		{"c=1 rho=0.7", 4.2, 10 * time.Minute, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := simulate(t, mmc(tc.perHour, tc.service, 0, float64(tc.c), 100, 10))
			lambda, mu := tc.perHour*perSec, 1/tc.service.Seconds()
			got, half := across(st, meanWait(0))
			// The wait of served contacts is the wait of all: nobody abandons.
			assertClose(t, "mean wait (s)", got, half, MMcWait(tc.c, lambda, mu), 0.05)
			got, half = across(st, waitedShare(0))
			assertClose(t, "share that waited", got, half, ErlangC(tc.c, lambda/mu), 0.02)
			got, half = across(st, utilisation(0))
			assertClose(t, "utilisation", got, half, lambda/mu/float64(tc.c), 0.01)
			got, half = across(st, func(s Stats) float64 { return s.Queues[0].WaitHist.Quantile(0.9) })
			assertClose(t, "p90 wait (s)", got, half, MMcWaitQuantile(tc.c, lambda, mu, 0.9), 0.05)
		})
	}
}
