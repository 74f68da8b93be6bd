//! Running a whole program on the machine, as `python3 FILE` would: the main module on
//! thread 0, then CPython's shutdown (`threading._shutdown()` waits for non-daemon threads;
//! daemon threads are stopped abruptly), and the report of how it ended.

use std::rc::Rc;

use interleave_vm::interp::ThreadRun;
use interleave_compiler::CompileError;
use interleave_vm::{Interp, Limits, Stream};

use crate::machine::{Halt, Machine, Round};
use crate::scheduler::{RandomScheduler, Recorder, ReplayScheduler, Scheduler};
use crate::settings::Settings;
use crate::trace::{TRACE_FORMAT_VERSION, ThreadInfo, TraceEvent, TraceFile, segments};

pub use interleave_vm::run::{INTERNAL_EXIT_CODE, LIMIT_EXIT_CODE};
use interleave_vm::run::{report_exception, report_stop};

/// What a run printed, how it ended, and what the machine recorded.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// Output in the order it was written, by stream.
    pub output: Vec<(Stream, String)>,
    pub exit_code: i32,
    /// Instructions executed.
    pub steps: u64,
    /// Virtual time at the end, in nanoseconds.
    pub end_ns: u64,
    pub trace: Vec<TraceEvent>,
    /// Every scheduling decision, for replay.
    pub schedule: Vec<u32>,
    /// Collections the garbage collector ran, and heap objects still live at the end.
    pub gc_collections: u64,
    pub live_objects: usize,
    /// Every thread that existed, with its ident and name.
    pub threads: Vec<ThreadInfo>,
}

impl RunResult {
    /// The run as a trace file (`--trace`), JSON.
    pub fn trace_json(&self, settings: &Settings) -> String {
        let file = TraceFile {
            format: "interleave-trace",
            version: TRACE_FORMAT_VERSION,
            settings: serde_json::json!({
                "seed": settings.seed,
                "cores": settings.cores,
                "python": settings.python.name(),
                "switch_interval_ns": settings.switch_interval_ns,
                "until_ns": settings.until_ns,
                "max_steps": settings.max_steps,
            }),
            end_ns: self.end_ns,
            exit_code: self.exit_code,
            threads: &self.threads,
            events: &self.trace,
            segments: segments(&self.trace, self.end_ns),
            schedule: &self.schedule,
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    pub fn stdout(&self) -> String {
        self.output
            .iter()
            .filter(|(k, _)| *k == Stream::Stdout)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    pub fn stderr(&self) -> String {
        self.output
            .iter()
            .filter(|(k, _)| *k == Stream::Stderr)
            .map(|(_, t)| t.as_str())
            .collect()
    }
}

/// Compiles and runs `source` as the main program `filename`, with seeded scheduling.
pub fn run_program(source: &str, filename: &str, settings: &Settings) -> RunResult {
    run_with(
        source,
        filename,
        settings,
        RandomScheduler::new(settings.seed),
    )
}

/// Runs again following a recorded schedule (`RunResult::schedule`).
pub fn replay_program(
    source: &str,
    filename: &str,
    settings: &Settings,
    schedule: Vec<u32>,
) -> RunResult {
    run_with(source, filename, settings, ReplayScheduler::new(schedule))
}

fn run_with<S: Scheduler>(
    source: &str,
    filename: &str,
    settings: &Settings,
    scheduler: S,
) -> RunResult {
    let mut session = Session::with_scheduler(source, filename, settings, scheduler);
    while session.step().is_none() {}
    session.into_result()
}

/// A run in progress, advanced a round at a time: what the web playground drives (to stream
/// the trace, pause and step) and what `run_program` runs to the end.
pub struct Session<S: Scheduler = RandomScheduler> {
    /// `None` when the program did not compile.
    machine: Option<Machine<Recorder<S>>>,
    /// The compile error's report, when the program did not compile.
    compile_error: Option<(CompileError, String)>,
    /// `threading._shutdown()` is running on the main thread.
    shutting_down: bool,
    /// The exit code so far (the main module's outcome).
    exit_code: i32,
    /// Set once the run is over.
    finished: Option<i32>,
}

impl Session<RandomScheduler> {
    /// Compiles `source` and prepares its run with seeded scheduling.
    pub fn new(source: &str, filename: &str, settings: &Settings) -> Session<RandomScheduler> {
        Session::with_scheduler(source, filename, settings, RandomScheduler::new(settings.seed))
    }
}

impl<S: Scheduler> Session<S> {
    pub fn with_scheduler(source: &str, filename: &str, settings: &Settings, scheduler: S) -> Session<S> {
        let code = match interleave_compiler::compile_module(source, filename) {
            Ok(c) => c,
            Err(e) => {
                let report = e.render(filename);
                return Session {
                    machine: None,
                    compile_error: Some((e, report)),
                    shutting_down: false,
                    exit_code: 1,
                    finished: Some(1),
                };
            }
        };
        let limits = Limits {
            max_steps: settings.max_steps,
            ..Limits::default()
        };
        let mut interp = Interp::new(limits, settings.seed);
        interp.main_file = filename.to_owned();
        interp.stdin = settings.stdin.clone();
        interp.switch_interval_ns = settings.switch_interval_ns;
        interp.cpu_count = settings.cores;
        interp.sources.insert(Rc::from(filename), Rc::from(source));
        interp.start_main(code);
        let machine = Machine::new(
            interp,
            settings.clone(),
            Recorder {
                inner: scheduler,
                choices: Vec::new(),
            },
        );
        Session {
            machine: Some(machine),
            compile_error: None,
            shutting_down: false,
            exit_code: 0,
            finished: None,
        }
    }

    /// Bounds the instructions one `step` may run, so that a client can pause between rounds
    /// even in a long stretch of pure computation. The run itself is unchanged.
    pub fn limit_round_steps(&mut self, steps: u64) {
        if let Some(m) = &mut self.machine {
            m.round_steps = steps.max(1);
        }
    }

    /// The exit code once the run is over.
    pub fn finished(&self) -> Option<i32> {
        self.finished
    }

    /// The syntax error that stopped the program from compiling, with its report.
    pub fn compile_error(&self) -> Option<&CompileError> {
        self.compile_error.as_ref().map(|(e, _)| e)
    }

    /// Virtual time now, in nanoseconds.
    pub fn now(&self) -> u64 {
        self.machine.as_ref().map_or(0, |m| m.now)
    }

    /// Instructions executed so far.
    pub fn steps(&self) -> u64 {
        self.machine.as_ref().map_or(0, |m| m.interp.steps)
    }

    /// The trace so far. Output written by the program is in it (`TraceEvent::Output`), so a
    /// client can show the console from the events alone.
    pub fn events(&self) -> &[TraceEvent] {
        self.machine.as_ref().map_or(&[], |m| &m.trace)
    }

    /// Every thread created so far.
    pub fn threads(&self) -> Vec<ThreadInfo> {
        let Some(m) = &self.machine else { return Vec::new() };
        (0..m.interp.threads.len())
            .map(|i| ThreadInfo {
                index: i,
                ident: m.interp.threads[i].ident,
                name: thread_name(&m.interp, i),
            })
            .collect()
    }

    /// Each live thread's line in the program's own code (for highlighting while stepping).
    pub fn thread_lines(&self) -> Vec<(usize, u32)> {
        let Some(m) = &self.machine else { return Vec::new() };
        m.live_threads()
            .into_iter()
            .map(|t| (t, crate::machine::user_line(&m.interp, t)))
            .filter(|&(_, line)| line > 0)
            .collect()
    }

    /// Each live thread's call stack (outermost frame first: function and line).
    pub fn stacks(&self) -> Vec<(usize, Vec<(String, u32)>)> {
        let Some(m) = &self.machine else { return Vec::new() };
        m.live_threads().into_iter().map(|t| (t, crate::machine::call_stack(&m.interp, t))).collect()
    }

    /// The main module's synchronisation objects and plain globals as they are now (for the
    /// playground's state views; reading them does not change the run).
    pub fn objects(&self) -> Vec<crate::inspect::ObjectView> {
        let Some(m) = &self.machine else { return Vec::new() };
        crate::inspect::globals_view(&m.interp, &|lock| m.threads_blocked_on(lock))
    }

    /// Runs one round of the machine (one scheduling decision and the slice it leads to).
    /// Returns the exit code when the run is over.
    pub fn step(&mut self) -> Option<i32> {
        if self.finished.is_some() {
            return self.finished;
        }
        let m = self.machine.as_mut().expect("a compiled program has a machine");
        let outcome = advance(m, &mut self.shutting_down, &mut self.exit_code);
        m.absorb_records(Some(m.now));
        self.finished = outcome;
        outcome
    }

    /// Runs rounds until the run is over, `max_rounds` have run, or virtual time reaches
    /// `until_ns` (checked before each round: none runs once the clock is there). Returns the
    /// exit code when the run is over.
    pub fn run_for(&mut self, max_rounds: u32, until_ns: u64) -> Option<i32> {
        for _ in 0..max_rounds {
            if self.finished.is_none() && self.now() >= until_ns {
                break;
            }
            if let Some(code) = self.step() {
                return Some(code);
            }
        }
        self.finished
    }

    /// The whole run, once it is over (or as far as it went).
    pub fn into_result(self) -> RunResult {
        let exit_code = self.finished.unwrap_or(self.exit_code);
        let Some(mut m) = self.machine else {
            let report = self.compile_error.map(|(_, r)| r).unwrap_or_default();
            return RunResult {
                output: vec![(Stream::Stderr, report)],
                exit_code,
                steps: 0,
                end_ns: 0,
                trace: Vec::new(),
                schedule: Vec::new(),
                gc_collections: 0,
                live_objects: 0,
                threads: Vec::new(),
            };
        };
        let threads = (0..m.interp.threads.len())
            .map(|i| ThreadInfo {
                index: i,
                ident: m.interp.threads[i].ident,
                name: thread_name(&m.interp, i),
            })
            .collect();
        RunResult {
            threads,
            output: std::mem::take(&mut m.interp.output),
            exit_code,
            steps: m.interp.steps,
            end_ns: m.now,
            trace: std::mem::take(&mut m.trace),
            schedule: std::mem::take(&mut m.scheduler.choices),
            gc_collections: m.interp.heap.collections,
            live_objects: m.interp.heap.len(),
        }
    }
}

/// Runs one round and handles how it ended; `Some(exit code)` when the program is over.
fn advance<S: Scheduler>(m: &mut Machine<S>, shutting_down: &mut bool, exit_code: &mut i32) -> Option<i32> {
    match m.round() {
        Ok(Round::Continue) => None,
        Ok(Round::Exited(0, run)) => {
            record_exception(m, 0, &run);
            match run {
                ThreadRun::Raised(e) => *exit_code = report_exception(&mut m.interp, e),
                ThreadRun::Stopped(stop) => return Some(report_stop(&mut m.interp, &stop)),
                ThreadRun::Finished | ThreadRun::Suspended(_) => {}
            }
            if *shutting_down || !start_shutdown(m) {
                return Some(*exit_code);
            }
            *shutting_down = true;
            None
        }
        Ok(Round::Exited(tid, run)) => {
            record_exception(m, tid, &run);
            match run {
                ThreadRun::Raised(e) => {
                    // Only threads started with `_thread` directly get here: `threading`
                    // reports exceptions itself (`threading.excepthook`).
                    let func = m.interp.threads[tid].started_by.clone();
                    let who = m.interp.repr(&func).unwrap_or_default();
                    let text = m.interp.format_exception(e);
                    m.interp.write(
                        Stream::Stderr,
                        &format!("Exception ignored in thread started by: {who}\n{text}"),
                    );
                    None
                }
                ThreadRun::Stopped(stop) => Some(report_stop(&mut m.interp, &stop)),
                _ => None,
            }
        }
        Err(Halt::Deadlock(blocked)) => {
            let mut msg = String::from(
                "interleave: deadlock: every thread is blocked and none can ever be woken\n",
            );
            for b in &blocked {
                let who = thread_name(&m.interp, b.thread);
                let at = blocked_at(&m.interp, b.thread);
                let holder = b
                    .held_by
                    .map(|h| format!(", held by {}", thread_name(&m.interp, h)))
                    .unwrap_or_default();
                msg.push_str(&format!("  {who} waits for {}{holder}{at}\n", b.waits_for));
            }
            m.interp.write(Stream::Stderr, &msg);
            Some(LIMIT_EXIT_CODE)
        }
        Err(Halt::TimeLimit(t)) => {
            let msg = format!(
                "interleave: the program was stopped at {:.3} s of virtual time (time limit; raise it with --until)\n",
                t as f64 / 1e9
            );
            m.interp.write(Stream::Stderr, &msg);
            Some(LIMIT_EXIT_CODE)
        }
    }
}

/// Records an exception that escaped a thread in the trace.
fn record_exception<S: Scheduler>(m: &mut Machine<S>, thread: usize, run: &ThreadRun) {
    if let ThreadRun::Raised(e) = run {
        let exception = m.interp.format_exception_only(*e).trim_end().to_string();
        m.trace.push(TraceEvent::Exception {
            t: m.now,
            thread,
            exception,
        });
    }
}

/// A thread's name for reports: its `threading.Thread` name if it has one.
pub fn thread_name(interp: &Interp, tid: usize) -> String {
    match &interp.threads[tid].name {
        Some(n) => n.clone(),
        None if tid == 0 => "MainThread".into(),
        None => format!("thread {tid}"),
    }
}

/// ` (at file:line)` of where a blocked thread is waiting.
fn blocked_at(interp: &Interp, tid: usize) -> String {
    match crate::machine::blocking_call(interp, tid) {
        Some(c) => format!(" in `{}` (at {}:{})", c.text, c.file, c.line),
        None => String::new(),
    }
}

/// After the main module: CPython calls `threading._shutdown()` (if `threading` was imported)
/// on the main thread, which waits for every non-daemon thread. False if there is nothing to do.
fn start_shutdown<S: Scheduler>(m: &mut Machine<S>) -> bool {
    let interp = &mut m.interp;
    let Some(threading) = interp.dict_get_str(interp.modules, "threading") else {
        return false;
    };
    let Ok(Some(shutdown)) = interp.getattr_opt(&threading, "_shutdown") else {
        return false;
    };
    let main = &mut interp.threads[0];
    main.done = false;
    main.start = Some((shutdown, interleave_vm::Args::default()));
    m.states[0] = crate::machine::ThreadState::Ready {
        since: m.now,
        request_at: m.now + m.interp.switch_interval_ns,
    };
    true
}
