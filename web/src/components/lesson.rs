//! A lesson: its text (in the chosen language) beside a workbench. The lesson's data (prose
//! already rendered to HTML by the exporter, and its examples) is fetched when the page opens
//! (`lessons::load`), with a loading state and, if it fails, a message and a Retry button.
//! Each example in the text is a card with its code and expected output; "Open in the
//! workbench" loads it (with its settings) into the workbench, where it runs.

use std::rc::Rc;

use yew::prelude::*;

use super::app::Prefs;
use super::fmt_duration;
use super::workbench::{ExerciseRef, Workbench, solved_key};
use crate::browser;
use crate::lessons::{Chunk, LessonInfo, LessonPage as LessonData, LoadError, PageExample, find, lessons, loaded};
use crate::protocol::RunConfig;

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub slug: String,
    pub prefs: Prefs,
}

/// The settings an example runs with (the first of its seeds).
pub fn example_config(ex: &PageExample) -> RunConfig {
    let d = RunConfig::default();
    let c = &ex.check;
    RunConfig {
        seed: c.seeds.0,
        cores: c.cores.unwrap_or(d.cores),
        python: c.python.clone(),
        switch_interval: c.switch_interval_ns.map_or(d.switch_interval, fmt_duration),
        until: c.until_ns.map_or(d.until, fmt_duration),
        start_method: d.start_method,
        stdin: String::new(),
    }
}

/// Where the lesson's data is.
#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Loaded(Rc<LessonData>),
    // Only a fetch fails, and natively nothing is fetched.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Failed(LoadError),
}

#[component]
pub fn LessonPage(props: &LessonProps) -> Html {
    let t = props.prefs.texts();
    let lang = props.prefs.lang.code();
    let slug = props.slug.clone();
    let state = use_state(|| loaded(&slug).map_or(Load::Loading, Load::Loaded));
    // Bumped by Retry: the effect below fetches again.
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((props.slug.clone(), *attempt), move |(slug, _)| {
            if matches!(*state, Load::Failed(_)) {
                state.set(Load::Loading);
            }
            if !matches!(*state, Load::Loaded(_)) {
                fetch(slug.clone(), state);
            }
        });
    }
    let Some(info) = find(&props.slug) else {
        return html! {
            <div class="page-narrow">
                <p role="alert">{ t.not_found }</p>
                <p><a href="#/">{ t.back_home }</a></p>
            </div>
        };
    };
    match &*state {
        Load::Loaded(page) => html! { <LessonView page={page.clone()} prefs={props.prefs} /> },
        Load::Loading => placeholder(info, lang, t, true, html! {
            <p class="muted" role="status">{ t.loading_lesson }</p>
        }),
        Load::Failed(e) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            let detail = match e {
                LoadError::Network => t.load_offline.to_string(),
                LoadError::Status(code) => t.load_status.replace("{}", &code.to_string()),
                LoadError::Malformed => t.load_malformed.to_string(),
            };
            placeholder(info, lang, t, false, html! {
                <div class="notice bad lesson-error" role="alert">
                    <span><strong>{ t.lesson_load_failed }</strong>{ " " }{ detail }</span>
                    <button class="primary small" onclick={retry}>{ t.retry }</button>
                </div>
            })
        }
    }
}

/// The lesson's page before its text is there: its number and title (from the index), `body`
/// (the loading state or the error) and the links to its neighbours.
fn placeholder(info: &LessonInfo, lang: &str, t: &crate::i18n::Texts, busy: bool, body: Html) -> Html {
    html! {
        <div class="lesson-layout">
            <article class={classes!("lesson-text", busy.then_some("lesson-loading"))} lang={lang.to_string()} aria-busy={busy.to_string()}>
                <p class="crumb muted"><a href="#/">{ t.lessons_title }</a>{ format!(" / {:02}", info.number) }</p>
                <h1>{ info.title(lang) }</h1>
                { body }
                { lesson_nav(info, lang, t) }
            </article>
        </div>
    }
}

/// Fetches the lesson and puts the outcome into `state` (in the browser; natively pages come
/// from `lessons::remember`, and an unknown one stays loading).
#[cfg(target_arch = "wasm32")]
fn fetch(slug: String, state: UseStateHandle<Load>) {
    wasm_bindgen_futures::spawn_local(async move {
        state.set(match crate::lessons::load(&slug).await {
            Ok(page) => Load::Loaded(page),
            Err(e) => Load::Failed(e),
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn fetch(_slug: String, _state: UseStateHandle<Load>) {}

/// The links to the previous and next lessons.
fn lesson_nav(info: &LessonInfo, lang: &str, t: &crate::i18n::Texts) -> Html {
    let all = lessons();
    let pos = all.iter().position(|l| l.slug == info.slug).unwrap_or(0);
    let prev = pos.checked_sub(1).and_then(|i| all.get(i));
    let next = all.get(pos + 1);
    html! {
        <nav class="lesson-nav" aria-label="lessons">
            if let Some(p) = prev { <a href={format!("#/lesson/{}", p.slug)}>{ "← " }{ t.prev_lesson }{ ": " }{ p.title(lang) }</a> }
            <span class="spacer"></span>
            if let Some(n) = next { <a href={format!("#/lesson/{}", n.slug)}>{ t.next_lesson }{ ": " }{ n.title(lang) }{ " →" }</a> }
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct LessonViewProps {
    page: Rc<LessonData>,
    prefs: Prefs,
}

/// A loaded lesson.
#[component]
fn LessonView(props: &LessonViewProps) -> Html {
    let t = props.prefs.texts();
    let lang = props.prefs.lang.code();
    let page = &props.page;
    let Some(info) = find(&page.slug) else { return html! {} };
    let first = page.section(lang).and_then(|s| s.first_example()).unwrap_or_default().to_string();
    let selected = use_state(move || first);
    let Some(section) = page.section(lang) else { return html! {} };

    let body = section.chunks.iter().map(|chunk| match chunk {
        // Our own exporter's HTML, rendered at build time with raw HTML dropped.
        Chunk::Html(html) => Html::from_html_unchecked(AttrValue::from(html.clone())),
        Chunk::Example(id) => {
            let Some(ex) = page.example(id) else { return html! {} };
            let is_exercise = ex.solution.is_some();
            let solved = is_exercise && browser::storage_get(&solved_key(&page.slug, id)).is_some();
            let active = *selected == *id;
            let onclick = {
                let selected = selected.clone();
                let id = id.clone();
                Callback::from(move |_: MouseEvent| selected.set(id.clone()))
            };
            let settings = example_config(ex);
            html! {
                <figure class={classes!("example-card", active.then_some("active"), is_exercise.then_some("exercise"))} id={format!("ex-{id}")}>
                    <figcaption>
                        <span class="kind">{ if is_exercise { t.exercise } else { t.example } }</span>
                        <code class="ex-id">{ id.clone() }</code>
                        <span class="ex-settings muted">{ format!("python {} · seed {}", settings.python, settings.seed) }</span>
                        if solved { <span class="solved-badge">{ "✓ " }{ t.solved }</span> }
                        <button class="primary small" {onclick} aria-pressed={active.to_string()}>{ t.open_in_bench }</button>
                    </figcaption>
                    <pre class="code"><code>{ ex.code.clone() }</code></pre>
                    if let Some(out) = &ex.output {
                        <div class="expected"><span class="muted">{ t.expected_output }</span><pre>{ out.clone() }</pre></div>
                    }
                </figure>
            }
        }
    });

    let bench = page.example(&selected).map(|ex| {
        let exercise = ex.solution.as_ref().map(|s| ExerciseRef {
            lesson: page.slug.clone(),
            id: ex.id.clone(),
            solution: s.clone(),
            check: ex.check.clone(),
        });
        html! {
            <Workbench key={ex.id.clone()} code={ex.code.clone()} storage_key={format!("interleave:code:{}/{}", page.slug, ex.id)}
                config={example_config(ex)} texts={t} dark={props.prefs.dark} exercise={exercise} compact=true />
        }
    });
    html! {
        <div class="lesson-layout">
            <article class="lesson-text" lang={lang}>
                <p class="crumb muted"><a href="#/">{ t.lessons_title }</a>{ format!(" / {:02}", info.number) }</p>
                { for body }
                { lesson_nav(info, lang, t) }
            </article>
            <aside class="lesson-bench" aria-label="workbench">
                <div class="bench-title"><code>{ (*selected).clone() }</code></div>
                { for bench }
            </aside>
        </div>
    }
}
