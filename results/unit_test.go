package results

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDur(t *testing.T) {
	for s, want := range map[float64]string{
		0: "0s", 3.25: "3.2s", 45: "45s", 245: "4m05s", 3720: "1h02m", 4*86400 + 7200: "4d02h", math.NaN(): "-",
	} {
		require.Equal(t, want, Dur(s), "%v seconds", s)
	}
}

// A figure shows by its unit; a difference is signed, and a difference of
// shares is in percentage points, not per cent.
func TestUnitFormats(t *testing.T) {
	cases := []struct {
		unit          Unit
		x             float64
		value, change string
	}{
		{Seconds, 245, "4m05s", "+4m05s"},
		{Seconds, 3.5, "3.5s", "+3.5s"},
		{Seconds, 0, "0s", "0s"},
		{Fraction, 0.125, "12.5%", "+12.5 pts"},
		{Fraction, -0.012, "-1.2%", "-1.2 pts"},
		{Count, 3, "3.0", "+3.0"},
		{Count, 0, "0.0", "0.0"},
		{Hours, 1234.56, "1234.6", "+1234.6"},
		{WTE, -7.44, "-7.4", "-7.4"},
	}
	for _, c := range cases {
		require.Equal(t, c.value, c.unit.Format(c.x), "%v of unit %d", c.x, c.unit)
		require.Equal(t, c.change, c.unit.FormatChange(c.x), "a change of %v, unit %d", c.x, c.unit)
	}
	require.Equal(t, "-45s", Seconds.FormatChange(-45))
	require.Equal(t, "-", Seconds.Show(Figure{}), "never measured")
	require.Equal(t, "0s", Seconds.Show(Figure{N: 2}), "measured, and zero")
}
