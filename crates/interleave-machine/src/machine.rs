//! The machine: runs the threads of a process on virtual cores and a virtual clock, with
//! CPython's GIL (`Python/ceval_gil.c`) deciding who may run Python code.
//!
//! The loop, each round: wake threads whose sleep or timeout expired; if nobody holds the
//! GIL, hand it to one of the threads waiting for it (a recorded scheduling decision); set
//! `gil_drop_request` for a waiter that has waited a whole switch interval; run the holder
//! until the next event is due (its slice ends early if it blocks, finishes, or honours the
//! drop request at an eval-breaker check point); advance the clock by the instructions run.
//! A thread that drops the GIL on request cannot take it back until another thread has taken
//! it (CPython's FORCE_SWITCHING). In free-threaded mode there is no GIL: up to `cores` ready
//! threads run in short interleaved quanta.

use interleave_vm::Stream;
use interleave_vm::interp::{MachineEvent, Record, Slice, ThreadRun, Wake};
use interleave_vm::native::{Suspend, SwitchReason, Wait};
use interleave_vm::{Interp, ObjRef};

use crate::scheduler::{Decision, Scheduler};
use crate::settings::{PythonMode, Settings};
use crate::trace::{GilDrop, TraceEvent};

/// The machine's view of a thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThreadState {
    /// Wants to run; waiting for the GIL (or a core) since `since`. If the GIL has not changed
    /// hands by `request_at` (a switch interval later, plus the wake-up latency of a timed wait
    /// on a real OS, a scheduling decision), the thread sets the drop request.
    Ready {
        since: u64,
        request_at: u64,
    },
    /// Blocked until woken by an event or by `deadline`.
    Blocked {
        wait: Wait,
        deadline: Option<u64>,
    },
    Done,
}

/// Why the machine stopped before the program finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Halt {
    /// No thread can ever run again.
    Deadlock(Vec<BlockedThread>),
    /// The virtual-time limit (`--until`) was reached.
    TimeLimit(u64),
}

/// One thread of a deadlock report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockedThread {
    pub thread: usize,
    pub waits_for: String,
    /// The thread holding what it waits for, if known.
    pub held_by: Option<usize>,
}

/// How a round of the machine ended for the thread that ran.
pub enum Round {
    Continue,
    /// Thread `0`'s outermost call finished or raised (see `ThreadRun`).
    Exited(usize, ThreadRun),
}

pub struct Machine<S: Scheduler> {
    pub interp: Interp,
    pub settings: Settings,
    pub scheduler: S,
    pub states: Vec<ThreadState>,
    pub now: u64,
    /// The GIL holder (thread index), if any.
    gil: Option<usize>,
    drop_request: bool,
    /// The thread that dropped the GIL on request and may not retake it before someone else.
    forced_out: Option<usize>,
    pub trace: Vec<TraceEvent>,
    /// The most instructions one round may run (a client that must stay responsive, such as
    /// the web worker, bounds it; a long slice is then cut into several rounds, with no
    /// effect on the run itself).
    pub round_steps: u64,
}

impl<S: Scheduler> Machine<S> {
    pub fn new(interp: Interp, settings: Settings, scheduler: S) -> Machine<S> {
        let states = vec![ThreadState::Ready {
            since: 0,
            request_at: 0,
        }];
        Machine {
            interp,
            settings,
            scheduler,
            states,
            now: 0,
            gil: None,
            drop_request: false,
            forced_out: None,
            trace: Vec::new(),
            round_steps: u64::MAX,
        }
    }

    fn free_threaded(&self) -> bool {
        self.settings.python == PythonMode::Py313t
    }

    /// Runs one round. `Err` when the machine must halt.
    pub fn round(&mut self) -> Result<Round, Halt> {
        if self.now > self.settings.until_ns {
            return Err(Halt::TimeLimit(self.settings.until_ns));
        }
        self.wake_expired();
        if self.free_threaded() {
            return self.round_free_threaded();
        }
        if self.gil.is_none() && !self.take_gil() {
            return self.idle();
        }
        let holder = self.gil.expect("holder");
        self.check_drop_request();
        let next_event = self.next_event_time();
        // Run until the next event is due (at least one instruction).
        let budget_ns = next_event.map_or(25_000_000, |t| t.saturating_sub(self.now).max(1));
        let slice = Slice {
            active: true,
            end_step: self.interp.steps.saturating_add(self.round_steps),
            end_ns: self.interp.cpu_ns + budget_ns,
            drop_request: self.drop_request,
            check_every_instruction: self.settings.python == PythonMode::Py39,
        };
        let (run, elapsed) = self.run(holder, slice, 0);
        self.absorb_events();
        self.now += elapsed;
        Ok(match run {
            ThreadRun::Suspended(Suspend::Switch(SwitchReason::DropRequest)) => {
                self.release_gil(holder, GilDrop::Requested);
                self.forced_out = Some(holder);
                self.states[holder] = self.ready_now();
                Round::Continue
            }
            ThreadRun::Suspended(Suspend::Switch(_)) => Round::Continue,
            ThreadRun::Suspended(Suspend::Block(wait)) => {
                self.release_gil(holder, GilDrop::Blocked);
                self.block(holder, wait);
                Round::Continue
            }
            other => {
                self.release_gil(holder, GilDrop::Exited);
                self.states[holder] = ThreadState::Done;
                self.trace.push(TraceEvent::ThreadExited {
                    t: self.now,
                    thread: holder,
                });
                Round::Exited(holder, other)
            }
        })
    }

    /// Runs `tid` for one slice and records it. Returns the outcome and the virtual time it ran.
    fn run(&mut self, tid: usize, slice: Slice, core: u32) -> (ThreadRun, u64) {
        let (steps_before, cpu_before) = (self.interp.steps, self.interp.cpu_ns);
        self.interp.clock_base_ns = self.now;
        let run = self.interp.run_thread(tid, slice);
        let steps = self.interp.steps - steps_before;
        let elapsed = self.interp.cpu_ns - cpu_before;
        if steps > 0 {
            let end = self.now + elapsed;
            let line = user_line(&self.interp, tid);
            self.trace.push(TraceEvent::Ran {
                thread: tid,
                core,
                start: self.now,
                end,
                steps,
                line,
            });
        }
        self.absorb_records(None);
        (run, elapsed)
    }

    /// Moves what the VM recorded (output, contended lock operations) into the trace. Records
    /// written outside a slice (a traceback printed at exit, a deadlock report) get `stamp`,
    /// the machine's clock, as their time.
    pub fn absorb_records(&mut self, stamp: Option<u64>) {
        for record in std::mem::take(&mut self.interp.records) {
            self.trace.push(match record {
                Record::Output {
                    t,
                    thread,
                    stream,
                    text,
                } => {
                    let t = stamp.unwrap_or(t);
                    let stream = if stream == Stream::Stdout {
                        "stdout"
                    } else {
                        "stderr"
                    }
                    .to_string();
                    TraceEvent::Output {
                        t,
                        thread,
                        stream,
                        text,
                    }
                }
                Record::Lock {
                    t,
                    thread,
                    lock,
                    acquired,
                } => TraceEvent::Lock {
                    t: stamp.unwrap_or(t),
                    thread,
                    lock: interleave_vm::hashing::fake_id(lock),
                    acquired,
                },
            });
        }
    }

    /// Gives the GIL to one of the ready threads. False if none is ready.
    fn take_gil(&mut self) -> bool {
        let mut ready: Vec<usize> = self.ready_threads();
        if ready.len() > 1
            && let Some(f) = self.forced_out
        {
            ready.retain(|&t| t != f);
        }
        if ready.is_empty() {
            return false;
        }
        let pick = ready[self.scheduler.choose(Decision::GilTake, ready.len())];
        self.gil = Some(pick);
        self.drop_request = false;
        self.forced_out = None;
        self.trace.push(TraceEvent::GilTaken {
            t: self.now,
            thread: pick,
        });
        // Every other waiter starts a fresh switch interval (the GIL changed hands).
        for i in 0..self.states.len() {
            if i != pick && matches!(self.states[i], ThreadState::Ready { .. }) {
                self.states[i] = self.ready_now();
            }
        }
        true
    }

    /// The state of a thread that starts waiting for the GIL now. The timed wait of CPython's
    /// `take_gil` wakes up a little after the switch interval, by an amount the OS decides: here
    /// 0–100 µs, a recorded scheduling decision (without it, identical loops would always be
    /// switched out at the same instruction).
    fn ready_now(&mut self) -> ThreadState {
        let latency_us = self.scheduler.choose(Decision::WakeLatency, 100) as u64;
        ThreadState::Ready {
            since: self.now,
            request_at: self.now + self.interp.switch_interval_ns + latency_us * 1000,
        }
    }

    fn release_gil(&mut self, holder: usize, why: GilDrop) {
        self.gil = None;
        self.drop_request = false;
        self.trace.push(TraceEvent::GilDropped {
            t: self.now,
            thread: holder,
            why,
        });
    }

    fn ready_threads(&self) -> Vec<usize> {
        self.states
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, ThreadState::Ready { .. }))
            .map(|(i, _)| i)
            .collect()
    }

    /// A waiter that has waited a whole switch interval sets the drop request.
    fn check_drop_request(&mut self) {
        if self.drop_request {
            return;
        }
        let holder = self.gil;
        let due = self.states.iter().enumerate().find(|(i, s)| {
            Some(*i) != holder
                && matches!(s, ThreadState::Ready { request_at, .. } if *request_at <= self.now)
        });
        if let Some((by, _)) = due {
            self.drop_request = true;
            self.trace.push(TraceEvent::DropRequest { t: self.now, by });
        }
    }

    /// When the next thing happens that the running thread must be interrupted for.
    fn next_event_time(&self) -> Option<u64> {
        let mut next: Option<u64> = None;
        let mut consider = |t: u64| next = Some(next.map_or(t, |n: u64| n.min(t)));
        for (i, s) in self.states.iter().enumerate() {
            match s {
                ThreadState::Blocked {
                    deadline: Some(d), ..
                } => consider(*d),
                ThreadState::Ready { request_at, .. }
                    if Some(i) != self.gil && !self.drop_request =>
                {
                    consider(*request_at)
                }
                _ => {}
            }
        }
        consider(self.settings.until_ns.saturating_add(1));
        next
    }

    /// Nothing can run now: let time pass until the next deadline, or report a deadlock.
    fn idle(&mut self) -> Result<Round, Halt> {
        let next = self
            .states
            .iter()
            .filter_map(|s| match s {
                ThreadState::Blocked {
                    deadline: Some(d), ..
                } => Some(*d),
                _ => None,
            })
            .min();
        match next {
            Some(t) => {
                self.now = self.now.max(t);
                Ok(Round::Continue)
            }
            None => Err(Halt::Deadlock(self.deadlock_report())),
        }
    }

    fn deadlock_report(&self) -> Vec<BlockedThread> {
        let mut out = Vec::new();
        for (i, s) in self.states.iter().enumerate() {
            if let ThreadState::Blocked { wait, .. } = s {
                let (waits_for, held_by) = match wait {
                    Wait::Lock { lock, .. } => (
                        format!("lock {}", interleave_vm::hashing::fake_address(*lock)),
                        self.lock_owner(*lock),
                    ),
                    Wait::Sleep { until_ns } => (format!("sleep until {until_ns} ns"), None),
                };
                out.push(BlockedThread {
                    thread: i,
                    waits_for,
                    held_by,
                });
            }
        }
        out
    }

    fn lock_owner(&self, lock: ObjRef) -> Option<usize> {
        match self.interp.heap.get(lock) {
            interleave_vm::object::Obj::Instance(i) => match &i.payload {
                interleave_vm::object::Payload::Lock(s) if s.locked => s.owner,
                _ => None,
            },
            _ => None,
        }
    }

    fn block(&mut self, tid: usize, wait: Wait) {
        let deadline = match &wait {
            Wait::Sleep { until_ns } => Some(*until_ns),
            Wait::Lock { timeout_ns, .. } => match &self.states[tid] {
                // A retried acquire keeps the deadline of its first attempt.
                ThreadState::Blocked { deadline, .. } => *deadline,
                _ => timeout_ns.map(|t| self.now + t),
            },
        };
        let mut on = match &wait {
            Wait::Sleep { until_ns } => format!("sleep until {:.6} s", *until_ns as f64 / 1e9),
            Wait::Lock { lock, .. } => {
                format!("lock {}", interleave_vm::hashing::fake_address(*lock))
            }
        };
        // Name the wait after the program's own call (`q.get()`, `t.join()`, `with lock:`).
        if let Some(c) = blocking_call(&self.interp, tid) {
            on = format!("{on} in {} at line {}", c.text, c.line);
        }
        self.trace.push(TraceEvent::Blocked {
            t: self.now,
            thread: tid,
            on,
        });
        self.states[tid] = ThreadState::Blocked { wait, deadline };
    }

    /// Wakes threads whose deadline has passed.
    fn wake_expired(&mut self) {
        for tid in 0..self.states.len() {
            if let ThreadState::Blocked {
                deadline: Some(d), ..
            } = self.states[tid]
                && d <= self.now
            {
                self.wake(tid, Wake::Timeout);
            }
        }
    }

    fn wake(&mut self, tid: usize, why: Wake) {
        self.interp.threads[tid].wake = Some(why);
        self.trace.push(TraceEvent::Woken {
            t: self.now,
            thread: tid,
            timeout: why == Wake::Timeout,
        });
        // A lock waiter keeps its deadline (as `block` reads it) until it runs again.
        self.states[tid] = self.ready_now();
    }

    /// Handles what the last slice reported: new threads, released locks.
    fn absorb_events(&mut self) {
        for ev in std::mem::take(&mut self.interp.events) {
            match ev {
                MachineEvent::ThreadCreated(tid) => {
                    if self.states.len() <= tid {
                        self.states.resize(tid + 1, ThreadState::Done);
                    }
                    self.states[tid] = self.ready_now();
                    self.trace.push(TraceEvent::ThreadCreated {
                        t: self.now,
                        thread: tid,
                    });
                }
                MachineEvent::LockReleased(lock) => {
                    let waiters: Vec<usize> = self
                        .states
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| matches!(s, ThreadState::Blocked { wait: Wait::Lock { lock: l, .. }, .. } if *l == lock))
                        .map(|(i, _)| i)
                        .collect();
                    if !waiters.is_empty() {
                        let w = waiters[self.scheduler.choose(Decision::LockWake, waiters.len())];
                        self.wake(w, Wake::Notified);
                    }
                }
            }
        }
    }

    /// Free-threaded round: up to `cores` ready threads each run one short quantum (the same
    /// for all), one after the other in an order the scheduler chooses; the clock advances by
    /// the quantum.
    fn round_free_threaded(&mut self) -> Result<Round, Halt> {
        let mut ready = self.ready_threads();
        if ready.is_empty() {
            return self.idle();
        }
        let cores = self.settings.cores.max(1) as usize;
        let mut chosen = Vec::new();
        while !ready.is_empty() && chosen.len() < cores {
            let i = self.scheduler.choose(Decision::CoreAssign, ready.len());
            chosen.push(ready.remove(i));
        }
        let start = self.now;
        let mut longest = 0;
        // All cores run the same stretch of virtual time; where it ends varies, so that the
        // threads' instructions interleave at different points.
        let quantum = 1 + self.scheduler.choose(Decision::Quantum, 16) as u64;
        for (core, &tid) in chosen.iter().enumerate() {
            let slice = Slice {
                active: true,
                end_step: self.interp.steps + quantum,
                end_ns: u64::MAX,
                drop_request: false,
                check_every_instruction: false,
            };
            self.now = start;
            let (run, elapsed) = self.run(tid, slice, core as u32);
            longest = longest.max(elapsed);
            self.absorb_events();
            match run {
                ThreadRun::Suspended(Suspend::Switch(_)) => {}
                ThreadRun::Suspended(Suspend::Block(wait)) => {
                    self.now = start + elapsed;
                    self.block(tid, wait);
                }
                other => {
                    self.now = start + elapsed;
                    self.states[tid] = ThreadState::Done;
                    self.trace.push(TraceEvent::ThreadExited {
                        t: self.now,
                        thread: tid,
                    });
                    self.now = start + longest;
                    return Ok(Round::Exited(tid, other));
                }
            }
        }
        self.now = start + longest.max(1);
        Ok(Round::Continue)
    }

    /// Threads blocked acquiring `lock`.
    pub fn threads_blocked_on(&self, lock: ObjRef) -> Vec<usize> {
        self.states
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, ThreadState::Blocked { wait: Wait::Lock { lock: l, .. }, .. } if *l == lock))
            .map(|(i, _)| i)
            .collect()
    }

    /// Threads that are not done.
    pub fn live_threads(&self) -> Vec<usize> {
        self.states
            .iter()
            .enumerate()
            .filter(|(_, s)| **s != ThreadState::Done)
            .map(|(i, _)| i)
            .collect()
    }
}

/// The line of the program's own code a thread is at (its innermost frame outside embedded
/// modules such as `<frozen threading>`), 0 if it has none (not started, or finished).
pub fn user_line(interp: &Interp, tid: usize) -> u32 {
    let frames = &interp.threads[tid].frames;
    let Some((depth, f)) = frames.iter().enumerate().rev().find(|(_, f)| !f.code.filename.starts_with('<')) else {
        return 0;
    };
    let ip = if depth + 1 == frames.len() { f.ip } else { f.ip.saturating_sub(1) };
    f.code.locations.get(ip).or_else(|| f.code.locations.last()).map_or(0, |loc| loc.line)
}

/// A thread's call stack, outermost first: each frame's function and line, with frames of
/// embedded modules (`<frozen threading>`) named by their module.
pub fn call_stack(interp: &Interp, tid: usize) -> Vec<(String, u32)> {
    let frames = &interp.threads[tid].frames;
    frames
        .iter()
        .enumerate()
        .map(|(depth, f)| {
            let ip = if depth + 1 == frames.len() { f.ip } else { f.ip.saturating_sub(1) };
            let line = f.code.locations.get(ip).or_else(|| f.code.locations.last()).map_or(0, |l| l.line);
            let name = if f.code.filename.starts_with('<') {
                format!("{} {}", f.code.filename, f.code.qualname)
            } else {
                f.code.qualname.to_string()
            };
            (name, line)
        })
        .collect()
}

/// The program's own call a blocked thread is waiting in.
pub struct BlockingCall {
    /// The source text of the call (`q.get()`), or of its line when the call spans lines.
    pub text: String,
    pub file: String,
    pub line: u32,
}

/// Finds the innermost frame of the program itself (not of an embedded module such as
/// `<frozen threading>`) and the call it is executing. A blocked call has not run, so the top
/// frame's ip points at it; callers' ips are one past their call.
pub fn blocking_call(interp: &Interp, tid: usize) -> Option<BlockingCall> {
    let frames = &interp.threads[tid].frames;
    let (depth, f) = frames.iter().enumerate().rev().find(|(_, f)| !f.code.filename.starts_with('<'))?;
    let ip = if depth + 1 == frames.len() { f.ip } else { f.ip.saturating_sub(1) };
    let loc = f.code.locations.get(ip)?;
    let source = interp.sources.get(&f.code.filename)?;
    let line_text = source.lines().nth(loc.line.checked_sub(1)? as usize)?;
    let segment = if loc.end_line == loc.line {
        line_text.get(loc.col as usize..loc.end_col as usize).unwrap_or(line_text)
    } else {
        line_text
    };
    Some(BlockingCall { text: segment.trim().to_string(), file: f.code.filename.to_string(), line: loc.line })
}
