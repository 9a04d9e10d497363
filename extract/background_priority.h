// The priority of a thread doing work ahead of need (the relation rules compiled ahead): below
// the extracting threads', never so low that it stalls them.
//
// Why not idle priority (SCHED_IDLE): such a thread shares the allocator's locks, RE2's
// once-flags and the like with the extracting threads. Beside other processes keeping every
// core busy, Linux's scheduler (EEVDF) gives an idle-policy thread its next turn up to a second
// later; preempted while holding one of those locks, it stalled a build or an eval of one
// article for 0.8 to 2.2 s (docs/performance.md). Ten steps of nice weigh about a tenth of a
// normal thread: its turn comes within some 30 ms, and it still yields a shared core to the
// extracting threads nine times in ten. Lowering one's own priority needs no privilege.
#pragma once

namespace toile {

// Steps of nice added to the calling thread's (up to 19, the lowest).
inline constexpr int kBackgroundNiceSteps = 10;

// Lowers the calling thread's priority by kBackgroundNiceSteps, keeping the normal scheduling
// policy. Linux keeps a nice value for each thread: the other threads are unchanged. False
// when the system refused.
bool lower_this_threads_priority();

}  // namespace toile
