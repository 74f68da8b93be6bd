//! Running a whole program on the machine, as `python3 FILE` would: the main module on
//! thread 0, then CPython's shutdown (`threading._shutdown()` waits for non-daemon threads;
//! daemon threads are stopped abruptly), and the report of how it ended.

use std::rc::Rc;

use interleave_vm::interp::ThreadRun;
use interleave_compiler::CompileError;
use interleave_vm::{Interp, Limits, RunStop, Stream};

use crate::machine::{Halt, Machine};
use crate::scheduler::{RandomScheduler, Recorder, ReplayScheduler, Scheduler};
use crate::settings::Settings;
use crate::trace::{
    ProcessInfo, TRACE_FORMAT_VERSION, ThreadInfo, TraceEvent, TraceFile, segments,
};

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
    /// Every thread that existed, with its ident, name and process.
    pub threads: Vec<ThreadInfo>,
    /// Every process that existed (the program's first).
    pub processes: Vec<ProcessInfo>,
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
                "start_method": settings.start_method,
            }),
            end_ns: self.end_ns,
            exit_code: self.exit_code,
            threads: &self.threads,
            processes: &self.processes,
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
    /// The compile error and its report, when the program did not compile.
    compile_error: Option<(CompileError, String)>,
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
                return Session { machine: None, compile_error: Some((e, report)), finished: Some(1) };
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
        interp.free_threaded = settings.python == crate::PythonMode::Py313t;
        interp.kernel.borrow_mut().start_method = settings.start_method.clone();
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
        Session { machine: Some(machine), compile_error: None, finished: None }
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

    /// The syntax error that stopped the program from compiling.
    pub fn compile_error(&self) -> Option<&CompileError> {
        self.compile_error.as_ref().map(|(e, _)| e)
    }

    /// Virtual time now, in nanoseconds.
    pub fn now(&self) -> u64 {
        self.machine.as_ref().map_or(0, |m| m.now)
    }

    /// Instructions executed so far, in every process.
    pub fn steps(&self) -> u64 {
        self.machine.as_ref().map_or(0, total_steps)
    }

    /// The trace so far. Output written by the program is in it (`TraceEvent::Output`), so a
    /// client can show the console from the events alone.
    pub fn events(&self) -> &[TraceEvent] {
        self.machine.as_ref().map_or(&[], |m| &m.trace)
    }

    /// What the program has written so far, in order: pieces by stream (later output of the
    /// same stream extends the last piece).
    pub fn output(&self) -> &[(Stream, String)] {
        self.machine.as_ref().map_or(&[], |m| &m.output)
    }

    /// Every thread created so far, machine-wide.
    pub fn threads(&self) -> Vec<ThreadInfo> {
        self.machine.as_ref().map_or_else(Vec::new, thread_infos)
    }

    /// Every process created so far.
    pub fn processes(&self) -> Vec<ProcessInfo> {
        self.machine.as_ref().map_or_else(Vec::new, process_infos)
    }

    /// Each live thread's line in the program's own code (machine-wide thread index, line),
    /// for highlighting while stepping.
    pub fn thread_lines(&self) -> Vec<(usize, u32)> {
        let Some(m) = &self.machine else { return Vec::new() };
        let mut out = Vec::new();
        for (p, proc) in m.procs.iter().enumerate() {
            for t in m.live_threads(p) {
                let line = crate::machine::user_line(&proc.interp, t);
                if line > 0 {
                    out.push((proc.global[t], line));
                }
            }
        }
        out
    }

    /// Each live thread's call stack (outermost frame first: function and line).
    pub fn stacks(&self) -> Vec<(usize, Vec<(String, u32)>)> {
        let Some(m) = &self.machine else { return Vec::new() };
        let mut out = Vec::new();
        for (p, proc) in m.procs.iter().enumerate() {
            for t in m.live_threads(p) {
                out.push((proc.global[t], crate::machine::call_stack(&proc.interp, t)));
            }
        }
        out
    }

    /// Every live process's main-module synchronisation objects and plain globals as they are
    /// now (for the playground's state views; reading them does not change the run).
    pub fn objects(&self) -> Vec<crate::inspect::ObjectView> {
        let Some(m) = &self.machine else { return Vec::new() };
        let mut views = Vec::new();
        // Each live process's own globals (an exited process's heap is freed), in the order
        // the processes were created.
        for (p, proc) in m.procs.iter().enumerate().filter(|(_, proc)| proc.alive()) {
            let mut own = crate::inspect::globals_view(&proc.interp, &|lock| m.threads_blocked_on(p, lock));
            for v in &mut own {
                v.holder = v.holder.and_then(|local| proc.global.get(local).copied());
                v.process = proc.pid;
            }
            views.extend(own);
        }
        views
    }

    /// Keeps stdin open after the input the settings give: a read that finds too little then
    /// waits for more, and the machine stands still (`awaiting_input`) until `give_input` or
    /// `close_stdin`. The run is the one the whole input given up front would make.
    pub fn keep_stdin_open(&mut self) {
        if let Some(m) = &mut self.machine {
            m.procs[0].interp.stdin_open = true;
        }
    }

    /// The thread (machine-wide index) whose read of stdin waits for input: the run stands
    /// still until the client gives some (`step` runs nothing).
    pub fn awaiting_input(&self) -> Option<usize> {
        let m = self.machine.as_ref()?;
        if self.finished.is_some() {
            return None;
        }
        m.awaiting_input().map(|(p, t)| m.procs[p].global[t])
    }

    /// Gives the program more input (typed by the user), as if it had been there from the
    /// start. Every live process sees it (forked children share the terminal).
    pub fn give_input(&mut self, text: &str) {
        if let Some(m) = &mut self.machine {
            for proc in m.procs.iter_mut().filter(|p| p.alive()) {
                proc.interp.give_input(text);
            }
        }
    }

    /// Ends stdin (Ctrl+D in a terminal): reads that wait return what is left, then end of file.
    pub fn close_stdin(&mut self) {
        if let Some(m) = &mut self.machine {
            for proc in &mut m.procs {
                proc.interp.stdin_open = false;
            }
        }
    }

    /// Runs one round of the machine (one scheduling decision and the slice it leads to).
    /// Returns the exit code when the run is over. Runs nothing while the program waits for
    /// input (`awaiting_input`).
    pub fn step(&mut self) -> Option<i32> {
        if self.finished.is_some() {
            return self.finished;
        }
        if self.awaiting_input().is_some() {
            return None;
        }
        let m = self.machine.as_mut().expect("a compiled program has a machine");
        let outcome = advance(m);
        // What was written outside a slice (a traceback at exit) joins the trace now.
        let now = m.now;
        for p in 0..m.procs.len() {
            m.absorb_records(p, Some(now));
        }
        self.finished = outcome;
        outcome
    }

    /// Runs rounds until the run is over, `max_rounds` have run, or virtual time reaches
    /// `until_ns` (checked before each round: none runs once the clock is there). Returns the
    /// exit code when the run is over.
    pub fn run_for(&mut self, max_rounds: u32, until_ns: u64) -> Option<i32> {
        for _ in 0..max_rounds {
            if self.finished.is_none() && (self.now() >= until_ns || self.awaiting_input().is_some()) {
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
        let exit_code = self.finished.unwrap_or(0);
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
                processes: Vec::new(),
            };
        };
        for p in 0..m.procs.len() {
            m.collect_output(p);
        }
        let threads = thread_infos(&m);
        let processes = process_infos(&m);
        RunResult {
            threads,
            processes,
            output: std::mem::take(&mut m.output),
            exit_code,
            steps: total_steps(&m),
            end_ns: m.now,
            trace: std::mem::take(&mut m.trace),
            schedule: std::mem::take(&mut m.scheduler.choices),
            gc_collections: m.procs.iter().map(|p| p.interp.heap.collections).sum(),
            live_objects: m.procs.iter().map(|p| p.interp.heap.len()).sum(),
        }
    }
}

/// Instructions executed in every process (a forked child counts only its own).
fn total_steps<S: Scheduler>(m: &Machine<S>) -> u64 {
    m.procs.iter().map(|p| p.interp.steps - p.steps_base).sum()
}

fn thread_infos<S: Scheduler>(m: &Machine<S>) -> Vec<ThreadInfo> {
    m.threads
        .iter()
        .enumerate()
        .map(|(g, &(p, tid))| ThreadInfo {
            index: g,
            ident: m.procs[p].interp.threads[tid].ident,
            name: thread_name(&m.procs[p].interp, tid),
            process: m.procs[p].pid,
        })
        .collect()
}

fn process_infos<S: Scheduler>(m: &Machine<S>) -> Vec<ProcessInfo> {
    let k = m.kernel.borrow();
    let first_parent: std::collections::BTreeMap<u32, u32> = m
        .trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::ProcessCreated { process, parent, .. } => Some((*process, *parent)),
            _ => None,
        })
        .collect();
    m.procs
        .iter()
        .map(|p| ProcessInfo {
            pid: p.pid,
            parent: first_parent.get(&p.pid).copied().unwrap_or_else(|| k.ppid(p.pid)),
            exit_code: p.exit_code,
        })
        .collect()
}

/// Runs one round and handles how it ended; `Some(exit code)` when the whole run is over:
/// every process has exited (the program's exit code is that of the first process; orphaned
/// children go on running after it, as they write to the same console).
fn advance<S: Scheduler>(m: &mut Machine<S>) -> Option<i32> {
    match m.round() {
        Ok(exits) => {
            for (p, tid, run) in exits {
                if let Some(code) = thread_ended(m, p, tid, run) {
                    return Some(code);
                }
            }
        }
        Err(Halt::Deadlock(blocked)) => {
            let several = m.procs.len() > 1;
            let mut msg = String::from(
                "interleave: deadlock: every thread is blocked and none can ever be woken\n",
            );
            for b in &blocked {
                let interp = &m.procs[b.process].interp;
                let mut who = thread_name(interp, b.thread);
                if several {
                    who = format!("{who} of process {}", m.procs[b.process].pid);
                }
                let at = blocked_at(interp, b.thread);
                let holder = b
                    .held_by
                    .map(|h| format!(", held by {}", thread_name(interp, h)))
                    .unwrap_or_default();
                msg.push_str(&format!("  {who} waits for {}{holder}{at}\n", b.waits_for));
                if crate::machine::in_idle_event_loop(interp, b.thread) {
                    msg.push_str(&format!(
                        "  ({who} runs an asyncio event loop that is waiting with no ready tasks or callbacks and no timers: \
                         every task awaits something that nothing will ever complete)\n"
                    ));
                }
            }
            console(m, &msg);
            return Some(LIMIT_EXIT_CODE);
        }
        Err(Halt::TimeLimit(t)) => {
            let msg = format!(
                "interleave: the program was stopped at {:.3} s of virtual time (time limit; raise it with --until)\n",
                t as f64 / 1e9
            );
            console(m, &msg);
            return Some(LIMIT_EXIT_CODE);
        }
    }
    if m.procs.iter().all(|p| !p.alive()) {
        return Some(m.procs[0].exit_code.unwrap_or(0));
    }
    None
}

/// Writes a report of the machine's on the console's stderr.
fn console<S: Scheduler>(m: &mut Machine<S>, text: &str) {
    for p in 0..m.procs.len() {
        m.collect_output(p);
    }
    m.output.push((Stream::Stderr, text.to_string()));
    // In the trace too, so that a client showing the console from the events sees it.
    m.trace.push(TraceEvent::Output {
        t: m.now,
        thread: 0,
        process: m.procs[0].pid,
        stream: "stderr".into(),
        text: text.to_string(),
    });
}

/// Thread `tid` of process `p` ended its outermost call. `Some(code)` if the whole run ends.
fn thread_ended<S: Scheduler>(
    m: &mut Machine<S>,
    p: usize,
    tid: usize,
    run: ThreadRun,
) -> Option<i32> {
    record_exception(m, p, tid, &run);
    let main = tid == m.procs[p].main_thread;
    if let ThreadRun::Stopped(stop) = &run {
        if let RunStop::Exit(code) = **stop {
            // `os._exit()`: the process ends at once.
            m.exit_process(p, code);
            return None;
        }
        let code = report_stop(&mut m.procs[p].interp, stop);
        m.collect_output(p);
        return Some(code);
    }
    if !main {
        if let ThreadRun::Raised(e) = run {
            // Only threads started with `_thread` directly get here: `threading` reports
            // exceptions itself (`threading.excepthook`).
            let interp = &mut m.procs[p].interp;
            let func = interp.threads[tid].started_by.clone();
            let who = interp.repr(&func).unwrap_or_default();
            let text = interp.format_exception(e);
            interp.write(
                Stream::Stderr,
                &format!("Exception ignored in thread started by: {who}\n{text}"),
            );
            m.collect_output(p);
        }
        return None;
    }
    if m.procs[p].shutdown_phase == 0
        && let ThreadRun::Raised(e) = run
    {
        m.procs[p].pending_exit = report_exception(&mut m.procs[p].interp, e);
        m.collect_output(p);
    }
    // CPython's finalisation: `threading._shutdown()` waits for non-daemon threads, then the
    // atexit callbacks run (`multiprocessing` registers one that ends daemonic children and
    // joins the others).
    while m.procs[p].shutdown_phase < 2 {
        m.procs[p].shutdown_phase += 1;
        let hook = match m.procs[p].shutdown_phase {
            1 => ("threading", "_shutdown"),
            _ => ("multiprocessing.util", "_exit_function"),
        };
        if start_shutdown(m, p, hook) {
            return None;
        }
    }
    m.procs[p].interp.warn_unawaited_at_exit();
    m.collect_output(p);
    let code = m.procs[p].pending_exit;
    m.exit_process(p, code);
    None
}

/// Records an exception that escaped a thread in the trace.
fn record_exception<S: Scheduler>(m: &mut Machine<S>, p: usize, tid: usize, run: &ThreadRun) {
    if let ThreadRun::Raised(e) = run {
        let exception = m.procs[p]
            .interp
            .format_exception_only(*e)
            .trim_end()
            .to_string();
        m.trace.push(TraceEvent::Exception {
            t: m.now,
            thread: m.procs[p].global[tid],
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

/// Runs `module.function()` (a finalisation hook) on process `p`'s main thread, if the
/// module was imported. False if there is nothing to do.
fn start_shutdown<S: Scheduler>(
    m: &mut Machine<S>,
    p: usize,
    (module, function): (&str, &str),
) -> bool {
    let now = m.now;
    let proc = &mut m.procs[p];
    let main = proc.main_thread;
    let interp = &mut proc.interp;
    let Some(module) = interp.dict_get_str(interp.modules, module) else {
        return false;
    };
    let Ok(Some(hook)) = interp.getattr_opt(&module, function) else {
        return false;
    };
    let th = &mut interp.threads[main];
    th.done = false;
    th.start = Some((hook, interleave_vm::Args::default()));
    proc.states[main] = crate::machine::ThreadState::Ready {
        since: now,
        request_at: now + proc.interp.switch_interval_ns,
    };
    true
}
