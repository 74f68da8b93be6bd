//! The home page: what Interleave is, the lessons with progress, and the playground.

use yew::prelude::*;

use super::app::Prefs;
use super::workbench::solved_key;
use crate::browser;
use crate::lessons::lessons;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub prefs: Prefs,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let t = props.prefs.texts();
    let lang = props.prefs.lang.code();
    let items = lessons().iter().map(|l| {
        let exercises = l.exercises;
        let solved = exercises.iter().filter(|id| browser::storage_get(&solved_key(l.slug, id)).is_some()).count();
        let sections = l.section_count(lang);
        html! {
            <li>
                <a class="lesson-card" href={format!("#/lesson/{}", l.slug)}>
                    <span class="num">{ format!("{:02}", l.number) }</span>
                    <span class="title">{ l.title(lang) }</span>
                    <span class="meta">
                        { format!("{sections} §") }
                        if !exercises.is_empty() {
                            <span class={classes!("progress", (solved == exercises.len()).then_some("done"))}>
                                { format!(" · {solved}/{} {}", exercises.len(), t.solved) }
                            </span>
                        }
                    </span>
                </a>
            </li>
        }
    });
    html! {
        <div class="page-narrow home">
            <section class="hero">
                <h1>{ "Interleave" }</h1>
                <p class="tagline">{ t.tagline }</p>
                <p>{ t.intro }</p>
            </section>
            <section aria-labelledby="lessons-h">
                <h2 id="lessons-h">{ t.lessons_title }</h2>
                <ol class="lesson-list">{ for items }</ol>
            </section>
            <section class="play-entry">
                <h2>{ t.playground_title }</h2>
                <p>{ t.playground_blurb }</p>
                <a class="button primary" href="#/play">{ t.open_playground }</a>
            </section>
        </div>
    }
}
