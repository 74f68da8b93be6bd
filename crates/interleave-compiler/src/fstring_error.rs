//! Errors inside f-strings, worded and placed as CPython 3.11 reports them.
//!
//! CPython 3.11 still parses f-strings in a second stage: errors about the f-string itself
//! point at the token *after* the whole (implicitly concatenated) string, and errors inside a
//! replacement field come from parsing `(expression)` on its own, so their source line is that
//! parenthesized text.

use ruff_python_parser::{InterpolatedStringErrorType, ParseError};
use ruff_text_size::{TextRange, TextSize};

use crate::error::CompileError;
use crate::line_index::LineIndex;
use crate::parse_error::{ErrorContext, found_token, fstring_error_kind};
use crate::scan::StringSpan;

/// Nesting limit for re-parsing replacement fields that themselves contain f-strings.
const MAX_FIELD_REPARSE_DEPTH: usize = 8;

/// A replacement field of an f-string: where its expression starts and ends.
struct Field {
    expr_start: usize,
    expr_end: usize,
    /// The character that ended the expression (`}`, `!`, `:`, `=`), or `None` when the
    /// f-string ended first.
    terminator: Option<u8>,
}

/// The CPython error for a Ruff error at a position inside an f-string, if it is one.
pub fn fstring_error(err: &ParseError, cx: &ErrorContext<'_>) -> Option<CompileError> {
    let at = usize::from(err.location.start());
    let span = *cx.strings.iter().find(|s| s.fstring && s.start <= at && at < s.end)?;
    let kind = fstring_error_kind(&err.error);
    let after = after_strings(cx, span);
    let here = |msg: &str| Some(cx.syntax(msg, after));
    match kind {
        Some(InterpolatedStringErrorType::SingleRbrace) => return here("f-string: single '}' is not allowed"),
        Some(InterpolatedStringErrorType::InvalidConversionFlag) => {
            return here("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        _ => {}
    }
    let field = field_at(cx.source, span, at)?;
    let expr = cx.source.get(field.expr_start..field.expr_end)?;
    if expr.trim().is_empty() {
        return match field.terminator {
            Some(b'=') => here("f-string: expression required before '='"),
            None => here("f-string: expecting '}'"),
            _ => here("f-string: empty expression not allowed"),
        };
    }
    if field.terminator.is_none() || kind == Some(InterpolatedStringErrorType::UnclosedLbrace) && !field_closed(cx.source, &field, span) {
        return here("f-string: expecting '}'");
    }
    let mut inner = reparse_field(expr)?;
    if is_tokenizer_message(&inner.message) {
        return here(&format!("f-string: {}", inner.message));
    }
    let (line, _) = cx.index.line_col(span.start as u32);
    inner.message = format!("f-string: {}", inner.message);
    inner.end_line = line + (inner.end_line - inner.line);
    inner.line = line;
    Some(inner)
}

/// Errors the tokenizer raises, which CPython 3.11 reports at the f-string's position.
fn is_tokenizer_message(msg: &str) -> bool {
    msg.starts_with("unmatched") || msg.starts_with("closing parenthesis") || msg.starts_with("unterminated")
}

/// Parses `(expr)` on its own, as CPython 3.11 compiles a replacement field; returns its error.
fn reparse_field(expr: &str) -> Option<CompileError> {
    thread_local! {
        static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }
    if DEPTH.get() >= MAX_FIELD_REPARSE_DEPTH {
        return None;
    }
    let text = format!("({expr})");
    let index = LineIndex::new(&text);
    DEPTH.set(DEPTH.get() + 1);
    let result = crate::parse::parse(&text, &index);
    DEPTH.set(DEPTH.get() - 1);
    result.err()
}

/// The replacement field around byte `at` of the f-string `span` (the innermost `{` before
/// `at` that is not closed before it).
fn field_at(source: &str, span: StringSpan, at: usize) -> Option<Field> {
    let bytes = source.as_bytes();
    let body_start = span.start + source[span.start..].find(['"', '\''])?;
    let quote = bytes[body_start];
    let triple = bytes.get(body_start + 1) == Some(&quote) && bytes.get(body_start + 2) == Some(&quote);
    let content_start = body_start + if triple { 3 } else { 1 };
    // Walk the literal once, tracking open fields; remember the innermost open at `at`.
    let mut open: Vec<usize> = Vec::new();
    let mut found = None;
    let mut i = content_start;
    let end = span.end.min(bytes.len());
    while i < end {
        if i >= at && found.is_none() {
            found = open.last().copied();
        }
        match bytes[i] {
            b'{' if open.is_empty() && bytes.get(i + 1) == Some(&b'{') => i += 1,
            b'}' if open.is_empty() && bytes.get(i + 1) == Some(&b'}') => i += 1,
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    let brace = found.or_else(|| open.last().copied())?;
    let (expr_end, terminator) = expression_end(bytes, brace + 1, end, quote);
    Some(Field { expr_start: brace + 1, expr_end, terminator })
}

/// Where a field's expression starting at `from` ends: at a top-level `}`, `!` (not `!=`),
/// `:` or a self-documenting `=`; `None` when the literal ends first.
fn expression_end(bytes: &[u8], from: usize, end: usize, quote: u8) -> (usize, Option<u8>) {
    let mut depth = 0usize;
    let mut i = from;
    while i < end {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' if depth > 0 => depth -= 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' => return (i, Some(c)),
            b'!' if depth == 0 && next != b'=' => return (i, Some(c)),
            b':' if depth == 0 => return (i, Some(c)),
            b'=' if depth == 0 && next != b'=' && !matches!(bytes[i.saturating_sub(1)], b'=' | b'!' | b'<' | b'>') => {
                return (i, Some(c));
            }
            _ if c == quote => return (i, None),
            _ => {}
        }
        i += 1;
    }
    (end, None)
}

/// Is there a `}` closing the field after its expression, before the literal ends?
fn field_closed(source: &str, field: &Field, span: StringSpan) -> bool {
    source.get(field.expr_end..span.end).is_some_and(|rest| rest.contains('}'))
}

/// The token after the string literal `span` and any literals implicitly concatenated to it:
/// where CPython 3.11 reports an f-string's own errors.
fn after_strings(cx: &ErrorContext<'_>, span: StringSpan) -> TextRange {
    let bytes = cx.source.as_bytes();
    let mut end = span.end;
    loop {
        let mut i = end;
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        match cx.strings.iter().find(|s| s.start == i) {
            Some(next) => end = next.end,
            None => break,
        }
    }
    let at = TextSize::new(end as u32);
    found_token(cx.source, TextRange::empty(at), next_kind(bytes, end))
}

/// Newline (or comment) when only blanks remain on the line, else a name-like token.
fn next_kind(bytes: &[u8], from: usize) -> ruff_python_ast::token::TokenKind {
    use ruff_python_ast::token::TokenKind;
    let rest = bytes.get(from..).unwrap_or(&[]);
    match rest.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\x0c')) {
        None | Some(b'\n' | b'\r' | b'#') => TokenKind::Newline,
        Some(_) => TokenKind::Name,
    }
}
