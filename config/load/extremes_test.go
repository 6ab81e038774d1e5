package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"spoa/config"
)

// A caller who abandons at once (patience 0) and redials at once, with
// nobody on duty, would ring again in the same instant forever: `spoa run`
// never ended. A redial delay with a mean under a second is refused.
func TestRedialAtOnceRefused(t *testing.T) {
	loop := []string{
		"queues.q.patience={dist: constant, mean: 0s}",
		"pools.a.staff=0",
		"streams.s.redial={probability: 1, delay: {dist: constant, mean: 0s}}",
	}
	for _, tc := range []struct{ delay, want string }{
		{"{dist: constant, mean: 0s}", "t.yaml: streams[0].redial.delay: mean 0s is under 1s: a caller redialling at once could ring again in the same instant, forever"},
		{"{dist: uniform, min: 0s, max: 1ms}", "t.yaml: streams[0].redial.delay: mean 500µs is under 1s"},
		{"{dist: exponential, mean: 1ns}", "t.yaml: streams[0].redial.delay: mean 1ns is under 1s"},
	} {
		sets := append(loop[:2:2], "streams.s.redial={probability: 1, delay: "+tc.delay+"}")
		_, err := Bytes([]byte(ok), "yaml", "t.yaml", sets)
		var ps *config.Problems
		require.ErrorAs(t, err, &ps, tc.delay)
		assert.Contains(t, err.Error(), tc.want)
		assert.Len(t, ps.List, 1)
	}
	sets := append(loop[:2:2], "streams.s.redial={probability: 1, delay: {dist: triangular, min: 0s, mode: 1s, max: 2s}}")
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", sets)
	require.NoError(t, err, "a mean of a second keeps time moving")
}

// A weibull so skewed that Γ(1+1/shape) overflows gave service times that
// were not numbers, and the run panicked; its shape is refused.
func TestWeibullShapeTooSmallRefused(t *testing.T) {
	_, err := Bytes([]byte(ok), "yaml", "t.yaml", []string{"queues.q.service={dist: weibull, shape: 0.001, mean: 5m}"})
	var ps *config.Problems
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, "t.yaml: queues[0].service.shape: 0.001 is under 0.01: a weibull that skewed has no usable mean or draws", err.Error())
	_, err = Bytes([]byte(ok), "yaml", "t.yaml", []string{"queues.q.service={dist: weibull, shape: 0.01, mean: 5m}"})
	require.NoError(t, err)
}
