package results

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"spoa/config"
	"spoa/sim"
	"spoa/sim/staffing"
)

// Staffing is what `spoa staff` found for a scenario: the staffing
// search's result with the run it judged by.
type Staffing struct {
	Scenario     string  `json:"scenario"`
	Seed         uint64  `json:"seed"`
	Replications int     `json:"replications"`
	Days         float64 `json:"days"`
	WarmupDays   float64 `json:"warmup_days"`
	// Per: targets judged "hour" or "run"; ByHourOfWeek: per hour of the
	// week (demand differs between days) rather than of the day.
	Per          string `json:"per"`
	ByHourOfWeek bool   `json:"by_hour_of_week"`
	Block        string `json:"block"`
	Evaluations  int    `json:"simulations"`
	// Met: the staff on duty found meet every target; Verified: so does
	// the shift rota, simulated with shrinkage; Misses, what it missed.
	Met      bool     `json:"met"`
	Verified bool     `json:"verified"`
	Misses   []string `json:"misses,omitempty"`
	// Repairs: how many times the shift rota missed a target and one more
	// was put on duty where it did, before it met them all.
	Repairs int `json:"repairs"`
	// Partial: the search stopped before its end (interrupted, or at its
	// bound on simulations), and Stopped says why.
	Partial bool          `json:"partial,omitempty"`
	Stopped string        `json:"stopped,omitempty"`
	Pools   []StaffedPool `json:"pools"`
	Total   StaffTotal    `json:"total"`
	// Baseline is what the scenario says its staff are compared with.
	Baseline *config.Baseline `json:"baseline,omitempty"`
}

// StaffedPool is one pool's answer: the numbers by hour of the week
// (Monday 00:00 first).
type StaffedPool struct {
	Name      string  `json:"name"`
	Shrinkage float64 `json:"shrinkage"`
	// Guess is the analytic first guess on duty, OnDuty the search's
	// answer, Rostered what gives it after shrinkage.
	Guess  []int `json:"guess_on_duty"`
	OnDuty []int `json:"on_duty"`
	// Own is the number on duty on the scenario's own rota.
	Own      []int          `json:"scenario_on_duty"`
	Rostered []int          `json:"rostered"`
	Shifts   []config.Shift `json:"shifts"`
	// Hours a week: on duty, rostered as required, rostered in shifts, and
	// the linear programme's least for shifts.
	OnDutyHours   float64 `json:"on_duty_hours"`
	RosteredHours float64 `json:"rostered_hours"`
	ShiftHours    float64 `json:"shift_hours"`
	LowerBound    float64 `json:"shift_hours_lower_bound"`
	WTE           float64 `json:"wte"`
	ScenarioWTE   float64 `json:"scenario_wte"`
}

// StaffTotal adds the pools up.
type StaffTotal struct {
	WTE         float64 `json:"wte"`
	ScenarioWTE float64 `json:"scenario_wte"`
}

// NewStaffing puts a search's result beside the model it searched.
func NewStaffing(m *sim.Model, s *config.Scenario, r *staffing.Result, stopped error) *Staffing {
	out := &Staffing{
		Scenario: m.Name, Seed: m.Seed, Replications: m.Replications, Days: m.Days, WarmupDays: m.WarmupDays,
		Per: r.Per, ByHourOfWeek: r.Period == sim.HoursOfWeek, Block: shortHours(r.Block), Evaluations: r.Evaluations,
		Met: r.Met, Verified: r.Verified, Misses: r.Misses, Repairs: r.Repairs, Partial: r.Partial, Baseline: s.Baseline(),
	}
	if stopped != nil {
		out.Stopped = stopped.Error()
	}
	for _, p := range r.Pools {
		sp := StaffedPool{
			Name: p.Name, Shrinkage: p.Shrinkage, Guess: p.Guess[:], OnDuty: p.Required[:], Own: p.Own[:], Rostered: p.Rostered[:],
			Shifts: p.Shifts, OnDutyHours: p.OnDutyHours(), RosteredHours: p.RosteredHours, ShiftHours: p.ShiftHours,
			LowerBound: p.LowerBound, WTE: p.WTE, ScenarioWTE: p.ScenarioWTE,
		}
		if sp.Shifts == nil {
			sp.Shifts = []config.Shift{}
		}
		out.Pools = append(out.Pools, sp)
		out.Total.WTE += p.WTE
		out.Total.ScenarioWTE += p.ScenarioWTE
	}
	return out
}

// shortHours writes a block as "1h" or "168h".
func shortHours(d time.Duration) string { return strconv.Itoa(int(d/time.Hour)) + "h" }

// judged says over what the targets were judged.
func (st *Staffing) judged() string {
	switch {
	case st.Per == staffing.PerRun:
		return "over the whole run"
	case st.ByHourOfWeek:
		return "in every hour of the week"
	}
	return "in every hour of the day"
}

// WriteStaffTable writes the staffing as text: what was searched, whether
// it meets every target, each pool's hours and WTE beside the scenario's
// own, and then each pool's staff on duty by hour and its shifts.
func WriteStaffTable(w io.Writer, st *Staffing) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: the fewest staff that meet every target, judged %s, in %s blocks\n", st.Scenario, st.judged(), st.Block)
	fmt.Fprintf(&b, "%d simulations, each %d replications of %s days after %s days warm-up, seed %d (common random numbers)\n",
		st.Evaluations, st.Replications, num(st.Days), num(st.WarmupDays), st.Seed)
	if st.Partial {
		fmt.Fprintf(&b, "PARTIAL: the search stopped early (%s); below is the best found so far\n", st.Stopped)
	}
	fmt.Fprintf(&b, "every target met: by the staff on duty found, %s; by the shift rota below, simulated with shrinkage, %s\n",
		yesNo(st.Met), yesNo(st.Verified))
	if len(st.Misses) > 0 {
		fmt.Fprintf(&b, "the shift rota misses: %s\n", strings.Join(st.Misses, ", "))
	}
	if st.Repairs > 0 {
		fmt.Fprintf(&b, "(the shift rota missed a target at first: %d time%s one more was put on duty where it did, and the shifts fitted again)\n", st.Repairs, plural(st.Repairs))
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "pool\ton duty h/week\trostered h/week\tin shifts h/week\tleast possible\tWTE\tscenario's WTE\tdifference\t")
	for _, p := range st.Pools {
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.0f\t%.0f\t%.1f\t%.1f\t%+.1f\t\n", p.Name, p.OnDutyHours, p.RosteredHours, p.ShiftHours, p.LowerBound, p.WTE, p.ScenarioWTE, p.WTE-p.ScenarioWTE)
	}
	fmt.Fprintf(tw, "total\t\t\t\t\t%.1f\t%.1f\t%+.1f\t\n", st.Total.WTE, st.Total.ScenarioWTE, st.Total.WTE-st.Total.ScenarioWTE)
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\nWTE: rostered hours a week / 37.5; rostered = on duty / (1 - shrinkage), rounded up to whole staff.\n")
	b.WriteString("least possible: the linear programme's fewest rostered hours for shifts of the allowed starts and lengths.\n")
	if bl := st.Baseline; bl != nil {
		fmt.Fprintf(&b, "\nagainst %s: %.1f WTE; found %.1f, %+.1f", bl.Label, bl.WTE, st.Total.WTE, st.Total.WTE-bl.WTE)
		if bl.AdditionalWTE != 0 {
			fmt.Fprintf(&b, " (the plan adds %+.1f, to %.1f)", bl.AdditionalWTE, bl.WTE+bl.AdditionalWTE)
		}
		b.WriteString("\n")
	}
	for _, p := range st.Pools {
		fmt.Fprintf(&b, "\n%s: on duty by hour, found and (own) on the scenario's rota", p.Name)
		if p.Shrinkage > 0 {
			fmt.Fprintf(&b, ", after shrinkage of %s", Percent(p.Shrinkage))
		}
		b.WriteString("\n       ")
		for h := range 24 {
			fmt.Fprintf(&b, "%3d", h)
		}
		b.WriteString("\n")
		days := 7
		if !st.ByHourOfWeek {
			days = 1
		}
		for d := range days {
			label := config.Weekday(d).String()
			if days == 1 {
				label = "daily"
			}
			fmt.Fprintf(&b, "  %-5s", label)
			for h := range 24 {
				fmt.Fprintf(&b, "%3d", p.OnDuty[d*24+h])
			}
			b.WriteString("\n   own ")
			for h := range 24 {
				fmt.Fprintf(&b, "%3d", p.Own[d*24+h])
			}
			b.WriteString("\n")
		}
		if len(p.Shifts) == 0 {
			b.WriteString("  shifts: none\n")
			continue
		}
		b.WriteString("  shifts (rostered):\n")
		for _, sh := range p.Shifts {
			fmt.Fprintf(&b, "    %s for %s: %s, %s\n", sh.Start, shortDuration(sh.Length), num(sh.Count), dayList(sh.Days))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shortDuration writes whole hours as "8h".
func shortDuration(d config.Duration) string {
	if h := time.Duration(d); h%time.Hour == 0 {
		return strconv.Itoa(int(h/time.Hour)) + "h"
	}
	return d.String()
}

// dayList writes a shift's days, "every day" when none are named.
func dayList(days []config.Weekday) string {
	if len(days) == 0 {
		return "every day"
	}
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = d.String()
	}
	return strings.Join(names, " ")
}

// WriteStaffJSON writes the staffing as JSON.
func WriteStaffJSON(w io.Writer, st *Staffing) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(st)
}

// WriteStaffCSV writes one row per pool and hour of the week: the first
// guess, the staff on duty found, the number rostered, the number the
// shifts roster, and the number on duty on the scenario's own rota.
func WriteStaffCSV(w io.Writer, st *Staffing) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"pool", "day", "hour", "guess_on_duty", "on_duty", "rostered", "rostered_in_shifts", "scenario_on_duty"})
	for _, p := range st.Pools {
		cover := shiftCover(p.Shifts)
		for h := range sim.HoursOfWeek {
			_ = cw.Write([]string{p.Name, config.Weekday(h / 24).String(), strconv.Itoa(h % 24),
				strconv.Itoa(p.Guess[h]), strconv.Itoa(p.OnDuty[h]), strconv.Itoa(p.Rostered[h]), num(cover[h]), strconv.Itoa(p.Own[h])})
		}
	}
	cw.Flush()
	return cw.Error()
}

// shiftCover is the number the shifts roster in each hour of the week.
func shiftCover(shifts []config.Shift) [sim.HoursOfWeek]float64 {
	var out [sim.HoursOfWeek]float64
	if len(shifts) == 0 {
		return out
	}
	steps := config.Pool{Shifts: shifts}.Rota()
	for h := range out {
		t := float64(h) * 3600
		for _, s := range steps {
			if s.At <= t {
				out[h] = s.Level
			}
		}
	}
	return out
}
