package config

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

func (c *checker) pool(p string, pl Pool) {
	var given []string
	if pl.Staff != nil {
		given = append(given, "staff")
	}
	if pl.Hourly != nil {
		given = append(given, "hourly")
	}
	if pl.Shifts != nil {
		given = append(given, "shifts")
	}
	switch len(given) {
	case 0:
		c.add(p, "give the staff on duty: staff, hourly or shifts")
	case 1:
	default:
		c.add(p, "give only one of staff, hourly or shifts, not %s", strings.Join(given, " and "))
	}
	if pl.Staff != nil {
		c.staff(p+".staff", *pl.Staff)
	}
	if pl.Hourly != nil {
		if len(pl.Hourly) != 24 {
			c.add(p+".hourly", "has %d counts, needs 24 (one an hour, from 00:00)", len(pl.Hourly))
		} else {
			for i, n := range pl.Hourly {
				c.staff(fmt.Sprintf("%s.hourly[%d]", p, i), n)
			}
		}
	}
	if pl.Shifts != nil && len(pl.Shifts) == 0 {
		c.add(p+".shifts", "empty; give at least one shift, or staff: 0")
	}
	ok := true
	for i, sh := range pl.Shifts {
		ok = c.shift(fmt.Sprintf("%s.shifts[%d]", p, i), sh) && ok
	}
	if ok && len(pl.Shifts) > 0 && len(given) == 1 {
		// Shifts that overlap add up: the limit is on the most rostered at
		// once, not on any one count or their sum.
		if most, when := peak(pl.Rota()); most > maxStaff {
			c.add(p+".shifts", "%s rostered at once (%s, shifts overlapping), over the limit of %g staff in one pool", num(most), when, maxStaff)
		}
	}
	if c.finite(p+".shrinkage", pl.Shrinkage) && (pl.Shrinkage < 0 || pl.Shrinkage >= 1) {
		c.add(p+".shrinkage", "must be at least 0 and less than 1 (a share of rostered time), got %s", num(pl.Shrinkage))
	}
}

// staff checks a number of staff on duty.
func (c *checker) staff(path string, n float64) bool {
	if !c.nonNegative(path, n) {
		return false
	}
	if n > maxStaff {
		c.add(path, "%s is over the limit of %g staff in one pool", num(n), maxStaff)
		return false
	}
	return true
}

// shift checks one shift and reports whether it is usable: whether the
// pool's rota can be worked out with it.
func (c *checker) shift(p string, sh Shift) bool {
	ok := true
	if !sh.Start.Given() {
		// A malformed time is refused as the file is decoded.
		c.add(p+".start", `missing: a time of day such as "08:00"`)
		ok = false
	}
	switch d := time.Duration(sh.Length); {
	case d <= 0:
		c.add(p+".length", "must be more than 0, got %s", sh.Length)
		ok = false
	case d > Week:
		c.add(p+".length", "%s is longer than a week (168h)", sh.Length)
		ok = false
	}
	if sh.Days != nil && len(sh.Days) == 0 {
		c.add(p+".days", "empty: list the days the shift starts on, or leave days out for every day")
		ok = false
	}
	for i, day := range sh.Days {
		path := fmt.Sprintf("%s.days[%d]", p, i)
		if day > Sunday {
			c.add(path, "no such day: %d (days are mon … sun)", day)
			ok = false
		} else if j := slices.Index(sh.Days, day); j < i {
			c.add(path, "%q is already listed at days[%d]", day, j)
			ok = false
		}
	}
	return c.staff(p+".count", sh.Count) && ok
}
