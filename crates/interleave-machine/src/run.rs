//! Running a whole program on the machine, as `python3 FILE` would: the main module on
//! thread 0, then CPython's shutdown (`threading._shutdown()` waits for non-daemon threads;
//! daemon threads are stopped abruptly), and the report of how it ended.

use std::rc::Rc;

use interleave_vm::interp::ThreadRun;
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
    let mut m = Machine::new(
        interp,
        settings.clone(),
        Recorder {
            inner: scheduler,
            choices: Vec::new(),
        },
    );
    let exit_code = drive(&mut m);
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

/// Runs rounds until the program is over; returns the exit code.
fn drive<S: Scheduler>(m: &mut Machine<S>) -> i32 {
    let mut exit_code = 0;
    let mut shutting_down = false;
    loop {
        match m.round() {
            Ok(Round::Continue) => {}
            Ok(Round::Exited(0, run)) => {
                record_exception(m, 0, &run);
                match run {
                    ThreadRun::Raised(e) => exit_code = report_exception(&mut m.interp, e),
                    ThreadRun::Stopped(stop) => return report_stop(&mut m.interp, &stop),
                    ThreadRun::Finished | ThreadRun::Suspended(_) => {}
                }
                if shutting_down || !start_shutdown(m) {
                    return exit_code;
                }
                shutting_down = true;
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
                    }
                    ThreadRun::Stopped(stop) => return report_stop(&mut m.interp, &stop),
                    _ => {}
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
                return LIMIT_EXIT_CODE;
            }
            Err(Halt::TimeLimit(t)) => {
                let msg = format!(
                    "interleave: the program was stopped at {:.3} s of virtual time (time limit; raise it with --until)\n",
                    t as f64 / 1e9
                );
                m.interp.write(Stream::Stderr, &msg);
                return LIMIT_EXIT_CODE;
            }
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
