//! The Interleave playground in the browser.
//!
//! Two programs share this crate: the page (`main.rs`: Yew components, `components/`) and the
//! simulation worker (`bin/worker.rs`, `worker.rs`, `driver.rs`). They talk only through the
//! messages of `protocol.rs`; the page's picture of a run (`model.rs`) is built from them.

pub mod browser;
pub mod client;
pub mod driver;
pub mod i18n;
pub mod lessons;
pub mod model;
pub mod protocol;
pub mod share;

#[cfg(target_arch = "wasm32")]
pub mod worker;

mod components;

pub use components::app::{App, AppProps, Route};

/// The program's file name in the playground, as tracebacks show it.
pub const PROGRAM_FILE: &str = "main.py";
