// Package staffing finds the fewest staff that meet every target of a
// scenario, and a shift rota that covers them.
//
// The answer is the number on duty in each pool in each block of the week
// (an hour by default), found in four steps:
//
//  1. A first guess from queueing theory, block by block: each queue's
//     arrival rate in the hour (its streams, and the flow routed to it from
//     other queues, in the same hour), its load put on the first pool that
//     serves it, and for each pool the fewest staff for which Erlang A
//     (where every queue it serves loses callers to impatience) or Erlang C
//     (otherwise) meets the strictest target of its queues.
//  2. Adding, by simulation: while a target fails in an hour, one more on
//     duty in that hour's block, in the first pool of the failing queue,
//     every failing block at once.
//  3. Removing, by simulation: pool by pool, one fewer in every block that
//     may spare one, all at once; the blocks where a target then fails (or
//     the block before, whose backlog spilled over) get theirs back, and
//     are left alone after that.
//  4. Checking each block alone: one fewer in each pool and block in turn,
//     kept when every target still holds, so that at the end no single
//     staff member can be taken from any block without breaking a target.
//
// Every simulation uses the scenario's seed and replications: contacts
// carry their own random numbers (arrival times, service times, patience,
// routes), so two rotas are judged on the same callers and differ by the
// staff, not by noise (common random numbers). A target is judged as the
// report judges it (sim.JudgeHours): in every hour (of the day, or of the
// week where demand differs by day), or over the whole run.
//
// Two guards keep the search from answers no planner would take. A pool
// never has fewer on duty in an hour than the load of the queues that only
// it serves, where that work cannot wait: otherwise a queue without a
// target, or one whose callers give up before they are answered, would be
// starved, since a target counts only the contacts answered. Work that
// waits (a queue with a target whose contacts never give up, such as
// call-backs) may be carried from a busy hour to a quieter one, as a
// clinical queue is in practice: such a pool keeps at least one on duty in
// every hour that work joins, and its staff-hours over the day (or the
// week) cover the load of the queues only it serves, so that the queue
// cannot grow without bound; its target sees every wait. And an hour in
// which contacts joined a queue with a target but none were answered
// fails.
//
// The number on duty becomes a number rostered by the pool's shrinkage
// (on duty = rostered × (1 − shrinkage), rounded, as the simulator has
// it), and that becomes shifts of the allowed starts and lengths: the
// fewest rostered hours that cover every hour of the week, found by
// rounding the linear programme's solution (gonum's simplex) and repairing
// it greedily. The linear programme's optimum is a lower bound, and the
// gap is reported. The staffed scenario is then simulated once more with
// its real shifts and shrinkage, and the result says whether it meets
// every target.
package staffing
