//! Syntax errors rendered exactly as CPython 3.11 prints them (expectations recorded from `python3 x.py`).

use interleave_compiler::compile_module;

/// Compiles `source` as `x.py` and compares the rendered error with CPython's stderr.
fn check(source: &str, expected: &str) {
    let err = compile_module(source, "x.py").expect_err("expected a syntax error");
    assert_eq!(err.render("x.py"), expected, "source: {source:?}");
}

#[test]
fn unclosed_paren() {
    check("x = (1 +\n", "  File \"x.py\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n");
}

#[test]
fn invalid() {
    check("x = 1 +\n", "  File \"x.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn expected_colon() {
    check("if x\n    pass\n", "  File \"x.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n");
}

#[test]
fn unterminated() {
    check("s = 'abc\n", "  File \"x.py\", line 1\n    s = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
}

#[test]
fn unexpected_indent() {
    check("x = 1\n    y = 2\n", "  File \"x.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n");
}

#[test]
fn expected_block() {
    check("if x:\npass\n", "  File \"x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n");
}

#[test]
fn unindent() {
    check("if x:\n        a\n    b\n", "  File \"x.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n");
}

#[test]
fn comma() {
    check("print(1 2)\n", "  File \"x.py\", line 1\n    print(1 2)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
}

#[test]
fn literal() {
    check("1 = x\n", "  File \"x.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
}

#[test]
fn return_outside() {
    check("return 1\n", "  File \"x.py\", line 1\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n");
}

#[test]
fn break_outside() {
    check("break\n", "  File \"x.py\", line 1\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n");
}

#[test]
fn continue_outside() {
    check("continue\n", "  File \"x.py\", line 1\n    continue\n    ^^^^^^^^\nSyntaxError: 'continue' not properly in loop\n");
}

#[test]
fn indented_ws() {
    check("if x:\n    y = (1,\n", "  File \"x.py\", line 2\n    y = (1,\n        ^\nSyntaxError: '(' was never closed\n");
}

#[test]
fn unicode() {
    check("é = ('ü' +\n", "  File \"x.py\", line 1\n    é = ('ü' +\n         ^\nSyntaxError: '(' was never closed\n");
}

#[test]
fn def_block() {
    check("def f():\nreturn 1\n", "  File \"x.py\", line 2\n    return 1\n    ^\nIndentationError: expected an indented block after function definition on line 1\n");
}

#[test]
fn for_block() {
    check("for x in y:\nz\n", "  File \"x.py\", line 2\n    z\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n");
}

#[test]
fn while_block() {
    check("while x:\nz\n", "  File \"x.py\", line 2\n    z\n    ^\nIndentationError: expected an indented block after 'while' statement on line 1\n");
}

#[test]
fn class_block() {
    check("class C:\nz\n", "  File \"x.py\", line 2\n    z\n    ^\nIndentationError: expected an indented block after class definition on line 1\n");
}

#[test]
fn try_block() {
    check("try:\nz\n", "  File \"x.py\", line 2\n    z\n    ^\nIndentationError: expected an indented block after 'try' statement on line 1\n");
}

#[test]
fn global_after() {
    check("def f():\n    x = 1\n    global x\n", "  File \"x.py\", line 3\n    global x\n    ^^^^^^^^\nSyntaxError: name 'x' is assigned to before global declaration\n");
}

#[test]
fn global_used() {
    check("def f():\n    print(x)\n    global x\n", "  File \"x.py\", line 3\n    global x\n    ^^^^^^^^\nSyntaxError: name 'x' is used prior to global declaration\n");
}

#[test]
fn nonlocal_mod() {
    check("nonlocal x\n", "  File \"x.py\", line 1\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: nonlocal declaration not allowed at module level\n");
}

#[test]
fn nonlocal_nobind() {
    check("def f():\n    nonlocal x\n", "  File \"x.py\", line 2\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: no binding for nonlocal 'x' found\n");
}

#[test]
fn yield_outside() {
    check("yield 1\n", "  File \"x.py\", line 1\n    yield 1\n    ^^^^^^^\nSyntaxError: 'yield' outside function\n");
}

#[test]
fn assign_call() {
    check("f() = 1\n", "  File \"x.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n");
}

#[test]
fn bad_token() {
    check("x = $\n", "  File \"x.py\", line 1\n    x = $\n        ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn tab() {
    check("if x:\n\ty\n        z\n", "  File \"x.py\", line 3\n    z\nTabError: inconsistent use of tabs and spaces in indentation\n");
}

#[test]
fn unclosed_bracket_multiline() {
    check("x = [1,\n2,\n", "  File \"x.py\", line 1\n    x = [1,\n        ^\nSyntaxError: '[' was never closed\n");
}

#[test]
fn mismatch() {
    check("x = (1]\n", "  File \"x.py\", line 1\n    x = (1]\n          ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n");
}

#[test]
fn unmatched() {
    check("x = 1)\n", "  File \"x.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n");
}

#[test]
fn param_global() {
    check("def f(a):\n    global a\n", "  File \"x.py\", line 2\n    global a\n    ^^^^^^^^\nSyntaxError: name 'a' is parameter and global\n");
}

#[test]
fn triple() {
    check("s = '''abc\n", "  File \"x.py\", line 1\n    s = '''abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 1)\n");
}

#[test]
fn else_block() {
    check("if x:\n    y\nelse:\nz\n", "  File \"x.py\", line 4\n    z\n    ^\nIndentationError: expected an indented block after 'else' statement on line 3\n");
}

#[test]
fn with_block() {
    check("with x:\nz\n", "  File \"x.py\", line 2\n    z\n    ^\nIndentationError: expected an indented block after 'with' statement on line 1\n");
}

#[test]
fn elif_block() {
    check("if x:\n    y\nelif z:\nw\n", "  File \"x.py\", line 4\n    w\n    ^\nIndentationError: expected an indented block after 'elif' statement on line 3\n");
}

#[test]
fn except_block() {
    check("try:\n    x\nexcept E:\ny\n", "  File \"x.py\", line 4\n    y\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n");
}

#[test]
fn finally_block() {
    check("try:\n    x\nfinally:\ny\n", "  File \"x.py\", line 4\n    y\n    ^\nIndentationError: expected an indented block after 'finally' statement on line 3\n");
}

#[test]
fn aug_literal() {
    check("1 += 2\n", "  File \"x.py\", line 1\n    1 += 2\n    ^\nSyntaxError: 'literal' is an illegal expression for augmented assignment\n");
}

#[test]
fn del_literal() {
    check("del 1\n", "  File \"x.py\", line 1\n    del 1\n        ^\nSyntaxError: cannot delete literal\n");
}

#[test]
fn assign_expr_op() {
    check("a + 1 = 2\n", "  File \"x.py\", line 1\n    a + 1 = 2\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n");
}

#[test]
fn eof_in_def() {
    check("def f(:\n", "  File \"x.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn star_assign() {
    check("*a = 1\n", "  File \"x.py\", line 1\n    *a = 1\n    ^^\nSyntaxError: starred assignment target must be in a list or tuple\n");
}

#[test]
fn invalid_syntax2() {
    check("x = = 1\n", "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn missing_comma_list() {
    check("[1 2]\n", "  File \"x.py\", line 1\n    [1 2]\n     ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
}
