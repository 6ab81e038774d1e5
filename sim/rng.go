package sim

import "math/rand/v2"

// generator returns the generator for one source of randomness in one
// replication. The source is named (for example "arrivals/nhs111"), so a
// scenario that adds a stream leaves every other stream untouched.
func generator(seed uint64, rep int, name string) *rand.PCG {
	h := fnv64(name)
	return rand.NewPCG(splitmix(seed^splitmix(uint64(rep)+0x632be59bd9b4e019)), splitmix(h+uint64(rep)*0x9e3779b97f4a7c15))
}

// splitmix is the SplitMix64 finaliser: it spreads nearby seeds (0, 1, 2 …)
// over the whole state space.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// fnv64 is FNV-1a, a stable hash of a source name.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
