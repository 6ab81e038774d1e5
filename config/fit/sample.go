package fit

import "math/rand/v2"

// reservoir keeps a uniform random sample of at most cap values from a
// stream of any length (Vitter's algorithm R), from a generator of its
// own, so that the same records give the same sample.
type reservoir[T any] struct {
	cap  int
	seen int64
	kept []T
	rng  *rand.Rand
}

func newReservoir[T any](cap int, seed uint64) *reservoir[T] {
	return &reservoir[T]{cap: cap, rng: rand.New(rand.NewPCG(seed, 0x5eed))}
}

func (r *reservoir[T]) add(v T) {
	r.seen++
	if len(r.kept) < r.cap {
		r.kept = append(r.kept, v)
		return
	}
	if j := r.rng.Int64N(r.seen); j < int64(r.cap) {
		r.kept[j] = v
	}
}
