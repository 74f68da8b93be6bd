//! The page's picture of one run, built only from the worker's reports (plain data): the
//! events so far, and what the views derive from them — console lines, timeline lanes, the
//! GIL holder, and where each thread is at any moment (for scrubbing back in time).

use interleave_machine::inspect::ObjectView;
use interleave_machine::trace::{CoreSpan, CoreSpans, Segment, SegmentBuilder, SegmentState, ThreadInfo, TraceEvent};

use crate::protocol::{Diagnostic, FromWorker};

/// Where a run stands.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Status {
    /// Nothing has run yet.
    #[default]
    Idle,
    Running,
    Paused,
    Finished { exit_code: i32 },
    /// Stopped by the user.
    Stopped,
}

/// One console line (or the unfinished end of one), written by one thread to one stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleLine {
    pub t: u64,
    pub thread: usize,
    pub stderr: bool,
    pub text: String,
    /// Where the input the thread read begins in `text` (it ends the line), as a terminal
    /// echoes what was typed after the prompt.
    pub typed_from: Option<usize>,
}

/// A stretch during which a thread held its process's GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GilSpan {
    pub thread: usize,
    pub start: u64,
    pub end: u64,
}

/// A stretch during which greenlet `greenlet` (an index into `RunModel::greenlet_names`) was
/// the one running on its thread (between two switches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GreenletSpan {
    pub thread: usize,
    pub greenlet: usize,
    pub start: u64,
    pub end: u64,
}

/// One row of the timeline, top to bottom: the cores (when shown), then each process's GIL
/// lane and its threads, each thread that switched greenlets followed by its greenlets lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lane {
    Core(u32),
    Gil { process: u32 },
    Thread(usize),
    Greenlets(usize),
}

/// Where a process is in its life at some moment (what the process tree shows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProcState {
    Running,
    /// Exited, not yet reaped by its parent.
    Zombie { exit_code: i32 },
    /// Exited and reaped.
    Gone { exit_code: i32 },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcView {
    pub pid: u32,
    pub parent: u32,
    pub state: ProcState,
    /// Its parent exited first: it was re-parented to init (pid 1).
    pub orphan: bool,
    /// Nesting depth in the tree (0 for the program's first process).
    pub depth: usize,
}

#[derive(Clone, Debug, Default)]
pub struct RunModel {
    pub status: Status,
    pub events: Vec<TraceEvent>,
    pub threads: Vec<ThreadInfo>,
    /// The virtual time the views show up to.
    pub live_ns: u64,
    pub steps: u64,
    /// Each live thread's current line (from the last report).
    pub lines: Vec<(usize, u32)>,
    pub error: Option<Diagnostic>,
    pub console: Vec<ConsoleLine>,
    /// Derived from `events` when they change.
    pub segments: Vec<Segment>,
    pub gil: Vec<GilSpan>,
    /// The machine's number of cores (the run's `cores` setting).
    pub cores: u32,
    /// Which greenlet ran on each thread that switched greenlets, and their names.
    pub greenlet_spans: Vec<GreenletSpan>,
    pub greenlet_names: Vec<String>,
    /// Snapshots of the main module's objects, each with the virtual time it was taken at
    /// (one per report: exact when stepping, coarser when running fast).
    pub objects: Vec<(u64, Vec<ObjectView>)>,
    /// Each live thread's call stack at the live point, when paused.
    pub stacks: Vec<(usize, Vec<(String, u32)>)>,
    /// The thread whose read of stdin waits for the user to type.
    pub awaiting_input: Option<usize>,
    /// How the views above are kept up to date: each event is taken in once.
    derived: Derived,
}

/// The state of deriving segments, GIL spans and core spans from the events, so that a report
/// costs the events it brings, not the whole run so far.
#[derive(Clone, Debug, Default)]
struct Derived {
    /// How many of `events` have been taken in.
    events: usize,
    segments: SegmentBuilder,
    /// How many of `RunModel::segments` are done (the rest are redone on each report).
    segments_done: usize,
    /// Per process: who holds its GIL, and since when.
    gil_held: Vec<(u32, usize, u64)>,
    /// How many of `RunModel::gil` are finished spans.
    gil_done: usize,
    /// Who ran on which core.
    cores: CoreSpans,
    /// Per thread that switched greenlets: the running greenlet and since when.
    greenlet_current: Vec<(usize, usize, u64)>,
    /// How many of `RunModel::greenlet_spans` are finished.
    greenlets_done: usize,
    /// When each thread was created.
    thread_start: Vec<(usize, u64)>,
}

impl RunModel {
    /// The model of a run about to start on a machine with `cores` cores.
    pub fn starting(status: Status, cores: u32) -> RunModel {
        RunModel { status, cores, ..RunModel::default() }
    }

    /// Takes in one report from the worker.
    pub fn absorb(&mut self, report: FromWorker) {
        match report {
            FromWorker::Ready | FromWorker::Failed { .. } | FromWorker::Checked { .. } => {}
            FromWorker::Progress { events, threads, live_ns, steps, lines, objects, stacks, paused, awaiting_input } => {
                self.stacks = stacks;
                self.awaiting_input = awaiting_input;
                self.add_events(events);
                self.snapshot(live_ns, objects);
                self.threads = threads;
                self.live_ns = self.live_ns.max(live_ns);
                self.steps = steps;
                self.lines = lines;
                self.status = if paused { Status::Paused } else { Status::Running };
                self.derive();
            }
            FromWorker::Finished { events, threads, end_ns, steps, exit_code, error, objects } => {
                self.add_events(events);
                // A finished program's memory is gone: its last snapshot stands.
                if !objects.is_empty() {
                    self.snapshot(end_ns, objects);
                }
                self.threads = threads;
                self.live_ns = end_ns;
                self.steps = steps;
                self.lines.clear();
                self.stacks.clear();
                self.awaiting_input = None;
                self.error = error;
                self.status = Status::Finished { exit_code };
                self.derive();
            }
        }
    }

    /// Keeps a snapshot of the objects, unless nothing changed since the last one.
    fn snapshot(&mut self, t: u64, objects: Vec<ObjectView>) {
        if self.objects.last().is_some_and(|(_, last)| *last == objects) {
            return;
        }
        self.objects.push((t, objects));
    }

    /// The objects as of the last snapshot taken at or before `t` (and that snapshot's time).
    pub fn objects_at(&self, t: u64) -> Option<&(u64, Vec<ObjectView>)> {
        let i = self.objects.partition_point(|(at, _)| *at <= t);
        i.checked_sub(1).map(|i| &self.objects[i])
    }

    fn add_events(&mut self, events: Vec<TraceEvent>) {
        for e in &events {
            match e {
                TraceEvent::Output { t, thread, stream, text, .. } => self.write(*t, *thread, stream == "stderr", text),
                TraceEvent::Input { t, thread, text, .. } => self.echo(*t, *thread, text),
                _ => {}
            }
        }
        self.events.extend(events);
    }

    /// Shows input a thread read where a terminal would echo it: after its prompt, if the
    /// thread's own unfinished stdout line is the last, else on a line of its own.
    fn echo(&mut self, t: u64, thread: usize, text: &str) {
        for piece in text.split_inclusive('\n') {
            match self.console.last_mut() {
                Some(last) if !last.text.ends_with('\n') && last.thread == thread && !last.stderr && last.typed_from.is_none() => {
                    last.typed_from = Some(last.text.len());
                    last.text.push_str(piece);
                }
                _ => self.console.push(ConsoleLine { t, thread, stderr: false, text: piece.to_string(), typed_from: Some(0) }),
            }
        }
    }

    /// Appends output to the console: a line continues only with text from the same thread
    /// and stream.
    fn write(&mut self, t: u64, thread: usize, stderr: bool, text: &str) {
        for piece in text.split_inclusive('\n') {
            match self.console.last_mut() {
                Some(last) if !last.text.ends_with('\n') && last.thread == thread && last.stderr == stderr && last.typed_from.is_none() => {
                    last.text.push_str(piece)
                }
                _ => self.console.push(ConsoleLine { t, thread, stderr, text: piece.to_string(), typed_from: None }),
            }
        }
    }

    fn derive(&mut self) {
        let d = &mut self.derived;
        let threads = &self.threads;
        let process_of = |thread: usize| threads.get(thread).map_or(0, |t| t.process);
        self.gil.truncate(d.gil_done);
        self.greenlet_spans.truncate(d.greenlets_done);
        for e in &self.events[d.events..] {
            d.segments.feed(e);
            d.cores.feed(e);
            match *e {
                TraceEvent::GilTaken { t, thread } => {
                    let pid = process_of(thread);
                    d.gil_held.retain(|h| h.0 != pid);
                    d.gil_held.push((pid, thread, t));
                }
                TraceEvent::GilDropped { t, thread, .. } => {
                    let pid = process_of(thread);
                    if let Some(i) = d.gil_held.iter().position(|h| h.0 == pid && h.1 == thread) {
                        let (_, _, start) = d.gil_held.remove(i);
                        if t > start {
                            self.gil.push(GilSpan { thread, start, end: t });
                        }
                    }
                }
                TraceEvent::ThreadCreated { t, thread } => d.thread_start.push((thread, t)),
                TraceEvent::ThreadExited { t, thread } => {
                    // Its greenlet's stretch ends with the thread.
                    if let Some(i) = d.greenlet_current.iter().position(|c| c.0 == thread) {
                        let (_, greenlet, start) = d.greenlet_current.remove(i);
                        if t > start {
                            self.greenlet_spans.push(GreenletSpan { thread, greenlet, start, end: t });
                        }
                    }
                }
                TraceEvent::GreenletSwitch { t, thread, ref from, ref to } => {
                    let names = &mut self.greenlet_names;
                    let mut index = |name: &str| match names.iter().position(|n| n == name) {
                        Some(i) => i,
                        None => {
                            names.push(name.to_string());
                            names.len() - 1
                        }
                    };
                    let (from, to) = (index(from), index(to));
                    // Before its first switch, a thread ran its `from` greenlet since it started.
                    let since = match d.greenlet_current.iter().position(|c| c.0 == thread) {
                        Some(i) => d.greenlet_current.remove(i).2,
                        None => d.thread_start.iter().find(|s| s.0 == thread).map_or(0, |s| s.1),
                    };
                    if t > since {
                        self.greenlet_spans.push(GreenletSpan { thread, greenlet: from, start: since, end: t });
                    }
                    d.greenlet_current.push((thread, to, t));
                }
                _ => {}
            }
        }
        d.events = self.events.len();
        d.gil_done = self.gil.len();
        d.greenlets_done = self.greenlet_spans.len();
        for &(thread, greenlet, start) in &d.greenlet_current {
            if self.live_ns > start {
                self.greenlet_spans.push(GreenletSpan { thread, greenlet, start, end: self.live_ns });
            }
        }
        for &(_, thread, start) in &d.gil_held {
            if self.live_ns > start {
                self.gil.push(GilSpan { thread, start, end: self.live_ns });
            }
        }
        self.segments.truncate(d.segments_done);
        self.segments.extend_from_slice(&d.segments.done()[d.segments_done..]);
        d.segments_done = self.segments.len();
        self.segments.extend(d.segments.pending(self.live_ns));
    }

    /// The pid of thread `thread`'s process.
    pub fn process_of(&self, thread: usize) -> u32 {
        self.threads.get(thread).map_or(0, |t| t.process)
    }

    /// Every process's pid, in order of creation.
    pub fn pids(&self) -> Vec<u32> {
        let mut pids: Vec<u32> = Vec::new();
        for t in &self.threads {
            if !pids.contains(&t.process) {
                pids.push(t.process);
            }
        }
        pids
    }

    /// The timeline's rows: the cores if `with_cores`, then for each process its GIL lane and
    /// its threads.
    pub fn lanes(&self, with_cores: bool) -> Vec<Lane> {
        let mut out = Vec::new();
        if with_cores {
            let seen = self.derived.cores.count() as u32;
            out.extend((0..self.cores.max(seen).max(1)).map(Lane::Core));
        }
        for pid in self.pids() {
            out.push(Lane::Gil { process: pid });
            for t in self.threads.iter().filter(|t| t.process == pid) {
                out.push(Lane::Thread(t.index));
                if self.greenlet_spans.iter().any(|s| s.thread == t.index) {
                    out.push(Lane::Greenlets(t.index));
                }
            }
        }
        if self.threads.is_empty() {
            out.push(Lane::Gil { process: 0 });
        }
        out
    }

    /// The greenlet running on `thread` at `t`, if the thread ever switched greenlets.
    pub fn greenlet_at(&self, thread: usize, t: u64) -> Option<&str> {
        self.events.iter().rev().find_map(|e| match e {
            TraceEvent::GreenletSwitch { t: at, thread: th, to, .. } if *th == thread && *at <= t => Some(to.as_str()),
            _ => None,
        })
    }

    /// Who ran on which core, each core's spans in time order.
    pub fn core_spans(&self) -> &[CoreSpan] {
        self.derived.cores.spans()
    }

    /// Who was on core `core` at `t`.
    pub fn core_span_at(&self, core: u32, t: u64) -> Option<&CoreSpan> {
        self.core_spans().iter().find(|s| s.core == core && s.start <= t && t < s.end)
    }

    /// The process tree at `t`, depth-first from the program's first process.
    pub fn processes_at(&self, t: u64) -> Vec<ProcView> {
        let Some(root) = self.threads.first().map(|th| th.process) else { return Vec::new() };
        let mut procs = vec![ProcView { pid: root, parent: 0, state: ProcState::Running, orphan: false, depth: 0 }];
        for e in &self.events {
            match *e {
                TraceEvent::ProcessCreated { t: at, process, parent, .. } if at <= t => {
                    procs.push(ProcView { pid: process, parent, state: ProcState::Running, orphan: false, depth: 0 })
                }
                TraceEvent::ProcessExited { t: at, process, exit_code } if at <= t => {
                    if let Some(p) = procs.iter_mut().find(|p| p.pid == process) {
                        p.state = ProcState::Zombie { exit_code };
                    }
                }
                TraceEvent::ProcessReaped { t: at, process, .. } if at <= t => {
                    if let Some(p) = procs.iter_mut().find(|p| p.pid == process)
                        && let ProcState::Zombie { exit_code } = p.state
                    {
                        p.state = ProcState::Gone { exit_code };
                    }
                }
                TraceEvent::ProcessOrphaned { t: at, process, .. } if at <= t => {
                    if let Some(p) = procs.iter_mut().find(|p| p.pid == process) {
                        p.orphan = true;
                    }
                }
                _ => {}
            }
        }
        // Depth-first order under the original parents.
        let mut out = Vec::new();
        fn visit(pid: u32, depth: usize, all: &[ProcView], out: &mut Vec<ProcView>) {
            if let Some(p) = all.iter().find(|p| p.pid == pid) {
                out.push(ProcView { depth, ..p.clone() });
                for child in all.iter().filter(|c| c.parent == pid && c.pid != pid) {
                    visit(child.pid, depth + 1, all, out);
                }
            }
        }
        visit(root, 0, &procs, &mut out);
        out
    }

    /// The virtual time the run covers so far.
    pub fn end_ns(&self) -> u64 {
        self.live_ns
    }

    /// The thread's name, as the console, the threads table and tooltips show it: with its
    /// process's pid when the run has several processes.
    pub fn thread_name(&self, thread: usize) -> String {
        let Some(info) = self.threads.get(thread) else { return format!("thread {thread}") };
        // With several processes, every one has its MainThread: say whose.
        if self.threads.iter().any(|t| t.process != info.process) {
            format!("{} · {}", info.name, info.process)
        } else {
            info.name.clone()
        }
    }

    /// What `thread` was doing at `t`: its segment then, if it existed.
    pub fn segment_at(&self, thread: usize, t: u64) -> Option<&Segment> {
        self.segments.iter().find(|s| s.thread == thread && s.start <= t && t < s.end.max(s.start + 1))
    }

    /// What `thread` is doing at `t`. At the live edge (where segments end) it is what the
    /// thread's last event says: blocked, ready, or finished (`None`).
    pub fn state_at(&self, thread: usize, t: u64) -> Option<SegmentState> {
        if t < self.live_ns {
            return self.segment_at(thread, t).map(|s| s.state.clone());
        }
        for e in self.events.iter().rev() {
            match e {
                TraceEvent::Blocked { thread: th, on, .. } if *th == thread => return Some(SegmentState::Blocked(on.clone())),
                TraceEvent::Woken { thread: th, .. } | TraceEvent::Ran { thread: th, .. } | TraceEvent::ThreadCreated { thread: th, .. }
                    if *th == thread =>
                {
                    return Some(SegmentState::WaitingGil);
                }
                TraceEvent::ThreadExited { thread: th, .. } if *th == thread => return None,
                _ => {}
            }
        }
        None
    }

    /// Each thread's line in the program at time `t` (where its last slice before `t`
    /// stopped), for threads that had started and not finished.
    pub fn lines_at(&self, t: u64) -> Vec<(usize, u32)> {
        if t >= self.live_ns && !matches!(self.status, Status::Finished { .. }) {
            return self.lines.clone();
        }
        let mut line: Vec<u32> = vec![0; self.threads.len()];
        let mut alive: Vec<bool> = vec![false; self.threads.len()];
        for e in &self.events {
            match *e {
                TraceEvent::Ran { thread, start, line: l, .. } if start <= t && thread < line.len() => {
                    line[thread] = l;
                    alive[thread] = true;
                }
                TraceEvent::ThreadExited { t: at, thread } if at <= t && thread < alive.len() => alive[thread] = false,
                _ => {}
            }
        }
        (0..line.len()).filter(|&i| alive[i] && line[i] > 0).map(|i| (i, line[i])).collect()
    }

    /// Console lines written by time `t`.
    pub fn console_until(&self, t: u64) -> usize {
        self.console.partition_point(|l| l.t <= t)
    }

    /// Where the first traceback of the program points (the last `File "main.py", line N`
    /// of the first traceback on stderr), for marking a runtime error in the editor.
    pub fn runtime_error(&self, filename: &str) -> Option<Diagnostic> {
        if let Some(e) = &self.error {
            return Some(e.clone());
        }
        let stderr: String = self.console.iter().filter(|l| l.stderr).map(|l| l.text.as_str()).collect();
        let start = stderr.find("Traceback (most recent call last):")?;
        let text = &stderr[start..];
        let needle = format!("File \"{filename}\", line ");
        let mut line = None;
        let mut message = None;
        for l in text.lines().skip(1) {
            if let Some(rest) = l.trim_start().strip_prefix(&needle) {
                line = rest.split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse().ok());
            } else if !l.starts_with(' ') {
                message = Some(l.to_string());
                break;
            }
        }
        Some(Diagnostic { line: line?, col: 0, message: message.unwrap_or_default() })
    }

    /// Virtual time each core (or the GIL, in GIL modes) was busy, per core index.
    pub fn core_busy(&self) -> Vec<u64> {
        // From the core spans (slices merged), not the events: the report redraws often.
        let mut busy = vec![0u64; self.derived.cores.count()];
        for s in self.core_spans() {
            busy[s.core as usize] += s.end - s.start;
        }
        busy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::driver::Driver;
    use crate::protocol::{RunConfig, Speed, ToWorker};

    /// Runs `source` to the end through the driver, as the worker would, feeding every report
    /// to a model.
    fn run(source: &str) -> RunModel {
        run_with(source, RunConfig::default())
    }

    /// Starts `source` as fast as possible (`paused`: waiting for Step) on a fresh driver, with
    /// the model fed the first reports.
    fn start(source: &str, config: RunConfig, paused: bool) -> (Driver, RunModel) {
        let mut driver = Driver::new();
        let mut model = RunModel::starting(Status::Running, config.cores);
        let cmd = ToWorker::Run { source: source.into(), filename: "main.py".into(), config, speed: Speed::Max, paused };
        for r in driver.command(cmd) {
            model.absorb(r);
        }
        (driver, model)
    }

    fn run_with(source: &str, config: RunConfig) -> RunModel {
        let (mut driver, mut model) = start(source, config, false);
        run_chunks(&mut driver, &mut model);
        model
    }

    /// Runs chunks until the worker has nothing more to do (finished, or waiting for input).
    fn run_chunks(driver: &mut Driver, model: &mut RunModel) {
        let mut wall = 0.0;
        let mut clock = move || {
            wall += 1.0;
            wall
        };
        for _ in 0..10_000 {
            let (report, next) = driver.chunk(&mut clock);
            if let Some(r) = report {
                model.absorb(r);
            }
            if next == crate::driver::Next::Idle {
                return;
            }
        }
        panic!("the run did not settle");
    }

    #[test]
    fn input_waits_for_the_user_and_the_console_echoes_it() {
        let src = "import threading\nname = input('Name? ')\nprint('Hi', name)\nprint(input())\nprint(input('more? '))\n";
        let (mut driver, mut model) = start(src, RunConfig::default(), false);
        run_chunks(&mut driver, &mut model);
        assert_eq!(model.awaiting_input, Some(0));
        assert_eq!(model.status, Status::Running);
        assert_eq!(model.console.last().map(|l| l.text.as_str()), Some("Name? "));
        // Waiting costs nothing: further chunks run nothing and report nothing.
        let steps = model.steps;
        assert_eq!(driver.chunk(&mut || 0.0), (None, crate::driver::Next::Idle));
        for r in driver.command(ToWorker::Input { text: "Ada\n".into() }) {
            model.absorb(r);
        }
        assert_eq!(model.awaiting_input, None);
        assert_eq!(model.steps, steps);
        run_chunks(&mut driver, &mut model);
        // The second read has no prompt: the typed line stands on a line of its own.
        assert_eq!(model.awaiting_input, Some(0));
        for r in driver.command(ToWorker::Input { text: "plain\n".into() }) {
            model.absorb(r);
        }
        run_chunks(&mut driver, &mut model);
        for r in driver.command(ToWorker::CloseStdin) {
            model.absorb(r);
        }
        run_chunks(&mut driver, &mut model);
        assert_eq!(model.status, Status::Finished { exit_code: 1 });
        let lines: Vec<(&str, Option<usize>)> = model.console.iter().map(|l| (l.text.as_str(), l.typed_from)).collect();
        assert_eq!(lines[..4], [("Name? Ada\n", Some(6)), ("Hi Ada\n", None), ("plain\n", Some(0)), ("plain\n", None)]);
        assert_eq!(lines[4], ("more? ", None));
        assert!(model.console.iter().any(|l| l.stderr && l.text.contains("EOFError: EOF when reading a line")), "{:?}", model.console);
    }

    #[test]
    fn input_given_before_the_run_is_not_asked_for() {
        let config = RunConfig { stdin: "Ada\n".into(), ..RunConfig::default() };
        let m = run_with("print('Hi', input('Name? '))\n", config);
        assert_eq!(m.status, Status::Finished { exit_code: 0 });
        assert_eq!(m.console[0].text, "Name? Ada\n");
        assert_eq!(m.console[1].text, "Hi Ada\n");
    }

    #[test]
    fn threads_of_several_processes_are_named_with_their_pid() {
        let m = run("import os\nif os.fork() == 0:\n    print('child')\n    os._exit(0)\nos.wait()\nprint('parent')\n");
        assert_eq!(m.status, Status::Finished { exit_code: 0 });
        let names: Vec<String> = m.console.iter().map(|l| m.thread_name(l.thread)).collect();
        let pids: Vec<u32> = m.console.iter().map(|l| m.threads[l.thread].process).collect();
        assert_ne!(pids[0], pids[1]);
        assert_eq!(names, [format!("MainThread · {}", pids[0]), format!("MainThread · {}", pids[1])]);
        // One process: the name alone.
        assert_eq!(run("print(1)\n").thread_name(0), "MainThread");
    }

    #[test]
    fn console_lines_are_tagged_with_their_thread() {
        let m = run("import threading\ndef w():\n    print('from worker')\nt = threading.Thread(target=w)\nt.start(); t.join()\nprint('main', end='')\nprint(' done')\n");
        assert_eq!(m.status, Status::Finished { exit_code: 0 });
        let lines: Vec<(usize, &str)> = m.console.iter().map(|l| (l.thread, l.text.as_str())).collect();
        assert_eq!(lines, [(1, "from worker\n"), (0, "main done\n")]);
        assert_eq!(m.thread_name(1), "Thread-1 (w)");
        assert!(!m.gil.is_empty());
        assert!(m.segments.iter().any(|s| s.thread == 1));
    }

    #[test]
    fn a_busy_run_reports_in_small_batches() {
        // 10 threads sleeping 300 times each: about 15,000 events. A clock that never moves
        // leaves only the event cap to end a chunk.
        let src = "import threading, time\ndef w():\n    for _ in range(300):\n        time.sleep(0.001)\nts = [threading.Thread(target=w) for _ in range(10)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint('done')\n";
        let (mut driver, mut model) = start(src, RunConfig::default(), false);
        let mut sizes = Vec::new();
        let mut clock = || 0.0;
        while let (Some(r), _) = driver.chunk(&mut clock) {
            if let FromWorker::Progress { events, .. } | FromWorker::Finished { events, .. } = &r {
                sizes.push(events.len());
            }
            model.absorb(r);
            // Built report by report, the lanes are what the whole record gives at once.
            let mut lanes = model.segments.clone();
            lanes.sort_by_key(|s| (s.thread, s.start));
            assert_eq!(lanes, interleave_machine::trace::segments(&model.events, model.live_ns));
        }
        assert_eq!(model.status, Status::Finished { exit_code: 0 });
        assert!(model.events.len() > 10_000, "{} events", model.events.len());
        assert!(sizes.len() >= 4, "{sizes:?}");
        // A chunk stops at the first look at the cap past it: a few rounds' events over.
        assert!(sizes.iter().all(|&n| n <= crate::driver::MAX_REPORT_EVENTS + 1_000), "{sizes:?}");
    }

    #[test]
    fn a_runtime_error_points_at_its_line() {
        let m = run("x = 1\n\ndef f():\n    return 1 / 0\nf()\n");
        assert_eq!(m.status, Status::Finished { exit_code: 1 });
        let d = m.runtime_error("main.py").expect("an error");
        assert_eq!((d.line, d.message.as_str()), (4, "ZeroDivisionError: division by zero"));
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_place() {
        let m = run("print('a'\n");
        let d = m.runtime_error("main.py").expect("an error");
        assert_eq!(d.line, 1);
        assert!(m.console.iter().any(|l| l.stderr && l.text.contains("SyntaxError")), "{:?}", m.console);
    }

    #[test]
    fn lines_at_an_earlier_time_are_where_threads_were_then() {
        let m = run("import time\nx = 1\ntime.sleep(1)\ny = 2\ntime.sleep(1)\nprint(x + y)\n");
        assert_eq!(m.lines_at(500_000_000), [(0, 3)]);
        assert_eq!(m.lines_at(1_500_000_000), [(0, 5)]);
        assert!(m.lines_at(m.end_ns()).is_empty(), "finished threads have no line");
    }

    #[test]
    fn paced_playback_waits_for_the_wall_clock() {
        let mut driver = Driver::new();
        let cmd = ToWorker::Run {
            source: "import time\nfor i in range(3):\n    time.sleep(1)\n    print(i)\n".into(),
            filename: "main.py".into(),
            config: RunConfig::default(),
            speed: Speed::RealTime,
            paused: false,
        };
        assert!(driver.command(cmd).is_empty());
        let mut model = RunModel::default();
        // The wall clock stands still: the run cannot get past its first second.
        let (report, next) = driver.chunk(&mut || 0.0);
        model.absorb(report.expect("a report"));
        assert!(matches!(next, crate::driver::Next::Wait(_)), "{next:?}");
        assert!(model.console.is_empty());
        // 1.5 s of wall time later, `0` has been printed.
        let (report, _) = driver.chunk(&mut || 1500.0);
        model.absorb(report.expect("a report"));
        assert_eq!(model.console.len(), 1);
        assert!(model.live_ns <= 1_500_000_000, "{}", model.live_ns);
    }

    #[test]
    fn step_runs_one_round_and_pause_stops_the_chunks() {
        let mut driver = Driver::new();
        let cmd = ToWorker::Run {
            source: "while True:\n    pass\n".into(),
            filename: "main.py".into(),
            config: RunConfig::default(),
            speed: Speed::Max,
            paused: true,
        };
        let first = driver.command(cmd);
        assert!(matches!(first[..], [FromWorker::Progress { paused: true, .. }]), "{first:?}");
        let (report, next) = driver.chunk(&mut || 0.0);
        assert!(report.is_none() && next == crate::driver::Next::Idle);
        let stepped = driver.command(ToWorker::Step);
        let [FromWorker::Progress { events, lines, stacks, .. }] = &stepped[..] else { panic!("{stepped:?}") };
        assert!(events.iter().any(|e| matches!(e, TraceEvent::Ran { .. })));
        assert!(matches!(&stacks[..], [(0, frames)] if frames.len() == 1 && frames[0].0 == "<module>"), "{stacks:?}");
        assert!(matches!(lines[..], [(0, 1..=2)]), "{lines:?}");
    }

    #[test]
    fn an_exercise_check_runs_its_seeds() {
        let lesson = crate::lessons::tests::export("01-processes-threads");
        let ex = lesson.example("join-them").expect("its exercise");
        let mut driver = Driver::new();
        let check = |driver: &mut Driver, source: &str| {
            let out = driver.command(ToWorker::Check {
                example: "join-them".into(),
                spec: ex.check.clone(),
                source: source.into(),
            });
            match &out[..] {
                [FromWorker::Checked { failures, .. }] => failures.clone(),
                other => panic!("{other:?}"),
            }
        };
        assert!(!check(&mut driver, &ex.code).is_empty(), "the starter fails");
        assert_eq!(check(&mut driver, ex.solution.as_deref().expect("a solution")), Vec::<String>::new());
    }

    #[test]
    fn the_state_views_show_locks_queues_and_values() {
        let src = "import threading, queue\nlock = threading.Lock()\nq = queue.Queue()\ncount = 0\nev = threading.Event()\ndef w():\n    with lock:\n        ev.wait()\nt = threading.Thread(target=w)\nt.start()\nq.put('job'); q.put(2)\ncount += 5\nlock.acquire()\n";
        let (mut driver, mut model) = start(src, RunConfig::default(), true);
        // Step until the main thread blocks on the lock the worker holds.
        for _ in 0..200 {
            for r in driver.command(ToWorker::Step) {
                model.absorb(r);
            }
            let (_, objs) = model.objects.last().unwrap();
            if objs.iter().any(|o| o.name == "lock" && o.waiters == [0]) {
                break;
            }
        }
        // At the live edge each thread's state is the one it is in now.
        let now = model.end_ns();
        assert!(matches!(model.state_at(0, now), Some(SegmentState::Blocked(_))), "{:?}", model.state_at(0, now));
        let (_, objs) = model.objects.last().unwrap();
        let get = |n: &str| objs.iter().find(|o| o.name == n).unwrap_or_else(|| panic!("{n} in {objs:?}"));
        assert_eq!(get("lock").kind, "Lock");
        assert_eq!((get("lock").holder, get("lock").waiters.clone()), (Some(1), vec![0]));
        assert_eq!(get("q").items, ["'job'", "2"]);
        assert_eq!(get("count").state, "5");
        assert_eq!((get("ev").state.as_str(), get("ev").waiters.clone()), ("clear", vec![1]));
        assert!(!objs.iter().any(|o| o.name == "threading" || o.name == "w"), "modules and functions are not shown");
    }

    #[test]
    fn core_lanes_show_who_ran_where() {
        let src = "import threading\ndef spin():\n    n = 20000\n    while n:\n        n -= 1\nts = [threading.Thread(target=spin) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n";
        // With the GIL, one core at a time runs Python code: everything lands on core 0.
        let gil = run_with(src, RunConfig { cores: 2, ..RunConfig::default() });
        assert_eq!(&gil.lanes(true)[..3], [Lane::Core(0), Lane::Core(1), Lane::Gil { process: gil.pids()[0] }]);
        assert!(gil.core_spans().iter().all(|s| s.core == 0));
        let on_core_0: u64 = gil.core_spans().iter().map(|s| s.end - s.start).sum();
        assert_eq!(on_core_0, gil.core_busy().iter().sum::<u64>());
        // Free-threaded on two cores, both worker threads run on both cores at the same time.
        let free = run_with(src, RunConfig { cores: 2, python: "3.13t".into(), ..RunConfig::default() });
        assert!(free.core_spans().iter().any(|s| s.core == 1));
        let overlap = free.core_spans().iter().filter(|a| a.core == 0).any(|a| {
            free.core_spans().iter().any(|b| b.core == 1 && b.thread != a.thread && b.start < a.end && a.start < b.end)
        });
        assert!(overlap, "no two threads ran at once: {:?}", &free.core_spans()[..free.core_spans().len().min(8)]);
        let mid = free.core_spans().iter().find(|s| s.core == 1).unwrap();
        assert_eq!(free.core_span_at(1, mid.start).map(|s| s.thread), Some(mid.thread));
        // Back-to-back slices of one thread on one core are one span.
        for w in free.core_spans().windows(2) {
            assert!(!(w[0].core == w[1].core && w[0].thread == w[1].thread && w[0].end == w[1].start));
        }
    }

    #[test]
    fn every_process_has_its_own_globals_in_the_state_view() {
        // The child changes its copy of `count`; the parent's stays 0 (fork copies memory).
        let src = "import os, time\ncount = 0\npid = os.fork()\nif pid == 0:\n    count = 5\n    time.sleep(0.2)\n    os._exit(0)\ntime.sleep(0.1)\nos.waitpid(pid, 0)\n";
        let (mut driver, mut model) = start(src, RunConfig::default(), true);
        let mut seen = false;
        // Step by step: each step reports the objects as they are then.
        for _ in 0..10_000 {
            let reports = driver.command(ToWorker::Step);
            if reports.is_empty() {
                break;
            }
            for r in reports {
                model.absorb(r);
            }
            let Some((_, objects)) = model.objects.last() else { continue };
            let counts: Vec<(u32, &str)> = objects.iter().filter(|o| o.name == "count").map(|o| (o.process, o.state.as_str())).collect();
            if counts.len() == 2 {
                assert_ne!(counts[0].0, counts[1].0, "{counts:?}");
                assert_eq!(counts[0].1, "0", "the parent's copy never changes");
                seen |= counts[1].1 == "5";
            }
        }
        assert!(seen, "never saw both processes' copies");
    }

    #[test]
    fn a_thread_knows_its_running_greenlet() {
        let m = run("import gevent\ndef f(n):\n    gevent.sleep(0.01 * n)\ngs = [gevent.spawn(f, n) for n in (1, 2)]\ngevent.joinall(gs)\n");
        assert_eq!(m.status, Status::Finished { exit_code: 0 });
        assert_eq!(m.greenlet_at(0, 0), None, "no switch yet at the start");
        assert_eq!(m.greenlet_at(0, 5_000_000), Some("Hub"), "everyone sleeps: the hub waits");
        assert_eq!(m.greenlet_at(0, m.end_ns()), Some("main"));
        let switches = m.events.iter().filter(|e| matches!(e, TraceEvent::GreenletSwitch { .. })).count();
        assert!(switches >= 6, "{switches} switches");
        // The greenlets lane: back-to-back spans from the first switch to the end, one per
        // switch, each naming the greenlet that ran.
        assert_eq!(m.lanes(false), [Lane::Gil { process: m.pids()[0] }, Lane::Thread(0), Lane::Greenlets(0)]);
        assert_eq!(m.greenlet_spans.len(), switches + 1, "{:?}", m.greenlet_spans);
        assert!(m.greenlet_spans.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(m.greenlet_spans.last().map(|s| s.end), Some(m.end_ns()));
        let name = |t: u64| m.greenlet_spans.iter().find(|s| s.start <= t && t < s.end).map(|s| m.greenlet_names[s.greenlet].as_str());
        assert_eq!(name(5_000_000), Some("Hub"));
        assert_eq!(name(5_000_000), m.greenlet_at(0, 5_000_000));
    }

    #[test]
    fn processes_get_their_own_lanes_and_a_tree() {
        let m = run("import os, time\npid = os.fork()\nif pid == 0:\n    time.sleep(0.1)\n    os._exit(3)\ntime.sleep(0.2)\nos.waitpid(pid, 0)\nprint('reaped')\n");
        assert_eq!(m.status, Status::Finished { exit_code: 0 });
        let pids = m.pids();
        assert_eq!(pids.len(), 2);
        assert_eq!(m.lanes(false), [Lane::Gil { process: pids[0] }, Lane::Thread(0), Lane::Gil { process: pids[1] }, Lane::Thread(1)]);
        let at = |t: u64| m.processes_at(t).into_iter().map(|p| (p.depth, p.state)).collect::<Vec<_>>();
        assert_eq!(at(50_000_000), [(0, ProcState::Running), (1, ProcState::Running)]);
        assert_eq!(at(150_000_000), [(0, ProcState::Running), (1, ProcState::Zombie { exit_code: 3 })]);
        assert_eq!(at(m.end_ns()).last().map(|p| p.1.clone()), Some(ProcState::Gone { exit_code: 3 }));
    }

    #[test]
    fn invalid_settings_fail_with_a_message() {
        let mut driver = Driver::new();
        let config = RunConfig { switch_interval: "soon".into(), ..RunConfig::default() };
        let out = driver.command(ToWorker::Run {
            source: "pass\n".into(),
            filename: "main.py".into(),
            config,
            speed: Speed::Max,
            paused: false,
        });
        assert!(matches!(&out[..], [FromWorker::Failed { message }] if message.contains("switch-interval")), "{out:?}");
    }
}
