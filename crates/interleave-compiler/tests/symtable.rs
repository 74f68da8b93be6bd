//! Scope analysis results and scope errors.

use interleave_compiler::analyze_scopes;
use interleave_compiler::symtable::NameScope;

#[test]
fn function_scopes() {
    let t = analyze_scopes("g = 1\ndef f(a):\n    global h\n    b = a + g\n    h = 2\n    def inner():\n        nonlocal b\n        b = 3\n        return a\n").expect("ok");
    let f = &t.scopes[t.scopes[0].children[0]];
    assert_eq!(f.lookup("a"), NameScope::Cell);
    assert_eq!(f.lookup("b"), NameScope::Cell);
    assert_eq!(f.lookup("g"), NameScope::GlobalImplicit);
    assert_eq!(f.lookup("h"), NameScope::GlobalExplicit);
    let inner = &t.scopes[f.children[0]];
    assert_eq!(inner.lookup("a"), NameScope::Free);
    assert_eq!(inner.lookup("b"), NameScope::Free);
    assert_eq!(inner.freevars, ["a", "b"]);
}

#[test]
fn class_scope_names_are_not_visible_in_methods() {
    let t = analyze_scopes("class C:\n    x = 1\n    def m(self):\n        return x\n").expect("ok");
    let c = &t.scopes[t.scopes[0].children[0]];
    let m = &t.scopes[c.children[0]];
    assert_eq!(m.lookup("x"), NameScope::GlobalImplicit);
    assert!(!c.needs_class_cell);
}

#[test]
fn super_gives_class_cell() {
    let t = analyze_scopes("class C:\n    def m(self):\n        super().m()\n").expect("ok");
    let c = &t.scopes[t.scopes[0].children[0]];
    assert!(c.needs_class_cell);
    assert_eq!(c.cellvars, ["__class__"]);
    assert_eq!(t.scopes[c.children[0]].freevars, ["__class__"]);
}

#[test]
fn comprehension_scope_and_walrus() {
    let t = analyze_scopes("def f(xs):\n    ys = [y := x for x in xs]\n    return y\n").expect("ok");
    let f = &t.scopes[t.scopes[0].children[0]];
    assert_eq!(f.lookup("y"), NameScope::Cell);
    let comp = &t.scopes[f.children[0]];
    assert_eq!(comp.lookup("x"), NameScope::Local);
    assert_eq!(comp.lookup("y"), NameScope::Free);
    // The outermost iterable is evaluated in the enclosing scope.
    assert_eq!(comp.lookup("xs"), NameScope::GlobalImplicit);
}

#[test]
fn scope_errors_match_cpython() {
    for (src, msg) in [
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration"),
        ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration"),
        ("def f(a):\n    global a\n", "name 'a' is parameter and global"),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level"),
        ("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found"),
    ] {
        let err = analyze_scopes(src).expect_err(src);
        assert_eq!(err.message, msg);
    }
}
