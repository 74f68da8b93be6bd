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

// ---- Beginner mistakes, each checked against `python3 x.py` (CPython 3.11). ----

#[test]
fn if_assign() {
    check("if x = 1:\n    pass\n", "  File \"x.py\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
}

#[test]
fn while_assign() {
    check("while x = 1:\n    pass\n", "  File \"x.py\", line 1\n    while x = 1:\n          ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n");
}

#[test]
fn if_assign_attribute() {
    check("if x.y = 1:\n    pass\n", "  File \"x.py\", line 1\n    if x.y = 1:\n       ^^^\nSyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?\n");
}

#[test]
fn print_statement_string() {
    check("print \"x\"\n", "  File \"x.py\", line 1\n    print \"x\"\n    ^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
}

#[test]
fn print_statement_name() {
    check("print x\n", "  File \"x.py\", line 1\n    print x\n    ^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n");
}

#[test]
fn else_without_if() {
    check("else:\n    pass\n", "  File \"x.py\", line 1\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n");
}

#[test]
fn elif_without_if() {
    check("elif x:\n    pass\n", "  File \"x.py\", line 1\n    elif x:\n    ^^^^\nSyntaxError: invalid syntax\n");
}

#[test]
fn keyword_class_as_name() {
    check("class = 5\n", "  File \"x.py\", line 1\n    class = 5\n          ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn keyword_def_as_name() {
    check("def = 1\n", "  File \"x.py\", line 1\n    def = 1\n        ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn keyword_in_as_name() {
    check("in = 3\n", "  File \"x.py\", line 1\n    in = 3\n    ^^\nSyntaxError: invalid syntax\n");
}

#[test]
fn fstring_empty() {
    check("x = f\"{}\"\n", "  File \"x.py\", line 1\n    x = f\"{}\"\n             ^\nSyntaxError: f-string: empty expression not allowed\n");
}

#[test]
fn fstring_empty_before_comment() {
    check("x = 1\ny = f\"{ }\"  # comment\n", "  File \"x.py\", line 2\n    y = f\"{ }\"  # comment\n                ^^^^^^^^^\nSyntaxError: f-string: empty expression not allowed\n");
}

#[test]
fn fstring_unclosed_brace() {
    check("x = f\"{a\"\n", "  File \"x.py\", line 1\n    x = f\"{a\"\n             ^\nSyntaxError: f-string: expecting '}'\n");
}

#[test]
fn fstring_bad_conversion() {
    check("print(f\"{x!z}\")\n", "  File \"x.py\", line 1\n    print(f\"{x!z}\")\n                  ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n");
}

#[test]
fn fstring_single_rbrace() {
    check("x = f\"a}b\"\n", "  File \"x.py\", line 1\n    x = f\"a}b\"\n              ^\nSyntaxError: f-string: single '}' is not allowed\n");
}

#[test]
fn fstring_equals_only() {
    check("x = f\"{=}\"\n", "  File \"x.py\", line 1\n    x = f\"{=}\"\n              ^\nSyntaxError: f-string: expression required before '='\n");
}

#[test]
fn fstring_missing_comma() {
    check("x = 1\nz = f\"{a b}\" + \"s\"\n", "  File \"x.py\", line 2\n    (a b)\n     ^^^\nSyntaxError: f-string: invalid syntax. Perhaps you forgot a comma?\n");
}

#[test]
fn fstring_incomplete_expression() {
    check("x = f\"{1 +}\"\n", "  File \"x.py\", line 1\n    (1 +)\n        ^\nSyntaxError: f-string: invalid syntax\n");
}

#[test]
fn fstring_unmatched_paren() {
    check("x = f\"{a)}\"\n", "  File \"x.py\", line 1\n    x = f\"{a)}\"\n               ^\nSyntaxError: f-string: unmatched ')'\n");
}

#[test]
fn assign_true() {
    check("True = 1\n", "  File \"x.py\", line 1\n    True = 1\n    ^^^^\nSyntaxError: cannot assign to True\n");
}

#[test]
fn assign_none() {
    check("None = 1\n", "  File \"x.py\", line 1\n    None = 1\n    ^^^^\nSyntaxError: cannot assign to None\n");
}

#[test]
fn assign_comparison() {
    check("x == 1 = y\n", "  File \"x.py\", line 1\n    x == 1 = y\n    ^^^^^^\nSyntaxError: cannot assign to comparison\n");
}

#[test]
fn assign_yield() {
    check("x = yield = 1\n", "  File \"x.py\", line 1\n    x = yield = 1\n        ^^^^^\nSyntaxError: assignment to yield expression not possible\n");
}

#[test]
fn assign_tuple_element() {
    check("a, 1 = x\n", "  File \"x.py\", line 1\n    a, 1 = x\n       ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n");
}

#[test]
fn assign_list_element() {
    check("[a, f()] = x\n", "  File \"x.py\", line 1\n    [a, f()] = x\n        ^^^\nSyntaxError: cannot assign to function call\n");
}

#[test]
fn assign_chained_literal() {
    check("x.y = 1 = 2\n", "  File \"x.py\", line 1\n    x.y = 1 = 2\n          ^\nSyntaxError: cannot assign to literal\n");
}

#[test]
fn assign_walrus() {
    check("(y := 1) = 2\n", "  File \"x.py\", line 1\n    (y := 1) = 2\n     ^^^^^^\nSyntaxError: cannot assign to named expression here. Maybe you meant '==' instead of '='?\n");
}

#[test]
fn for_target_call() {
    check("for f() in x:\n    pass\n", "  File \"x.py\", line 1\n    for f() in x:\n        ^^^\nSyntaxError: cannot assign to function call\n");
}

#[test]
fn aug_call() {
    check("f() += 1\n", "  File \"x.py\", line 1\n    f() += 1\n    ^^^\nSyntaxError: 'function call' is an illegal expression for augmented assignment\n");
}

#[test]
fn aug_tuple() {
    check("(a, b) += 1\n", "  File \"x.py\", line 1\n    (a, b) += 1\n    ^^^^^^\nSyntaxError: 'tuple' is an illegal expression for augmented assignment\n");
}

#[test]
fn delete_call() {
    check("del a, f()\n", "  File \"x.py\", line 1\n    del a, f()\n           ^^^\nSyntaxError: cannot delete function call\n");
}

#[test]
fn if_without_else() {
    check("x = 1 if y\n", "  File \"x.py\", line 1\n    x = 1 if y\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n");
}

#[test]
fn default_before_plain() {
    check("def f(x=1, y):\n    pass\n", "  File \"x.py\", line 1\n    def f(x=1, y):\n               ^\nSyntaxError: non-default argument follows default argument\n");
}

#[test]
fn positional_after_keyword() {
    check("f(x=1, 2, 3)\n", "  File \"x.py\", line 1\n    f(x=1, 2, 3)\n               ^\nSyntaxError: positional argument follows keyword argument\n");
}

#[test]
fn unpacking_order() {
    check("f(**x, *y)\n", "  File \"x.py\", line 1\n    f(**x, *y)\n           ^\nSyntaxError: iterable argument unpacking follows keyword argument unpacking\n");
}

#[test]
fn dict_key_without_value() {
    check("x = {1: 2, 3}\n", "  File \"x.py\", line 1\n    x = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n");
}

#[test]
fn try_without_except() {
    check("try:\n    x = 1\nprint(x)\n", "  File \"x.py\", line 3\n    print(x)\n    ^^^^^\nSyntaxError: expected 'except' or 'finally' block\n");
}

#[test]
fn else_if() {
    check("if x:\n    pass\nelse if y:\n    pass\n", "  File \"x.py\", line 3\n    else if y:\n         ^^\nSyntaxError: expected ':'\n");
}

#[test]
fn leading_zero() {
    check("x = 08\n", "  File \"x.py\", line 1\n    x = 08\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n");
}

#[test]
fn trailing_underscore() {
    check("x = 1_\n", "  File \"x.py\", line 1\n    x = 1_\n         ^\nSyntaxError: invalid decimal literal\n");
}

#[test]
fn number_then_name() {
    check("x = 3abc\n", "  File \"x.py\", line 1\n    x = 3abc\n        ^\nSyntaxError: invalid decimal literal\n");
}

#[test]
fn duplicate_parameter() {
    check("def f(a, a):\n    pass\n", "  File \"x.py\", line 1\n    def f(a, a):\n             ^\nSyntaxError: duplicate argument 'a' in function definition\n");
}

#[test]
fn duplicate_lambda_parameter() {
    check("lambda a, *, b, **a: 1\n", "  File \"x.py\", line 1\n    lambda a, *, b, **a: 1\n                      ^\nSyntaxError: duplicate argument 'a' in function definition\n");
}

#[test]
fn unterminated_double() {
    check("print(\"hello)\n", "  File \"x.py\", line 1\n    print(\"hello)\n          ^\nSyntaxError: unterminated string literal (detected at line 1)\n");
}

#[test]
fn unclosed_paren_eof() {
    check("print(\"a\"\n", "  File \"x.py\", line 1\n    print(\"a\"\n         ^\nSyntaxError: '(' was never closed\n");
}

#[test]
fn unclosed_bracket_then_lines() {
    check("# comment\nvalues = [1, 2, 3\nprint(values)\n", "  File \"x.py\", line 2\n    values = [1, 2, 3\n             ^\nSyntaxError: '[' was never closed\n");
}

#[test]
fn unclosed_paren_then_statement() {
    check("x = (1 2\ny = 3\n", "  File \"x.py\", line 1\n    x = (1 2\n        ^\nSyntaxError: '(' was never closed\n");
}

#[test]
fn unclosed_after_earlier_error() {
    check("x = = 1\ny = (1,\n", "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn unclosed_def_paren() {
    check("def f(:\n    pass\n", "  File \"x.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n");
}

#[test]
fn string_error_after_parser_error() {
    check("x = = 1\ns = \"abc\n", "  File \"x.py\", line 2\n    s = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n");
}

#[test]
fn unmatched_after_parser_error() {
    check("x = = 1\ny = 1)\n", "  File \"x.py\", line 2\n    y = 1)\n         ^\nSyntaxError: unmatched ')'\n");
}

#[test]
fn extra_paren() {
    check("print(1))\n", "  File \"x.py\", line 1\n    print(1))\n            ^\nSyntaxError: unmatched ')'\n");
}

#[test]
fn missing_comma_call() {
    check("f(a b)\n", "  File \"x.py\", line 1\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
}

#[test]
fn missing_comma_strings() {
    check("print(\"a\" \"b\" c)\n", "  File \"x.py\", line 1\n    print(\"a\" \"b\" c)\n          ^^^^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
}

#[test]
fn missing_comma_parenthesized() {
    check("x = (a b)\n", "  File \"x.py\", line 1\n    x = (a b)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
}

#[test]
fn name_then_string() {
    check("f(a \"x\")\n", "  File \"x.py\", line 1\n    f(a \"x\")\n        ^^^\nSyntaxError: invalid syntax\n");
}

#[test]
fn missing_colon_def() {
    check("def f()\n    return 1\n", "  File \"x.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n");
}

#[test]
fn missing_colon_trailing_blanks() {
    check("if x   \n    pass\n", "  File \"x.py\", line 1\n    if x   \n           ^\nSyntaxError: expected ':'\n");
}

#[test]
fn missing_colon_comment() {
    check("if x  # c\n    pass\n", "  File \"x.py\", line 1\n    if x  # c\n          ^^^\nSyntaxError: expected ':'\n");
}

#[test]
fn bad_dedent() {
    check("if True:\n    x = 1\n   y = 2\n", "  File \"x.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n");
}

#[test]
fn assign_expression_literal() {
    check("# Assignment to a literal is rejected at compile time.\nprint(\"never\")\n1 + 2 = x\n", "  File \"x.py\", line 3\n    1 + 2 = x\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n");
}

