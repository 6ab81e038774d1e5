package config

import (
	"fmt"
	"strings"
	"time"
)

// The typed values a scenario file's text is decoded into. Each parses
// and prints itself, so a time of day or a weekday is read in one place,
// and what the simulator receives is already a number.

// Week is the period of every rota and arrival profile: a shift longer
// than a week would overlap itself.
const Week = 7 * 24 * time.Hour

// Duration is a time.Duration written as Go writes one ("45s", "9m",
// "1h30m").
type Duration time.Duration

// Seconds returns the duration in seconds, the simulator's clock unit.
func (d Duration) Seconds() float64 { return time.Duration(d).Seconds() }

func (d Duration) String() string { return time.Duration(d).String() }

// MarshalText writes the duration back in Go form, so a resolved scenario
// printed as JSON or YAML reads as it was written.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// TimeOfDay is a time of day written "HH:MM", 00:00 to 23:59. The zero
// value is no time at all (a shift whose start was not given), not
// midnight: At(0, 0) is midnight.
type TimeOfDay struct {
	minutes int16
	given   bool
}

// At is the time of day h:m; it panics outside 00:00–23:59, which only a
// mistake in code can ask for.
func At(h, m int) TimeOfDay {
	if h < 0 || h > 23 || m < 0 || m > 59 {
		panic(fmt.Sprintf("config: %d:%d is not a time of day", h, m))
	}
	return TimeOfDay{minutes: int16(h*60 + m), given: true}
}

// Given reports whether the time was set.
func (t TimeOfDay) Given() bool { return t.given }

// Seconds is the time in seconds after midnight.
func (t TimeOfDay) Seconds() float64 { return float64(t.minutes) * 60 }

// String writes "08:00", or "" for no time.
func (t TimeOfDay) String() string {
	if !t.given {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", t.minutes/60, t.minutes%60)
}

// MarshalText writes the time as a file gives it.
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads "HH:MM": two digits each, 00:00 to 23:59.
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	s := string(b)
	if len(s) != 5 || s[2] != ':' || !digits(s[:2]) || !digits(s[3:]) {
		return fmt.Errorf("%q is not a time of day HH:MM, 00:00 to 23:59", s)
	}
	h, m := int(s[0]-'0')*10+int(s[1]-'0'), int(s[3]-'0')*10+int(s[4]-'0')
	if h > 23 || m > 59 {
		return fmt.Errorf("%q is not a time of day HH:MM, 00:00 to 23:59", s)
	}
	*t = At(h, m)
	return nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Weekday is a day of the week, Monday first, as the simulator's clock
// starts at 00:00 on a Monday. Files write it "mon" … "sun".
type Weekday uint8

// The days of the week.
const (
	Monday Weekday = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

// weekdays are the days' names in files, Monday first.
var weekdays = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// Weekdays is every day of the week, Monday first: the days of a shift
// that names none.
func Weekdays() []Weekday {
	out := make([]Weekday, len(weekdays))
	for i := range out {
		out[i] = Weekday(i)
	}
	return out
}

func (d Weekday) String() string {
	if int(d) < len(weekdays) {
		return weekdays[d]
	}
	return fmt.Sprintf("Weekday(%d)", int(d))
}

// MarshalText writes the day as a file gives it.
func (d Weekday) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a day's name, in lower case as every name in a file.
func (d *Weekday) UnmarshalText(b []byte) error {
	for i, n := range weekdays {
		if string(b) == n {
			*d = Weekday(i)
			return nil
		}
	}
	return fmt.Errorf("unknown day %q (days are %s)", b, strings.Join(weekdays[:], ", "))
}

// HourName names hour h of the bins a target per hour is judged in: of
// the day ("09:00") when bins is 24, else of the week (HourOfWeek).
func HourName(h, bins int) string {
	if bins == 24 {
		return At(h, 0).String()
	}
	return HourOfWeek(h)
}

// HourOfWeek names hour h of the week (0 is Monday 00:00–01:00) as
// "sat 09:00", as the simulator's clock starts on a Monday.
func HourOfWeek(h int) string { return Weekday(h/24).String() + " " + At(h%24, 0).String() }
