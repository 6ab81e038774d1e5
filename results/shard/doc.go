// Package shard splits a run, or a sweep, into n shards that can run on
// different machines (a Slurm job array, say), and merges what they wrote
// into exactly the report one run gives.
//
// A shard of a run holds a contiguous block of its replications; a shard
// of a sweep, a contiguous block of its points, each with all its
// replications. Which block is fixed by the shard's number i (from 1), the
// number of shards n and the count alone (Spec.Block), so that every
// machine agrees without talking to the others. Each replication draws
// only on its own random streams, so where it ran changes nothing.
//
// A shard writes a part (Part): its replications' statistics (sim.Stats,
// what results.Aggregate reads), the scenario that made them, and what a
// merge checks: the scenario's hash, the seed, the replications of the
// whole run, the shard, spoa's version and a checksum of the whole. Merge
// checks a set of parts, orders their replications and aggregates them,
// so that the merged report is the single run's, byte for byte, in every
// format.
package shard
