package staffing

import (
	"fmt"
	"slices"
	"time"

	"spoa/config"
	"spoa/sim"
)

// Result is what the search found, and the evidence for it.
type Result struct {
	Per   string
	Block time.Duration
	// Period is the hours after which the rota found repeats: 24 when
	// demand is alike every day (a target per hour is then judged by the
	// hour of the day), 168 otherwise.
	Period int
	Pools  []PoolResult
	// Met: the requirement (Required, on duty) met every target when
	// simulated. Verified: the staffed scenario, with its shifts and
	// shrinkage, met every target when simulated; Misses lists what it
	// missed otherwise.
	Met, Verified bool
	Misses        []string
	// Repairs is how many times the shift rota missed a target and one
	// more was required on duty where it did (see roster).
	Repairs int
	// Partial: the search stopped early (interrupted, or at its bound);
	// the levels are the best found so far, meeting every target only if
	// Met says so.
	Partial     bool
	Evaluations int
	// Scenario is the scenario given, with each pool's rota replaced by
	// its shifts; nil when the search stopped before the shifts.
	Scenario *config.Scenario
}

// PoolResult is one pool's answer.
type PoolResult struct {
	Name      string
	Shrinkage float64
	// Guess, Required and Rostered are by hour of the week: the analytic
	// first guess and the search's answer on duty, and the number
	// rostered that gives Required on duty after shrinkage. Own is the
	// number on duty on the scenario's own rota, at the start of each hour.
	Guess, Required, Rostered, Own [hours]int
	// Shifts cover Rostered; ShiftHours are their rostered staff-hours a
	// week, RosteredHours those of Rostered itself, LowerBound the linear
	// programme's least hours for shifts of the allowed starts and
	// lengths.
	Shifts                                []config.Shift
	ShiftHours, RosteredHours, LowerBound float64
	// WTE of the shifts, and of the scenario's own rota (rostered hours a
	// week over 37.5).
	WTE, ScenarioWTE float64
}

// OnDutyHours are the staff-hours a week on duty that the search requires.
func (p PoolResult) OnDutyHours() float64 {
	total := 0
	for _, n := range p.Required {
		total += n
	}
	return float64(total)
}

// fill records the guess and the levels found, by hour of the week.
func (r *Result) fill(sr *search, first, level [][]int) {
	r.Pools = make([]PoolResult, len(sr.s.Pools))
	for p, pl := range sr.s.Pools {
		pr := PoolResult{Name: pl.Name, Shrinkage: pl.Shrinkage, ScenarioWTE: sr.m.Pools[p].WTE()}
		for h := range hours {
			b := sr.blockOf(h)
			pr.Guess[h] = first[p][b]
			pr.Required[h] = level[p][b]
			pr.Rostered[h] = rostered(level[p][b], pl.Shrinkage)
			pr.RosteredHours += float64(pr.Rostered[h])
			pr.Own[h] = sr.m.Pools[p].OnDutyAtHourOfWeek(h)
		}
		r.Pools[p] = pr
	}
}

// rostered is the fewest rostered that give n on duty after shrinkage, as
// the simulator rounds it.
func rostered(n int, shrinkage float64) int {
	if n <= 0 {
		return 0
	}
	l := 0
	for sim.OnDuty(float64(l), shrinkage) < n {
		l++
	}
	return l
}

// roster fits shifts to each pool's Rostered, builds the staffed scenario
// and, if verify, simulates it to verify it. Shifts cover at least the
// staff found in every hour, but more staff in one hour is not always
// better in another (a pool that serves several queues by priority takes
// other work; and a night hour judged on a handful of contacts a week
// turns on very few of them): where the shift rota misses a target, one
// more is required on duty in that hour, in the first pool of the queue,
// and the shifts are fitted and simulated again, up to maxRepairs times.
func (r *Result) roster(sr *search, verify bool) error {
	const maxRepairs = 20
	for repair := 0; ; repair++ {
		if err := r.fitAll(sr); err != nil {
			return err
		}
		if !verify {
			return nil
		}
		sr.phase = "verifying the shift rota"
		if err := sr.budget(); err != nil {
			return err
		}
		m, err := sim.Compile(r.Scenario)
		if err != nil {
			return err
		}
		st, err := sim.Run(sr.ctx, m, sim.Options{Workers: sr.opt.Workers})
		if err != nil {
			return err
		}
		sr.evals++
		bins := m.Bins()
		fails := sr.judge(st, bins)
		r.Verified, r.Misses = len(fails) == 0, nil
		for _, f := range fails {
			r.Misses = append(r.Misses, describe(sr, f, bins))
		}
		if r.Verified || repair == maxRepairs {
			return nil
		}
		r.Repairs++
		for _, f := range fails {
			h := f.h
			if h < 0 { // over the run: its worst hour
				worst := 2.0
				for b := range bins {
					if x, n := sim.MeanLevel(st, sim.QueueID(f.q), b, bins); n > 0 && x < worst {
						h, worst = b, x
					}
				}
			}
			p := int(sr.m.Queues[f.q].ServedBy[0])
			pr := &r.Pools[p]
			for hw := h; hw >= 0 && hw < hours; hw += bins {
				pr.Required[hw]++
				pr.Rostered[hw] = rostered(pr.Required[hw], pr.Shrinkage)
			}
		}
	}
}

// fitAll fits shifts to every pool's Rostered and builds the staffed
// scenario from them.
func (r *Result) fitAll(sr *search) error {
	staffed := *sr.s
	staffed.Pools = make([]config.Pool, len(sr.s.Pools))
	for p, pl := range sr.s.Pools {
		pr := &r.Pools[p]
		pr.RosteredHours = 0
		for _, n := range pr.Rostered {
			pr.RosteredHours += float64(n)
		}
		sh, err := fitShifts(pr.Rostered, sr.opt.Starts, sr.opt.Lengths)
		if err != nil {
			return fmt.Errorf("pool %s: %w", pl.Name, err)
		}
		pr.Shifts, pr.ShiftHours, pr.LowerBound = sh.shifts, sh.hours, sh.bound
		pr.WTE = pr.ShiftHours / 37.5
		pl.Staff, pl.Hourly, pl.Shifts = nil, nil, pr.Shifts
		if len(pr.Shifts) == 0 {
			zero := 0.0
			pl.Staff = &zero
		}
		staffed.Pools[p] = pl
	}
	// Its targets are judged as the search judged them, so that `spoa run`
	// reports what the search verified.
	staffed.Queues = slices.Clone(sr.s.Queues)
	for i, q := range staffed.Queues {
		if q.Target != nil {
			t := *q.Target
			t.Per = sr.opt.Per
			staffed.Queues[i].Target = &t
		}
	}
	r.Scenario = &staffed
	return nil
}

// describe says which target a fail is, as "call_111 at sat 09:00" or,
// judged in bins hours of the day, "call_111 at 09:00".
func describe(sr *search, f fail, bins int) string {
	name := sr.m.Queues[f.q].Name
	if f.h < 0 {
		return name + " over the run"
	}
	return name + " at " + config.HourName(f.h, bins)
}
