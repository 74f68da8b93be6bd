//! The engine compiled to WebAssembly, in headless Chromium: the worker's driver runs real
//! programs (threads, the GIL, pacing) exactly as natively. Run by `scripts/test` with
//! `wasm-bindgen-test-runner`; natively this file is empty.
#![cfg(target_arch = "wasm32")]

use interleave_web::driver::Driver;
use interleave_web::model::{RunModel, Status};
use interleave_web::protocol::{RunConfig, Speed, ToWorker};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn run(source: &str, config: RunConfig) -> RunModel {
    let mut driver = Driver::new();
    let mut model = RunModel::default();
    let cmd = ToWorker::Run { source: source.into(), filename: "main.py".into(), config, speed: Speed::Max, paused: false };
    for r in driver.command(cmd) {
        model.absorb(r);
    }
    let mut clock = || js_sys::Date::now();
    while let (Some(r), _) = driver.chunk(&mut clock) {
        model.absorb(r);
    }
    model
}

/// What the program wrote to stdout (without the input the console echoes).
fn stdout(m: &RunModel) -> String {
    m.console.iter().filter(|l| !l.stderr).map(|l| &l.text[..l.typed_from.unwrap_or(l.text.len())]).collect()
}

#[wasm_bindgen_test]
fn threads_run_in_the_browser() {
    let m = run(
        "import threading\nout = []\ndef w(n):\n    out.append(n * n)\nts = [threading.Thread(target=w, args=(i,)) for i in range(4)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(sorted(out))\n",
        RunConfig::default(),
    );
    assert_eq!(m.status, Status::Finished { exit_code: 0 });
    assert_eq!(stdout(&m), "[0, 1, 4, 9]\n");
    assert_eq!(m.threads.len(), 5);
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_run_as_natively() {
    // The racy counter in 3.9 mode: the result depends on the seed, identically everywhere.
    let src = "import threading, sys\nsys.setswitchinterval(1e-6)\nn = 0\ndef add():\n    global n\n    for _ in range(2000):\n        n += 1\nts = [threading.Thread(target=add) for _ in range(2)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(n)\n";
    let config = RunConfig { python: "3.9".into(), seed: 3, ..RunConfig::default() };
    let a = run(src, config.clone());
    let b = run(src, config.clone());
    assert_eq!(stdout(&a), stdout(&b));
    assert_eq!(a.events, b.events);
    let native = interleave_machine::run_program(src, "main.py", &config.settings().unwrap());
    assert_eq!(stdout(&a), native.stdout());
    assert_eq!(a.events, native.trace);
}

#[wasm_bindgen_test]
fn errors_and_deadlocks_are_reported() {
    let m = run("import threading\na = threading.Lock()\na.acquire()\na.acquire()\n", RunConfig::default());
    assert_eq!(m.status, Status::Finished { exit_code: 124 });
    assert!(m.console.iter().any(|l| l.stderr && l.text.contains("deadlock")));
    let m = run("def f(:\n    pass\n", RunConfig::default());
    assert_eq!(m.runtime_error("main.py").map(|d| d.line), Some(1));
}

#[wasm_bindgen_test]
fn typed_input_gives_the_run_that_input_given_up_front_gives_natively() {
    let src = "import threading\nn = 0\ndef add():\n    global n\n    for _ in range(3000):\n        n += 1\nt = threading.Thread(target=add)\nt.start()\nname = input('Name? ')\nt.join()\nprint(name, n, input('again? '))\n";
    let config = RunConfig { python: "3.9".into(), seed: 5, ..RunConfig::default() };
    let mut driver = Driver::new();
    let mut model = RunModel::default();
    let cmd = ToWorker::Run { source: src.into(), filename: "main.py".into(), config: config.clone(), speed: Speed::Max, paused: false };
    for r in driver.command(cmd) {
        model.absorb(r);
    }
    let mut clock = || js_sys::Date::now();
    let mut typed = ["Ada\n", "yes\n"].into_iter();
    loop {
        while let (Some(r), _) = driver.chunk(&mut clock) {
            model.absorb(r);
        }
        match (model.awaiting_input, typed.next()) {
            (Some(_), Some(line)) => {
                for r in driver.command(ToWorker::Input { text: line.into() }) {
                    model.absorb(r);
                }
            }
            _ => break,
        }
    }
    assert_eq!(model.status, Status::Finished { exit_code: 0 });
    let native = interleave_machine::run_program(src, "main.py", &RunConfig { stdin: "Ada\nyes\n".into(), ..config }.settings().unwrap());
    assert_eq!(stdout(&model), native.stdout());
    assert_eq!(model.events, native.trace);
}

#[wasm_bindgen_test]
async fn a_lesson_is_fetched_once_and_a_missing_one_is_an_error() {
    use interleave_web::lessons::{LessonPage, LoadError, load, remember};
    // No such file on the server: the HTTP status, not a hang or a panic.
    match load("99-missing").await {
        Err(LoadError::Status(404)) => {}
        other => panic!("{other:?}"),
    }
    // A lesson kept for the session is not fetched again (there is no file to fetch here).
    let page = LessonPage { slug: "98-kept".into(), sections: vec![], examples: vec![] };
    remember(page.clone());
    assert_eq!(*load("98-kept").await.unwrap(), page);
}
