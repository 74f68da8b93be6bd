//! Standard input: every read releases the GIL once, and an interactive client can give the
//! input while the run is under way (`Session::keep_stdin_open`). A run whose input was typed
//! line by line must be the very run that the whole input given up front makes.

use interleave_machine::trace::TraceEvent;
use interleave_machine::{PythonMode, RunResult, Session, Settings, run_program};

/// Runs `src` interactively: stdin starts empty and open; each time the machine waits for
/// input it gets the next of `lines` (then end of file). Returns the result and, for each
/// wait, the output written before it (what the user saw when asked).
fn run_typing(src: &str, settings: &Settings, lines: &[&str]) -> (RunResult, Vec<String>) {
    let mut session = Session::new(src, "/prog.py", &Settings { stdin: Vec::new(), ..settings.clone() });
    session.keep_stdin_open();
    let mut next = lines.iter();
    let mut seen = Vec::new();
    let mut guard = 0;
    loop {
        if session.step().is_some() {
            break;
        }
        if session.awaiting_input().is_some() {
            let now = session.now();
            // Waiting does not run anything, and takes no virtual time.
            assert_eq!(session.step(), None);
            assert_eq!(session.now(), now);
            seen.push(stdout_of(session.events()));
            match next.next() {
                Some(line) => session.give_input(line),
                None => session.close_stdin(),
            }
        }
        guard += 1;
        assert!(guard < 1_000_000, "the run did not end");
    }
    (session.into_result(), seen)
}

fn stdout_of(events: &[TraceEvent]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Output { stream, text, .. } if stream == "stdout" => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn up_front(src: &str, settings: &Settings, lines: &[&str]) -> RunResult {
    run_program(src, "/prog.py", &Settings { stdin: lines.concat().into_bytes(), ..settings.clone() })
}

/// The interactive run and the up-front run agree in everything observable.
fn assert_same_run(src: &str, settings: &Settings, lines: &[&str]) -> Vec<String> {
    let (typed, seen) = run_typing(src, settings, lines);
    let given = up_front(src, settings, lines);
    assert_eq!(typed.output, given.output, "seed {}", settings.seed);
    assert_eq!(typed.exit_code, given.exit_code);
    assert_eq!(typed.trace, given.trace, "seed {}", settings.seed);
    assert_eq!(typed.schedule, given.schedule);
    assert_eq!(typed.end_ns, given.end_ns);
    seen
}

const GREETER: &str = r#"
import threading, time
counter = 0
def spin():
    global counter
    for _ in range(20000):
        counter += 1
t = threading.Thread(target=spin)
t.start()
name = input("Your name? ")
print(f"Hello, {name}!")
n = int(input("How many? "))
for i in range(n):
    print(i, input(f"item {i}: "))
t.join()
print("counter", counter)
"#;

#[test]
fn typed_input_makes_the_same_run_as_input_given_up_front() {
    let lines = ["Ada\n", "2\n", "tea\n", "cake\n"];
    for seed in 0..6 {
        for python in [PythonMode::Py311, PythonMode::Py39, PythonMode::Py313t] {
            let settings = Settings { seed, python, ..Settings::default() };
            let seen = assert_same_run(GREETER, &settings, &lines);
            // Each question was on screen when the machine asked for its answer.
            assert_eq!(seen.len(), 4, "{python:?} seed {seed}");
            assert!(seen[0].ends_with("Your name? "), "{:?}", seen[0]);
            assert!(seen[1].ends_with("How many? "), "{:?}", seen[1]);
            assert!(seen[3].ends_with("item 1: "), "{:?}", seen[3]);
        }
    }
    let given = up_front(GREETER, &Settings::default(), &lines);
    assert!(given.stdout().starts_with("Your name? Hello, Ada!\nHow many? item 0: 0 tea\nitem 1: 1 cake\n"), "{}", given.stdout());
}

#[test]
fn each_read_is_in_the_trace_with_its_thread() {
    let given = up_front(GREETER, &Settings::default(), &["Ada\n", "1\n", "x"]);
    let reads: Vec<_> = given
        .trace
        .iter()
        .filter_map(|e| match e {
            TraceEvent::Input { thread, text, .. } => Some((*thread, text.as_str())),
            _ => None,
        })
        .collect();
    // The last line has no newline: read to end of file.
    assert_eq!(reads, [(0, "Ada\n"), (0, "1\n"), (0, "x")]);
}

#[test]
fn running_out_of_typed_input_is_end_of_file() {
    let src = "try:\n    input('a? ')\n    input('b? ')\nexcept EOFError as e:\n    print('EOF', e)\n";
    let seen = assert_same_run(src, &Settings::default(), &["1\n"]);
    assert_eq!(seen, ["a? ", "a? b? "]);
    let r = up_front(src, &Settings::default(), &["1\n"]);
    assert_eq!(r.stdout(), "a? b? EOF EOF when reading a line\n");
}

#[test]
fn read_waits_for_the_end_of_input_and_readline_for_a_whole_line() {
    let src = "import sys\nprint(repr(sys.stdin.read(2)))\nprint(repr(sys.stdin.readline()))\nprint(sys.stdin.readlines())\nprint(repr(sys.stdin.read()))\n";
    // Half a line is not a line: the read waits on for the rest; read(2) waits for two
    // characters (é is one).
    let seen = assert_same_run(src, &Settings::default(), &["é", "hal", "f\n", "x\n", "y"]);
    assert_eq!(seen.len(), 6, "{seen:?}");
    let r = up_front(src, &Settings::default(), &["éhalf\n", "x\n", "y"]);
    assert_eq!(r.stdout(), "'éh'\n'alf\\n'\n['x\\n', 'y']\n''\n");
}

#[test]
fn iterating_over_stdin_reads_line_by_line() {
    let src = "import sys\nfor line in sys.stdin:\n    print('got', line.strip())\nprint('done')\n";
    let seen = assert_same_run(src, &Settings::default(), &["a\n", "b\n"]);
    assert_eq!(seen, ["", "got a\n", "got a\ngot b\n"]);
}

#[test]
fn a_read_releases_the_gil_to_a_waiting_thread() {
    // The worker wakes at 1 ms and waits for the GIL; the main thread would keep it until a
    // drop request at 6 ms, but its read of stdin (at 3 ms) releases it, as CPython's blocking
    // read does, and the worker takes it.
    let src = r#"
import threading, time
order = []
def worker():
    time.sleep(0.001)
    order.append("worker")
t = threading.Thread(target=worker)
t.start()
end = time.perf_counter() + 0.003
while time.perf_counter() < end:
    pass
order.append("main before read")
line = input()
order.append("main after read")
t.join()
print(order)
"#;
    let r = up_front(src, &Settings::default(), &["x\n"]);
    assert_eq!(r.stdout(), "['main before read', 'worker', 'main after read']\n");
}

#[test]
fn multiprocessing_children_read_dev_null() {
    // As CPython's `multiprocessing.util._close_stdin`: a child's stdin is empty and closed,
    // so the machine never waits for input on its behalf.
    let src = r#"
import multiprocessing as mp
def child():
    try:
        input("child? ")
    except EOFError as e:
        print("child:", e)
if __name__ == "__main__":
    p = mp.Process(target=child)
    p.start()
    p.join()
    print("parent:", input("parent? "))
"#;
    for start_method in ["fork", "spawn"] {
        let settings = Settings { start_method: start_method.into(), ..Settings::default() };
        let seen = assert_same_run(src, &settings, &["hi\n"]);
        assert_eq!(seen.len(), 1, "{start_method}: {seen:?}");
        let r = up_front(src, &settings, &["hi\n"]);
        assert_eq!(r.stdout(), "child? child: EOF when reading a line\nparent? parent: hi\n", "{start_method}");
    }
}

#[test]
fn a_run_that_needs_no_input_never_waits() {
    let (r, seen) = run_typing("print(sum(range(10)))\n", &Settings::default(), &[]);
    assert!(seen.is_empty());
    assert_eq!(r.stdout(), "45\n");
}
