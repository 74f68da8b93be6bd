//! Running a whole program on the machine, as `python3 FILE` would: the main module on
//! thread 0, then CPython's shutdown (`threading._shutdown()` waits for non-daemon threads;
//! daemon threads are stopped abruptly), and the report of how it ended.

use std::rc::Rc;

use interleave_vm::interp::ThreadRun;
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
    let code = match interleave_compiler::compile_module(source, filename) {
        Ok(c) => c,
        Err(e) => {
            return RunResult {
                output: vec![(Stream::Stderr, e.render(filename))],
                exit_code: 1,
                steps: 0,
                end_ns: 0,
                trace: Vec::new(),
                schedule: Vec::new(),
                gc_collections: 0,
                live_objects: 0,
                threads: Vec::new(),
                processes: Vec::new(),
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
    interp.kernel.borrow_mut().start_method = settings.start_method.clone();
    interp.sources.insert(Rc::from(filename), Rc::from(source));
    interp.start_main(code);
    let mut m = Machine::new(
        interp,
        settings.clone(),
        Recorder {
            inner: scheduler,
            choices: Vec::new(),
        },
    );
    let exit_code = drive(&mut m);
    for p in 0..m.procs.len() {
        m.collect_output(p);
    }
    let threads = m
        .threads
        .iter()
        .enumerate()
        .map(|(g, &(p, tid))| ThreadInfo {
            index: g,
            ident: m.procs[p].interp.threads[tid].ident,
            name: thread_name(&m.procs[p].interp, tid),
            process: m.procs[p].pid,
        })
        .collect();
    let processes = {
        let k = m.kernel.borrow();
        let first_parent: std::collections::BTreeMap<u32, u32> = m
            .trace
            .iter()
            .filter_map(|e| match e {
                TraceEvent::ProcessCreated {
                    process, parent, ..
                } => Some((*process, *parent)),
                _ => None,
            })
            .collect();
        m.procs
            .iter()
            .map(|p| ProcessInfo {
                pid: p.pid,
                parent: first_parent
                    .get(&p.pid)
                    .copied()
                    .unwrap_or_else(|| k.ppid(p.pid)),
                exit_code: p.exit_code,
            })
            .collect()
    };
    RunResult {
        threads,
        processes,
        output: std::mem::take(&mut m.output),
        exit_code,
        steps: m.procs.iter().map(|p| p.interp.steps - p.steps_base).sum(),
        end_ns: m.now,
        trace: std::mem::take(&mut m.trace),
        schedule: std::mem::take(&mut m.scheduler.choices),
        gc_collections: m.procs.iter().map(|p| p.interp.heap.collections).sum(),
        live_objects: m.procs.iter().map(|p| p.interp.heap.len()).sum(),
    }
}

/// Runs rounds until every process has exited; returns the program's exit code (that of the
/// first process). Orphaned children go on running after it, as they write to the same console.
fn drive<S: Scheduler>(m: &mut Machine<S>) -> i32 {
    loop {
        match m.round() {
            Ok(exits) => {
                for (p, tid, run) in exits {
                    if let Some(code) = thread_ended(m, p, tid, run) {
                        return code;
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
                }
                console(m, &msg);
                return LIMIT_EXIT_CODE;
            }
            Err(Halt::TimeLimit(t)) => {
                let msg = format!(
                    "interleave: the program was stopped at {:.3} s of virtual time (time limit; raise it with --until)\n",
                    t as f64 / 1e9
                );
                console(m, &msg);
                return LIMIT_EXIT_CODE;
            }
        }
        if m.procs.iter().all(|p| !p.alive()) {
            return m.procs[0].exit_code.unwrap_or(0);
        }
    }
}

/// Writes a report of the machine's on the console's stderr.
fn console<S: Scheduler>(m: &mut Machine<S>, text: &str) {
    for p in 0..m.procs.len() {
        m.collect_output(p);
    }
    m.output.push((Stream::Stderr, text.to_string()));
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
