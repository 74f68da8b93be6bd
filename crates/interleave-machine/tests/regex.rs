//! `re`'s matcher charges virtual time for the work it does, so a long search costs like the
//! loop a program would write instead.

use interleave_machine::{Settings, run_program};

/// The steps of a run that imports `re`, compiles a pattern and searches `n` characters.
fn search_steps(n: usize) -> u64 {
    let src = format!("import re\np = re.compile(r'(x|y)z')\ns = 'ab' * {}\nprint(p.search(s))\n", n / 2);
    let r = run_program(&src, "/prog.py", &Settings::default());
    assert_eq!(r.stdout(), "None\n", "{}", r.stderr());
    r.steps
}

#[test]
fn a_search_costs_steps_in_proportion_to_the_text() {
    let base = search_steps(0);
    let short = search_steps(10_000) - base;
    let long = search_steps(100_000) - base;
    // At least one step per position tried, and ten times the text is about ten times the work.
    assert!(short >= 10_000, "{short}");
    assert!(long >= 9 * short && long <= 11 * short, "{short} {long}");
}
