//! Renders pages natively (server-side rendering) and checks what a visitor would read.

use interleave_web::i18n::Lang;
use interleave_web::{App, AppProps, Route};
use yew::LocalServerRenderer;

/// Renders `App` at `route` in `lang` to an HTML string, on a single-threaded Tokio runtime
/// as Yew's SSR needs.
fn render(route: Route, lang: Lang) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread Tokio runtime builds");
    let local = tokio::task::LocalSet::new();
    let props = AppProps { route: Some(route), lang: Some(lang) };
    local.block_on(&runtime, LocalServerRenderer::<App>::with_props(props).hydratable(false).render())
}

#[test]
fn home_lists_every_lesson_in_both_languages() {
    let en = render(Route::Home, Lang::En);
    let zh = render(Route::Home, Lang::Zh);
    assert!(en.contains("Interleave") && en.contains("Lessons"), "{en}");
    for l in interleave_web::lessons::lessons() {
        assert!(en.contains(&format!("#/lesson/{}", l.slug)), "{} missing", l.slug);
        assert!(en.contains(&html_escape(l.title("en"))), "{} title missing in {en}", l.slug);
        assert!(zh.contains(&html_escape(l.title("zh"))), "{} 标题 missing", l.slug);
        assert!(en.contains(&format!("{} §", l.section_count("en"))), "{} section count", l.slug);
    }
    assert!(zh.contains("课程") && zh.contains("演练场"), "{zh}");
}

/// Gives the page a lesson's data, as the exporter renders it at build time and the page
/// fetches it in the browser.
fn load(slug: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../lessons/{slug}.md"));
    interleave_web::lessons::remember(interleave_lessons::export::export_file(&path).expect("the lesson exports"));
}

#[test]
fn a_lesson_page_shows_its_text_examples_and_a_workbench() {
    load("02-gil");
    let html = render(Route::Lesson("02-gil".into()), Lang::En);
    assert!(html.contains("<h1>The GIL</h1>"), "{html}");
    assert!(html.contains("Open in the workbench"));
    assert!(html.contains("class=\"bench compact\""), "a workbench");
    // Directives and their fences are not shown as prose.
    assert!(!html.contains("&lt;!-- example"), "{html}");
    let zh = render(Route::Lesson("02-gil".into()), Lang::Zh);
    assert!(zh.contains("全局解释器锁"), "{zh}");
    // Its neighbours' titles come from the index.
    assert!(html.contains("#/lesson/03-threads") && html.contains("Next lesson"), "{html}");
}

#[test]
fn a_lesson_not_loaded_yet_shows_its_title_and_a_loading_state() {
    let html = render(Route::Lesson("03-threads".into()), Lang::En);
    let title = html_escape(interleave_web::lessons::find("03-threads").unwrap().title("en"));
    assert!(html.contains(&format!("<h1>{title}</h1>")), "{html}");
    assert!(html.contains("aria-busy=\"true\"") && html.contains("Loading the lesson…"), "{html}");
    assert!(!html.contains("Open in the workbench"), "{html}");
    let zh = render(Route::Lesson("03-threads".into()), Lang::Zh);
    assert!(zh.contains("正在加载课程"), "{zh}");
}

#[test]
fn the_playground_has_the_controls_and_settings() {
    let html = render(Route::Playground, Lang::En);
    for label in ["Run", "Pause", "Step", "Stop", "Reset", "Seed", "Cores", "Python", "Switch interval", "Share", "Timeline", "Console"] {
        assert!(html.contains(label), "{label} missing");
    }
    for mode in ["3.9", "3.11", "3.13t"] {
        assert!(html.contains(&format!("value=\"{mode}\"")), "{mode}");
    }
}

#[test]
fn a_hostile_share_link_is_refused_and_nothing_is_injected() {
    let html = render(Route::Shared("<img src=x onerror=alert(1)>".into()), Lang::En);
    assert!(html.contains("This share link cannot be opened"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    let page = render(Route::Shared(interleave_web::share::encode("print('<b>hi</b>')\n", &Default::default())), Lang::En);
    assert!(!page.contains("<b>hi</b>"), "code is text, not markup");
}

#[test]
fn an_unknown_page_says_so() {
    assert!(render(Route::NotFound, Lang::En).contains("There is no such page."));
    assert!(render(Route::Lesson("99-nothing".into()), Lang::Zh).contains("没有这个页面。"));
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}
