//! Compile errors of the `match` statement, rendered exactly as CPython 3.11 prints them
//! (expectations recorded from `python3 x.py`).

use interleave_compiler::compile_module;

/// Compiles `source` as `x.py` and compares the rendered error with CPython's stderr.
fn check(source: &str, expected: &str) {
    let err = compile_module(source, "x.py").expect_err("expected a syntax error");
    assert_eq!(err.render("x.py"), expected, "source: {source:?}");
}

#[test]
fn name_capture_makes_remaining_patterns_unreachable() {
    check(
        "match v:\n    case x:\n        pass\n    case 1:\n        pass\n",
        "  File \"x.py\", line 2\n    case x:\n         ^\nSyntaxError: name capture 'x' makes remaining patterns unreachable\n",
    );
}

#[test]
fn wildcard_makes_remaining_patterns_unreachable() {
    check(
        "match v:\n    case _:\n        pass\n    case 1:\n        pass\n",
        "  File \"x.py\", line 2\n    case _:\n         ^\nSyntaxError: wildcard makes remaining patterns unreachable\n",
    );
}

#[test]
fn irrefutable_alternative_must_be_last() {
    check(
        "match v:\n    case a | 1:\n        pass\n",
        "  File \"x.py\", line 2\n    case a | 1:\n         ^\nSyntaxError: name capture 'a' makes remaining patterns unreachable\n",
    );
}

#[test]
fn alternatives_bind_different_names() {
    check(
        "match v:\n    case [a] | (b,):\n        pass\n",
        "  File \"x.py\", line 2\n    case [a] | (b,):\n                ^\nSyntaxError: alternative patterns bind different names\n",
    );
}

#[test]
fn alternatives_bind_different_counts() {
    check(
        "match v:\n    case [a, b] | [a]:\n        pass\n",
        "  File \"x.py\", line 2\n    case [a, b] | [a]:\n                   ^\nSyntaxError: alternative patterns bind different names\n",
    );
}

#[test]
fn name_bound_twice_in_sequence() {
    check(
        "match v:\n    case [a, a]:\n        pass\n",
        "  File \"x.py\", line 2\n    case [a, a]:\n             ^\nSyntaxError: multiple assignments to name 'a' in pattern\n",
    );
}

#[test]
fn rest_bound_twice() {
    check(
        "match v:\n    case {'k': a, **a}:\n        pass\n",
        "  File \"x.py\", line 2\n    case {'k': a, **a}:\n               ^\nSyntaxError: multiple assignments to name 'a' in pattern\n",
    );
}

#[test]
fn as_binds_twice() {
    check(
        "match v:\n    case (x as y) as x:\n        pass\n",
        "  File \"x.py\", line 2\n    case (x as y) as x:\n          ^\nSyntaxError: multiple assignments to name 'x' in pattern\n",
    );
}

#[test]
fn attribute_repeated_in_class_pattern() {
    check(
        "match v:\n    case C(a=1, a=2):\n        pass\n",
        "  File \"x.py\", line 2\n    case C(a=1, a=2):\n                  ^\nSyntaxError: attribute name repeated in class pattern: a\n",
    );
}

#[test]
fn duplicate_literal_key() {
    check(
        "match v:\n    case {1: a, True: b}:\n        pass\n",
        "  File \"x.py\", line 2\n    case {1: a, True: b}:\n         ^^^^^^^^^^^^^^^\nSyntaxError: mapping pattern checks duplicate key (True)\n",
    );
}

#[test]
fn two_stars() {
    check(
        "match v:\n    case [*a, *b]:\n        pass\n",
        "  File \"x.py\", line 2\n    case [*a, *b]:\n         ^^^^^^^^\nSyntaxError: multiple starred names in sequence pattern\n",
    );
}

#[test]
fn guarded_capture_is_allowed_then_unreachable_default() {
    check(
        "match v:\n    case x if x:\n        pass\n    case y:\n        pass\n    case _:\n        pass\n",
        "  File \"x.py\", line 4\n    case y:\n         ^\nSyntaxError: name capture 'y' makes remaining patterns unreachable\n",
    );
}
