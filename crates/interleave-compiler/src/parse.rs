//! Parsing: the nesting guard, Ruff's parser, and the choice between the tokenizer's and the
//! parser's error when both find one (as CPython 3.11 makes it).

use ruff_python_ast::{ModModule, PySourceType};
use ruff_text_size::{TextRange, TextSize};

use crate::error::{CompileError, CompileErrorKind};
use crate::line_index::LineIndex;
use crate::parse_error::{ErrorContext, FORGOT_COMMA, lookahead_line, map_error};
use crate::scan::{SoftKind, scan};

/// Parses a module, reporting the first syntax error as CPython 3.11 words it.
pub fn parse(source: &str, index: &LineIndex<'_>) -> Result<ModModule, CompileError> {
    let scanned = scan(source, index)?;
    let parsed = ruff_python_parser::parse_unchecked_source(source, PySourceType::Python);
    if let Some(why) = unicode_normalization::table_error() {
        // Only in the browser, which downloads the table on the first non-ASCII identifier:
        // without it the names would be left unnormalized, so the program does not run.
        let at = source.char_indices().find(|(_, c)| !c.is_ascii()).map_or(0, |(i, _)| i);
        let range = TextRange::empty(TextSize::try_from(at).unwrap_or_default());
        let msg = format!("Interleave could not load its Unicode table for non-ASCII names: {why}");
        return Err(error_at(index, CompileErrorKind::SyntaxError, msg, range));
    }
    let Some(err) = parsed.errors().first() else {
        return match scanned.soft.into_iter().next() {
            Some(soft) => Err(soft.err),
            None => Ok(parsed.into_syntax()),
        };
    };
    let at = usize::from(err.location.start());
    if let Some(soft) = scanned.soft.first()
        && soft.pos <= at
    {
        return Err(soft.err.clone());
    }
    let cx = ErrorContext { source, index, module: parsed.syntax(), strings: &scanned.strings };
    let mapped = map_error(err, &cx);
    // After a parser error CPython tokenizes the rest of the file (except after an unexpected
    // indent); the first tokenizer error it meets may replace the parser's.
    if mapped.message != "unexpected indent"
        && let Some(soft) = scanned.soft.into_iter().find(|s| s.kind != SoftKind::Parser)
    {
        match soft.kind {
            SoftKind::Raised => return Err(soft.err),
            SoftKind::Unclosed { line } if error_line(&mapped, source, index, err.location.end()) > line => {
                return Err(soft.err);
            }
            _ => {}
        }
    }
    Err(mapped)
}

/// The line of the last token CPython's parser read before failing: the error's own line,
/// except that the comma hint looks one token past the error.
fn error_line(mapped: &CompileError, source: &str, index: &LineIndex<'_>, end: TextSize) -> u32 {
    if mapped.message == FORGOT_COMMA { lookahead_line(source, index, end) } else { mapped.line }
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
