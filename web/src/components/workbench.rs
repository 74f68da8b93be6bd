//! The workbench: editor, run controls and settings, console, threads, timeline and the
//! end-of-run report, connected to one simulation worker. Every edit is kept in
//! localStorage under the workbench's key; Reset returns to the original code.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::editor::{Editor, ThreadLine};
use super::panels::{Console, Objects, Processes, Report, Threads};
use super::timeline::Timeline;
use super::{ModelRef, fmt_time, thread_color};
use crate::browser;
use crate::client::WorkerClient;
use crate::i18n::Texts;
use crate::model::{RunModel, Status};
use crate::protocol::{FromWorker, PYTHON_MODES, RunConfig, START_METHODS, Speed, ToWorker};
use crate::{PROGRAM_FILE, share};

/// Applies an edited field's text to the settings.
type SetField = Box<dyn Fn(&mut RunConfig, String)>;

/// An exercise's identity and its solution, for Check and "show a solution".
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseRef {
    pub lesson: String,
    pub id: String,
    pub solution: String,
    /// What Check runs.
    pub check: crate::protocol::CheckSpec,
}

#[derive(Properties, PartialEq)]
pub struct WorkbenchProps {
    /// The original code (Reset returns to it).
    pub code: AttrValue,
    /// localStorage key for the user's edits; empty: do not keep them.
    pub storage_key: AttrValue,
    pub config: RunConfig,
    pub texts: &'static Texts,
    pub dark: bool,
    #[prop_or_default]
    pub autorun: bool,
    #[prop_or_default]
    pub exercise: Option<ExerciseRef>,
    /// Stacked layout (beside a lesson's text).
    #[prop_or_default]
    pub compact: bool,
}

/// The storage key under which a solved exercise is remembered.
pub fn solved_key(lesson: &str, id: &str) -> String {
    format!("interleave:solved:{lesson}/{id}")
}

#[derive(Clone, PartialEq)]
enum CheckState {
    Running,
    Passed,
    Failed(Vec<String>),
}

#[component]
pub fn Workbench(props: &WorkbenchProps) -> Html {
    let t = props.texts;
    let key = props.storage_key.to_string();
    let original = props.code.to_string();
    let code: Rc<RefCell<String>> = {
        let key = key.clone();
        let original = original.clone();
        use_mut_ref(move || (!key.is_empty()).then(|| browser::storage_get(&key)).flatten().unwrap_or(original))
    };
    let doc = use_state(|| AttrValue::from(code.borrow().clone()));
    let doc_version = use_state(|| 0u32);
    let config = use_state(|| props.config.clone());
    let speed = use_state(Speed::default);
    let model = use_state(ModelRef::default);
    let version = use_state(|| 0u64);
    let playhead = use_state(|| None::<u64>);
    let notice = use_state(|| None::<(bool, String)>);
    let share_link = use_state(|| None::<String>);
    let check = use_state(|| None::<CheckState>);
    let client: Rc<RefCell<Option<WorkerClient>>> = use_mut_ref(|| None);
    // What the user typed for the current run's stdin: a share link carries it after the
    // `stdin` setting, so that the link reproduces the very run.
    let typed: Rc<RefCell<String>> = use_mut_ref(String::new);

    // Views re-render when this counter moves (the model itself is shared, not compared).
    let bump = {
        let counter = use_mut_ref(|| 0u64);
        let version = version.setter();
        move || {
            let mut c = counter.borrow_mut();
            *c += 1;
            version.set(*c);
        }
    };
    // Reports from the worker update the model.
    let on_report = {
        let model = model.clone();
        let bump = bump.clone();
        let notice = notice.setter();
        let check = check.setter();
        let exercise = props.exercise.clone();
        let last_paint = use_mut_ref(|| 0.0f64);
        Callback::from(move |report: FromWorker| {
            match report {
                FromWorker::Ready => return,
                FromWorker::Failed { message } => notice.set(Some((true, message))),
                FromWorker::Checked { failures, .. } => {
                    if failures.is_empty() {
                        if let Some(ex) = &exercise {
                            browser::storage_set(&solved_key(&ex.lesson, &ex.id), "1");
                        }
                        check.set(Some(CheckState::Passed));
                    } else {
                        check.set(Some(CheckState::Failed(failures)));
                    }
                }
                report @ FromWorker::Progress { .. } => {
                    model.0.borrow_mut().absorb(report);
                    // A running program reports every ~30 ms; redrawing the views ten times a
                    // second is plenty and keeps the page's main thread free. A question for
                    // the user is shown at once.
                    let now = browser::now_ms();
                    let still = {
                        let m = model.0.borrow();
                        m.status == Status::Paused || m.awaiting_input.is_some()
                    };
                    if !still && now - *last_paint.borrow() < 100.0 {
                        return;
                    }
                    *last_paint.borrow_mut() = now;
                }
                report => model.0.borrow_mut().absorb(report),
            }
            bump();
        })
    };
    {
        let client = client.clone();
        let on_report = on_report.clone();
        use_effect_with((), move |_| {
            *client.borrow_mut() = Some(WorkerClient::spawn(on_report));
            move || {
                client.borrow_mut().take();
            }
        });
    }
    let send = {
        let client = client.clone();
        move |cmd: ToWorker| {
            if let Some(c) = client.borrow().as_ref() {
                c.send(&cmd);
            }
        }
    };
    let start_run = {
        let send = send.clone();
        let code = code.clone();
        let config = config.clone();
        let speed = speed.clone();
        let model = model.clone();
        let bump = bump.clone();
        let playhead = playhead.clone();
        let notice = notice.clone();
        let typed = typed.clone();
        move |paused: bool, with: Option<RunConfig>| {
            let config = with.unwrap_or_else(|| (*config).clone());
            typed.borrow_mut().clear();
            *model.0.borrow_mut() = RunModel::starting(if paused { Status::Paused } else { Status::Running }, config.cores);
            playhead.set(None);
            notice.set(None);
            bump();
            send(ToWorker::Run {
                source: code.borrow().clone(),
                filename: PROGRAM_FILE.into(),
                config,
                speed: *speed,
                paused,
            });
        }
    };
    {
        let start_run = start_run.clone();
        use_effect_with(props.autorun, move |auto| {
            if *auto {
                start_run(false, None);
            }
        });
    }

    let status = model.0.borrow().status.clone();
    let running = matches!(status, Status::Running | Status::Paused);
    let on_run = {
        let start_run = start_run.clone();
        Callback::from(move |_: ()| start_run(false, None))
    };
    let on_run_click = {
        let on_run = on_run.clone();
        Callback::from(move |_: MouseEvent| on_run.emit(()))
    };
    let on_pause = {
        let send = send.clone();
        let model = model.clone();
        let bump = bump.clone();
        Callback::from(move |_: MouseEvent| {
            let paused = model.0.borrow().status == Status::Paused;
            send(if paused { ToWorker::Resume } else { ToWorker::Pause });
            model.0.borrow_mut().status = if paused { Status::Running } else { Status::Paused };
            bump();
        })
    };
    let on_step = {
        let send = send.clone();
        let start_run = start_run.clone();
        Callback::from(move |_: MouseEvent| {
            if !running {
                start_run(true, None);
            }
            send(ToWorker::Step);
        })
    };
    let on_stop = {
        let client = client.clone();
        let model = model.clone();
        let bump = bump.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = client.borrow().as_ref() {
                c.restart();
            }
            model.0.borrow_mut().status = Status::Stopped;
            bump();
        })
    };
    // Replaces the program (Reset, a solution): the code the run uses and the editor's text.
    let load_code = {
        let code = code.clone();
        let doc = doc.clone();
        let doc_version = doc_version.clone();
        move |text: &str| {
            *code.borrow_mut() = text.to_owned();
            doc.set(AttrValue::from(text.to_owned()));
            doc_version.set(*doc_version + 1);
        }
    };
    let on_reset = {
        let code = code.clone();
        let load_code = load_code.clone();
        let key = key.clone();
        let original = original.clone();
        let reset_confirm = t.reset_confirm;
        Callback::from(move |_: MouseEvent| {
            if *code.borrow() != original && !confirm(reset_confirm) {
                return;
            }
            if !key.is_empty() {
                browser::storage_remove(&key);
            }
            load_code(&original);
        })
    };
    let on_input = {
        let send = send.clone();
        let typed = typed.clone();
        Callback::from(move |text: Option<String>| match text {
            Some(text) => {
                typed.borrow_mut().push_str(&text);
                send(ToWorker::Input { text });
            }
            None => send(ToWorker::CloseStdin),
        })
    };
    let on_change = {
        let code = code.clone();
        let key = key.clone();
        let original = original.clone();
        let typed = typed.clone();
        Callback::from(move |text: String| {
            // Typed input belongs to the run of the code it was typed for.
            typed.borrow_mut().clear();
            if !key.is_empty() {
                if text == original {
                    browser::storage_remove(&key);
                } else {
                    browser::storage_set(&key, &text);
                }
            }
            *code.borrow_mut() = text;
        })
    };
    let on_speed = {
        let speed = speed.clone();
        let send = send.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = select_value(&e).and_then(|v| Speed::parse(&v)) {
                speed.set(s);
                send(ToWorker::SetSpeed { speed: s });
            }
        })
    };
    let set_config = {
        let config = config.clone();
        move |f: SetField| {
            let config = config.clone();
            Callback::from(move |e: Event| {
                if let Some(v) = select_value(&e) {
                    let mut c = (*config).clone();
                    f(&mut c, v);
                    config.set(c);
                }
            })
        }
    };
    let on_seed = set_config(Box::new(|c, v| c.seed = v.trim().parse().unwrap_or(c.seed)));
    let on_cores = set_config(Box::new(|c, v| c.cores = v.parse().unwrap_or(c.cores)));
    let on_python = set_config(Box::new(|c, v| c.python = v));
    let on_start_method = set_config(Box::new(|c, v| c.start_method = v));
    let on_interval = set_config(Box::new(|c, v| c.switch_interval = v.trim().to_string()));
    let on_stdin = {
        let config = config.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                let mut c = (*config).clone();
                c.stdin = area.value();
                config.set(c);
            }
        })
    };
    let on_new_seed = {
        let config = config.clone();
        let start_run = start_run.clone();
        Callback::from(move |_: MouseEvent| {
            let mut c = (*config).clone();
            // A new seed is a user's choice, not part of any run: the wall clock is fine here.
            c.seed = (browser::now_ms() as u64).wrapping_mul(2654435761) % 100_000;
            config.set(c.clone());
            start_run(false, Some(c));
        })
    };
    let on_share = {
        let code = code.clone();
        let config = config.clone();
        let notice = notice.clone();
        let share_link = share_link.clone();
        let copied = t.copied;
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| {
            let mut config = (*config).clone();
            config.stdin.push_str(&typed.borrow());
            let link = format!("{}#/run/{}", browser::base_url(), share::encode(&code.borrow(), &config));
            browser::copy_to_clipboard(&link);
            share_link.set(Some(link));
            notice.set(Some((false, copied.to_string())));
        })
    };
    let on_download = {
        let code = code.clone();
        Callback::from(move |_: MouseEvent| browser::download("main.py", "text/x-python", &code.borrow()))
    };
    let on_export = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| {
            let m = model.0.borrow();
            let json = interleave_machine::trace::chrome_trace(&m.events, m.end_ns(), &m.threads);
            browser::download("interleave-trace.json", "application/json", &json);
        })
    };
    let on_seek = {
        let playhead = playhead.clone();
        Callback::from(move |t: Option<u64>| playhead.set(t))
    };
    let on_check = {
        let send = send.clone();
        let code = code.clone();
        let check = check.clone();
        let exercise = props.exercise.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ex) = &exercise {
                check.set(Some(CheckState::Running));
                send(ToWorker::Check { example: ex.id.clone(), spec: ex.check.clone(), source: code.borrow().clone() });
            }
        })
    };
    let on_solution = {
        let exercise = props.exercise.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(ex) = &exercise {
                load_code(&ex.solution);
            }
        })
    };

    // What the editor marks: the error of a finished run, or where each thread is.
    let m = model.0.borrow();
    let diagnostics: Vec<_> = match m.status {
        Status::Finished { .. } => m.runtime_error(PROGRAM_FILE).into_iter().collect(),
        _ => Vec::new(),
    };
    let show_lines = playhead.is_some() || m.status == Status::Paused;
    let thread_lines: Vec<ThreadLine> = if show_lines {
        m.lines_at(playhead.unwrap_or(m.end_ns()))
            .into_iter()
            .map(|(th, line)| ThreadLine { line, color: thread_color(th).into(), label: m.thread_name(th) })
            .collect()
    } else {
        Vec::new()
    };
    let status_text = match &m.status {
        Status::Idle => String::new(),
        Status::Running if m.awaiting_input.is_some() => format!("{} · {}", t.status_waiting, fmt_time(m.end_ns())),
        Status::Running => format!("{} · {}", t.status_running, fmt_time(m.end_ns())),
        Status::Paused => format!("{} · {}", t.status_paused, fmt_time(m.end_ns())),
        Status::Stopped => format!("{} · {}", t.status_stopped, fmt_time(m.end_ns())),
        Status::Finished { exit_code } => format!("{} · {} {exit_code} · {}", t.status_finished, t.exit_code, fmt_time(m.end_ns())),
    };
    let status_class = match &m.status {
        Status::Finished { exit_code: 0 } => "ok",
        Status::Finished { .. } => "bad",
        Status::Running => "live",
        _ => "",
    };
    drop(m);
    let paused = status == Status::Paused;
    let c = (*config).clone();
    let check_view = props.exercise.as_ref().map(|_| {
        let result = match &*check {
            None => html! {},
            Some(CheckState::Running) => html! { <span class="check-note">{ t.checking }</span> },
            Some(CheckState::Passed) => html! { <span class="check-note ok" role="status">{ t.check_passed }</span> },
            Some(CheckState::Failed(f)) => html! {
                <div class="check-note bad" role="status">{ t.check_failed }
                    <ul>{ for f.iter().map(|x| html! { <li>{ x.clone() }</li> }) }</ul>
                </div>
            },
        };
        html! {
            <div class="check-bar">
                <button class="primary" onclick={on_check.clone()}>{ t.check }</button>
                <button onclick={on_solution.clone()}>{ t.show_solution }</button>
                { result }
            </div>
        }
    });

    html! {
        <section class={classes!("bench", props.compact.then_some("compact"))}>
            <div class="bench-toolbar" role="toolbar" aria-label="run controls">
                <button class="primary run" onclick={on_run_click} title="Ctrl+Enter">{ "▶ " }{ t.run }</button>
                <button onclick={on_pause} disabled={!running}>{ if paused { t.resume } else { t.pause } }</button>
                <button onclick={on_step} disabled={matches!(status, Status::Running)}>{ t.step }</button>
                <button class="stop" onclick={on_stop} disabled={!running}>{ "■ " }{ t.stop }</button>
                <button onclick={on_reset}>{ t.reset }</button>
                <label class="field">{ t.speed }
                    <select onchange={on_speed} aria-label={t.speed}>
                        { for Speed::ALL.iter().enumerate().map(|(i, s)| html! {
                            <option value={s.name()} selected={*s == *speed}>{ t.speed_names[i] }</option>
                        }) }
                    </select>
                </label>
                <span class={classes!("status", status_class)} role="status" aria-live="polite">{ status_text }</span>
            </div>
            <div class="bench-settings">
                <label class="field">{ t.seed }
                    <input type="number" min="0" value={c.seed.to_string()} onchange={on_seed} aria-label={t.seed} class="seed" />
                </label>
                <button class="icon" onclick={on_new_seed} title={t.new_seed} aria-label={t.new_seed}>{ "⟳" }</button>
                <label class="field">{ t.cores }
                    <select onchange={on_cores} aria-label={t.cores}>
                        { for [1u32, 2, 3, 4, 6, 8, 16].iter().map(|n| html! {
                            <option value={n.to_string()} selected={*n == c.cores}>{ n }</option>
                        }) }
                    </select>
                </label>
                <label class="field">{ t.python }
                    <select onchange={on_python} aria-label={t.python}>
                        { for PYTHON_MODES.iter().map(|p| html! {
                            <option value={*p} selected={*p == c.python}>{ p }</option>
                        }) }
                    </select>
                </label>
                <label class="field">{ t.start_method }
                    <select onchange={on_start_method} aria-label={t.start_method}>
                        { for START_METHODS.iter().map(|p| html! {
                            <option value={*p} selected={*p == c.start_method}>{ p }</option>
                        }) }
                    </select>
                </label>
                <label class="field">{ t.switch_interval }
                    <input type="text" value={c.switch_interval.clone()} onchange={on_interval} aria-label={t.switch_interval} class="interval" />
                </label>
                <span class="spacer"></span>
                <button onclick={on_share}>{ t.share }</button>
                <button onclick={on_download}>{ t.download }</button>
                <button onclick={on_export} disabled={model.0.borrow().events.is_empty()}>{ t.export_trace }</button>
            </div>
            if let Some((bad, text)) = &*notice {
                <div class={classes!("notice", bad.then_some("bad"))} role="alert">
                    { text.clone() }
                    if let Some(link) = &*share_link {
                        if !bad { <input class="share-link" readonly=true value={link.clone()} aria-label={t.share} /> }
                    }
                </div>
            }
            <details class="stdin" open={!c.stdin.is_empty()}>
                <summary>{ t.stdin }</summary>
                <textarea rows="3" value={c.stdin.clone()} oninput={on_stdin} aria-label={t.stdin} placeholder={t.stdin_hint} spellcheck="false" />
            </details>
            { for check_view }
            <div class="bench-main">
                <div class="bench-editor">
                    <Editor doc={(*doc).clone()} doc_version={*doc_version} dark={props.dark} label={t.editor_label}
                        diagnostics={diagnostics} thread_lines={thread_lines} on_change={on_change} on_run={on_run} />
                </div>
                <div class="bench-side">
                    <Console model={(*model).clone()} version={*version} playhead={*playhead} texts={t} {on_input} />
                    <Processes model={(*model).clone()} version={*version} playhead={*playhead} texts={t} />
                    <Threads model={(*model).clone()} version={*version} playhead={*playhead} texts={t} />
                    <Objects model={(*model).clone()} version={*version} playhead={*playhead} texts={t} />
                </div>
            </div>
            <Timeline model={(*model).clone()} version={*version} playhead={*playhead} on_seek={on_seek} dark={props.dark} texts={t} />
            <Report model={(*model).clone()} version={*version} playhead={*playhead} texts={t} />
            <p class="simplified muted">{ t.simplified }</p>
        </section>
    }
}

/// The value of the `<select>` or `<input>` an event came from.
fn select_value(e: &Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = e.target()?;
    if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        return Some(s.value());
    }
    target.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value())
}

/// `window.confirm`, true natively.
fn confirm(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(true)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        true
    }
}
