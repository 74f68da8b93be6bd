//! Code generation: key instruction sequences, locations and code-object metadata.

use interleave_compiler::{BinOp, Code, Constant, Instr, Location, compile_module};

fn compile(src: &str) -> std::rc::Rc<Code> {
    compile_module(src, "t.py").unwrap_or_else(|e| panic!("{}", e.render("t.py")))
}

/// The first nested code object named `name` (depth-first).
fn find<'c>(code: &'c Code, name: &str) -> Option<&'c Code> {
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            if &*inner.name == name {
                return Some(inner);
            }
            if let Some(found) = find(inner, name) {
                return Some(found);
            }
        }
    }
    None
}

/// Does `instrs` contain `seq` as a contiguous run?
fn contains(instrs: &[Instr], seq: &[Instr]) -> bool {
    instrs.windows(seq.len()).any(|w| w == seq)
}

#[test]
fn module_returns_none_and_uses_names() {
    let code = compile("x = 1\n");
    assert!(code.flags.uses_locals_mapping);
    assert_eq!(code.instrs, vec![Instr::LoadConst(0), Instr::StoreName(0), Instr::LoadConst(1), Instr::ReturnValue]);
    assert_eq!(code.consts, vec![Constant::Int(1), Constant::None]);
}

#[test]
fn chained_assignment_copies() {
    let code = compile("a = b = 1\n");
    assert!(contains(&code.instrs, &[Instr::LoadConst(0), Instr::Copy(1), Instr::StoreName(0), Instr::StoreName(1)]));
}

#[test]
fn big_int_and_negative_constants() {
    let code = compile("x = 123456789012345678901234567890\ny = -5\nz = 0xffffffffffffffffff\n");
    assert!(code.consts.contains(&Constant::BigInt("123456789012345678901234567890".into())));
    assert!(code.consts.contains(&Constant::Int(-5)));
    assert!(code.consts.contains(&Constant::BigInt("4722366482869645213695".into())));
}

#[test]
fn function_locals_and_globals() {
    let code = compile("g = 1\ndef f(a, b=2, *args, k, **kw):\n    x = a + g\n    return x\n");
    let f = find(&code, "f").expect("f");
    assert_eq!(f.argcount, 2);
    assert_eq!(f.kwonlyargcount, 1);
    assert!(f.flags.varargs && f.flags.varkeywords && !f.flags.uses_locals_mapping);
    let names: Vec<&str> = f.varnames.iter().map(|s| &**s).collect();
    assert_eq!(names, ["a", "b", "k", "args", "kw", "x"]);
    assert!(contains(
        &f.instrs,
        &[Instr::LoadFast(0), Instr::LoadGlobal(0), Instr::BinaryOp(BinOp::Add), Instr::StoreFast(5)]
    ));
}

#[test]
fn method_call_and_keywords() {
    let code = compile("o.m(1, k=2)\n");
    assert!(matches!(code.instrs[1], Instr::LoadMethod(_)));
    assert!(code.instrs.iter().any(|i| matches!(i, Instr::CallKw { argc: 2, .. })));
    let plain = compile("f(1)\n");
    assert_eq!(&plain.instrs[..4], &[Instr::PushNull, Instr::LoadName(0), Instr::LoadConst(0), Instr::Call(1)]);
}

#[test]
fn star_call_uses_call_ex() {
    let code = compile("f(*a, **k)\n");
    assert!(code.instrs.contains(&Instr::CallEx { kwargs: true }));
    assert!(code.instrs.contains(&Instr::DictMerge(1)));
}

#[test]
fn closures_cells_and_free_vars() {
    let code = compile("def outer(a):\n    def inner():\n        return a\n    return inner\n");
    let outer = find(&code, "outer").expect("outer");
    assert_eq!(outer.cellvars.len(), 1);
    assert_eq!(outer.cell_params, vec![Some(0)]);
    let inner = find(outer, "inner").expect("inner");
    assert_eq!(&*inner.freevars[0], "a");
    assert_eq!(&*inner.qualname, "outer.<locals>.inner");
    assert!(inner.instrs.contains(&Instr::LoadDeref(0)));
    assert!(contains(&outer.instrs, &[Instr::LoadClosure(0), Instr::BuildTuple(1)]));
}

#[test]
fn class_body_and_super_cell() {
    let code = compile("class C(B):\n    def m(self):\n        return super().m()\n");
    let c = find(&code, "C").expect("C");
    assert!(c.flags.uses_locals_mapping);
    assert!(matches!(&c.instrs[..4], [Instr::LoadName(_), Instr::StoreName(_), Instr::LoadConst(_), Instr::StoreName(_)]));
    assert_eq!(&*c.cellvars[0], "__class__");
    assert_eq!(&c.instrs[c.instrs.len() - 2..], &[Instr::LoadClosure(0), Instr::ReturnValue]);
    let m = find(c, "m").expect("m");
    assert_eq!(&*m.freevars[0], "__class__");
    assert_eq!(&*m.qualname, "C.m");
    assert!(code.instrs.contains(&Instr::BuildClass { nbases: 1 }));
}

#[test]
fn class_keywords_not_implemented() {
    let err = compile_module("class C(metaclass=M):\n    pass\n", "t.py").expect_err("metaclass");
    assert!(err.render("t.py").starts_with("NotImplementedError: class keyword arguments"));
}

#[test]
fn decorated_def_first_line_is_decorator() {
    let code = compile("@d\ndef f():\n    pass\n");
    let f = find(&code, "f").expect("f");
    assert_eq!(f.first_line, 1);
    assert_eq!(&code.instrs[..4], &[Instr::LoadName(0), Instr::LoadConst(0), Instr::MakeFunction(Default::default()), Instr::Call(0)]);
}

#[test]
fn with_statement_shape() {
    let code = compile("with m as x:\n    y\n");
    let expected = [
        Instr::LoadName(0),
        Instr::BeforeWith,
        Instr::Call(0),
        Instr::StoreName(1),
        Instr::SetupFinally(15),
        Instr::LoadName(2),
        Instr::PopTop,
        Instr::PopBlock,
        Instr::PushNull,
        Instr::Swap(2),
        Instr::LoadConst(0),
        Instr::LoadConst(0),
        Instr::LoadConst(0),
        Instr::Call(3),
        Instr::PopTop,
        Instr::Jump(22),
        Instr::WithExceptStart,
        Instr::Call(3),
        Instr::PopJumpIfTrue(20),
        Instr::Reraise,
        Instr::PopExcept,
        Instr::PopTop,
    ];
    // SetupFinally targets the WithExceptStart at index 16, the normal path jumps past the handler.
    let mut fixed = expected.to_vec();
    fixed[4] = Instr::SetupFinally(16);
    assert_eq!(&code.instrs[..22], &fixed[..]);
}

#[test]
fn except_clause_shape() {
    let code = compile("try:\n    a\nexcept E as e:\n    b\n");
    let i = code.instrs.iter().position(|i| *i == Instr::CheckExcMatch).expect("match");
    assert!(matches!(code.instrs[i - 1], Instr::LoadName(_)));
    assert!(matches!(code.instrs[i + 1], Instr::PopJumpIfFalse(_)));
    assert_eq!(code.instrs[i + 2], Instr::Copy(1));
    assert!(matches!(code.instrs[i + 3], Instr::StoreName(_)));
    // The implicit `del e`, and the unmatched chain re-raises.
    assert!(code.instrs.iter().any(|i| matches!(i, Instr::DeleteName(_))));
    assert!(code.instrs.contains(&Instr::Reraise));
}

#[test]
fn return_through_finally_inlines_the_finally_body() {
    let code = compile("def f():\n    try:\n        return 1\n    finally:\n        g()\n");
    let f = find(&code, "f").expect("f");
    let ret = f.instrs.iter().position(|i| *i == Instr::ReturnValue).expect("return");
    assert!(f.instrs[..ret].contains(&Instr::PopBlock));
    assert!(f.instrs[..ret].iter().any(|i| matches!(i, Instr::LoadGlobal(_))));
}

#[test]
fn return_through_with_keeps_value() {
    let code = compile("def f():\n    with m:\n        return 1\n");
    let f = find(&code, "f").expect("f");
    assert!(contains(&f.instrs, &[Instr::LoadConst(0), Instr::PopBlock, Instr::Swap(2), Instr::PushNull, Instr::Swap(2)]));
}

#[test]
fn augmented_assignment_on_subscript_and_attribute() {
    let code = compile("a[i] += 1\no.x *= 2\n");
    assert!(contains(&code.instrs, &[Instr::Copy(2), Instr::Copy(2), Instr::BinarySubscr]));
    assert!(contains(&code.instrs, &[Instr::BinaryOp(BinOp::InplaceAdd), Instr::Swap(3), Instr::Swap(2), Instr::StoreSubscr]));
    assert!(contains(&code.instrs, &[Instr::BinaryOp(BinOp::InplaceMultiply), Instr::Swap(2)]));
}

#[test]
fn comprehension_is_a_nested_function() {
    let code = compile("y = [i for i in xs if i]\n");
    let lc = find(&code, "<listcomp>").expect("listcomp");
    assert_eq!(lc.argcount, 1);
    assert_eq!(&*lc.varnames[0], ".0");
    assert_eq!(lc.instrs[0], Instr::BuildList(0));
    assert!(lc.instrs.contains(&Instr::ListAppend(2)));
    assert!(contains(&code.instrs, &[Instr::LoadName(0), Instr::GetIter, Instr::Call(0)]));
    let g = compile("g = (x for x in y)\n");
    let ge = find(&g, "<genexpr>").expect("genexpr");
    assert!(ge.flags.generator && ge.instrs.contains(&Instr::YieldValue));
}

#[test]
fn fstring_with_nested_spec() {
    let code = compile("s = f'a{x!r:>{w}}b'\n");
    assert!(code.instrs.iter().any(|i| matches!(i, Instr::FormatValue { spec: true, .. })));
    assert!(code.instrs.contains(&Instr::BuildString(3)));
}

#[test]
fn assert_evaluates_message_only_on_failure() {
    let code = compile("assert x, 'm'\n");
    assert!(contains(&code.instrs, &[Instr::LoadAssertionError, Instr::LoadConst(0), Instr::Call(0), Instr::Raise(1)]));
    assert!(matches!(code.instrs[1], Instr::PopJumpIfTrue(_)));
}

#[test]
fn binop_and_call_locations() {
    let code = compile("x = 1\ny = (x +\n     2) * f(3)\n");
    let i = code.instrs.iter().position(|i| *i == Instr::BinaryOp(BinOp::Add)).expect("add");
    assert_eq!(code.locations[i], Location { line: 2, end_line: 3, col: 5, end_col: 6 });
    let c = code.instrs.iter().position(|i| *i == Instr::Call(1)).expect("call");
    assert_eq!(code.locations[c], Location { line: 3, end_line: 3, col: 10, end_col: 14 });
    let m = code.instrs.iter().position(|i| *i == Instr::BinaryOp(BinOp::Multiply)).expect("mul");
    assert_eq!(code.locations[m], Location { line: 2, end_line: 3, col: 4, end_col: 14 });
}

#[test]
fn raise_location_is_the_statement() {
    let code = compile("if x:\n    raise E('m') from None\n");
    let r = code.instrs.iter().position(|i| *i == Instr::Raise(2)).expect("raise");
    assert_eq!(code.locations[r], Location { line: 2, end_line: 2, col: 4, end_col: 26 });
}

#[test]
fn imports() {
    let code = compile("import a.b\nimport a.b as c\nfrom x import y as z\nfrom m import *\n");
    assert!(code.instrs.contains(&Instr::ImportStar));
    assert!(code.instrs.iter().filter(|i| matches!(i, Instr::ImportFrom(_))).count() == 2);
}

#[test]
fn docstrings_generate_no_code() {
    let code = compile("'doc'\ndef f():\n    'doc'\n    return 1\n");
    let f = find(&code, "f").expect("f");
    assert_eq!(f.instrs, vec![Instr::LoadConst(0), Instr::ReturnValue]);
}

#[test]
fn break_and_continue_in_for() {
    let code = compile("for i in x:\n    if i:\n        break\n    continue\nelse:\n    y\n");
    assert!(code.instrs.iter().filter(|i| matches!(i, Instr::Jump(_))).count() >= 2);
    assert!(code.instrs.iter().any(|i| matches!(i, Instr::ForIter(_))));
}

#[test]
fn unsupported_features_are_errors() {
    let src = "try:\n    pass\nexcept* ValueError:\n    pass\n";
    let err = compile_module(src, "t.py").expect_err(src);
    assert!(err.render("t.py").starts_with("NotImplementedError: 'except*' is not supported yet"), "{}", err.render("t.py"));
}

#[test]
fn async_generators_are_generator_frames_flagged_async_generator() {
    let code = compile("async def f():\n    x = yield 1\n    await x\n");
    let Some(Constant::Code(f)) = code.consts.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!("no code constant")
    };
    assert!(f.flags.async_generator && f.flags.generator && f.flags.coroutine);
    assert!(f.instrs.contains(&Instr::YieldValue) && f.instrs.contains(&Instr::YieldFrom));
    let genexpr = compile("async def g(xs):\n    return (x async for x in xs)\n");
    let Some(Constant::Code(g)) = genexpr.consts.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!("no code constant")
    };
    let Some(Constant::Code(inner)) = g.consts.iter().find(|c| matches!(c, Constant::Code(_))) else {
        panic!("no genexpr code")
    };
    assert!(inner.flags.async_generator, "an async generator expression is an async generator");
    assert!(!g.instrs.contains(&Instr::YieldFrom), "calling it is not awaited");
    for (src, msg) in [
        ("async def f():\n    yield 1\n    return 2\n", "'return' with value in async generator"),
        ("async def f():\n    yield from x\n", "'yield from' inside async function"),
    ] {
        let err = compile_module(src, "t.py").expect_err(src);
        assert!(err.render("t.py").contains(msg), "{}", err.render("t.py"));
    }
}

#[test]
fn set_display_of_three_constants_is_a_frozenset_constant() {
    let code = compile("a = {3, 1, 3}\nb = {1, 2}\nc = {1, 2, x}\n");
    let items = vec![Constant::Int(3), Constant::Int(1), Constant::Int(3)];
    assert_eq!(code.consts[0], Constant::FrozenSet(items.into()));
    assert!(contains(&code.instrs, &[Instr::BuildSet(0), Instr::LoadConst(0), Instr::SetUpdate(1), Instr::StoreName(0)]));
    assert!(contains(&code.instrs, &[Instr::BuildSet(2), Instr::StoreName(1)]));
    assert!(contains(&code.instrs, &[Instr::BuildSet(3), Instr::StoreName(3)]));
}
