//! Scheduling decisions: every choice the machine makes between equally valid options goes
//! through a [`Scheduler`], and is recorded so that a run can be replayed exactly.

use crate::rng::Rng;

/// What a decision is about (recorded with it, for the trace and for replay checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Which waiting thread takes the GIL.
    GilTake,
    /// Which thread blocked on a released lock is woken.
    LockWake,
    /// Which ready thread gets a free core (free-threaded mode).
    CoreAssign,
    /// How many instructions a thread runs before the next interleaving point (free-threaded).
    Quantum,
    /// How late a thread's timed wait for the GIL wakes up (OS latency), in microseconds.
    WakeLatency,
}

/// Chooses among `n` options (`n ≥ 1`).
pub trait Scheduler {
    fn choose(&mut self, decision: Decision, n: usize) -> usize;
}

/// Seeded random choices (the default policy).
pub struct RandomScheduler {
    rng: Rng,
}

impl RandomScheduler {
    pub fn new(seed: u64) -> RandomScheduler {
        RandomScheduler {
            rng: Rng::new(seed),
        }
    }
}

impl Scheduler for RandomScheduler {
    fn choose(&mut self, _decision: Decision, n: usize) -> usize {
        if n <= 1 {
            0
        } else {
            self.rng.below(n as u64) as usize
        }
    }
}

/// Replays recorded choices; once they run out, falls back to choosing the first option.
pub struct ReplayScheduler {
    choices: Vec<u32>,
    next: usize,
}

impl ReplayScheduler {
    pub fn new(choices: Vec<u32>) -> ReplayScheduler {
        ReplayScheduler { choices, next: 0 }
    }
}

impl Scheduler for ReplayScheduler {
    fn choose(&mut self, _decision: Decision, n: usize) -> usize {
        if n <= 1 {
            return 0;
        }
        let c = self.choices.get(self.next).copied().unwrap_or(0) as usize;
        self.next += 1;
        c.min(n - 1)
    }
}

/// Wraps a scheduler and records every decision that had more than one option.
pub struct Recorder<S: Scheduler> {
    pub inner: S,
    pub choices: Vec<u32>,
}

impl<S: Scheduler> Scheduler for Recorder<S> {
    fn choose(&mut self, decision: Decision, n: usize) -> usize {
        let c = self.inner.choose(decision, n);
        if n > 1 {
            self.choices.push(c as u32);
        }
        c
    }
}
