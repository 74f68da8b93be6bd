//! The timeline: one lane per thread (and a GIL lane per process, and optionally one per core),
//! drawn on a canvas from the run's segments as the run progresses. Running stretches are solid in the thread's colour,
//! waiting for the GIL a thin tinted bar, blocked a grey bar; ticks mark printed lines, lock
//! hand-overs and exceptions. Wheel zooms, drag pans, a click moves the playhead, and the
//! keyboard does all three. Only what is in view is drawn, so long runs stay smooth.

use std::cell::RefCell;
use std::rc::Rc;

use interleave_machine::trace::{SegmentState, TraceEvent};
use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::thread_color;
use super::{ModelRef, fmt_time};
use crate::i18n::Texts;
use crate::model::Lane;

pub const LABEL_W: f64 = 132.0;
pub const AXIS_H: f64 = 22.0;
pub const LANE_H: f64 = 24.0;

/// The visible stretch of virtual time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub t0: f64,
    pub t1: f64,
    /// Follow the whole run as it grows.
    pub fit: bool,
}

impl View {
    fn resolve(self, end: u64) -> View {
        if self.fit {
            View { t0: 0.0, t1: (end as f64).max(1000.0), fit: true }
        } else {
            self
        }
    }

    fn zoom(self, end: u64, at: f64, factor: f64) -> View {
        let v = self.resolve(end);
        let span = ((v.t1 - v.t0) * factor).clamp(50.0, (end as f64).max(1000.0) * 4.0);
        let frac = ((at - v.t0) / (v.t1 - v.t0)).clamp(0.0, 1.0);
        let t0 = (at - span * frac).max(-span * 0.05);
        View { t0, t1: t0 + span, fit: false }
    }

    fn pan(self, end: u64, dt: f64) -> View {
        let v = self.resolve(end);
        View { t0: v.t0 + dt, t1: v.t1 + dt, fit: false }
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub model: ModelRef,
    pub version: u64,
    pub playhead: Option<u64>,
    pub on_seek: Callback<Option<u64>>,
    pub dark: bool,
    pub texts: &'static Texts,
}

struct Drag {
    x: f64,
    view: View,
    moved: bool,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let canvas = use_node_ref();
    let view = use_mut_ref(|| View { t0: 0.0, t1: 1.0, fit: true });
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    let hover = use_state(|| None::<(f64, f64, String)>);
    let redraw_tick = use_state(|| 0u32);
    let show_cores = use_state(|| false);
    // The canvas's CSS width, kept by a ResizeObserver: reading `clientWidth` while drawing
    // would force a layout of the whole page in the middle of every update.
    let width_px: Rc<RefCell<f64>> = use_mut_ref(|| 0.0);
    #[cfg(target_arch = "wasm32")]
    {
        let canvas = canvas.clone();
        let width_px = width_px.clone();
        let redraw_tick = redraw_tick.clone();
        use_effect_with((), move |_| {
            use wasm_bindgen::JsCast;
            use wasm_bindgen::closure::Closure;
            let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(e) = entries.get(0).dyn_ref::<web_sys::ResizeObserverEntry>() {
                    let w = e.content_rect().width();
                    if (w - *width_px.borrow()).abs() >= 1.0 {
                        *width_px.borrow_mut() = w;
                        redraw_tick.set(redraw_tick.wrapping_add(1));
                    }
                }
            });
            let observer = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, canvas.cast::<web_sys::Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(cb);
            }
        });
    }
    let t = props.texts;
    let end = props.model.0.borrow().end_ns();
    let lanes = props.model.0.borrow().lanes(*show_cores).len();
    let segment_count = props.model.0.borrow().segments.len();
    let height = AXIS_H + LANE_H * lanes as f64 + 6.0;

    {
        let canvas = canvas.clone();
        let model = props.model.clone();
        let view = view.clone();
        let playhead = props.playhead;
        let dark = props.dark;
        let width_px = width_px.clone();
        let cores = *show_cores;
        use_effect_with((props.version, playhead, dark, *redraw_tick, height as u32, cores), move |_| {
            draw(&canvas, &model, *view.borrow(), playhead, dark, *width_px.borrow(), height, cores);
        });
    }

    let x_to_t = {
        let canvas = canvas.clone();
        let view = view.clone();
        move |x: f64, end: u64| -> f64 {
            let width = canvas_width(&canvas);
            let v = view.borrow().resolve(end);
            v.t0 + (x - LABEL_W) / (width - LABEL_W).max(1.0) * (v.t1 - v.t0)
        }
    };
    let rerender = {
        let redraw_tick = redraw_tick.clone();
        move || redraw_tick.set(redraw_tick.wrapping_add(1))
    };

    let on_wheel = {
        let view = view.clone();
        let x_to_t = x_to_t.clone();
        let rerender = rerender.clone();
        let model = props.model.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let end = model.0.borrow().end_ns();
            let (x, _) = offset(&e);
            let v = *view.borrow();
            let new = if e.shift_key() {
                let span = v.resolve(end).t1 - v.resolve(end).t0;
                v.pan(end, e.delta_y() / 800.0 * span)
            } else {
                v.zoom(end, x_to_t(x.max(LABEL_W), end), (e.delta_y() * 0.0015).exp())
            };
            *view.borrow_mut() = new;
            rerender();
        })
    };
    let on_down = {
        let drag = drag.clone();
        let view = view.clone();
        let model = props.model.clone();
        Callback::from(move |e: MouseEvent| {
            let end = model.0.borrow().end_ns();
            let (x, _) = offset(&e);
            *drag.borrow_mut() = Some(Drag { x, view: view.borrow().resolve(end), moved: false });
        })
    };
    let on_move = {
        let drag = drag.clone();
        let view = view.clone();
        let canvas = canvas.clone();
        let model = props.model.clone();
        let hover = hover.clone();
        let x_to_t = x_to_t.clone();
        let rerender = rerender.clone();
        let cores = *show_cores;
        Callback::from(move |e: MouseEvent| {
            let (x, y) = offset(&e);
            let end = model.0.borrow().end_ns();
            if let Some(d) = drag.borrow_mut().as_mut() {
                if (x - d.x).abs() > 3.0 {
                    d.moved = true;
                }
                if d.moved {
                    let width = canvas_width(&canvas);
                    let dt = (d.x - x) / (width - LABEL_W).max(1.0) * (d.view.t1 - d.view.t0);
                    *view.borrow_mut() = View { t0: d.view.t0 + dt, t1: d.view.t1 + dt, fit: false };
                    rerender();
                    return;
                }
            }
            let text = describe(&model.0.borrow(), cores, x, y, x_to_t(x, end), &x_to_t);
            hover.set(text.map(|s| (x, y, s)));
        })
    };
    let on_up = {
        let drag = drag.clone();
        let on_seek = props.on_seek.clone();
        let model = props.model.clone();
        let x_to_t = x_to_t.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(d) = drag.borrow_mut().take() else { return };
            let (x, _) = offset(&e);
            if !d.moved && x >= LABEL_W {
                let end = model.0.borrow().end_ns();
                let t = x_to_t(x, end).clamp(0.0, end as f64) as u64;
                on_seek.emit(Some(t));
            }
        })
    };
    let on_leave = {
        let drag = drag.clone();
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| {
            *drag.borrow_mut() = None;
            hover.set(None);
        })
    };
    let zoom_by = {
        let view = view.clone();
        let model = props.model.clone();
        let playhead = props.playhead;
        let rerender = rerender.clone();
        move |factor: f64| {
            let end = model.0.borrow().end_ns();
            let v = view.borrow().resolve(end);
            let at = playhead.map_or((v.t0 + v.t1) / 2.0, |p| p as f64);
            *view.borrow_mut() = v.zoom(end, at, factor);
            rerender();
        }
    };
    let fit = {
        let view = view.clone();
        let rerender = rerender.clone();
        move || {
            view.borrow_mut().fit = true;
            rerender();
        }
    };
    let on_key = {
        let zoom_by = zoom_by.clone();
        let fit = fit.clone();
        let on_seek = props.on_seek.clone();
        let view = view.clone();
        let model = props.model.clone();
        let playhead = props.playhead;
        Callback::from(move |e: KeyboardEvent| {
            let end = model.0.borrow().end_ns();
            let v = view.borrow().resolve(end);
            let step = ((v.t1 - v.t0) / 50.0).max(1.0);
            let here = playhead.unwrap_or(end) as f64;
            let seek = |t: f64| on_seek.emit(Some(t.clamp(0.0, end as f64) as u64));
            match e.key().as_str() {
                "+" | "=" => zoom_by(0.5),
                "-" | "_" => zoom_by(2.0),
                "0" => fit(),
                "ArrowLeft" => seek(here - step),
                "ArrowRight" => seek(here + step),
                "Home" => seek(0.0),
                "End" => on_seek.emit(None),
                _ => return,
            }
            e.prevent_default();
        })
    };

    let playhead_text = match props.playhead {
        Some(p) => format!("{} {}", t.playhead_at, fmt_time(p)),
        None => format!("{} · {}", t.follow_live, fmt_time(end)),
    };
    // The tooltip is always in the tree (hidden when there is nothing to say): adding and
    // removing it made Yew replace the canvas beside it, blanking the drawing.
    let tooltip = match hover.as_ref() {
        Some((x, y, text)) => {
            let style = format!("left:{}px;top:{}px", (x + 12.0).min(canvas_width(&canvas) - 260.0).max(0.0), y + 14.0);
            html! { <div class="tl-tooltip" role="tooltip" {style}>{ text.clone() }</div> }
        }
        None => html! { <div class="tl-tooltip" role="tooltip" hidden=true></div> },
    };
    let on_zoom_in = {
        let zoom_by = zoom_by.clone();
        Callback::from(move |_| zoom_by(0.5))
    };
    let on_zoom_out = Callback::from(move |_| zoom_by(2.0));
    let on_fit = Callback::from(move |_| fit());
    let on_cores = {
        let show_cores = show_cores.clone();
        Callback::from(move |_| show_cores.set(!*show_cores))
    };
    let on_live = {
        let on_seek = props.on_seek.clone();
        Callback::from(move |_| on_seek.emit(None))
    };
    html! {
        <section class="timeline" aria-label={t.timeline}>
            <div class="pane-head">
                <h3>{ t.timeline }</h3>
                <span class="tl-playhead" aria-live="polite">{ playhead_text }</span>
                <div class="tl-buttons">
                    <button class="icon" title={t.zoom_in} aria-label={t.zoom_in} onclick={on_zoom_in}>{ "+" }</button>
                    <button class="icon" title={t.zoom_out} aria-label={t.zoom_out} onclick={on_zoom_out}>{ "−" }</button>
                    <button title={t.zoom_fit} onclick={on_fit}>{ t.zoom_fit }</button>
                    <button title={t.core_lanes_help} aria-pressed={show_cores.to_string()} onclick={on_cores}
                        class={classes!("tl-cores", show_cores.then_some("active"))}>{ t.core_lanes }</button>
                    <button title={t.follow_live} onclick={on_live} class={classes!(props.playhead.is_none().then_some("active"))}>{ t.follow_live }</button>
                </div>
            </div>
            <div class="tl-canvas-wrap">
                <canvas ref={canvas} class="tl-canvas" tabindex="0" role="img"
                    aria-label={t.timeline_help}
                    data-segments={segment_count.to_string()}
                    data-lanes={lanes.to_string()}
                    title={t.timeline_help}
                    style={format!("height:{height}px")}
                    onwheel={on_wheel} onmousedown={on_down} onmousemove={on_move}
                    onmouseup={on_up} onmouseleave={on_leave} onkeydown={on_key} />
                { tooltip }
            </div>
        </section>
    }
}

/// The mouse position relative to the canvas.
fn offset(e: &MouseEvent) -> (f64, f64) {
    (e.offset_x() as f64, e.offset_y() as f64)
}

/// The canvas's width for interaction (mouse events: a layout has happened by then).
fn canvas_width(canvas: &NodeRef) -> f64 {
    canvas.cast::<web_sys::Element>().map_or(800.0, |c| c.client_width() as f64).max(LABEL_W + 50.0)
}

/// The lane under `y` (`None` for the axis).
fn lane_at(m: &crate::model::RunModel, cores: bool, y: f64) -> Option<Lane> {
    if y < AXIS_H {
        return None;
    }
    m.lanes(cores).get(((y - AXIS_H) / LANE_H) as usize).copied()
}

/// The tooltip for the point `(x, y)` (time `t`).
fn describe(m: &crate::model::RunModel, cores: bool, x: f64, y: f64, t: f64, x_to_t: &dyn Fn(f64, u64) -> f64) -> Option<String> {
    if x < LABEL_W || t < 0.0 {
        return None;
    }
    let end = m.end_ns();
    let near = (x_to_t(x + 4.0, end) - x_to_t(x - 4.0, end)).abs() / 2.0;
    let tu = t as u64;
    match lane_at(m, cores, y)? {
        Lane::Core(core) => Some(match m.core_span_at(core, tu) {
            Some(s) => format!(
                "core {core}: {} (pid {}) · {} – {}",
                m.thread_name(s.thread),
                m.process_of(s.thread),
                fmt_time(s.start),
                fmt_time(s.end)
            ),
            None => format!("core {core}: idle"),
        }),
        Lane::Greenlets(thread) => {
            let span = m.greenlet_spans.iter().find(|s| s.thread == thread && (s.start as f64) <= t && t < s.end as f64)?;
            Some(format!(
                "greenlets of {}: {} · {} – {}",
                m.thread_name(thread),
                m.greenlet_names[span.greenlet],
                fmt_time(span.start),
                fmt_time(span.end)
            ))
        }
        Lane::Gil { process } => {
            let span = m.gil.iter().find(|s| m.process_of(s.thread) == process && (s.start as f64) <= t && t < s.end as f64)?;
            Some(format!("GIL of process {process}: {} · {} – {}", m.thread_name(span.thread), fmt_time(span.start), fmt_time(span.end)))
        }
        Lane::Thread(thread) => {
            for e in &m.events {
                if let Some((at, th, what)) = marker(e)
                    && th == thread
                    && ((at as f64) - t).abs() <= near
                {
                    return Some(format!("{} @ {}: {what}", m.thread_name(thread), fmt_time(at)));
                }
            }
            let seg = m.segment_at(thread, tu)?;
            let what = match &seg.state {
                SegmentState::Running => "running".to_string(),
                SegmentState::WaitingGil => "waiting for the GIL".to_string(),
                SegmentState::Blocked(on) => format!("blocked: {on}"),
            };
            let greenlet = m.greenlet_at(thread, tu).map(|g| format!(" · greenlet {g}")).unwrap_or_default();
            Some(format!("{} · {what}{greenlet} · {} – {}", m.thread_name(thread), fmt_time(seg.start), fmt_time(seg.end)))
        }
    }
}

/// Rectangles to draw, merged while they are less than a pixel apart. Spans are added in time
/// order within each slot (a lane, with the thread or state drawn in it); `fill` draws one.
#[derive(Default)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Merged {
    open: Vec<Option<(f64, f64)>>,
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl Merged {
    fn add(&mut self, slot: usize, x0: f64, x1: f64, fill: &mut impl FnMut(usize, f64, f64)) {
        if slot >= self.open.len() {
            self.open.resize(slot + 1, None);
        }
        match &mut self.open[slot] {
            Some((_, end)) if x0 <= *end + 1.0 => *end = end.max(x1),
            open => {
                if let Some((a, b)) = open.replace((x0, x1)) {
                    fill(slot, a, b);
                }
            }
        }
    }

    /// Draws what is still open, and empties the set for the next kind of lane.
    fn finish(&mut self, fill: &mut impl FnMut(usize, f64, f64)) {
        for (slot, open) in self.open.iter_mut().enumerate() {
            if let Some((a, b)) = open.take() {
                fill(slot, a, b);
            }
        }
    }
}

/// What a marker on a thread's lane says: its time, its thread and a description (`None` for
/// events that have no marker).
fn marker(e: &TraceEvent) -> Option<(u64, usize, String)> {
    match e {
        TraceEvent::Output { t, thread, text, .. } => Some((*t, *thread, format!("print {:?}", text.trim_end()))),
        TraceEvent::Lock { t, thread, lock, acquired } => {
            Some((*t, *thread, format!("{} lock 0x{lock:x} (contended)", if *acquired { "acquired" } else { "released" })))
        }
        TraceEvent::Exception { t, thread, exception } => Some((*t, *thread, format!("exception: {exception}"))),
        TraceEvent::Net { t, thread, what, local, remote, bytes, .. } => Some((
            *t,
            *thread,
            match what.as_str() {
                "send" | "recv" => format!("socket {what} {bytes} B  {local} → {remote}"),
                _ => format!("socket {what}  {local} → {remote}"),
            },
        )),
        TraceEvent::GreenletSwitch { t, thread, from, to } => Some((*t, *thread, format!("greenlet switch {from} → {to}"))),
        TraceEvent::Transfer { t, thread, pipe, bytes, sent, .. } => {
            Some((*t, *thread, format!("{} {bytes} B (pipe {pipe})", if *sent { "sent" } else { "received" })))
        }
        _ => None,
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::too_many_arguments)]
fn draw(_canvas: &NodeRef, _model: &ModelRef, _view: View, _playhead: Option<u64>, _dark: bool, _width: f64, _height: f64, _cores: bool) {}

#[cfg(target_arch = "wasm32")]
#[allow(clippy::too_many_arguments)]
fn draw(canvas: &NodeRef, model: &ModelRef, view: View, playhead: Option<u64>, dark: bool, width: f64, height: f64, cores: bool) {
    use wasm_bindgen::JsCast;
    let Some(c) = canvas.cast::<web_sys::HtmlCanvasElement>() else { return };
    let Some(ctx) = c
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|o| o.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let m = model.0.borrow();
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if width < 1.0 {
        return; // not laid out yet: the ResizeObserver will ask again
    }
    let width = width.max(200.0);
    // Resizing the canvas reallocates its pixels: only when the size really changed (the
    // background is painted over everything below anyway).
    let (w_px, h_px) = ((width * dpr) as u32, (height * dpr) as u32);
    if c.width() != w_px {
        c.set_width(w_px);
    }
    if c.height() != h_px {
        c.set_height(h_px);
    }
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    // Every style set passes a string from wasm to JavaScript: set it only when it changes
    // (thousands of rectangles share a handful of colours).
    let current = std::cell::Cell::new("");
    let set_fill = |style: &'static str| {
        if current.get() != style {
            ctx.set_fill_style_str(style);
            current.set(style);
        }
    };

    let (bg, fg, muted, grid, blocked) = if dark {
        ("#161a21", "#e6e9ef", "#8b93a3", "#262c36", "#5b6472")
    } else {
        ("#ffffff", "#1d232d", "#6b7384", "#eceef2", "#a9b0bd")
    };
    set_fill(bg);
    ctx.fill_rect(0.0, 0.0, width, height);

    let end = m.end_ns();
    let v = view.resolve(end);
    let plot_w = (width - LABEL_W).max(1.0);
    let x_of = |t: f64| LABEL_W + (t - v.t0) / (v.t1 - v.t0) * plot_w;
    let lanes = m.lanes(cores);
    let several = m.pids().len() > 1;
    // The row of each thread's lane and of each process's GIL lane.
    let mut thread_row = vec![0usize; m.threads.len()];
    let mut gil_row: Vec<(u32, usize)> = Vec::new();
    let mut core_row: Vec<usize> = Vec::new();
    let mut greenlet_row = vec![None; m.threads.len()];
    for (row, lane) in lanes.iter().enumerate() {
        match *lane {
            Lane::Thread(t) if t < thread_row.len() => thread_row[t] = row,
            Lane::Greenlets(t) if t < greenlet_row.len() => greenlet_row[t] = Some(row),
            Lane::Gil { process } => gil_row.push((process, row)),
            Lane::Core(c) => {
                if core_row.len() <= c as usize {
                    core_row.resize(c as usize + 1, 0);
                }
                core_row[c as usize] = row;
            }
            _ => {}
        }
    }
    let row_of = |thread: usize| thread_row.get(thread).copied().unwrap_or(0);
    let gil_row_of = |thread: usize| {
        let pid = m.process_of(thread);
        gil_row.iter().find(|(p, _)| *p == pid).map_or(0, |(_, r)| *r)
    };

    // Axis with "nice" ticks.
    ctx.set_font("11px ui-monospace, Menlo, Consolas, monospace");
    ctx.set_text_baseline("middle");
    let span = v.t1 - v.t0;
    let raw = span / (plot_w / 110.0).max(1.0);
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|k| k * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let mut tick = (v.t0 / step).ceil() * step;
    while tick <= v.t1 {
        let x = x_of(tick);
        set_fill(grid);
        ctx.fill_rect(x, AXIS_H - 4.0, 1.0, height - AXIS_H + 4.0);
        set_fill(muted);
        if tick >= 0.0 {
            let _ = ctx.fill_text(&fmt_time(tick as u64), x + 3.0, AXIS_H / 2.0);
        }
        tick += step;
    }

    // Lane labels.
    let lane_y = |i: usize| AXIS_H + LANE_H * i as f64;
    ctx.set_font("12px system-ui, sans-serif");
    for (i, lane) in lanes.iter().enumerate() {
        let y = lane_y(i);
        set_fill(grid);
        ctx.fill_rect(0.0, y + LANE_H - 1.0, width, 1.0);
        let (name, color) = match *lane {
            Lane::Core(c) => (format!("core {c}"), muted),
            Lane::Greenlets(_) => ("  greenlets".to_string(), muted),
            Lane::Gil { process } if several => (format!("GIL · pid {process}"), fg),
            Lane::Gil { .. } => ("GIL".to_string(), fg),
            // Under its process's GIL lane: the name alone.
            Lane::Thread(t) => (m.threads.get(t).map_or_else(|| m.thread_name(t), |i| i.name.clone()), thread_color(t)),
        };
        set_fill(color);
        ctx.fill_rect(6.0, y + LANE_H / 2.0 - 4.0, 8.0, 8.0);
        set_fill(fg);
        let mut label = name;
        while label.chars().count() > 3 && ctx.measure_text(&label).map_or(0.0, |m| m.width()) > LABEL_W - 24.0 {
            label.pop();
            label.pop();
            label.push('…');
        }
        let _ = ctx.fill_text(&label, 20.0, y + LANE_H / 2.0);
    }

    ctx.save();
    ctx.begin_path();
    ctx.rect(LABEL_W, 0.0, plot_w, height);
    ctx.clip();

    let visible = |start: u64, stop: u64| (stop as f64) >= v.t0 && (start as f64) <= v.t1;
    // Zoomed out, thousands of spans share a pixel: back-to-back spans of one lane (and thread
    // or state) closer than a pixel are drawn as one rectangle, so a run of 30,000 segments
    // draws a few thousand rectangles.
    let nthreads = m.threads.len().max(1);
    // Core lanes: whose thread each core ran.
    let mut merged = Merged::default();
    let mut fill_core = |slot: usize, x0: f64, x1: f64| {
        let (row, thread) = (slot / nthreads, slot % nthreads);
        set_fill(thread_color(thread));
        ctx.fill_rect(x0, lane_y(row) + 3.0, (x1 - x0).max(1.0), LANE_H - 6.0);
    };
    for s in m.core_spans().iter().filter(|s| visible(s.start, s.end)) {
        let Some(&row) = core_row.get(s.core as usize) else { continue };
        merged.add(row * nthreads + s.thread, x_of(s.start as f64), x_of(s.end as f64), &mut fill_core);
    }
    merged.finish(&mut fill_core);
    // GIL lanes: who holds it.
    let mut fill_gil = |slot: usize, x0: f64, x1: f64| {
        let (row, thread) = (slot / nthreads, slot % nthreads);
        set_fill(thread_color(thread));
        ctx.fill_rect(x0, lane_y(row) + 5.0, (x1 - x0).max(1.0), LANE_H - 10.0);
    };
    for s in m.gil.iter().filter(|s| visible(s.start, s.end)) {
        merged.add(gil_row_of(s.thread) * nthreads + s.thread, x_of(s.start as f64), x_of(s.end as f64), &mut fill_gil);
    }
    merged.finish(&mut fill_gil);
    // Thread lanes.
    let kind_of = |state: &SegmentState| match state {
        SegmentState::Running => 0,
        SegmentState::WaitingGil => 1,
        SegmentState::Blocked(_) => 2,
    };
    let mut fill_thread = |slot: usize, x0: f64, x1: f64| {
        let (thread, kind) = (slot / 3, slot % 3);
        let y = lane_y(row_of(thread));
        let w = (x1 - x0).max(1.0);
        match kind {
            0 => {
                set_fill(thread_color(thread));
                ctx.fill_rect(x0, y + 4.0, w, LANE_H - 8.0);
            }
            1 => {
                ctx.set_global_alpha(0.35);
                set_fill(thread_color(thread));
                ctx.fill_rect(x0, y + LANE_H / 2.0 - 3.0, w, 6.0);
                ctx.set_global_alpha(1.0);
            }
            _ => {
                set_fill(blocked);
                ctx.fill_rect(x0, y + LANE_H / 2.0 - 1.5, w, 3.0);
            }
        }
    };
    let mut labels = Vec::new();
    for s in m.segments.iter().filter(|s| visible(s.start, s.end)) {
        let (x0, x1) = (x_of(s.start as f64), x_of(s.end as f64));
        merged.add(s.thread * 3 + kind_of(&s.state), x0, x1, &mut fill_thread);
        if let SegmentState::Blocked(on) = &s.state
            && x1 - x0 > 60.0
        {
            labels.push((on, x0, x1, row_of(s.thread)));
        }
    }
    merged.finish(&mut fill_thread);
    set_fill(muted);
    ctx.set_font("10px system-ui, sans-serif");
    for (on, x0, x1, row) in labels {
        let short: String = on.chars().take(((x1 - x0) / 6.0) as usize).collect();
        let _ = ctx.fill_text(&short, x0 + 3.0, lane_y(row) + 6.0);
    }
    // Greenlets lanes: which greenlet ran on the thread (the hub in grey), named when there is
    // room.
    let greenlet_color = |g: usize| if m.greenlet_names[g] == "Hub" { blocked } else { thread_color(g + 3) };
    let mut fill_greenlet = |slot: usize, x0: f64, x1: f64| {
        let (row, g) = (slot / m.greenlet_names.len().max(1), slot % m.greenlet_names.len().max(1));
        set_fill(greenlet_color(g));
        ctx.fill_rect(x0, lane_y(row) + 6.0, (x1 - x0).max(1.0), LANE_H - 12.0);
    };
    let mut names_drawn = Vec::new();
    for s in m.greenlet_spans.iter().filter(|s| visible(s.start, s.end)) {
        let Some(Some(row)) = greenlet_row.get(s.thread) else { continue };
        let (x0, x1) = (x_of(s.start as f64), x_of(s.end as f64));
        merged.add(row * m.greenlet_names.len().max(1) + s.greenlet, x0, x1, &mut fill_greenlet);
        if x1 - x0 > 50.0 {
            names_drawn.push((s.greenlet, x0, x1, *row));
        }
    }
    merged.finish(&mut fill_greenlet);
    ctx.set_font("10px system-ui, sans-serif");
    set_fill("#ffffff");
    for (g, x0, x1, row) in names_drawn {
        let short: String = m.greenlet_names[g].chars().take(((x1 - x0) / 6.0) as usize).collect();
        let _ = ctx.fill_text(&short, x0 + 3.0, lane_y(row) + LANE_H / 2.0);
    }
    // Greenlet switches: thin violet ticks at the top of the lane (merged when dense: a gevent
    // program can switch thousands of times).
    let mut fill_switch = |thread: usize, x0: f64, x1: f64| {
        set_fill("#8a63d2");
        ctx.fill_rect(x0 - 0.75, lane_y(row_of(thread)) + 1.0, (x1 - x0).max(1.5), 5.0);
    };
    for e in &m.events {
        if let TraceEvent::GreenletSwitch { t, thread, .. } = e
            && visible(*t, *t)
        {
            let x = x_of(*t as f64);
            merged.add(*thread, x, x, &mut fill_switch);
        }
    }
    merged.finish(&mut fill_switch);
    // Markers: printed lines, contended locks, exceptions.
    for e in &m.events {
        match e {
            TraceEvent::Output { t, thread, stream, .. } if visible(*t, *t) => {
                let x = x_of(*t as f64);
                let y = lane_y(row_of(*thread));
                set_fill(if stream == "stderr" { "#d64545" } else { fg });
                ctx.begin_path();
                ctx.move_to(x - 3.5, y + 1.0);
                ctx.line_to(x + 3.5, y + 1.0);
                ctx.line_to(x, y + 6.0);
                ctx.close_path();
                ctx.fill();
            }
            TraceEvent::Lock { t, thread, .. } if visible(*t, *t) => {
                let x = x_of(*t as f64);
                let y = lane_y(row_of(*thread)) + LANE_H - 5.0;
                set_fill("#c08a00");
                ctx.begin_path();
                ctx.move_to(x, y - 3.5);
                ctx.line_to(x + 3.5, y);
                ctx.line_to(x, y + 3.5);
                ctx.line_to(x - 3.5, y);
                ctx.close_path();
                ctx.fill();
            }
            TraceEvent::Net { t, thread, .. } | TraceEvent::Transfer { t, thread, .. } if visible(*t, *t) => {
                // Messages between threads and processes: a small dot at the lane's foot.
                let x = x_of(*t as f64);
                let y = lane_y(row_of(*thread)) + LANE_H - 4.0;
                set_fill("#1aa0a8");
                ctx.begin_path();
                let _ = ctx.arc(x, y, 2.5, 0.0, std::f64::consts::TAU);
                ctx.fill();
            }
            TraceEvent::Exception { t, thread, .. } if visible(*t, *t) => {
                let x = x_of(*t as f64);
                let y = lane_y(row_of(*thread)) + LANE_H / 2.0;
                ctx.set_stroke_style_str("#d64545");
                ctx.set_line_width(2.0);
                ctx.begin_path();
                ctx.move_to(x - 4.0, y - 4.0);
                ctx.line_to(x + 4.0, y + 4.0);
                ctx.move_to(x + 4.0, y - 4.0);
                ctx.line_to(x - 4.0, y + 4.0);
                ctx.stroke();
            }
            _ => {}
        }
    }
    // The live edge and the playhead.
    let live_x = x_of(end as f64);
    set_fill(muted);
    ctx.fill_rect(live_x, AXIS_H, 1.0, height - AXIS_H);
    if let Some(p) = playhead {
        let x = x_of(p as f64);
        set_fill("#e0457b");
        ctx.fill_rect(x - 1.0, 0.0, 2.0, height);
        ctx.begin_path();
        ctx.move_to(x - 5.0, 0.0);
        ctx.line_to(x + 5.0, 0.0);
        ctx.line_to(x, 7.0);
        ctx.close_path();
        ctx.fill();
    }
    ctx.restore();
}

#[cfg(test)]
mod tests {
    use super::Merged;

    #[test]
    fn spans_less_than_a_pixel_apart_are_one_rectangle() {
        let mut drawn = Vec::new();
        let mut fill = |slot: usize, a: f64, b: f64| drawn.push((slot, a, b));
        let mut m = Merged::default();
        // 1000 spans of a tenth of a pixel in slot 0, back to back; slot 1 interleaved.
        for i in 0..1000 {
            let x = i as f64 * 0.1;
            m.add(0, x, x + 0.1, &mut fill);
            m.add(1, x + 0.05, x + 0.06, &mut fill);
        }
        // A gap of 5 pixels starts a new rectangle.
        m.add(0, 105.0, 106.0, &mut fill);
        m.finish(&mut fill);
        assert_eq!(drawn.len(), 3, "{drawn:?}");
        assert!(drawn.iter().any(|&(s, a, b)| s == 0 && a == 0.0 && (b - 100.0).abs() < 1e-6));
        assert!(drawn.contains(&(0, 105.0, 106.0)));
        assert!(drawn.iter().any(|&(s, a, _)| s == 1 && a == 0.05));
    }
}
