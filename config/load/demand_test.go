package load

import (
	"testing"

	"github.com/stretchr/testify/require"

	"spoa/config"
)

// Demand is set like any key: at the top, and for a stream by its name;
// the two multiply, and the scenario's hash changes with them.
func TestSetDemand(t *testing.T) {
	plain, err := Bytes([]byte(ok), "yaml", "t.yaml", nil)
	require.NoError(t, err)
	require.Nil(t, plain.Demand)
	require.Equal(t, 1.0, plain.Scale(plain.Streams[0]), "absent: exactly 1")

	s, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"demand=1.1", "streams.s.demand=2"})
	require.NoError(t, err)
	require.Equal(t, 1.1, *s.Demand)
	require.Equal(t, 2.0, *s.Streams[0].Demand)
	require.Equal(t, 2.2, s.Scale(s.Streams[0]))
	require.Equal(t, 22.0, s.StreamPerHour(s.Streams[0]))
	require.NotEqual(t, config.Hash(plain), config.Hash(s))

	// The target's period too.
	s, err = Bytes([]byte(spoil(t, "routes: {done: 1}", "routes: {done: 1}\n    target: {within: 20s, fraction: 0.8}")), "yaml", "t.yaml", []string{"queues.q.target.per=hour"})
	require.NoError(t, err)
	require.True(t, s.Queues[0].Target.ByHour())
}
