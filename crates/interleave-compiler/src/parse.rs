//! Parsing: the nesting guard, Ruff's parser, and Ruff's errors mapped to CPython 3.11's.

use ruff_python_ast::ModModule;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{TextRange, TextSize};

use crate::error::{CompileError, CompileErrorKind};
use crate::line_index::LineIndex;
use crate::scan::scan;

/// Parses a module, reporting the first syntax error as CPython 3.11 words it.
pub fn parse(source: &str, index: &LineIndex<'_>) -> Result<ModModule, CompileError> {
    let soft = scan(source, index)?;
    match (ruff_python_parser::parse_module(source), soft) {
        (Ok(parsed), None) => Ok(parsed.into_syntax()),
        (Ok(_), Some((err, _))) => Err(err),
        (Err(err), None) => Err(map_error(&err, source, index)),
        (Err(err), Some((soft, at))) => {
            if usize::from(err.location.start()) < at {
                Err(map_error(&err, source, index))
            } else {
                Err(soft)
            }
        }
    }
}

/// A `CompileError` of `kind` spanning `range`.
pub fn error_at(index: &LineIndex<'_>, kind: CompileErrorKind, message: impl Into<String>, range: TextRange) -> CompileError {
    let start = u32::from(range.start());
    let end = u32::from(range.end());
    let (line, _) = index.line_col(start);
    let (end_line, _) = index.line_col(end);
    CompileError {
        kind,
        message: message.into(),
        line,
        offset: index.char_offset(start),
        end_line,
        end_offset: index.char_offset(end),
        text: index.line_text(line).map(str::to_string),
    }
}

fn map_error(err: &ParseError, source: &str, index: &LineIndex<'_>) -> CompileError {
    let range = err.location;
    let single = TextRange::at(range.start(), TextSize::new(1));
    let syntax = |msg: &str, r: TextRange| error_at(index, CompileErrorKind::SyntaxError, msg, r);
    match &err.error {
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, .. } => {
            syntax("expected ':'", TextRange::at(prev_token_end(source, range.start()), TextSize::new(1)))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Comma, found } if starts_expression(*found) => {
            let start = prev_expression_start(source, range.start());
            syntax("invalid syntax. Perhaps you forgot a comma?", TextRange::new(start, range.end()))
        }
        ParseErrorType::UnexpectedIndentation => {
            let (line, _) = index.line_col(range.start().into());
            CompileError {
                kind: CompileErrorKind::IndentationError,
                message: "unexpected indent".into(),
                line,
                offset: 0,
                end_line: line,
                end_offset: 0,
                text: index.line_text(line).map(str::to_string),
            }
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            error_at(index, CompileErrorKind::IndentationError, "unindent does not match any outer indentation level", single)
        }
        ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError) => {
            let (line, _) = index.line_col(range.start().into());
            syntax(&format!("unterminated string literal (detected at line {line})"), single)
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => target_error(&err.error, source, range, index),
        ParseErrorType::OtherError(msg) if msg.starts_with("'") || msg.contains("outside") => syntax(msg, range),
        _ => syntax("invalid syntax", single),
    }
}

/// Errors for assigning to (or deleting) something that is not a target.
fn target_error(kind: &ParseErrorType, source: &str, range: TextRange, index: &LineIndex<'_>) -> CompileError {
    let text = source.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("").trim();
    let what = describe_expr(text);
    let msg = match kind {
        ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => format!("'{what}' is an illegal expression for augmented assignment"),
        ParseErrorType::InvalidNamedAssignmentTarget => format!("cannot use assignment expressions with {what}"),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => "illegal target for annotation".to_string(),
        _ => format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
    };
    let range = match kind {
        ParseErrorType::InvalidAugmentedAssignmentTarget => TextRange::at(range.start(), TextSize::new(1)),
        _ => range,
    };
    error_at(index, CompileErrorKind::SyntaxError, msg, range)
}

/// CPython's name for an expression kind in "cannot assign to …" messages (a textual guess).
fn describe_expr(text: &str) -> &'static str {
    let first = text.chars().next().unwrap_or(' ');
    if text == "None" || text == "True" || text == "False" || text == "..." {
        return if text == "..." { "ellipsis" } else { "literal" };
    }
    if first.is_ascii_digit() || first == '"' || first == '\'' || (first == '.' && text.len() > 1) {
        return "literal";
    }
    if text.ends_with(')') && !text.starts_with('(') {
        return "function call";
    }
    if text.starts_with("lambda") {
        return "lambda";
    }
    if text.starts_with('{') {
        return if text.contains(':') { "dict literal" } else { "set display" };
    }
    "expression"
}

fn starts_expression(kind: TokenKind) -> bool {
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

/// The offset just after the last non-blank character before `at` (where CPython puts the
/// caret for "expected ':'").
fn prev_token_end(source: &str, at: TextSize) -> TextSize {
    let before = source.get(..usize::from(at)).unwrap_or("");
    let trimmed = before.trim_end();
    TextSize::new(trimmed.len() as u32)
}

/// Start of the expression ending just before `at` (an identifier/number run or a bracketed
/// group, with any dotted/called prefix), for the "forgot a comma" range.
fn prev_expression_start(source: &str, at: TextSize) -> TextSize {
    let bytes = source.as_bytes();
    let mut i = usize::from(at).min(bytes.len());
    while i > 0 && matches!(bytes[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    loop {
        if i > 0 && matches!(bytes[i - 1], b')' | b']' | b'}' | b'"' | b'\'') {
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
