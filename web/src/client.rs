//! The page's end of the worker connection: spawns the simulation worker, queues commands
//! until it has loaded, hands its reports to a callback, and restarts it for Stop (terminating
//! a worker stops even a runaway built-in at once).

use yew::Callback;

use crate::protocol::{FromWorker, ToWorker};

/// The worker script Trunk emits for the `interleave-worker` binary (`data-loader-shim`),
/// relative to the page so that the site works under any sub-path.
pub const WORKER_SCRIPT: &str = "./interleave-worker_loader.js";

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{MessageEvent, Worker};

    use super::*;

    struct Inner {
        worker: Option<Worker>,
        ready: bool,
        queue: Vec<String>,
        on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    }

    /// A connection to the simulation worker.
    pub struct WorkerClient {
        inner: Rc<RefCell<Inner>>,
        on_report: Callback<FromWorker>,
    }

    impl WorkerClient {
        pub fn spawn(on_report: Callback<FromWorker>) -> WorkerClient {
            let inner = Rc::new(RefCell::new(Inner { worker: None, ready: false, queue: Vec::new(), on_message: None }));
            let client = WorkerClient { inner, on_report };
            client.start();
            client
        }

        fn start(&self) {
            let worker = match Worker::new(WORKER_SCRIPT) {
                Ok(w) => w,
                Err(e) => {
                    self.on_report.emit(FromWorker::Failed { message: format!("cannot start the engine: {e:?}") });
                    return;
                }
            };
            let weak = Rc::downgrade(&self.inner);
            let on_report = self.on_report.clone();
            let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let Some(text) = e.data().as_string() else { return };
                let Ok(report) = serde_json::from_str::<FromWorker>(&text) else { return };
                if report == FromWorker::Ready
                    && let Some(inner) = weak.upgrade()
                {
                    let mut inner = inner.borrow_mut();
                    inner.ready = true;
                    let queued = std::mem::take(&mut inner.queue);
                    if let Some(w) = &inner.worker {
                        for msg in queued {
                            let _ = w.post_message(&JsValue::from_str(&msg));
                        }
                    }
                }
                on_report.emit(report);
            });
            worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            let mut inner = self.inner.borrow_mut();
            inner.worker = Some(worker);
            inner.ready = false;
            inner.on_message = Some(handler);
        }

        pub fn send(&self, cmd: &ToWorker) {
            let msg = cmd.to_json();
            let mut inner = self.inner.borrow_mut();
            match (&inner.worker, inner.ready) {
                (Some(w), true) => {
                    let _ = w.post_message(&JsValue::from_str(&msg));
                }
                _ => inner.queue.push(msg),
            }
        }

        /// Terminates the worker at once (whatever it is doing) and starts a fresh one.
        pub fn restart(&self) {
            self.terminate();
            self.start();
        }

        fn terminate(&self) {
            let mut inner = self.inner.borrow_mut();
            if let Some(w) = inner.worker.take() {
                w.set_onmessage(None);
                w.terminate();
            }
            inner.queue.clear();
            inner.ready = false;
            inner.on_message = None;
        }
    }

    impl Drop for WorkerClient {
        fn drop(&mut self) {
            self.terminate();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    /// Natively (server-side rendering) there is no worker: commands go nowhere.
    pub struct WorkerClient;

    impl WorkerClient {
        pub fn spawn(_on_report: Callback<FromWorker>) -> WorkerClient {
            WorkerClient
        }
        pub fn send(&self, _cmd: &ToWorker) {}
        pub fn restart(&self) {}
    }
}

pub use imp::WorkerClient;
