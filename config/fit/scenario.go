package fit

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"spoa/config"
)

// Scenario is the fitted scenario: a stream per stream of the records,
// a queue per queue with its kept service time, patience and routes, and
// a pool per pool with its staff by hour. It is run for as many days as
// the records cover (at most 365), after a day's warm-up. Names are the
// records' made fit for a scenario (Names).
func (r *Result) Scenario(name string) *config.Scenario {
	nm := r.Names()
	s := &config.Scenario{
		Name:        name,
		Description: fmt.Sprintf("fitted by spoa fit from %d records, %s to %s", r.Used, r.From, r.To),
		Run:         config.Run{Days: float64(min(max(r.Days, 1), 365)), WarmupDays: 1, Replications: 10, Seed: 1},
	}
	for _, st := range r.Streams {
		a := config.Arrivals{PerDay: round3(st.PerDay.Value), Hourly: st.HourlyWeights}
		if !st.HourlyTest.Kept || flat(st.HourlyWeights) {
			a.Hourly = nil
		}
		if w := st.Weekly; w != nil && w.Kept {
			a.Weekly = w.Weights
		}
		if st.DayCVKept {
			a.DayCV = round3(min(st.DayCV.Value, config.MaxDayCV))
		}
		s.Streams = append(s.Streams, config.Stream{Name: nm.Streams[st.Name], Arrivals: a, Enter: nm.Queues[st.Enter]})
	}
	for _, qf := range r.Queues {
		q := config.Queue{Name: nm.Queues[qf.Name], Priority: 1, Routes: map[string]float64{}}
		for _, p := range qf.ServedBy {
			q.ServedBy = append(q.ServedBy, nm.Pools[p])
		}
		if len(q.ServedBy) == 0 {
			q.ServedBy = []string{"staff"}
		}
		if sf := qf.Service; sf != nil {
			kind := config.Lognormal
			if sf.Kept == "gamma" {
				kind = config.Gamma
			}
			q.Service = config.Dist{Dist: kind, Mean: duration(sf.Mean.Value), SD: duration(sf.SD.Value)}
		} else {
			q.Service = config.Dist{Dist: config.Exponential, Mean: duration(60)}
		}
		if p := qf.Patience; p != nil {
			d := config.Dist{Dist: config.Exponential, Mean: duration(p.Exponential.Mean.Value)}
			if p.Kept == "weibull" {
				d = config.Dist{Dist: config.Weibull, Shape: round3(p.Weibull.Shape.Value), Scale: duration(p.Weibull.Scale.Value)}
			}
			q.Patience = &d
		}
		q.Routes = routeShares(qf.Routes, nm)
		s.Queues = append(s.Queues, q)
	}
	pools := map[string]bool{}
	for _, p := range r.Pools {
		hourly := slices.Clone(p.Hourly[:])
		if slices.Max(hourly) == slices.Min(hourly) {
			n := hourly[0]
			s.Pools = append(s.Pools, config.Pool{Name: nm.Pools[p.Name], Staff: &n})
		} else {
			s.Pools = append(s.Pools, config.Pool{Name: nm.Pools[p.Name], Hourly: hourly})
		}
		pools[nm.Pools[p.Name]] = true
	}
	for _, q := range s.Queues {
		for _, p := range q.ServedBy {
			if !pools[p] {
				n := 1.0
				s.Pools = append(s.Pools, config.Pool{Name: p, Staff: &n})
				pools[p] = true
			}
		}
	}
	return s
}

// routeShares rounds the shares to 4 places, the largest taking what
// rounding leaves so that they sum to 1.
func routeShares(rs []RouteFit, nm Names) map[string]float64 {
	out := map[string]float64{}
	if len(rs) == 0 {
		out["done"] = 1
		return out
	}
	to := func(r RouteFit) string {
		if r.Queue {
			return nm.Queues[r.To]
		}
		return nm.Dests[r.To]
	}
	big, sum := 0, 0.0
	for i, r := range rs {
		v := math.Round(r.Share.Value*1e4) / 1e4
		out[to(r)] += v
		sum += v
		if r.Share.Value > rs[big].Share.Value {
			big = i
		}
	}
	out[to(rs[big])] = math.Round((out[to(rs[big])]+1-sum)*1e4) / 1e4
	for k, v := range out {
		if v <= 0 {
			delete(out, k)
		}
	}
	return out
}

func flat(w []float64) bool { return slices.Max(w) == slices.Min(w) }

// duration is seconds as a scenario's duration, to a tenth of a second.
func duration(s float64) config.Duration {
	return config.Duration(time.Duration(math.Round(s*10)) * 100 * time.Millisecond)
}

// Comment is the head comment of the fitted scenario file: where it came
// from and what each value rests on.
func (r *Result) Comment() string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	nm := r.Names()
	as := func(raw, name string) string {
		if raw == name {
			return raw
		}
		return fmt.Sprintf("%q (here %s)", raw, name)
	}
	p("Fitted by spoa fit from %d records (%d used, %d bad), %s to %s, %d days.", r.Records, r.Used, r.BadCount, r.From, r.To, r.Days)
	p("Every value is an estimate; the fit report gives each with its 95%% confidence interval.")
	for _, st := range r.Streams {
		p("")
		p("stream %s: %d arrivals; per_day %s (CI %s to %s)", as(st.Name, nm.Streams[st.Name]), st.Arrivals, g(st.PerDay.Value), g(st.PerDay.Low), g(st.PerDay.High))
		p("  hourly shape: chi-square p = %.3g, %s", st.HourlyTest.P, keptOr(st.HourlyTest.Kept, "kept", "not distinguishable from a flat day, left out"))
		if w := st.Weekly; w != nil {
			verdict := "not distinguishable from noise, left out"
			if w.Kept {
				verdict = "kept"
			}
			p("  weekly shape: %s p = %.3g, %s", w.Test, w.P, verdict)
		} else {
			p("  weekly shape: fewer than 7 days, not estimated")
		}
		if d := st.DayCV; d != nil {
			verdict := "not distinguishable from Poisson, left out"
			if st.DayCVKept {
				verdict = "kept"
			}
			p("  day_cv %.3f (CI %.3f to %.3f), %s", d.Value, d.Low, d.High, verdict)
		}
	}
	for _, q := range r.Queues {
		p("")
		p("queue %s: %d offered, %d answered, %d abandoned", as(q.Name, nm.Queues[q.Name]), q.Offered, q.Answered, q.Abandoned)
		if s := q.Service; s != nil {
			p("  service %s (log-likelihood %.1f against %.1f): mean %s (CI %s to %s), sd %s (CI %s to %s), KS %.3f, from %d",
				s.Kept, max(s.Lognormal.LogLik, s.Gamma.LogLik), min(s.Lognormal.LogLik, s.Gamma.LogLik),
				secs(s.Mean.Value), secs(s.Mean.Low), secs(s.Mean.High), secs(s.SD.Value), secs(s.SD.Low), secs(s.SD.High), s.KS, s.N)
		} else {
			p("  service: no times in the records; 1m exponential is a placeholder to replace")
		}
		if pt := q.Patience; pt != nil {
			e := pt.Exponential.Mean
			p("  patience %s, from %d abandoned and %d answered (censored): exponential mean %s (CI %s to %s)",
				pt.Kept, pt.Abandoned, pt.Answered, secs(e.Value), secs(e.Low), secs(e.High))
			if w := pt.Weibull; w != nil {
				p("    weibull shape %.3f (CI %.3f to %.3f), scale %s, mean %s (CI %s to %s)", w.Shape.Value, w.Shape.Low, w.Shape.High,
					secs(w.Scale.Value), secs(w.Mean.Value), secs(w.Mean.Low), secs(w.Mean.High))
			}
			p("    (the mean wait of those who abandoned, %s, is not patience: it leaves out everyone answered first)", secs(pt.NaiveMean))
		} else {
			p("  patience: no abandonment seen, so none: callers here never abandon")
		}
		for _, rt := range q.Routes {
			p("  route to %s: %.4f (CI %.4f to %.4f)", rt.To, rt.Share.Value, rt.Share.Low, rt.Share.High)
		}
	}
	for _, pl := range r.Pools {
		p("")
		if pl.Method == "agents" {
			p("pool %s: staff by hour are the mean number of agents seen working in the hour", as(pl.Name, nm.Pools[pl.Name]))
		} else {
			p("pool %s: staff by hour are the most seen busy at once (averaged over the hour, busiest day): a lower bound; replace with the rota", as(pl.Name, nm.Pools[pl.Name]))
		}
	}
	for _, w := range r.Warnings {
		p("warning: %s", w)
	}
	return strings.TrimRight(b.String(), "\n")
}

func g(x float64) string { return fmt.Sprintf("%.4g", x) }

// secs writes seconds as a duration, to a tenth of a second.
func secs(s float64) string { return time.Duration(duration(s)).String() }

// Names maps the records' names of streams, queues, pools and
// destinations to names a scenario takes (lower case letters, digits, _
// and -): "Skill 1" becomes "skill_1"; two that come out alike are told
// apart by _2, _3 …; a destination that comes out as a queue's name gets
// _end.
type Names struct {
	Streams, Queues, Pools, Dests map[string]string
}

// Names gives the records' names their scenario names.
func (r *Result) Names() Names {
	nm := Names{Streams: map[string]string{}, Queues: map[string]string{}, Pools: map[string]string{}, Dests: map[string]string{}}
	assign := func(to map[string]string, taken map[string]bool, raw, suffix string) {
		if _, ok := to[raw]; ok {
			return
		}
		base := scenarioName(raw)
		if suffix != "" && taken[base] {
			base += suffix
		}
		n := base
		for i := 2; taken[n]; i++ {
			n = fmt.Sprintf("%s_%d", base, i)
		}
		taken[n] = true
		to[raw] = n
	}
	streams, queues, pools := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, st := range r.Streams {
		assign(nm.Streams, streams, st.Name, "")
	}
	for _, q := range r.Queues {
		assign(nm.Queues, queues, q.Name, "")
	}
	for _, p := range r.Pools {
		assign(nm.Pools, pools, p.Name, "")
	}
	for _, q := range r.Queues {
		for _, p := range q.ServedBy {
			assign(nm.Pools, pools, p, "")
		}
	}
	// A destination must not take a queue's name: routes name both.
	dests := maps.Clone(queues)
	for _, q := range r.Queues {
		for _, rt := range q.Routes {
			if !rt.Queue {
				assign(nm.Dests, dests, rt.To, "_end")
			}
		}
	}
	return nm
}

// scenarioName lower-cases raw and turns each run of other characters
// than letters, digits, _ and - into one _.
func scenarioName(raw string) string {
	var b strings.Builder
	under := false
	for _, c := range strings.ToLower(raw) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' {
			b.WriteRune(c)
			under = false
		} else if !under {
			b.WriteByte('_')
			under = true
		}
	}
	n := strings.Trim(b.String(), "_")
	if n == "" {
		n = "x"
	}
	return n
}
