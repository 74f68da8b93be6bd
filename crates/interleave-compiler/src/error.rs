//! Compile errors and their CPython-style rendering.

use std::fmt;

/// Which exception class a compile error stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Valid Python that Interleave does not support yet (rendered as `NotImplementedError`).
    NotImplemented,
}

impl CompileErrorKind {
    /// The Python exception class name.
    pub fn class_name(self) -> &'static str {
        match self {
            CompileErrorKind::SyntaxError => "SyntaxError",
            CompileErrorKind::IndentationError => "IndentationError",
            CompileErrorKind::TabError => "TabError",
            CompileErrorKind::NotImplemented => "NotImplementedError",
        }
    }
}

/// A syntax error (or unsupported feature) found while compiling, with CPython's
/// `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub message: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters, as CPython's `SyntaxError.offset` (0: no caret).
    pub offset: u32,
    pub end_line: u32,
    /// 1-based exclusive end column in characters (0: a single caret).
    pub end_offset: u32,
    /// The source line (without its newline), when there is one.
    pub text: Option<String>,
}

impl CompileError {
    /// What CPython 3.11 prints to stderr for `python3 file.py` failing with this error.
    pub fn render(&self, filename: &str) -> String {
        if self.kind == CompileErrorKind::NotImplemented {
            return format!("NotImplementedError: {} (line {})\n", self.message, self.line);
        }
        let mut out = format!("  File \"{filename}\", line {}\n", self.line);
        if let Some(text) = &self.text {
            out.push_str(&render_text(text, self));
        }
        out.push_str(self.kind.class_name());
        out.push_str(": ");
        out.push_str(&self.message);
        out.push('\n');
        out
    }
}

/// The source line and caret line, as CPython 3.11's `print_error_text`, which places the
/// caret by UTF-8 byte position (so it drifts right after non-ASCII characters, as CPython's does).
fn render_text(text: &str, err: &CompileError) -> String {
    let text = text.trim_end_matches(['\n', '\r']);
    let lead = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
    let shown = &text[lead..];
    let mut out = format!("    {shown}\n");
    if err.offset == 0 {
        return out;
    }
    let byte_at = |chars: u32| -> i64 {
        let n = chars as usize;
        let count = text.chars().count();
        let bytes: usize = text.chars().take(n).map(char::len_utf8).sum();
        (bytes + n.saturating_sub(count)) as i64
    };
    let len = shown.len() as i64;
    let start = byte_at(err.offset - 1) - lead as i64;
    if start < 0 {
        return out;
    }
    let start = start.min(len);
    let end = if err.end_line > err.line {
        len
    } else if err.end_offset > err.offset {
        byte_at(err.end_offset - 1) - lead as i64
    } else {
        start + 1
    };
    let end = end.min(len + 1).max(start + 1);
    out.push_str("    ");
    out.push_str(&" ".repeat(start as usize));
    out.push_str(&"^".repeat((end - start) as usize));
    out.push('\n');
    out
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (line {})", self.kind.class_name(), self.message, self.line)
    }
}

impl std::error::Error for CompileError {}
