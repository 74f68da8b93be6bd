//! A lesson: its text (Markdown, in the chosen language) beside a workbench. Each example in
//! the text is a card with its code and expected output; "Open in the workbench" loads it
//! (with its settings) into the workbench, where it runs.

use interleave_lessons::Example;
use yew::prelude::*;

use super::app::Prefs;
use super::fmt_duration;
use super::workbench::{ExerciseRef, Workbench, solved_key};
use crate::browser;
use crate::lessons::{Chunk, chunks, find, lessons, markdown_html};
use crate::protocol::RunConfig;

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub slug: String,
    pub prefs: Prefs,
}

/// The settings an example runs with (the first of its seeds).
pub fn example_config(ex: &Example) -> RunConfig {
    let d = RunConfig::default();
    RunConfig {
        seed: ex.run.seeds.start,
        cores: ex.run.cores.unwrap_or(d.cores),
        python: ex.run.python.name().to_string(),
        switch_interval: ex.run.switch_interval_ns.map_or(d.switch_interval, fmt_duration),
        until: ex.run.until_ns.map_or(d.until, fmt_duration),
        start_method: d.start_method,
        stdin: String::new(),
    }
}

#[component]
pub fn LessonPage(props: &LessonProps) -> Html {
    let t = props.prefs.texts();
    let lang = props.prefs.lang.code();
    let Some(entry) = find(&props.slug) else {
        return html! {
            <div class="page-narrow">
                <p role="alert">{ t.not_found }</p>
                <p><a href="#/">{ t.back_home }</a></p>
            </div>
        };
    };
    let first = entry.section(lang).and_then(|s| s.examples.first().cloned()).unwrap_or_default();
    let selected = use_state(move || first);
    let Some(section) = entry.section(lang) else { return html! {} };

    let body = chunks(&section.markdown).into_iter().map(|chunk| match chunk {
        Chunk::Prose(md) => Html::from_html_unchecked(AttrValue::from(markdown_html(&md))),
        Chunk::Example(id) => {
            let Some(ex) = entry.lesson.example(&id) else { return html! {} };
            let is_exercise = ex.solution.is_some();
            let solved = is_exercise && browser::storage_get(&solved_key(&entry.slug, &id)).is_some();
            let active = *selected == id;
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

    let all = lessons();
    let pos = all.iter().position(|l| l.slug == entry.slug).unwrap_or(0);
    let prev = pos.checked_sub(1).and_then(|i| all.get(i));
    let next = all.get(pos + 1);
    let bench = entry.lesson.example(&selected).map(|ex| {
        let exercise = ex.solution.as_ref().map(|s| ExerciseRef {
            lesson: entry.slug.clone(),
            id: ex.id.clone(),
            solution: s.clone(),
            check: crate::protocol::CheckSpec::of(ex),
        });
        html! {
            <Workbench key={ex.id.clone()} code={ex.code.clone()} storage_key={format!("interleave:code:{}/{}", entry.slug, ex.id)}
                config={example_config(ex)} texts={t} dark={props.prefs.dark} exercise={exercise} compact=true />
        }
    });
    html! {
        <div class="lesson-layout">
            <article class="lesson-text" lang={lang}>
                <p class="crumb muted"><a href="#/">{ t.lessons_title }</a>{ format!(" / {:02}", entry.number) }</p>
                { for body }
                <nav class="lesson-nav" aria-label="lessons">
                    if let Some(p) = prev { <a href={format!("#/lesson/{}", p.slug)}>{ "← " }{ t.prev_lesson }{ ": " }{ p.title(lang).to_string() }</a> }
                    <span class="spacer"></span>
                    if let Some(n) = next { <a href={format!("#/lesson/{}", n.slug)}>{ t.next_lesson }{ ": " }{ n.title(lang).to_string() }{ " →" }</a> }
                </nav>
            </article>
            <aside class="lesson-bench" aria-label="workbench">
                <div class="bench-title"><code>{ (*selected).clone() }</code></div>
                { for bench }
            </aside>
        </div>
    }
}
