//! Ruff's parse errors reworded and repositioned as CPython 3.11 reports them.
//!
//! Ruff recovers from errors and still builds a syntax tree; the mapping reads that tree to
//! name the offending expression ("cannot assign to function call") and to find the ranges
//! CPython's error rules highlight.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, walk_expr, walk_stmt};
use ruff_python_ast::{self as ast, Expr, ModModule, Stmt};
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::{CompileError, CompileErrorKind};
use crate::fstring_error::fstring_error;
use crate::line_index::LineIndex;
use crate::parse::error_at;
use crate::scan::StringSpan;

/// What the error mapping may consult besides the error itself.
pub struct ErrorContext<'s> {
    pub source: &'s str,
    pub index: &'s LineIndex<'s>,
    /// The tree Ruff recovered despite the error.
    pub module: &'s ModModule,
    /// The string literals, from the scanner.
    pub strings: &'s [StringSpan],
}

impl ErrorContext<'_> {
    pub fn syntax(&self, msg: &str, range: TextRange) -> CompileError {
        error_at(self.index, CompileErrorKind::SyntaxError, msg, range)
    }

    fn text(&self, range: TextRange) -> &str {
        self.source.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
    }

    /// Every statement and expression of the tree, outer ones first.
    fn nodes(&self) -> Nodes<'_> {
        let mut nodes = Nodes::default();
        for stmt in &self.module.body {
            nodes.visit_stmt(stmt);
        }
        nodes
    }
}

/// All nodes of a tree in source order (error paths only, so a full walk is fine).
#[derive(Default)]
struct Nodes<'a> {
    stmts: Vec<&'a Stmt>,
    exprs: Vec<&'a Expr>,
}

impl<'a> SourceOrderVisitor<'a> for Nodes<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.stmts.push(stmt);
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.exprs.push(expr);
        walk_expr(self, expr);
    }
}

/// CPython's hint for two expressions side by side inside brackets.
pub const FORGOT_COMMA: &str = "invalid syntax. Perhaps you forgot a comma?";

/// Rewords one Ruff error as CPython 3.11 reports it.
pub fn map_error(err: &ParseError, cx: &ErrorContext<'_>) -> CompileError {
    let range = err.location;
    let start = range.start();
    if let Some(e) = fstring_error(err, cx) {
        return e;
    }
    match &err.error {
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found } => {
            if *found == TokenKind::Equal
                && let Some(e) = equals_in_condition(cx, start)
            {
                return e;
            }
            if innermost_expr(cx, start).is_some_and(|e| matches!(e, Expr::Dict(_))) {
                let key_end = prev_token_end(cx.source, start);
                if let Some(key) = cx.nodes().exprs.into_iter().find(|e| e.end() == key_end) {
                    return cx.syntax("':' expected after dictionary key", TextRange::empty(key.start()));
                }
            }
            cx.syntax("expected ':'", found_token(cx.source, range, *found))
        }
        ParseErrorType::ExpectedToken { expected, found }
            if matches!(expected, TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace)
                && starts_expression(*found)
                && !name_then_string(cx, start, *found) =>
        {
            let begin = prev_expression_start(cx, start);
            cx.syntax(FORGOT_COMMA, TextRange::new(begin, range.end()))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => match if_without_else(cx, start) {
            Some(r) => cx.syntax("expected 'else' after 'if' expression", r),
            None => generic(cx, start),
        },
        ParseErrorType::SimpleStatementsOnSameLine => same_line(cx, start),
        ParseErrorType::UnexpectedIndentation => {
            let (line, _) = cx.index.line_col(start.into());
            CompileError {
                kind: CompileErrorKind::IndentationError,
                message: "unexpected indent".into(),
                line,
                offset: 0,
                end_line: line,
                end_offset: 0,
                text: cx.index.line_text(line).map(str::to_string),
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => error_at(
            cx.index,
            CompileErrorKind::IndentationError,
            "unindent does not match any outer indentation level",
            TextRange::at(start, TextSize::new(1)),
        ),
        ParseErrorType::Lexical(
            kind @ (LexicalErrorType::UnicodeError | LexicalErrorType::MissingUnicodeLbrace | LexicalErrorType::MissingUnicodeRbrace),
        ) if let Some(e) = unicode_escape_error(cx, kind, start) => e,
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let (line, _) = cx.index.line_col(start.into());
            cx.syntax(&format!("unterminated string literal (detected at line {line})"), TextRange::at(start, TextSize::new(1)))
        }
        ParseErrorType::Lexical(LexicalErrorType::OtherError(_)) if leading_zero(cx.text(range)) => cx.syntax(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            TextRange::at(start, TextSize::new(1)),
        ),
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => target_error(cx, &err.error, range),
        ParseErrorType::NonDefaultParamAfterDefaultParam => cx.syntax("non-default argument follows default argument", range),
        ParseErrorType::PositionalAfterKeywordArgument => {
            let call = cx.nodes().exprs.into_iter().rev().find(|e| matches!(e, Expr::Call(_)) && e.range().contains_range(range));
            let at = call.map_or(range, |c| TextRange::new(c.end() - TextSize::new(1), c.end()));
            cx.syntax("positional argument follows keyword argument", at)
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => cx.syntax(
            "iterable argument unpacking follows keyword argument unpacking",
            TextRange::at(start, TextSize::new(1)),
        ),
        ParseErrorType::OtherError(msg) if msg.contains("`except` or `finally`") => {
            cx.syntax("expected 'except' or 'finally' block", token_at(cx.source, start))
        }
        ParseErrorType::OtherError(msg) if msg.starts_with('\'') || msg.contains("outside") => cx.syntax(msg, range),
        _ => generic(cx, start),
    }
}

/// CPython's generic "invalid syntax", highlighting the whole token where parsing stopped.
pub fn generic(cx: &ErrorContext<'_>, at: TextSize) -> CompileError {
    let range = match cx.strings.iter().find(|s| s.start == usize::from(at)) {
        Some(s) => TextRange::new(at, TextSize::new(s.end as u32)),
        None => token_at(cx.source, at),
    };
    cx.syntax("invalid syntax", range)
}

/// `if x = 1:` (CPython's `invalid_named_expression`): the `=` met where a condition's `:`
/// was expected.
fn equals_in_condition(cx: &ErrorContext<'_>, eq: TextSize) -> Option<CompileError> {
    let left_end = prev_token_end(cx.source, eq);
    let left = cx.nodes().exprs.into_iter().find(|e| e.end() == left_end)?;
    if is_display_or_singleton(left) || !is_bitwise_or(left) {
        return None;
    }
    if !matches!(left, Expr::Name(_)) {
        let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(left));
        return Some(cx.syntax(&msg, left.range()));
    }
    let right = right_operand_end(cx.source, eq + TextSize::new(1))?;
    Some(cx.syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", TextRange::new(left.start(), right)))
}

/// End of the `bitwise_or` expression starting after `from` (the right side of a mistaken `=`
/// in a condition), parsed on its own up to the line's `:`.
fn right_operand_end(source: &str, from: TextSize) -> Option<TextSize> {
    let rest = source.get(usize::from(from)..)?;
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    let text = line.rsplit_once(':').map_or(line, |(before, _)| before);
    let lead = text.len() - text.trim_start().len();
    let from = from + TextSize::new(lead as u32);
    let parsed = ruff_python_parser::parse_expression(text.trim()).ok()?;
    let mut e: &Expr = parsed.syntax().body.as_ref();
    loop {
        e = match e {
            Expr::BoolOp(b) => b.values.first()?,
            Expr::Compare(c) => &c.left,
            _ => break,
        };
    }
    if !is_bitwise_or(e) {
        return None;
    }
    Some(from + e.end())
}

/// `x = 1 if y` without `else`: the range from the body to the end of the test.
fn if_without_else(cx: &ErrorContext<'_>, at: TextSize) -> Option<TextRange> {
    cx.nodes().exprs.into_iter().rev().find_map(|e| match e {
        Expr::If(i) if i.test.end() <= at => Some(TextRange::new(i.body.start(), i.test.end())),
        _ => None,
    })
}

/// Ruff's "simple statements must be separated": a number run into a name (`3abc`), the
/// Python 2 `print x`, or a generic error.
fn same_line(cx: &ErrorContext<'_>, at: TextSize) -> CompileError {
    if let Some(e) = bad_number_end(cx, at) {
        return e;
    }
    let nodes = cx.nodes();
    let prev = nodes.stmts.iter().rev().find(|s| s.end() <= at && s.end() == prev_token_end(cx.source, at));
    if let Some(Stmt::Expr(e)) = prev
        && let Expr::Name(n) = e.value.as_ref()
        && matches!(n.id.as_str(), "print" | "exec")
        && let Some(next) = nodes.stmts.iter().find(|s| s.start() == at)
    {
        let name = n.id.as_str();
        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
        return cx.syntax(&msg, TextRange::new(n.start(), next.end()));
    }
    generic(cx, at)
}

/// `3abc`, `1_`, `0x1g`: CPython's tokenizer rejects a number followed by name characters,
/// pointing at the character before the offending one.
fn bad_number_end(cx: &ErrorContext<'_>, at: TextSize) -> Option<CompileError> {
    let i = usize::from(at);
    let bytes = cx.source.as_bytes();
    if i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b'.') {
        return None;
    }
    let mut s = i;
    while s > 0 && (bytes[s - 1].is_ascii_alphanumeric() || matches!(bytes[s - 1], b'_' | b'.')) {
        s -= 1;
    }
    let starts_number = bytes[s].is_ascii_digit() || bytes[s] == b'.' && bytes.get(s + 1).is_some_and(u8::is_ascii_digit);
    if !starts_number {
        return None;
    }
    let lower = cx.source[s..i].to_ascii_lowercase();
    let kind = match lower.get(..2) {
        Some("0x") => "hexadecimal",
        Some("0o") => "octal",
        Some("0b") => "binary",
        _ => "decimal",
    };
    let caret = if bytes.get(i) == Some(&b'_') { i } else { i - 1 };
    let at = TextSize::new(caret as u32);
    Some(cx.syntax(&format!("invalid {kind} literal"), TextRange::new(at, at)))
}

fn leading_zero(text: &str) -> bool {
    text.len() > 1 && text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit() || b == b'_')
}

/// Errors for assigning to (or deleting) something that is not a target.
fn target_error(cx: &ErrorContext<'_>, kind: &ParseErrorType, range: TextRange) -> CompileError {
    let nodes = cx.nodes();
    let Some(expr) = nodes.exprs.iter().copied().find(|e| e.range() == range) else {
        return generic(cx, range.start());
    };
    let what = expr_name(expr);
    let msg = match kind {
        ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            format!("'{what}' is an illegal expression for augmented assignment")
        }
        ParseErrorType::InvalidNamedAssignmentTarget => format!("cannot use assignment expressions with {what}"),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => "illegal target for annotation".to_string(),
        _ if matches!(expr, Expr::Yield(_) | Expr::YieldFrom(_)) => "assignment to yield expression not possible".into(),
        _ if mistaken_comparison(&nodes.stmts, expr) => {
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
        }
        _ => format!("cannot assign to {what}"),
    };
    cx.syntax(&msg, expr.range())
}

/// Does CPython read the bad target `bad` as a comparison written with `=`
/// (`invalid_named_expression`)? Only in a single-target assignment, directly or through an
/// unparenthesized tuple, for operands that could be compared.
fn mistaken_comparison(stmts: &[&Stmt], bad: &Expr) -> bool {
    let Some(Stmt::Assign(assign)) = stmts.iter().rev().find(|s| s.range().contains_range(bad.range())) else {
        return false;
    };
    let [target] = assign.targets.as_slice() else { return false };
    if is_display_or_singleton(bad) || !is_bitwise_or(bad) {
        return false;
    }
    let mut t = target;
    loop {
        if std::ptr::eq(t, bad) {
            return true;
        }
        match t {
            Expr::Tuple(tuple) if !tuple.parenthesized => {
                match tuple.elts.iter().find(|e| e.range().contains_range(bad.range())) {
                    Some(e) => t = e,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
}

/// Lists, parenthesized tuples and `True`/`False`/`None`, which CPython's comparison hint skips.
fn is_display_or_singleton(e: &Expr) -> bool {
    match e {
        Expr::List(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => true,
        Expr::Tuple(t) => t.parenthesized,
        _ => false,
    }
}

/// Could `e` be a `bitwise_or` in CPython's grammar (no comparison, `not`, `and`/`or`, lambda,
/// conditional or unparenthesized walrus at its top)?
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::Compare(_) | Expr::BoolOp(_) | Expr::Lambda(_) | Expr::If(_) | Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
}

/// CPython's name for an expression kind (`_PyPegen_get_expr_name`).
pub fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// The innermost expression whose range contains `at`.
fn innermost_expr<'a>(cx: &'a ErrorContext<'_>, at: TextSize) -> Option<&'a Expr> {
    cx.nodes().exprs.into_iter().rev().find(|e| e.start() < at && at < e.end())
}

/// The range CPython highlights for an unexpected token `found` at `range`: a newline token
/// starts after trailing blanks and spans a trailing comment.
pub fn found_token(source: &str, range: TextRange, found: TokenKind) -> TextRange {
    if found != TokenKind::Newline && found != TokenKind::Comment {
        let skipped = source.get(usize::from(range.start())..).map_or(0, |r| r.len() - r.trim_start_matches([' ', '\t', '\x0c']).len());
        return token_at(source, range.start() + TextSize::new(skipped as u32));
    }
    let mut i = usize::from(prev_token_end(source, code_end(source, range.start())));
    let bytes = source.as_bytes();
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    let start = TextSize::new(i as u32);
    if bytes.get(i) == Some(&b'#') {
        let end = source[i..].find(['\n', '\r']).map_or(source.len(), |e| i + e);
        return TextRange::new(start, TextSize::new(end as u32));
    }
    TextRange::new(start, start)
}

/// `at`, or the start of a comment on `at`'s line before it (quotes tracked naively).
fn code_end(source: &str, at: TextSize) -> TextSize {
    let end = usize::from(at).min(source.len());
    let line_start = source[..end].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let mut quote = None;
    for (i, c) in source[line_start..end].bytes().enumerate() {
        match (quote, c) {
            (None, b'#') => return TextSize::new((line_start + i) as u32),
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            _ => {}
        }
    }
    at
}

/// The range of the token starting at `at` (a name or number, an operator, or one character).
pub fn token_at(source: &str, at: TextSize) -> TextRange {
    let i = usize::from(at);
    let bytes = source.as_bytes();
    let Some(&c) = bytes.get(i) else { return TextRange::at(at, TextSize::new(1)) };
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let len = if word(c) || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
        let mut j = i + 1;
        while j < bytes.len() && (word(bytes[j]) || (c.is_ascii_digit() || c == b'.') && bytes[j] == b'.') {
            j += 1;
        }
        j - i
    } else {
        const OPS: [&str; 24] = [
            "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=",
            "/=", "%=", "&=", "|=", "^=", "@=",
        ];
        let rest = &source[i..];
        OPS.iter().find(|op| rest.starts_with(**op)).map_or(1, |op| op.len())
    };
    TextRange::at(at, TextSize::new(len as u32))
}

/// Line of the first token after `after`, or `u32::MAX` at the end of the file (CPython
/// compares it with an unclosed bracket's line).
pub fn lookahead_line(source: &str, index: &LineIndex<'_>, after: TextSize) -> u32 {
    let bytes = source.as_bytes();
    let mut i = usize::from(after);
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\x0c' | b'\n' | b'\r' | b'\\' => i += 1,
            b'#' => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            _ => return index.line_col(i as u32).0,
        }
    }
    u32::MAX
}

pub fn starts_expression(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
    )
}

/// The offset just after the last non-blank character before `at`.
pub fn prev_token_end(source: &str, at: TextSize) -> TextSize {
    let before = source.get(..usize::from(at)).unwrap_or("");
    let trimmed = before.trim_end();
    TextSize::new(trimmed.len() as u32)
}

/// Start of the expression ending just before `at` (an identifier/number run, a bracketed
/// group or implicitly concatenated strings, with any dotted/called prefix), for the "forgot
/// a comma" range.
fn prev_expression_start(cx: &ErrorContext<'_>, at: TextSize) -> TextSize {
    let bytes = cx.source.as_bytes();
    let mut i = usize::from(at).min(bytes.len());
    let skip_blanks = |mut i: usize| {
        while i > 0 && matches!(bytes[i - 1], b' ' | b'\t') {
            i -= 1;
        }
        i
    };
    i = skip_blanks(i);
    loop {
        if let Some(s) = cx.strings.iter().find(|s| s.end == i && s.start < i) {
            i = s.start;
            let before = skip_blanks(i);
            if cx.strings.iter().any(|s| s.end == before && s.start < before) {
                i = before;
                continue;
            }
            break;
        }
        if i > 0 && matches!(bytes[i - 1], b')' | b']' | b'}') {
            let mut depth = 0i32;
            while i > 0 {
                i -= 1;
                match bytes[i] {
                    b')' | b']' | b'}' => depth += 1,
                    b'(' | b'[' | b'{' => depth -= 1,
                    _ => {}
                }
                if depth <= 0 {
                    break;
                }
            }
        }
        while i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'_' | b'.') || bytes[i - 1] >= 0x80) {
            i -= 1;
        }
        if i > 0 && matches!(bytes[i - 1], b')' | b']') {
            continue;
        }
        break;
    }
    TextSize::new(i as u32)
}

/// `f(a "x")`: CPython gives no comma hint for a bare name followed by a string.
fn name_then_string(cx: &ErrorContext<'_>, at: TextSize, found: TokenKind) -> bool {
    if !matches!(found, TokenKind::String | TokenKind::FStringStart) {
        return false;
    }
    let end = prev_token_end(cx.source, at);
    cx.nodes().exprs.into_iter().any(|e| matches!(e, Expr::Name(_)) && e.end() == end)
}

/// The kind of an error Ruff reports about an f-string's own syntax.
pub fn fstring_error_kind(e: &ParseErrorType) -> Option<InterpolatedStringErrorType> {
    match e {
        ParseErrorType::FStringError(k) | ParseErrorType::Lexical(LexicalErrorType::FStringError(k)) => Some(k.clone()),
        _ => None,
    }
}

/// An escape that CPython's `unicodeescape` decoder rejects in a str literal (`\N{…}` with an
/// unknown name, a truncated `\x`/`\u`/`\U`, a code point past U+10FFFF; in a bytes literal a
/// truncated `\x`, a `(value error)`): CPython's
/// `(unicode error) 'unicodeescape' codec can't decode bytes in position X-Y: …`, pointing just
/// past the literal. The positions count in the buffer CPython decodes, where every non-ASCII
/// character before the escape was first spelled as a 10-byte `\U` escape.
fn unicode_escape_error(cx: &ErrorContext<'_>, kind: &LexicalErrorType, at: TextSize) -> Option<CompileError> {
    let at = usize::from(at);
    let lit = cx.strings.iter().find(|s| s.start <= at && at <= s.end)?;
    let text = cx.source.get(lit.start..lit.end)?;
    let prefix = text.find(['"', '\''])?;
    let bytes = text[..prefix].contains(['b', 'B']);
    let quotes = if text[prefix..].starts_with("\"\"\"") || text[prefix..].starts_with("\'\'\'") { 3 } else { 1 };
    let body = &text[prefix + quotes..text.len().saturating_sub(quotes)];
    let body_start = lit.start + prefix + quotes;
    // The escape: the last backslash before the error (names and hex digits have none).
    let esc = body.get(..at.checked_sub(body_start)?.min(body.len()))?.rfind('\\')?;
    let x: usize = body[..esc].chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum();
    let rest = &body[esc + 1..];
    let past_literal = TextRange::empty(TextSize::try_from(lit.end).ok()?);
    if bytes {
        // Bytes literals have only `\x` of these, and report it as a value error.
        return rest.starts_with('x').then(|| cx.syntax(&format!("(value error) invalid \\x escape at position {x}"), past_literal));
    }
    let (len, reason) = match (rest.chars().next()?, kind) {
        ('N', LexicalErrorType::MissingUnicodeLbrace) => (2, "malformed \\N character escape".to_string()),
        ('N', LexicalErrorType::MissingUnicodeRbrace) => (body.len() - esc, "malformed \\N character escape".to_string()),
        ('N', _) => {
            let reason = match unicode_names2::table_error() {
                // Only in the browser, which downloads the table on first use.
                Some(why) => format!("unknown Unicode character name (Interleave could not load its table of names: {why})"),
                None => "unknown Unicode character name".to_string(),
            };
            (rest.find('}')? + 2, reason)
        }
        (c @ ('x' | 'u' | 'U'), _) => {
            let n = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let digits = rest[1..].chars().take(n).take_while(char::is_ascii_hexdigit).count();
            if digits < n {
                (2 + digits, format!("truncated \\{c}{} escape", "X".repeat(n)))
            } else {
                (2 + n, "illegal Unicode character".to_string())
            }
        }
        _ => return None,
    };
    let msg = format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {x}-{}: {reason}", x + len - 1);
    Some(cx.syntax(&msg, past_literal))
}
