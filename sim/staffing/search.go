package staffing

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"spoa/config"
	"spoa/sim"
)

// Per says over what a target is judged.
const (
	PerHour = config.PerHour // in every hour (of the day, or of the week)
	PerRun  = config.PerRun  // over the whole run
)

// Options steer the search. The zero value searches hourly blocks, judges
// targets per hour, and allows 5,000 simulations.
type Options struct {
	// Block is how long staff stay at one number: an hour or a few (a
	// divisor of a day), a day, or a week (one number throughout). 0 means
	// an hour.
	Block time.Duration
	// Per is PerHour (the default) or PerRun.
	Per string
	// MaxEvaluations bounds the simulations; 0 means 5,000.
	MaxEvaluations int
	// Starts are the hours of the day (0–23) a shift may start, and
	// Lengths the shift lengths allowed, in whole hours; none means the
	// scenario's (config.Scenario.ShiftStarts and ShiftLengths).
	Starts  []int
	Lengths []int
	// Workers run each simulation's replications in parallel; 0 means
	// GOMAXPROCS.
	Workers int
	// Progress, if set, hears how the search is going after each
	// simulation.
	Progress func(Progress)
}

// Progress is how far the search has got.
type Progress struct {
	Phase       string // what the search is doing
	Evaluations int    // simulations so far
	Max         int    // the bound on them
	// OnDutyHours are staff-hours a week on duty in the best rota so far
	// that meets every target, 0 while there is none.
	OnDutyHours float64
}

// ErrBound is returned (wrapped) with the best result so far when the
// search reaches its bound on simulations.
var ErrBound = errors.New("the search reached its bound on simulations")

// search is one search's state.
type search struct {
	ctx   context.Context
	s     *config.Scenario
	m     *sim.Model
	opt   Options
	block int // hours
	// period is the hours after which the rota repeats: 24 when demand is
	// the same every day (targets per hour are then judged by the hour of
	// the day), 168 otherwise; blocks divide it.
	period int
	blocks int
	floor  [][]int // per pool and block
	// work is the staff-hours a period of work that only each pool can
	// do (soleHours): where some of it can wait, a block may have fewer
	// on duty than its load, so long as the period as a whole covers it.
	work  []float64
	evals int
	best  float64 // on-duty hours of the last rota that met every target
	phase string
}

// fail is a target missed: queue q in hour h of the week (-1 over the
// whole run).
type fail struct{ q, h int }

// Search finds the fewest on duty per pool and block such that every
// target holds, then a shift rota that covers it (see the package
// documentation). s must be valid (config.Validate). When ctx is
// cancelled, or the bound on simulations is reached, it returns the best
// result so far, marked Partial, with ctx's error or ErrBound.
func Search(ctx context.Context, s *config.Scenario, opt Options) (*Result, error) {
	if len(opt.Starts) == 0 {
		opt.Starts = s.ShiftStarts()
	}
	if len(opt.Lengths) == 0 {
		opt.Lengths = s.ShiftLengths()
	}
	if err := opt.check(); err != nil {
		return nil, err
	}
	m, err := sim.Compile(s)
	if err != nil {
		return nil, err
	}
	hasTarget := false
	for _, q := range m.Queues {
		hasTarget = hasTarget || q.Within > 0
	}
	if !hasTarget {
		return nil, errors.New("no queue has a target, so there is nothing to staff for")
	}
	period := 24
	if m.DemandVariesByDay() {
		period = hours
	}
	sr := &search{ctx: ctx, s: s, m: m, opt: opt, block: int(opt.Block / time.Hour), period: period}
	if sr.block > sr.period {
		sr.block = sr.period // a week's block, of a rota the same every day
	}
	sr.blocks = sr.period / sr.block
	l := offered(s, m)
	first := sr.byBlock(guess(s, m, l))
	sr.floor = sr.byBlock(floor(l))
	sr.work = make([]float64, len(m.Pools))
	for p := range sr.work {
		sr.work[p] = soleHours(l, p, sr.period)
	}

	res := &Result{Per: opt.Per, Block: opt.Block, Period: sr.period}
	level := make([][]int, len(first))
	for p := range first {
		level[p] = slices.Clone(first[p])
	}
	level, met, err := sr.run(level)
	res.fill(sr, first, level)
	res.Met = met
	res.Partial = err != nil
	if met {
		// Stopped early, the rota found so far is still written out, but
		// not simulated again.
		if rerr := res.roster(sr, err == nil); rerr != nil && err == nil {
			res.Partial, err = true, rerr
		}
	}
	res.Evaluations = sr.evals
	return res, err
}

func (o *Options) check() error {
	if o.Block == 0 {
		o.Block = time.Hour
	}
	if o.Per == "" {
		o.Per = PerHour
	}
	if o.MaxEvaluations == 0 {
		o.MaxEvaluations = 5000
	}
	if len(o.Starts) == 0 {
		for h := range 24 {
			o.Starts = append(o.Starts, h)
		}
	}
	if len(o.Lengths) == 0 {
		o.Lengths = []int{4, 5, 6, 7, 8, 9, 10, 11, 12}
	}
	var errs []error
	b := o.Block
	if b%time.Hour != 0 || b <= 0 || (24*time.Hour%b != 0 && b != 24*time.Hour && b != 168*time.Hour) {
		errs = append(errs, fmt.Errorf("block %s: give whole hours that divide a day (1h, 2h, 3h, 4h, 6h, 8h, 12h), or 24h or 168h", b))
	}
	if o.Per != PerHour && o.Per != PerRun {
		errs = append(errs, fmt.Errorf("per %q: give %q or %q", o.Per, PerHour, PerRun))
	}
	if o.MaxEvaluations < 1 {
		errs = append(errs, fmt.Errorf("max evaluations %d: give at least 1", o.MaxEvaluations))
	}
	for _, h := range o.Starts {
		if h < 0 || h > 23 {
			errs = append(errs, fmt.Errorf("shift start %d: give an hour from 0 to 23", h))
		}
	}
	for _, n := range o.Lengths {
		if n < 1 || n > 24 {
			errs = append(errs, fmt.Errorf("shift length %dh: give whole hours from 1 to 24", n))
		}
	}
	return errors.Join(errs...)
}

// byBlock is the most in each block of an hourly profile.
func (sr *search) byBlock(hourly [][hours]int) [][]int {
	out := make([][]int, len(hourly))
	for p := range hourly {
		out[p] = make([]int, sr.blocks)
		for h := range hours {
			b := sr.blockOf(h)
			out[p][b] = max(out[p][b], hourly[p][h])
		}
	}
	return out
}

// blockOf is the block an hour of the week is in.
func (sr *search) blockOf(h int) int { return h % sr.period / sr.block }

// run is steps 2 to 4 of the search from the first guess: the levels it
// ends with and whether they meet every target.
func (sr *search) run(level [][]int) ([][]int, bool, error) {
	for p := range level {
		for b := range level[p] {
			level[p][b] = max(level[p][b], sr.floor[p][b])
		}
	}
	// Adding until every target holds.
	sr.phase = "adding staff where a target fails"
	for {
		st, err := sr.evaluate(level)
		if err != nil {
			return level, false, err
		}
		fails := sr.judge(st, sr.period)
		if len(fails) == 0 {
			break
		}
		sr.add(level, st, fails)
	}
	sr.progress(level)

	// Removing, a pool at a time, every block at once.
	sr.phase = "removing staff where every target still holds"
	tight := make([][]bool, len(level))
	for p := range tight {
		tight[p] = make([]bool, sr.blocks)
	}
	for changed := true; changed; {
		changed = false
		for p := range level {
			ok, err := sr.removeBatch(level, tight, p)
			if err != nil {
				return level, true, err
			}
			changed = changed || ok
		}
	}

	// One at a time, until none can go.
	sr.phase = "checking each block alone"
	for p := range level {
		for b := range level[p] {
			for level[p][b] > sr.floor[p][b] && sr.spare(level, p) > 0 {
				level[p][b]--
				st, err := sr.evaluate(level)
				if err != nil {
					level[p][b]++
					return level, true, err
				}
				if len(sr.judge(st, sr.period)) > 0 {
					level[p][b]++
					break
				}
				sr.progress(level)
			}
		}
	}
	return level, true, nil
}

// add puts one more on duty, in the first pool of each failing queue, in
// each block where it fails; a target over the whole run adds where the
// queue's hours fall short, or its worst block.
func (sr *search) add(level [][]int, st []sim.Stats, fails []fail) {
	type pb struct{ p, b int }
	seen := map[pb]bool{}
	bump := func(q, h int) {
		p := int(sr.m.Queues[q].ServedBy[0])
		b := sr.blockOf(h)
		if !seen[pb{p, b}] {
			seen[pb{p, b}] = true
			level[p][b]++
		}
	}
	for _, f := range fails {
		if f.h >= 0 {
			bump(f.q, f.h)
			continue
		}
		worst, worstLevel := 0, 2.0
		short := false
		for h := range sr.period {
			x, n := sim.MeanLevel(st, sim.QueueID(f.q), h, sr.period)
			if n == 0 {
				continue
			}
			if x < sr.m.Queues[f.q].Fraction {
				bump(f.q, h)
				short = true
			}
			if x < worstLevel {
				worst, worstLevel = h, x
			}
		}
		if !short {
			bump(f.q, worst)
		}
	}
}

// spare is how many staff-blocks pool p can lose and still cover, over
// the period, the work only it can do (sr.work).
func (sr *search) spare(level [][]int, p int) int {
	on := 0
	for _, n := range level[p] {
		on += n
	}
	return int(math.Floor((float64(on*sr.block)-sr.work[p])/float64(sr.block) + 1e-9))
}

// removeBatch tries one fewer in every block of pool p that is not tight
// and above its floor; where targets then fail it gives staff back and
// marks those blocks tight. It reports whether any were kept off.
func (sr *search) removeBatch(level [][]int, tight [][]bool, p int) (bool, error) {
	var cand []int
	for b := range level[p] {
		if !tight[p][b] && level[p][b] > sr.floor[p][b] {
			cand = append(cand, b)
		}
	}
	if sr.opt.Per == PerRun {
		return sr.removeHalving(level, tight, p, cand)
	}
	cand = cand[:max(0, min(len(cand), sr.spare(level, p)))]
	removed := map[int]bool{}
	for _, b := range cand {
		level[p][b]--
		removed[b] = true
	}
	for len(removed) > 0 {
		st, err := sr.evaluate(level)
		if err != nil {
			for b := range removed {
				level[p][b]++
			}
			return false, err
		}
		fails := sr.judge(st, sr.period)
		if len(fails) == 0 {
			sr.progress(level)
			return true, nil
		}
		// Give back the failing block's staff, or the nearest removed
		// before it (its backlog spills over), or all when neither.
		back := map[int]bool{}
		for _, f := range fails {
			b := -1
			if f.h >= 0 {
				b = sr.blockOf(f.h)
			}
			found := false
			for d := 0; d <= 2 && b >= 0; d++ {
				if c := (b - d + sr.blocks) % sr.blocks; removed[c] {
					back[c], found = true, true
					break
				}
			}
			if !found {
				for c := range removed {
					back[c] = true
				}
			}
		}
		for b := range back {
			level[p][b]++
			tight[p][b] = true
			delete(removed, b)
		}
	}
	return false, nil
}

// removeHalving is removeBatch for targets over the whole run, where a
// failure does not say which block caused it: the blocks with the most
// room are tried first, as many as possible, halving the batch when it
// fails.
func (sr *search) removeHalving(level [][]int, tight [][]bool, p int, cand []int) (bool, error) {
	kept := false
	k := len(cand)
	for len(cand) > 0 && sr.spare(level, p) > 0 {
		k = min(k, len(cand), sr.spare(level, p))
		batch := cand[:k]
		for _, b := range batch {
			level[p][b]--
		}
		st, err := sr.evaluate(level)
		if err != nil {
			for _, b := range batch {
				level[p][b]++
			}
			return kept, err
		}
		if len(sr.judge(st, sr.period)) == 0 {
			kept = true
			sr.progress(level)
			cand = cand[k:]
			continue
		}
		for _, b := range batch {
			level[p][b]++
		}
		if k == 1 {
			tight[p][cand[0]] = true
			cand = cand[1:]
			continue
		}
		k /= 2
	}
	return kept, nil
}

// judge lists the targets a simulation misses, judged as the report
// judges them (sim.JudgeHours in bins hours, or over the run), and more
// strictly in one way: an hour in which contacts joined but none were
// answered fails.
func (sr *search) judge(st []sim.Stats, bins int) []fail {
	var fails []fail
	for q := range sr.m.Queues {
		mq := &sr.m.Queues[q]
		if mq.Within == 0 {
			continue
		}
		if sr.opt.Per == PerRun {
			var w sim.Welford
			var offered int64
			for i := range st {
				qs := &st[i].Queues[q]
				offered += qs.Offered
				if qs.Served > 0 {
					w.Add(float64(qs.WithinTarget) / float64(qs.Served))
				}
			}
			if (w.N == 0 && offered > 0) || (w.N > 0 && w.Mean < mq.Fraction) {
				fails = append(fails, fail{q, -1})
			}
			continue
		}
		for _, h := range sim.JudgeHours(st, sim.QueueID(q), mq.Fraction, bins).Short {
			fails = append(fails, fail{q, h})
		}
		for h := range bins {
			if _, n := sim.MeanLevel(st, sim.QueueID(q), h, bins); n == 0 && sim.OfferedIn(st, sim.QueueID(q), h, bins) > 0 {
				fails = append(fails, fail{q, h})
			}
		}
	}
	return fails
}

// evaluate simulates the scenario with level[p][b] on duty (no shrinkage:
// the levels are on duty already).
func (sr *search) evaluate(level [][]int) ([]sim.Stats, error) {
	if err := sr.budget(); err != nil {
		return nil, err
	}
	sr.evals++
	trial := *sr.s
	trial.Pools = make([]config.Pool, len(sr.s.Pools))
	for p, pl := range sr.s.Pools {
		trial.Pools[p] = config.Pool{Name: pl.Name, Clinician: pl.Clinician}
		sr.setLevels(&trial.Pools[p], level[p])
	}
	m, err := sim.Compile(&trial)
	if err != nil {
		return nil, fmt.Errorf("staffing: a trial rota does not compile: %w", err)
	}
	st, err := sim.Run(sr.ctx, m, sim.Options{Workers: sr.opt.Workers})
	if err != nil {
		return nil, err
	}
	if sr.opt.Progress != nil {
		sr.opt.Progress(Progress{Phase: sr.phase, Evaluations: sr.evals, Max: sr.opt.MaxEvaluations, OnDutyHours: sr.best})
	}
	return st, nil
}

// budget says whether another simulation may run: not when ctx is done or
// the bound on simulations is reached.
func (sr *search) budget() error {
	if err := sr.ctx.Err(); err != nil {
		return err
	}
	if sr.evals >= sr.opt.MaxEvaluations {
		return fmt.Errorf("%w: %d simulations, while %s", ErrBound, sr.evals, sr.phase)
	}
	return nil
}

// progress records a rota that met every target as the best so far.
func (sr *search) progress(level [][]int) {
	total := 0
	for p := range level {
		for _, n := range level[p] {
			total += n
		}
	}
	sr.best = float64(total * sr.block * hours / sr.period)
}

// setLevels gives pool p the levels block by block, as a constant staff
// for one block a week and as one shift a block otherwise.
func (sr *search) setLevels(p *config.Pool, level []int) {
	if sr.blocks == 1 || allEqual(level) {
		n := float64(level[0])
		p.Staff = &n
		return
	}
	for b, n := range level {
		if n == 0 {
			continue
		}
		h := b * sr.block
		sh := config.Shift{Start: config.At(h%24, 0), Length: config.Duration(time.Duration(sr.block) * time.Hour), Count: float64(n)}
		if sr.period == hours {
			sh.Days = []config.Weekday{config.Weekday(h / 24)}
		}
		p.Shifts = append(p.Shifts, sh)
	}
}

func allEqual(xs []int) bool {
	return !slices.ContainsFunc(xs, func(x int) bool { return x != xs[0] })
}
