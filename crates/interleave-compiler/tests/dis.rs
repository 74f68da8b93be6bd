//! Disassembly layout (CPython 3.11 `dis.dis` shape).

use interleave_compiler::{compile_module, disassemble};

#[test]
fn module_and_nested_code() {
    let code = compile_module("def f(a):\n    return a + 1\nwhile x:\n    f(2)\n", "t.py").expect("ok");
    let text = disassemble(&code, true);
    let expected = "  1           0 LOAD_CONST               0 (<code object f at 0x7f0000001000, file \"t.py\", line 1>)
              2 MAKE_FUNCTION            0
              4 STORE_NAME               0 (f)

  3     >>    6 LOAD_NAME                1 (x)
              8 POP_JUMP_FORWARD_IF_FALSE    11 (to 22)

  4          10 PUSH_NULL
             12 LOAD_NAME                0 (f)
             14 LOAD_CONST               1 (2)
             16 CALL                     1
             18 POP_TOP

  3          20 JUMP_BACKWARD            3 (to 6)
        >>   22 LOAD_CONST               2 (None)
             24 RETURN_VALUE

Disassembly of <code object f at 0x7f0000001000, file \"t.py\", line 1>:
  2           0 LOAD_FAST                0 (a)
              2 LOAD_CONST               0 (1)
              4 BINARY_OP                0 (+)
              6 RETURN_VALUE
";
    assert_eq!(text, expected);
    assert!(!disassemble(&code, false).contains("Disassembly of"));
}

#[test]
fn constant_reprs() {
    let code = compile_module("x = ('a\\'', b'\\x00', 1.5e-07, 2j, 1e16, None, ...)\n", "t.py").expect("ok");
    let text = disassemble(&code, false);
    assert!(text.contains("((\"a'\", b'\\x00', 1.5e-07, 2j, 1e+16, None, Ellipsis))"), "{text}");
}
