//! Pre-parse scanner: bracket, indentation and string checks done before Ruff parses.
//!
//! Ruff's parser is recursive, so source nested deeper than CPython allows is rejected here,
//! with CPython's tokenizer messages, before it can overflow the stack. The scanner also
//! reports the tokenizer-level errors (unclosed brackets, unterminated strings, indentation)
//! with CPython 3.11's exact wording and positions.

use crate::error::{CompileError, CompileErrorKind};
use crate::line_index::LineIndex;

/// CPython's tokenizer limit on bracket nesting (`MAXLEVEL`).
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
pub const MAX_INDENT_DEPTH: usize = 100;
/// Longest chain of operators nesting one expression inside another (`1+1+…`, `not not …`,
/// `a.b.c…`) accepted; deeper expressions would make the recursive parser and compiler
/// overflow small stacks.
pub const MAX_EXPR_CHAIN: usize = 1000;

struct Bracket {
    ch: u8,
    pos: usize,
    /// Operator-chain length of the enclosing level when this bracket opened.
    outer_chain: usize,
}

/// Where the previous logical line left the block structure.
struct LineInfo {
    ends_with_colon: bool,
    /// What CPython calls the statement in "expected an indented block after …".
    block_name: Option<String>,
    line: u32,
}

struct Scanner<'s> {
    src: &'s [u8],
    text: &'s str,
    index: &'s LineIndex<'s>,
    pos: usize,
    brackets: Vec<Bracket>,
    chain: usize,
    indents: Vec<(usize, usize)>,
    last: Option<LineInfo>,
    cur_first_word: Option<(String, u32)>,
    cur_second_word: Option<String>,
    cur_last_colon: bool,
    cur_has_token: bool,
    /// Non-fatal errors in the order the tokenizer meets them.
    soft: Vec<SoftError>,
    /// String literals seen so far (see [`Scan::strings`]).
    strings: Vec<StringSpan>,
}

/// How CPython meets a soft error, which decides whether it replaces a parser error found
/// earlier in the file (CPython tokenizes the rest of the source after a parser error).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SoftKind {
    /// The tokenizer raises it itself (unterminated string, unmatched bracket): it replaces
    /// an earlier parser error.
    Raised,
    /// A bracket still open at the end of the file, opened on `line`: it replaces an earlier
    /// parser error whose tokens reach past that line.
    Unclosed { line: u32 },
    /// An indentation error the tokenizer signals without raising: an earlier parser error stays.
    Silent,
    /// An error CPython's parser reports ("unexpected indent", "expected an indented block"),
    /// invisible to the tokenizer.
    Parser,
}

/// An error that does not endanger the parser, and where the tokenizer meets it (the
/// parser's own errors before that point take precedence, as in CPython).
#[derive(Clone, Debug)]
pub struct SoftError {
    pub err: CompileError,
    pub pos: usize,
    pub kind: SoftKind,
}

/// What the scanner found besides nesting-limit errors.
#[derive(Debug, Default)]
pub struct Scan {
    /// Soft errors in the order the tokenizer meets them.
    pub soft: Vec<SoftError>,
    /// The string literals, for mapping parser errors inside f-strings.
    pub strings: Vec<StringSpan>,
}

/// A string literal's byte range (prefix to closing quote, or to where the scanner gave up
/// when it is unterminated).
#[derive(Clone, Copy, Debug)]
pub struct StringSpan {
    pub start: usize,
    pub end: usize,
    pub fstring: bool,
}

/// Checks `source` for the errors CPython's tokenizer reports. `Err` is a nesting-limit error
/// (Ruff must not parse this source); `Ok` carries the ordinary tokenizer errors.
pub fn scan(source: &str, index: &LineIndex<'_>) -> Result<Scan, CompileError> {
    let mut s = Scanner {
        src: source.as_bytes(),
        text: source,
        index,
        pos: 0,
        brackets: Vec::new(),
        chain: 0,
        indents: vec![(0, 0)],
        last: None,
        cur_first_word: None,
        cur_second_word: None,
        cur_last_colon: false,
        cur_has_token: false,
        soft: Vec::new(),
        strings: Vec::new(),
    };
    s.run()?;
    Ok(Scan { soft: s.soft, strings: s.strings })
}

impl<'s> Scanner<'s> {
    /// Records a non-fatal error met at byte `pos`. After the first tokenizer-level error the
    /// scanner's view no longer matters (CPython's tokenizer stops there), so the list stays short.
    fn soft(&mut self, err: CompileError, pos: usize, kind: SoftKind) {
        if self.soft.iter().any(|s| s.kind != SoftKind::Parser) {
            return;
        }
        self.soft.push(SoftError { err, pos, kind });
    }

    fn err(&self, kind: CompileErrorKind, msg: impl Into<String>, start: usize, end: usize) -> CompileError {
        let (line, _) = self.index.line_col(start as u32);
        let (end_line, _) = self.index.line_col(end as u32);
        CompileError {
            kind,
            message: msg.into(),
            line,
            offset: self.index.char_offset(start as u32),
            end_line,
            end_offset: self.index.char_offset(end as u32),
            text: self.index.line_text(line).map(str::to_string),
        }
    }

    /// An error on `line` shown without a caret.
    fn line_err(&self, kind: CompileErrorKind, msg: impl Into<String>, line: u32) -> CompileError {
        CompileError {
            kind,
            message: msg.into(),
            line,
            offset: 0,
            end_line: line,
            end_offset: 0,
            text: Some(self.index.line_text(line).unwrap_or("").to_string()),
        }
    }

    fn peek(&self, k: usize) -> u8 {
        self.src.get(self.pos + k).copied().unwrap_or(0)
    }

    fn run(&mut self) -> Result<(), CompileError> {
        self.line_start()?;
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            match c {
                b'#' => {
                    while self.pos < self.src.len() && !matches!(self.src[self.pos], b'\n' | b'\r') {
                        self.pos += 1;
                    }
                }
                b'\\' if matches!(self.peek(1), b'\n' | b'\r') => {
                    self.pos += if self.peek(1) == b'\r' && self.peek(2) == b'\n' { 3 } else { 2 };
                }
                b'\n' | b'\r' => {
                    self.pos += if c == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                    if self.brackets.is_empty() {
                        self.end_logical_line();
                        self.line_start()?;
                    }
                }
                b'"' | b'\'' => {
                    self.token(false);
                    self.string(self.pos, false)?;
                }
                b'(' | b'[' | b'{' => {
                    self.token(false);
                    if self.brackets.len() >= MAX_BRACKET_DEPTH {
                        return Err(self.err(
                            CompileErrorKind::SyntaxError,
                            "too many nested parentheses",
                            self.pos,
                            self.pos + 1,
                        ));
                    }
                    self.brackets.push(Bracket { ch: c, pos: self.pos, outer_chain: self.chain });
                    self.bump_chain()?;
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    self.token(false);
                    self.close(c)?;
                    self.pos += 1;
                }
                b',' | b';' => {
                    self.token(false);
                    self.chain = self.brackets.last().map_or(0, |b| b.outer_chain + 1);
                    self.pos += 1;
                }
                b':' => {
                    self.token(true);
                    if self.peek(1) == b'=' {
                        self.bump_chain()?;
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.word()?,
                _ if c.is_ascii_digit() => {
                    self.token(false);
                    while self.pos < self.src.len()
                        && (self.src[self.pos].is_ascii_alphanumeric() || matches!(self.src[self.pos], b'.' | b'_'))
                    {
                        let e = matches!(self.src[self.pos], b'e' | b'E');
                        self.pos += 1;
                        if e && matches!(self.peek(0), b'+' | b'-') {
                            self.pos += 1;
                        }
                    }
                }
                _ => {
                    // An operator or other punctuation.
                    self.token(false);
                    if !matches!(c, b'=' ) || self.peek(1) == b'=' {
                        self.bump_chain()?;
                    }
                    self.pos += 1;
                }
            }
        }
        self.end_logical_line();
        if let Some(b) = self.brackets.first() {
            let ch = b.ch as char;
            let e = self.err(CompileErrorKind::SyntaxError, format!("'{ch}' was never closed"), b.pos, b.pos + 1);
            let (line, _) = self.index.line_col(b.pos as u32);
            self.soft(e, self.src.len(), SoftKind::Unclosed { line });
            return Ok(());
        }
        if let Some(info) = &self.last
            && info.ends_with_colon
        {
            let name = info.block_name.clone().unwrap_or_default();
            let line = self.index.line_count().max(1);
            let e = self.line_err(
                CompileErrorKind::IndentationError,
                format!("expected an indented block after {name} on line {}", info.line),
                line,
            );
            self.soft(e, self.src.len(), SoftKind::Parser);
        }
        Ok(())
    }

    fn bump_chain(&mut self) -> Result<(), CompileError> {
        self.chain += 1;
        if self.chain > MAX_EXPR_CHAIN {
            return Err(self.err(
                CompileErrorKind::NotImplemented,
                format!("expressions nested more than {MAX_EXPR_CHAIN} levels deep are not supported yet"),
                self.pos,
                self.pos + 1,
            ));
        }
        Ok(())
    }

    /// Records a significant token of the current logical line.
    fn token(&mut self, colon: bool) {
        self.cur_has_token = true;
        self.cur_last_colon = colon && self.brackets.is_empty();
    }

    fn word(&mut self) -> Result<(), CompileError> {
        let start = self.pos;
        while self.pos < self.src.len() && (self.src[self.pos].is_ascii_alphanumeric() || self.src[self.pos] == b'_' || self.src[self.pos] >= 0x80) {
            self.pos += 1;
        }
        let word = &self.text[start..self.pos];
        let lower = word.to_ascii_lowercase();
        if matches!(self.peek(0), b'"' | b'\'')
            && lower.len() <= 2
            && lower.chars().all(|c| matches!(c, 'r' | 'b' | 'u' | 'f'))
        {
            self.token(false);
            return self.string(start, lower.contains('f'));
        }
        if self.cur_first_word.is_none() && !self.cur_has_token {
            let (line, _) = self.index.line_col(start as u32);
            self.cur_first_word = Some((word.to_string(), line));
        } else if self.cur_second_word.is_none() && self.cur_first_word.as_ref().is_some_and(|w| w.0 == "async") {
            self.cur_second_word = Some(word.to_string());
        }
        self.token(false);
        if matches!(word, "not" | "and" | "or" | "if" | "else" | "lambda" | "await" | "yield" | "in" | "is") {
            self.bump_chain()?;
        }
        Ok(())
    }

    fn close(&mut self, c: u8) -> Result<(), CompileError> {
        let open = match c {
            b')' => b'(',
            b']' => b'[',
            _ => b'{',
        };
        let Some(top) = self.brackets.pop() else {
            let e = self.err(CompileErrorKind::SyntaxError, format!("unmatched '{}'", c as char), self.pos, self.pos + 1);
            self.soft(e, self.pos, SoftKind::Raised);
            return Ok(());
        };
        if top.ch != open {
            let (open_line, _) = self.index.line_col(top.pos as u32);
            let (line, _) = self.index.line_col(self.pos as u32);
            let mut msg = format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                c as char, top.ch as char
            );
            if open_line != line {
                msg.push_str(&format!(" on line {open_line}"));
            }
            let e = self.err(CompileErrorKind::SyntaxError, msg, self.pos, self.pos + 1);
            self.soft(e, self.pos, SoftKind::Raised);
        }
        self.chain = top.outer_chain;
        Ok(())
    }

    /// Skips a string literal whose prefix starts at `start` and whose quote is at `self.pos`.
    fn string(&mut self, start: usize, fstring: bool) -> Result<(), CompileError> {
        let q = self.src[self.pos];
        let triple = self.peek(1) == q && self.peek(2) == q;
        self.pos += if triple { 3 } else { 1 };
        let mut depth = 0usize;
        loop {
            let Some(&c) = self.src.get(self.pos) else {
                let line = self.index.line_count().max(1);
                let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
                let e = self.err(CompileErrorKind::SyntaxError, format!("{what} (detected at line {line})"), start, start + 1);
                self.soft(e, start, SoftKind::Raised);
                self.end_string(start, fstring);
                return Ok(());
            };
            match c {
                b'\\' => self.pos += 2,
                b'\n' | b'\r' if !triple => {
                    let (line, _) = self.index.line_col(start as u32);
                    let e = self.err(
                        CompileErrorKind::SyntaxError,
                        format!("unterminated string literal (detected at line {line})"),
                        start,
                        start + 1,
                    );
                    self.soft(e, start, SoftKind::Raised);
                    self.end_string(start, fstring);
                    return Ok(());
                }
                _ if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) => {
                    self.pos += if triple { 3 } else { 1 };
                    self.end_string(start, fstring);
                    return Ok(());
                }
                b'{' | b'(' | b'[' if fstring => {
                    if c == b'{' && self.peek(1) == b'{' && depth == 0 {
                        self.pos += 2;
                        continue;
                    }
                    depth += 1;
                    if self.brackets.len() + depth > MAX_BRACKET_DEPTH {
                        return Err(self.err(CompileErrorKind::SyntaxError, "too many nested parentheses", self.pos, self.pos + 1));
                    }
                    self.pos += 1;
                }
                b'}' | b')' | b']' if fstring => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Records the range of a string literal that started at `start` and ends here.
    fn end_string(&mut self, start: usize, fstring: bool) {
        self.strings.push(StringSpan { start, end: self.pos.min(self.src.len()), fstring });
    }

    fn end_logical_line(&mut self) {
        if self.cur_has_token {
            let (first, line) = self.cur_first_word.take().unwrap_or_default();
            let second = self.cur_second_word.take();
            let block_name = match first.as_str() {
                "def" => Some("function definition".to_string()),
                "class" => Some("class definition".to_string()),
                "async" => match second.as_deref() {
                    Some("def") => Some("function definition".to_string()),
                    Some(w) => Some(format!("'async {w}' statement")),
                    None => None,
                },
                "if" | "elif" | "else" | "while" | "for" | "try" | "except" | "finally" | "with" | "match" | "case" => {
                    Some(format!("'{first}' statement"))
                }
                _ => None,
            };
            self.last = Some(LineInfo { ends_with_colon: self.cur_last_colon && block_name.is_some(), block_name, line });
        }
        self.cur_has_token = false;
        self.cur_last_colon = false;
        self.cur_first_word = None;
        self.cur_second_word = None;
        self.chain = 0;
    }

    /// Measures the indentation of a new logical line and checks it against the indent stack.
    fn line_start(&mut self) -> Result<(), CompileError> {
        loop {
            let (mut col, mut alt) = (0usize, 0usize);
            let line_begin = self.pos;
            while let Some(&c) = self.src.get(self.pos) {
                match c {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                self.pos += 1;
            }
            match self.src.get(self.pos) {
                None => return Ok(()),
                Some(b'#') => {
                    while self.pos < self.src.len() && !matches!(self.src[self.pos], b'\n' | b'\r') {
                        self.pos += 1;
                    }
                    continue;
                }
                Some(b'\n') | Some(b'\r') => {
                    self.pos += if self.src[self.pos] == b'\r' && self.peek(1) == b'\n' { 2 } else { 1 };
                    continue;
                }
                Some(b'\\') if matches!(self.peek(1), b'\n' | b'\r') => return Ok(()),
                _ => {}
            }
            let (line, _) = self.index.line_col(self.pos as u32);
            let tab_error = |s: &Self| s.line_err(CompileErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", line);
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            let colon = self.last.as_ref().is_some_and(|l| l.ends_with_colon);
            if col > top {
                if alt <= top_alt {
                    let e = tab_error(self);
                    self.soft(e, line_begin, SoftKind::Silent);
                }
                if !colon {
                    let e = self.line_err(CompileErrorKind::IndentationError, "unexpected indent", line);
                    self.soft(e, line_begin, SoftKind::Parser);
                }
                if self.indents.len() >= MAX_INDENT_DEPTH {
                    return Err(self.line_err(CompileErrorKind::IndentationError, "too many levels of indentation", line));
                }
                self.indents.push((col, alt));
            } else {
                if colon {
                    let info = self.last.as_ref();
                    let name = info.and_then(|l| l.block_name.clone()).unwrap_or_default();
                    let on = info.map_or(0, |l| l.line);
                    let e = self.err(
                        CompileErrorKind::IndentationError,
                        format!("expected an indented block after {name} on line {on}"),
                        self.pos,
                        self.pos + 1,
                    );
                    self.soft(e, line_begin, SoftKind::Parser);
                }
                if col == top {
                    if alt != top_alt {
                        let e = tab_error(self);
                        self.soft(e, line_begin, SoftKind::Silent);
                    }
                } else {
                    while self.indents.last().is_some_and(|&(c, _)| col < c) {
                        self.indents.pop();
                    }
                    let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
                    if col != top {
                        let end = self.text[self.pos..].find(['\n', '\r']).map_or(self.src.len(), |e| self.pos + e);
                        let e = self.err(
                            CompileErrorKind::IndentationError,
                            "unindent does not match any outer indentation level",
                            end,
                            end + 1,
                        );
                        self.soft(e, line_begin, SoftKind::Silent);
                    } else if alt != top_alt {
                        let e = tab_error(self);
                        self.soft(e, line_begin, SoftKind::Silent);
                    }
                }
            }
            return Ok(());
        }
    }
}
