//! Recursion through nested calls (user hooks that built-ins call from Rust) ends in a clean
//! `RecursionError` on a 2 MiB stack, the size of the browser's wasm stack: every way a nested
//! call starts is bounded by `Limits::max_nested_native_calls` and `max_nested_stack_bytes`.
//! `tests/recursion/*.py` print what CPython printed into the `.out` beside them.

use std::path::Path;

use interleave_vm::{RunConfig, run_program};

/// The stack the programs run on.
const STACK_BYTES: usize = 2 << 20;

/// Runs `source` on a thread with a [`STACK_BYTES`] stack; returns (stdout, stderr, exit code).
fn run_small_stack(source: String, name: &'static str) -> (String, String, i32) {
    std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let r = run_program(&source, name, &RunConfig::default());
            (r.stdout(), r.stderr(), r.exit_code)
        })
        .expect("thread starts")
        .join()
        .expect("no stack overflow or panic")
}

#[test]
fn nested_hooks_raise_recursion_error_on_a_small_stack() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recursion");
    let source = std::fs::read_to_string(dir.join("nested_hooks.py")).expect("program");
    let expected = std::fs::read_to_string(dir.join("nested_hooks.out")).expect("expectation");
    let (stdout, stderr, code) = run_small_stack(source, "nested_hooks.py");
    assert_eq!((stdout.as_str(), code), (expected.as_str(), 0), "{stderr}");
}

/// The message names the kind of call site. CPython prints these suffixes only when its
/// C-level check trips before its frame check, which depends on the depth's parity.
/// FIXME: CPython's exact choice is not modelled; Interleave always names the call site.
#[test]
fn recursion_messages_name_the_call_site() {
    let source = "\
class R:
    def __repr__(self):
        return repr(self)
class E:
    def __eq__(self, other):
        return self == other
for thunk in (lambda: repr(R()), lambda: E() == E()):
    try:
        thunk()
    except RecursionError as e:
        print(e)
";
    let (stdout, stderr, code) = run_small_stack(source.to_string(), "messages.py");
    let expected = "maximum recursion depth exceeded while getting the repr of an object\n\
                    maximum recursion depth exceeded in comparison\n";
    assert_eq!((stdout.as_str(), code), (expected, 0), "{stderr}");
}

/// An uncaught one prints CPython's collapsed traceback, and the program ends with status 1.
#[test]
fn uncaught_recursion_in_repr_is_a_clean_error() {
    let source = "class R:\n    def __repr__(self):\n        return repr(self)\nprint(R())\n";
    let (_, stderr, code) = run_small_stack(source.to_string(), "uncaught.py");
    assert_eq!(code, 1);
    assert!(stderr.ends_with("RecursionError: maximum recursion depth exceeded while getting the repr of an object\n"), "{stderr}");
    assert!(stderr.contains("more times]"), "{stderr}");
}
