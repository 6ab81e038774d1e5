// Package sim is spoa's discrete-event engine and its model of the single
// point of access hub: streams of contacts arriving at queues, pools of staff
// on a rota serving them, abandonment, redial and routing to other queues or
// to destinations.
//
// # Layout
//
// Compile (model.go) checks a config.Scenario and resolves it into a Model
// of indices; after that nothing refers to the scenario. One concept a
// file, each a compiled part of the Model and the type that holds its
// state in one replication, with the methods that change it:
//
//   - arrivals.go: Stream, its arrival rate by hour of the week, and the
//     source of its arrival times and contacts' seeds
//   - queue.go: Queue, and queueState, its waiting line
//   - pool.go, chat.go, rota.go: Pool; poolState, how many are on duty and
//     busy; the chat desk of staff holding several chats; the rota as a
//     weekly step function and the cursor that walks it
//   - routing.go: where a contact goes after service (a race keyed by what
//     each route leads to), by time of the week (routes_at), and where a
//     destination sends it on (config.Destination)
//   - contact.go: a contact, its own random numbers, and the reused slots
//   - recorder.go: every statistic, written in one place (stats_types.go
//     says what each means; stats.go the mergeable accumulators)
//   - limits.go: the bounds that keep a run finite in memory and time
//   - engine.go: the event heap; replication.go the event loop, which only
//     dispatches each event to the parts above; run.go replications in
//     parallel
//   - service.go, service_week.go: service level by hour of the day or of
//     the week, one definition for the report and the staffing search
//   - erlang.go: the queueing formulas the simulator is checked against
//     (and the staffing search starts from)
//   - trace.go: ReplicateTrace, a replication that reports each visit to
//     a queue as it ends; untraced, the hooks cost a nil test each
//
// # Clock
//
// Time is a float64 count of seconds from 00:00 on a Monday. The warm-up
// comes first; only what happens after it counts, up to the end of the
// measured days.
//
// # Order of events at equal times
//
// Events are kept in a min-heap keyed by time, then by kind, then by a
// running sequence number, so every run breaks ties the same way:
//
//  1. rota changes (a shift that ends at t has ended before anything else
//     happens at t, so staff finishing at t go home rather than take a call)
//  2. service ends (releases before seizes, as in simmer)
//  3. hour ticks (statistics flushed into their hour-of-day bin)
//  4. abandonments
//  5. redials
//  6. arrivals
//
// and FIFO by sequence number among events of one kind at one time.
//
// # Randomness
//
// Each stream has two PCG generators seeded from (seed, replication,
// stream name): one for its inter-arrival times, one giving each arriving
// contact a seed of its own; a stream with day_cv has a third, for its
// days' volume factors, so that without it no other number moves. Every other draw — patience, service time,
// route, redial — comes from a generator seeded from (the contact's seed,
// the number of its queue visit, what the draw is for). So results do not
// depend on the number of workers; adding a stream shifts no other stream;
// and two scenarios run with one seed share common random numbers that
// stay in step: the n-th caller of a stream has the same patience, service
// time and route in both wherever the designs let it make the same visit,
// however differently the two designs order events. A route is the winner
// of a race keyed by what each route leads to (routing.go), so renaming a
// queue changes no caller's route, and a small change of one probability
// moves few callers.
//
// # Memory
//
// Nothing grows with the horizon: statistics are running sums, time
// integrals and fixed-size histograms. Contact slots are reused through a
// free list, so memory follows the number of contacts in the system at
// once, not the number that have passed through. That number is bounded
// too: at most MaxWaiting (a million) contacts wait in one queue, or in
// all queues together counting callers waiting to redial, and a contact
// that finds its queue, or for an arrival the replication, that full is
// turned away and counted (limits.go), so queues whose demand exceeds
// their capacity with no abandonment run to the end in bounded memory
// rather than exhausting it.
// A queue's ring of entries drops those of contacts who abandoned before it
// grows, so it too follows the number waiting. An answered caller's
// abandonment timer stays in the event heap until the heap is more than
// half such timers, when they are all dropped at once (compact): the heap
// follows what can still happen, not arrival rate × patience. Dropped
// timers are not counted as events, so nothing depends on when that was.
package sim
