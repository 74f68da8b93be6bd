//! Resource limits end a run cleanly: a Python exception where CPython raises one, otherwise
//! a report on stderr and exit code 124 — never a panic or a hang.

use interleave_machine::{Settings, run_program};

fn run(src: &str, settings: &Settings) -> interleave_machine::RunResult {
    run_program(src, "/prog.py", settings)
}

#[test]
fn an_infinite_loop_stops_at_the_step_limit() {
    let settings = Settings {
        max_steps: 200_000,
        ..Settings::default()
    };
    let r = run("while True:\n    pass\n", &settings);
    assert_eq!(r.exit_code, 124);
    assert!(
        r.stderr().contains("stopped after 200000 steps"),
        "{}",
        r.stderr()
    );
    assert!(r.steps <= 201_100, "{}", r.steps);
}

#[test]
fn deep_recursion_raises_recursion_error_like_cpython() {
    let r = run(
        "def f(n):\n    return f(n + 1)\nf(0)\n",
        &Settings::default(),
    );
    assert_eq!(r.exit_code, 1);
    let err = r.stderr();
    assert!(
        err.contains("[Previous line repeated 996 more times]"),
        "{err}"
    );
    assert!(
        err.ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{err}"
    );
}

#[test]
fn huge_allocations_raise_memory_error() {
    for src in [
        "x = 'a' * (10 ** 10)\n",
        "x = [0] * (10 ** 10)\n",
        "x = 2 ** (10 ** 10)\n",
    ] {
        let r = run(src, &Settings::default());
        assert_eq!(r.exit_code, 1, "{src}");
        assert!(
            r.stderr().ends_with("MemoryError\n"),
            "{src}: {}",
            r.stderr()
        );
    }
}

#[test]
fn sum_of_a_huge_range_is_instant() {
    let r = run("print(sum(range(10 ** 12)))\n", &Settings::default());
    assert_eq!(r.stdout(), "499999999999500000000000\n");
    assert!(r.steps < 100);
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_crash() {
    let src = format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000));
    let r = run(&src, &Settings::default());
    assert_eq!(r.exit_code, 1);
    assert!(
        r.stderr()
            .contains("SyntaxError: too many nested parentheses"),
        "{}",
        r.stderr()
    );
}

#[test]
fn creating_and_dropping_many_objects_runs_in_bounded_memory() {
    let src = "for i in range(300000):\n    x = [str(i), {'k': i}]\nprint('done')\n";
    let r = run(src, &Settings::default());
    assert_eq!(r.stdout(), "done\n");
    assert!(r.gc_collections > 0, "the collector never ran");
    assert!(
        r.live_objects < 50_000,
        "{} objects still live",
        r.live_objects
    );
}

#[test]
fn catastrophic_backtracking_in_re_stops_at_the_step_limit() {
    let settings = Settings {
        max_steps: 20_000_000,
        ..Settings::default()
    };
    // 2**40 ways to split the a's: CPython would run for days.
    let r = run("import re\nprint(re.match(r'(a+)+$', 'a' * 40 + '!'))\n", &settings);
    assert_eq!(r.exit_code, 124, "{}", r.stderr());
    assert!(r.stderr().contains("stopped after 20000000 steps"), "{}", r.stderr());
    assert!(r.steps <= 20_010_000, "{}", r.steps);
}
