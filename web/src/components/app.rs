//! The root component: the header (navigation, language, theme) and the page the URL
//! fragment names. Routes live in the fragment so that the site works from any static host
//! and sub-path: `#/` home, `#/lesson/02-gil`, `#/play`, `#/run/<share link>`.

use yew::prelude::*;

use super::home::Home;
use super::lesson::LessonPage;
use super::workbench::Workbench;
use crate::browser;
use crate::i18n::{Lang, Texts};
use crate::protocol::RunConfig;
use crate::share;

/// What the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Lesson(String),
    Playground,
    Shared(String),
    NotFound,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            _ if path.is_empty() => Route::Home,
            Some(("lesson", slug)) => Route::Lesson(slug.to_string()),
            Some(("run", payload)) => Route::Shared(payload.to_string()),
            None if path == "play" => Route::Playground,
            _ => Route::NotFound,
        }
    }
}

/// The language and theme, for every component.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prefs {
    pub lang: Lang,
    pub dark: bool,
}

impl Prefs {
    pub fn texts(self) -> &'static Texts {
        self.lang.texts()
    }
}

/// The playground's starting program.
pub const PLAYGROUND_CODE: &str = "import threading\nimport time\n\ndef worker(name, delay):\n    for i in range(3):\n        time.sleep(delay)\n        print(name, \"step\", i)\n\nthreads = [threading.Thread(target=worker, args=(n, d)) for n, d in ((\"A\", 0.1), (\"B\", 0.15))]\nfor t in threads:\n    t.start()\nfor t in threads:\n    t.join()\nprint(\"done\")\n";

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The initial route (tests render a given page); in the browser, the URL's fragment.
    #[prop_or_default]
    pub route: Option<Route>,
    #[prop_or_default]
    pub lang: Option<Lang>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let route = {
        let initial = props.route.clone();
        use_state(move || initial.unwrap_or_else(|| Route::parse(&browser::hash())))
    };
    let lang = {
        let initial = props.lang;
        use_state(move || initial.or_else(|| browser::storage_get("interleave:lang").and_then(|l| Lang::parse(&l))).unwrap_or_default())
    };
    let dark = use_state(|| match browser::storage_get("interleave:theme").as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => browser::prefers_dark(),
    });

    // Follow the fragment.
    #[cfg(target_arch = "wasm32")]
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            use wasm_bindgen::JsCast;
            use wasm_bindgen::closure::Closure;
            let cb = Closure::<dyn FnMut()>::new(move || {
                route.set(Route::parse(&browser::hash()));
                if let Some(w) = web_sys::window() {
                    w.scroll_to_with_x_and_y(0.0, 0.0);
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("hashchange", cb.as_ref().unchecked_ref());
                }
                drop(cb);
            }
        });
    }
    {
        use_effect_with((*lang, *dark), move |(lang, dark)| {
            browser::set_root_attr("lang", if *lang == Lang::Zh { "zh-CN" } else { "en" });
            browser::set_root_attr("data-theme", if *dark { "dark" } else { "light" });
        });
    }

    let prefs = Prefs { lang: *lang, dark: *dark };
    let t = prefs.texts();
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let next = if *lang == Lang::En { Lang::Zh } else { Lang::En };
            browser::storage_set("interleave:lang", next.code());
            lang.set(next);
        })
    };
    let on_theme = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| {
            browser::storage_set("interleave:theme", if *dark { "light" } else { "dark" });
            dark.set(!*dark);
        })
    };

    let page = match &*route {
        Route::Home => html! { <Home prefs={prefs} /> },
        Route::Lesson(slug) => html! { <LessonPage key={slug.clone()} slug={slug.clone()} prefs={prefs} /> },
        Route::Playground => html! {
            <div class="page-wide">
                <h1 class="page-title">{ t.playground_title }</h1>
                <Workbench code={PLAYGROUND_CODE} storage_key="interleave:code:playground" config={RunConfig::default()} texts={t} dark={prefs.dark} />
            </div>
        },
        Route::Shared(payload) => match share::decode(payload) {
            Ok((code, config)) => html! {
                <div class="page-wide">
                    <h1 class="page-title">{ t.playground_title }</h1>
                    <Workbench key={payload.clone()} code={code} storage_key="" config={config} texts={t} dark={prefs.dark} autorun=true />
                </div>
            },
            Err(why) => html! {
                <div class="page-narrow">
                    <div class="notice bad" role="alert">
                        <strong>{ t.broken_link }</strong>{ ": " }{ why }
                    </div>
                    <p><a href="#/">{ t.back_home }</a></p>
                </div>
            },
        },
        Route::NotFound => html! {
            <div class="page-narrow">
                <p role="alert">{ t.not_found }</p>
                <p><a href="#/">{ t.back_home }</a></p>
            </div>
        },
    };
    let nav_class = |r: &Route| classes!(std::mem::discriminant(&*route).eq(&std::mem::discriminant(r)).then_some("active"));
    html! {
        <>
            <header class="topbar">
                <a class="brand" href="#/" aria-label="Interleave">
                    <span class="logo" aria-hidden="true"><i></i><i></i><i></i></span><span class="name">{ "Interleave" }</span>
                </a>
                <nav aria-label="main">
                    <a href="#/" class={nav_class(&Route::Home)}>{ t.nav_lessons }</a>
                    <a href="#/play" class={nav_class(&Route::Playground)}>{ t.nav_playground }</a>
                </nav>
                <span class="spacer"></span>
                <button class="lang-toggle" onclick={on_lang} aria-label={t.switch_lang_label} title={t.switch_lang_label}>{ t.switch_lang }</button>
                <button class="theme-toggle icon" onclick={on_theme}
                    aria-label={if prefs.dark { t.theme_light } else { t.theme_dark }}
                    title={if prefs.dark { t.theme_light } else { t.theme_dark }}>
                    { if prefs.dark { "☀" } else { "☾" } }
                </button>
            </header>
            <main id="main">{ page }</main>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_come_from_the_fragment() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/lesson/02-gil"), Route::Lesson("02-gil".into()));
        assert_eq!(Route::parse("#/play"), Route::Playground);
        assert_eq!(Route::parse("#/run/v1.abc"), Route::Shared("v1.abc".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound);
    }
}
