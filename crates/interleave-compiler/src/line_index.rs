//! Byte offset → (line, column) conversion for source positions.

use ruff_text_size::TextRange;

use crate::bytecode::Location;

/// Start offsets of every line of a source text.
pub struct LineIndex<'s> {
    source: &'s str,
    starts: Vec<u32>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, starts }
    }

    /// 1-based line and 0-based byte column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let offset = offset.min(self.source.len() as u32);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        (line as u32, offset - self.starts[line - 1])
    }

    /// The CPython-style location of a range.
    pub fn location(&self, range: TextRange) -> Location {
        let (line, col) = self.line_col(range.start().into());
        let (end_line, end_col) = self.line_col(range.end().into());
        Location { line, end_line, col, end_col }
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: u32) -> Option<&'s str> {
        let i = line.checked_sub(1)? as usize;
        let start = *self.starts.get(i)? as usize;
        let end = self.starts.get(i + 1).map_or(self.source.len(), |&e| e as usize);
        let text = self.source.get(start..end)?;
        Some(text.trim_end_matches(['\n', '\r']))
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub fn line_count(&self) -> u32 {
        let n = self.starts.len() as u32;
        if self.source.ends_with('\n') || self.source.ends_with('\r') { n - 1 } else { n }
    }

    /// 1-based character column of a byte offset (CPython's `SyntaxError.offset`).
    pub fn char_offset(&self, offset: u32) -> u32 {
        let (line, col) = self.line_col(offset);
        let start = self.starts[line as usize - 1] as usize;
        let end = (start + col as usize).min(self.source.len());
        let text = self.source.get(start..end).unwrap_or("");
        text.chars().count() as u32 + 1
    }
}
