package sim

import "math"

// Welford is a running mean and variance (Welford's algorithm) that can be
// merged with another (Chan et al.), so shards and replications combine
// exactly. The zero value is empty and ready to use.
type Welford struct {
	N    int64
	Mean float64
	M2   float64 // sum of squared deviations from the mean
}

// Add takes one observation.
func (w *Welford) Add(x float64) {
	w.N++
	d := x - w.Mean
	w.Mean += d / float64(w.N)
	w.M2 += d * (x - w.Mean)
}

// Merge folds o into w as if every observation of o had been added to w.
func (w *Welford) Merge(o Welford) {
	if o.N == 0 {
		return
	}
	if w.N == 0 {
		*w = o
		return
	}
	n := w.N + o.N
	d := o.Mean - w.Mean
	w.Mean += d * float64(o.N) / float64(n)
	w.M2 += o.M2 + d*d*float64(w.N)*float64(o.N)/float64(n)
	w.N = n
}

// Var is the sample variance (n-1 denominator); 0 with fewer than two.
func (w Welford) Var() float64 {
	if w.N < 2 {
		return 0
	}
	return w.M2 / float64(w.N-1)
}

// SD is the sample standard deviation.
func (w Welford) SD() float64 { return math.Sqrt(w.Var()) }

// Histogram counts non-negative values in log-spaced bins: 2^histBits bins
// per doubling, taken straight from the bits of the float64, so a bin's
// width is at most 1/128 (0.78%) of its lower edge and a quantile read off
// it, interpolated within the bin, is within 0.8% of the exact sample
// quantile. Values below histMin (1 ms) count as zero; values above
// histMax (about 12 days) fall in the last bin. Its size is fixed
// whatever the horizon.
type Histogram struct {
	Zero   int64   // values below histMin, waits of contacts answered at once
	Counts []int64 // bin i covers [edge(i), edge(i+1))
	N      int64
}

const (
	histBits = 7
	histMin  = 1e-3
	histMax  = 1 << 20 // seconds
)

var (
	histBase = int(math.Float64bits(histMin) >> (52 - histBits))
	histBins = int(math.Float64bits(histMax)>>(52-histBits)) - histBase + 1
)

// Add counts one value.
func (h *Histogram) Add(x float64) {
	h.N++
	if x < histMin {
		h.Zero++
		return
	}
	if h.Counts == nil {
		h.Counts = make([]int64, histBins)
	}
	i := int(math.Float64bits(x)>>(52-histBits)) - histBase
	if i >= histBins {
		i = histBins - 1
	}
	h.Counts[i]++
}

// Merge adds o's counts to h.
func (h *Histogram) Merge(o *Histogram) {
	h.N += o.N
	h.Zero += o.Zero
	if o.Counts == nil {
		return
	}
	if h.Counts == nil {
		h.Counts = make([]int64, histBins)
	}
	for i, c := range o.Counts {
		h.Counts[i] += c
	}
}

func histEdge(i int) float64 { return math.Float64frombits(uint64(i+histBase) << (52 - histBits)) }

// Quantile returns the q-quantile (0 ≤ q ≤ 1): the value below which a
// share q of the observations lie, interpolated linearly within its bin.
// It is 0 for an empty histogram.
func (h *Histogram) Quantile(q float64) float64 {
	if h.N == 0 {
		return 0
	}
	rank := q * float64(h.N)
	if rank <= float64(h.Zero) {
		return 0
	}
	cum := float64(h.Zero)
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		if cum+float64(c) >= rank {
			lo, hi := histEdge(i), histEdge(i+1)
			return lo + (hi-lo)*(rank-cum)/float64(c)
		}
		cum += float64(c)
	}
	return histEdge(histBins)
}
