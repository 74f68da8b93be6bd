//! What the machine records while it runs: plain data with virtual timestamps, for the
//! timeline and the state views. (The versioned, serialisable format comes with the trace
//! issue; this is the in-memory record it will be built from.)

/// Why a thread gave up the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GilDrop {
    /// Another thread asked (drop request honoured at an eval-breaker check point).
    Requested,
    /// The thread blocked (sleep, lock, join) and released the GIL around the call.
    Blocked,
    /// The thread finished.
    Exited,
}

/// One event of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceEvent {
    ThreadCreated { t: u64, thread: usize },
    /// The thread ran on `core` from `start` to `end` (holding the GIL, unless free-threaded).
    Ran { thread: usize, core: u32, start: u64, end: u64, steps: u64 },
    GilTaken { t: u64, thread: usize },
    GilDropped { t: u64, thread: usize, why: GilDrop },
    /// A waiting thread's switch interval expired: it set `gil_drop_request`.
    DropRequest { t: u64, by: usize },
    Blocked { t: u64, thread: usize, on: String },
    Woken { t: u64, thread: usize, timeout: bool },
    ThreadExited { t: u64, thread: usize },
}
