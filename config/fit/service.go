package fit

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat/distuv"
)

// durations accumulates a queue's service times: the sums maximum
// likelihood needs for lognormal and gamma, which are all it needs, and a
// sample for the goodness of fit.
type durations struct {
	n                  int64
	sum, sumLog, sumL2 float64
	zero               int64 // durations of 0, which neither fit can take
	sample             *reservoir[float64]
}

func (d *durations) add(x float64) {
	if x <= 0 {
		d.zero++
		return
	}
	l := math.Log(x)
	d.n++
	d.sum += x
	d.sumLog += l
	d.sumL2 += l * l
	d.sample.add(x)
}

// ServiceFit is a queue's service time: lognormal and gamma fitted by
// maximum likelihood, the one with the higher likelihood kept (both have
// two parameters, so AIC chooses the same), with the kept one's mean and
// standard deviation and their intervals, and the Kolmogorov–Smirnov
// distance between the kept fit and a sample of the times.
type ServiceFit struct {
	N         int64        `json:"n"`
	Zero      int64        `json:"zero_durations,omitempty"`
	Kept      string       `json:"kept"`
	Mean      Estimate     `json:"mean_s"`
	SD        Estimate     `json:"sd_s"`
	Lognormal LognormalFit `json:"lognormal"`
	Gamma     GammaFit     `json:"gamma"`
	// KS is the largest gap between the kept fit's CDF and the sample's;
	// KSP its p-value (approximate: the parameters were fitted to the
	// same data, which makes it generous).
	KS     float64 `json:"ks"`
	KSP    float64 `json:"ks_p"`
	Sample int     `json:"ks_sample"`
}

// LognormalFit: the log of the time is normal with mean Mu and sd Sigma.
type LognormalFit struct {
	Mu     float64 `json:"mu"`
	Sigma  float64 `json:"sigma"`
	LogLik float64 `json:"loglik"`
	AIC    float64 `json:"aic"`
}

// GammaFit: shape and scale (seconds).
type GammaFit struct {
	Shape  float64 `json:"shape"`
	Scale  float64 `json:"scale_s"`
	LogLik float64 `json:"loglik"`
	AIC    float64 `json:"aic"`
}

// fitService fits d; it needs at least two distinct times.
func fitService(d *durations) *ServiceFit {
	if d.n < 2 {
		return nil
	}
	n := float64(d.n)
	mean := d.sum / n
	mlog := d.sumLog / n
	v := d.sumL2/n - mlog*mlog
	if v <= 0 {
		return nil // every time the same
	}
	f := &ServiceFit{N: d.n, Zero: d.zero}
	// Lognormal: closed form.
	sig := math.Sqrt(v)
	f.Lognormal = LognormalFit{Mu: mlog, Sigma: sig}
	f.Lognormal.LogLik = -d.sumLog - n/2*math.Log(2*math.Pi*v) - n/2
	f.Lognormal.AIC = 4 - 2*f.Lognormal.LogLik
	// Gamma: the shape solves log k − ψ(k) = log(mean) − mean(log).
	s := math.Log(mean) - mlog
	k := gammaShape(s)
	theta := mean / k
	lg, _ := math.Lgamma(k)
	f.Gamma = GammaFit{Shape: k, Scale: theta}
	f.Gamma.LogLik = (k-1)*d.sumLog - n*k - n*k*math.Log(theta) - n*lg
	f.Gamma.AIC = 4 - 2*f.Gamma.LogLik

	var cdf func(float64) float64
	if f.Lognormal.LogLik >= f.Gamma.LogLik {
		f.Kept = "lognormal"
		m := math.Exp(mlog + v/2)
		sd := m * math.Sqrt(math.Expm1(v))
		// Delta method: var(μ̂) = σ²/n, var(σ̂) = σ²/2n, independent.
		seLogMean := math.Sqrt(v/n + v*v/(2*n))
		e := math.Exp(v)
		dSig := sig + sig*e/(e-1) // d log sd / dσ
		seLogSD := math.Sqrt(v/n + dSig*dSig*v/(2*n))
		f.Mean = logNormalCI(m, seLogMean, d.n)
		f.SD = logNormalCI(sd, seLogSD, d.n)
		cdf = distuv.LogNormal{Mu: mlog, Sigma: sig}.CDF
	} else {
		f.Kept = "gamma"
		// Inverse Fisher information of (k, θ) over n.
		tri := mathext.Digamma(k+1e-6) - mathext.Digamma(k-1e-6)
		tri /= 2e-6
		det := tri*k/(theta*theta) - 1/(theta*theta)
		vk := k / (theta * theta) / det / n
		vt := tri / det / n
		ckt := -1 / theta / det / n
		m, sd := k*theta, math.Sqrt(k)*theta
		// log mean = log k + log θ; log sd = ½ log k + log θ.
		seLogMean := math.Sqrt(vk/(k*k) + vt/(theta*theta) + 2*ckt/(k*theta))
		seLogSD := math.Sqrt(vk/(4*k*k) + vt/(theta*theta) + ckt/(k*theta))
		f.Mean = logNormalCI(m, seLogMean, d.n)
		f.SD = logNormalCI(sd, seLogSD, d.n)
		cdf = distuv.Gamma{Alpha: k, Beta: 1 / theta}.CDF
	}
	f.KS, f.KSP, f.Sample = ks(d.sample.kept, cdf)
	return f
}

// gammaShape solves log k − ψ(k) = s for the gamma's maximum-likelihood
// shape: Minka's closed form, then Newton steps.
func gammaShape(s float64) float64 {
	k := (3 - s + math.Sqrt((s-3)*(s-3)+24*s)) / (12 * s)
	for range 50 {
		tri := (mathext.Digamma(k+1e-6) - mathext.Digamma(k-1e-6)) / 2e-6
		g := math.Log(k) - mathext.Digamma(k) - s
		dg := 1/k - tri
		next := k - g/dg
		if next <= 0 {
			next = k / 2
		}
		if math.Abs(next-k) < 1e-10*k {
			return next
		}
		k = next
	}
	return k
}

// ks is the Kolmogorov–Smirnov distance of a sample from cdf and its
// asymptotic p-value.
func ks(sample []float64, cdf func(float64) float64) (d, p float64, n int) {
	xs := slices.Clone(sample)
	slices.Sort(xs)
	n = len(xs)
	for i, x := range xs {
		f := cdf(x)
		d = max(d, f-float64(i)/float64(n), float64(i+1)/float64(n)-f)
	}
	return d, kolmogorovP(d * math.Sqrt(float64(n))), n
}

// kolmogorovP is P(K > x) for the Kolmogorov distribution.
func kolmogorovP(x float64) float64 {
	if x < 0.2 {
		return 1
	}
	p := 0.0
	for j := 1; j <= 100; j++ {
		term := 2 * math.Pow(-1, float64(j-1)) * math.Exp(-2*float64(j*j)*x*x)
		p += term
		if math.Abs(term) < 1e-12 {
			break
		}
	}
	return min(1, max(0, p))
}
