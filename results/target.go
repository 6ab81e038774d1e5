package results

import (
	"fmt"

	"spoa/config"
	"spoa/sim"
)

// TargetResult: whether a queue's target was met, on the mean over
// replications. A target judged over the run (Per "run") is met when the
// mean share answered within it, Achieved, reaches Fraction; one judged
// per hour (Per "hour") when, in every hour in which anyone was served
// (of the week, or of the day where nothing differs by day), the mean
// share of that hour does (sim.JudgeHours), and
// ByHour says how the hours fared. Achieved is the share over the whole
// run either way.
type TargetResult struct {
	Queue    string  `json:"queue"`
	WithinS  float64 `json:"within_s"`
	Fraction float64 `json:"fraction"`
	Per      string  `json:"per"`
	Achieved Figure  `json:"achieved"`
	Met      bool    `json:"met"`
	// ByHour is set for a target judged per hour in which anyone was
	// served.
	ByHour *HourTarget `json:"by_hour,omitempty"`
}

// HourTarget is how a target judged per hour fared: in how many hours it
// was judged and missed, and its worst hour, with the share answered
// within target then (its mean is the one judged). The hours are of the
// week (OfWeek) where demand or a rota differs by day, and of the day,
// the seven days pooled, where nothing does (sim.Model.Bins).
type HourTarget struct {
	Hours     int    `json:"hours_judged"`
	Missed    int    `json:"hours_missed"`
	OfWeek    bool   `json:"hours_of_week"`
	Worst     string `json:"worst_hour"`       // "sat 09:00", or "09:00" by hour of the day
	WorstHour int    `json:"worst_hour_index"` // 0 is 00:00, or Monday 00:00
	Achieved  Figure `json:"worst_achieved"`
}

// judge judges the target of queue s, whose figures are q.
func judge(s subject, q QueueReport, st []sim.Stats) TargetResult {
	mq := s.queue()
	t := TargetResult{Queue: s.name, WithinS: mq.Within, Fraction: mq.Fraction, Per: config.PerRun, Achieved: q.Get("within_target_fraction")}
	if !mq.ByHour {
		t.Met = q.Get("served").Mean > 0 && t.Achieved.Mean >= mq.Fraction
		return t
	}
	t.Per = config.PerHour
	id := sim.QueueID(s.idx[0])
	bins := s.m.Bins()
	j := sim.JudgeHours(st, id, mq.Fraction, bins)
	t.Met = j.Met()
	if j.Hours == 0 {
		return t
	}
	values := make([]float64, len(st))
	for i := range st {
		if bins == 24 {
			values[i] = level(st[i].Queues[id].LevelOfDay(j.Worst))
		} else {
			values[i] = level(st[i].Queues[id].LevelIn(j.Worst, j.Worst+1))
		}
	}
	t.ByHour = &HourTarget{Hours: j.Hours, Missed: j.Missed, OfWeek: bins != 24, Worst: config.HourName(j.Worst, bins), WorstHour: j.Worst, Achieved: figureOf(values).in(Fraction)}
	return t
}

// Goal says what the target asks: "95% answered within 1m", and "in every
// hour" for a target judged per hour.
func (t TargetResult) Goal() string {
	s := Percent(t.Fraction) + " answered within " + Dur(t.WithinS)
	if t.Per == config.PerHour {
		s += " in every hour"
	}
	return s
}

// Verdict says how the target fared: for one judged over the run, the
// share achieved (AchievedText); for one judged per hour, the worst hour
// with its share, how many hours fell short, and the share over the run.
func (t TargetResult) Verdict() string {
	h := t.ByHour
	if t.Per != config.PerHour || h == nil {
		return t.AchievedText()
	}
	return fmt.Sprintf("worst hour %s, %s; %d of %d hours short; %s over the run",
		h.Worst, withCI(h.Achieved), h.Missed, h.Hours, Percent(t.Achieved.Mean))
}

// AchievedText says what share was answered within the target, with its
// 95% CI; when nobody was answered there is no share, and the target,
// not met, is said to be unjudged rather than shown as 0%.
func (t TargetResult) AchievedText() string {
	if !t.Achieved.Measured() {
		return "nobody was answered, so it cannot be judged"
	}
	return withCI(t.Achieved)
}

// withCI writes a share with its 95% CI.
func withCI(f Figure) string {
	if !f.HasCI() {
		return Percent(f.Mean) + " (n=1, no CI)"
	}
	return Percent(f.Mean) + " (95% CI " + f.CIText(Percent) + ")"
}

// AchievedCI is the 95% CI of the share answered within the target.
func (t TargetResult) AchievedCI() string { return t.Achieved.CIText(Percent) }

// AchievedCI is the 95% CI of the share answered within the target in the
// worst hour.
func (h HourTarget) AchievedCI() string { return h.Achieved.CIText(Percent) }
