package fit

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config/records"
)

// TestStaffSeen: with agents named, staff in an hour are the mean number
// seen working in it over the days, a service spanning hours counting in
// each; without, the most busy at once on the busiest day. Handling
// times given in seconds stand for the end.
func TestStaffSeen(t *testing.T) {
	csv := "arrive,answered,handle,agent,pool\n" +
		// Day 1: a and b from 08:00, b until 09:30; day 2: a alone.
		"2024-01-01T08:00:00Z,2024-01-01T08:00:00Z,600,a,desk\n" +
		"2024-01-01T08:10:00Z,2024-01-01T08:10:00Z,4800,b,desk\n" +
		"2024-01-02T08:00:00Z,2024-01-02T08:00:00Z,1800,a,desk\n"
	fitCSV := func(csv string) *Result {
		rd, err := records.NewReader(strings.NewReader(csv), nil)
		require.NoError(t, err)
		f := New(Options{})
		require.NoError(t, f.ReadAll(context.Background(), rd))
		return f.Result()
	}
	r := fitCSV(csv)
	require.Len(t, r.Pools, 1)
	p := r.Pools[0]
	require.Equal(t, "agents", p.Method)
	require.Equal(t, 2.0, p.Hourly[8], "(2 + 1) / 2 days, rounded up")
	require.Equal(t, 1.0, p.Hourly[9], "b on day 1 only: 1/2, rounded up")
	require.Equal(t, 0.0, p.Hourly[10])
	// Busy: 08:00 on day 1 is 600 + 3000 s, on day 2 1800 s.
	require.InDelta(t, (3600.0/3600+1800.0/3600)/2, p.MeanBusy[8], 1e-3)
	require.EqualValues(t, 3, r.Queues[0].Service.N, "handling times are service times")

	noAgents := strings.ReplaceAll(strings.ReplaceAll(csv, ",a,", ",,"), ",b,", ",,")
	p = fitCSV(noAgents).Pools[0]
	require.Equal(t, "busy", p.Method)
	require.Equal(t, 1.0, p.Hourly[8], "the busiest day's 08:00 had 3600 busy seconds: 1 at once on average")
	require.Equal(t, 1.0, p.Hourly[9], "b's last half hour, rounded up")
}
