package results

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The same staff summed in another order differ by rounding, not at all:
// 0.1 + 0.2 is not 0.3 in float64, and a comparison of two rotas of equal
// WTE showed "-0.0 *" for such a sum. Real differences stay, however
// small.
func TestPairedRoundingIsZero(t *testing.T) {
	a, b := 0.1, 0.2
	split := a + b
	require.NotEqual(t, 0.3, split, "the float64 sum is not exact")
	require.Equal(t, []float64{0, 0}, paired([]float64{split, split}, []float64{0.3, 0.3}))
	require.InDelta(t, 0.001, paired([]float64{89.601}, []float64{89.6})[0], 1e-12, "a real difference stays")
}
