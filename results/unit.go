package results

import (
	"fmt"
	"math"
)

// Unit is what a measure counts, and so how its figures are shown: a time
// as a duration, a share in per cent (a difference of shares in
// percentage points, since a change from 10% to 12% is not "2%"), and
// anything else as a number to one decimal.
type Unit int

const (
	Count    Unit = iota // contacts
	Seconds              // a time
	Fraction             // a share of 1
	Hours                // staff-hours
	WTE                  // whole-time equivalent staff
)

// bounds are the values a figure in the unit can take: a share lies in
// [0, 1]; times, counts, hours and staff are not negative.
func (u Unit) bounds() (lo, hi float64) {
	if u == Fraction {
		return 0, 1
	}
	return 0, math.Inf(1)
}

// Format writes x in the unit: "4m05s", "12.5%", "3.0".
func (u Unit) Format(x float64) string {
	switch u {
	case Seconds:
		return Dur(x)
	case Fraction:
		return Percent(x)
	}
	return fmt.Sprintf("%.1f", x)
}

// FormatChange writes a difference x in the unit, signed unless it is
// zero: "+45s", "-1.2 pts", "+3.0".
func (u Unit) FormatChange(x float64) string {
	sign := ""
	if x != 0 {
		sign = "+"
		if x < 0 {
			sign, x = "-", -x
		}
	}
	switch u {
	case Seconds:
		return sign + Dur(x)
	case Fraction:
		return fmt.Sprintf("%s%.1f pts", sign, 100*x)
	}
	return fmt.Sprintf("%s%.1f", sign, x)
}

// Show writes a figure's mean in the unit, or "-" where no replication
// measured it.
func (u Unit) Show(f Figure) string {
	if !f.Measured() {
		return "-"
	}
	return u.Format(f.Mean)
}

// Percent writes a share of 1 in per cent: "12.5%".
func Percent(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// Dur writes seconds the way a planner reads them: "45s", "4m05s",
// "1h02m", "3d04h".
func Dur(s float64) string {
	if math.IsNaN(s) || math.IsInf(s, 0) {
		return "-"
	}
	switch {
	case s == 0:
		return "0s"
	case s < 10:
		return fmt.Sprintf("%.1fs", s)
	case s < 60:
		return fmt.Sprintf("%.0fs", s)
	case s < 3600:
		t := int(math.Round(s))
		return fmt.Sprintf("%dm%02ds", t/60, t%60)
	case s < 86400:
		t := int(math.Round(s / 60))
		return fmt.Sprintf("%dh%02dm", t/60, t%60)
	default:
		t := int(math.Round(s / 3600))
		return fmt.Sprintf("%dd%02dh", t/24, t%24)
	}
}
