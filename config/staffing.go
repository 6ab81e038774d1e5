package config

import (
	"fmt"
	"math"
	"time"
)

// Staffing is a scenario's settings for `spoa staff`.
type Staffing struct {
	// Starts are the times of day a shift may start, on the hour; none
	// means every hour. Lengths are the shift lengths allowed, in whole
	// hours from 1h to 24h; none means 4h to 12h.
	Starts  []TimeOfDay `mapstructure:"starts" json:"starts,omitempty"`
	Lengths []Duration  `mapstructure:"lengths" json:"lengths,omitempty"`
	// Baseline is what the total WTE found is set beside.
	Baseline *Baseline `mapstructure:"baseline" json:"baseline,omitempty"`
}

// Baseline is a number of staff to compare a staffing with: WTE staff
// (today's, say), and AdditionalWTE a plan adds to them.
type Baseline struct {
	Label         string  `mapstructure:"label" json:"label"`
	WTE           float64 `mapstructure:"wte" json:"wte"`
	AdditionalWTE float64 `mapstructure:"additional_wte" json:"additional_wte,omitempty"`
}

// Baseline is the scenario's staffing baseline, nil when it gives none.
func (s *Scenario) Baseline() *Baseline {
	if s.Staffing == nil {
		return nil
	}
	return s.Staffing.Baseline
}

// ShiftStarts are the hours of the day a shift may start (every hour
// when the scenario names none); ShiftLengths the lengths allowed, in
// hours (4 to 12 when it names none).
func (s *Scenario) ShiftStarts() []int {
	var out []int
	if s.Staffing != nil {
		for _, t := range s.Staffing.Starts {
			out = append(out, int(t.Seconds()/3600))
		}
	}
	if len(out) == 0 {
		for h := range 24 {
			out = append(out, h)
		}
	}
	return out
}

// ShiftLengths: see ShiftStarts.
func (s *Scenario) ShiftLengths() []int {
	var out []int
	if s.Staffing != nil {
		for _, d := range s.Staffing.Lengths {
			out = append(out, int(time.Duration(d)/time.Hour))
		}
	}
	if len(out) == 0 {
		out = []int{4, 5, 6, 7, 8, 9, 10, 11, 12}
	}
	return out
}

// staffing checks the staffing settings.
func (c *checker) staffing(path string, st *Staffing) {
	if st == nil {
		return
	}
	seen := map[int]bool{}
	for i, t := range st.Starts {
		p := fmt.Sprintf("%s.starts[%d]", path, i)
		m := int(t.Seconds() / 60)
		switch {
		case m%60 != 0:
			c.add(p, "%s: shifts start on the hour", t)
		case seen[m]:
			c.add(p, "%s given twice", t)
		}
		seen[m] = true
	}
	lengths := map[Duration]bool{}
	for i, d := range st.Lengths {
		p := fmt.Sprintf("%s.lengths[%d]", path, i)
		switch {
		case time.Duration(d)%time.Hour != 0 || d < Duration(time.Hour) || d > Duration(24*time.Hour):
			c.add(p, "%s: give whole hours from 1h to 24h", d)
		case lengths[d]:
			c.add(p, "%s given twice", d)
		}
		lengths[d] = true
	}
	if b := st.Baseline; b != nil {
		p := path + ".baseline"
		if b.Label == "" {
			c.add(p+".label", "missing: say what the baseline is, e.g. \"today's staff\"")
		}
		if math.IsNaN(b.WTE) || math.IsInf(b.WTE, 0) || b.WTE < 0 {
			c.add(p+".wte", "%s: give a number of WTE, 0 or more", num(b.WTE))
		}
		if math.IsNaN(b.AdditionalWTE) || math.IsInf(b.AdditionalWTE, 0) {
			c.add(p+".additional_wte", "%s: give a number of WTE", num(b.AdditionalWTE))
		}
	}
}
