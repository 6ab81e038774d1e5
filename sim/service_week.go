package sim

import "math"

// HourJudgement is how a queue's target fares hour by hour, for a target
// judged per hour: in each hour (of the day, or of the week where anything
// differs by day: Model.Bins) in which any replication served anyone, the
// mean over replications of the share served within the target
// (MeanLevel) must reach the target's fraction.
type HourJudgement struct {
	// Hours is how many hours anyone was served in.
	Hours int
	// Missed is how many of those fell short of the fraction, and Short
	// which they were.
	Missed int
	Short  []int
	// Worst is the hour (of the day, 0 is 00:00–01:00; or of the week, 0
	// is Monday 00:00–01:00) whose mean share is lowest, the first of
	// equals; -1 when Hours is 0. WorstLevel is that share.
	Worst      int
	WorstLevel float64
}

// Met reports whether the target is met in every hour it could be judged
// in; with nobody served at all it cannot be judged, and is not met.
func (j HourJudgement) Met() bool { return j.Hours > 0 && j.Missed == 0 }

// JudgeHours judges queue q's target of fraction in each of bins hours
// (24 of the day or 168 of the week, as Model.Bins says), over the
// replications st. The report's targets and a staffing search both judge
// through it, so that they agree to the last bit.
func JudgeHours(st []Stats, q QueueID, fraction float64, bins int) HourJudgement {
	j := HourJudgement{Worst: -1, WorstLevel: math.Inf(1)}
	for h := range bins {
		level, n := MeanLevel(st, q, h, bins)
		if n == 0 {
			continue
		}
		j.Hours++
		if !(level >= fraction) {
			j.Missed++
			j.Short = append(j.Short, h)
		}
		if level < j.WorstLevel {
			j.Worst, j.WorstLevel = h, level
		}
	}
	if j.Hours == 0 {
		j.WorstLevel = 0
	}
	return j
}

// VariesByDay reports whether anything the model is given differs from
// one day of the week to another: a stream's arrival rate, or a pool's
// number on duty. Where nothing does, every day is alike and a profile by
// hour of the week says no more than one by hour of the day.
func (m *Model) VariesByDay() bool {
	if m.DemandVariesByDay() {
		return true
	}
	for i := range m.Pools {
		if m.Pools[i].rota.variesByDay() {
			return true
		}
	}
	return false
}

// variesByDay reports whether the rota's number on duty at some moment
// differs from that a day later. Both are steps that change only at the
// rota's changes or a day before one, so comparing there is exact.
func (r *rota) variesByDay() bool {
	for _, c := range r.changes {
		for _, t := range []float64{c.at, math.Mod(c.at-day+week, week)} {
			if r.at(t) != r.at(math.Mod(t+day, week)) {
				return true
			}
		}
	}
	return false
}
