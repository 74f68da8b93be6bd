//! Nesting limits: deep input is rejected before parsing, without overflowing small stacks.

use interleave_compiler::{CompileErrorKind, compile_module};

/// Runs `f` on a thread with a 256 KiB stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let handle = std::thread::Builder::new().stack_size(256 * 1024).spawn(f).expect("spawn");
    handle.join().expect("thread overflowed or panicked")
}

#[test]
fn thousand_nested_parens_is_a_clean_error() {
    let src = format!("x = {}1{}\n", "(".repeat(1000), ")".repeat(1000));
    let rendered = on_small_stack(move || compile_module(&src, "x.py").expect_err("too deep").render("x.py"));
    assert!(rendered.ends_with("SyntaxError: too many nested parentheses\n"), "{rendered}");
}

#[test]
fn parens_limit_matches_cpython() {
    // CPython 3.11 accepts 200 levels and rejects the 201st bracket, caret on it.
    let ok = format!("x = {}1{}\n", "(".repeat(199), ")".repeat(199));
    let ok = std::thread::Builder::new().stack_size(8 << 20).spawn(move || compile_module(&ok, "x.py").is_ok());
    assert!(ok.expect("spawn").join().expect("join"));
    let err = compile_module(&format!("x = {}{}\n", "(".repeat(201), ")".repeat(201)), "x.py").expect_err("201");
    assert_eq!(err.message, "too many nested parentheses");
    assert_eq!(err.offset, 205);
}

#[test]
fn deep_brackets_inside_fstrings_are_rejected() {
    let src = format!("x = f'{{{}1{}}}'\n", "(".repeat(500), ")".repeat(500));
    let err = on_small_stack(move || compile_module(&src, "x.py").expect_err("deep").message);
    assert_eq!(err, "too many nested parentheses");
}

#[test]
fn long_operator_chains_are_rejected() {
    let src = format!("x = {}1\n", "not ".repeat(100_000));
    let kind = on_small_stack(move || compile_module(&src, "x.py").expect_err("deep").kind);
    assert_eq!(kind, CompileErrorKind::NotImplemented);
    let src = format!("x = {}1\n", "-".repeat(100_000));
    assert!(on_small_stack(move || compile_module(&src, "x.py").is_err()));
}

#[test]
fn many_flat_items_are_fine() {
    let items: Vec<String> = (0..5000).map(|i| format!("a.b{i}")).collect();
    let src = format!("x = [{}]\n", items.join(", "));
    assert!(compile_module(&src, "x.py").is_ok());
}

#[test]
fn indentation_levels_limit() {
    let mut src = String::new();
    for i in 0..101 {
        src.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    src.push_str(&format!("{}pass\n", " ".repeat(101)));
    let err = on_small_stack(move || compile_module(&src, "x.py").expect_err("deep"));
    assert_eq!(err.render("x.py"), "  File \"x.py\", line 101\n    if x:\nIndentationError: too many levels of indentation\n");
}

#[test]
fn statically_nested_blocks_limit() {
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&format!("{}for x in y:\n", "    ".repeat(i)));
    }
    src.push_str(&format!("{}pass\n", "    ".repeat(21)));
    let err = compile_module(&src, "x.py").expect_err("too many blocks");
    // Recorded from python3.11.
    assert_eq!(
        err.render("x.py"),
        "  File \"x.py\", line 21\n    for x in y:\n    ^^^^^^^^^^^\nSyntaxError: too many statically nested blocks\n"
    );
    let ok: String = src.lines().skip(1).map(|l| format!("{}\n", &l[4..])).collect();
    assert!(compile_module(&ok, "x.py").is_ok());
}
