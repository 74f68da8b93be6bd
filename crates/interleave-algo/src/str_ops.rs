//! `str` methods on `&str` with Python semantics: indices count characters (code points), not
//! bytes; `repr` of `str` and `bytes`; splitting, stripping, padding, searching, case mapping and
//! the `is*` predicates, each a port of CPython 3.11's `unicodeobject.c` / `stringlib`.

use crate::error::{AlgoError, check_len};
use crate::unicode::{
    is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_linebreak,
    is_lowercase, is_numeric, is_printable, is_titlecase, is_uppercase, is_xid_continue,
    is_xid_start, push_folded, push_lower, push_title, push_upper,
};

pub use crate::unicode::is_space;

/// Pushes `\xNN`, `\uNNNN` or `\UNNNNNNNN` for `cp`.
fn push_hex_escape(out: &mut String, cp: u32) {
    if cp <= 0xff {
        out.push_str(&format!("\\x{cp:02x}"));
    } else if cp <= 0xffff {
        out.push_str(&format!("\\u{cp:04x}"));
    } else {
        out.push_str(&format!("\\U{cp:08x}"));
    }
}

/// The quote `repr` picks: `"` only when the text has `'` and no `"`.
fn pick_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// `repr(s)` for a `str`: quotes, `\\ \n \r \t`, `\xNN` for control characters, and
/// `\xNN`/`\uNNNN`/`\UNNNNNNNN` for non-printable non-ASCII; printable text (`中文`) stays.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a `str`: like [`str_repr`] but every non-ASCII character is escaped.
pub fn str_ascii(s: &str) -> String {
    repr_impl(s, true)
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = pick_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => push_hex_escape(&mut out, c as u32),
            c if c.is_ascii() => out.push(c),
            c if !ascii_only && is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for `bytes`: `b'...'` with the same quote rule and `\xNN` outside printable ASCII.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = pick_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

// ---------------------------------------------------------------------------------------------
// Predicates

/// `s.isspace()`.
pub fn str_isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_space)
}

/// `s.isalpha()`.
pub fn str_isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alpha)
}

/// `s.isalnum()`.
pub fn str_isalnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alnum)
}

/// `s.isdecimal()`.
pub fn str_isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_decimal)
}

/// `s.isdigit()`.
pub fn str_isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_digit)
}

/// `s.isnumeric()`.
pub fn str_isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_numeric)
}

/// `s.isprintable()` (true for the empty string).
pub fn str_isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}

/// `s.isascii()` (true for the empty string).
pub fn str_isascii(s: &str) -> bool {
    s.is_ascii()
}

/// `s.isidentifier()`.
pub fn str_isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_xid_start) && chars.all(is_xid_continue)
}

/// `s.islower()`: some cased character, and none upper- or titlecase.
pub fn str_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_uppercase(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_lowercase(c);
    }
    cased
}

/// `s.isupper()`: some cased character, and none lower- or titlecase.
pub fn str_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lowercase(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_uppercase(c);
    }
    cased
}

/// `s.istitle()`.
pub fn str_istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if is_uppercase(c) || is_titlecase(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if is_lowercase(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------------------------------
// Case mapping

/// CPython's `lower_ucs4`: lowercases `chars[i]`, applying the Final_Sigma rule to `Σ`.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != '\u{3a3}' {
        push_lower(c, out);
        return;
    }
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let mut final_sigma = before.is_some_and(|&c| is_cased(c));
    if final_sigma {
        let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
        final_sigma = after.is_none_or(|&c| !is_cased(c));
    }
    out.push(if final_sigma { 'ς' } else { 'σ' });
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(c, &mut out));
    out
}

/// `s.lower()` (with the final-sigma rule).
pub fn lower(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    (0..chars.len()).for_each(|i| push_lower_at(&chars, i, &mut out));
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_folded(c, &mut out));
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_uppercase(c) {
            push_lower_at(&chars, i, &mut out);
        } else if is_lowercase(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    if let Some(&first) = chars.first() {
        push_title(first, &mut out);
        (1..chars.len()).for_each(|i| push_lower_at(&chars, i, &mut out));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Splitting and stripping

/// `maxsplit` as CPython reads it: negative means unlimited.
fn max_count(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace.
/// Error: `ValueError: empty separator`.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<String>, AlgoError> {
    let chars: Vec<char> = s.chars().collect();
    let mut maxcount = max_count(maxsplit);
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let n = chars.len();
        let mut i = 0;
        while maxcount > 0 {
            while i < n && is_space(chars[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            let j = i;
            i += 1;
            while i < n && !is_space(chars[i]) {
                i += 1;
            }
            out.push(collect(&chars[j..i]));
            maxcount -= 1;
        }
        if i < n {
            while i < n && is_space(chars[i]) {
                i += 1;
            }
            if i != n {
                out.push(collect(&chars[i..]));
            }
        }
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(AlgoError::value("empty separator"));
    }
    let mut rest = s;
    while maxcount > 0 {
        let Some(pos) = rest.find(sep) else { break };
        out.push(rest[..pos].to_string());
        rest = &rest[pos + sep.len()..];
        maxcount -= 1;
    }
    out.push(rest.to_string());
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<String>, AlgoError> {
    let chars: Vec<char> = s.chars().collect();
    let mut maxcount = max_count(maxsplit);
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let mut i = chars.len();
        while maxcount > 0 {
            while i > 0 && is_space(chars[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            let j = i;
            i -= 1;
            while i > 0 && !is_space(chars[i - 1]) {
                i -= 1;
            }
            out.push(collect(&chars[i..j]));
            maxcount -= 1;
        }
        if i > 0 {
            while i > 0 && is_space(chars[i - 1]) {
                i -= 1;
            }
            if i != 0 {
                out.push(collect(&chars[..i]));
            }
        }
        out.reverse();
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(AlgoError::value("empty separator"));
    }
    let mut rest = s;
    while maxcount > 0 {
        let Some(pos) = rest.rfind(sep) else { break };
        out.push(rest[pos + sep.len()..].to_string());
        rest = &rest[..pos];
        maxcount -= 1;
    }
    out.push(rest.to_string());
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at every Python line boundary, `\r\n` counting as one.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n {
        while i < n && !is_linebreak(chars[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            i += if chars[i] == '\r' && i + 1 < n && chars[i + 1] == '\n' {
                2
            } else {
                1
            };
            if keepends {
                eol = i;
            }
        }
        out.push(collect(&chars[j..eol]));
        j = i;
    }
    out
}

/// Which ends [`strip_impl`] strips.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ends {
    Left,
    Right,
    Both,
}

fn strip_impl(s: &str, chars: Option<&str>, ends: Ends) -> String {
    let strip_it = |c: char| match chars {
        None => is_space(c),
        Some(set) => set.contains(c),
    };
    let mut out = s;
    if ends != Ends::Right {
        out = out.trim_start_matches(strip_it);
    }
    if ends != Ends::Left {
        out = out.trim_end_matches(strip_it);
    }
    out.to_string()
}

/// `s.strip(chars)`; `None` strips Python whitespace.
pub fn strip(s: &str, chars: Option<&str>) -> String {
    strip_impl(s, chars, Ends::Both)
}

/// `s.lstrip(chars)`.
pub fn lstrip(s: &str, chars: Option<&str>) -> String {
    strip_impl(s, chars, Ends::Left)
}

/// `s.rstrip(chars)`.
pub fn rstrip(s: &str, chars: Option<&str>) -> String {
    strip_impl(s, chars, Ends::Right)
}

/// `s.partition(sep)` → `(head, sep, tail)`; `(s, "", "")` when `sep` is absent.
pub fn partition(s: &str, sep: &str) -> Result<(String, String, String), AlgoError> {
    if sep.is_empty() {
        return Err(AlgoError::value("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(p) => (
            s[..p].to_string(),
            sep.to_string(),
            s[p + sep.len()..].to_string(),
        ),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`; `("", "", s)` when `sep` is absent.
pub fn rpartition(s: &str, sep: &str) -> Result<(String, String, String), AlgoError> {
    if sep.is_empty() {
        return Err(AlgoError::value("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(p) => (
            s[..p].to_string(),
            sep.to_string(),
            s[p + sep.len()..].to_string(),
        ),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ---------------------------------------------------------------------------------------------
// Padding

/// Pads with `left` and `right` copies of `fill`.
fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<String, AlgoError> {
    check_len(s.chars().count() + left + right)?;
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// How much padding `width` asks for, if any.
fn margin(s: &str, width: i64) -> Option<usize> {
    let len = s.chars().count();
    usize::try_from(width)
        .ok()
        .filter(|&w| w > len)
        .map(|w| w - len)
}

/// `s.center(width, fillchar)`, with CPython's odd-margin rule.
pub fn center(s: &str, width: i64, fill: char) -> Result<String, AlgoError> {
    let Some(marg) = margin(s, width) else {
        return Ok(s.to_string());
    };
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(s, left, marg - left, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> Result<String, AlgoError> {
    match margin(s, width) {
        Some(m) => pad(s, 0, m, fill),
        None => Ok(s.to_string()),
    }
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> Result<String, AlgoError> {
    match margin(s, width) {
        Some(m) => pad(s, m, 0, fill),
        None => Ok(s.to_string()),
    }
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> Result<String, AlgoError> {
    let Some(fill) = margin(s, width) else {
        return Ok(s.to_string());
    };
    let padded = pad(s, fill, 0, '0')?;
    Ok(match s.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut out = String::with_capacity(padded.len());
            out.push(sign);
            out.extend(std::iter::repeat_n('0', fill));
            out.push_str(&s[1..]);
            out
        }
        _ => padded,
    })
}

/// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`.
pub fn expandtabs(s: &str, tabsize: i64) -> Result<String, AlgoError> {
    let mut out = String::with_capacity(s.len());
    let mut column: usize = 0;
    let mut total: usize = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let size = usize::try_from(tabsize).unwrap_or(usize::MAX);
                let incr = size - column % size;
                total = total.saturating_add(incr);
                check_len(total)?;
                column += incr;
                out.extend(std::iter::repeat_n(' ', incr));
            }
        } else {
            column += 1;
            total += 1;
            if c == '\n' || c == '\r' {
                column = 0;
            }
            out.push(c);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Searching

/// CPython's `ADJUST_INDICES`: clamps optional `start`/`end` (negative from the end) to `len`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (start as usize, end as usize)
}

/// Byte offset of character index `i` in `s` (or `s.len()` past the end).
fn byte_at(s: &str, i: usize) -> usize {
    s.char_indices().nth(i).map_or(s.len(), |(b, _)| b)
}

/// The slice `s[start:end]` in characters, with `start <= end` (else `None`).
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(&str, usize)> {
    let (start, end) = adjust_indices(start, end, s.chars().count());
    if start > end {
        return None;
    }
    let (b0, b1) = (byte_at(s, start), byte_at(s, end));
    Some((&s[b0..b1], start))
}

/// `s.find(sub, start, end)`: the character index of the first match, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, offset)) => w
            .find(sub)
            .map_or(-1, |b| (offset + w[..b].chars().count()) as i64),
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: the character index of the last match, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, offset)) => w
            .rfind(sub)
            .map_or(-1, |b| (offset + w[..b].chars().count()) as i64),
        None => -1,
    }
}

/// `s.count(sub, start, end)`: non-overlapping matches; `len + 1` for an empty `sub`.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    match window(s, start, end) {
        Some((w, _)) if sub.is_empty() => w.chars().count() + 1,
        Some((w, _)) => w.matches(sub).count(),
        None => 0,
    }
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end).is_some_and(|(w, _)| w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end).is_some_and(|(w, _)| w.ends_with(suffix))
}

/// `s.replace(old, new, count)`; a negative `count` replaces every match. An empty `old`
/// inserts `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String, AlgoError> {
    let max = max_count(count);
    if old.is_empty() {
        let n = s.chars().count();
        let inserts = max.min(n + 1);
        check_len(n + inserts * new.chars().count())?;
        let mut out = String::new();
        let mut done = 0;
        for c in s.chars() {
            if done < inserts {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < inserts {
            out.push_str(new);
        }
        return Ok(out);
    }
    let matches = s.matches(old).count().min(max);
    let grow = new.chars().count().saturating_sub(old.chars().count());
    check_len(s.chars().count() + matches * grow)?;
    Ok(s.replacen(old, new, matches))
}
