//! What the machine records while it runs: plain data with virtual timestamps, for the
//! timeline and the state views. (The versioned, serialisable format comes with the trace
//! issue; this is the in-memory record it will be built from.)

use serde::{Deserialize, Serialize};

/// Why a thread gave up the GIL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GilDrop {
    /// Another thread asked (drop request honoured at an eval-breaker check point).
    Requested,
    /// The thread blocked (sleep, lock, join) and released the GIL around the call.
    Blocked,
    /// The thread finished.
    Exited,
}

/// One event of a run. Times (`t`, `start`, `end`) are virtual nanoseconds since the start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TraceEvent {
    ThreadCreated {
        t: u64,
        thread: usize,
    },
    /// The thread ran on `core` from `start` to `end` (holding the GIL, unless free-threaded)
    /// and stopped at `line` of the program's own code (0: outside it, or finished).
    Ran {
        thread: usize,
        core: u32,
        start: u64,
        end: u64,
        steps: u64,
        line: u32,
    },
    GilTaken {
        t: u64,
        thread: usize,
    },
    GilDropped {
        t: u64,
        thread: usize,
        why: GilDrop,
    },
    /// A waiting thread's switch interval expired: it set `gil_drop_request`.
    DropRequest {
        t: u64,
        by: usize,
    },
    Blocked {
        t: u64,
        thread: usize,
        on: String,
    },
    Woken {
        t: u64,
        thread: usize,
        timeout: bool,
    },
    ThreadExited {
        t: u64,
        thread: usize,
    },
    /// Text the thread (of process `process`, a pid) wrote to `stdout` or `stderr`.
    Output {
        t: u64,
        thread: usize,
        process: u32,
        stream: String,
        text: String,
    },
    /// The thread (of process `process`, a pid) read `text` from stdin (a line, or everything
    /// to end of file). A terminal would echo what was typed: the playground's console shows it.
    Input {
        t: u64,
        thread: usize,
        process: u32,
        text: String,
    },
    /// A message of `bytes` bytes (its pickled size) was written to (`sent`) or read from
    /// kernel pipe `pipe` (queues and connections of `multiprocessing` are pipes).
    Transfer {
        t: u64,
        thread: usize,
        process: u32,
        pipe: usize,
        bytes: usize,
        sent: bool,
    },
    /// A socket operation on the loopback network (`what`: `connect`, `accept`, `send`,
    /// `recv`, `close`) on kernel socket `socket`, whose addresses are `local` and `remote`
    /// (`ip:port`, `-` when unset), moving `bytes` bytes.
    Net {
        t: u64,
        thread: usize,
        process: u32,
        socket: usize,
        what: String,
        local: String,
        remote: String,
        bytes: usize,
    },
    /// `fork()`: process `process` was created as a child of `parent`, with its one thread.
    ProcessCreated {
        t: u64,
        process: u32,
        parent: u32,
        thread: usize,
    },
    /// The process exited (`exit_code` negative: killed by that signal). Until it is reaped
    /// it is a zombie.
    ProcessExited {
        t: u64,
        process: u32,
        exit_code: i32,
    },
    /// The process's parent exited: it was re-parented to `parent` (init, pid 1), which will
    /// reap it when it exits.
    ProcessOrphaned {
        t: u64,
        process: u32,
        parent: u32,
    },
    /// Process `by` collected the exit status (`os.waitpid`, `Process.join`): the zombie is gone.
    ProcessReaped {
        t: u64,
        process: u32,
        by: u32,
    },
    /// The thread acquired (or released) the lock with id `lock` (its `id()`).
    Lock {
        t: u64,
        thread: usize,
        lock: u64,
        acquired: bool,
    },
    /// The thread switched from greenlet `from` to greenlet `to` (their names: `main` for a
    /// thread's implicit main greenlet, `Hub`, gevent's `Greenlet-N`…). Greenlets share their
    /// thread, its GIL and its lane; only the running greenlet changes.
    GreenletSwitch {
        t: u64,
        thread: usize,
        from: String,
        to: String,
    },
    /// An exception escaped the thread (`exception` is its last traceback line).
    Exception {
        t: u64,
        thread: usize,
        exception: String,
    },
}

/// What a thread is doing during a [`Segment`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "on", rename_all = "snake_case")]
pub enum SegmentState {
    /// Executing Python code on a core (holding the GIL unless free-threaded).
    Running,
    /// Ready to run, waiting for the GIL (or a core).
    WaitingGil,
    /// Blocked (sleep, lock…), with what it waits on.
    Blocked(String),
}

/// A stretch of virtual time `[start, end)` during which a thread was in one state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub thread: usize,
    #[serde(flatten)]
    pub state: SegmentState,
    pub start: u64,
    pub end: u64,
}

/// Turns the event record into per-thread segments (the timeline's lanes), up to `end`,
/// ordered by thread and start.
pub fn segments(trace: &[TraceEvent], end: u64) -> Vec<Segment> {
    let mut b = SegmentBuilder::new();
    for ev in trace {
        b.feed(ev);
    }
    let mut out = b.done().to_vec();
    out.extend(b.pending(end));
    out.sort_by_key(|s| (s.thread, s.start));
    out
}

/// Segments built as events arrive (what a live view needs: each event is looked at once).
/// Consecutive stretches of a thread in one state are one segment (a thread that keeps the
/// GIL across slices runs throughout), so a thread's latest stretches may still grow: they are
/// *pending* until the thread is seen in another state. *Done* segments never change, and each
/// thread's appear in time order.
#[derive(Clone, Debug)]
pub struct SegmentBuilder {
    /// For each thread: its current non-running state and since when (running comes from `Ran`).
    open: Vec<Option<(SegmentState, u64)>>,
    /// For each thread: its last finished stretch, which the next one may extend.
    tail: Vec<Option<Segment>>,
    done: Vec<Segment>,
}

impl Default for SegmentBuilder {
    fn default() -> Self {
        SegmentBuilder::new()
    }
}

impl SegmentBuilder {
    pub fn new() -> SegmentBuilder {
        // The main thread exists (waiting for the GIL) from the start.
        SegmentBuilder { open: vec![Some((SegmentState::WaitingGil, 0))], tail: vec![None], done: Vec::new() }
    }

    /// The segments that can no longer change, in the order they were finished.
    pub fn done(&self) -> &[Segment] {
        &self.done
    }

    /// The segments that may still change, as if every thread's current state ended at `end`.
    pub fn pending(&self, end: u64) -> Vec<Segment> {
        let mut out = Vec::new();
        for thread in 0..self.open.len().max(self.tail.len()) {
            let mut tail = self.tail.get(thread).cloned().flatten();
            if let Some(Some((state, start))) = self.open.get(thread)
                && end > *start
            {
                match &mut tail {
                    Some(t) if t.state == *state && t.end == *start => t.end = end,
                    _ => {
                        out.extend(tail.take());
                        tail = Some(Segment { thread, state: state.clone(), start: *start, end });
                    }
                }
            }
            out.extend(tail);
        }
        out
    }

    fn slot(&mut self, thread: usize) {
        if self.open.len() <= thread {
            self.open.resize(thread + 1, None);
        }
        if self.tail.len() <= thread {
            self.tail.resize(thread + 1, None);
        }
    }

    /// A finished stretch: extends the thread's tail or replaces it (which is then done).
    fn push(&mut self, seg: Segment) {
        if seg.end <= seg.start {
            return;
        }
        self.slot(seg.thread);
        match &mut self.tail[seg.thread] {
            Some(t) if t.state == seg.state && t.end == seg.start => t.end = seg.end,
            tail => {
                if let Some(old) = tail.replace(seg) {
                    self.done.push(old);
                }
            }
        }
    }

    fn close(&mut self, thread: usize, t: u64) {
        self.slot(thread);
        if let Some((state, start)) = self.open[thread].take() {
            self.push(Segment { thread, state, start, end: t });
        }
    }

    fn enter(&mut self, thread: usize, state: SegmentState, t: u64) {
        self.slot(thread);
        self.open[thread] = Some((state, t));
    }

    /// Takes in the next event of the run.
    pub fn feed(&mut self, ev: &TraceEvent) {
        match ev {
            TraceEvent::ThreadCreated { t, thread } => self.enter(*thread, SegmentState::WaitingGil, *t),
            TraceEvent::Ran {
                thread, start, end, ..
            } => {
                self.close(*thread, *start);
                self.push(Segment {
                    thread: *thread,
                    state: SegmentState::Running,
                    start: *start,
                    end: *end,
                });
                self.enter(*thread, SegmentState::WaitingGil, *end);
            }
            TraceEvent::Blocked { t, thread, on } => {
                self.close(*thread, *t);
                self.enter(*thread, SegmentState::Blocked(on.clone()), *t);
            }
            TraceEvent::Woken { t, thread, .. } => {
                self.close(*thread, *t);
                self.enter(*thread, SegmentState::WaitingGil, *t);
            }
            TraceEvent::ThreadExited { t, thread } => self.close(*thread, *t),
            TraceEvent::GilTaken { .. }
            | TraceEvent::GilDropped { .. }
            | TraceEvent::DropRequest { .. }
            | TraceEvent::Output { .. }
            | TraceEvent::Input { .. }
            | TraceEvent::Transfer { .. }
            | TraceEvent::Net { .. }
            | TraceEvent::ProcessCreated { .. }
            | TraceEvent::ProcessExited { .. }
            | TraceEvent::ProcessOrphaned { .. }
            | TraceEvent::ProcessReaped { .. }
            | TraceEvent::Lock { .. }
            | TraceEvent::GreenletSwitch { .. }
            | TraceEvent::Exception { .. } => {}
        }
    }
}

/// The current version of the trace file format (`--trace`). Bump it on any change that a
/// reader could notice.
pub const TRACE_FORMAT_VERSION: u32 = 5;

/// A thread as the trace file names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadInfo {
    /// Index used by every event's `thread` field.
    pub index: usize,
    /// `threading.get_ident()`.
    pub ident: i64,
    /// `threading.Thread.name` (or `MainThread` / `thread N`).
    pub name: String,
    /// The pid of the process the thread belongs to.
    pub process: u32,
}

/// A process as the trace file names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProcessInfo {
    pub pid: u32,
    /// The parent's pid when the process was created.
    pub parent: u32,
    /// The exit code (negative: killed by that signal), if it exited.
    pub exit_code: Option<i32>,
}

/// The trace file (`interleave run --trace FILE`): JSON, documented in ARCHITECTURE.md.
#[derive(Serialize)]
pub struct TraceFile<'a> {
    pub format: &'static str,
    pub version: u32,
    pub settings: serde_json::Value,
    pub end_ns: u64,
    pub exit_code: i32,
    pub threads: &'a [ThreadInfo],
    pub processes: &'a [ProcessInfo],
    pub events: &'a [TraceEvent],
    /// Per-thread lanes derived from `events` (what the timeline draws).
    pub segments: Vec<Segment>,
    /// The recorded scheduling decisions (replaying them reproduces the run).
    pub schedule: &'a [u32],
}

/// A compact text timeline: one lane per thread, grouped by process (labelled with the pid
/// when there are several), `width` columns over `[0, end)`.
/// `#` running, `.` waiting for the GIL, `z` blocked or sleeping, blank when not alive.
pub fn text_timeline(
    trace: &[TraceEvent],
    end: u64,
    width: usize,
    threads: &[ThreadInfo],
) -> String {
    let segs = segments(trace, end);
    let nlanes = segs.iter().map(|s| s.thread + 1).max().unwrap_or(1);
    let end = end.max(1);
    let mut lanes = vec![vec![' '; width]; nlanes];
    let rank = |c: char| match c {
        '#' => 3,
        '.' => 2,
        'z' => 1,
        _ => 0,
    };
    for s in &segs {
        let c = match s.state {
            SegmentState::Running => '#',
            SegmentState::WaitingGil => '.',
            SegmentState::Blocked(_) => 'z',
        };
        for cell in &mut lanes[s.thread][columns(s.start, s.end, end, width)] {
            if rank(c) > rank(*cell) {
                *cell = c;
            }
        }
    }
    let mut out = format!(
        "virtual time 0 .. {:.6} s, {} per column\n",
        end as f64 / 1e9,
        fmt_ns(end / width as u64)
    );
    // Lanes are grouped by process (in pid order), each process's threads in creation order.
    let process_of = |i: usize| {
        threads
            .iter()
            .find(|t| t.index == i)
            .map_or(0, |t| t.process)
    };
    let several = (0..lanes.len()).any(|i| process_of(i) != process_of(0));
    let mut order: Vec<usize> = (0..lanes.len()).collect();
    order.sort_by_key(|&i| (process_of(i), i));
    let names: Vec<String> = order
        .iter()
        .map(|&i| {
            if several {
                format!("{} {}", process_of(i), thread_label(threads, i))
            } else {
                thread_label(threads, i)
            }
        })
        .collect();
    let cores = core_lanes(trace, end, width);
    let w = names
        .iter()
        .map(|n| n.chars().count())
        .chain(cores.iter().map(|(label, _)| label.chars().count()))
        .max()
        .unwrap_or(0);
    let mut legends = Vec::new();
    for (&i, name) in order.iter().zip(&names) {
        out.push_str(&format!(
            "{name:>w$} |{}|\n",
            lanes[i].iter().collect::<String>()
        ));
        if let Some((lane, legend)) = greenlet_lane(trace, i, end, &lanes[i]) {
            out.push_str(&format!("{:>w$} |{lane}|\n", "greenlets"));
            legends.push(format!("greenlets of {name}: {legend}"));
        }
    }
    for (label, lane) in &cores {
        out.push_str(&format!("{label:>w$} |{lane}|\n"));
    }
    out.push_str(&format!(
        "{:w$}  # running   . waiting for the GIL   z blocked/sleeping\n",
        ""
    ));
    if !cores.is_empty() {
        let symbols: Vec<String> = order
            .iter()
            .zip(&names)
            .map(|(&i, name)| format!("{} {name}", thread_symbol(i)))
            .collect();
        legends.push(format!("cores: who ran there ({}; * several in one column)", symbols.join(", ")));
    }
    for legend in legends {
        out.push_str(&format!("{:w$}  {legend}\n", ""));
    }
    out
}

/// A stretch during which a thread ran on a core: back-to-back slices of one thread on one
/// core are one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoreSpan {
    pub core: u32,
    pub thread: usize,
    pub start: u64,
    pub end: u64,
}

/// Who ran on each core, built as events arrive (each core's last span may still grow).
#[derive(Clone, Debug, Default)]
pub struct CoreSpans {
    spans: Vec<CoreSpan>,
    /// The index in `spans` of each core's last span.
    last: Vec<Option<usize>>,
}

impl CoreSpans {
    /// Takes in the next event of the run (only `ran` events matter).
    pub fn feed(&mut self, ev: &TraceEvent) {
        let TraceEvent::Ran { thread, core, start, end, .. } = *ev else { return };
        if end <= start {
            return;
        }
        let c = core as usize;
        if self.last.len() <= c {
            self.last.resize(c + 1, None);
        }
        match self.last[c].map(|i| &mut self.spans[i]) {
            Some(span) if span.thread == thread && span.end == start => span.end = end,
            _ => {
                self.last[c] = Some(self.spans.len());
                self.spans.push(CoreSpan { core, thread, start, end });
            }
        }
    }

    /// The spans so far, each core's in time order.
    pub fn spans(&self) -> &[CoreSpan] {
        &self.spans
    }

    /// How many cores ran something (one more than the highest core index seen).
    pub fn count(&self) -> usize {
        self.last.len()
    }
}

/// The columns of a text lane `width` columns wide over `[0, end)` that `[start, stop)`
/// touches (at least one).
fn columns(start: u64, stop: u64, end: u64, width: usize) -> std::ops::Range<usize> {
    let a = (start as u128 * width as u128 / end as u128) as usize;
    let b = ((stop as u128 * width as u128).div_ceil(end as u128) as usize).min(width);
    a.min(width.saturating_sub(1))..b.max(a + 1).min(width)
}

/// The symbol of thread `i` on the core lanes: `0`–`9`, then `a`–`z`, `A`–`Z`, then `?`.
fn thread_symbol(i: usize) -> char {
    const SYMBOLS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    SYMBOLS.get(i).map_or('?', |&c| c as char)
}

/// The core lanes of the text timeline (`core N`, and in each column the thread that ran on
/// that core, `*` when several did), when the run used more than one core (with one, the GIL
/// and thread lanes already say it all).
fn core_lanes(trace: &[TraceEvent], end: u64, width: usize) -> Vec<(String, String)> {
    let end = end.max(1);
    let mut lanes: Vec<Vec<Option<Option<usize>>>> = Vec::new();
    for e in trace {
        if let TraceEvent::Ran { thread, core, start, end: stop, .. } = *e {
            if stop <= start {
                continue;
            }
            let c = core as usize;
            if lanes.len() <= c {
                lanes.resize(c + 1, vec![None; width]);
            }
            for cell in &mut lanes[c][columns(start, stop, end, width)] {
                *cell = match *cell {
                    None => Some(Some(thread)),
                    Some(Some(t)) if t == thread => Some(Some(t)),
                    _ => Some(None),
                };
            }
        }
    }
    if lanes.len() < 2 {
        return Vec::new();
    }
    lanes
        .iter()
        .enumerate()
        .map(|(c, cells)| {
            let text = cells
                .iter()
                .map(|cell| match cell {
                    None => ' ',
                    Some(Some(t)) => thread_symbol(*t),
                    Some(None) => '*',
                })
                .collect();
            (format!("core {c}"), text)
        })
        .collect()
}

/// The greenlets lane of thread `thread` for the text timeline: in each column, the greenlet
/// that ran (or blocked, or waited for the GIL) on the thread (`*` when several ran), from its `GreenletSwitch` events; and the
/// legend of the symbols. `None` if the thread never switched greenlets.
fn greenlet_lane(trace: &[TraceEvent], thread: usize, end: u64, lane: &[char]) -> Option<(String, String)> {
    let switches: Vec<(u64, &str, &str)> = trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::GreenletSwitch { t, thread: th, from, to } if *th == thread => {
                Some((*t, from.as_str(), to.as_str()))
            }
            _ => None,
        })
        .collect();
    let first = switches.first()?;
    let mut symbols: Vec<(String, char)> = Vec::new();
    let mut pool = ('a'..='z').chain(('A'..='Z').filter(|&c| c != 'H'));
    let mut symbol = |name: &str| -> char {
        if let Some((_, c)) = symbols.iter().find(|(n, _)| n == name) {
            return *c;
        }
        let c = match name {
            "main" => 'm',
            "Hub" => 'H',
            _ => pool.next().unwrap_or('?'),
        };
        symbols.push((name.to_string(), c));
        c
    };
    let width = lane.len();
    let mut current = symbol(first.1);
    let mut next = 0;
    let mut cells = String::with_capacity(width);
    for (col, &cell) in lane.iter().enumerate() {
        let stop = ((col as u128 + 1) * end as u128 / width as u128) as u64;
        let mut seen = vec![current];
        while next < switches.len() && switches[next].0 < stop {
            current = symbol(switches[next].2);
            if !seen.contains(&current) {
                seen.push(current);
            }
            next += 1;
        }
        cells.push(match (cell, seen.len()) {
            (_, n) if n > 1 => '*',
            (' ', _) => ' ',
            _ => seen[0],
        });
    }
    let legend = symbols
        .iter()
        .map(|(n, c)| format!("{c} {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    Some((cells, format!("{legend}; * several in one column")))
}

/// The name of thread `i` (from `threads`, else `MainThread` / `thread i`).
fn thread_label(threads: &[ThreadInfo], i: usize) -> String {
    match threads.iter().find(|t| t.index == i) {
        Some(t) => t.name.clone(),
        None if i == 0 => "MainThread".into(),
        None => format!("thread {i}"),
    }
}

/// The Chrome-trace `pid` of thread `i`: its process's pid (1 when unknown).
fn chrome_pid(threads: &[ThreadInfo], i: usize) -> u32 {
    threads
        .iter()
        .find(|t| t.index == i)
        .map_or(1, |t| t.process)
}

fn fmt_ns(ns: u64) -> String {
    if ns >= 1_000_000 {
        format!("{:.1} ms", ns as f64 / 1e6)
    } else if ns >= 1_000 {
        format!("{:.1} µs", ns as f64 / 1e3)
    } else {
        format!("{ns} ns")
    }
}

/// The run in Chrome's Trace Event format (opens in Perfetto and chrome://tracing): one
/// complete event per segment, one track per thread, timestamps in microseconds.
pub fn chrome_trace(trace: &[TraceEvent], end: u64, threads: &[ThreadInfo]) -> String {
    let mut out = String::from("{\"traceEvents\":[\n");
    let mut first = true;
    for t in 0..segments(trace, end)
        .iter()
        .map(|s| s.thread + 1)
        .max()
        .unwrap_or(1)
    {
        let name = thread_label(threads, t).replace('"', "'");
        let pid = chrome_pid(threads, t);
        if !first {
            out.push_str(",\n");
        }
        first = false;
        out.push_str(&format!(
            "{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":{pid},\"tid\":{t},\"args\":{{\"name\":\"{name}\"}}}}"
        ));
    }
    for s in segments(trace, end) {
        let (name, cat) = match &s.state {
            SegmentState::Running => ("running".to_string(), "cpu"),
            SegmentState::WaitingGil => ("waiting for the GIL".to_string(), "gil"),
            SegmentState::Blocked(on) => (format!("blocked: {}", on.replace('"', "'")), "blocked"),
        };
        out.push_str(&format!(
            ",\n{{\"name\":\"{name}\",\"cat\":\"{cat}\",\"ph\":\"X\",\"ts\":{:.3},\"dur\":{:.3},\"pid\":{},\"tid\":{}}}",
            s.start as f64 / 1e3,
            (s.end - s.start) as f64 / 1e3,
            chrome_pid(threads, s.thread),
            s.thread
        ));
    }
    // The machine's cores, as tracks of a pseudo-process 0: who ran on each core.
    let mut cores = CoreSpans::default();
    for e in trace {
        cores.feed(e);
    }
    if !cores.spans().is_empty() {
        out.push_str(",\n{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"args\":{\"name\":\"cores\"}}");
        for c in 0..cores.count() {
            out.push_str(&format!(
                ",\n{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":{c},\"args\":{{\"name\":\"core {c}\"}}}}"
            ));
        }
        for &CoreSpan { core, thread, start, end } in cores.spans() {
            out.push_str(&format!(
                ",\n{{\"name\":\"{}\",\"cat\":\"core\",\"ph\":\"X\",\"ts\":{:.3},\"dur\":{:.3},\"pid\":0,\"tid\":{core}}}",
                thread_label(threads, thread).replace('"', "'"),
                start as f64 / 1e3,
                (end - start) as f64 / 1e3,
            ));
        }
    }
    out.push_str("\n],\"displayTimeUnit\":\"ns\"}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<TraceEvent> {
        vec![
            TraceEvent::GilTaken { t: 0, thread: 0 },
            TraceEvent::Ran {
                thread: 0,
                core: 0,
                start: 0,
                end: 100,
                steps: 4,
                line: 1,
            },
            TraceEvent::ThreadCreated { t: 100, thread: 1 },
            TraceEvent::Blocked {
                t: 100,
                thread: 0,
                on: "sleep".into(),
            },
            TraceEvent::Ran {
                thread: 1,
                core: 0,
                start: 100,
                end: 300,
                steps: 8,
                line: 1,
            },
            TraceEvent::ThreadExited { t: 300, thread: 1 },
            TraceEvent::Woken {
                t: 400,
                thread: 0,
                timeout: true,
            },
            TraceEvent::Ran {
                thread: 0,
                core: 0,
                start: 400,
                end: 500,
                steps: 4,
                line: 1,
            },
            TraceEvent::ThreadExited { t: 500, thread: 0 },
        ]
    }

    #[test]
    fn segments_cover_each_thread_state() {
        let segs = segments(&sample(), 500);
        let main: Vec<(SegmentState, u64, u64)> = segs
            .iter()
            .filter(|s| s.thread == 0)
            .map(|s| (s.state.clone(), s.start, s.end))
            .collect();
        assert_eq!(
            main,
            vec![
                (SegmentState::Running, 0, 100),
                (SegmentState::Blocked("sleep".into()), 100, 400),
                (SegmentState::Running, 400, 500),
            ]
        );
        assert!(
            segs.iter()
                .any(|s| s.thread == 1 && s.state == SegmentState::Running && s.end == 300)
        );
    }

    #[test]
    fn text_timeline_draws_one_lane_per_thread() {
        let t = text_timeline(&sample(), 500, 5, &[]);
        assert!(t.contains("MainThread |#zzz#|"), "{t}");
        assert!(t.contains("  thread 1 | ##  |"), "{t}");
    }

    #[test]
    fn text_timeline_shows_cores_when_several_were_used() {
        let ran = |thread, core, start, end| TraceEvent::Ran { thread, core, start, end, steps: 1, line: 0 };
        let trace = vec![
            TraceEvent::ThreadCreated { t: 0, thread: 1 },
            ran(0, 0, 0, 200),
            ran(1, 1, 0, 400),
            ran(1, 0, 400, 500),
        ];
        let t = text_timeline(&trace, 500, 5, &[]);
        assert!(t.contains("    core 0 |00  1|"), "{t}");
        assert!(t.contains("    core 1 |1111 |"), "{t}");
        assert!(t.contains("cores: who ran there (0 MainThread, 1 thread 1;"), "{t}");
        // One core used: no core lanes.
        assert!(!text_timeline(&sample(), 500, 5, &[]).contains("core 0"));
    }

    #[test]
    fn chrome_trace_is_json_with_one_event_per_segment() {
        let j = chrome_trace(&sample(), 500, &[]);
        assert!(j.starts_with("{\"traceEvents\":["));
        let cores = j.matches("\"cat\":\"core\"").count();
        assert_eq!(
            j.matches("\"ph\":\"X\"").count() - cores,
            segments(&sample(), 500).len()
        );
        assert!(j.contains("\"name\":\"blocked: sleep\""));
        // The cores' track: who ran on core 0.
        assert!(cores >= 1 && j.contains("\"args\":{\"name\":\"core 0\"}"), "{j}");
    }
}
