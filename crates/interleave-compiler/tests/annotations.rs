//! Annotated assignments: `SetupAnnotations` and the `__annotations__` stores of module and
//! class bodies, as CPython 3.11's `compiler_annassign` emits them.

use interleave_compiler::{Code, Constant, Instr, compile_module};

fn compile(src: &str) -> std::rc::Rc<Code> {
    compile_module(src, "t.py").unwrap_or_else(|e| panic!("{}", e.render("t.py")))
}

/// The first nested code object named `name`.
fn find<'c>(code: &'c Code, name: &str) -> &'c Code {
    code.consts
        .iter()
        .find_map(|c| match c {
            Constant::Code(inner) if &*inner.name == name => Some(&**inner),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no code object {name}"))
}

fn name(code: &Code, i: u32) -> &str {
    &code.names[i as usize]
}

#[test]
fn module_annotation_stores_value_then_annotation() {
    let code = compile("x: int = 1\n");
    let i = &code.instrs;
    assert_eq!(i[0], Instr::SetupAnnotations);
    assert!(matches!(i[1], Instr::LoadConst(_)));
    assert!(matches!(i[2], Instr::StoreName(n) if name(&code, n) == "x"));
    assert!(matches!(i[3], Instr::LoadName(n) if name(&code, n) == "int"));
    assert!(matches!(i[4], Instr::LoadName(n) if name(&code, n) == "__annotations__"));
    assert!(matches!(i[5], Instr::LoadConst(c) if code.consts[c as usize] == Constant::Str("x".into())));
    assert_eq!(i[6], Instr::StoreSubscr);
}

#[test]
fn no_setup_without_annotations() {
    let code = compile("x = 1\ndef f():\n    y: int = 2\n");
    assert!(!code.instrs.contains(&Instr::SetupAnnotations));
}

#[test]
fn setup_found_inside_compound_statements() {
    let code = compile("if x:\n    for i in y:\n        z: int\n");
    assert_eq!(code.instrs[0], Instr::SetupAnnotations);
}

#[test]
fn class_body_sets_up_before_docstring_and_mangles() {
    let code = compile("class A:\n    'doc'\n    __p: int\n");
    let a = find(&code, "A");
    let setup = a.instrs.iter().position(|i| *i == Instr::SetupAnnotations).expect("setup");
    let doc = a.instrs.iter().position(|i| matches!(i, Instr::StoreName(n) if name(a, *n) == "__doc__")).expect("doc");
    assert!(setup < doc);
    assert!(a.consts.contains(&Constant::Str("_A__p".into())));
    assert!(!a.instrs.iter().any(|i| matches!(i, Instr::StoreName(n) if name(a, *n) == "_A__p")));
}

#[test]
fn function_annotations_are_not_evaluated() {
    let code = compile("def f():\n    x: undefined = 1\n    y: other\n");
    let f = find(&code, "f");
    assert!(!f.instrs.iter().any(|i| matches!(i, Instr::LoadGlobal(_) | Instr::StoreSubscr)));
}

#[test]
fn complex_targets_evaluate_annotation_only() {
    let code = compile("(x): int = 1\na.b: str\n");
    assert!(!code.instrs.contains(&Instr::StoreSubscr));
    // `a` is evaluated (and dropped) for `a.b: str`, and both annotations are evaluated.
    let loads: Vec<&str> =
        code.instrs.iter().filter_map(|i| if let Instr::LoadName(n) = i { Some(name(&code, *n)) } else { None }).collect();
    assert_eq!(loads, ["int", "a", "str"]);
}
