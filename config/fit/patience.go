package fit

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/mathext"
)

// wait is how long a caller waited in a queue: until they hung up (an
// event: their patience ran out then) or until they were answered
// (censored: their patience was at least that).
type wait struct {
	t     float64
	event bool
}

// waits accumulates a queue's waits: events and total exposure, all the
// exponential fit needs, and a sample for Weibull and Kaplan–Meier.
type waits struct {
	events, censored int64
	exposure         float64
	abandonedSum     float64 // for the naive mean, reported as biased
	sample           *reservoir[wait]
}

func (w *waits) add(t float64, event bool) {
	if event {
		w.events++
		w.abandonedSum += t
	} else {
		w.censored++
	}
	w.exposure += t
	if t > 0 {
		// A wait of 0 says nothing of patience: no event, no exposure.
		w.sample.add(wait{t, event})
	}
}

// PatienceFit is a queue's patience, from abandoned and answered callers
// together.
type PatienceFit struct {
	Abandoned int64 `json:"abandoned"`
	Answered  int64 `json:"answered"`
	// Exposure is the total time callers waited, in seconds.
	Exposure    float64        `json:"exposure_s"`
	Exponential ExponentialFit `json:"exponential"`
	Weibull     *WeibullFit    `json:"weibull,omitempty"`
	Kept        string         `json:"kept"`
	// NaiveMean is the mean wait of those who abandoned: what patience is
	// not (it leaves out every caller who was answered first), given to
	// show how far off it is.
	NaiveMean float64 `json:"naive_mean_abandoned_wait_s"`
	// KM is the Kaplan–Meier survival of patience at a few times, from
	// the sample; KMGap the largest gap between it and the kept fit's
	// survival at the sample's event times.
	KM       []KMPoint `json:"kaplan_meier"`
	KMMedian *float64  `json:"km_median_s"`
	KMGap    float64   `json:"km_gap"`
	Sample   int       `json:"sample"`
}

// ExponentialFit: maximum likelihood with censoring, rate = abandonments
// over total exposure, over every record.
type ExponentialFit struct {
	Mean   Estimate `json:"mean_s"`
	LogLik float64  `json:"loglik_sample"`
	AIC    float64  `json:"aic_sample"`
}

// WeibullFit: censored maximum likelihood on the sample.
type WeibullFit struct {
	Shape  Estimate `json:"shape"`
	Scale  Estimate `json:"scale_s"`
	Mean   Estimate `json:"mean_s"`
	LogLik float64  `json:"loglik_sample"`
	AIC    float64  `json:"aic_sample"`
}

// KMPoint is the Kaplan–Meier estimate of the share still waiting at T.
type KMPoint struct {
	T float64 `json:"t_s"`
	S float64 `json:"survival"`
}

// fitPatience fits w; it needs at least one abandonment.
func fitPatience(w *waits) *PatienceFit {
	if w.events == 0 || w.exposure <= 0 {
		return nil
	}
	f := &PatienceFit{Abandoned: w.events, Answered: w.censored, Exposure: w.exposure}
	f.NaiveMean = w.abandonedSum / float64(w.events)
	f.Exponential.Mean = exponentialMean(w)
	mean := f.Exponential.Mean.Value

	s := sortedSample(w)
	f.Sample = len(s)
	var d int64
	var sumT, sumLogEv float64
	for _, x := range s {
		sumT += x.t
		if x.event {
			d++
			sumLogEv += math.Log(x.t)
		}
	}
	// The exponential on the sample, to set beside the Weibull.
	if d > 0 {
		rate := float64(d) / sumT
		f.Exponential.LogLik = float64(d)*math.Log(rate) - rate*sumT
		f.Exponential.AIC = 2 - 2*f.Exponential.LogLik
	}
	f.Kept = "exponential"
	survival := func(t float64) float64 { return math.Exp(-t / mean) }
	if d >= 2 {
		if wb := fitWeibull(s, d, sumLogEv); wb != nil {
			f.Weibull = wb
			if wb.AIC < f.Exponential.AIC {
				f.Kept = "weibull"
				k, lam := wb.Shape.Value, wb.Scale.Value
				survival = func(t float64) float64 { return math.Exp(-math.Pow(t/lam, k)) }
			}
		}
	}
	f.KM, f.KMMedian, f.KMGap = kaplanMeier(s, survival)
	return f
}

// weibullLogLik is the censored Weibull log-likelihood of the sample s
// (d events, sumLogEv the sum of their logs) at shape k and scale lam.
func weibullLogLik(s []wait, d int64, sumLogEv, k, lam float64) float64 {
	var sumPow float64
	for _, x := range s {
		sumPow += math.Pow(x.t/lam, k)
	}
	df := float64(d)
	return df*math.Log(k) - df*k*math.Log(lam) + (k-1)*sumLogEv - sumPow
}

// fitWeibull maximises the censored log-likelihood: for a shape k the
// best scale is (Σ t^k / d)^(1/k), so a golden-section search over log k
// finds the maximum. Intervals come from the observed information there
// (the Hessian in log shape and log scale, by finite differences; the
// mean's by the delta method).
func fitWeibull(s []wait, d int64, sumLogEv float64) *WeibullFit {
	ll := func(x []float64) float64 {
		return weibullLogLik(s, d, sumLogEv, math.Exp(x[0]), math.Exp(x[1]))
	}
	bestScale := func(u float64) float64 {
		k := math.Exp(u)
		var sumPow float64
		for _, x := range s {
			sumPow += math.Pow(x.t, k)
		}
		return math.Log(sumPow/float64(d)) / k
	}
	// At the best scale, Σ(t/λ)^k = d, so the profile needs one sum.
	df := float64(d)
	profile := func(u float64) float64 {
		k := math.Exp(u)
		var sumPow float64
		for _, x := range s {
			sumPow += math.Pow(x.t, k)
		}
		return df*math.Log(k) - df*math.Log(sumPow/df) + (k-1)*sumLogEv - df
	}
	lo, hi := math.Log(0.05), math.Log(20.0)
	const golden = 0.6180339887498949
	a, b := hi-golden*(hi-lo), lo+golden*(hi-lo)
	fa, fb := profile(a), profile(b)
	for hi-lo > 1e-7 {
		if fa > fb {
			hi, b, fb = b, a, fa
			a = hi - golden*(hi-lo)
			fa = profile(a)
		} else {
			lo, a, fa = a, b, fb
			b = lo + golden*(hi-lo)
			fb = profile(b)
		}
	}
	u := (lo + hi) / 2
	x := []float64{u, bestScale(u)}
	if math.IsNaN(ll(x)) || math.IsInf(ll(x), 0) {
		return nil
	}
	// Observed information in (log k, log λ).
	h := 1e-4
	f0 := ll(x)
	at := func(a, b float64) float64 { return ll([]float64{x[0] + a, x[1] + b}) }
	h11 := (at(h, 0) - 2*f0 + at(-h, 0)) / (h * h)
	h22 := (at(0, h) - 2*f0 + at(0, -h)) / (h * h)
	h12 := (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
	det := h11*h22 - h12*h12
	if det <= 0 || h11 >= 0 {
		return nil
	}
	v11, v22, v12 := -h22/det, -h11/det, h12/det
	k, lam := math.Exp(x[0]), math.Exp(x[1])
	mean := lam * math.Gamma(1+1/k)
	// log mean = log λ + log Γ(1 + e^{−u}), u = log k.
	g := -mathext.Digamma(1+1/k) / k // d log Γ(1+1/k) / du
	seLogMean := math.Sqrt(g*g*v11 + v22 + 2*g*v12)
	wb := &WeibullFit{
		Shape: logNormalCI(k, math.Sqrt(v11), d),
		Scale: logNormalCI(lam, math.Sqrt(v22), d),
		Mean:  logNormalCI(mean, seLogMean, d),
	}
	wb.LogLik = f0
	wb.AIC = 4 - 2*f0
	return wb
}

// minRisk is the fewest callers still waiting at a time for the gap
// between Kaplan–Meier and a fit to be judged there: in the far tail a
// handful of callers make the estimate jump.
const minRisk = 50

// kaplanMeier is the product-limit estimate of patience's survival from
// the sorted sample: its value at a few times, its median if it falls to
// a half, and its largest gap from fitted at event times with at least minRisk at
// risk.
func kaplanMeier(s []wait, fitted func(float64) float64) ([]KMPoint, *float64, float64) {
	at := []float64{30, 60, 120, 300, 600, 1200, 1800, 3600}
	var points []KMPoint
	var median *float64
	gap := 0.0
	surv := 1.0
	risk := len(s)
	next := 0
	for i := 0; i < len(s); {
		t := s[i].t
		for next < len(at) && at[next] < t {
			points = append(points, KMPoint{at[next], surv})
			next++
		}
		events, leaving := 0, 0
		for i < len(s) && s[i].t == t {
			if s[i].event {
				events++
			}
			leaving++
			i++
		}
		if events > 0 {
			before := surv
			surv *= 1 - float64(events)/float64(risk)
			if risk >= minRisk {
				f := fitted(t)
				gap = max(gap, math.Abs(before-f), math.Abs(surv-f))
			}
			if median == nil && surv <= 0.5 {
				m := t
				median = &m
			}
		}
		risk -= leaving
	}
	// Beyond the longest wait the estimate is not defined.
	return points, median, gap
}

// sortedSample is w's sample by time, events before censorings at one
// time, as Kaplan–Meier takes them.
func sortedSample(w *waits) []wait {
	s := slices.Clone(w.sample.kept)
	slices.SortFunc(s, func(a, b wait) int {
		switch {
		case a.t < b.t:
			return -1
		case a.t > b.t:
			return 1
		case a.event && !b.event:
			return -1
		case b.event && !a.event:
			return 1
		}
		return 0
	})
	return s
}

// exponentialMean is the censored maximum-likelihood mean patience of an
// exponential: total exposure over abandonments. The log of the estimate
// has standard error 1/√abandonments.
func exponentialMean(w *waits) Estimate {
	return logNormalCI(w.exposure/float64(w.events), 1/math.Sqrt(float64(w.events)), w.events)
}
