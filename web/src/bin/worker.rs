//! The simulation worker: Trunk builds this binary as a Web Worker (`data-type="worker"`). It
//! connects `Driver` to `postMessage` and to timers: commands arrive as JSON strings, reports
//! leave as JSON strings, and the simulation runs in chunks with a yield to the event loop in
//! between, so that Pause and Step are handled promptly. Stop is the page terminating the
//! worker, which works even inside a long built-in.

#[cfg(target_arch = "wasm32")]
fn main() {
    interleave_web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("interleave-worker runs in a browser's Web Worker: build it with `scripts/serve`");
    std::process::exit(2);
}
