package fit

import (
	"math"
	"time"
)

// dayHour is an hour of a date.
type dayHour struct {
	day  int64
	hour int8
}

// poolAcc is what is kept of one pool's work: its busy time and the
// agents seen working, by hour of each date (per-hour tables).
type poolAcc struct {
	busy   map[dayHour]float64
	agents map[dayHour]map[string]struct{}
}

// add counts the service from start to end, spread over the hours it
// spans, and its agent, if named, as working in each.
func (p *poolAcc) add(start, end time.Time, agent string) {
	t := start
	for t.Before(end) {
		next := t.Truncate(time.Hour).Add(time.Hour)
		if next.After(end) {
			next = end
		}
		k := dayHour{dayNumber(t), int8(t.Hour())}
		p.busy[k] += next.Sub(t).Seconds()
		if agent != "" {
			set := p.agents[k]
			if set == nil {
				set = map[string]struct{}{}
				p.agents[k] = set
			}
			set[agent] = struct{}{}
		}
		if next.Equal(t) {
			break
		}
		t = next
	}
}

// PoolFit is a pool's staff by hour of the day, from 00:00.
type PoolFit struct {
	Name string `json:"name"`
	// Method is "agents": the mean number of agents seen working in the
	// hour, over the days; or "busy": the most busy at once, averaged
	// over the hour, on the busiest day (the records name no agents), a
	// lower bound on those on duty.
	Method string      `json:"method"`
	Hourly [24]float64 `json:"hourly"`
	// MeanBusy is the mean number busy in each hour of the day.
	MeanBusy [24]float64 `json:"mean_busy"`
}

func (p *poolAcc) fit(name string, firstDay, days int64, agents bool) PoolFit {
	f := PoolFit{Name: name, Method: "busy"}
	if agents {
		f.Method = "agents"
	}
	for h := range 24 {
		var most, sumBusy, sumAgents float64
		for d := range days {
			k := dayHour{firstDay + d, int8(h)}
			b := p.busy[k] / 3600
			sumBusy += b
			most = max(most, b)
			sumAgents += float64(len(p.agents[k]))
		}
		f.MeanBusy[h] = round3(sumBusy / float64(days))
		if agents {
			f.Hourly[h] = math.Ceil(sumAgents/float64(days) - 1e-9)
		} else {
			f.Hourly[h] = math.Ceil(most - 1e-9)
		}
	}
	return f
}
