//! Character properties and full case mappings exactly as CPython 3.11 (Unicode 14.0) sees them:
//! `Py_UNICODE_ISSPACE`, `isprintable`, `isalpha`, the digit classes, `Cased`, `Case_Ignorable`
//! and `_PyUnicode_To{Upper,Lower,Title,Folded}Full`.

use crate::unicode_db as db;

/// Whether `cp` falls into one of the sorted inclusive ranges of `table`.
fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    let i = table.partition_point(|&(_, hi)| hi < cp);
    table.get(i).is_some_and(|&(lo, _)| lo <= cp)
}

/// `Py_UNICODE_ISSPACE`: what `str.split()` and `str.strip()` treat as whitespace.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}'
            | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// `Py_UNICODE_ISLINEBREAK`: the line boundaries of `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.isprintable` for one character (what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    in_table(db::PRINTABLE, c)
}

/// `str.isalpha` for one character (categories Lu Ll Lt Lm Lo).
pub fn is_alpha(c: char) -> bool {
    in_table(db::ALPHA, c)
}

/// `str.isdecimal` for one character (category Nd).
pub fn is_decimal(c: char) -> bool {
    in_table(db::DECIMAL, c)
}

/// `str.isdigit` for one character.
pub fn is_digit(c: char) -> bool {
    in_table(db::DIGIT, c)
}

/// `str.isnumeric` for one character.
pub fn is_numeric(c: char) -> bool {
    in_table(db::NUMERIC, c)
}

/// `str.isalnum` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// The Lowercase property (`Py_UNICODE_ISLOWER`).
pub fn is_lowercase(c: char) -> bool {
    in_table(db::LOWERCASE, c)
}

/// The Uppercase property (`Py_UNICODE_ISUPPER`).
pub fn is_uppercase(c: char) -> bool {
    in_table(db::UPPERCASE, c)
}

/// Category Lt (`Py_UNICODE_ISTITLE`).
pub fn is_titlecase(c: char) -> bool {
    in_table(db::TITLECASE, c)
}

/// The Cased property (`_PyUnicode_IsCased`).
pub fn is_cased(c: char) -> bool {
    in_table(db::CASED, c)
}

/// The Case_Ignorable property (`_PyUnicode_IsCaseIgnorable`).
pub fn is_case_ignorable(c: char) -> bool {
    in_table(db::CASE_IGNORABLE, c)
}

/// `_PyUnicode_IsXidStart(c) || c == '_'`: may start an identifier.
pub fn is_xid_start(c: char) -> bool {
    in_table(db::XID_START, c)
}

/// `_PyUnicode_IsXidContinue`: may continue an identifier.
pub fn is_xid_continue(c: char) -> bool {
    in_table(db::XID_CONTINUE, c)
}

/// Whether `cp` is in a sorted list of code points.
fn in_list(list: &[u32], c: char) -> bool {
    list.binary_search(&(c as u32)).is_ok()
}

/// Looks `c` up in a sorted mapping table.
fn in_map(map: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    map.binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| map[i].1)
}

/// `_PyUnicode_ToUpperFull`: the full uppercase mapping of `c` (`ß` → `SS`), appended to `out`.
pub fn push_upper(c: char, out: &mut String) {
    if in_list(db::NO_UPPER, c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// `_PyUnicode_ToLowerFull` (without the final-sigma rule), appended to `out`.
pub fn push_lower(c: char, out: &mut String) {
    if in_list(db::NO_LOWER, c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `_PyUnicode_ToLowercase`: one character, what `re`'s case-insensitive matching uses. For
/// the characters with a special (multi-character) mapping CPython's database answers the
/// first character of the full mapping (`İ` → `i`).
pub fn simple_lower(c: char) -> char {
    if in_list(db::NO_LOWER, c) {
        return c;
    }
    c.to_lowercase().next().unwrap_or(c)
}

/// `_PyUnicode_ToUppercase`: one character; the first character of the full mapping for the
/// characters with a special one (`ß` → `S`).
pub fn simple_upper(c: char) -> char {
    if in_list(db::NO_UPPER, c) {
        return c;
    }
    c.to_uppercase().next().unwrap_or(c)
}

/// `_PyUnicode_ToTitleFull`, appended to `out`.
pub fn push_title(c: char, out: &mut String) {
    match in_map(db::TITLE_MAP, c) {
        Some(mapped) => out.push_str(mapped),
        None => push_upper(c, out),
    }
}

/// `_PyUnicode_ToFoldedFull` (what `str.casefold` uses), appended to `out`.
pub fn push_folded(c: char, out: &mut String) {
    match in_map(db::CASEFOLD_MAP, c) {
        Some(mapped) => out.push_str(mapped),
        None => push_lower(c, out),
    }
}
