//! The machine: runs the processes of a run, each with its threads, on virtual cores and a
//! virtual clock, with one CPython GIL (`Python/ceval_gil.c`) per process deciding which of
//! its threads may run Python code.
//!
//! The loop, each round: wake threads whose sleep or timeout expired; in every process, if
//! nobody holds its GIL, hand it to one of the threads waiting for it (a recorded scheduling
//! decision); set `gil_drop_request` for a waiter that has waited a whole switch interval; run
//! the holders until the next event is due (a slice ends early if the thread blocks, finishes,
//! or honours the drop request at an eval-breaker check point); advance the clock by the
//! instructions run. A thread that drops the GIL on request cannot take it back until another
//! thread has taken it (CPython's FORCE_SWITCHING). In free-threaded mode there is no GIL: up
//! to `cores` ready threads run in short interleaved quanta.
//!
//! With several live processes, their GIL holders run in parallel, one per core (which ones
//! get a core when there are more than cores is a recorded decision), for at most
//! [`PARALLEL_QUANTUM_NS`] per round, so that processes see each other's messages promptly.
//! When shared memory exists (`multiprocessing.Value`), they interleave in quanta of 1–16
//! instructions, so that races on it show as on real hardware.

use std::cell::RefCell;
use std::rc::Rc;

use interleave_vm::Stream;
use interleave_vm::interp::{MachineEvent, Record, Slice, ThreadRun, Wake};
use interleave_vm::kernel::{Kernel, KernelKey};
use interleave_vm::modules::library::{is_library_file, is_module_file};
use interleave_vm::native::{Suspend, SwitchReason, Wait};
use interleave_vm::{Interp, ObjRef};

use crate::scheduler::{Decision, Scheduler};
use crate::settings::{PythonMode, Settings};
use crate::trace::{GilDrop, TraceEvent};

/// The longest stretch of virtual time processes run in parallel before the machine looks
/// at what they did.
pub const PARALLEL_QUANTUM_NS: u64 = 200_000;

/// How far a process may run past the end of a parallel round (its last step crossed the end)
/// before the round is lengthened for the others: a core idles at most this long at a round's
/// end, and each lengthening gives the others at least this much time to run.
pub const ROUND_SLACK_NS: u64 = PARALLEL_QUANTUM_NS / 20;

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
    /// Process index and thread index in it.
    pub process: usize,
    pub thread: usize,
    pub waits_for: String,
    /// The thread (of the same process) holding what it waits for, if known.
    pub held_by: Option<usize>,
}

/// A thread's outermost call ended in this round: (process index, thread index, how).
pub type Exit = (usize, usize, ThreadRun);

/// One simulated process: an interpreter (its heap and threads) and its GIL.
pub struct Process {
    pub pid: u32,
    pub interp: Interp,
    pub states: Vec<ThreadState>,
    /// The machine-wide thread index (the trace's `thread`) of each thread of this process.
    pub global: Vec<usize>,
    /// The GIL holder (thread index), if any.
    gil: Option<usize>,
    drop_request: bool,
    /// The thread that dropped the GIL on request and may not retake it before someone else.
    forced_out: Option<usize>,
    /// The exit code once the process has exited (negative: killed by that signal).
    pub exit_code: Option<i32>,
    /// Main-thread phases after the main module: 0 running, 1 `threading._shutdown()`,
    /// 2 `multiprocessing`'s exit function.
    pub shutdown_phase: u8,
    /// The exit code the process will have when its shutdown is over.
    pub pending_exit: i32,
    /// `steps` when the process was created (a forked child starts with its parent's count).
    pub steps_base: u64,
    /// The thread that runs the main module (in a forked child, the thread that forked).
    pub main_thread: usize,
    /// Virtual time of its creation.
    pub created_at: u64,
    /// The core it last ran on (`None` before it first runs): it stays there while that core
    /// is free, as an OS scheduler keeps a process on its CPU.
    core: Option<u32>,
}

impl Process {
    pub fn alive(&self) -> bool {
        self.exit_code.is_none()
    }
}

pub struct Machine<S: Scheduler> {
    pub procs: Vec<Process>,
    /// Machine-wide thread index → (process index, thread index in it).
    pub threads: Vec<(usize, usize)>,
    pub settings: Settings,
    pub scheduler: S,
    pub now: u64,
    pub trace: Vec<TraceEvent>,
    /// The console: everything every process wrote, in order.
    pub output: Vec<(Stream, String)>,
    pub kernel: Rc<RefCell<Kernel>>,
    /// The most instructions one round may run (a client that must stay responsive, such as
    /// the web worker, bounds it; a long slice is then cut into several rounds, with no
    /// effect on the run itself).
    pub round_steps: u64,
    /// Some thread may be in a read of stdin that runs again (`Wait::Input`); false lets
    /// `awaiting_input` answer without looking at every thread.
    stdin_reads: bool,
}

impl<S: Scheduler> Machine<S> {
    pub fn new(interp: Interp, settings: Settings, scheduler: S) -> Machine<S> {
        let kernel = interp.kernel.clone();
        let pid = interp.pid;
        let steps_base = interp.steps;
        let states = vec![ThreadState::Ready {
            since: 0,
            request_at: 0,
        }];
        Machine {
            procs: vec![Process {
                pid,
                interp,
                states,
                global: vec![0],
                gil: None,
                drop_request: false,
                forced_out: None,
                exit_code: None,
                shutdown_phase: 0,
                pending_exit: 0,
                steps_base,
                main_thread: 0,
                created_at: 0,
                core: None,
            }],
            threads: vec![(0, 0)],
            settings,
            scheduler,
            now: 0,
            trace: Vec::new(),
            output: Vec::new(),
            kernel,
            round_steps: u64::MAX,
            stdin_reads: false,
        }
    }

    fn free_threaded(&self) -> bool {
        self.settings.python == PythonMode::Py313t
    }

    fn live_procs(&self) -> Vec<usize> {
        (0..self.procs.len())
            .filter(|&p| self.procs[p].alive())
            .collect()
    }

    /// Runs one round. `Err` when the machine must halt.
    pub fn round(&mut self) -> Result<Vec<Exit>, Halt> {
        if self.now > self.settings.until_ns {
            return Err(Halt::TimeLimit(self.settings.until_ns));
        }
        if self.stdin_reads {
            self.stdin_reads = self.procs.iter().any(|p| p.interp.threads.iter().any(|t| t.stdin_wait.is_some()));
        }
        self.wake_expired();
        if self.free_threaded() {
            return self.round_free_threaded();
        }
        let live = self.live_procs();
        if live.len() == 1 {
            return self.round_one(live[0]);
        }
        self.round_parallel(&live)
    }

    /// A round with a single live process: its GIL holder runs until the next event is due.
    fn round_one(&mut self, p: usize) -> Result<Vec<Exit>, Halt> {
        if self.procs[p].gil.is_none() && !self.take_gil(p) {
            return self.idle();
        }
        let holder = self.procs[p].gil.expect("holder");
        self.check_drop_request(p);
        let next_event = self.next_event_time();
        // Run until the next event is due (at least one instruction).
        let budget_ns = next_event.map_or(25_000_000, |t| t.saturating_sub(self.now).max(1));
        let slice = Slice {
            active: true,
            end_step: self.procs[p].interp.steps.saturating_add(self.round_steps),
            end_ns: self.procs[p].interp.cpu_ns + budget_ns,
            drop_request: self.procs[p].drop_request,
            check_every_instruction: self.settings.python == PythonMode::Py39,
        };
        let core = self.procs[p].core.filter(|&c| c < self.settings.cores.max(1)).unwrap_or(0);
        let (run, elapsed) = self.run(p, holder, slice, core);
        self.procs[p].core = Some(core);
        self.absorb_events(p);
        self.now += elapsed;
        let mut exits = Vec::new();
        self.after_gil_slice(p, holder, run, &mut exits);
        self.deliver_signals(&mut exits);
        Ok(exits)
    }

    /// What the machine does after the GIL holder `holder` of process `p` ran a slice. True if
    /// the thread can go on running in the same round.
    fn after_gil_slice(
        &mut self,
        p: usize,
        holder: usize,
        run: ThreadRun,
        exits: &mut Vec<Exit>,
    ) -> bool {
        match run {
            ThreadRun::Suspended(Suspend::Switch(SwitchReason::DropRequest)) => {
                self.release_gil(p, holder, GilDrop::Requested);
                self.procs[p].forced_out = Some(holder);
                self.procs[p].states[holder] = self.ready_now(p);
                false
            }
            ThreadRun::Suspended(Suspend::Switch(_)) => true,
            ThreadRun::Suspended(Suspend::Block(Wait::Fork)) => {
                self.fork(p, holder);
                true
            }
            ThreadRun::Suspended(Suspend::Block(Wait::Spawn { pipe })) => {
                self.spawn(p, pipe);
                true
            }
            ThreadRun::Suspended(Suspend::Block(Wait::Yield)) => {
                // The GIL is released around the call: a thread waiting for it takes it (the
                // yielding one only waits for it again); with no waiter the call goes on.
                self.procs[p].interp.threads[holder].wake = Some(Wake::Notified);
                self.yield_gil(p, holder)
            }
            ThreadRun::Suspended(Suspend::Block(Wait::Input)) => {
                // A read of stdin: as `Yield`, and the process's part of the round ends here,
                // where the client may have to stop the machine until input comes.
                self.stdin_reads = true;
                self.yield_gil(p, holder);
                false
            }
            ThreadRun::Suspended(Suspend::Block(wait)) => {
                self.release_gil(p, holder, GilDrop::Blocked);
                self.block(p, holder, wait);
                false
            }
            other => {
                self.release_gil(p, holder, GilDrop::Exited);
                self.procs[p].states[holder] = ThreadState::Done;
                self.trace.push(TraceEvent::ThreadExited {
                    t: self.now,
                    thread: self.procs[p].global[holder],
                });
                exits.push((p, holder, other));
                false
            }
        }
    }

    /// The GIL holder `holder` of process `p` releases the GIL around a system call that
    /// returns at once: a thread waiting for the GIL takes it, and the holder waits for it
    /// again. True if no thread was waiting (the holder goes on).
    fn yield_gil(&mut self, p: usize, holder: usize) -> bool {
        if !self.ready_threads(p).iter().any(|&t| t != holder) {
            return true;
        }
        self.release_gil(p, holder, GilDrop::Blocked);
        self.procs[p].forced_out = Some(holder);
        self.procs[p].states[holder] = self.ready_now(p);
        false
    }

    /// A round with several live processes: the GIL holders of up to `cores` of them run in
    /// parallel for the same stretch of virtual time.
    fn round_parallel(&mut self, live: &[usize]) -> Result<Vec<Exit>, Halt> {
        let mut candidates = Vec::new();
        for &p in live {
            if self.procs[p].gil.is_some() || self.take_gil(p) {
                candidates.push(p);
            }
        }
        if candidates.is_empty() {
            return self.idle();
        }
        let cores = self.settings.cores.max(1) as usize;
        let mut chosen = Vec::new();
        if candidates.len() <= cores {
            chosen = candidates;
        } else {
            while chosen.len() < cores {
                let i = self
                    .scheduler
                    .choose(Decision::CoreAssign, candidates.len());
                chosen.push(candidates.remove(i));
            }
        }
        for &p in &chosen {
            self.check_drop_request(p);
        }
        let budget = self
            .next_event_time()
            .map_or(PARALLEL_QUANTUM_NS, |t| t.saturating_sub(self.now).max(1))
            .min(PARALLEL_QUANTUM_NS);
        // Each process stays on the core it last ran on if no other took it first; the
        // others take the lowest free cores.
        let mut core_of: Vec<Option<u32>> = Vec::with_capacity(chosen.len());
        for &p in &chosen {
            let last = self.procs[p].core.filter(|&c| (c as usize) < cores && !core_of.contains(&Some(c)));
            core_of.push(last);
        }
        for k in 0..chosen.len() {
            if core_of[k].is_none() {
                let taken: Vec<u32> = core_of.iter().flatten().copied().collect();
                core_of[k] = Some(lowest_free_core(cores, &taken));
            }
        }
        let mut core_of: Vec<u32> = core_of.into_iter().map(|c| c.unwrap_or(0)).collect();
        let start = self.now;
        let fine = self.kernel.borrow().fine_grained;
        let mut used = vec![0u64; chosen.len()];
        let mut active = vec![true; chosen.len()];
        // Processes that stopped only because they reached the round's end.
        let mut at_limit = vec![false; chosen.len()];
        let mut limit = budget;
        let mut exits = Vec::new();
        loop {
            if !active.iter().any(|&a| a) {
                // A process that ran past the round's end in one step (a bulk charge, such as
                // a spawned interpreter's start-up) lengthens the round: the other cores run
                // on until they reach it too, instead of idling. Crossing the end by less than
                // `ROUND_SLACK_NS` (the last instruction, a small built-in charge) does not:
                // the others would each cross the new end by their own last instruction, and
                // the round would creep on in slices of a few instructions.
                let longest = used.iter().copied().max().unwrap_or(0);
                if longest <= limit + ROUND_SLACK_NS {
                    break;
                }
                limit = longest;
                for k in 0..chosen.len() {
                    if at_limit[k] && used[k] < limit {
                        active[k] = true;
                        at_limit[k] = false;
                    }
                }
                // Processes started during the round join it on free cores, from the moment
                // they were created.
                for q in self.live_procs() {
                    // A core is busy while its process can still run in this round.
                    let busy = (0..chosen.len()).filter(|&k| active[k] || at_limit[k]).count();
                    if busy >= cores || chosen.contains(&q) {
                        continue;
                    }
                    let from = self.procs[q].created_at.saturating_sub(start);
                    self.now = start + from;
                    if from < limit && (self.procs[q].gil.is_some() || self.take_gil(q)) {
                        // The lowest core no process still running in this round holds.
                        let held: Vec<u32> = (0..chosen.len()).filter(|&k| active[k] || at_limit[k]).map(|k| core_of[k]).collect();
                        core_of.push(lowest_free_core(cores, &held));
                        chosen.push(q);
                        used.push(from);
                        active.push(true);
                        at_limit.push(false);
                    }
                }
                if !active.iter().any(|&a| a) {
                    break;
                }
            }
            for (k, &p) in chosen.iter().enumerate() {
                if !active[k] {
                    continue;
                }
                let (Some(holder), true) = (self.procs[p].gil, self.procs[p].alive()) else {
                    active[k] = false;
                    continue;
                };
                let quantum = if fine {
                    1 + self.scheduler.choose(Decision::Quantum, 16) as u64
                } else {
                    u64::MAX
                };
                let interp = &self.procs[p].interp;
                let slice = Slice {
                    active: true,
                    end_step: interp.steps.saturating_add(quantum),
                    end_ns: interp.cpu_ns + (limit - used[k]),
                    drop_request: self.procs[p].drop_request,
                    check_every_instruction: self.settings.python == PythonMode::Py39,
                };
                self.now = start + used[k];
                let steps_before = self.procs[p].interp.steps;
                let (run, elapsed) = self.run(p, holder, slice, core_of[k]);
                self.procs[p].core = Some(core_of[k]);
                used[k] += elapsed;
                self.now = start + used[k];
                let progressed = self.procs[p].interp.steps != steps_before;
                let goes_on = self.after_gil_slice(p, holder, run, &mut exits);
                self.absorb_events(p);
                self.deliver_signals(&mut exits);
                active[k] = goes_on && progressed && used[k] < limit;
                at_limit[k] = goes_on && progressed && used[k] >= limit;
            }
        }
        self.now = start + used.iter().copied().max().unwrap_or(0).max(1);
        Ok(exits)
    }

    /// Runs thread `tid` of process `p` for one slice and records it. Returns the outcome and
    /// the virtual time it ran.
    fn run(&mut self, p: usize, tid: usize, slice: Slice, core: u32) -> (ThreadRun, u64) {
        let now = self.now;
        let proc = &mut self.procs[p];
        let (steps_before, cpu_before) = (proc.interp.steps, proc.interp.cpu_ns);
        proc.interp.clock_base_ns = now;
        let run = proc.interp.run_thread(tid, slice);
        let steps = proc.interp.steps - steps_before;
        let elapsed = proc.interp.cpu_ns - cpu_before;
        let gtid = proc.global[tid];
        if steps > 0 {
            let line = user_line(&self.procs[p].interp, tid);
            self.trace.push(TraceEvent::Ran {
                thread: gtid,
                core,
                start: now,
                end: now + elapsed,
                steps,
                line,
            });
        }
        self.absorb_records(p, None);
        self.collect_output(p);
        (run, elapsed)
    }

    /// Moves what process `p`'s VM recorded (output, contended lock operations, pipe
    /// transfers) into the trace. Records written outside a slice (a traceback printed at
    /// exit, a deadlock report) get `stamp`, the machine's clock, as their time.
    pub fn absorb_records(&mut self, p: usize, stamp: Option<u64>) {
        let pid = self.procs[p].pid;
        for record in std::mem::take(&mut self.procs[p].interp.records) {
            self.trace.push(match record {
                Record::Output {
                    t,
                    thread,
                    stream,
                    text,
                } => {
                    let stream = if stream == Stream::Stdout {
                        "stdout"
                    } else {
                        "stderr"
                    }
                    .to_string();
                    TraceEvent::Output {
                        t: stamp.unwrap_or(t),
                        thread: self.procs[p].global[thread],
                        process: pid,
                        stream,
                        text,
                    }
                }
                Record::Input { t, thread, text } => TraceEvent::Input {
                    t: stamp.unwrap_or(t),
                    thread: self.procs[p].global[thread],
                    process: pid,
                    text,
                },
                Record::Lock {
                    t,
                    thread,
                    lock,
                    acquired,
                } => TraceEvent::Lock {
                    t: stamp.unwrap_or(t),
                    thread: self.procs[p].global[thread],
                    lock: interleave_vm::hashing::fake_id(lock),
                    acquired,
                },
                Record::Transfer {
                    t,
                    thread,
                    pipe,
                    bytes,
                    sent,
                } => TraceEvent::Transfer {
                    t: stamp.unwrap_or(t),
                    thread: self.procs[p].global[thread],
                    process: pid,
                    pipe,
                    bytes,
                    sent,
                },
                Record::Net {
                    t,
                    thread,
                    socket,
                    what,
                    local,
                    remote,
                    bytes,
                } => TraceEvent::Net {
                    t: stamp.unwrap_or(t),
                    thread: self.procs[p].global[thread],
                    process: pid,
                    socket,
                    what: what.to_string(),
                    local,
                    remote,
                    bytes,
                },
                Record::GreenletSwitch { t, thread, from, to } => TraceEvent::GreenletSwitch {
                    t: stamp.unwrap_or(t),
                    thread: self.procs[p].global[thread],
                    from,
                    to,
                },
            });
        }
    }

    /// Moves what process `p` wrote to the console.
    pub fn collect_output(&mut self, p: usize) {
        for (stream, text) in std::mem::take(&mut self.procs[p].interp.output) {
            match self.output.last_mut() {
                Some((s, buf)) if *s == stream => buf.push_str(&text),
                _ => self.output.push((stream, text)),
            }
        }
    }

    /// Gives process `p`'s GIL to one of its ready threads. False if none is ready.
    fn take_gil(&mut self, p: usize) -> bool {
        let mut ready: Vec<usize> = self.ready_threads(p);
        if ready.len() > 1
            && let Some(f) = self.procs[p].forced_out
        {
            ready.retain(|&t| t != f);
        }
        if ready.is_empty() {
            return false;
        }
        let pick = ready[self.scheduler.choose(Decision::GilTake, ready.len())];
        let proc = &mut self.procs[p];
        proc.gil = Some(pick);
        proc.drop_request = false;
        proc.forced_out = None;
        self.trace.push(TraceEvent::GilTaken {
            t: self.now,
            thread: proc.global[pick],
        });
        // Every other waiter starts a fresh switch interval (the GIL changed hands).
        for i in 0..self.procs[p].states.len() {
            if i != pick && matches!(self.procs[p].states[i], ThreadState::Ready { .. }) {
                self.procs[p].states[i] = self.ready_now(p);
            }
        }
        true
    }

    /// The state of a thread of process `p` that starts waiting for the GIL now. The timed
    /// wait of CPython's `take_gil` wakes up a little after the switch interval, by an amount
    /// the OS decides: here 0–100 µs, a recorded scheduling decision (without it, identical
    /// loops would always be switched out at the same instruction).
    fn ready_now(&mut self, p: usize) -> ThreadState {
        let latency_us = self.scheduler.choose(Decision::WakeLatency, 100) as u64;
        ThreadState::Ready {
            since: self.now,
            request_at: self.now + self.procs[p].interp.switch_interval_ns + latency_us * 1000,
        }
    }

    fn release_gil(&mut self, p: usize, holder: usize, why: GilDrop) {
        let proc = &mut self.procs[p];
        proc.gil = None;
        proc.drop_request = false;
        self.trace.push(TraceEvent::GilDropped {
            t: self.now,
            thread: proc.global[holder],
            why,
        });
    }

    fn ready_threads(&self, p: usize) -> Vec<usize> {
        self.procs[p]
            .states
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, ThreadState::Ready { .. }))
            .map(|(i, _)| i)
            .collect()
    }

    /// A waiter that has waited a whole switch interval sets the drop request of its process.
    fn check_drop_request(&mut self, p: usize) {
        let proc = &self.procs[p];
        if proc.drop_request {
            return;
        }
        let holder = proc.gil;
        let due = proc.states.iter().enumerate().find(|(i, s)| {
            Some(*i) != holder
                && matches!(s, ThreadState::Ready { request_at, .. } if *request_at <= self.now)
        });
        if let Some((by, _)) = due {
            let by = proc.global[by];
            self.procs[p].drop_request = true;
            self.trace.push(TraceEvent::DropRequest { t: self.now, by });
        }
    }

    /// When the next thing happens that a running thread must be interrupted for.
    fn next_event_time(&self) -> Option<u64> {
        let mut next: Option<u64> = None;
        let mut consider = |t: u64| next = Some(next.map_or(t, |n: u64| n.min(t)));
        for proc in self.procs.iter().filter(|p| p.alive()) {
            for (i, s) in proc.states.iter().enumerate() {
                match s {
                    ThreadState::Blocked {
                        deadline: Some(d), ..
                    } => consider(*d),
                    ThreadState::Ready { request_at, .. }
                        if Some(i) != proc.gil && !proc.drop_request =>
                    {
                        consider(*request_at)
                    }
                    _ => {}
                }
            }
        }
        consider(self.settings.until_ns.saturating_add(1));
        next
    }

    /// Nothing can run now: let time pass until the next deadline, or report a deadlock.
    fn idle(&mut self) -> Result<Vec<Exit>, Halt> {
        let next = self
            .procs
            .iter()
            .filter(|p| p.alive())
            .flat_map(|p| p.states.iter())
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
                Ok(Vec::new())
            }
            None => Err(Halt::Deadlock(self.deadlock_report())),
        }
    }

    fn deadlock_report(&self) -> Vec<BlockedThread> {
        let mut out = Vec::new();
        for (p, proc) in self.procs.iter().enumerate().filter(|(_, p)| p.alive()) {
            for (i, s) in proc.states.iter().enumerate() {
                if let ThreadState::Blocked { wait, .. } = s {
                    let (waits_for, held_by) = match wait {
                        Wait::Lock { lock, .. } => (
                            format!("lock {}", interleave_vm::hashing::fake_address(*lock)),
                            lock_owner(&proc.interp, *lock),
                        ),
                        Wait::Sleep { until_ns } => (format!("sleep until {until_ns} ns"), None),
                        Wait::Kernel { key, .. } => (kernel_wait_name(&self.kernel.borrow(), key), None),
                        Wait::KernelAny { keys, .. } => (kernel_any_name(&self.kernel.borrow(), keys), None),
                        Wait::Fork | Wait::Spawn { .. } | Wait::Yield | Wait::Input => ("fork".to_string(), None),
                    };
                    out.push(BlockedThread {
                        process: p,
                        thread: i,
                        waits_for,
                        held_by,
                    });
                }
            }
        }
        out
    }

    fn block(&mut self, p: usize, tid: usize, wait: Wait) {
        let now = self.now;
        let deadline = match &wait {
            Wait::Sleep { until_ns } => Some(*until_ns),
            Wait::Lock { timeout_ns, .. }
            | Wait::Kernel { timeout_ns, .. }
            | Wait::KernelAny { timeout_ns, .. } => {
                match &self.procs[p].states[tid] {
                    // A retried acquire keeps the deadline of its first attempt.
                    ThreadState::Blocked { deadline, .. } => *deadline,
                    _ => timeout_ns.map(|t| now + t),
                }
            }
            Wait::Fork | Wait::Spawn { .. } | Wait::Yield | Wait::Input => None,
        };
        let mut on = match &wait {
            Wait::Sleep { until_ns } => format!("sleep until {:.6} s", *until_ns as f64 / 1e9),
            Wait::Lock { lock, .. } => {
                format!("lock {}", interleave_vm::hashing::fake_address(*lock))
            }
            Wait::Kernel { key, .. } => kernel_wait_name(&self.kernel.borrow(), key),
            Wait::KernelAny { keys, .. } => kernel_any_name(&self.kernel.borrow(), keys),
            Wait::Fork | Wait::Spawn { .. } | Wait::Yield | Wait::Input => "fork".to_string(),
        };
        if in_idle_event_loop(&self.procs[p].interp, tid) {
            // asyncio's loop with nothing ready, waiting for its next timer (or a wake-up).
            on = match deadline {
                Some(d) => format!("asyncio event loop idle until {:.6} s", d as f64 / 1e9),
                None => "asyncio event loop idle (no timers)".to_string(),
            };
        }
        // Name the wait after the program's own call (`q.get()`, `t.join()`, `with lock:`).
        if let Some(c) = blocking_call(&self.procs[p].interp, tid) {
            on = format!("{on} in {} at line {}", c.text, c.line);
        }
        self.trace.push(TraceEvent::Blocked {
            t: now,
            thread: self.procs[p].global[tid],
            on,
        });
        self.procs[p].states[tid] = ThreadState::Blocked { wait, deadline };
    }

    /// Wakes threads whose deadline has passed.
    fn wake_expired(&mut self) {
        for p in 0..self.procs.len() {
            if !self.procs[p].alive() {
                continue;
            }
            for tid in 0..self.procs[p].states.len() {
                if let ThreadState::Blocked {
                    deadline: Some(d), ..
                } = self.procs[p].states[tid]
                    && d <= self.now
                {
                    self.wake(p, tid, Wake::Timeout);
                }
            }
        }
    }

    fn wake(&mut self, p: usize, tid: usize, why: Wake) {
        self.procs[p].interp.threads[tid].wake = Some(why);
        self.trace.push(TraceEvent::Woken {
            t: self.now,
            thread: self.procs[p].global[tid],
            timeout: why == Wake::Timeout,
        });
        // A lock waiter keeps its deadline (as `block` reads it) until it runs again.
        self.procs[p].states[tid] = self.ready_now(p);
    }

    /// Handles what process `p`'s last slice reported: new threads, released locks, changed
    /// kernel objects.
    fn absorb_events(&mut self, p: usize) {
        for ev in std::mem::take(&mut self.procs[p].interp.events) {
            match ev {
                MachineEvent::ThreadCreated(tid) => {
                    if self.procs[p].states.len() <= tid {
                        self.procs[p].states.resize(tid + 1, ThreadState::Done);
                        self.procs[p].global.resize(tid + 1, usize::MAX);
                    }
                    let g = self.threads.len();
                    self.threads.push((p, tid));
                    self.procs[p].global[tid] = g;
                    self.procs[p].states[tid] = self.ready_now(p);
                    self.trace.push(TraceEvent::ThreadCreated {
                        t: self.now,
                        thread: g,
                    });
                }
                MachineEvent::LockReleased(lock) => {
                    let waiters: Vec<usize> = self.procs[p]
                        .states
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| matches!(s, ThreadState::Blocked { wait: Wait::Lock { lock: l, .. }, .. } if *l == lock))
                        .map(|(i, _)| i)
                        .collect();
                    if !waiters.is_empty() {
                        let w = waiters[self.scheduler.choose(Decision::LockWake, waiters.len())];
                        self.wake(p, w, Wake::Notified);
                    }
                }
                MachineEvent::Kernel(key) => self.kernel_changed(key),
            }
        }
    }

    /// Wakes every thread, in any process, that waits on kernel object `key`: each retries.
    fn kernel_changed(&mut self, key: KernelKey) {
        for q in 0..self.procs.len() {
            if !self.procs[q].alive() {
                continue;
            }
            for tid in 0..self.procs[q].states.len() {
                let waits = match &self.procs[q].states[tid] {
                    ThreadState::Blocked {
                        wait: Wait::Kernel { key: k, .. },
                        ..
                    } => *k == key,
                    ThreadState::Blocked {
                        wait: Wait::KernelAny { keys, .. },
                        ..
                    } => keys.contains(&key),
                    _ => false,
                };
                if waits {
                    self.wake(q, tid, Wake::Notified);
                }
            }
        }
    }

    /// `os.fork()` in thread `tid` of process `p`: the child is a copy of the process in which
    /// only that thread lives; the call runs again in both and returns the pid or 0.
    fn fork(&mut self, p: usize, tid: usize) {
        let parent_pid = self.procs[p].pid;
        let child_pid = self.kernel.borrow_mut().new_pid(parent_pid);
        // The child holds the parent's sockets on the same descriptors (a spawned child, which
        // execs, does not: CPython closes them).
        self.kernel.borrow_mut().net.fork(parent_pid, child_pid);
        let child = self.procs[p].interp.fork_copy(tid, child_pid);
        self.procs[p].interp.fork_result = Some(child_pid as i64);
        self.add_process(child, tid, parent_pid);
    }

    /// The `spawn` start method in process `p`: a fresh interpreter runs the program again and
    /// then what it reads from `pipe`; the call runs again and returns the child's pid.
    fn spawn(&mut self, p: usize, pipe: usize) {
        let parent_pid = self.procs[p].pid;
        let child_pid = self.kernel.borrow_mut().new_pid(parent_pid);
        match Interp::spawned_from(&self.procs[p].interp, child_pid, pipe) {
            Ok(child) => {
                self.procs[p].interp.fork_result = Some(child_pid as i64);
                self.add_process(child, 0, parent_pid);
            }
            Err(_) => {
                // Cannot happen (the modules it loads are native); the parent sees a failed start.
                self.procs[p].interp.fork_result = Some(-1);
            }
        }
    }

    /// Adds a new process whose only thread is `tid`, ready to run.
    fn add_process(&mut self, child: Interp, tid: usize, parent_pid: u32) {
        let child_pid = child.pid;
        let n = child.threads.len();
        let c = self.procs.len();
        let g = self.threads.len();
        self.threads.push((c, tid));
        let mut global = vec![usize::MAX; n];
        global[tid] = g;
        let mut states = vec![ThreadState::Done; n];
        let steps_base = child.steps;
        self.procs.push(Process {
            pid: child_pid,
            interp: child,
            states: Vec::new(),
            global,
            gil: None,
            drop_request: false,
            forced_out: None,
            exit_code: None,
            shutdown_phase: 0,
            pending_exit: 0,
            steps_base,
            main_thread: tid,
            created_at: self.now,
            core: None,
        });
        states[tid] = self.ready_now(c);
        self.procs[c].states = states;
        self.trace.push(TraceEvent::ProcessCreated {
            t: self.now,
            process: child_pid,
            parent: parent_pid,
            thread: g,
        });
        self.trace.push(TraceEvent::ThreadCreated {
            t: self.now,
            thread: g,
        });
    }

    /// Ends process `p` with `exit_code` (negative: killed by that signal): every thread
    /// stops, its children become orphans (re-parented to pid 1), and its parent is told.
    pub fn exit_process(&mut self, p: usize, exit_code: i32) {
        if !self.procs[p].alive() {
            return;
        }
        if let Some(h) = self.procs[p].gil {
            self.release_gil(p, h, GilDrop::Exited);
        }
        for tid in 0..self.procs[p].states.len() {
            if self.procs[p].states[tid] != ThreadState::Done {
                self.procs[p].states[tid] = ThreadState::Done;
                self.procs[p].interp.kill_thread(tid);
                self.trace.push(TraceEvent::ThreadExited {
                    t: self.now,
                    thread: self.procs[p].global[tid],
                });
            }
        }
        self.collect_output(p);
        // The process's memory is gone: only its threads' names and idents stay, for the trace.
        let collections = self.procs[p].interp.heap.collections;
        self.procs[p].interp.heap = interleave_vm::heap::Heap::new();
        self.procs[p].interp.heap.collections = collections;
        for th in &mut self.procs[p].interp.threads {
            th.handled = interleave_vm::Value::None;
            th.started_by = interleave_vm::Value::None;
            th.wake = None;
        }
        let pid = self.procs[p].pid;
        self.procs[p].exit_code = Some(exit_code);
        let status = if exit_code < 0 {
            -exit_code
        } else {
            (exit_code & 0xff) << 8
        };
        let mut reaped = Vec::new();
        let mut adopted = Vec::new();
        let ppid = {
            let mut k = self.kernel.borrow_mut();
            let root = k.root_pid();
            let ppid = k.ppid(pid);
            let orphans: Vec<u32> = k.children(pid);
            for o in orphans {
                let e = k.procs.get_mut(&o).expect("child");
                e.ppid = 1;
                if e.status.is_none() {
                    adopted.push(o);
                }
                if e.status.is_some() {
                    // init reaps orphaned zombies at once.
                    e.reaped = true;
                    reaped.push(o);
                }
            }
            let e = k.procs.get_mut(&pid).expect("process");
            e.status = Some(status);
            // The program's own parent (the shell) and init reap at once.
            if pid == root || ppid == 1 {
                e.reaped = true;
                reaped.push(pid);
            }
            ppid
        };
        self.trace.push(TraceEvent::ProcessExited {
            t: self.now,
            process: pid,
            exit_code,
        });
        for orphan in adopted {
            self.trace.push(TraceEvent::ProcessOrphaned {
                t: self.now,
                process: orphan,
                parent: 1,
            });
        }
        for r in reaped {
            let by = if r == pid && ppid != 1 { ppid } else { 1 };
            self.trace.push(TraceEvent::ProcessReaped {
                t: self.now,
                process: r,
                by,
            });
        }
        self.kernel_changed(KernelKey::Children(ppid));
        let closed = self.kernel.borrow_mut().close_ends_of(pid);
        for pipe in closed {
            self.kernel_changed(KernelKey::Pipe(pipe));
        }
        let now = self.now;
        let sockets = self.kernel.borrow_mut().net.close_all_of(pid, now);
        for s in sockets {
            self.kernel_changed(KernelKey::Socket(s));
        }
    }

    /// Delivers the signals sent in the last slice (`os.kill`): SIGTERM and SIGKILL end the
    /// process at once, without any cleanup (as their default actions do).
    fn deliver_signals(&mut self, exits: &mut Vec<Exit>) {
        let signals = std::mem::take(&mut self.kernel.borrow_mut().signals);
        for (pid, sig) in signals {
            if let Some(p) = self.procs.iter().position(|q| q.pid == pid && q.alive()) {
                exits.retain(|(q, _, _)| *q != p);
                self.exit_process(p, -sig);
            }
        }
        // Reaps recorded by `os.waitpid` in the last slice.
        let reaps = std::mem::take(&mut self.kernel.borrow_mut().reap_log);
        for (pid, by) in reaps {
            self.trace.push(TraceEvent::ProcessReaped {
                t: self.now,
                process: pid,
                by,
            });
        }
    }

    /// Free-threaded round: up to `cores` ready threads (of any process) each run one short
    /// quantum (the same for all), one after the other in an order the scheduler chooses; the
    /// clock advances by the quantum.
    fn round_free_threaded(&mut self) -> Result<Vec<Exit>, Halt> {
        let mut ready: Vec<(usize, usize)> = Vec::new();
        for p in self.live_procs() {
            ready.extend(self.ready_threads(p).into_iter().map(|t| (p, t)));
        }
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
        let mut exits = Vec::new();
        // All cores run the same stretch of virtual time; where it ends varies, so that the
        // threads' instructions interleave at different points.
        let quantum = 1 + self.scheduler.choose(Decision::Quantum, 16) as u64;
        for (core, &(p, tid)) in chosen.iter().enumerate() {
            if !self.procs[p].alive() || self.procs[p].states[tid] == ThreadState::Done {
                continue;
            }
            let slice = Slice {
                active: true,
                end_step: self.procs[p].interp.steps + quantum,
                end_ns: u64::MAX,
                drop_request: false,
                check_every_instruction: false,
            };
            self.now = start;
            let (run, elapsed) = self.run(p, tid, slice, core as u32);
            longest = longest.max(elapsed);
            self.absorb_events(p);
            match run {
                ThreadRun::Suspended(Suspend::Switch(_)) => {}
                ThreadRun::Suspended(Suspend::Block(Wait::Fork)) => self.fork(p, tid),
                ThreadRun::Suspended(Suspend::Block(Wait::Spawn { pipe })) => self.spawn(p, pipe),
                ThreadRun::Suspended(Suspend::Block(Wait::Yield)) => {
                    // No GIL to release: the call runs again.
                    self.procs[p].interp.threads[tid].wake = Some(Wake::Notified);
                }
                // A read of stdin runs again (the client may stop the machine first).
                ThreadRun::Suspended(Suspend::Block(Wait::Input)) => self.stdin_reads = true,
                ThreadRun::Suspended(Suspend::Block(wait)) => {
                    self.now = start + elapsed;
                    self.block(p, tid, wait);
                }
                other => {
                    self.now = start + elapsed;
                    self.procs[p].states[tid] = ThreadState::Done;
                    self.trace.push(TraceEvent::ThreadExited {
                        t: self.now,
                        thread: self.procs[p].global[tid],
                    });
                    exits.push((p, tid, other));
                }
            }
            self.deliver_signals(&mut exits);
            if !exits.is_empty() {
                self.now = start + longest;
                return Ok(exits);
            }
        }
        self.now = start + longest.max(1);
        Ok(exits)
    }

    /// A thread (process index, thread index) whose read of stdin waits for input that has
    /// not come: the machine must not go on until its client gives some or closes stdin.
    pub fn awaiting_input(&self) -> Option<(usize, usize)> {
        if !self.stdin_reads {
            return None;
        }
        self.procs.iter().enumerate().filter(|(_, proc)| proc.alive()).find_map(|(p, proc)| {
            (0..proc.interp.threads.len()).find(|&t| proc.interp.waits_for_input(t)).map(|t| (p, t))
        })
    }

    /// Threads of process `p` blocked acquiring `lock`, as machine-wide thread indices.
    pub fn threads_blocked_on(&self, p: usize, lock: ObjRef) -> Vec<usize> {
        let proc = &self.procs[p];
        proc.states
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, ThreadState::Blocked { wait: Wait::Lock { lock: l, .. }, .. } if *l == lock))
            .map(|(i, _)| proc.global[i])
            .collect()
    }

    /// Threads of process `p` that are not done.
    pub fn live_threads(&self, p: usize) -> Vec<usize> {
        self.procs[p]
            .states
            .iter()
            .enumerate()
            .filter(|(_, s)| **s != ThreadState::Done)
            .map(|(i, _)| i)
            .collect()
    }
}

/// The lowest of `cores` cores not in `taken` (core 0 if every one is).
fn lowest_free_core(cores: usize, taken: &[u32]) -> u32 {
    (0..cores as u32).find(|c| !taken.contains(c)).unwrap_or(0)
}

/// The line of the program's own code a thread is at (its innermost frame outside embedded
/// modules such as `threading`), 0 if it has none (not started, or finished).
pub fn user_line(interp: &Interp, tid: usize) -> u32 {
    let frames = &interp.threads[tid].frames;
    let Some((depth, f)) = frames.iter().enumerate().rev().find(|(_, f)| !is_library_file(&f.code.filename)) else {
        return 0;
    };
    let ip = if depth + 1 == frames.len() { f.ip } else { f.ip.saturating_sub(1) };
    f.code.locations.get(ip).or_else(|| f.code.locations.last()).map_or(0, |loc| loc.line)
}

/// A thread's call stack, outermost first: each frame's function and line, with frames of
/// embedded modules named by their file.
pub fn call_stack(interp: &Interp, tid: usize) -> Vec<(String, u32)> {
    let frames = &interp.threads[tid].frames;
    frames
        .iter()
        .enumerate()
        .map(|(depth, f)| {
            let ip = if depth + 1 == frames.len() { f.ip } else { f.ip.saturating_sub(1) };
            let line = f.code.locations.get(ip).or_else(|| f.code.locations.last()).map_or(0, |l| l.line);
            let name = if is_library_file(&f.code.filename) {
                // The library's own path is the same for every file: `threading.py Thread.run`.
                let file = f.code.filename.strip_prefix(interleave_vm::modules::library::LIB_DIR).and_then(|r| r.strip_prefix('/'));
                let file = file.unwrap_or(&f.code.filename);
                format!("{file} {}", f.code.qualname)
            } else {
                f.code.qualname.to_string()
            };
            (name, line)
        })
        .collect()
}

/// The thread (index in its process) holding `lock`, if it is a locked `_thread` lock.
pub(crate) fn lock_owner(interp: &Interp, lock: ObjRef) -> Option<usize> {
    match interp.heap.get(lock) {
        interleave_vm::object::Obj::Instance(i) => match &i.payload {
            interleave_vm::object::Payload::Lock(s) if s.locked => s.owner,
            _ => None,
        },
        _ => None,
    }
}

/// How a wait on a kernel object is named in the trace and in deadlock reports.
fn kernel_wait_name(kernel: &Kernel, key: &KernelKey) -> String {
    match key {
        KernelKey::Pipe(i) => format!("pipe {i}"),
        KernelKey::Sem(i) => format!("semaphore {i}"),
        KernelKey::Children(pid) => format!("a child of process {pid}"),
        // A socket by its addresses: `socket 127.0.0.1:50001` (listening or unconnected) or
        // `socket 127.0.0.1:32768->127.0.0.1:50001` (connected).
        KernelKey::Socket(i) => match kernel.net.sockets.get(*i) {
            Some(s) => {
                let addr = |a: Option<interleave_vm::kernel::net::Addr>| match a {
                    Some((ip, port)) => format!("{}.{}.{}.{}:{port}", ip[0], ip[1], ip[2], ip[3]),
                    None => "(unbound)".to_string(),
                };
                match s.remote {
                    Some(_) => format!("socket {}->{}", addr(s.local), addr(s.remote)),
                    None => format!("socket {}", addr(s.local)),
                }
            }
            None => format!("socket {i}"),
        },
    }
}

fn kernel_any_name(kernel: &Kernel, keys: &[KernelKey]) -> String {
    if keys.is_empty() {
        return "nothing (a timeout)".to_string();
    }
    let names: Vec<String> = keys.iter().map(|k| kernel_wait_name(kernel, k)).collect();
    format!("any of {}", names.join(", "))
}

/// The program's own call a blocked thread is waiting in.
pub struct BlockingCall {
    /// The source text of the call (`q.get()`), or of its line when the call spans lines.
    pub text: String,
    pub file: String,
    pub line: u32,
}
/// Finds the innermost frame of the program itself (not of an embedded module such as
/// `threading`) and the call it is executing. A blocked call has not run, so the top
/// frame's ip points at it; callers' ips are one past their call.
/// Is thread `tid` waiting in the idle wait of an asyncio event loop (`asyncio.base_events`,
/// `BaseEventLoop._interleave_idle_wait`)?
pub fn in_idle_event_loop(interp: &Interp, tid: usize) -> bool {
    interp.threads[tid].frames.last().is_some_and(|f| {
        &*f.code.qualname == "BaseEventLoop._interleave_idle_wait" && is_module_file(&f.code.filename, "asyncio.base_events")
    })
}

pub fn blocking_call(interp: &Interp, tid: usize) -> Option<BlockingCall> {
    let frames = &interp.threads[tid].frames;
    let (depth, f) = frames.iter().enumerate().rev().find(|(_, f)| !is_library_file(&f.code.filename))?;
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
