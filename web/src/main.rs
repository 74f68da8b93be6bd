//! Entry point of the page: Trunk builds this binary for `wasm32-unknown-unknown`.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<interleave_web::App>::new().render();
}

/// Native builds exist only so that `cargo build --workspace` and `cargo test --workspace`
/// work; the page itself runs in a browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("interleave-web runs in a browser: build and serve it with `scripts/serve`");
    std::process::exit(2);
}
