package fit

import (
	"cmp"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"gonum.org/v1/gonum/stat/distuv"
)

// streamAcc counts one stream's arrivals by hour of day, hour of week and
// date.
type streamAcc struct {
	n      int64
	hour   [24]int64
	daily  map[int64]int64
	enters map[string]int64
}

func (s *streamAcc) add(t time.Time, day int64, queue string) {
	s.n++
	s.hour[t.Hour()]++
	s.daily[day]++
	s.enters[queue]++
}

// StreamFit is one stream's arrivals.
type StreamFit struct {
	Name     string `json:"name"`
	Enter    string `json:"enter"`
	Arrivals int64  `json:"arrivals"`
	// PerDay is the mean a day, its interval from the days' spread.
	PerDay Estimate `json:"per_day"`
	// Hourly is the mean number an hour in each hour of the day, from
	// 00:00; Weights the same scaled to mean 1, as a scenario takes them.
	Hourly        [24]Estimate `json:"hourly"`
	HourlyWeights []float64    `json:"hourly_weights"`
	// HourlyTest is the chi-square test of the hours' counts against a
	// flat day (given each day's volume the hours' shares are
	// multinomial, however days vary); the shape is kept where p < 0.05.
	HourlyTest HourlyTest `json:"hourly_test"`
	// Weekly is the mean a day on each day of the week, Monday first, and
	// the test of whether they differ by more than chance.
	Weekly *WeeklyFit `json:"weekly,omitempty"`
	// DayCV is the coefficient of variation of days' volumes beyond
	// Poisson's (method of moments: var = mean + cv²·mean²), with a
	// bootstrap interval over days; kept in the scenario where its
	// interval leaves out 0.
	DayCV     *Estimate `json:"day_cv,omitempty"`
	DayCVKept bool      `json:"day_cv_kept"`
}

// HourlyTest is a chi-square test, 23 degrees of freedom.
type HourlyTest struct {
	Stat float64 `json:"statistic"`
	P    float64 `json:"p"`
	Kept bool    `json:"kept"`
}

// WeeklyFit is the day-of-week shape of a stream.
type WeeklyFit struct {
	PerDay  [7]Estimate `json:"per_day"`
	Weights []float64   `json:"weights"`
	// Test is "anova" (the days' counts by weekday, F test: it allows
	// for days varying more than Poisson) or "chi-square" (Poisson
	// counts by weekday, when there are too few days for the other).
	Test string  `json:"test"`
	Stat float64 `json:"statistic"`
	DF1  float64 `json:"df1"`
	DF2  float64 `json:"df2,omitempty"`
	P    float64 `json:"p"`
	// Kept: p < 0.05, so the scenario gets the weekly shape.
	Kept bool `json:"kept"`
}

func (s *streamAcc) fit(name string, firstDay, days int64, warn func(string, ...any)) StreamFit {
	f := StreamFit{Name: name, Arrivals: s.n}
	enters := slices.Sorted(maps.Keys(s.enters))
	slices.SortStableFunc(enters, func(a, b string) int { return cmp.Compare(s.enters[b], s.enters[a]) })
	f.Enter = enters[0]
	if len(enters) > 1 {
		warn("stream %s enters more than one queue (%v); the scenario sends it all to %s", name, enters, f.Enter)
	}
	counts := make([]float64, days)
	wd := make([]int, days)
	for d := range days {
		counts[d] = float64(s.daily[firstDay+d])
		wd[d] = int((firstDay + d + 3) % 7) // 1970-01-01 was a Thursday
	}
	D := float64(days)
	mean, variance := meanVar(counts)
	if days >= 2 && variance > 0 {
		h := tQuantile(D-1) * math.Sqrt(variance/D)
		f.PerDay = Estimate{Value: mean, Low: max(0, mean-h), High: mean + h, N: s.n}
	} else {
		f.PerDay = poissonRate(s.n, D)
	}
	var sum int64
	for _, c := range s.hour {
		sum += c
	}
	e := float64(sum) / 24
	for h, c := range s.hour {
		f.Hourly[h] = poissonRate(c, D)
		f.HourlyWeights = append(f.HourlyWeights, round3(float64(c)*24/float64(sum)))
		f.HourlyTest.Stat += (float64(c) - e) * (float64(c) - e) / e
	}
	f.HourlyTest.P = distuv.ChiSquared{K: 23}.Survival(f.HourlyTest.Stat)
	f.HourlyTest.Kept = f.HourlyTest.P < 0.05
	if s.n < thinRecords {
		warn("stream %s: only %d arrivals", name, s.n)
	}
	if days < 7 {
		return f
	}
	f.Weekly = weekly(counts, wd)
	if days < minDays {
		return f
	}
	// Each day's expected count: the weekday's mean where the weekly
	// shape is kept, else the overall mean.
	mu := make([]float64, days)
	k := 1.0
	for d := range mu {
		mu[d] = mean
		if f.Weekly.Kept {
			mu[d] = f.Weekly.PerDay[wd[d]].Value
		}
	}
	if f.Weekly.Kept {
		k = 7
	}
	est := dayCV(counts, mu, k)
	// Bootstrap over days, the expected counts held.
	rng := rand.New(rand.NewPCG(uint64(days), 0xda7))
	boot := make([]float64, 0, 400)
	bc, bm := make([]float64, days), make([]float64, days)
	for range 400 {
		for i := range bc {
			j := rng.IntN(int(days))
			bc[i], bm[i] = counts[j], mu[j]
		}
		boot = append(boot, dayCV(bc, bm, k))
	}
	slices.Sort(boot)
	f.DayCV = &Estimate{Value: est, Low: boot[9], High: boot[389], N: days}
	f.DayCVKept = f.DayCV.Low > 0
	return f
}

// dayCV is the method-of-moments coefficient of variation of days'
// volume factors: Σ(n−μ)², corrected for the k means fitted, less the
// Poisson part Σμ, over Σμ²; 0 when the days vary no more than Poisson.
func dayCV(counts, mu []float64, k float64) float64 {
	var ss, sm, sm2 float64
	for d, n := range counts {
		ss += (n - mu[d]) * (n - mu[d])
		sm += mu[d]
		sm2 += mu[d] * mu[d]
	}
	D := float64(len(counts))
	if D <= k || sm2 == 0 {
		return 0
	}
	cv2 := (ss*D/(D-k) - sm) / sm2
	return math.Sqrt(max(0, cv2))
}

// weekly estimates the mean a day on each weekday and tests whether they
// differ.
func weekly(counts []float64, wd []int) *WeeklyFit {
	w := &WeeklyFit{}
	var n [7]float64
	var sum [7]float64
	for d, c := range counts {
		n[wd[d]]++
		sum[wd[d]] += c
	}
	var total, all float64
	minN := math.Inf(1)
	for j := range 7 {
		w.PerDay[j] = poissonRate(int64(sum[j]), n[j])
		total += sum[j]
		all += n[j]
		minN = min(minN, n[j])
	}
	grand := total / all
	for j := range 7 {
		w.Weights = append(w.Weights, round3(w.PerDay[j].Value/grand))
	}
	if minN >= 2 {
		// One-way ANOVA of the daily counts by weekday.
		var between, within float64
		for d, c := range counts {
			m := sum[wd[d]] / n[wd[d]]
			within += (c - m) * (c - m)
		}
		for j := range 7 {
			m := sum[j] / n[j]
			between += n[j] * (m - grand) * (m - grand)
		}
		w.Test, w.DF1, w.DF2 = "anova", 6, all-7
		if within == 0 {
			w.Stat, w.P = math.MaxFloat64, 0 // JSON has no infinity
			if between == 0 {
				w.Stat, w.P = 0, 1
			}
		} else {
			w.Stat = (between / 6) / (within / w.DF2)
			w.P = distuv.F{D1: w.DF1, D2: w.DF2}.Survival(w.Stat)
		}
	} else {
		// Poisson counts by weekday against the days each had.
		var x2 float64
		for j := range 7 {
			e := grand * n[j]
			if e > 0 {
				x2 += (sum[j] - e) * (sum[j] - e) / e
			}
		}
		w.Test, w.Stat, w.DF1 = "chi-square", x2, 6
		w.P = distuv.ChiSquared{K: 6}.Survival(x2)
	}
	w.Kept = w.P < 0.05
	return w
}

func meanVar(xs []float64) (mean, variance float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		variance += (x - mean) * (x - mean)
	}
	if len(xs) > 1 {
		variance /= float64(len(xs) - 1)
	}
	return mean, variance
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
