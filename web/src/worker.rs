//! The Web Worker side (wasm only): see `bin/worker.rs`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::driver::{Driver, Next};
use crate::protocol::{FromWorker, ToWorker};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(report: &FromWorker) {
    let _ = scope().post_message(&JsValue::from_str(&report.to_json()));
}

fn wall_ms() -> f64 {
    scope().performance().map_or_else(js_sys::Date::now, |p| p.now())
}

/// Where the `\N{...}` name table lies, relative to the worker's script (Trunk copies
/// `crates/unicode-names/data/names.txt` there: see index.html).
const NAME_TABLE_URL: &str = "unicode/names.txt";

/// Downloads a file beside the worker's script, synchronously: the compiler asks for the
/// name table in the middle of a parse, the interpreter for a library pack in the middle of an
/// import (a worker may block; the page does not).
fn fetch_text(url: &str) -> Result<String, String> {
    let why = |e: JsValue| e.as_string().or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from)).unwrap_or_default();
    let xhr = web_sys::XmlHttpRequest::new().map_err(why)?;
    xhr.open_with_async("GET", url, false).map_err(why)?;
    xhr.send().map_err(|e| format!("{url}: {}", why(e)))?;
    match xhr.status().map_err(why)? {
        200 => xhr.response_text().map_err(why)?.ok_or_else(|| format!("{url}: empty response")),
        status => Err(format!("{url}: HTTP {status}")),
    }
}

fn load_name_table() -> Result<String, String> {
    fetch_text(NAME_TABLE_URL)
}

/// The NFKC table of non-ASCII identifiers (`crates/unicode-nfkc/data/nfkc.txt`), likewise.
fn load_nfkc_table() -> Result<String, String> {
    fetch_text("unicode/nfkc.txt")
}

/// A library pack (`crates/interleave-vm/src/modules/packs.rs`), which the web build copies to
/// `library/NAME.txt`.
fn load_library_pack(name: &str) -> Result<String, String> {
    fetch_text(&format!("library/{name}.txt"))
}

/// Installs the message handler and the run loop.
pub fn start() {
    unicode_names2::set_table_loader(load_name_table);
    unicode_normalization::set_table_loader(load_nfkc_table);
    interleave_machine::set_pack_loader(load_library_pack);
    let inbox: Rc<RefCell<VecDeque<ToWorker>>> = Rc::default();
    let on_message = {
        let inbox = inbox.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(text) = e.data().as_string() else { return };
            match serde_json::from_str::<ToWorker>(&text) {
                Ok(cmd) => inbox.borrow_mut().push_back(cmd),
                Err(err) => post(&FromWorker::Failed { message: format!("bad command: {err}") }),
            }
        })
    };
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    wasm_bindgen_futures::spawn_local(run_loop(inbox));
    post(&FromWorker::Ready);
}

async fn run_loop(inbox: Rc<RefCell<VecDeque<ToWorker>>>) {
    let mut driver = Driver::new();
    let mut next = Next::Idle;
    loop {
        let commands: Vec<ToWorker> = inbox.borrow_mut().drain(..).collect();
        let had_commands = !commands.is_empty();
        for cmd in commands {
            for report in driver.command(cmd) {
                post(&report);
            }
        }
        if had_commands {
            next = Next::Continue;
        }
        match next {
            Next::Idle => {
                // Nothing to run: look for commands again shortly.
                gloo_timers::future::TimeoutFuture::new(10).await;
                next = Next::Continue;
                continue;
            }
            Next::Wait(ms) => {
                gloo_timers::future::TimeoutFuture::new(ms.ceil() as u32).await;
            }
            Next::Continue => {}
        }
        let (report, after) = driver.chunk(&mut wall_ms);
        if let Some(report) = report {
            post(&report);
        }
        next = after;
        if next == Next::Continue {
            // Yield to the event loop so that commands (Pause, Step) get in.
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
    }
}
