package load

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDayCV: day_cv is read, written back by Encode, and refused where it
// is not a finite number from 0 to config.MaxDayCV, with its path.
func TestDayCV(t *testing.T) {
	good := spoil(t, "{per_hour: 10}", "{per_hour: 10, day_cv: 0.12}")
	s, err := Bytes([]byte(good), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	require.Equal(t, 0.12, s.Streams[0].Arrivals.DayCV)
	out, err := Encode(s, "yaml", "")
	require.NoError(t, err)
	back, err := Bytes(out, "yaml", "back.yaml", nil)
	require.NoError(t, err)
	require.Equal(t, s, back)

	for _, c := range []struct{ value, want string }{
		{"-0.1", "streams[0].arrivals.day_cv: must not be negative, got -0.1"},
		{".nan", "streams[0].arrivals.day_cv: not a number (NaN)"},
		{".inf", "streams[0].arrivals.day_cv: must be finite"},
		{"1.5", "streams[0].arrivals.day_cv: 1.5 is over 1"},
	} {
		bad := spoil(t, "{per_hour: 10}", "{per_hour: 10, day_cv: "+c.value+"}")
		_, err := Bytes([]byte(bad), "yaml", "t.yaml", nil)
		require.Error(t, err, c.value)
		require.Contains(t, err.Error(), c.want, c.value)
	}
}
