//! The views beside the editor: the console, the threads at the playhead, and the end-of-run
//! report (with the wait-for graph of a deadlock).

use interleave_machine::trace::SegmentState;
use yew::prelude::*;

use super::{ModelRef, fmt_time, thread_color};
use crate::i18n::Texts;
use crate::model::Status;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub model: ModelRef,
    pub version: u64,
    pub playhead: Option<u64>,
    pub texts: &'static Texts,
}

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub model: ModelRef,
    pub version: u64,
    pub playhead: Option<u64>,
    pub texts: &'static Texts,
    /// A line the user typed for the program's stdin, with its newline; `None`: the end of
    /// the input (Ctrl+D).
    pub on_input: Callback<Option<String>>,
}

/// Output in order, each line tagged with its thread; lines after the playhead are dimmed.
/// Input the program read shows where a terminal would echo it; while the program waits for
/// input, a field for it follows the prompt.
#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    let t = props.texts;
    let stamps = use_state(|| false);
    let on_stamps = {
        let stamps = stamps.clone();
        Callback::from(move |_: MouseEvent| stamps.set(!*stamps))
    };
    let m = props.model.0.borrow();
    let shown = props.playhead.map_or(m.console.len(), |p| m.console_until(p));
    let waiting = m.awaiting_input.filter(|_| matches!(m.status, Status::Running | Status::Paused));
    // The field joins the waiting thread's unfinished line (its prompt), else gets its own.
    let prompt_line = waiting.and_then(|th| {
        let last = m.console.len().checked_sub(1)?;
        let l = &m.console[last];
        (l.thread == th && !l.stderr && l.typed_from.is_none() && !l.text.ends_with('\n')).then_some(last)
    });
    let field = |th: usize| html! { <StdinField thread={m.thread_name(th)} on_input={props.on_input.clone()} texts={t} /> };
    let body = if m.console.is_empty() && waiting.is_none() {
        let note = if m.status == Status::Idle { t.press_run } else { t.no_output };
        html! { <div class="console-empty">{ note }</div> }
    } else {
        html! {
            <>
            { for m.console.iter().enumerate().map(|(i, l)| {
                let class = classes!("console-line", l.stderr.then_some("stderr"), (i >= shown).then_some("future"));
                let name = m.thread_name(l.thread);
                let style = format!("--thread:{}", thread_color(l.thread));
                let (written, typed) = l.text.split_at(l.typed_from.unwrap_or(l.text.len()));
                html! {
                    <div {class} {style} title={format!("{name} @ {}", fmt_time(l.t))}>
                        if *stamps { <span class="stamp">{ fmt_time(l.t) }</span> }
                        <span class="tag" aria-label={name.clone()}>{ name }</span>
                        <span class="text">
                            { written.trim_end_matches('\n').to_string() }
                            if !typed.is_empty() { <span class="typed" title={t.typed_input}>{ typed.trim_end_matches('\n').to_string() }</span> }
                            if prompt_line == Some(i) { { field(l.thread) } }
                        </span>
                    </div>
                }
            }) }
            if let (Some(th), None) = (waiting, prompt_line) {
                <div class="console-line" style={format!("--thread:{}", thread_color(th))}>
                    if *stamps { <span class="stamp"></span> }
                    <span class="tag">{ m.thread_name(th) }</span>
                    <span class="text">{ field(th) }</span>
                </div>
            }
            </>
        }
    };
    html! {
        <section class="console" aria-label={t.console}>
            <div class="pane-head">
                <h3>{ t.console }</h3>
                if waiting.is_some() { <span class="waiting-note" role="status">{ t.awaiting_input }</span> }
                <label class="toggle muted"><input type="checkbox" checked={*stamps} onclick={on_stamps} />{ t.timestamps }</label>
            </div>
            <div class="console-body" role="log" aria-live="polite">{ body }</div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StdinFieldProps {
    /// The name of the thread that reads.
    thread: String,
    on_input: Callback<Option<String>>,
    texts: &'static Texts,
}

/// Where the user types a line for a program waiting for input: Enter sends it, Ctrl+D (or
/// the button) ends the input. It takes the focus when it appears, as a terminal would.
#[component]
fn StdinField(props: &StdinFieldProps) -> Html {
    let t = props.texts;
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = el.focus();
            }
        });
    }
    let on_keydown = {
        let input = input.clone();
        let on_input = props.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(el) = input.cast::<web_sys::HtmlInputElement>() else { return };
            if e.key() == "Enter" {
                e.prevent_default();
                on_input.emit(Some(format!("{}\n", el.value())));
                el.set_value("");
            } else if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("d") {
                e.prevent_default();
                if !el.value().is_empty() {
                    on_input.emit(Some(el.value()));
                }
                on_input.emit(None);
            }
        })
    };
    let on_end = {
        let on_input = props.on_input.clone();
        Callback::from(move |_: MouseEvent| on_input.emit(None))
    };
    let label = format!("{} ({})", t.stdin_field, props.thread);
    html! {
        <span class="stdin-field">
            <input ref={input} type="text" class="typed" aria-label={label} placeholder={t.stdin_field_hint}
                onkeydown={on_keydown} autocomplete="off" spellcheck="false" />
            <button class="small" onclick={on_end} title="Ctrl+D">{ t.end_input }</button>
        </span>
    }
}

/// Every thread's state and line at the playhead.
#[component]
pub fn Threads(props: &PanelProps) -> Html {
    let t = props.texts;
    let m = props.model.0.borrow();
    let at = props.playhead.unwrap_or(m.end_ns());
    let lines = m.lines_at(at);
    let live = props.playhead.is_none() || props.playhead == Some(m.end_ns());
    let rows = m.threads.iter().map(|th| {
        let i = th.index;
        let state = match m.state_at(i, at) {
            _ if live && m.awaiting_input == Some(i) => t.state_input.to_string(),
            Some(s) => match &s {
                SegmentState::Running => t.state_running.to_string(),
                SegmentState::WaitingGil => t.state_waiting_gil.to_string(),
                SegmentState::Blocked(on) => format!("{}: {on}", t.state_blocked),
            },
            None if lines.iter().any(|(x, _)| *x == i) => t.state_waiting_gil.to_string(),
            None if m.segments.iter().any(|s| s.thread == i && s.start <= at) => t.state_done.to_string(),
            None => t.state_not_started.to_string(),
        };
        let line = lines.iter().find(|(x, _)| *x == i).map(|(_, l)| format!("{} {l}", t.line)).unwrap_or_default();
        // Call stacks are known at the live point of a paused run.
        let stack = live
            .then(|| m.stacks.iter().find(|(x, _)| *x == i))
            .flatten()
            .map(|(_, frames)| html! {
                <tr class="stack"><td colspan="3"><ol>
                    { for frames.iter().rev().map(|(f, l)| html! { <li><code>{ f.clone() }</code><span class="muted">{ format!(" {} {l}", t.line) }</span></li> }) }
                </ol></td></tr>
            });
        html! {
            <>
            <tr>
                <td><span class="swatch" style={format!("background:{}", thread_color(i))}></span>{ m.thread_name(i) }</td>
                <td>{ state }</td>
                <td class="num">{ line }</td>
            </tr>
            { for stack }
            </>
        }
    });
    html! {
        <section class="threads" aria-label={t.threads}>
            <div class="pane-head"><h3>{ t.threads }</h3><span class="muted">{ fmt_time(at) }</span></div>
            <table class="threads-table"><tbody>{ for rows }</tbody></table>
        </section>
    }
}

/// The main module's locks, conditions, semaphores, events, barriers, queues and plain values
/// of each live process, as of the playhead (the last snapshot at or before it).
#[component]
pub fn Objects(props: &PanelProps) -> Html {
    let t = props.texts;
    let m = props.model.0.borrow();
    let at = props.playhead.unwrap_or(m.end_ns());
    let Some((taken, objects)) = m.objects_at(at) else { return html! {} };
    if objects.is_empty() {
        return html! {};
    }
    let chip = |th: usize| {
        html! { <span class="chip" style={format!("--thread:{}", thread_color(th))}>{ m.thread_name(th) }</span> }
    };
    // With several processes, each has its own copy of the globals: a heading row per process.
    let several = objects.iter().any(|o| o.process != objects[0].process);
    let rows = objects.iter().enumerate().map(|(i, o)| {
        let sync = !o.waiters.is_empty() || o.holder.is_some() || o.kind.chars().next().is_some_and(char::is_uppercase);
        let heading = several && (i == 0 || objects[i - 1].process != o.process);
        html! {
            <>
            if heading {
                <tr class="proc-head"><td colspan="3">{ format!("pid {}", o.process) }</td></tr>
            }
            <tr class={classes!(sync.then_some("sync"))}>
                <td><code>{ o.name.clone() }</code></td>
                <td class="muted">{ o.kind.clone() }</td>
                <td>
                    <span class="obj-state">{ o.state.clone() }</span>
                    if let Some(h) = o.holder { <span class="muted">{ format!(" · {} ", t.held_by) }</span>{ chip(h) } }
                    if !o.waiters.is_empty() {
                        <span class="muted">{ format!(" · {} ", t.waiting) }</span>
                        { for o.waiters.iter().map(|w| chip(*w)) }
                    }
                    if !o.items.is_empty() {
                        <div class="items">{ for o.items.iter().map(|i| html! { <code class="item">{ i.clone() }</code> }) }</div>
                    }
                </td>
            </tr>
            </>
        }
    });
    html! {
        <section class="objects" aria-label={t.state_title}>
            <div class="pane-head"><h3>{ t.state_title }</h3><span class="muted" title={t.snapshot_note}>{ format!("{} {}", t.as_of, fmt_time(*taken)) }</span></div>
            <table class="threads-table"><tbody>{ for rows }</tbody></table>
        </section>
    }
}

/// The process tree at the playhead (shown once the program has more than one process):
/// running, zombie (exited, not reaped) and reaped processes, and orphans.
#[component]
pub fn Processes(props: &PanelProps) -> Html {
    use crate::model::ProcState;
    let t = props.texts;
    let m = props.model.0.borrow();
    if m.pids().len() < 2 {
        return html! {};
    }
    let at = props.playhead.unwrap_or(m.end_ns());
    let rows = m.processes_at(at).into_iter().map(|p| {
        let (class, state) = match p.state {
            ProcState::Running => ("running", t.proc_running.to_string()),
            ProcState::Zombie { exit_code } => ("zombie", format!("{} ({} {exit_code})", t.proc_zombie, t.exit_code_short)),
            ProcState::Gone { exit_code } => ("gone", format!("{} ({} {exit_code})", t.proc_gone, t.exit_code_short)),
        };
        let threads = m.threads.iter().filter(|th| th.process == p.pid).map(|th| th.index).collect::<Vec<_>>();
        html! {
            <li class={classes!("proc", class)} style={format!("margin-left:{}rem", p.depth as f64 * 1.1)}>
                <code>{ format!("pid {}", p.pid) }</code>
                <span class="proc-state">{ state }</span>
                if p.orphan { <span class="orphan">{ t.proc_orphan }</span> }
                // Beside its pid: the thread's name alone.
                <span class="proc-threads">{ for threads.into_iter().map(|th| html! {
                    <span class="chip" style={format!("--thread:{}", thread_color(th))}>{ m.threads.get(th).map_or_else(|| m.thread_name(th), |i| i.name.clone()) }</span>
                }) }</span>
            </li>
        }
    });
    html! {
        <section class="processes" aria-label={t.processes_title}>
            <div class="pane-head"><h3>{ t.processes_title }</h3><span class="muted">{ fmt_time(at) }</span></div>
            <ul class="proc-tree">{ for rows }</ul>
        </section>
    }
}

/// One waiting thread of a deadlock report: who waits, for what, held by whom, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitEdge {
    pub waiter: String,
    pub what: String,
    pub holder: Option<String>,
    pub line: Option<u32>,
}

/// Reads the machine's deadlock report (`interleave: deadlock: …` on stderr).
pub fn parse_deadlock(stderr: &str) -> Vec<WaitEdge> {
    let Some(start) = stderr.find("interleave: deadlock:") else { return Vec::new() };
    stderr[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| {
            let (waiter, rest) = l.trim().split_once(" waits for ")?;
            let (what_holder, at) = rest.split_once(" in `").map_or((rest, ""), |(a, b)| (a, b));
            let (what, holder) = match what_holder.split_once(", held by ") {
                Some((w, h)) => (w.to_string(), Some(h.to_string())),
                None => (what_holder.to_string(), None),
            };
            let line = at.rsplit_once(':').and_then(|(_, n)| n.trim_end_matches(')').parse().ok());
            Some(WaitEdge { waiter: waiter.to_string(), what, holder, line })
        })
        .collect()
}

/// Exit code, virtual duration, instructions, CPU per core; for a deadlock, the wait-for graph.
#[component]
pub fn Report(props: &PanelProps) -> Html {
    let t = props.texts;
    let m = props.model.0.borrow();
    let Status::Finished { exit_code } = m.status else { return html! {} };
    let end = m.end_ns().max(1);
    let cores = m.core_busy();
    let stderr: String = m.console.iter().filter(|l| l.stderr).map(|l| l.text.as_str()).collect();
    let edges = parse_deadlock(&stderr);
    let graph = (!edges.is_empty()).then(|| deadlock_graph(&edges, t));
    html! {
        <section class="report" aria-label="report">
            <dl class="report-stats">
                <div><dt>{ t.exit_code }</dt><dd class={classes!((exit_code != 0).then_some("bad"))}>{ exit_code }</dd></div>
                <div><dt>{ t.virtual_time }</dt><dd>{ fmt_time(end) }</dd></div>
                <div><dt>{ t.instructions }</dt><dd>{ m.steps }</dd></div>
                <div class="cores"><dt>{ t.core_use }</dt><dd>
                    { for cores.iter().enumerate().map(|(i, busy)| {
                        let pct = (*busy as f64 / end as f64 * 100.0).min(100.0);
                        html! { <span class="core" title={format!("core {i}: {pct:.0}%")}>
                            <span class="bar" style={format!("width:{pct:.1}%")}></span>
                            <span class="label">{ format!("{i}: {pct:.0}%") }</span>
                        </span> }
                    }) }
                </dd></div>
            </dl>
            { for graph }
        </section>
    }
}

/// The deadlock as a small graph: threads in a circle, an arrow from each waiter to the
/// thread holding what it waits for, labelled with the line it waits on.
fn deadlock_graph(edges: &[WaitEdge], t: &Texts) -> Html {
    let mut names: Vec<&str> = Vec::new();
    for e in edges {
        for n in std::iter::once(e.waiter.as_str()).chain(e.holder.as_deref()) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    let (w, h, r) = (360.0, 220.0, 75.0);
    let pos = |i: usize| {
        let a = std::f64::consts::TAU * i as f64 / names.len() as f64 - std::f64::consts::FRAC_PI_2;
        (w / 2.0 + r * 1.5 * a.cos(), h / 2.0 + r * a.sin())
    };
    let idx = |n: &str| names.iter().position(|x| *x == n).unwrap_or(0);
    let arrows = edges.iter().filter_map(|e| {
        let (x1, y1) = pos(idx(&e.waiter));
        let (x2, y2) = pos(idx(e.holder.as_deref()?));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / len, dy / len);
        let (sx, sy, ex, ey) = (x1 + ux * 34.0, y1 + uy * 18.0, x2 - ux * 34.0, y2 - uy * 18.0);
        // Bend the arrow a little so that two opposite arrows do not overlap.
        let (cx, cy) = ((sx + ex) / 2.0 - uy * 22.0, (sy + ey) / 2.0 + ux * 22.0);
        let label = e.line.map(|l| format!("{} {l}", t.line)).unwrap_or_default();
        Some(html! {
            <g>
                <path d={format!("M{sx:.1},{sy:.1} Q{cx:.1},{cy:.1} {ex:.1},{ey:.1}")} class="edge" marker-end="url(#arrow)" />
                <text x={format!("{cx:.1}")} y={format!("{cy:.1}")} class="edge-label">{ label }</text>
            </g>
        })
    });
    let nodes = names.iter().enumerate().map(|(i, n)| {
        let (x, y) = pos(i);
        html! {
            <g>
                <rect x={format!("{:.1}", x - 34.0)} y={format!("{:.1}", y - 14.0)} width="68" height="28" rx="6" class="node" />
                <text x={format!("{x:.1}")} y={format!("{:.1}", y + 4.0)} class="node-label">{ n.to_string() }</text>
            </g>
        }
    });
    html! {
        <figure class="deadlock">
            <figcaption>{ t.deadlock }</figcaption>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={t.deadlock}>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
                    </marker>
                </defs>
                { for arrows }
                { for nodes }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadlock_report_becomes_edges() {
        let report = "interleave: deadlock: every thread is blocked and none can ever be woken\n  MainThread waits for lock 0x7f00, held by Thread-1 in `t.join()` (at main.py:14)\n  Thread-1 waits for lock 0x7f10, held by MainThread in `with b:` (at main.py:8)\n";
        let edges = parse_deadlock(report);
        assert_eq!(edges.len(), 2);
        assert_eq!(edges[0].waiter, "MainThread");
        assert_eq!(edges[0].holder.as_deref(), Some("Thread-1"));
        assert_eq!(edges[0].line, Some(14));
        assert_eq!(edges[1].what, "lock 0x7f10");
    }
}
