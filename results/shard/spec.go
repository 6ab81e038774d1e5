package shard

import (
	"fmt"
	"strconv"
	"strings"
)

// Spec is shard I of N, numbered from 1 as Slurm's array indices
// (--array=1-N, $SLURM_ARRAY_TASK_ID) are.
type Spec struct{ I, N int }

// Parse reads "I/N", 1 ≤ I ≤ N.
func Parse(s string) (Spec, error) {
	is, ns, ok := strings.Cut(strings.TrimSpace(s), "/")
	i, ierr := strconv.Atoi(strings.TrimSpace(is))
	n, nerr := strconv.Atoi(strings.TrimSpace(ns))
	if !ok || ierr != nil || nerr != nil || n < 1 || i < 1 || i > n {
		return Spec{}, fmt.Errorf("--shard %q: expected I/N, whole numbers with 1 ≤ I ≤ N (shards count from 1, as Slurm's $SLURM_ARRAY_TASK_ID with --array=1-N)", s)
	}
	return Spec{I: i, N: n}, nil
}

func (s Spec) String() string { return fmt.Sprintf("%d/%d", s.I, s.N) }

// Block is the shard's share of total items (replications or points):
// [lo, hi), contiguous, the items split as evenly as they go, earlier
// shards never larger than later ones. It depends on I, N and total only.
func (s Spec) Block(total int) (lo, hi int) {
	return (s.I - 1) * total / s.N, s.I * total / s.N
}
