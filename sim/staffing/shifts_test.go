package staffing

import (
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// The shifts cover the need in every hour of the week, their hours are
// at least the linear programme's bound, and a need that shifts fit
// exactly is met with no waste.
func TestFitShifts(t *testing.T) {
	var exact [hours]int
	for d := range 7 {
		for h := 8; h < 16; h++ {
			exact[d*24+h] = 3 // three on an 8-hour day shift
		}
		for h := 16; h < 24; h++ {
			exact[d*24+h] = 2
		}
	}
	starts := make([]int, 24)
	for h := range starts {
		starts[h] = h
	}
	f, err := fitShifts(exact, starts, []int{8})
	require.NoError(t, err)
	require.InDelta(t, 7*(8*3+8*2), f.hours, 1e-9)
	require.InDelta(t, f.hours, f.bound, 1e-6)

	var bumpy [hours]int
	for h := range hours {
		bumpy[h] = []int{1, 1, 1, 1, 1, 1, 2, 4, 7, 9, 10, 10, 9, 9, 8, 8, 8, 9, 10, 9, 7, 5, 3, 2}[h%24] + h/24%3
	}
	f, err = fitShifts(bumpy, starts, []int{4, 6, 8, 10, 12})
	require.NoError(t, err)
	var cover [hours]int
	for _, s := range f.shifts {
		days := s.Days
		for d := range 7 {
			if len(days) > 0 && !containsDay(days, d) {
				continue
			}
			from := d*24 + int(s.Start.Seconds()/3600)
			for k := range int(s.Length.Seconds() / 3600) {
				cover[(from+k)%hours] += int(s.Count)
			}
		}
	}
	total := 0
	for h := range hours {
		require.GreaterOrEqual(t, cover[h], bumpy[h], "hour %d", h)
		total += bumpy[h]
	}
	require.GreaterOrEqual(t, f.hours, f.bound-1e-6)
	require.GreaterOrEqual(t, f.bound, float64(total)-1e-6)
	t.Logf("need %d hours, bound %.1f, shifts %.0f (%d shift lines)", total, f.bound, f.hours, len(f.shifts))
	require.LessOrEqual(t, f.hours, 1.1*f.bound, "within 10%% of the bound")

	// Day shifts alone cannot cover a night.
	_, err = fitShifts(bumpy, []int{8}, []int{8})
	require.ErrorContains(t, err, "no shift of the allowed starts and lengths covers mon 00:00")
}

func containsDay(days []config.Weekday, d int) bool {
	for _, x := range days {
		if int(x) == d {
			return true
		}
	}
	return false
}
