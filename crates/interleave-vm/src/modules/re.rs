//! `_re`: the native engine under `re` (see `py/re.py`). Python's regular-expression syntax is
//! translated to `fancy-regex` syntax (which adds lookaround and backreferences to the `regex`
//! crate), compiled once per (pattern, flags) and cached. Results are spans in characters,
//! flattened as `(start0, end0, start1, end1, …)` with `-1` for groups that did not take part.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::Regex;

use crate::interp::Interp;
use crate::native::{Args, NativeFn, PyResult};
use crate::value::{ObjRef, PyStr, Value};

/// Python's `re` flag values.
const IGNORECASE: i64 = 2;
const MULTILINE: i64 = 8;
const DOTALL: i64 = 16;
const VERBOSE: i64 = 64;
const ASCII: i64 = 256;

/// How many compiled patterns are kept (CPython's `re._MAXCACHE`); the cache is emptied when full.
const MAX_CACHE: usize = 512;

/// Most backtracking steps one search may take before it fails with `re.error`.
const BACKTRACK_LIMIT: usize = 1_000_000;

/// A compiled pattern: the search form, plus the anchored forms `match`/`fullmatch` need.
struct Compiled {
    search: Regex,
    anchored: Regex,
    full: Regex,
    /// Number of capturing groups (without group 0).
    groups: usize,
    /// Group names by group number (index 0 unused).
    names: Vec<Option<String>>,
}

thread_local! {
    /// Compiled patterns by (pattern, flags). Compilation is a pure function of the key, so
    /// sharing the cache between simulated processes is invisible to programs.
    static CACHE: RefCell<HashMap<(String, i64), Rc<Compiled>>> = RefCell::new(HashMap::new());
}

pub fn init(interp: &mut Interp, d: ObjRef) -> PyResult<()> {
    let fns: &[(&'static str, NativeFn)] = &[("compile", compile), ("search", search), ("scan", scan)];
    for &(name, f) in fns {
        interp.def_fn(d, name, f);
    }
    Ok(())
}

/// Translates Python regex syntax to fancy-regex syntax. Returns the translation and the
/// flags after folding in leading global inline flags such as `(?i)`.
fn translate(pat: &str, mut flags: i64) -> Result<(String, i64), String> {
    let c: Vec<char> = pat.chars().collect();
    let n = c.len();
    let mut i = 0;
    while i + 2 < n && c[i] == '(' && c[i + 1] == '?' && "aiLmsux".contains(c[i + 2]) {
        let mut j = i + 2;
        let mut f = flags;
        while j < n && "aiLmsux".contains(c[j]) {
            f |= match c[j] {
                'i' => IGNORECASE,
                'm' => MULTILINE,
                's' => DOTALL,
                'x' => VERBOSE,
                'a' => ASCII,
                _ => 0,
            };
            j += 1;
        }
        if j < n && c[j] == ')' {
            flags = f;
            i = j + 1;
        } else {
            break;
        }
    }
    let verbose = flags & VERBOSE != 0;
    let ascii = flags & ASCII != 0;
    let mut out = String::new();
    let mut in_class = false;
    let mut class_start = false;
    while i < n {
        let ch = c[i];
        if in_class {
            let first = class_start;
            class_start = false;
            match ch {
                '\\' => {
                    i = escape(&c, i, true, ascii, &mut out)?;
                    continue;
                }
                ']' if !first => {
                    in_class = false;
                    out.push(']');
                }
                '[' | '&' | '~' | '#' | ' ' | ']' => {
                    out.push('\\');
                    out.push(ch);
                }
                '-' if c.get(i + 1) == Some(&'-') => out.push_str("\\-"),
                '\t' | '\n' | '\r' if verbose => out.push_str(&format!("\\x{{{:x}}}", ch as u32)),
                _ => out.push(ch),
            }
            i += 1;
            continue;
        }
        match ch {
            '\\' => {
                i = escape(&c, i, false, ascii, &mut out)?;
                continue;
            }
            '[' => {
                in_class = true;
                class_start = true;
                out.push('[');
                if c.get(i + 1) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
            }
            '$' if flags & MULTILINE == 0 => out.push_str("(?=\\n?\\z)"),
            '{' => match quantifier(&c, i) {
                Some((text, end)) => {
                    out.push_str(&text);
                    i = end;
                    continue;
                }
                None => out.push_str("\\{"),
            },
            '}' => out.push_str("\\}"),
            '#' if verbose => {
                while i < n && c[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '(' if c.get(i + 1) == Some(&'?') => {
                let rest: String = c[i + 2..n.min(i + 4)].iter().collect();
                if rest.starts_with('#') {
                    while i < n && c[i] != ')' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                } else if rest == "P=" {
                    let close = c[i..].iter().position(|&x| x == ')').ok_or("missing ), unterminated name")?;
                    let name: String = c[i + 4..i + close].iter().collect();
                    out.push_str(&format!("\\k<{name}>"));
                    i += close + 1;
                    continue;
                } else if let Some(colon) = scoped_flags(&c, i) {
                    // `(?a:…)`, `(?u:…)`, `(?L:…)`: the engine is Unicode-aware; keep the others.
                    out.push_str("(?");
                    out.extend(c[i + 2..colon].iter().filter(|f| !"aLu".contains(**f)));
                    out.push(':');
                    i = colon + 1;
                    continue;
                } else if c.get(i + 2).is_some_and(|x| "aiLmsux".contains(*x))
                    && c[i + 2..].iter().position(|&x| x == ')' || x == ':' || x == '-').is_some_and(|p| c[i + 2 + p] == ')')
                {
                    return Err(format!("global flags not at the start of the expression at position {i}"));
                }
                out.push('(');
            }
            _ => out.push(ch),
        }
        i += 1;
    }
    if in_class {
        return Err("unterminated character set".into());
    }
    Ok((out, flags))
}

/// For `(?flags:` or `(?flags-flags:` at `c[i]`, the index of the colon.
fn scoped_flags(c: &[char], i: usize) -> Option<usize> {
    let mut j = i + 2;
    while j < c.len() && ("aiLmsux-".contains(c[j])) {
        j += 1;
    }
    (j > i + 2 && c.get(j) == Some(&':')).then_some(j)
}

/// A `{m,n}` quantifier at `c[i]` (Python also allows `{,n}`), or `None` for a literal `{`.
fn quantifier(c: &[char], i: usize) -> Option<(String, usize)> {
    let close = c[i..].iter().position(|&x| x == '}')? + i;
    let body: String = c[i + 1..close].iter().collect();
    let ok = |s: &str| s.chars().all(|d| d.is_ascii_digit());
    let text = match body.split_once(',') {
        None if !body.is_empty() && ok(&body) => format!("{{{body}}}"),
        Some((a, b)) if ok(a) && ok(b) && !(a.is_empty() && b.is_empty()) => {
            format!("{{{},{b}}}", if a.is_empty() { "0" } else { a })
        }
        _ => return None,
    };
    Some((text, close + 1))
}

/// Translates the escape at `c[i]` (a backslash); returns the index after it.
fn escape(c: &[char], i: usize, in_class: bool, ascii: bool, out: &mut String) -> Result<usize, String> {
    let Some(&e) = c.get(i + 1) else { return Err("bad escape (end of pattern)".into()) };
    let hex = |from: usize, len: usize| -> Result<u32, String> {
        let s: String = c.get(from..from + len).ok_or("incomplete escape")?.iter().collect();
        u32::from_str_radix(&s, 16).map_err(|_| format!("incomplete escape \\{e}{s}"))
    };
    let push_char = |out: &mut String, v: u32| out.push_str(&format!("\\x{{{v:x}}}"));
    let next = match e {
        'Z' if !in_class => {
            out.push_str("\\z");
            i + 2
        }
        'A' | 'B' | 'Z' if in_class => return Err(format!("bad escape \\{e} at position {i}")),
        'b' if in_class => {
            push_char(out, 8);
            i + 2
        }
        'a' => {
            push_char(out, 7);
            i + 2
        }
        'x' => {
            push_char(out, hex(i + 2, 2)?);
            i + 4
        }
        'u' => {
            push_char(out, hex(i + 2, 4)?);
            i + 6
        }
        'U' => {
            push_char(out, hex(i + 2, 8)?);
            i + 10
        }
        '0'..='7' if e == '0' || (c.get(i + 2).is_some_and(|d| ('0'..='7').contains(d)) && c.get(i + 3).is_some_and(|d| ('0'..='7').contains(d))) || in_class => {
            let mut j = i + 1;
            let mut v = 0u32;
            while j < c.len() && j < i + 4 && ('0'..='7').contains(&c[j]) {
                v = v * 8 + c[j].to_digit(8).unwrap_or(0);
                j += 1;
            }
            push_char(out, v);
            j
        }
        '1'..='9' => {
            let mut j = i + 1;
            while j < c.len() && j < i + 3 && c[j].is_ascii_digit() {
                j += 1;
            }
            out.push('\\');
            out.extend(&c[i + 1..j]);
            j
        }
        'd' | 'D' | 'w' | 'W' | 's' | 'S' if ascii => {
            let set = match e.to_ascii_lowercase() {
                'd' => "0-9",
                'w' => "0-9A-Za-z_",
                _ => "\\t\\n\\x0B\\f\\r ",
            };
            let neg = e.is_ascii_uppercase();
            match (in_class, neg) {
                (true, false) => out.push_str(set),
                (true, true) => {
                    out.push('\\');
                    out.push(e);
                }
                (false, n) => out.push_str(&format!("[{}{set}]", if n { "^" } else { "" })),
            }
            i + 2
        }
        'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'b' | 'B' | 'A' | 'n' | 't' | 'r' | 'f' | 'v' => {
            out.push('\\');
            out.push(e);
            i + 2
        }
        e if e.is_ascii_alphanumeric() => return Err(format!("bad escape \\{e} at position {i}")),
        e => {
            if e.is_ascii_punctuation() {
                out.push('\\');
                out.push(e);
            } else {
                push_char(out, e as u32);
            }
            i + 2
        }
    };
    Ok(next)
}

fn build(text: &str) -> Result<Regex, String> {
    fancy_regex::RegexBuilder::new(text).backtrack_limit(BACKTRACK_LIMIT).build().map_err(|e| e.to_string())
}

/// Compiles (or fetches from the cache) `pattern` with `flags`.
fn compiled(interp: &mut Interp, pattern: &str, flags: i64) -> PyResult<Rc<Compiled>> {
    let key = (pattern.to_owned(), flags);
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let make = || -> Result<Compiled, String> {
        let (body, flags) = translate(pattern, flags)?;
        let mut prefix = String::new();
        for (bit, letter) in [(IGNORECASE, 'i'), (MULTILINE, 'm'), (DOTALL, 's'), (VERBOSE, 'x')] {
            if flags & bit != 0 {
                prefix.push_str(&format!("(?{letter})"));
            }
        }
        let nl = if flags & VERBOSE != 0 { "\n" } else { "" };
        let search = build(&format!("{prefix}{body}"))?;
        let anchored = build(&format!("{prefix}\\A(?:{body}{nl})"))?;
        let full = build(&format!("{prefix}\\A(?:{body}{nl})\\z"))?;
        let groups = search.captures_len().saturating_sub(1);
        let mut names = vec![None; groups + 1];
        for (i, name) in search.capture_names().enumerate() {
            if let (Some(slot), Some(name)) = (names.get_mut(i), name) {
                *slot = Some(name.to_owned());
            }
        }
        Ok(Compiled { search, anchored, full, groups, names })
    };
    interp.charge(pattern.len() as u64 * 4 + 20);
    let c = Rc::new(make().map_err(|msg| interp.err(interp.t.value_error, msg))?);
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHE {
            cache.clear();
        }
        cache.insert(key, c.clone());
    });
    Ok(c)
}

fn str_arg(interp: &mut Interp, v: &Value, what: &str) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => {
            let msg = format!("expected string or bytes-like object, got '{}'", interp.type_name(v));
            let _ = what;
            Err(interp.err(interp.t.type_error, msg))
        }
    }
}

fn int_arg(v: Option<&Value>, default: i64) -> i64 {
    match v {
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        _ => default,
    }
}

/// `_re.compile(pattern, flags) -> (groups, names)`: validates the pattern; `names` lists
/// `(name, index)` pairs of named groups in index order. Errors are `ValueError(message)`.
fn compile(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let pattern = str_arg(interp, a.pos.first().unwrap_or(&Value::None), "pattern")?;
    let flags = int_arg(a.pos.get(1), 0);
    let c = compiled(interp, pattern.as_str(), flags)?;
    let mut named = Vec::new();
    for (i, name) in c.names.iter().enumerate() {
        if let Some(name) = name {
            let pair = vec![Value::str(name.as_str()), Value::Int(i as i64)];
            named.push(interp.new_tuple(pair));
        }
    }
    let named = interp.new_list(named);
    Ok(interp.new_tuple(vec![Value::Int(c.groups as i64), named]))
}

/// The subject of a search: the text up to `endpos` and the char/byte positions to start at.
struct Subject {
    text: Rc<PyStr>,
    /// Byte length of the searched prefix (Python's `endpos`).
    end_byte: usize,
    start_byte: usize,
}

fn subject(interp: &mut Interp, a: &Args) -> PyResult<(Rc<Compiled>, Subject)> {
    let pattern = str_arg(interp, a.pos.first().unwrap_or(&Value::None), "pattern")?;
    let flags = int_arg(a.pos.get(1), 0);
    let c = compiled(interp, pattern.as_str(), flags)?;
    let text = str_arg(interp, a.pos.get(2).unwrap_or(&Value::None), "string")?;
    let len = text.len() as i64;
    let endpos = int_arg(a.pos.get(4), len).clamp(0, len) as usize;
    let pos = int_arg(a.pos.get(3), 0).clamp(0, len) as usize;
    let end_byte = text.byte_offset(endpos);
    let start_byte = text.byte_offset(pos.min(endpos));
    Ok((c, Subject { text, end_byte, start_byte }))
}

/// Converts byte offsets to character offsets, walking forward from a known point.
struct CharCounter<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl CharCounter<'_> {
    fn at(&mut self, b: usize) -> i64 {
        if self.ascii {
            return b as i64;
        }
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars as i64
    }
}

/// The byte spans of a match's groups (group 0 first), `None` for groups that did not take part.
type Spans = Vec<Option<(usize, usize)>>;

/// Runs one search; returns the byte spans of every group.
fn run(interp: &mut Interp, re: &Regex, hay: &str, from: usize) -> PyResult<Option<Spans>> {
    let caps = re.captures_from_pos(hay, from).map_err(|e| interp.err(interp.t.value_error, e.to_string()))?;
    let Some(caps) = caps else {
        interp.charge((hay.len() - from) as u64 / 8 + 1);
        return Ok(None);
    };
    let spans: Spans = (0..caps.len()).map(|i| caps.get(i).map(|m| (m.start(), m.end()))).collect();
    let end = spans.first().copied().flatten().map_or(from, |s| s.1);
    interp.charge((end.saturating_sub(from)) as u64 / 8 + 1);
    Ok(Some(spans))
}

fn spans_tuple(interp: &mut Interp, spans: &[Option<(usize, usize)>], counter: &mut CharCounter) -> Value {
    let mut flat = Vec::with_capacity(spans.len() * 2);
    for s in spans {
        match s {
            Some((a, b)) => {
                flat.push(Value::Int(counter.at(*a)));
                flat.push(Value::Int(counter.at(*b)));
            }
            None => {
                flat.push(Value::Int(-1));
                flat.push(Value::Int(-1));
            }
        }
    }
    interp.new_tuple(flat)
}

/// `_re.search(pattern, flags, string, pos, endpos, mode)`: mode 0 searches, 1 matches at
/// `pos`, 2 matches all of `string[pos:endpos]`. Returns the spans or None.
fn search(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (c, s) = subject(interp, &a)?;
    let mode = int_arg(a.pos.get(5), 0);
    let hay = &s.text.as_str()[..s.end_byte];
    let spans = match mode {
        0 => run(interp, &c.search, hay, s.start_byte)?,
        _ if s.start_byte == 0 => run(interp, if mode == 1 { &c.anchored } else { &c.full }, hay, 0)?,
        _ => {
            // Anchoring at a later position: the leftmost match found from `pos` is the one an
            // anchored match would find, if it starts at `pos`.
            let found = run(interp, &c.search, hay, s.start_byte)?;
            found.filter(|sp| match sp.first().copied().flatten() {
                Some((a, b)) => a == s.start_byte && (mode == 1 || b == s.end_byte),
                None => false,
            })
        }
    };
    let Some(spans) = spans else { return Ok(Value::None) };
    let mut counter = CharCounter { text: s.text.as_str(), ascii: s.text.is_ascii(), byte: 0, chars: 0 };
    Ok(spans_tuple(interp, &spans, &mut counter))
}

/// `_re.scan(pattern, flags, string, pos, endpos, count)`: the spans of successive
/// non-overlapping matches (at most `count` if it is positive), with Python's rule for empty
/// matches: one may follow a non-empty match directly, but not another empty match.
fn scan(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let (c, s) = subject(interp, &a)?;
    let count = int_arg(a.pos.get(5), 0);
    let hay = &s.text.as_str()[..s.end_byte];
    let mut counter = CharCounter { text: s.text.as_str(), ascii: s.text.is_ascii(), byte: 0, chars: 0 };
    let mut out = Vec::new();
    let mut from = s.start_byte;
    let mut last_empty_at: Option<usize> = None;
    while from <= hay.len() && (count <= 0 || (out.len() as i64) < count) {
        let Some(spans) = run(interp, &c.search, hay, from)? else { break };
        let Some((start, end)) = spans.first().copied().flatten() else { break };
        if start == end && last_empty_at == Some(start) {
            // An empty match where the previous one ended empty: retry one character later.
            let Some(ch) = hay[start..].chars().next() else { break };
            from = start + ch.len_utf8();
            last_empty_at = None;
            continue;
        }
        out.push(spans_tuple(interp, &spans, &mut counter));
        last_empty_at = if start == end { Some(end) } else { None };
        from = end;
        if start == end && from >= hay.len() {
            break;
        }
    }
    Ok(interp.new_list(out))
}
