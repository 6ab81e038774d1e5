package sim

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkMMc20Abandon runs M/M/20+M (100 calls an hour, 10-minute
// service, 5-minute patience) for one million arrivals per operation,
// collecting every statistic the report uses, on one goroutine.
func BenchmarkMMc20Abandon(b *testing.B) {
	const arrivals = 1_000_000
	s := mmc(100, 10*time.Minute, 5*time.Minute, 20, arrivals/2400.0, 1)
	s.Run.WarmupDays = 0
	m, err := Compile(s)
	require.NoError(b, err)
	b.ReportAllocs()
	b.ResetTimer()
	var events, offered uint64
	for i := 0; i < b.N; i++ {
		st, err := Replicate(context.Background(), m, 7, i)
		if err != nil {
			b.Fatal(err)
		}
		events += st.Events
		offered += uint64(st.Streams[0].Offered)
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(offered)/sec, "arrivals/s")
	b.ReportMetric(float64(events)/sec, "events/s")
	b.ReportMetric(float64(events)/float64(b.N), "events/op")
}
