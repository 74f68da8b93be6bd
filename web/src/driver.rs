//! What the worker does, as plain Rust with the wall clock passed in: it owns the `Session`,
//! takes commands, and runs the simulation in chunks short enough that a Pause arrives
//! promptly, pacing virtual time against wall time at the chosen speed. Native tests drive it
//! directly; `bin/worker.rs` only connects it to `postMessage` and timers.

use interleave_machine::Session;

use crate::protocol::{Diagnostic, FromWorker, Speed, ToWorker};

/// Wall-clock milliseconds one chunk may take before the worker reports and yields.
pub const CHUNK_MS: f64 = 30.0;

/// The most instructions one round runs (a few milliseconds), so that chunks stay short.
const ROUND_STEPS: u64 = 100_000;

/// Rounds run between two looks at the wall clock.
const ROUNDS_PER_CHECK: u32 = 64;

/// A chunk ends early once this many events wait to be reported: the page handles each report
/// in one task, and a report of 25,000 events (2 MB of JSON) took it 130 ms, far over the
/// 50 ms a task may take. 2,000 events take it about 15 ms.
pub const MAX_REPORT_EVENTS: usize = 2_000;

pub struct Driver {
    session: Option<Session>,
    /// The program's file name, as tracebacks show it.
    filename: String,
    /// Events already reported.
    sent: usize,
    speed: Speed,
    paused: bool,
    /// At paced speeds: the wall time and virtual time at which playing (re)started.
    anchor: Option<(f64, u64)>,
}

/// What the worker should do after a chunk.
#[derive(Debug, PartialEq)]
pub enum Next {
    /// Run another chunk at once (after yielding to receive messages).
    Continue,
    /// Nothing to run before this many wall-clock milliseconds (paced playback).
    Wait(f64),
    /// Paused or finished: wait for a command.
    Idle,
}

impl Default for Driver {
    fn default() -> Self {
        Driver::new()
    }
}

impl Driver {
    pub fn new() -> Driver {
        Driver { session: None, filename: String::new(), sent: 0, speed: Speed::Max, paused: true, anchor: None }
    }

    /// Applies a command; returns the reports it produces right away.
    pub fn command(&mut self, cmd: ToWorker) -> Vec<FromWorker> {
        match cmd {
            ToWorker::Run { source, filename, config, speed, paused } => {
                let settings = match config.settings() {
                    Ok(s) => s,
                    Err(message) => {
                        self.session = None;
                        return vec![FromWorker::Failed { message }];
                    }
                };
                let mut session = Session::new(&source, &filename, &settings);
                session.limit_round_steps(ROUND_STEPS);
                // Reads of stdin past the run's `stdin` setting wait for the user's typing.
                session.keep_stdin_open();
                self.session = Some(session);
                self.filename = filename;
                self.sent = 0;
                self.speed = speed;
                self.paused = paused;
                self.anchor = None;
                let mut out = Vec::new();
                if let Some(done) = self.finished_report() {
                    out.push(done);
                } else if paused {
                    out.push(self.progress(0));
                }
                out
            }
            ToWorker::Pause => {
                self.paused = true;
                self.anchor = None;
                match &self.session {
                    Some(s) if s.finished().is_none() => vec![self.progress(s.now())],
                    _ => Vec::new(),
                }
            }
            ToWorker::Resume => {
                self.paused = false;
                self.anchor = None;
                Vec::new()
            }
            ToWorker::SetSpeed { speed } => {
                self.speed = speed;
                self.anchor = None;
                Vec::new()
            }
            ToWorker::Input { text } => self.stdin(|s| s.give_input(&text)),
            ToWorker::CloseStdin => self.stdin(Session::close_stdin),
            ToWorker::Check { example, spec, source } => {
                let (run, expect) = match spec.parse() {
                    Ok(parsed) => parsed,
                    Err(e) => return vec![FromWorker::Failed { message: format!("exercise {example}: {e}") }],
                };
                let runs = interleave_lessons::check::run_seeds(&source, crate::PROGRAM_FILE, &run);
                let failures = interleave_lessons::check::failed_clauses(&expect, &runs);
                vec![FromWorker::Checked { example, failures }]
            }
            ToWorker::Step => {
                self.paused = true;
                self.anchor = None;
                let Some(session) = self.session.as_mut() else { return Vec::new() };
                if session.finished().is_some() {
                    return Vec::new();
                }
                session.step();
                vec![self.report_after_chunk(u64::MAX)]
            }
        }
    }

    /// Gives the run's stdin what the user typed (or its end), and reports the run as it
    /// stands: no longer waiting, if that was what it waited for.
    fn stdin(&mut self, give: impl FnOnce(&mut Session)) -> Vec<FromWorker> {
        let Some(session) = self.session.as_mut() else { return Vec::new() };
        if session.finished().is_some() {
            return Vec::new();
        }
        give(session);
        let now = session.now();
        vec![self.progress(now)]
    }

    /// Runs the simulation for about `CHUNK_MS` (reading the wall clock through `clock`), and
    /// returns the report to send (if any) and what to do next.
    pub fn chunk(&mut self, clock: &mut dyn FnMut() -> f64) -> (Option<FromWorker>, Next) {
        let Some(session) = self.session.as_mut() else { return (None, Next::Idle) };
        if self.paused || session.finished().is_some() || session.awaiting_input().is_some() {
            return (None, Next::Idle);
        }
        let start = clock();
        let target = |anchor: Option<(f64, u64)>, speed: Speed, wall: f64| -> u64 {
            match (speed.virtual_ns_per_ms(), anchor) {
                (Some(rate), Some((wall0, virt0))) => virt0 + ((wall - wall0).max(0.0) * rate) as u64,
                _ => u64::MAX,
            }
        };
        if self.speed.virtual_ns_per_ms().is_some() && self.anchor.is_none() {
            self.anchor = Some((start, session.now()));
        }
        let mut limit = target(self.anchor, self.speed, start);
        loop {
            if session.run_for(ROUNDS_PER_CHECK, limit).is_some() || session.awaiting_input().is_some() {
                break;
            }
            let now = clock();
            limit = target(self.anchor, self.speed, now);
            if session.now() >= limit || now - start >= CHUNK_MS || session.events().len() - self.sent >= MAX_REPORT_EVENTS {
                break;
            }
        }
        let report = self.report_after_chunk(limit);
        let next = match (&report, self.speed.virtual_ns_per_ms()) {
            (FromWorker::Finished { .. }, _) => Next::Idle,
            // Nothing runs until the user types: the next command wakes the loop.
            (FromWorker::Progress { awaiting_input: Some(_), .. }, _) => {
                self.anchor = None;
                Next::Idle
            }
            (_, Some(rate)) => {
                let session = self.session.as_ref().expect("a session");
                if session.now() >= limit {
                    // Ahead of the wall clock: wait until it catches up (at most a frame).
                    Next::Wait((((session.now() - limit) as f64) / rate).clamp(1.0, 16.0))
                } else {
                    Next::Continue
                }
            }
            (_, None) => Next::Continue,
        };
        (Some(report), next)
    }

    /// `Finished` if the run is over, else `Progress` showing time up to `limit`.
    fn report_after_chunk(&mut self, limit: u64) -> FromWorker {
        if let Some(done) = self.finished_report() {
            return done;
        }
        // A run waiting for input shows everything up to the question, whatever the speed.
        let shown = self.session.as_ref().map_or(0, |s| if s.awaiting_input().is_some() { s.now() } else { s.now().min(limit) });
        self.progress(shown)
    }

    fn progress(&mut self, live_ns: u64) -> FromWorker {
        let session = self.session.as_ref().expect("a session");
        let events = unsent_events(session, &mut self.sent);
        FromWorker::Progress {
            events,
            threads: session.threads(),
            live_ns,
            steps: session.steps(),
            lines: session.thread_lines(),
            objects: session.objects(),
            stacks: if self.paused { session.stacks() } else { Vec::new() },
            paused: self.paused,
            awaiting_input: session.awaiting_input(),
        }
    }

    fn finished_report(&mut self) -> Option<FromWorker> {
        let session = self.session.as_ref()?;
        let exit_code = session.finished()?;
        let mut events = unsent_events(session, &mut self.sent);
        // A program that did not compile has no machine: its report is the only output.
        let error = session.compile_error().map(|e| {
            events.push(interleave_machine::trace::TraceEvent::Output {
                t: 0,
                thread: 0,
                process: 0,
                stream: "stderr".into(),
                text: e.render(&self.filename),
            });
            Diagnostic { line: e.line, col: e.offset, message: e.message.clone() }
        });
        Some(FromWorker::Finished {
            events,
            threads: session.threads(),
            end_ns: session.now(),
            steps: session.steps(),
            exit_code,
            error,
            objects: session.objects(),
        })
    }
}

/// The events not reported yet (after the first `sent`), and moves `sent` past them.
fn unsent_events(session: &Session, sent: &mut usize) -> Vec<interleave_machine::trace::TraceEvent> {
    let events = session.events()[*sent..].to_vec();
    *sent = session.events().len();
    events
}
