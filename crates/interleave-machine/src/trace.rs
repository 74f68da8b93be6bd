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

/// What a thread is doing during a [`Segment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SegmentState {
    /// Executing Python code on a core (holding the GIL unless free-threaded).
    Running,
    /// Ready to run, waiting for the GIL (or a core).
    WaitingGil,
    /// Blocked (sleep, lock…), with what it waits on.
    Blocked(String),
}

/// A stretch of virtual time `[start, end)` during which a thread was in one state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub thread: usize,
    pub state: SegmentState,
    pub start: u64,
    pub end: u64,
}

/// Turns the event record into per-thread segments (the timeline's lanes), up to `end`.
pub fn segments(trace: &[TraceEvent], end: u64) -> Vec<Segment> {
    // For each thread: its current non-running state and since when; running comes from `Ran`.
    let mut open: Vec<Option<(SegmentState, u64)>> = vec![Some((SegmentState::WaitingGil, 0))];
    let mut out = Vec::new();
    fn ensure(open: &mut Vec<Option<(SegmentState, u64)>>, t: usize) {
        if open.len() <= t {
            open.resize(t + 1, None);
        }
    }
    let close = |open: &mut Vec<Option<(SegmentState, u64)>>, out: &mut Vec<Segment>, thread: usize, t: u64| {
        ensure(open, thread);
        if let Some((state, start)) = open[thread].take()
            && t > start {
                out.push(Segment { thread, state, start, end: t });
            }
    };
    for ev in trace {
        match ev {
            TraceEvent::ThreadCreated { t, thread } => {
                ensure(&mut open, *thread);
                open[*thread] = Some((SegmentState::WaitingGil, *t));
            }
            TraceEvent::Ran { thread, start, end, .. } => {
                close(&mut open, &mut out, *thread, *start);
                out.push(Segment { thread: *thread, state: SegmentState::Running, start: *start, end: *end });
                open[*thread] = Some((SegmentState::WaitingGil, *end));
            }
            TraceEvent::Blocked { t, thread, on } => {
                close(&mut open, &mut out, *thread, *t);
                open[*thread] = Some((SegmentState::Blocked(on.clone()), *t));
            }
            TraceEvent::Woken { t, thread, .. } => {
                close(&mut open, &mut out, *thread, *t);
                open[*thread] = Some((SegmentState::WaitingGil, *t));
            }
            TraceEvent::ThreadExited { t, thread } => close(&mut open, &mut out, *thread, *t),
            TraceEvent::GilTaken { .. } | TraceEvent::GilDropped { .. } | TraceEvent::DropRequest { .. } => {}
        }
    }
    for thread in 0..open.len() {
        close(&mut open, &mut out, thread, end);
    }
    out.sort_by_key(|s| (s.thread, s.start));
    // A thread that holds the GIL between two slices shows as running throughout.
    out.retain(|s| s.end > s.start);
    out
}

/// A compact text timeline: one lane per thread, `width` columns over `[0, end)`.
/// `#` running, `.` waiting for the GIL, `z` blocked or sleeping, blank when not alive.
pub fn text_timeline(trace: &[TraceEvent], end: u64, width: usize) -> String {
    let segs = segments(trace, end);
    let threads = segs.iter().map(|s| s.thread + 1).max().unwrap_or(1);
    let end = end.max(1);
    let mut lanes = vec![vec![' '; width]; threads];
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
        let a = (s.start as u128 * width as u128 / end as u128) as usize;
        let b = ((s.end as u128 * width as u128).div_ceil(end as u128) as usize).min(width);
        for cell in &mut lanes[s.thread][a.min(width.saturating_sub(1))..b.max(a + 1).min(width)] {
            if rank(c) > rank(*cell) {
                *cell = c;
            }
        }
    }
    let mut out = format!("virtual time 0 .. {:.6} s, {} per column\n", end as f64 / 1e9, fmt_ns(end / width as u64));
    for (i, lane) in lanes.iter().enumerate() {
        let name = if i == 0 { "MainThread".to_string() } else { format!("thread {i}") };
        out.push_str(&format!("{name:>11} |{}|\n", lane.iter().collect::<String>()));
    }
    out.push_str("            # running   . waiting for the GIL   z blocked/sleeping\n");
    out
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
pub fn chrome_trace(trace: &[TraceEvent], end: u64) -> String {
    let mut out = String::from("{\"traceEvents\":[\n");
    let mut first = true;
    for t in 0..segments(trace, end).iter().map(|s| s.thread + 1).max().unwrap_or(1) {
        let name = if t == 0 { "MainThread".to_string() } else { format!("thread {t}") };
        if !first {
            out.push_str(",\n");
        }
        first = false;
        out.push_str(&format!(
            "{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":{t},\"args\":{{\"name\":\"{name}\"}}}}"
        ));
    }
    for s in segments(trace, end) {
        let (name, cat) = match &s.state {
            SegmentState::Running => ("running".to_string(), "cpu"),
            SegmentState::WaitingGil => ("waiting for the GIL".to_string(), "gil"),
            SegmentState::Blocked(on) => (format!("blocked: {}", on.replace('"', "'")), "blocked"),
        };
        out.push_str(&format!(
            ",\n{{\"name\":\"{name}\",\"cat\":\"{cat}\",\"ph\":\"X\",\"ts\":{:.3},\"dur\":{:.3},\"pid\":1,\"tid\":{}}}",
            s.start as f64 / 1e3,
            (s.end - s.start) as f64 / 1e3,
            s.thread
        ));
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
            TraceEvent::Ran { thread: 0, core: 0, start: 0, end: 100, steps: 4 },
            TraceEvent::ThreadCreated { t: 100, thread: 1 },
            TraceEvent::Blocked { t: 100, thread: 0, on: "sleep".into() },
            TraceEvent::Ran { thread: 1, core: 0, start: 100, end: 300, steps: 8 },
            TraceEvent::ThreadExited { t: 300, thread: 1 },
            TraceEvent::Woken { t: 400, thread: 0, timeout: true },
            TraceEvent::Ran { thread: 0, core: 0, start: 400, end: 500, steps: 4 },
            TraceEvent::ThreadExited { t: 500, thread: 0 },
        ]
    }

    #[test]
    fn segments_cover_each_thread_state() {
        let segs = segments(&sample(), 500);
        let main: Vec<(SegmentState, u64, u64)> =
            segs.iter().filter(|s| s.thread == 0).map(|s| (s.state.clone(), s.start, s.end)).collect();
        assert_eq!(
            main,
            vec![
                (SegmentState::Running, 0, 100),
                (SegmentState::Blocked("sleep".into()), 100, 400),
                (SegmentState::Running, 400, 500),
            ]
        );
        assert!(segs.iter().any(|s| s.thread == 1 && s.state == SegmentState::Running && s.end == 300));
    }

    #[test]
    fn text_timeline_draws_one_lane_per_thread() {
        let t = text_timeline(&sample(), 500, 5);
        assert!(t.contains(" MainThread |#zzz#|"), "{t}");
        assert!(t.contains("   thread 1 | ##  |"), "{t}");
    }

    #[test]
    fn chrome_trace_is_json_with_one_event_per_segment() {
        let j = chrome_trace(&sample(), 500);
        assert!(j.starts_with("{\"traceEvents\":["));
        assert_eq!(j.matches("\"ph\":\"X\"").count(), segments(&sample(), 500).len());
        assert!(j.contains("\"name\":\"blocked: sleep\""));
    }
}
