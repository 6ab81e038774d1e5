package sim

import "math"

// Analytic results for the queues spoa models, used to check the simulator
// and as a first guess when searching for staff. Rates are per second (or
// any one unit, used consistently); a is the offered load λ/μ in Erlangs.

// ErlangB is the blocking probability of M/M/c/c with offered load a,
// by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)).
func ErlangB(c int, a float64) float64 {
	b := 1.0
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	return b
}

// ErlangC is the probability that an arrival waits in M/M/c with offered
// load a < c; 1 when a ≥ c.
func ErlangC(c int, a float64) float64 {
	if a >= float64(c) {
		return 1
	}
	b := ErlangB(c, a)
	rho := a / float64(c)
	return b / (1 - rho*(1-b))
}

// MMcWait is the mean wait in queue of M/M/c (all contacts, including those
// answered at once); +Inf when unstable.
func MMcWait(c int, lambda, mu float64) float64 {
	if lambda >= float64(c)*mu {
		return math.Inf(1)
	}
	return ErlangC(c, lambda/mu) / (float64(c)*mu - lambda)
}

// MMcWaitQuantile is the q-quantile of the wait in M/M/c:
// P(W > t) = C·exp(−(cμ−λ)t).
func MMcWaitQuantile(c int, lambda, mu, q float64) float64 {
	pc := ErlangC(c, lambda/mu)
	if 1-q >= pc {
		return 0
	}
	return math.Log(pc/(1-q)) / (float64(c)*mu - lambda)
}

// PriorityWaits are the mean waits of each class in a non-preemptive
// priority M/M/c whose classes share one exponential service rate mu;
// lambdas are most urgent first. W_k = C(c,a) / (cμ (1−σ_{k−1})(1−σ_k)),
// σ_k = Σ_{i≤k} λ_i / cμ (Cobham's formula for c servers).
func PriorityWaits(c int, mu float64, lambdas []float64) []float64 {
	total := 0.0
	for _, l := range lambdas {
		total += l
	}
	pc := ErlangC(c, total/mu)
	cmu := float64(c) * mu
	out := make([]float64, len(lambdas))
	sigma := 0.0
	for k, l := range lambdas {
		prev := sigma
		sigma += l / cmu
		out[k] = pc / (cmu * (1 - prev) * (1 - sigma))
	}
	return out
}

// ErlangAResult holds the steady state of M/M/c+M (Erlang A).
type ErlangAResult struct {
	Abandon      float64 // share of arrivals that abandon
	WaitServed   float64 // mean wait of served contacts
	WaitedServed float64 // share of served contacts that waited at all
	Utilisation  float64 // mean busy servers / c
	MeanQueue    float64 // mean number waiting
}

// ErlangA solves M/M/c+M (arrival rate lambda, service rate mu, abandonment
// rate theta per waiting contact) exactly as a birth-death chain, truncated
// where the tail is below 1e-17 (erlangAStates).
//
// An arrival finding n ≥ c present has k = n−c ahead of it. With j ahead it
// moves up at rate cμ + jθ and abandons at rate θ, so it is served with
// probability Π_{j=0..k} (cμ+jθ)/(cμ+(j+1)θ), and, given it is served, its
// wait is a sum of independent exponentials with rates cμ+(j+1)θ.
func ErlangA(c int, lambda, mu, theta float64) ErlangAResult {
	if theta == 0 && lambda >= float64(c)*mu {
		return ErlangAResult{WaitServed: math.Inf(1), WaitedServed: 1, Utilisation: 1, MeanQueue: math.Inf(1)}
	}
	var res ErlangAResult
	var served, waitServed, waitedServed float64
	cmu := float64(c) * mu
	// For an arrival with k ahead: ps = P(served), w = E[wait | served];
	// both extend from k−1 to k by one factor or term.
	ps, w := 1.0, 0.0
	for n, pi := range erlangAStates(c, lambda, mu, theta) {
		res.Utilisation += pi * float64(min(n, c)) / float64(c)
		res.MeanQueue += pi * float64(max(n-c, 0))
		if n < c {
			served += pi
			continue
		}
		r := cmu + float64(n-c)*theta
		ps *= r / (r + theta)
		w += 1 / (r + theta)
		served += pi * ps
		waitServed += pi * ps * w
		waitedServed += pi * ps
	}
	res.Abandon = 1 - served
	res.WaitServed = waitServed / served
	res.WaitedServed = waitedServed / served
	return res
}

// ErlangCWithin is the share of contacts answered within t in M/M/c:
// 1 − C(c, a)·e^(−(cμ−λ)t); 0 when unstable.
func ErlangCWithin(c int, lambda, mu, t float64) float64 {
	if lambda >= float64(c)*mu {
		return 0
	}
	return 1 - ErlangC(c, lambda/mu)*math.Exp(-(float64(c)*mu-lambda)*t)
}

// ErlangAWithin is the share of served contacts answered within t in
// M/M/c+M (Erlang A), the measure of a queue's target. An arrival finding
// k waiting ahead of it moves up at rate cμ + jθ with j ahead and gives up
// at rate θ; P(served by t) is found by uniformisation of that chain (a
// Poisson number of steps at the largest rate), started from the
// stationary state an arrival sees, and divided by P(served).
func ErlangAWithin(c int, lambda, mu, theta, t float64) float64 {
	if theta == 0 {
		return ErlangCWithin(c, lambda, mu, t)
	}
	pi := erlangAStates(c, lambda, mu, theta)
	cmu := float64(c) * mu
	var now, served float64 // answered at once; answered at all
	for n := 0; n < min(c, len(pi)); n++ {
		now += pi[n]
	}
	served = now
	// v[j]: probability of being waiting with j ahead.
	var v []float64
	ps := 1.0
	for n := c; n < len(pi); n++ {
		v = append(v, pi[n])
		r := cmu + float64(n-c)*theta
		ps *= r / (r + theta)
		served += pi[n] * ps
	}
	if len(v) == 0 {
		return 1
	}
	rate := cmu + float64(len(v))*theta
	lt := rate * t
	next := make([]float64, len(v))
	var byT, absorbed, cum float64 // P(served by t); served within n steps; Poisson mass so far
	for n := 0; ; n++ {
		w := math.Exp(-lt + float64(n)*math.Log(lt) - lgamma(float64(n)+1))
		if lt == 0 {
			w = 0
			if n == 0 {
				w = 1
			}
		}
		byT += w * absorbed
		cum += w
		if (cum > 1-1e-12 && float64(n) > lt) || n > 10_000_000 {
			break
		}
		absorbed += v[0] * cmu / rate
		for j := range v {
			stay := 1 - (cmu+float64(j)*theta+theta)/rate
			x := v[j] * stay
			if j+1 < len(v) {
				x += v[j+1] * (cmu + float64(j+1)*theta) / rate
			}
			next[j] = x
		}
		v, next = next, v
	}
	return (now + byT) / served
}

func lgamma(x float64) float64 {
	l, _ := math.Lgamma(x)
	return l
}

// erlangAStates are the stationary probabilities of the number present in
// M/M/c+M, truncated where the tail is below 1e-17 of the total.
func erlangAStates(c int, lambda, mu, theta float64) []float64 {
	p := []float64{1}
	total := 1.0
	for n := 1; n < c+1_000_000; n++ {
		death := float64(min(n, c))*mu + float64(max(n-c, 0))*theta
		x := p[n-1] * lambda / death
		p = append(p, x)
		total += x
		if x > 1e250 { // rescale before a large load overflows
			for i := range p {
				p[i] *= 1e-250
			}
			total *= 1e-250
			x *= 1e-250
		}
		if n > c && x < 1e-17*total {
			break
		}
	}
	for i := range p {
		p[i] /= total
	}
	return p
}
