//! Renders the page natively (server-side rendering) and checks what a visitor would read.

use interleave_web::App;
use yew::LocalServerRenderer;

/// Renders `App` to an HTML string on a single-threaded Tokio runtime, as Yew's SSR needs.
fn render_app() -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread Tokio runtime builds");
    let local = tokio::task::LocalSet::new();
    local.block_on(
        &runtime,
        LocalServerRenderer::<App>::new().hydratable(false).render(),
    )
}

#[test]
fn page_names_the_project_and_says_it_is_under_construction_in_english_and_chinese() {
    let html = render_app();
    assert!(
        html.contains("<h1>Interleave</h1>"),
        "missing title in {html}"
    );
    assert!(
        html.contains("The playground is under construction."),
        "missing English notice in {html}"
    );
    assert!(
        html.contains("演练场正在建设中。"),
        "missing Chinese notice in {html}"
    );
    assert!(
        html.contains("cargo run --release -p interleave-cli -- run program.py"),
        "missing CLI example in {html}"
    );
}
